"""The codes factdiff reports, each declared by the rule module that decides it.

A :class:`Rule` is what ``factdiff rules`` lists and ``factdiff rule CODE`` prints, what README's
code table is checked against, and, through its examples, a test: each example is run through
the whole pipeline and must fire, or stay quiet, as declared.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import Severity


@dataclass(frozen=True)
class Example:
    """Two versions of one claim (a short story each), as a user would give them."""

    a: str
    b: str


@dataclass(frozen=True)
class Rule:
    """One code: what it is, how severe it can be, why it exists, and examples of both sides."""

    code: str
    kind: str
    severities: tuple[Severity, ...]  # most severe first; the first where the sentences line up
    summary: str
    doc: str  # why the rule exists and when it stays quiet
    fires: tuple[Example, ...]  # the code is reported (at some severity)
    quiet: tuple[Example, ...]  # the code is not reported at all

    @property
    def severity(self) -> str:
        """As README writes it: "error/warning"."""
        return "/".join(s.value for s in self.severities)


def all_rules() -> tuple[Rule, ...]:
    """Every rule, by code."""
    from .rules import RULES

    return RULES


def find_rule(code: str) -> Rule:
    """The rule of ``code`` (case-insensitive); an InputError naming the known codes if none."""
    wanted = code.strip().upper()
    for rule in all_rules():
        if rule.code == wanted:
            return rule
    raise InputError(f"unknown rule {code!r}; known: {', '.join(r.code for r in all_rules())}")

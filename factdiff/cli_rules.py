"""``factdiff rules`` and ``factdiff rule CODE``: the rule book, from the registry of codes.

The texts are built here from the rules :func:`factdiff.compare.all_rules` gives; README's code table is
:func:`markdown_table` of the same rules (a test checks that they agree).
"""

from __future__ import annotations

import json
import sys
import textwrap
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from .compare import Rule

WIDTH = 100


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


FormatOption = Annotated[RulesFormat, typer.Option("--format", "-f", help="Plain text or JSON (for tools).")]


def rules_command(format: FormatOption = RulesFormat.text) -> None:
    """List every code factdiff reports, with its kind, severity and summary."""
    from .compare import all_rules  # lazily: the comparison modules import numpy

    rules = all_rules()
    if format is RulesFormat.json:
        text = json.dumps([_summary(r) for r in rules], indent=2, ensure_ascii=False) + "\n"
    else:
        text = rules_text(rules)
    sys.stdout.write(text)


def rule_command(
    code: Annotated[str, typer.Argument(help="A code, such as FD301.")],
    format: FormatOption = RulesFormat.text,
) -> None:
    """Print one code's documentation: why it exists, when it stays quiet, and examples."""
    from .compare import find_rule

    rule = find_rule(code)  # an unknown code is an InputError: one line, exit 2
    if format is RulesFormat.json:
        text = json.dumps(rule_dict(rule), indent=2, ensure_ascii=False) + "\n"
    else:
        text = rule_text(rule)
    sys.stdout.write(text)


def rules_text(rules: tuple[Rule, ...]) -> str:
    """One line per code, in aligned columns."""
    kind = max(len(r.kind) for r in rules)
    severity = max(len(r.severity) for r in rules)
    return "".join(f"{r.code}  {r.kind:<{kind}}  {r.severity:<{severity}}  {r.summary}\n" for r in rules)


def rule_text(rule: Rule) -> str:
    """A rule's page: heading, summary, documentation, then its examples, both sides."""
    lines = [f"{rule.code} · {rule.kind} · {rule.severity}", rule.summary, ""]
    lines += textwrap.wrap(rule.doc, WIDTH)
    for title, examples in (("Fires on", rule.fires), ("Stays quiet on", rule.quiet)):
        lines += ["", f"{title}:"]
        for example in examples:
            lines += textwrap.wrap(example.a, WIDTH, initial_indent="  a: ", subsequent_indent="     ")
            lines += textwrap.wrap(example.b, WIDTH, initial_indent="  b: ", subsequent_indent="     ")
    return "\n".join(lines) + "\n"


def rule_dict(rule: Rule) -> dict:
    """Everything the registry says of a rule, as JSON-ready values."""
    return {
        **_summary(rule),
        "doc": rule.doc,
        "fires": [{"a": e.a, "b": e.b} for e in rule.fires],
        "quiet": [{"a": e.a, "b": e.b} for e in rule.quiet],
    }


def _summary(rule: Rule) -> dict:
    return {
        "code": rule.code,
        "kind": rule.kind,
        "severity": [s.value for s in rule.severities],
        "summary": rule.summary,
    }


def markdown_table(rules: tuple[Rule, ...]) -> str:
    """README's table of codes."""
    rows = ["| code | kind | severity | meaning |", "|---|---|---|---|"]
    rows += [f"| {r.code} | {r.kind} | {r.severity} | {r.summary} |" for r in rules]
    return "\n".join(rows) + "\n"

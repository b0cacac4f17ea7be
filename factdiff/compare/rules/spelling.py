"""Spelling: one name written two ways across versions (FD801).

A story rule: it looks at every version's names at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from ...facts import SentenceFacts
from ...model import Discrepancy, Fact, Severity
from ...variants import same_name
from ..emit import make, value_of
from ..registry import Example, Rule

SPELLING_VARIANT = Rule(
    "FD801",
    "spelling",
    (Severity.INFO,),
    "one name spelled two ways",
    "Zelenskyy and Zelensky are one person; a desk that publishes both should pick one. Names of "
    "one kind that fold to the same spelling are told, once per pair of spellings, as "
    "information: nothing is wrong. It stays quiet for names that differ only in case and for "
    "spellings used within one version only.",
    (Example("Ukrainian President Volodymyr Zelenskyy has argued that Russia could win the battle.",
             "Ukrainian President Volodymyr Zelensky has argued that Russia could win the battle."),),
    (Example("Ukrainian President Volodymyr Zelensky has argued that Russia could win the battle.",
             "Ukrainian President Volodymyr Zelensky has said that Russia could win the battle."),),
)
RULES = (SPELLING_VARIANT,)


def spelling_variants(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """One name written two ways across versions (Zelenskyy / Zelensky): worth knowing, not wrong."""
    forms: dict[str, dict[str, Fact]] = defaultdict(dict)
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.kind == "entity":
                forms[fact.slot].setdefault(fact.text, fact)
    found = []
    for kind, by_text in sorted(forms.items()):
        texts = sorted(by_text)
        for x, y in combinations(texts, 2):
            fx, fy = by_text[x], by_text[y]
            if fx.doc == fy.doc or x.lower() == y.lower() or not same_name(x, y):
                continue
            values = (value_of(fx), value_of(fy))
            found.append(
                make(
                    SPELLING_VARIANT,
                    Severity.INFO,
                    group_of.get((fx.doc, fx.sentence)),
                    f"“{x}” ({fx.doc}) and “{y}” ({fy.doc}) are spellings of one name.",
                    values,
                )
            )
    return found

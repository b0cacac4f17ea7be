"""Discrepancies and their values, built one way for every rule."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import quantities
from ..model import Discrepancy, Fact, Sentence, Severity, Value
from ..variants import fold

if TYPE_CHECKING:
    from .registry import Rule


def value_of(fact: Fact) -> Value:
    """A fact as a reported value: where it stands and what it normalizes to."""
    return Value(fact.doc, fact.text, fact.start, fact.end, display(fact), fact.sentence)


def span_value(sentences: Sequence[Sentence], start: int, end: int, normalized: str) -> Value:
    """A value for any span of a version's sentences, its text cut from the original."""
    for sentence in sentences:
        if sentence.start <= start and end <= sentence.end:
            text = sentence.text[start - sentence.start : end - sentence.start]
            return Value(sentence.doc, text, start, end, normalized, sentence.index)
    sentence = sentences[0]
    return Value(sentence.doc, "", sentence.start, sentence.start, normalized, sentence.index)


def display(fact: Fact) -> str:
    """A fact's value as shown to a reader: a name rather than a key, a clock time."""
    if fact.kind == "date" and fact.value.startswith("rel:"):
        return f"{fact.value} (no publication date)"
    if fact.kind in ("role", "title", "entity", "speaker"):
        return fact.detail or fact.value  # the holder's or speaker's name or the entity's kind, not a key
    if fact.kind == "number" and quantities.is_clock(fact.slot):
        hours, minutes = divmod(int(float(fact.value)), 60)
        return f"{hours or 12}:{minutes:02d}"
    return fact.value


def make(
    code: Rule,
    severity: Severity,
    group: str | None,
    explanation: str,
    values: tuple[Value, ...],
    majority: str | None = None,
    slot: str = "",
) -> Discrepancy:
    """A discrepancy, its id derived from what it says (never set by hand)."""
    return Discrepancy(
        id=_stable_id(code, values, slot),
        code=code.code,
        kind=code.kind,
        severity=severity,
        group=group,
        explanation=explanation,
        majority=majority,
        values=values,
    )


def _stable_id(code: Rule, values: Sequence[Value], slot: str = "") -> str:
    """Depends on what is said and by whom, not on file order, group numbers or offsets."""
    material = "\n".join(
        [code.code, slot] + sorted(f"{v.doc}\t{v.normalized}\t{fold(v.text)}" for v in values)
    )
    return f"{code.code}-{hashlib.sha256(material.encode()).hexdigest()[:10]}"

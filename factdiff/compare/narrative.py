"""Days told from the story's own last date: "On June 17, detectives searched his home ... A day
later, Johnson was arrested" dates the arrest June 18.

News narrates in order, and a day counted from the narrative ("the next day", "three days
later", "that night") is counted from the last date the version told: the reference time of
the narrative. It is anchored only to a date told to the day, in its own sentence or at most
:data:`NARRATIVE_REACH` sentences before; after a month, a year or nothing it names no day
and is dropped, so no unanchored offset is ever compared. Inside a quotation it is the
speaker's day, not the narrative's ("'Many hundreds of people died on that field that day,'"
of a battle five centuries before the day just told), and is dropped too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..facts import SentenceFacts
from ..model import Fact
from ..temporal import shifted
from .claims import quote_open_after
from .linking import detail_fields

NARRATIVE = "rel:narr:"
NARRATIVE_REACH = 2  # sentences back a narrative day's anchor may be told


def anchor_narrative_dates(analyses: Sequence[SentenceFacts]) -> tuple[SentenceFacts, ...]:
    """Every version's analyses with each narrative day anchored to the date told before it, or
    left out when no date told to the day comes shortly before it. ``analyses`` are in each
    version's sentence order."""
    last: dict[str, Fact] = {}  # per version, the date told last
    out = []
    for analysis in analyses:
        dates = sorted((f for f in analysis.facts if f.kind == "date" and f.value != "unknown"), key=lambda f: f.start)
        if not any(_narrative(f) for f in dates):
            if dates:
                last[analysis.sentence.doc] = dates[-1]
            out.append(analysis)
            continue
        anchored: dict[Fact, Fact | None] = {}
        for fact in dates:
            if _narrative(fact):
                anchor = last.get(fact.doc)
                told = anchor is not None and fact.sentence - anchor.sentence <= NARRATIVE_REACH and not _quoted(fact, analysis)
                fact_now = _anchored(fact, anchor) if told else None
                anchored[fact] = fact_now
                if fact_now is None:
                    last.pop(fact.doc, None)  # the narrative's day is lost: later offsets cannot count from it
                    continue
                fact = fact_now
            last[fact.doc] = fact
        facts = tuple(anchored.get(f, f) for f in analysis.facts if anchored.get(f, f) is not None)
        out.append(replace(analysis, facts=facts))
    return tuple(out)


def _narrative(fact: Fact) -> bool:
    return detail_fields(fact)[2].startswith(NARRATIVE)


def _quoted(fact: Fact, analysis: SentenceFacts) -> bool:
    return quote_open_after(analysis.sentence.text[: fact.start - analysis.sentence.start], False)


def _anchored(fact: Fact, anchor: Fact) -> Fact | None:
    """``fact``, a narrative day, with the value and key of ``anchor`` moved by its offset."""
    granularity, relative, key, _ = detail_fields(anchor)
    if granularity != "day":
        return None
    value = None if anchor.value.startswith("rel:") else anchor.value
    moved = shifted(value, key or anchor.value, int(detail_fields(fact)[2][len(NARRATIVE):]))
    if moved is None:
        return None
    new_value, new_key = moved
    role = detail_fields(fact)[3]
    return replace(fact, value=new_value or new_key, detail=f"day;{relative};{new_key};{role}")

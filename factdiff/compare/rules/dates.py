"""Dates: versions that date one event differently (FD101), or that say its time is unknown
where others date it (FD102).

FD101 is decided on linked date facts (:func:`..linking.pair_dates` within a group,
:func:`..linking.story_date_links` across the story) clustered by :mod:`..clusters`;
FD102 looks at every version's date facts at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ...facts import SentenceFacts
from ...model import Discrepancy, Fact, Severity
from ..clusters import clusters_to_discrepancies
from ..emit import make, value_of
from ..linking import Link, dates_agree
from ..registry import Example, Rule

DATE_CONFLICT = Rule(
    "FD101",
    "date",
    (Severity.ERROR, Severity.WARNING),
    "versions give different dates for one event",
    "A date is the fact rewrites get wrong most quietly: a day shifted, a relative \"yesterday\" "
    "resolved against another publication date. Dates are linked when they date the same claim "
    "(aligned sentences, or clauses anchored to the same entity elsewhere in the story) and told "
    "where the linked values cannot both hold (one calendar date given with two weekdays "
    "included): an error where the sentences align, a warning for "
    "a link across sentences or a relative date resolved against an inferred publication date. "
    "It stays quiet where a coarser date holds the finer one (\"April 2023\" holds \"18 April "
    "2023\"), where a version gives both values (\"from 2006 to 2008\") or a span holding the "
    "other's (\"born between the early 1980s and early 2000s\" / \"born in the 1990s\"), and never sets an "
    "unresolved relative date against an absolute one. Two dates conflict only when they date "
    "the same thing (:mod:`factdiff.compare.about`); a weekday that no publication date "
    "resolves conflicts only in one claim told twice, never with the weekday of another event. "
    "Across the story, a bare year is never linked by a shared name (a band or a company has a "
    "year for every event of its history), nor is a clause about \"a similar\", \"another\" or "
    "\"a previous\" event; an entity anchors the date of its sentence it stands nearest to. A day "
    "told from the version's own narrative (\"a day later\", \"the next morning\", \"that night\") "
    "is the date told just before it moved by that many days, and is left out where no date "
    "told to the day comes shortly before it. One person's arrest, conviction, sentencing, "
    "abduction, disappearance or resignation told to the day, like a founding, a birth or a "
    "death, is one event wherever the sentences are.",
    (Example("The bridge over the river was opened on 3 May 2021, the council said.",
             "The bridge over the river was opened on 5 May 2021, the council said."),
     Example("She found the message in the bottle on Tuesday April 8th, 2014, she said.",
             "She found the message in the bottle on Saturday April 8th, 2014, she said."),
     Example("On June 17, detectives searched the house of Dwight Smith. A day later, Kevin Johnson was "
             "arrested on suspicion of murder.",
             "On June 17, detectives searched the house of Dwight Smith. Kevin Johnson was arrested on "
             "June 17 on suspicion of murder."),),
    (Example("The bridge over the river was opened in May 2021, the council said.",
             "The bridge over the river was opened on 5 May 2021, the council said."),
     Example("The two girls vanished on Monday after leaving their school in the town.",
             "The bodies of the two girls were found on Tuesday in woods near the town."),
     Example("On June 17, detectives searched the house of Dwight Smith. A day later, Kevin Johnson was "
             "arrested on suspicion of murder.",
             "On June 17, detectives searched the house of Dwight Smith. Kevin Johnson was arrested on "
             "June 18 on suspicion of murder."),
     Example("The singer released four albums. After the death of a friend in 1970, he left Jefferson Airplane in 1971.",
             "The singer released four albums. In 1989 he joined a short reunion tour of Jefferson Airplane."),),
)
DATE_UNKNOWN = Rule(
    "FD102",
    "date",
    (Severity.WARNING,),
    "a version says the time is not known where others date it",
    "\"It is not clear when the visit took place\" in one version and \"the visit on Tuesday\" in "
    "another cannot both be the state of knowledge. The undated event is matched by its verb to "
    "the first dated mention of that event in each other version (news states the main event's "
    "time first). It stays quiet where the version itself dated the event before saying it is "
    "unclear, and where no other version dates that event.",
    (Example("The president visited the troops near the front on Tuesday, his office said.",
             "The president visited the troops near the front, his office said. It is not clear when the visit took place."),),
    (Example("The president visited the troops near the front on Tuesday, his office said.",
             "The president visited the troops near the front on Tuesday. It is not clear when the visit was planned."),),
)
RULES = (DATE_CONFLICT, DATE_UNKNOWN)


def date_conflicts(links: Sequence[Link], group_of, inferred: set[str]) -> list[Discrepancy]:
    """FD101: clusters of linked dates whose values cannot all hold."""
    return clusters_to_discrepancies(links, DATE_CONFLICT, dates_agree, group_of, inferred)


def unknown_times(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """'It is not clear when the visits took place' against versions that date the visit.

    The undated event is matched by its lemma to the first dated mention of that event in each
    other version (news states the main event's time first).
    """
    dated: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    unknown = []
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.kind != "date":
                continue
            if fact.value == "unknown":
                unknown.append(fact)
            else:
                dated[(fact.doc, fact.slot)].append(fact)
    first_dated = {key: min(facts, key=lambda f: (f.sentence, f.start)) for key, facts in dated.items()}
    found = []
    for fact in unknown:
        own = first_dated.get((fact.doc, fact.slot))
        if not fact.slot or own is not None and own.sentence <= fact.sentence:
            continue  # the version itself dated the event before saying it is unclear
        dated = [f for (doc, slot), f in sorted(first_dated.items()) if slot == fact.slot and doc != fact.doc]
        if not dated:
            continue
        values = (value_of(fact),) + tuple(value_of(f) for f in dated)
        majority = Counter(f.value for f in dated).most_common(1)[0][0]
        found.append(
            make(
                DATE_UNKNOWN,
                Severity.WARNING,
                group_of.get((fact.doc, fact.sentence)),
                f"{fact.doc} says “{fact.text}” the {fact.slot} happened, where "
                f"{', '.join(sorted({f.doc for f in dated}))} date it ({majority}).",
                values,
                majority=majority,
                slot=fact.slot,
            )
        )
    return found

"""Places: a place put in different directions (FD301), or a different place for one action
(FD302).

FD301 looks at every version's direction modifiers ("southern Kherson") at once; FD302 is
decided on place facts linked within aligned groups (:func:`..linking.pair_places`: the same
predicate and preposition), clustered by :mod:`..clusters`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ...facts import SentenceFacts
from ...model import Discrepancy, Fact, Severity
from ..clusters import clusters_to_discrepancies, disagreement
from ..linking import Link, places_agree
from ..registry import Example, Rule

DIRECTION_CONFLICT = Rule(
    "FD301",
    "place",
    (Severity.ERROR, Severity.WARNING),
    "a place put in different directions (southern vs eastern Kherson)",
    "\"Southern\" and \"eastern\" Kherson are different front lines; a rewrite that turns one "
    "into the other moves the event. Direction words before a place are compared across the "
    "whole story, the direction most versions give against the others: an error when at least "
    "two versions agree on the majority direction, a warning otherwise. It stays quiet for "
    "compatible directions (\"southeastern\" holds \"southern\" and \"eastern\"), for \"central\", "
    "and for one version's own wording when no other version disagrees.",
    (Example("Putin visited the command post for Russian forces in the southern Kherson region.",
             "Putin visited the command post for Russian forces in the eastern Kherson region."),),
    (Example("Putin visited the command post for Russian forces in the southeastern Kherson region.",
             "Putin visited the command post for Russian forces in the southern Kherson region."),),
)
PLACE_CONFLICT = Rule(
    "FD302",
    "place",
    (Severity.ERROR, Severity.WARNING),
    "a different place, or a different kind of place (city vs region), for one action",
    "Where an action happened is a fact: \"retreated from Kherson\" and \"retreated from "
    "Mariupol\" cannot both be the same retreat. Places filling the same predicate and "
    "preposition in aligned sentences are compared by name and by scale (a city is not a "
    "region). It stays quiet for one place spelled two ways, for a place and the larger one that "
    "holds it (\"Coventry\" / \"England\"), for a place named inside the other's name (\"a Los "
    "Angeles court\" / \"Los Angeles County Superior Court\"), and where the scale of an unnamed "
    "place is unknown.",
    (Example("The troops retreated from Kherson after weeks of fighting, the army said.",
             "The troops retreated from Mariupol after weeks of fighting, the army said."),),
    (Example("“Back home in Coventry, every pub closed within a year of the smoking ban,” remembers Timms.",
             "“Back home in England, every pub closed within a year of the smoking ban,” remembers Timms."),
     Example("She filed a lawsuit in a Los Angeles court on Tuesday, alleging the agreement was invalid.",
             "She filed a lawsuit in Los Angeles County Superior Court on Tuesday, alleging the agreement was invalid."),),
)
RULES = (DIRECTION_CONFLICT, PLACE_CONFLICT)


def directions_by_place(analyses: Sequence[SentenceFacts]) -> dict[str, list[Fact]]:
    """Every direction word of the story ("southern", "eastern parts of") by the place it
    modifies; "central" places nothing against the others."""
    by_place: dict[str, list[Fact]] = defaultdict(list)
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.kind == "modifier" and fact.value != "central":
                by_place[fact.slot].append(fact)
    return by_place


def place_conflicts(links: Sequence[Link], group_of, inferred: set[str]) -> list[Discrepancy]:
    """FD302: clusters of linked places whose names or scales differ."""
    return clusters_to_discrepancies(links, PLACE_CONFLICT, places_agree, group_of, inferred)


def direction_conflicts(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """'eastern' against 'southern' Kherson anywhere in the story, majority against outliers."""
    found = []
    for place, facts in sorted(directions_by_place(analyses).items()):
        docs_by_direction: dict[str, set[str]] = defaultdict(set)
        for fact in facts:
            docs_by_direction[fact.value].add(fact.doc)
        if len(docs_by_direction) < 2:
            continue
        ranked = sorted(docs_by_direction, key=lambda d: (-len(docs_by_direction[d]), d))
        top = ranked[0]
        majority = top if len(docs_by_direction[top]) > len(docs_by_direction[ranked[1]]) else None
        for direction in ranked[1:]:
            if compatible_directions(direction, top):
                continue
            outlier = [f for f in facts if f.value == direction]
            against = [f for f in facts if f.value == top]
            if not {f.doc for f in against} - {f.doc for f in outlier}:
                continue  # no other version to disagree with: one version's own wording
            severity = Severity.ERROR if majority and len(docs_by_direction[top]) >= 2 else Severity.WARNING
            code = DIRECTION_CONFLICT
            found.append(disagreement(code, severity, outlier, against, against if majority else None, group_of))
    return found


def compatible_directions(a: str, b: str) -> bool:
    """'southeast' is compatible with 'south' and with 'east'."""
    return a in b or b in a

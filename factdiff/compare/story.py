"""compare(): every check run over one story, in one fixed order.

Two facts are compared only when they are about the same thing (see :mod:`.linking`). Pair
rules run on each pair of versions in each aligned group (through :mod:`.twins`, which compares
versions that say the same thing once); story rules run on every sentence's facts at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..facts import SentenceFacts
from ..model import DateSource, Discrepancy, Document, Group
from . import about
from .claims import carry_quoted_speakers, facts_by_doc, resolve_story_names
from .linking import Encoder, Link, story_age_links, story_date_links
from .narrative import anchor_narrative_dates
from .once import once_date_links, once_dates
from .rules.consistency import changed_tellings, self_contradictions
from .rules.dates import date_conflicts, unknown_times
from .rules.details import claims_only_here, finer_figures, omitted_details, without_details_in_conflict
from .rules.entities import cast_conflicts, role_conflicts, with_majority
from .rules.negation import story_negation_conflicts
from .rules.numbers import number_conflicts
from .rules.places import direction_conflicts, place_conflicts
from .rules.spelling import spelling_variants
from .story_figures import story_number_links
from .twins import GroupPairs


def compare(
    documents: Sequence[Document],
    groups: Sequence[Group],
    analyses: Sequence[SentenceFacts],
    encode: Encoder,
) -> tuple[Discrepancy, ...]:
    """All discrepancies, in a stable order: severity, then code, then id."""
    texts = {d.id: d.text for d in documents}
    analyses = carry_quoted_speakers(resolve_story_names(anchor_narrative_dates(analyses)), texts)
    by_sentence = {(a.sentence.doc, a.sentence.index): a for a in analyses}
    group_of = {(s.doc, s.index): g.id for g in groups for s in g.sentences}
    inferred = {d.id for d in documents if d.published_from is DateSource.INFERRED}
    found: list[Discrepancy] = []
    links: dict[str, list[Link]] = defaultdict(list)

    for group in groups:
        per_doc = facts_by_doc(group, by_sentence)
        if len(per_doc) < 2:
            continue
        pairs = GroupPairs(group.id, per_doc, encode)
        for doc_a, doc_b in pairs.compared():
            for kind, pair_links in pairs.links(doc_a, doc_b).items():
                links[kind] += pair_links
            found += pairs.discrepancies(doc_a, doc_b)
        found += omitted_details(group, per_doc, pairs.variants)

    found += finer_figures(links["number"], group_of)
    links["date"] += story_date_links(analyses, group_of, encode)
    links["number"] += story_age_links(analyses)
    once = once_dates(analyses)
    found += self_contradictions(analyses, links, group_of, once)  # before weigh: it drops a version's conflict with itself
    facts_of = defaultdict(list)
    for analysis in analyses:
        facts_of[analysis.sentence.doc].extend(analysis.facts)
    for kind in ("date", "number"):
        links[kind] = about.weigh(links[kind], by_sentence, facts_of)
    found += changed_tellings(links, facts_of, by_sentence, group_of)
    links["number"] += story_number_links(analyses, group_of, facts_of, encode)  # weighed as it links
    links["date"] += once_date_links(once, group_of)  # one happening of one thing: nothing to weigh
    found += date_conflicts(links["date"], group_of, inferred)
    found += number_conflicts(links["number"], group_of, inferred)
    found += place_conflicts(links["place"], group_of, inferred)
    found += unknown_times(analyses, group_of)
    found += direction_conflicts(analyses, group_of)
    found += role_conflicts(analyses, group_of)
    found += cast_conflicts(analyses, texts, group_of)
    found += story_negation_conflicts(analyses, group_of)
    found += spelling_variants(analyses, group_of)
    found += claims_only_here(groups, len(documents))

    unique = {d.id: d for d in with_majority(without_details_in_conflict(found))}
    return tuple(
        sorted(unique.values(), key=lambda d: (-d.severity.rank, d.code, d.group or "", d.id))
    )

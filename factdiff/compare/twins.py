"""The variant shortcut: versions that say the same thing in a group are compared once.

Versions of a story share most sentences, and comparing every pair of versions in a group is
quadratic. The pair functions (linking.pair_dates, pair_numbers, pair_places, edits.word_swaps,
rules.negation.negation_conflicts, rules.entities.speaker_conflicts, rules.details.same_detail)
look at a version's facts and words, never at its id or at where its sentences stand in its text
(offsets are only compared within one version). Versions whose sentences in a group are equal in
everything else are one variant, and any two versions of variants V and W compare as the first
such pair did. Keep it so when changing them or adding a pair rule.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from functools import cache
from operator import attrgetter

from ..facts import Word
from ..model import Discrepancy, Fact, Sentence
from .claims import DocFacts
from .edits import word_swaps
from .linking import Encoder, Link, pair_dates, pair_numbers, pair_places
from .rules.details import finer_figures
from .rules.entities import ENTITY_CONFLICT, speaker_conflicts
from .rules.negation import negation_conflicts


@dataclass(frozen=True)
class Variants:
    """A group's versions sorted into variants: versions equal in everything a pair function sees."""

    docs: tuple[str, ...]  # the group's versions, sorted
    of: dict[str, int]  # version -> variant, numbered in the order of their first versions
    members: tuple[tuple[str, ...], ...]  # variant -> its versions, sorted


def variants_of(per_doc: dict[str, DocFacts]) -> Variants:
    """A group's versions sorted into variants, by :func:`_variant_key`."""
    numbers: dict[tuple, int] = {}
    of = {doc: numbers.setdefault(_variant_key(per_doc[doc]), len(numbers)) for doc in sorted(per_doc)}
    members: list[list[str]] = [[] for _ in numbers]
    for doc, variant in of.items():
        members[variant].append(doc)
    return Variants(tuple(of), of, tuple(tuple(m) for m in members))


def _variant_key(facts: DocFacts) -> tuple:
    """Everything a pair function can see of a version's sentences in a group, less its id and
    where they stand in its text. Built from the facts and words themselves rather than taken
    from equal texts: a relative date resolves against each version's own publication date."""
    base, first = facts.sentences[0].start, facts.sentences[0].index
    sentence, fact, word = content(Sentence), content(Fact), content(Word)
    return (
        tuple((sentence(s), s.index - first, s.start - base, s.end - base) for s in facts.sentences),
        tuple((fact(f), f.sentence - first, f.start - base, f.end - base) for f in facts.facts),
        tuple((word(w), w.start - base, w.end - base) for w in facts.words),
        facts.lemmas,
    )


_PLACING_FIELDS = frozenset({"doc", "index", "sentence", "start", "end"})


@cache
def content(kind: type) -> Callable[[object], tuple]:
    """A getter of every field of a sentence, fact or word but those placing it in a version
    (so a field added later is never overlooked)."""
    return attrgetter(*(f.name for f in fields(kind) if f.name not in _PLACING_FIELDS), "__class__")


_Rows = dict[str, list[tuple[int, int, bool, bool]]]  # kind -> links as (fact i, fact j, agree, aligned)


class GroupPairs:
    """The pairs of versions compared in one aligned group, each pair of variants worked out once.

    Links found for the first pair of versions of variants V and W are carried over to every
    other such pair, onto that pair's own facts. Discrepancies name both versions, so they are
    built for each pair, but only where the first pair of the same variants told any.
    """

    def __init__(self, group_id: str, per_doc: dict[str, DocFacts], encode: Encoder) -> None:
        self.group_id = group_id
        self.per_doc = per_doc
        self.encode = encode
        self.variants = variants_of(per_doc)
        self._rows: dict[tuple[int, int], _Rows] = {}
        self._quiet: dict[tuple[int, int], bool] = {}

    def compared(self) -> Iterator[tuple[str, str]]:
        """Every pair of versions in the group, in order, less the pairs of twins that add nothing.

        A pair (v_p, v_q) of a variant's versions v_1 < v_2 < ..., 1 < p < q, is left out when
        the variant is collapsible (see _collapsible); the result of compare is unchanged: each
        of its links joins two copies of one fact that the earlier pairs (v_1, v_p) and
        (v_1, v_q) already joined, so clusters and the order in which facts first appear stay
        the same, and it adds no conflict, no finer figure and no discrepancy.
        """
        docs, of, members = self.variants.docs, self.variants.of, self.variants.members
        collapsed = {v for v, m in enumerate(members) if len(m) > 2 and self._collapsible(v)}
        others = {v: [d for d in docs if of[d] != v] for v in collapsed}
        for i, a in enumerate(docs):
            variant = of[a]
            if variant in collapsed and a != members[variant][0]:
                partners = others[variant][bisect_right(others[variant], a) :]
            else:
                partners = docs[i + 1 :]
            for b in partners:
                yield a, b

    def links(self, doc_a: str, doc_b: str) -> dict[str, list[Link]]:
        """What pair_dates, pair_numbers and pair_places give for two versions, by kind."""
        a, b = self.per_doc[doc_a], self.per_doc[doc_b]
        key = (self.variants.of[doc_a], self.variants.of[doc_b])
        if key not in self._rows:
            self._rows[key] = _link_rows(a, b, self.encode)
        return {
            kind: [Link(a.facts[i], b.facts[j], agree, aligned) for i, j, agree, aligned in rows]
            for kind, rows in self._rows[key].items()
        }

    def discrepancies(self, doc_a: str, doc_b: str) -> list[Discrepancy]:
        """Word swaps and negation conflicts of two versions."""
        key = (self.variants.of[doc_a], self.variants.of[doc_b])
        if self._quiet.get(key):
            return []
        a, b = self.per_doc[doc_a], self.per_doc[doc_b]
        found = word_swaps(self.group_id, a, b) + negation_conflicts(self.group_id, a, b)
        if not any(d.code == ENTITY_CONFLICT.code for d in found):  # a swapped name is told once
            found += speaker_conflicts(self.group_id, a, b)
        self._quiet.setdefault(key, not found)
        return found

    def _collapsible(self, variant: int) -> bool:
        """Whether pairs of a variant's versions after its first can be left out: in the first
        pair of twins every link joins a fact to its own copy and agrees, no figure is given
        more precisely, and no discrepancy is told."""
        first, second = self.variants.members[variant][:2]
        links = self.links(first, second)
        rows = self._rows[(variant, variant)]
        return (
            all(i == j and agree for kind_rows in rows.values() for i, j, agree, _ in kind_rows)
            and not finer_figures(links["number"], {})
            and not self.discrepancies(first, second)
        )


def _link_rows(a: DocFacts, b: DocFacts, encode: Encoder) -> _Rows:
    """Two versions' links, their facts given by position, to be carried over to other versions."""
    index_a = {f: i for i, f in enumerate(a.facts)}
    index_b = {f: i for i, f in enumerate(b.facts)}
    found = {
        "date": pair_dates(a.facts, b.facts, encode),
        "number": pair_numbers(a.facts, b.facts),
        "place": pair_places(a.facts, b.facts),
    }
    return {
        kind: [(index_a[link.a], index_b[link.b], link.agree, link.aligned) for link in links]
        for kind, links in found.items()
    }

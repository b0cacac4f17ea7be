"""Details: a claim only one version tells (FD901), a date, number, name or words only some
versions give (FD902).

FD901 looks at the aligned groups; FD902 at the facts of each group's versions
(:func:`omitted_details`), at linked figures given more precisely (:func:`finer_figures`) and at
words one version adds to closely aligned sentences (:func:`added_wording`, handed out by
:mod:`..edits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...facts import Word
from ...model import Discrepancy, Fact, Group, Severity, Value
from ...variants import fold, same_name
from ..claims import CONTENT_POS, DESCRIBING_POS, DocFacts, dropped
from ..emit import make, span_value, value_of
from ..linking import Link, dates_agree, numbers_agree
from ..registry import Example, Rule

if TYPE_CHECKING:
    from ..twins import Variants

ONLY_HERE = Rule(
    "FD901",
    "detail",
    (Severity.INFO,),
    "a claim told by one version only",
    "A sentence no other version has a counterpart for is a claim the others do not make: worth "
    "knowing when one desk added or dropped it. Told for each group of one version's sentences, "
    "in stories of two versions or more. It stays quiet for a sentence that aligns with one in "
    "another version, however reworded.",
    (Example("The bridge over the river opened on Monday. Thousands of people came to walk across it.",
             "The bridge over the river opened on Monday."),),
    (Example("The bridge over the river opened on Monday.", "The bridge over the river was opened on Monday."),),
)
DETAIL_OMITTED = Rule(
    "FD902",
    "detail",
    (Severity.INFO,),
    "a date, number, name or words only some versions give",
    "A version that leaves out a date, a figure or a name tells less, and one that adds them "
    "tells more; neither is a conflict. Told for a date, number or name one version of a claim "
    "gives and no other does, for a figure one version gives more precisely (\"8.86\" / "
    "\"8.9\"), and for content words one version adds to closely aligned sentences (a name, a "
    "number, two or more new words, a word that narrows or denies such as \"only\" or \"but "
    "not\"; as the only change, one new noun or adjective). It stays quiet for words that "
    "merely moved, a value in conflict with the other versions (the conflict shows both sides), "
    "and one name cut short at either end (\"James Webb Space\" / \"James Webb Space Telescope\").",
    (Example("The mayor said 40 people were hurt in the fire at the warehouse on Monday.",
             "The mayor said many people were hurt in the fire at the warehouse on Monday."),),
    (Example("The mayor said forty people were hurt in the fire at the warehouse on Monday.",
             "The mayor said 40 people were hurt in the fire at the warehouse on Monday."),),
)
RULES = (ONLY_HERE, DETAIL_OMITTED)


def claims_only_here(groups: Sequence[Group], n_documents: int) -> list[Discrepancy]:
    """FD901: each group of one version's sentences, in a story of two versions or more."""
    found = []
    for group in groups:
        if len(group.docs) != 1 or n_documents < 2:
            continue
        sentence = group.sentences[0]
        values = tuple(
            Value(s.doc, s.text, s.start, s.end, "only here", s.index) for s in group.sentences
        )
        found.append(
            make(
                ONLY_HERE,
                Severity.INFO,
                group.id,
                f"Only {sentence.doc} tells this.",
                values,
            )
        )
    return found


def omitted_details(group: Group, per_doc: dict[str, DocFacts], variants: Variants) -> list[Discrepancy]:
    """Dates, numbers and names that some versions of a claim give and others leave out."""
    alone = [_details_alone(v, per_doc, variants) for v in range(len(variants.members))]
    found = []
    for kind in ("date", "number", "entity"):
        for doc in variants.docs:
            only = alone[variants.of[doc]]
            for i, fact in enumerate(per_doc[doc].facts):
                if fact.kind == kind and i in only:
                    values = (value_of(fact),)
                    found.append(
                        make(
                            DETAIL_OMITTED,
                            Severity.INFO,
                            group.id,
                            f"Only {doc} gives the {kind} “{fact.text}” in this claim.",
                            values,
                            slot=kind,
                        )
                    )
    return found


def _details_alone(variant: int, per_doc: dict[str, DocFacts], variants: Variants) -> set[int]:
    """Positions of the facts a variant's versions give and every other version leaves out.

    Every other version is one version of each other variant, and a twin (a version of the
    same variant) when there is one: versions of a variant all have a detail or all lack it."""
    members = variants.members
    others = [per_doc[m[0]].facts for v, m in enumerate(members) if v != variant]
    if len(members[variant]) > 1:
        others.append(per_doc[members[variant][1]].facts)
    own = per_doc[members[variant][0]].facts
    return {
        i
        for i, fact in enumerate(own)
        if fact.kind in ("date", "number", "entity")
        and not any(same_detail(fact, g) for facts in others for g in facts)
    }


def same_detail(fact: Fact, other: Fact) -> bool:
    """Whether another version's fact gives the same date, number or name."""
    if other.kind != fact.kind:
        return False
    if fact.kind == "number":
        return numbers_agree(fact, other)
    if fact.kind == "date":
        return dates_agree(fact, other) is not False
    return fact.value == other.value or same_name(fact.text, other.text) or _cut_short(fact, other)


def _cut_short(fact: Fact, other: Fact) -> bool:
    """One name is the other with words cut off its end or start, as the entity recognizer's
    boundaries wander: "James Webb Space" / "James Webb Space Telescope", "House Foreign
    Affairs" / "the House Foreign Affairs committee". Two words at least, and of one kind."""
    if fact.slot != other.slot:
        return False
    short, long = sorted(([t for t in fold(f.text).split() if t != "the"] for f in (fact, other)), key=len)
    return 2 <= len(short) < len(long) and (long[: len(short)] == short or long[-len(short) :] == short)


def finer_figures(links: Sequence[Link], group_of) -> list[Discrepancy]:
    """A figure one version gives more precisely ("8.86" for "8.9"): compatible, but a detail
    the other version does not have."""
    found = []
    for link in links:
        if not link.agree or float(link.a.value) == float(link.b.value):
            continue
        values = (value_of(link.a), value_of(link.b))
        found.append(
            make(
                DETAIL_OMITTED,
                Severity.INFO,
                group_of.get((link.a.doc, link.a.sentence)),
                f"{link.a.doc} gives “{link.a.text}” where {link.b.doc} gives “{link.b.text}”: the same figure, rounded differently.",
                values,
                slot="precision",
            )
        )
    return found


def without_details_in_conflict(found: Sequence[Discrepancy]) -> list[Discrepancy]:
    """A figure that conflicts with the other versions' ("1:34 PM" / "2:34 PM") is not also a
    detail only one version gives: the conflict already shows both sides."""
    in_conflict = {
        (v.doc, v.start, v.end) for d in found if d.severity.rank >= Severity.WARNING.rank for v in d.values
    }
    return [
        d for d in found
        if not (d.code == DETAIL_OMITTED.code and len(d.values) == 1 and (d.values[0].doc, d.values[0].start, d.values[0].end) in in_conflict)
    ]


# Words that narrow or deny what they apply to: one version's "insurance only" or "but not
# pricing" against the other's plain "insurance" or "and pricing".
_SCOPE_WORDS = frozenset({"only", "solely", "exclusively", "not", "never", "no", "without"})


def scope_changes(a: DocFacts, hunk_a: Sequence[Word], b: DocFacts, hunk_b: Sequence[Word]) -> list[tuple[DocFacts, Word]]:
    """Scope words one side of an edit has and the other lacks, not merely moved elsewhere. A
    negation the negation check has weighed ("is not working" / "malfunctions") is left to it."""
    found = []
    for here, hunk, there, other_hunk in ((a, hunk_a, b, hunk_b), (b, hunk_b, a, hunk_a)):
        negated = [f for f in here.facts if f.kind == "negation"]
        for word in hunk:
            if any(f.start <= word.start < f.end for f in negated) or any(w.start == word.end and w.text == "-" for w in here.words):
                continue  # weighed already, or a word's prefix ("no-fee" / "free")
            if word.lemma in _SCOPE_WORDS and all(w.lemma != word.lemma for w in other_hunk) and dropped(word, here, there):
                found.append((here, word))
    return found


_LIGHT_WORDS = frozenset("be have do say also just even still very really so then now there here".split())


def adds_detail(words: Sequence[Word], other: DocFacts, *, sole: bool = False) -> bool:
    """Inserted words that tell something new: a name, a number, or two or more content words
    that the other version does not have anywhere (words that merely moved do not count, nor,
    amid other rewording, a lone noun or adjective: "police force" for "police", "huge"). As a
    claim's only change, one inserted noun or adjective is enough: it is the edit."""
    content = [
        w for w in words
        if w.pos in CONTENT_POS and w.lemma not in _LIGHT_WORDS and w.lemma not in other.lemmas
    ]
    if any(w.pos in ("PROPN", "NUM") for w in content) or len(content) >= 2:
        return True
    return sole and any(w.pos in DESCRIBING_POS for w in content)


def added_wording(group_id: str, facts: DocFacts, words: Sequence[Word]) -> Discrepancy:
    """FD902 for words only one version of a claim has."""
    value = span_value(facts.sentences, words[0].start, words[-1].end, "only here")
    return make(
        DETAIL_OMITTED,
        Severity.INFO,
        group_id,
        f"Only {facts.doc} says “{value.text}” in this claim.",
        (value,),
        slot="wording",
    )

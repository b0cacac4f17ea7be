"""Versions that say the same thing are compared once (issue 6), with the result of comparing
every pair of versions: same discrepancies, ids, values and offsets, severities, messages, order.

The reference below is compare's pairwise loop as it was before variants: every pair of
versions in a group goes through the pair functions afresh.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factdiff.compare.story as story_module
from factdiff.compare import compare
from factdiff.compare import linking
from factdiff.compare.claims import facts_by_doc
from factdiff.compare.edits import word_swaps
from factdiff.compare.emit import make, value_of
from factdiff.compare.rules.details import DETAIL_OMITTED, same_detail
from factdiff.compare.rules.negation import negation_conflicts
from factdiff.compare.twins import GroupPairs, variants_of
from factdiff.facts import SentenceFacts
from factdiff.model import Document, Fact, Group, Sentence, Severity
from factdiff.pipeline import check_documents
from factdiff.read import read_corpus

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeEmbedder, assert_spans_point_into_the_text
from test_properties import stories

STORY = Path(__file__).resolve().parent.parent / "corpora" / "putin-visit-2023-04"


class _EveryPair:
    """Stands in for compare.twins.GroupPairs: every pair of versions, each compared afresh."""

    def __init__(self, group_id, per_doc, encode) -> None:
        self.group_id, self.per_doc, self.encode = group_id, per_doc, encode
        self.variants = None

    def compared(self):
        return combinations(sorted(self.per_doc), 2)

    def links(self, doc_a, doc_b):
        a, b = self.per_doc[doc_a], self.per_doc[doc_b]
        return {
            "date": linking.pair_dates(a.facts, b.facts, self.encode),
            "number": linking.pair_numbers(a.facts, b.facts),
            "place": linking.pair_places(a.facts, b.facts),
        }

    def discrepancies(self, doc_a, doc_b):
        a, b = self.per_doc[doc_a], self.per_doc[doc_b]
        return word_swaps(self.group_id, a, b) + negation_conflicts(self.group_id, a, b)


def _omitted_every_pair(group, per_doc, _variants):
    """compare.rules.details.omitted_details as it was: each fact checked against every other version."""
    found = []
    docs = sorted(per_doc)
    for kind in ("date", "number", "entity"):
        for doc in docs:
            for fact in (f for f in per_doc[doc].facts if f.kind == kind):
                missing = [
                    other
                    for other in docs
                    if other != doc and not any(same_detail(fact, g) for g in per_doc[other].facts)
                ]
                if missing and len(missing) == len(docs) - 1:
                    found.append(
                        make(
                            DETAIL_OMITTED,
                            Severity.INFO,
                            group.id,
                            f"Only {doc} gives the {kind} “{fact.text}” in this claim.",
                            (value_of(fact),),
                            slot=kind,
                        )
                    )
    return found


@pytest.fixture
def pairwise(monkeypatch):
    """Run a callable with compare's pairwise loop of before issue 6."""

    def run(function, *args, **kwargs):
        with monkeypatch.context() as patch:
            patch.setattr(story_module, "GroupPairs", _EveryPair)
            patch.setattr(story_module, "omitted_details", _omitted_every_pair)
            return function(*args, **kwargs)

    return run


def _seed_story_with_copies() -> list[Document]:
    """The bundled story plus copies of its versions: exact copies, copies shifted in their
    text by a headline, and a copy published a year later (its relative dates resolve to
    other values, so its facts differ though its sentences do not). The copies' ids sort
    between the originals', so the versions of one variant are not adjacent."""
    originals = sorted(read_corpus([STORY]), key=lambda d: d.id)
    first, second = originals[0], originals[1]
    copies = [
        replace(first, id=f"{first.id}-copy"),
        replace(first, id=f"{second.id}-copy", text="Putin tours occupied regions\n\n" + first.text),
        replace(second, id=f"{originals[2].id}-copy", text="UPDATED\n\n\n" + second.text),
        replace(second, id="zz-copy"),
        replace(first, id="zz-later", published=date(2024, 4, 18)),
    ]
    return originals + copies


def test_a_story_with_copied_versions_gives_what_comparing_every_pair_gives(pairwise, tmp_path):
    documents = _seed_story_with_copies()
    expected = pairwise(check_documents, documents, embedder=FakeEmbedder(tmp_path))
    report = check_documents(documents, embedder=FakeEmbedder(tmp_path))
    assert report.groups == expected.groups
    assert report.discrepancies == expected.discrepancies
    assert_spans_point_into_the_text(report)
    copied = {v.doc for d in report.discrepancies for v in d.values if "copy" in v.doc}
    assert len(copied) >= 3  # the copies' own values, at their own offsets, are reported


def test_a_version_contradicting_itself_is_found_through_copies_as_through_every_pair(pairwise):
    """v1 dates one event "in May" (1999, published in 2000) and elsewhere "May 2022"; its copy
    published in 2023 tells both as May 2022. Every other version gives "May 2022" word for word,
    so the variant shortcut links v1's "May 2022" to the first copy only, not to v1-3's: the
    tie must come through the copies all the same (a case hypothesis found)."""
    short = "The mayor said Monday that 0 people were evacuated in Putin. Officials said May 2022 that 0 people were killed in Putin."
    long = (
        "The mayor said Monday that 0 people were evacuated in Putin. The mayor said in May that 0 people were "
        "evacuated in the southern Kherson region, the regional capital. Officials said May 2022 that 0 people "
        "were killed in Putin."
    )
    documents = [
        Document("v0", "v0.txt", short),
        Document("v1", "v1.txt", long, published=date(2000, 1, 1)),
        *(Document(f"v0-{n}", "v0.txt", short) for n in range(3)),
        Document("v1-3", "v1.txt", long, published=date(2023, 4, 18)),
    ]
    expected = pairwise(check_documents, documents, embedder=FakeEmbedder())
    found = check_documents(documents, embedder=FakeEmbedder()).discrepancies
    assert found == expected.discrepancies
    assert [[v.doc for v in d.values] for d in found if d.code == "FD701"] == [["v1", "v1"]]


def _story(texts: dict[str, str], needles: dict[str, str], unit: str = "day"):
    """One aligned group; each version's sentence (after a prefix of its own) has one number."""
    documents, sentences, analyses = [], [], []
    for doc, text in texts.items():
        start = text.index("It")
        sentence = Sentence(doc, 0, start, len(text), text[start:])
        at = text.index(needles[doc])
        number = Fact("number", doc, 0, at, at + len(needles[doc]), needles[doc], needles[doc], slot=unit)
        documents.append(Document(doc, f"{doc}.txt", text))
        sentences.append(sentence)
        analyses.append(SentenceFacts(sentence, (number,), frozenset(), ()))
    return documents, [Group("g1", tuple(sentences))], analyses


def _encode(texts):
    import numpy as np

    return np.ones((len(texts), 4), dtype=np.float32) / 2


def test_copies_are_reported_with_their_own_offsets(pairwise):
    texts = {
        "a": "It lasted 30 days.",
        "b": "Update: It lasted 30 days.",
        "c": "It lasted 30 days.",
        "d": "It lasted 40 days.",
        "e": "Correction. It lasted 30 days.",
    }
    needles = {doc: text[text.index("It") + 10 : text.index(" days")] for doc, text in texts.items()}
    documents, groups, analyses = _story(texts, needles)
    found = compare(documents, groups, analyses, _encode)
    assert found == pairwise(compare, documents, groups, analyses, _encode)
    (conflict,) = [d for d in found if d.code == "FD201"]
    assert conflict.severity is Severity.ERROR and conflict.majority == "30"
    assert {v.doc: (v.start, v.end) for v in conflict.values} == {
        "a": (10, 12), "b": (18, 20), "c": (10, 12), "d": (10, 12), "e": (22, 24),
    }


def test_versions_of_one_variant_are_compared_with_the_others_but_not_among_themselves():
    texts = {"a": "It lasted 30 days.", "b": "Now: It lasted 30 days.", "c": "It lasted 40 days.", "d": "It lasted 30 days."}
    needles = {doc: "40" if doc == "c" else "30" for doc in texts}
    _, groups, analyses = _story(texts, needles)
    per_doc = facts_by_doc(groups[0], {(a.sentence.doc, 0): a for a in analyses})
    pairs = GroupPairs("g1", per_doc, _encode)
    assert pairs.variants.members == (("a", "b", "d"), ("c",))
    assert list(pairs.compared()) == [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("c", "d")]
    for doc_a, doc_b in pairs.compared():  # links found once per pair of variants, on each pair's own facts
        (link,) = pairs.links(doc_a, doc_b)["number"]
        assert (link.a, link.b) == (per_doc[doc_a].facts[0], per_doc[doc_b].facts[0])


def test_the_same_sentence_with_other_facts_is_another_variant():
    # A relative date resolves against each version's publication date: equal texts, other facts.
    texts = {"a": "It lasted 30 days.", "b": "It lasted 30 days.", "c": "It lasted 30 days."}
    _, groups, analyses = _story(texts, dict.fromkeys(texts, "30"))
    analyses[2] = replace(analyses[2], facts=(replace(analyses[2].facts[0], value="31"),))
    per_doc = facts_by_doc(groups[0], {(a.sentence.doc, 0): a for a in analyses})
    assert variants_of(per_doc).members == (("a", "b"), ("c",))


@st.composite
def stories_with_copies(draw) -> list[Document]:
    """A generated story (see test_properties) whose versions are copied, some shifted in their
    text or published on another day."""
    documents = draw(stories())
    copies = []
    for n in draw(st.lists(st.integers(0, len(documents) - 1), min_size=1, max_size=6)):
        doc = documents[n]
        prefix = draw(st.sampled_from(["", "Update\n\n", "x "]))
        published = draw(st.sampled_from([doc.published, None, date(2023, 4, 18)]))
        copies.append(replace(doc, id=f"{doc.id}-{len(copies)}", text=prefix + doc.text, published=published))
    return documents + copies


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(stories_with_copies())
def test_any_story_with_copies_gives_what_comparing_every_pair_gives(pairwise, documents):
    expected = pairwise(check_documents, documents, embedder=FakeEmbedder())
    assert check_documents(documents, embedder=FakeEmbedder()).discrepancies == expected.discrepancies

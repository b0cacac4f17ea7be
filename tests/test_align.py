"""Alignment groups sentences that tell the same claim, across reordering and splits."""

from __future__ import annotations

import numpy as np

from factdiff.align import align
from factdiff.model import Sentence


def _sentences(doc: str, texts: list[str]) -> list[Sentence]:
    return [Sentence(doc, i, 0, len(t), t) for i, t in enumerate(texts)]


def _unit(*components: float) -> np.ndarray:
    v = np.array(components, dtype=np.float32)
    return v / np.linalg.norm(v)


def _groups_as_sets(groups):
    return {frozenset((s.doc, s.index) for s in g.sentences) for g in groups}


def test_reordered_sentences_are_grouped_by_meaning_not_position():
    sentences = _sentences("a", ["x", "y"]) + _sentences("b", ["y'", "x'"])
    vectors = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0.1, 1, 0), _unit(1, 0.1, 0)])
    groups = align(sentences, vectors)
    assert _groups_as_sets(groups) == {
        frozenset({("a", 0), ("b", 1)}),
        frozenset({("a", 1), ("b", 0)}),
    }


def test_a_sentence_without_counterpart_stays_alone():
    sentences = _sentences("a", ["x", "z"]) + _sentences("b", ["x'"])
    vectors = np.stack([_unit(1, 0, 0), _unit(0, 0, 1), _unit(1, 0.05, 0)])
    groups = align(sentences, vectors)
    assert frozenset({("a", 1)}) in _groups_as_sets(groups)
    assert all(len(g.sentences) >= 1 for g in groups)
    assert sum(len(g.sentences) for g in groups) == 3


def test_one_version_may_split_a_claim_into_two_adjacent_sentences():
    sentences = _sentences("a", ["x and y"]) + _sentences("b", ["x", "y"])
    vectors = np.stack([_unit(1, 1, 0), _unit(1, 0.3, 0), _unit(0.3, 1, 0)])
    groups = align(sentences, vectors)
    assert frozenset({("a", 0), ("b", 0), ("b", 1)}) in _groups_as_sets(groups)


def test_non_adjacent_sentences_of_one_version_never_share_a_group():
    sentences = _sentences("a", ["x"]) + _sentences("b", ["x", "other", "x again"])
    vectors = np.stack([_unit(1, 0, 0), _unit(1, 0.01, 0), _unit(0, 1, 0), _unit(1, 0.02, 0)])
    for group in align(sentences, vectors):
        indices = sorted(s.index for s in group.sentences if s.doc == "b")
        assert indices == list(range(indices[0], indices[0] + len(indices))) if indices else True
        assert len(indices) <= 2


def test_dissimilar_sentences_are_not_chained_together():
    # a~b and b~c are both just above the link threshold, but a and c are unrelated.
    a, c = _unit(1, 0, 0), _unit(0, 1, 0)
    b = _unit(1, 1, 0)
    sentences = _sentences("a", ["a"]) + _sentences("b", ["b"]) + _sentences("c", ["c"])
    groups = align(sentences, np.stack([a, b, c]), threshold=0.6)
    assert not any(len(g.sentences) == 3 for g in groups)


def test_every_sentence_is_in_exactly_one_group_and_ids_are_sequential():
    rng = np.random.default_rng(1)
    sentences = _sentences("a", list("pqrs")) + _sentences("b", list("pqr")) + _sentences("c", list("pq"))
    vectors = rng.standard_normal((len(sentences), 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    groups = align(sentences, vectors)
    seen = [(s.doc, s.index) for g in groups for s in g.sentences]
    assert sorted(seen) == sorted((s.doc, s.index) for s in sentences)
    assert [g.id for g in groups] == [f"g{i}" for i in range(1, len(groups) + 1)]


def _at_cosine(base: np.ndarray, cosine: float) -> np.ndarray:
    """A unit vector at the given cosine from ``base`` (which lies in the first two axes)."""
    other = np.array([-base[1], base[0], 0, 0], dtype=np.float32)
    return (cosine * base + np.sqrt(1 - cosine**2) * other).astype(np.float32)


def test_a_sentence_whose_names_were_changed_joins_its_counterpart():
    # The model's vectors lean on names: a renamed claim can fall below the link threshold.
    sentences = _sentences("a", ["Sullivan works too much, he says."]) + _sentences("b", ["Tabor works too much, he says."])
    base = _unit(1, 0, 0, 0)
    groups = align(sentences, np.stack([base, _at_cosine(base, 0.45)]))
    assert _groups_as_sets(groups) == {frozenset({("a", 0), ("b", 0)})}


def test_words_in_common_do_not_join_sentences_the_vectors_call_unrelated():
    sentences = _sentences("a", ["Sullivan works too much, he says."]) + _sentences("b", ["Tabor works too much, he says."])
    base = _unit(1, 0, 0, 0)
    groups = align(sentences, np.stack([base, _at_cosine(base, 0.2)]))
    assert len(groups) == 2


def test_a_renamed_sentence_with_other_words_stays_alone():
    sentences = _sentences("a", ["Sullivan works too much, he says."]) + _sentences("b", ["Tabor has never been to the coast."])
    base = _unit(1, 0, 0, 0)
    groups = align(sentences, np.stack([base, _at_cosine(base, 0.45)]))
    assert len(groups) == 2


def test_a_renamed_sentence_joins_a_group_through_the_version_it_copies():
    # b and c tell the claim in other words and group by their vectors; a is b's sentence with
    # another name, far from c in words and vectors: it joins through b alone.
    sentences = (
        _sentences("a", ["He was in London for an official meeting."])
        + _sentences("b", ["He was in Rome for an official meeting."])
        + _sentences("c", ["The pope had travelled to Rome for talks with officials."])
    )
    base = _unit(1, 0, 0, 0)
    b = _at_cosine(base, 0.5)
    c = np.array([0, 0, 1, 0], dtype=np.float32) * 0.2 + b
    c = c / np.linalg.norm(c)
    groups = align(sentences, np.stack([base, b, c]))
    assert _groups_as_sets(groups) == {frozenset({("a", 0), ("b", 0), ("c", 0)})}

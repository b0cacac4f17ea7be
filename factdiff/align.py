"""Group sentences of several versions that tell the same claim.

Versions reorder paragraphs, split or merge sentences and add or drop some, so alignment is not a
sequence diff: it is clustering under constraints. Candidate links are each sentence's nearest
neighbours in every other version; links are merged strongest first (exact copies first of all),
and a merge is refused when it would put two non-adjacent sentences of one version in a group, or
when the two clusters are not, on average, about the same thing (which stops single-link chains).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from itertools import combinations

import numpy as np
from threadpoolctl import threadpool_limits

from .model import Group, Sentence

LINK_THRESHOLD = 0.62  # cosine below which two sentences are not taken to tell the same claim
COHESION_THRESHOLD = 0.55  # mean cross-version cosine a merged group must keep
MAX_PER_DOC = 2  # a version may split one claim over this many adjacent sentences
NEIGHBOURS = 2  # candidate links kept per sentence and per other version
_MUTUAL_BONUS = 0.03  # mutual nearest neighbours win ties against one-sided links
RENAMED_THRESHOLD = 0.7  # word similarity, names aside, at which a sentence left alone joins a group
RENAMED_FLOOR = 0.4  # cosine below which two sentences are not read for it
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_NAME = "<name>"


def align(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    threshold: float = LINK_THRESHOLD,
) -> tuple[Group, ...]:
    """Every sentence in exactly one group; a group of one version is a claim told only there."""
    if len(sentences) == 0:
        return ()
    positions: dict[str, list[int]] = {}
    for position, sentence in enumerate(sentences):
        positions.setdefault(sentence.doc, []).append(position)

    # One BLAS thread: the products here are small (one pair of versions at a time), and beside
    # batch's parsing workers OpenBLAS's spinning threads doubled alignment (50 versions x 300
    # sentences with one core busy: 5.5 s, single-threaded 2.7 s, the same as on an idle machine).
    with threadpool_limits(limits=1, user_api="blas"):
        return _align(sentences, vectors, positions, threshold)


def _align(
    sentences: Sequence[Sentence], vectors: np.ndarray, positions: dict[str, list[int]], threshold: float
) -> tuple[Group, ...]:
    links = _candidate_links(positions, vectors, threshold)
    parent = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    # Per cluster, each version's sentence indices: a merge is checked against these in time
    # proportional to the smaller cluster rather than by rebuilding them (see _fits).
    indices: dict[int, dict[str, list[int]]] = {
        i: {s.doc: [s.index]} for i, s in enumerate(sentences)
    }
    doc_codes = {doc: n for n, doc in enumerate(positions)}
    doc_of = np.array([doc_codes[s.doc] for s in sentences], dtype=np.int64)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(a: int, b: int, cohesive: Callable[[list[int], list[int]], bool]) -> None:
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            return
        merged_indices = _merged_if_fits(indices[root_a], indices[root_b])
        if merged_indices is None or not cohesive(members[root_a], members[root_b]):
            return
        parent[root_b] = root_a
        members[root_a] = members[root_a] + members[root_b]
        indices[root_a] = merged_indices
        del members[root_b], indices[root_b]

    for _, a, b in links:
        merge(a, b, lambda left, right: _cohesive_codes(left, right, doc_of, vectors))

    # A claim left alone may be one whose names were changed: the model's vectors lean on names
    # ("Tabor works too much, he says." / "Sullivan works too much, he says.": cosine 0.45), so
    # the words around the names decide whether it joins a group. Only a sentence left alone is
    # attached; groups stay as the vectors made them.
    alone = [len(members[find(p)]) == 1 for p in range(len(sentences))]
    words = _NameBlindWords(sentences)
    for _, a, b in _renamed_links(positions, vectors, words, alone):
        merge(a, b, lambda left, right: min(len(left), len(right)) == 1 and _lexically_cohesive(left, right, sentences, words))

    clusters = [sorted(m, key=lambda p: (sentences[p].doc, sentences[p].index)) for m in members.values()]
    clusters.sort(key=lambda m: min((sentences[p].doc, sentences[p].index) for p in m))
    return tuple(
        Group(id=f"g{n}", sentences=tuple(sentences[p] for p in cluster))
        for n, cluster in enumerate(clusters, start=1)
    )


def _candidate_links(
    positions: dict[str, list[int]], vectors: np.ndarray, threshold: float
) -> list[tuple[float, int, int]]:
    """(score, a, b) links between versions, strongest first, in a deterministic order."""
    # Vectorized per pair of versions (the same candidates, scores and order as scoring each
    # pair in Python, which dominated alignment of many-version stories).
    found_a, found_b, found_score = [], [], []
    for doc_a, doc_b in combinations(sorted(positions), 2):
        rows, cols = positions[doc_a], positions[doc_b]
        sims = vectors[rows] @ vectors[cols].T
        n_rows, n_cols = sims.shape
        best_in_row = sims.argmax(axis=1)
        best_in_col = sims.argmax(axis=0)
        k_row = min(NEIGHBOURS, n_cols)
        k_col = min(NEIGHBOURS, n_rows)
        row_top = np.argpartition(-sims, k_row - 1, axis=1)[:, :k_row]
        col_top = np.argpartition(-sims, k_col - 1, axis=0)[:k_col, :]
        i = np.concatenate([np.repeat(np.arange(n_rows), k_row), col_top.T.ravel()])
        j = np.concatenate([row_top.ravel(), np.repeat(np.arange(n_cols), k_col)])
        pair = np.unique(i.astype(np.int64) * n_cols + j)
        i, j = pair // n_cols, pair % n_cols
        sim = sims[i, j].astype(np.float64)
        keep = sim >= threshold
        i, j, sim = i[keep], j[keep], sim[keep]
        mutual = (best_in_row[i] == j) & (best_in_col[j] == i)
        found_a.append(np.asarray(rows, dtype=np.int64)[i])
        found_b.append(np.asarray(cols, dtype=np.int64)[j])
        found_score.append(sim + np.where(mutual, _MUTUAL_BONUS, 0.0))
    if not found_a:
        return []
    a, b, score = np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_score)
    order = np.lexsort((b, a, -score))
    return list(zip(score[order].tolist(), a[order].tolist(), b[order].tolist()))


class _NameBlindWords:
    """How alike two sentences' words are with the names taken out: each sentence's words in
    lower case, every capitalised word after the first as one placeholder. Words and similarities
    are made when first asked for (only lone sentences and their few candidates are read) and
    kept, since a link found is checked again when it merges."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = sentences
        self._words: dict[int, list[str]] = {}
        self._ratios: dict[tuple[int, int], float] = {}

    def similarity(self, a: int, b: int) -> float:
        pair = (a, b) if a < b else (b, a)
        if pair not in self._ratios:
            self._ratios[pair] = SequenceMatcher(None, self._of(a), self._of(b), autojunk=False).ratio()
        return self._ratios[pair]

    def _of(self, position: int) -> list[str]:
        if position not in self._words:
            found = _WORD.findall(self._sentences[position].text)
            self._words[position] = [_NAME if i and w[:1].isupper() else w.lower() for i, w in enumerate(found)]
        return self._words[position]


def _renamed_links(
    positions: dict[str, list[int]], vectors: np.ndarray, words: _NameBlindWords, alone: list[bool]
) -> list[tuple[float, int, int]]:
    """(word similarity, a, b) between a sentence left alone and a sentence of another version
    whose words, names aside, are much the same; strongest first.

    Only the few nearest sentences by vector in each other version are read (the vectors still
    rank the right one near the top), so the cost stays linear in the sentences left alone."""
    found = []
    for doc_a in sorted(positions):
        lonely = [p for p in positions[doc_a] if alone[p]]
        if not lonely:
            continue
        for doc_b in sorted(positions):
            if doc_b == doc_a:
                continue
            cols = np.asarray(positions[doc_b], dtype=np.int64)
            sims = vectors[lonely] @ vectors[cols].T
            k = min(NEIGHBOURS, len(cols))
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            for row, a in enumerate(lonely):
                for col in top[row]:
                    if sims[row, col] < RENAMED_FLOOR:
                        continue
                    b = int(cols[col])
                    ratio = words.similarity(a, b)
                    if ratio >= RENAMED_THRESHOLD:
                        found.append((ratio, a, b))
    found.sort(key=lambda link: (-link[0], link[1], link[2]))
    return found


def _lexically_cohesive(left: list[int], right: list[int], sentences: Sequence[Sentence], words: _NameBlindWords) -> bool:
    """Names aside, the sentence's words match a sentence of another version in the group: a
    group may hold a version's rewording of the claim that the lone sentence shares few words
    with ("He was in Rome for an official meeting." joins "He was in London for an official
    meeting." whatever the third version says)."""
    ratios = [
        words.similarity(a, b)
        for a in left
        for b in right
        if sentences[a].doc != sentences[b].doc
    ]
    return bool(ratios) and max(ratios) >= RENAMED_THRESHOLD


def _fits(cluster: list[int], sentences: Sequence[Sentence]) -> bool:
    """At most MAX_PER_DOC sentences of one version, and those adjacent."""
    by_doc: dict[str, list[int]] = {}
    for p in cluster:
        by_doc.setdefault(sentences[p].doc, []).append(sentences[p].index)
    for indices in by_doc.values():
        if len(indices) > MAX_PER_DOC or max(indices) - min(indices) + 1 != len(indices):
            return False
    return True


def _merged_if_fits(
    left: dict[str, list[int]], right: dict[str, list[int]]
) -> dict[str, list[int]] | None:
    """The per-version indices of two clusters merged, or None where :func:`_fits` (the plain
    definition, kept as the spec) would refuse.

    Each cluster fits on its own, so only a version present in both can break the rule.
    """
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    for doc, found in small.items():
        other = large.get(doc)
        if other is not None:
            both = found + other
            if len(both) > MAX_PER_DOC or max(both) - min(both) + 1 != len(both):
                return None
    merged = dict(large)
    for doc, found in small.items():
        merged[doc] = merged[doc] + found if doc in merged else found
    return merged


def _cohesive_codes(left: list[int], right: list[int], doc_of: np.ndarray, vectors: np.ndarray) -> bool:
    """:func:`_cohesive` (the plain definition, kept as the spec) vectorized, with versions as
    integer codes: the same pairs in the same order, so the same mean."""
    sims = vectors[left] @ vectors[right].T
    cross = sims[doc_of[left][:, None] != doc_of[right][None, :]]
    return cross.size > 0 and float(np.mean(cross)) >= COHESION_THRESHOLD


def _cohesive(
    left: list[int], right: list[int], sentences: Sequence[Sentence], vectors: np.ndarray
) -> bool:
    sims = vectors[left] @ vectors[right].T
    cross = [
        sims[i, j]
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if sentences[a].doc != sentences[b].doc
    ]
    return bool(cross) and float(np.mean(cross)) >= COHESION_THRESHOLD

"""Group sentences of several versions that tell the same claim.

Versions reorder paragraphs, split or merge sentences and add or drop some, so alignment is not a
sequence diff: it is clustering under constraints. Candidate links are each sentence's nearest
neighbours in every other version; links are merged strongest first (exact copies first of all),
and a merge is refused when it would put two non-adjacent sentences of one version in a group, or
when the two clusters are not, on average, about the same thing (which stops single-link chains).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np

from .model import Group, Sentence

LINK_THRESHOLD = 0.62  # cosine below which two sentences are not taken to tell the same claim
COHESION_THRESHOLD = 0.55  # mean cross-version cosine a merged group must keep
MAX_PER_DOC = 2  # a version may split one claim over this many adjacent sentences
NEIGHBOURS = 2  # candidate links kept per sentence and per other version
_MUTUAL_BONUS = 0.03  # mutual nearest neighbours win ties against one-sided links


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

    links = _candidate_links(positions, vectors, threshold)
    parent = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in links:
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            continue
        merged = members[root_a] + members[root_b]
        if not _fits(merged, sentences):
            continue
        if not _cohesive(members[root_a], members[root_b], sentences, vectors):
            continue
        parent[root_b] = root_a
        members[root_a] = merged
        del members[root_b]

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
    links: dict[tuple[int, int], float] = {}
    for doc_a, doc_b in combinations(sorted(positions), 2):
        rows, cols = positions[doc_a], positions[doc_b]
        sims = vectors[rows] @ vectors[cols].T
        best_in_row = sims.argmax(axis=1)
        best_in_col = sims.argmax(axis=0)
        k_row = min(NEIGHBOURS, len(cols))
        k_col = min(NEIGHBOURS, len(rows))
        row_top = np.argpartition(-sims, k_row - 1, axis=1)[:, :k_row]
        col_top = np.argpartition(-sims, k_col - 1, axis=0)[:k_col, :]
        pairs = {(i, int(j)) for i in range(len(rows)) for j in row_top[i]}
        pairs |= {(int(i), j) for j in range(len(cols)) for i in col_top[:, j]}
        for i, j in pairs:
            sim = float(sims[i, j])
            if sim < threshold:
                continue
            mutual = best_in_row[i] == j and best_in_col[j] == i
            links[(rows[i], cols[j])] = sim + (_MUTUAL_BONUS if mutual else 0.0)
    return sorted(((s, a, b) for (a, b), s in links.items()), key=lambda x: (-x[0], x[1], x[2]))


def _fits(cluster: list[int], sentences: Sequence[Sentence]) -> bool:
    """At most MAX_PER_DOC sentences of one version, and those adjacent."""
    by_doc: dict[str, list[int]] = {}
    for p in cluster:
        by_doc.setdefault(sentences[p].doc, []).append(sentences[p].index)
    for indices in by_doc.values():
        if len(indices) > MAX_PER_DOC or max(indices) - min(indices) + 1 != len(indices):
            return False
    return True


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

"""The library entry point: versions of a story in, a Report out.

read → clean → segment → embed → align → facts → compare → report. The CLI, ``batch`` and
``eval`` all call these two functions, so there is one pipeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from .align import align
from .clean import story_regions
from .compare import compare
from .embed import DEFAULT_MODEL, Embedder, EmbeddingCache, default_cache_dir
from .facts import extract_facts
from .model import Discrepancy, Document, DocumentSummary, Group, Report, Sentence
from .read import read_corpus
from .segment import segment


def make_embedder(model: str = DEFAULT_MODEL, *, use_cache: bool = True, cache_dir: Path | None = None) -> Embedder:
    cache = EmbeddingCache(cache_dir or default_cache_dir()) if use_cache else None
    return Embedder(model, cache)


def check(
    paths: Sequence[str | Path],
    *,
    model: str = DEFAULT_MODEL,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    embedder: Embedder | None = None,
    stdin: TextIO | None = None,
) -> Report:
    """Check a story folder or several version files; raises InputError on bad input."""
    documents = read_corpus(paths, stdin=stdin)
    return check_documents(
        documents, embedder=embedder or make_embedder(model, use_cache=use_cache, cache_dir=cache_dir)
    )


def check_documents(documents: Sequence[Document], *, embedder: Embedder) -> Report:
    """Check versions already read (used by ``eval``, which builds documents from pairs)."""
    documents = tuple(sorted(documents, key=lambda d: d.id))
    sentences = tuple(
        s for doc in documents for s in segment(doc, story_regions(doc))
    )
    if _all_identical(documents, sentences):
        groups = _identical_groups(documents, sentences)
        discrepancies: tuple[Discrepancy, ...] = ()
    else:
        vectors = embedder.encode([s.text for s in sentences]) if sentences else np.zeros((0, 1))
        groups = align(sentences, vectors)
        analyses = extract_facts(documents, sentences)
        discrepancies = compare(documents, groups, analyses, embedder.encode)
    return Report(
        documents=documents,
        sentences=sentences,
        groups=groups,
        discrepancies=discrepancies,
        summaries=_summaries(documents, sentences, groups, discrepancies),
        model=embedder.model,
    )


def _all_identical(documents: Sequence[Document], sentences: Sequence[Sentence]) -> bool:
    """Identical versions need no model: nothing can disagree."""
    texts: dict[str, list[str]] = {d.id: [] for d in documents}
    for s in sentences:
        texts[s.doc].append(s.text)
    return len({tuple(t) for t in texts.values()}) == 1


def _identical_groups(documents: Sequence[Document], sentences: Sequence[Sentence]) -> tuple[Group, ...]:
    by_index: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_index.setdefault(s.index, []).append(s)
    return tuple(Group(f"g{i + 1}", tuple(by_index[i])) for i in sorted(by_index))


def _summaries(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    groups: Sequence[Group],
    discrepancies: Sequence[Discrepancy],
) -> tuple[DocumentSummary, ...]:
    total = Counter(s.doc for s in sentences)
    aligned = Counter(s.doc for g in groups if len(g.docs) > 1 for s in g.sentences)
    only_here = Counter(
        v.doc for d in discrepancies if d.code == "FD901" for v in d.values
    )
    odd = Counter()
    for d in discrepancies:
        if d.severity.rank >= 1 and d.majority is not None:
            odd.update({v.doc for v in d.values if v.normalized != d.majority})
    return tuple(
        DocumentSummary(doc.id, total[doc.id], aligned[doc.id], odd[doc.id], only_here[doc.id])
        for doc in documents
    )

"""The library entry point: versions of a story in, a Report out.

read → clean → segment → embed → align → facts → compare → report. The CLI, ``batch`` and
``eval`` all call these two functions, so there is one pipeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from .align import LINK_THRESHOLD, align
from .clean import story_regions
from .compare import compare
from .embed import DEFAULT_MODEL, Embedder, EmbeddingCache, VectorMemo, default_cache_dir
from .factcache import FactCache, extract_facts_cached, shared_cache  # issue 6: facts cache
from .facts import SentenceFacts
from .model import Discrepancy, Document, DocumentSummary, Group, Report, Sentence
from .read import read_corpus
from .segment import segment

Progress = Callable[[str], None]  # called with a stage's name as the stage starts
STAGES = ("reading", "embedding", "aligning", "extracting facts", "comparing")


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
    align_threshold: float | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check a story folder or several version files; raises InputError on bad input.

    ``align_threshold``: the cosine below which sentences are not aligned (default
    :data:`factdiff.align.LINK_THRESHOLD`). ``progress`` is called with the name of each stage
    as it starts (see :func:`check_documents`); nothing here prints.
    """
    if progress is not None:
        progress("reading")
    documents = read_corpus(paths, stdin=stdin)
    return check_documents(
        documents,
        embedder=embedder or make_embedder(model, use_cache=use_cache, cache_dir=cache_dir),
        align_threshold=align_threshold,
        progress=progress,
    )


def check_documents(
    documents: Sequence[Document],
    *,
    embedder: Embedder,
    align_threshold: float | None = None,
    progress: Progress | None = None,
    sentences: Sequence[Sentence] | None = None,
    analyses: Sequence[SentenceFacts] | None = None,
) -> Report:
    """Check versions already read (used by ``eval``, which builds documents from pairs).

    ``sentences`` and ``analyses`` let ``batch`` hand in what its worker processes prepared
    (:func:`prepare_documents`); when left out they are computed here.

    ``progress``, when given, is called with each stage's name from :data:`STAGES` as the stage
    starts ("reading" only by :func:`check`); identical versions skip the model stages.
    """
    step = progress or (lambda stage: None)
    documents = tuple(sorted(documents, key=lambda d: d.id))
    if sentences is None:
        sentences = segment_documents(documents)
    sentences = tuple(sentences)
    if _all_identical(documents, sentences):
        groups = _identical_groups(documents, sentences)
        discrepancies: tuple[Discrepancy, ...] = ()
    else:
        step("embedding")
        encode = VectorMemo(embedder)  # issue 6: each text asked of the embedder once
        vectors = encode([s.text for s in sentences]) if sentences else np.zeros((0, 1))
        step("aligning")
        threshold = LINK_THRESHOLD if align_threshold is None else align_threshold
        groups = align(sentences, vectors, threshold=threshold)
        step("extracting facts")
        if analyses is None:
            analyses = extract_facts_cached(documents, sentences, fact_cache_for(embedder))
        step("comparing")
        encode.prefetch(compared_texts(analyses))  # one model call, not one per pair of clauses
        discrepancies = compare(documents, groups, tuple(analyses), encode)
    return Report(
        documents=documents,
        sentences=sentences,
        groups=groups,
        discrepancies=discrepancies,
        summaries=_summaries(documents, sentences, groups, discrepancies),
        model=embedder.model,
    )


# --- issue 6: caching and batching helpers (also used by batch.py) -------------------------------


def segment_documents(documents: Sequence[Document]) -> tuple[Sentence, ...]:
    """The story sentences of documents already sorted by id, in order; a paragraph the
    versions share is split into sentences once."""
    memo: dict = {}
    return tuple(s for doc in documents for s in segment(doc, story_regions(doc), memo))


def prepare_documents(
    documents: Sequence[Document], fact_cache: FactCache | None = None
) -> tuple[tuple[Document, ...], tuple[Sentence, ...], tuple[SentenceFacts, ...] | None]:
    """Everything of a check that needs no model: sorted documents, sentences and their facts
    (None for identical versions, which need no facts). Runs in ``batch``'s worker processes."""
    documents = tuple(sorted(documents, key=lambda d: d.id))
    sentences = segment_documents(documents)
    if _all_identical(documents, sentences):
        return documents, sentences, None
    return documents, sentences, extract_facts_cached(documents, sentences, fact_cache)


def compared_texts(analyses: Sequence[SentenceFacts]) -> list[str]:
    """The clause texts ``compare`` embeds (contexts of date facts), to encode them in one batch.

    Only a forecast for speed: a text ``compare`` asks for beyond these is encoded then.
    """
    return [f.context or f.text for a in analyses for f in a.facts if f.kind == "date"]


def fact_cache_for(embedder: Embedder) -> FactCache | None:
    """The facts cache beside the embedder's vector cache; none when the embedder has no cache
    (``--no-cache`` turns off both)."""
    cache = getattr(embedder, "cache", None)
    path = getattr(cache, "path", None)
    return shared_cache(Path(path).parent) if path is not None else None


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
    self_contradictions = Counter(d.values[0].doc for d in discrepancies if d.code == "FD701")
    odd = Counter()
    for d in discrepancies:
        if d.severity.rank >= 1 and d.majority is not None:
            odd.update({v.doc for v in d.values if v.normalized != d.majority})
    return tuple(
        DocumentSummary(
            doc.id, total[doc.id], aligned[doc.id], odd[doc.id], only_here[doc.id], self_contradictions[doc.id]
        )
        for doc in documents
    )

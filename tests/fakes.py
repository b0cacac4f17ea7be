"""A stand-in for the embedding model, so pipeline tests run without loading it.

Vectors are hashed word counts, L2-normalised: deterministic, identical for identical texts and
close for texts that share most words, so alignment meets the structure a real model gives it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import numpy as np

DIM = 64


class FakeEmbedder:
    """Duck-types :class:`factdiff.embed.Embedder`: ``model``, ``cache``, ``encode``."""

    model = "fake-bag-of-words"

    def __init__(self, cache_dir: Path | None = None) -> None:
        # check_documents looks for the facts cache beside the embedder's cache file.
        self.cache = SimpleNamespace(path=Path(cache_dir) / "embeddings-v1.sqlite3") if cache_dir else None
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded += len(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower()) or [text]
            for word in words:
                h = zlib.crc32(word.encode("utf-8", "surrogatepass"))
                out[i, h % DIM] += 1.0 if (h >> 16) & 1 else -1.0
            if not out[i].any():
                out[i, zlib.crc32(text.encode("utf-8", "surrogatepass")) % DIM] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def assert_spans_point_into_the_text(report) -> None:
    """Every sentence and every reported value is a slice of its document's original text."""
    texts = {d.id: d.text for d in report.documents}
    for s in report.sentences:
        assert texts[s.doc][s.start : s.end] == s.text, s
    for g in report.groups:
        for s in g.sentences:
            assert texts[s.doc][s.start : s.end] == s.text, s
    for d in report.discrepancies:
        for v in d.values:
            assert 0 <= v.start <= v.end <= len(texts[v.doc]), (d.id, v)
            assert texts[v.doc][v.start : v.end] == v.text, (d.id, v)

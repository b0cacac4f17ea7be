"""The facts cache: the same analyses as extraction, never trusted when damaged, spaCy only on a miss."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factdiff.factcache import FactCache, decode, encode, extract_facts_cached, fingerprint
from factdiff.facts import extract_facts
from factdiff.model import Document, Sentence

TEXT_A = (
    "Russian President Vladimir Putin visited the southern Kherson region on Monday, the Kremlin said.\n"
    "He did not meet soldiers in Mariupol, which was captured in May.\n"
    "About 1,500 people were evacuated from the city of Kherson, the regional capital."
)
TEXT_B = (
    "Putin visited the Kherson region on Tuesday, the Kremlin said.\n"
    "About 1,500 people were evacuated from the city of Kherson, the regional capital."
)


def _story() -> tuple[tuple[Document, ...], tuple[Sentence, ...]]:
    from factdiff.pipeline import segment_documents

    documents = (
        Document("a", "a.txt", TEXT_A, published=date(2023, 3, 20)),
        Document("b", "b.txt", "\r\n\r\n" + TEXT_B.replace("\n", "\r\n"), published=date(2023, 3, 21)),
    )
    return documents, segment_documents(documents)


@pytest.fixture(scope="module")
def story():
    documents, sentences = _story()
    return documents, sentences, extract_facts(documents, sentences)


def test_cold_and_warm_runs_give_what_extraction_gives(story, tmp_path):
    documents, sentences, expected = story
    assert extract_facts_cached(documents, sentences, FactCache(tmp_path)) == expected
    assert extract_facts_cached(documents, sentences, FactCache(tmp_path)) == expected
    assert extract_facts_cached(documents, sentences, None) == expected


def test_entries_are_rebased_onto_the_sentence_at_hand(story):
    documents, sentences, expected = story
    analysis = next(a for a in expected if a.facts)
    moved = replace(analysis.sentence, doc="elsewhere", index=7, start=analysis.sentence.start + 1000)
    rebuilt = decode(encode(analysis), moved)
    assert rebuilt.sentence == moved
    for old, new in zip(analysis.facts, rebuilt.facts):
        assert (new.doc, new.sentence) == ("elsewhere", 7)
        assert (new.start, new.end) == (old.start + 1000, old.end + 1000)
        assert new.text == old.text
    assert [w.start for w in rebuilt.words] == [w.start + 1000 for w in analysis.words]


def test_the_publication_date_is_part_of_the_key():
    assert FactCache.key("2023-03-20", "on Monday") != FactCache.key("2023-03-21", "on Monday")
    assert FactCache.key("", "x") == FactCache.key("", "x")
    assert len(fingerprint()) == 32


def test_the_fingerprint_reads_every_extraction_module_there_is(monkeypatch):
    """A module renamed or split into a package must stay covered: a missing source would hash
    as "<missing>" and the cache would serve facts of older code."""
    import factdiff
    from factdiff import factcache

    package = Path(factdiff.__file__).parent
    for name in factcache.EXTRACTION_SOURCES:
        assert (package / name).exists(), name
    before = fingerprint()
    fingerprint.cache_clear()
    monkeypatch.setattr(factcache, "EXTRACTION_SOURCES", tuple(n for n in factcache.EXTRACTION_SOURCES if n != "temporal"))
    assert fingerprint() != before  # the package's modules are part of it
    fingerprint.cache_clear()


def test_every_module_fact_extraction_imports_is_in_the_fingerprint():
    """A module facts.py starts to import (titles.py, say) changes the facts it extracts."""
    import ast

    import factdiff
    from factdiff import factcache

    package = Path(factdiff.__file__).parent
    imported = set()
    for node in ast.walk(ast.parse((package / "facts.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            names = [node.module] if node.module else [a.name for a in node.names]
            imported.update(n.split(".")[0] for n in names)
    for name in imported:
        source = name if (package / name).is_dir() else f"{name}.py"
        assert source in factcache.EXTRACTION_SOURCES, source


def test_a_damaged_entry_is_dropped_and_recomputed(story, tmp_path):
    documents, sentences, expected = story
    extract_facts_cached(documents, sentences, FactCache(tmp_path))
    with sqlite3.connect(tmp_path / "facts-v2.sqlite3") as db:
        keys = [k for (k,) in db.execute("SELECT key FROM facts")]
        db.execute("UPDATE facts SET data = ? WHERE key = ?", (b"garbage", keys[0]))  # checksum fails
        db.execute("UPDATE facts SET data = ?, digest = ? WHERE key = ?",  # checksum passes, data does not decode
                   (b"garbage", FactCache.digest(b"garbage"), keys[1]))
    assert extract_facts_cached(documents, sentences, FactCache(tmp_path)) == expected
    with sqlite3.connect(tmp_path / "facts-v2.sqlite3") as db:
        assert all(data != b"garbage" for (data,) in db.execute("SELECT data FROM facts"))


def test_an_unreadable_cache_file_is_set_aside(story, tmp_path):
    documents, sentences, expected = story
    (tmp_path / "facts-v2.sqlite3").write_bytes(b"not a database at all " * 200)
    assert extract_facts_cached(documents, sentences, FactCache(tmp_path)) == expected
    assert list(tmp_path.glob("facts-v2.sqlite3.corrupt-*"))
    assert FactCache(tmp_path).get([FactCache.key("2023-03-20", sentences[0].text)])


def _writer(directory: str, k: int) -> None:
    cache = FactCache(Path(directory))
    for i in range(25):
        cache.put({f"{k}-{i}": f"blob {k} {i}".encode()})


def test_concurrent_writers_do_not_lose_entries(tmp_path, in_processes):
    in_processes(_writer, [(str(tmp_path), k) for k in range(3)])
    found = FactCache(tmp_path).get([f"{k}-{i}" for k in range(3) for i in range(25)])
    assert len(found) == 75


def test_a_warm_run_does_not_import_spacy(story, tmp_path):
    documents, sentences, _ = story
    extract_facts_cached(documents, sentences, FactCache(tmp_path))
    probe = (
        "import sys\n"
        "sys.path.insert(0, %r)\n"
        "from test_factcache import _story\n"
        "from factdiff.factcache import FactCache, extract_facts_cached\n"
        "documents, sentences = _story()\n"
        "extract_facts_cached(documents, sentences, FactCache(%r))\n"
        "print('spacy' in sys.modules, 'torch' in sys.modules)\n"
    ) % (str(Path(__file__).parent), str(tmp_path))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_entries_of_other_extractor_versions_are_pruned_after_a_week(tmp_path):
    import time

    cache = FactCache(tmp_path)
    cache.put({"current": b"x"})
    cache.close()
    old, recent = int(time.time()) - 8 * 86400, int(time.time()) - 86400
    with sqlite3.connect(cache.path) as db:
        for key, fp, stamp in (("stale", "old-code", old), ("recent", "old-code", recent), ("mine-old", fingerprint(), old)):
            db.execute("INSERT INTO facts VALUES (?, ?, ?, ?, ?)", (key, fp, stamp, FactCache.digest(b"y"), b"y"))
    writer = FactCache(tmp_path)
    writer.put({"new": b"z"})
    assert set(writer.get(["current", "stale", "recent", "mine-old", "new"])) == {"current", "recent", "mine-old", "new"}

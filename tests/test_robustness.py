"""Robust under bad input and load: never a traceback, a hang, a changed input or a half report.

Bad input is one line on stderr naming the file and the problem, and exit code 2 (these run the
installed ``factdiff`` script, as a user would). Odd but readable input (other encodings, CRLF,
huge sentences) gives a report whose every offset points into the original text. Identical
versions need no model. Reports are written atomically; caches survive concurrent runs and
damage. Output is deterministic and does not depend on file order. Memory stays flat in batch.
Most pipeline runs here use a stand-in embedder (tests/fakes.py); a few run the real model.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from factdiff.pipeline import check, check_documents
from factdiff.embed import Embedder, EmbeddingCache
from factdiff.errors import InputError
from factdiff.model import Document
from factdiff.read import read_corpus
from factdiff.render.jsonout import render_json

sys.path.insert(0, str(Path(__file__).parent))
from fakes import FakeEmbedder, assert_spans_point_into_the_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "corpora" / "putin-visit-2023-04"
FACTDIFF = Path(sys.executable).with_name("factdiff")

ONE = (
    "Floods forced 3,000 people from their homes in the north of the province on Monday.\n\n"
    "The river rose by two metres overnight, officials said.\n\n"
    "Schools in Lagos will stay closed until Friday.\n"
)
TWO = ONE.replace("3,000", "5,000").replace("Friday", "Thursday")


def factdiff(*args: str, cache: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "FACTDIFF_CACHE_DIR": str(cache)} if cache else dict(os.environ)
    env.pop("FACTDIFF_DEBUG", None)
    return subprocess.run(
        [str(FACTDIFF), *map(str, args)], cwd=ROOT, capture_output=True, text=True, env=env, timeout=timeout
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("factdiff: error: "), result.stderr
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


def story(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- bad input: one line, exit 2, the input untouched ------------------------------------------


def test_missing_path(tmp_path):
    assert_one_line_error(factdiff("check", tmp_path / "nowhere"), "no such file or folder", "nowhere")


def test_empty_folder(tmp_path):
    (tmp_path / "vacant").mkdir()
    assert_one_line_error(factdiff("check", tmp_path / "vacant"), "no .txt, .md or .html files", "vacant")


def test_a_single_version(tmp_path):
    folder = story(tmp_path / "s", {"only.txt": ONE})
    assert_one_line_error(factdiff("check", folder), "at least two versions", "only.txt")
    assert_one_line_error(factdiff("check", folder / "only.txt"), "at least two versions")


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("b.txt", b"", "is empty"),
        ("b.txt", b"  \r\n\t\n", "is empty"),
        ("b.txt", bytes(range(256)) * 40, "binary"),
        ("b.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500, "binary"),
        ("b.txt", b"\xff\xfe" + b"\x00\xd8" * 3, "utf-16"),  # a BOM, then an unpaired surrogate
    ],
)
def test_unusable_files_are_named(tmp_path, name, content, needle):
    folder = story(tmp_path / "s", {"a.txt": ONE, name: content})
    before = snapshot(folder)
    result = factdiff("check", folder)
    assert_one_line_error(result, name, needle)
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    "manifest, needle",
    [
        ("[documents.a\nid = 'x'", "invalid TOML"),
        ("documents = 3", "[documents] must be a table"),
        ("[documents.a]\npublished = 'yesterday'", "is not a date"),
        ("[documents.nothere]\nid = 'x'", "matches no file"),
        ("[documents.a]\nid = 'same'\n[documents.b]\nid = 'same'", "duplicate document id"),
    ],
)
def test_manifest_problems_name_corpus_toml(tmp_path, manifest, needle):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO, "corpus.toml": manifest})
    before = snapshot(folder)
    result = factdiff("check", folder)
    assert_one_line_error(result, needle)
    assert "corpus.toml" in result.stderr or "duplicate" in needle
    assert snapshot(folder) == before


def test_duplicate_ids_from_two_folders(tmp_path):
    first = story(tmp_path / "one", {"a.txt": ONE})
    second = story(tmp_path / "two", {"a.txt": TWO})
    assert_one_line_error(factdiff("check", first / "a.txt", second / "a.txt"), "duplicate document id 'a'")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_cli(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    (folder / "b.txt").chmod(0)
    try:
        assert_one_line_error(factdiff("check", folder), "cannot read", "b.txt")
    finally:
        (folder / "b.txt").chmod(0o644)


def test_unreadable_file(tmp_path, monkeypatch):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(InputError, match=r"cannot read .*b\.txt: Permission denied"):
        read_corpus([folder])


def test_output_into_a_missing_folder_or_onto_an_input_is_refused(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    before = snapshot(folder)
    assert_one_line_error(factdiff("check", folder, "-o", tmp_path / "no" / "r.json"), "does not exist")
    assert_one_line_error(factdiff("check", folder / "a.txt", folder / "b.txt", "-o", folder / "b.txt"), "refusing")
    assert_one_line_error(factdiff("check", folder, "-f", "json", "-o", folder / "a.txt"), "refusing")
    assert snapshot(folder) == before
    assert not (tmp_path / "no").exists()


def test_batch_bad_story_gets_an_error_line_and_the_rest_a_report(tmp_path):
    root = tmp_path / "root"
    story(root / "good", {"a.txt": ONE, "b.txt": TWO})
    story(root / "binary", {"a.txt": ONE, "b.txt": b"\x00\x01" * 100})
    story(root / "toml", {"a.txt": ONE, "b.txt": TWO, "corpus.toml": "[["})
    (root / "empty").mkdir()
    out = tmp_path / "out.jsonl"
    from factdiff.batch import run_batch

    result = run_batch(root, out, embedder=FakeEmbedder(), jobs=0)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["corpus"] for line in lines] == ["binary", "empty", "good", "toml"]
    assert (result.stories, result.failed) == (4, 3)
    assert "binary" in lines[0]["error"] and "b.txt" in lines[0]["error"]
    assert "no .txt" in lines[1]["error"]
    assert "discrepancies" in lines[2]
    assert "invalid TOML" in lines[3]["error"]


# --- odd but readable input: offsets into the original text -------------------------------------


def _check_files(folder: Path, **kw):
    return check([folder], embedder=FakeEmbedder(), **kw)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("’", "'").encode("latin-1"),
        lambda t: t.encode("utf-16"),  # with a BOM
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("cp1252"),
    ],
    ids=["latin-1", "utf-16-bom", "utf-8-bom", "cp1252"],
)
def test_other_encodings_are_read_and_offsets_hold(tmp_path, encode):
    text = "Café owners in Zürich said 40 tourists’ bags were stolen on Monday.\n\nThe police did not comment.\n"
    folder = story(tmp_path / "s", {"a.txt": text, "b.txt": encode(text.replace("40", "14"))})
    report = _check_files(folder)
    assert "Zürich" in report.documents[1].text
    assert_spans_point_into_the_text(report)
    numbers = [d for d in report.discrepancies if d.kind == "number"]
    assert numbers and {v.text for v in numbers[0].values} == {"40", "14"}


def test_crlf_offsets_point_into_the_original_text(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE.replace("\n", "\r\n"), "b.txt": TWO.replace("\n", "\r\n")})
    report = _check_files(folder)
    assert "\r\n" in report.documents[0].text
    assert_spans_point_into_the_text(report)
    assert {v.text for d in report.discrepancies if d.kind == "number" for v in d.values} == {"3,000", "5,000"}


def test_two_megabytes_without_a_sentence_break_completes(tmp_path):
    # 2 MB read, cleaned and cut into sentences of at most 2,000 characters; the text repeats, so
    # its sentences repeat and are parsed once. A non-repeating 200 KB blob shows parsing such
    # sentences stays linear (a non-repeating 2 MB one takes about a minute).
    import random

    words = "word " * 4 + "ninety "
    periodic = (words * (2_000_000 // len(words) + 1))[:2_000_000]
    rng = random.Random(0)
    vocab = "the mayor said people were hurt and ninety soldiers in Kherson on Monday not 1,500".split()
    varied = " ".join(rng.choice(vocab) if rng.random() < 0.8 else f"x{rng.randrange(10**6)}" for _ in range(40_000))
    folder = story(tmp_path / "s", {"a.txt": periodic, "b.txt": ONE, "c.txt": varied[:200_000]})
    started = time.monotonic()
    report = _check_files(folder)
    assert time.monotonic() - started < 240
    assert len(report.documents[0].text) == 2_000_000
    assert_spans_point_into_the_text(report)
    assert max(s.end - s.start for s in report.sentences) <= 2_000
    assert sum(s.doc == "a" for s in report.sentences) >= 1000


def test_identical_versions_need_no_model(tmp_path, monkeypatch):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": ONE, "c.md": ONE})

    def refuse(self):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(Embedder, "_load", refuse)
    report = check([folder], use_cache=False)
    assert report.discrepancies == ()
    assert all(len(g.docs) == 3 for g in report.groups)


def test_identical_versions_import_neither_torch_nor_sentence_transformers(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": ONE})
    probe = (
        "import sys\n"
        "from factdiff.pipeline import check\n"
        f"report = check([{str(folder)!r}], use_cache=False)\n"
        "assert report.discrepancies == ()\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers', 'spacy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- atomic reports ------------------------------------------------------------------------------


def test_a_failed_render_leaves_the_previous_report_alone(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import factdiff.cli
    from factdiff.cli import app

    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    out.write_text("previous report\n")
    monkeypatch.setattr(factdiff.pipeline, "make_embedder", lambda *a, **k: FakeEmbedder())
    runner = CliRunner()
    ok = runner.invoke(app, ["check", str(folder), "-f", "json", "-o", str(out)])
    assert ok.exit_code in (0, 1), ok.output
    good = out.read_text()
    assert json.loads(good)["documents"]

    real_replace = os.replace

    def crash(src, dst):  # the process dies between writing the temporary file and renaming it
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    runner.invoke(app, ["check", str(folder), "-f", "json", "-o", str(out)])
    monkeypatch.setattr(os, "replace", real_replace)
    assert out.read_text() == good
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.json"]


# --- caches under concurrency and damage (the real model) ----------------------------------------


def test_concurrent_cold_runs_share_one_cache(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    cache = tmp_path / "cache"
    env = {**os.environ, "FACTDIFF_CACHE_DIR": str(cache)}
    outs = [tmp_path / f"r{i}.json" for i in range(3)]
    procs = [
        subprocess.Popen([str(FACTDIFF), "check", str(folder), "-f", "json", "-o", str(o)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for o in outs
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 1, err.decode()
        assert b"Traceback" not in err
    reports = [o.read_bytes() for o in outs]
    assert reports[0] == reports[1] == reports[2]
    embedder = Embedder(cache=EmbeddingCache(cache))
    report = check([folder], embedder=embedder)
    assert embedder.encoded == 0 and embedder._encoder is None  # all from the cache
    assert render_json(report).encode() == reports[0]


def test_damaged_caches_are_rebuilt_not_trusted(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    cache = tmp_path / "cache"
    first = factdiff("check", folder, "-f", "json", cache=cache)
    assert first.returncode == 1, first.stderr
    with sqlite3.connect(cache / "embeddings-v1.sqlite3") as db:
        db.execute("UPDATE vectors SET vector = zeroblob(length(vector))")
    with sqlite3.connect(cache / "facts-v2.sqlite3") as db:
        db.execute("UPDATE facts SET data = x'00'")
    second = factdiff("check", folder, "-f", "json", cache=cache)
    assert second.returncode == 1 and second.stdout == first.stdout
    (cache / "facts-v2.sqlite3").write_bytes(b"garbage" * 1000)
    third = factdiff("check", folder, "-f", "json", cache=cache)
    assert third.returncode == 1 and third.stdout == first.stdout
    assert list(cache.glob("facts-v2.sqlite3.corrupt-*"))


def test_an_unusable_cache_folder_means_running_uncached(tmp_path):
    import numpy as np

    from factdiff.factcache import FactCache

    (tmp_path / "a-file").write_text("not a folder")
    bad = tmp_path / "a-file" / "cache"  # cannot be created
    vectors = EmbeddingCache(bad)
    assert vectors.get("m", ["x"]) == {}
    vectors.put("m", {"x": np.ones(4, dtype=np.float32)})
    facts = FactCache(bad)
    assert facts.get(["k"]) == {}
    facts.put({"k": b"v"})
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO})
    expected = render_json(check([folder], embedder=FakeEmbedder()))
    assert render_json(check([folder], embedder=FakeEmbedder(bad))) == expected
    result = factdiff("check", folder, "-f", "json", cache=bad)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout)["discrepancies"]


# --- determinism ----------------------------------------------------------------------------------


def test_same_input_same_bytes_and_file_order_does_not_matter(tmp_path):
    files = sorted(STORY.glob("*.txt"))
    cache = tmp_path / "cache"
    runs = [
        factdiff("check", STORY, "-f", "json", cache=cache),
        factdiff("check", STORY, "-f", "json", cache=cache),
        factdiff("check", *reversed([f.relative_to(ROOT) for f in files]), "-f", "json", cache=cache),
    ]
    assert all(r.returncode in (0, 1) for r in runs), runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    ids = [sorted(d["id"] for d in json.loads(r.stdout)["discrepancies"]) for r in runs]
    assert ids[0] and ids[0] == ids[2]


def test_document_order_changes_nothing(tmp_path):
    folder = story(tmp_path / "s", {"a.txt": ONE, "b.txt": TWO, "c.txt": ONE.replace("two metres", "three metres")})
    documents = read_corpus([folder])
    forward = render_json(check_documents(documents, embedder=FakeEmbedder()))
    backward = render_json(check_documents(tuple(reversed(documents)), embedder=FakeEmbedder()))
    assert forward == backward


# --- load: many versions, many stories ------------------------------------------------------------


def test_fifty_versions(tmp_path):
    import random

    base = [
        f"Officials in {city} said {n} homes were damaged on {day}."
        for city, n, day in zip(
            ["Lagos", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Perth", "Dakar", "Minsk", "Porto"] * 3,
            range(10, 400, 13),
            ["Monday", "Tuesday", "Friday"] * 10,
        )
    ]
    documents = []
    for v in range(50):
        rng = random.Random(v)
        sentences = [s.replace(" homes", " houses") if rng.random() < 0.1 else s for s in base if rng.random() > 0.05]
        documents.append(Document(f"v{v:02d}", f"v{v:02d}.txt", "\n\n".join(sentences) + "\n", published=date(2023, 5, 2)))
    report = check_documents(documents, embedder=FakeEmbedder())
    assert len(report.documents) == 50
    assert_spans_point_into_the_text(report)


def test_batch_streams_one_line_per_story(tmp_path):
    from factdiff.batch import run_batch

    root = tmp_path / "root"
    for n in range(12):
        story(root / f"s{n:02d}", {"a.txt": ONE.replace("3,000", f"{n},000"), "b.txt": TWO})
    out = tmp_path / "out.jsonl"
    seen: list[int] = []

    def on_story(name: str, ok: bool) -> None:
        (tmp,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        seen.append(len(tmp.read_text(encoding="utf-8").splitlines()))

    run_batch(root, out, embedder=FakeEmbedder(), jobs=0, on_story=on_story)
    assert seen == list(range(1, 13))  # each report is on disk before the next story is checked
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12


BATCH_PROBE = """
import json, resource, sys
sys.path.insert(0, {tests!r})
from fakes import FakeEmbedder
from factdiff.batch import run_batch

if __name__ == "__main__":
    result = run_batch({root!r}, {out!r}, embedder=FakeEmbedder({cache!r}), jobs=1)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({{"stories": result.stories, "failed": result.failed, "peak_mb": peak / 1024}}))
"""


def test_batch_of_500_stories_keeps_memory_flat(tmp_path):
    root = tmp_path / "root"
    for n in range(500):
        story(root / f"s{n:03d}", {
            "a.txt": f"Story {n}: {n + 10} people were hurt in Lagos on Monday.\n\nThe mayor spoke.\n",
            "b.txt": f"Story {n}: {n + 11} people were hurt in Lagos on Monday.\n\nThe mayor spoke.\n",
        })
    script = tmp_path / "probe.py"
    out = tmp_path / "out.jsonl"
    script.write_text(BATCH_PROBE.format(tests=str(Path(__file__).parent), root=str(root), out=str(out), cache=str(tmp_path / "cache")))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert (answer["stories"], answer["failed"]) == (500, 0)
    assert answer["peak_mb"] < 2048, answer
    assert len(out.read_text(encoding="utf-8").splitlines()) == 500

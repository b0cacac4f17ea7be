"""``factdiff batch``: one JSON line per story folder, errors as lines, atomic output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factdiff.batch import run_batch, story_folders
from factdiff.pipeline import make_embedder
from factdiff.cli import app
from factdiff.errors import InputError

STORIES = {
    "b-flood": {
        "one.txt": "Floods forced 3,000 people from their homes in the north of the province on Monday.",
        "two.txt": "Floods forced 5,000 people from their homes in the north of the province on Monday.",
    },
    "a-museum": {
        "one.txt": "The city museum reopened in May after a two-year renovation.",
        "two.txt": "After a two-year renovation, the city museum reopened in May.",
    },
    "c-broken": {"only.txt": "A story told by one version cannot disagree with anything."},
}


def _make_root(root: Path) -> Path:
    for name, files in STORIES.items():
        (root / name).mkdir(parents=True)
        for file, text in files.items():
            (root / name / file).write_text(text + "\n", encoding="utf-8")
    (root / "notes.txt").write_text("not a story folder\n", encoding="utf-8")
    (root / ".hidden").mkdir()
    return root


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    base = tmp_path_factory.mktemp("batch")
    root = _make_root(base / "stories")
    out = base / "out.jsonl"
    result = CliRunner().invoke(
        app, ["batch", str(root), "--output", str(out), "--jobs", "2"], env={"FACTDIFF_CACHE_DIR": str(base / "cache")}
    )
    assert result.exit_code == 0, result.output
    assert not [p for p in base.iterdir() if p.name.endswith(".tmp")]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_one_line_per_story_in_folder_order(lines):
    assert [line["corpus"] for line in lines] == ["a-museum", "b-flood", "c-broken"]


def test_story_lines_are_check_json_reports(lines):
    for line in lines[:2]:
        assert "error" not in line
        assert {"version", "model", "documents", "groups", "discrepancies", "summary"} <= set(line)
        assert [d["id"] for d in line["documents"]] == ["one", "two"]
    flood = lines[1]
    numbers = [d for d in flood["discrepancies"] if d["kind"] == "number" and d["severity"] in ("error", "warning")]
    assert numbers, flood["discrepancies"]
    assert {v["text"] for v in numbers[0]["values"]} == {"3,000", "5,000"}
    museum = lines[0]
    assert not [d for d in museum["discrepancies"] if d["severity"] in ("error", "warning")]


def test_broken_story_gets_an_error_line(lines):
    broken = lines[2]
    assert set(broken) == {"corpus", "error"}
    assert "at least two versions" in broken["error"]


def test_jobs_do_not_change_the_output(tmp_path):
    root = _make_root(tmp_path / "stories")
    embedder = make_embedder(cache_dir=tmp_path / "cache")
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    result = run_batch(root, first, embedder=embedder, jobs=0)
    assert (result.stories, result.failed) == (3, 1)
    seen: list[tuple[str, bool]] = []
    run_batch(root, second, embedder=embedder, jobs=2, on_story=lambda name, ok: seen.append((name, ok)))
    assert first.read_bytes() == second.read_bytes()
    assert seen == [("a-museum", True), ("b-flood", True), ("c-broken", False)]


def test_bad_root_and_output(tmp_path):
    embedder = make_embedder(use_cache=False)  # never loaded: these fail before any story is read
    with pytest.raises(InputError, match="no such folder"):
        run_batch(tmp_path / "absent", tmp_path / "out.jsonl", embedder=embedder)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no story folders"):
        story_folders(tmp_path / "empty")
    root = _make_root(tmp_path / "stories")
    with pytest.raises(InputError, match="does not exist"):
        run_batch(root, tmp_path / "missing" / "out.jsonl", embedder=embedder)


def test_interrupted_run_leaves_no_output(tmp_path, monkeypatch):
    import factdiff.pipeline

    root = _make_root(tmp_path / "stories")
    out = tmp_path / "out.jsonl"

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(factdiff.pipeline, "check_documents", explode)
    with pytest.raises(RuntimeError):
        run_batch(root, out, embedder=make_embedder(use_cache=False), jobs=0)
    assert list(tmp_path.iterdir()) == [tmp_path / "stories"]

"""Baselines as linters keep them: record what is known, fail only on what is new.

Ids must be stable: the same on a re-run, with the files given in another order, and after an
unrelated edit elsewhere in the story.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factdiff.baseline import apply_baseline, baseline_text, read_baseline
from factdiff.pipeline import check
from factdiff.cli import app
from factdiff.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "corpora" / "putin-visit-2023-04"
VERSIONS = sorted(STORY.glob("*.txt"))
EDITED = VERSIONS[0]
UNRELATED = "“We will defeat Russia,” he said."  # a quote nothing else in the story disagrees on

runner = CliRunner()


def run(args, cache: Path, cwd: Path = ROOT):
    with contextlib.chdir(cwd):
        result = runner.invoke(app, [str(a) for a in args], env={"FACTDIFF_CACHE_DIR": str(cache)})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def report(story_cache):
    return check([STORY], cache_dir=story_cache)


def ids(report) -> set[str]:
    return {d.id for d in report.discrepancies}


# --- stable ids ------------------------------------------------------------------------------


def test_ids_are_unique_and_survive_a_rerun(report, story_cache):
    assert len(ids(report)) == len(report.discrepancies) > 0
    again = check([STORY], cache_dir=story_cache)
    assert [d.id for d in again.discrepancies] == [d.id for d in report.discrepancies]


def test_ids_survive_reordering_the_files(report, story_cache):
    reordered = check(list(reversed(VERSIONS)), cache_dir=story_cache)
    assert ids(reordered) == ids(report)


def test_ids_survive_an_unrelated_edit(report, story_cache, tmp_path):
    story = shutil.copytree(STORY, tmp_path / "story")
    edited = story / EDITED.name
    text = edited.read_text(encoding="utf-8")
    assert text.count(UNRELATED) == 1
    edited.write_text(text.replace(UNRELATED, "“We will defeat Russia,” he told the reporters."), encoding="utf-8")

    after = check([story], cache_dir=story_cache)
    sentence = next(s.index for s in report.sentences if s.doc == EDITED.stem and UNRELATED in s.text)
    touching = {d.id for d in report.discrepancies if any(v.doc == EDITED.stem and v.sentence == sentence for v in d.values)}
    kept = ids(report) - touching
    assert kept, "the story should have discrepancies away from the edited sentence"
    assert kept <= ids(after), sorted(kept - ids(after))


# --- the baseline file -----------------------------------------------------------------------


def test_baseline_round_trip(report, tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(baseline_text(report), encoding="utf-8")
    assert read_baseline(path) == frozenset(ids(report))
    data = json.loads(path.read_text())
    assert [e["id"] for e in data["discrepancies"]] == sorted(ids(report))  # diffs well under git
    hidden = apply_baseline(report, read_baseline(path))
    assert hidden.discrepancies == () and hidden.suppressed == len(report.discrepancies)
    partial = apply_baseline(report, frozenset(list(sorted(ids(report)))[:3]))
    assert len(partial.discrepancies) == len(report.discrepancies) - 3 and partial.suppressed == 3


@pytest.mark.parametrize(
    "content, message",
    [(None, "not found"), ("{", "not a readable baseline"), ('{"x": 1}', "not a factdiff baseline"),
     ('{"factdiff-baseline": 1, "discrepancies": [{"code": "FD101"}]}', "need an 'id'")],
)
def test_bad_baselines_are_input_errors(content, message, tmp_path):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        read_baseline(path)


# --- on the command line ---------------------------------------------------------------------


def test_write_then_use_a_baseline(report, story_cache, tmp_path):
    baseline = tmp_path / "factdiff-baseline.json"
    result = run(["check", STORY, "--write-baseline", baseline], story_cache)
    assert result.exit_code == 0 and result.stdout == ""
    assert f"wrote a baseline of {len(report.discrepancies)} discrepancies" in result.stderr
    assert read_baseline(baseline) == frozenset(ids(report))

    result = run(["check", STORY, "--baseline", baseline, "--fail-on", "info"], story_cache)
    assert result.exit_code == 0
    n = len(report.discrepancies)
    header = " ".join(result.stdout.split("╭")[0].split())
    assert f"{n} hidden by baseline" in header
    md = run(["check", STORY, "--baseline", baseline, "-f", "markdown"], story_cache).stdout
    assert f"{n} hidden by baseline" in md.splitlines()[2]
    data = json.loads(run(["check", STORY, "--baseline", baseline, "-f", "json"], story_cache).stdout)
    assert data["discrepancies"] == [] and data["summary"]["suppressed"] == n


def test_only_new_discrepancies_fail(report, story_cache, tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(baseline_text(report), encoding="utf-8")
    story = shutil.copytree(STORY, tmp_path / "story")
    edited = story / EDITED.name
    text = edited.read_text(encoding="utf-8")
    assert "Russia annexed the Kherson and Luhansk regions" in text
    edited.write_text(text.replace("in September in a move", "in November in a move"), encoding="utf-8")

    result = run(["check", story, "--baseline", baseline, "-f", "json"], story_cache)
    data = json.loads(result.stdout)
    new = [d for d in data["discrepancies"] if d["severity"] in ("error", "warning")]
    assert result.exit_code == (1 if any(d["severity"] == "error" for d in new) else 0)
    assert new and all(d["id"] not in ids(report) for d in data["discrepancies"])
    assert any(d["kind"] == "date" and any(v["text"] == "November" for v in d["values"]) for d in new)
    assert data["summary"]["suppressed"] > 0


def test_baseline_written_only_where_allowed(story_cache, tmp_path):
    result = run(["check", STORY, "--write-baseline", tmp_path / "missing" / "b.json"], story_cache)
    assert result.exit_code == 2 and "does not exist" in result.stderr
    result = run(["check", STORY, "--write-baseline", VERSIONS[1]], story_cache)
    assert result.exit_code == 2 and "refusing to write the baseline over an input file" in result.stderr
    result = run(["check", STORY, "--baseline", tmp_path / "none.json"], story_cache)
    assert result.exit_code == 2 and "baseline file not found" in result.stderr

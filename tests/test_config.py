"""Settings from [tool.factdiff] or factdiff.toml, and how flags override them."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factdiff.pipeline
from factdiff.align import LINK_THRESHOLD
from factdiff.cli import app
from factdiff.config import (
    Settings,
    discover_settings,
    find_settings,
    known_codes,
    load_settings,
    start_folder,
)
from factdiff.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "corpora" / "putin-visit-2023-04"

runner = CliRunner()


def run(args, cache: Path, cwd: Path):
    with contextlib.chdir(cwd):
        result = runner.invoke(app, [str(a) for a in args], env={"FACTDIFF_CACHE_DIR": str(cache)})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- reading settings ------------------------------------------------------------------------


def test_factdiff_toml(tmp_path):
    path = write(
        tmp_path / "factdiff.toml",
        'model = "my-model"\nfail-on = "warning"\nformat = "markdown"\nignore = ["FD901", "spelling"]\n'
        "align-threshold = 0.7\ncache = false\n",
    )
    s = load_settings(path)
    assert s == Settings(model="my-model", fail_on="warning", format="markdown", ignore=("FD901", "spelling"),
                         align_threshold=0.7, cache=False)
    assert s.source == str(path)


def test_pyproject_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.factdiff]\nfail-on = "info"\n')
    assert load_settings(path).fail_on == "info"
    assert load_settings(write(tmp_path / "other" / "pyproject.toml", "[project]\n")) == Settings()


def test_defaults():
    s = Settings()
    assert (s.model, s.fail_on, s.format, s.ignore, s.align_threshold, s.cache) == (
        "all-MiniLM-L6-v2", "error", "terminal", (), LINK_THRESHOLD, True)


@pytest.mark.parametrize(
    "text, message",
    [
        ("fail_on = 'error'", "unknown setting 'fail_on'"),
        ("fail-on = 'sometimes'", "fail-on must be one of"),
        ("format = 'pdf'", "format must be one of"),
        ("ignore = 'FD901'", "ignore must be a list"),
        ("ignore = ['FD999']", "cannot ignore 'FD999'"),
        ("ignore = ['places']", "cannot ignore 'places'"),
        ("align-threshold = 1.5", "align-threshold must be a number between 0 and 1"),
        ("align-threshold = 'high'", "align-threshold must be a number"),
        ("cache = 'yes'", "cache must be true or false"),
        ("model = 3", "model must be a string"),
        ("fail-on = ", "invalid TOML"),
    ],
)
def test_bad_settings_are_input_errors(text, message, tmp_path):
    with pytest.raises(InputError, match=message):
        load_settings(write(tmp_path / "factdiff.toml", text + "\n"))


def test_missing_config_file(tmp_path):
    with pytest.raises(InputError, match="config file not found"):
        load_settings(tmp_path / "nope.toml")


def test_ignore_matches_codes_prefixes_and_kinds():
    s = Settings(ignore=("FD9", "date", "FD301"))
    assert s.ignores("FD901", "detail") and s.ignores("FD903", "wording")
    assert s.ignores("FD101", "date") and s.ignores("FD301", "place")
    assert not s.ignores("FD302", "place") and not s.ignores("FD201", "number")
    assert "FD901" in known_codes() and known_codes()["FD301"] == "place"


def test_lookup_goes_up_and_prefers_factdiff_toml(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", "[tool.factdiff]\nformat = 'json'\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'no-table'\n")
    assert find_settings(deep).format == "json"
    assert find_settings(deep).source == str(tmp_path / "pyproject.toml")
    write(tmp_path / "a" / "b" / "factdiff.toml", "format = 'html'\n")
    write(tmp_path / "a" / "b" / "pyproject.toml", "[tool.factdiff]\nformat = 'markdown'\n")
    assert find_settings(deep).format == "html"


def test_start_folder_is_where_the_inputs_are(tmp_path, monkeypatch):
    (tmp_path / "s" / "x").mkdir(parents=True)
    (tmp_path / "s" / "y").mkdir()
    a = write(tmp_path / "s" / "x" / "a.txt", "a")
    b = write(tmp_path / "s" / "y" / "b.txt", "b")
    assert start_folder([str(a), str(b)]) == (tmp_path / "s").resolve()
    assert start_folder([str(tmp_path / "s" / "x")]) == (tmp_path / "s" / "x").resolve()
    monkeypatch.chdir(tmp_path)
    assert start_folder(["-"]) == tmp_path.resolve()


def test_inputs_first_then_the_working_folder(tmp_path, monkeypatch):
    project = tmp_path / "project"
    write(project / "factdiff.toml", "format = 'json'\n")
    story = write(tmp_path / "stories" / "a" / "v1.txt", "x").parent
    monkeypatch.chdir(project)
    assert discover_settings([str(story)]).format == "json"  # nothing beside the story: cwd's
    write(tmp_path / "stories" / "pyproject.toml", "[tool.factdiff]\nformat = 'html'\n")
    assert discover_settings([str(story)]).format == "html"  # the story's own project wins
    assert discover_settings(["-"]).format == "json"


def test_flags_override_settings():
    s = Settings(format="json", fail_on="warning", ignore=("FD901",))
    o = s.overridden(format="html", fail_on=None, model=None, ignore=None)
    assert (o.format, o.fail_on, o.ignore) == ("html", "warning", ("FD901",))


# --- on the command line ---------------------------------------------------------------------


@pytest.fixture
def story(tmp_path) -> Path:
    """A copy of the bundled story in a project of its own, with settings."""
    project = tmp_path / "project"
    shutil.copytree(STORY, project / "story")
    write(project / "pyproject.toml",
          '[tool.factdiff]\nformat = "json"\nfail-on = "never"\nignore = ["FD901"]\n')
    return project / "story"


def test_settings_apply_and_flags_override_them(story, story_cache, tmp_path):
    result = run(["check", "story"], story_cache, cwd=story.parent)
    assert result.exit_code == 0  # fail-on = never
    data = json.loads(result.stdout)  # format = json
    assert not any(d["code"] == "FD901" for d in data["discrepancies"])
    assert data["summary"]["suppressed"] > 0

    result = run(["check", "story", "--format", "markdown", "--fail-on", "info", "--ignore", "FD902"],
                 story_cache, cwd=story.parent)
    assert result.stdout.startswith("# factdiff report") and result.exit_code == 1
    assert "FD901" not in result.stdout and "FD902" not in result.stdout  # --ignore adds to ignore

    # looked up from the inputs, not from the working folder
    result = run(["check", story], story_cache, cwd=tmp_path)
    assert json.loads(result.stdout)["summary"]["suppressed"] > 0

    isolated = run(["check", "story", "--isolated", "--no-color"], story_cache, cwd=story.parent)
    assert isolated.stdout.startswith("factdiff: 5 versions")  # the terminal default
    assert "FD901" in isolated.stdout

    other = write(tmp_path / "elsewhere.toml", 'format = "html"\n')
    result = run(["check", "story", "--config", other], story_cache, cwd=story.parent)
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "FD901" in result.stdout  # the named file replaces, not merges with, the project's


def test_bad_config_is_exit_2(story, story_cache, tmp_path):
    write(story.parent / "pyproject.toml", '[tool.factdiff]\nformat = "pdf"\n')
    result = run(["check", "story"], story_cache, cwd=story.parent)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "format must be one of" in result.stderr
    assert run(["check", "story", "--isolated"], story_cache, cwd=story.parent).exit_code in (0, 1)
    result = run(["check", "story", "--config", tmp_path / "none.toml"], story_cache, cwd=story.parent)
    assert result.exit_code == 2 and "config file not found" in result.stderr
    result = run(["check", "story", "--config", tmp_path / "none.toml", "--isolated"], story_cache, cwd=story.parent)
    assert result.exit_code == 2


def test_align_threshold_and_cache_reach_the_pipeline(story, story_cache, monkeypatch):
    thresholds: list[float] = []
    caches: list[bool] = []
    real_align, real_embedder = factdiff.pipeline.align, factdiff.pipeline.make_embedder

    def spy_align(sentences, vectors, *, threshold):
        thresholds.append(threshold)
        return real_align(sentences, vectors, threshold=threshold)

    def spy_embedder(model, *, use_cache=True, cache_dir=None):
        caches.append(use_cache)
        return real_embedder(model, use_cache=True, cache_dir=cache_dir)  # keep the test's cache

    monkeypatch.setattr(factdiff.pipeline, "align", spy_align)
    monkeypatch.setattr(factdiff.pipeline, "make_embedder", spy_embedder)
    cwd = story.parent
    run(["check", "story"], story_cache, cwd=cwd)
    write(cwd / "pyproject.toml", "[tool.factdiff]\nalign-threshold = 0.55\ncache = false\n")
    run(["check", "story"], story_cache, cwd=cwd)
    run(["check", "story", "--align-threshold", "0.7", "--cache"], story_cache, cwd=cwd)
    assert thresholds == [LINK_THRESHOLD, 0.55, 0.7]
    assert caches == [True, False, True]

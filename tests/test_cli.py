"""The factdiff command: formats, output files, exit codes, diff, inputs, progress, help.

Most runs are in-process (typer's CliRunner) so the model loads once; the bundled story shares
one embedding cache for the session. A few runs go through the installed ``factdiff`` script,
where the promise of one-line errors without a traceback is kept by ``main``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from factdiff.pipeline import STAGES, check
from factdiff.cli import app

ROOT = Path(__file__).resolve().parent.parent
STORY = "corpora/putin-visit-2023-04"
FACTDIFF = Path(sys.executable).with_name("factdiff")
ANSI = re.compile(r"\x1b\[")

runner = CliRunner()

OLD = (
    "Fire in Lyon\n\n"
    "The mayor said on Monday that 40 people were hurt in the fire at a warehouse in Lyon. "
    "Firefighters worked through the night to put it out. "
    "The cause of the fire is not yet known.\n"
)
NEW = OLD.replace("40 people", "14 people").replace("Firefighters worked", "Sixty firefighters worked")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Fire in Lyon</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Fire in Lyon</h1>
<p>The mayor said on Monday that 14 people were hurt in the fire at a warehouse in Lyon.</p>
<p>Firefighters worked through the night to put it out.</p>
<p>The cause of the fire is not yet known.</p>
</article>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader77: my cousin says 99 people were hurt in the fire at the warehouse.</p></div>
</section>
<footer>Copyright 2024 Example News</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def env(story_cache) -> dict[str, str]:
    return {"FACTDIFF_CACHE_DIR": str(story_cache)}


def run(args: list[str], env: dict[str, str], *, cwd: Path = ROOT, input: str | None = None):
    """factdiff in-process, from ``cwd``; unexpected exceptions are raised, not swallowed."""
    with contextlib.chdir(cwd):
        result = runner.invoke(app, [str(a) for a in args], env=env, input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def factdiff(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    """The installed console script, as a user runs it."""
    return subprocess.run(
        [str(FACTDIFF), *args], cwd=ROOT, capture_output=True, text=True, input=input,
        env={**os.environ, **(env or {})}, timeout=120,
    )


def errors_in(data: dict) -> int:
    return data["summary"]["discrepancies"]["error"]


@pytest.fixture(scope="module")
def story_json(env) -> tuple[int, dict]:
    result = run(["check", STORY, "--format", "json"], env)
    return result.exit_code, json.loads(result.stdout)


# --- check on the bundled story --------------------------------------------------------------


def test_json_report_of_the_story(story_json):
    code, data = story_json
    assert code == (1 if errors_in(data) else 0)
    docs = {d["id"]: d for d in data["documents"]}
    assert len(docs) == 5
    # paths as given on the command line (relative), never the checkout's absolute location
    for d in docs.values():
        assert d["path"].startswith(f"{STORY}/") and d["path"].endswith(".txt")
    assert docs["000_467066fa4cc774d1"]["source"] == "Associated Press"
    assert docs["000_467066fa4cc774d1"]["published"] == "2023-04-18"
    assert docs["000_467066fa4cc774d1"]["published_from"] == "manifest"
    assert docs["002_3a8191f3d3776c2d"]["source"] == "JapanToday"
    assert data["summary"]["suppressed"] == 0


@pytest.mark.parametrize("fmt, ext", [("terminal", "txt"), ("markdown", "md"), ("html", "html"), ("json", "json")])
def test_every_format_to_a_file(fmt, ext, env, tmp_path, story_json):
    out = tmp_path / f"report.{ext}"
    result = run(["check", STORY, "--format", fmt, "--output", out], env)
    assert result.exit_code == story_json[0]
    assert result.stdout == ""
    assert f"-> {out}" in result.stderr  # one summary line on stderr
    text = out.read_text(encoding="utf-8")
    assert not ANSI.search(text)
    # the manifest's source names and dates reach every format
    assert "Associated Press" in text and "JapanToday" in text and "2023-04-18" in text
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        # self-contained: the page's one inline script, nothing linked or fetched
        assert text.count("<script") == 1 and "<script>\n" in text
        assert not re.search(r"""<(?:link|img|iframe)\b|\bsrc=|url\(""", text)
    if fmt == "markdown":
        assert text.startswith("# factdiff report\n")
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # not mkstemp's private mode


def test_quiet_prints_nothing_on_stderr(env, tmp_path):
    out = tmp_path / "r.json"
    result = run(["check", STORY, "-f", "json", "-o", out, "--quiet"], env)
    assert result.stderr == ""
    assert json.loads(out.read_text())["documents"]


def test_verbose_says_which_settings_and_how_long(env, tmp_path):
    result = run(["check", STORY, "-f", "json", "-o", tmp_path / "r.json", "--verbose", "--isolated"], env)
    assert "no settings file" in result.stderr
    assert re.search(r"checked 5 versions in \d+\.\d s", result.stderr)
    assert run(["check", STORY, "--quiet", "--verbose"], env).exit_code == 2


def test_terminal_report_does_not_depend_on_the_terminal(env, tmp_path):
    texts = []
    for columns in ("50", "220"):
        out = tmp_path / f"r{columns}.txt"
        run(["check", STORY, "-o", out], {**env, "COLUMNS": columns})
        texts.append(out.read_text())
    assert texts[0] == texts[1]
    piped = run(["check", STORY], {**env, "COLUMNS": "220"}).stdout
    assert piped == texts[0]  # stdout that is not a terminal: the same plain text
    assert not ANSI.search(piped)


@pytest.mark.parametrize("fail_on, expected", [("never", 0), ("info", 1)])
def test_exit_code_follows_fail_on(fail_on, expected, env):
    assert run(["check", STORY, "-f", "json", "--fail-on", fail_on], env).exit_code == expected


def test_ignored_codes_and_kinds_are_hidden_and_counted(env, story_json):
    _, full = story_json
    ignored = [d for d in full["discrepancies"] if d["code"] == "FD901" or d["kind"] == "spelling"]
    assert ignored, "the story should have claims told once"
    result = run(["check", STORY, "-f", "json", "--ignore", "FD901", "--ignore", "spelling"], env)
    data = json.loads(result.stdout)
    assert not any(d["code"] == "FD901" or d["kind"] == "spelling" for d in data["discrepancies"])
    assert len(data["discrepancies"]) == len(full["discrepancies"]) - len(ignored)
    assert data["summary"]["suppressed"] == len(ignored)
    text = run(["check", STORY, "--ignore", "FD9"], env).stdout  # a code prefix
    header = " ".join(text.split("╭")[0].split())  # the first lines, before any panel
    assert re.search(r"\d+ hidden by baseline/ignore", header)


def test_unknown_ignore_is_a_usage_error(env):
    result = run(["check", STORY, "--ignore", "FD999"], env)
    assert result.exit_code == 2
    assert "cannot ignore 'FD999'" in result.stderr


# --- output files ----------------------------------------------------------------------------


def test_output_into_a_missing_folder_is_refused(env, tmp_path):
    out = tmp_path / "missing" / "report.json"
    result = run(["check", STORY, "-f", "json", "-o", out], env)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr
    assert not out.parent.exists()


def test_output_onto_an_input_is_refused(env, tmp_path):
    story = shutil.copytree(ROOT / STORY, tmp_path / "story")
    version = story / "000_467066fa4cc774d1.txt"
    before = version.read_bytes()
    for target in (version, story / "report.txt", story / "corpus.toml"):
        result = run(["check", story, "-o", target], env)
        assert result.exit_code == 2, target
        assert "refusing to write the report over an input file" in result.stderr
    assert version.read_bytes() == before
    assert not (story / "report.txt").exists()
    result = run(["diff", version, story / "001_5ffaebfa1d87371e.txt", "-o", version], env)
    assert result.exit_code == 2 and version.read_bytes() == before


# --- errors as a user sees them --------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "no/such/story"], "no such file or folder"),
        (["check", f"{STORY}/000_467066fa4cc774d1.txt"], "need at least two versions"),
        (["check", STORY, "--bogus"], "No such option: --bogus"),
        (["check", STORY, "--format", "xml"], "'xml' is not one of"),
        (["check", STORY, "--align-threshold", "1.5"], "between 0 and 1"),
        (["check", STORY, "--baseline", "no-such-baseline.json"], "baseline file not found"),
        (["check", STORY, "-o", "no/such/folder/r.json"], "does not exist"),
        (["diff", STORY, f"{STORY}/000_467066fa4cc774d1.txt"], "diff compares two files"),
        (["diff", f"{STORY}/000_467066fa4cc774d1.txt"], "Missing argument"),
        (["check"], "Missing argument"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = factdiff(*args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("factdiff: error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_help_says_what_every_option_does():
    group = get_command(app)
    overview = runner.invoke(app, ["--help"]).stdout
    for name in ("check", "diff"):
        assert name in overview
        command = group.commands[name]
        for param in command.params:
            if param.param_type_name == "option":
                assert (param.help or "").strip(), f"{name} {param.opts} has no help"
        text = runner.invoke(app, [name, "--help"]).stdout
        for option in ("--format", "--output", "--fail-on", "--baseline", "--write-baseline", "--ignore",
                       "--config", "--isolated", "--model", "--align-threshold", "--no-cache", "--quiet",
                       "--verbose"):
            assert option in text, (name, option)
    assert "[tool.factdiff]" in runner.invoke(app, ["check", "--help"]).stdout


def test_version():
    from factdiff import __version__

    assert runner.invoke(app, ["--version"]).stdout == f"factdiff {__version__}\n"


# --- diff ------------------------------------------------------------------------------------


@pytest.fixture
def versions(tmp_path) -> Path:
    for folder, text in (("old", OLD), ("new", NEW)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "same.txt").write_text(OLD, encoding="utf-8")
    return tmp_path


def test_diff_of_disagreeing_versions_exits_1(versions, env):
    result = run(["diff", "old/story.txt", "new/story.txt"], env, cwd=versions)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--- old/story.txt") and lines[1].startswith("+++ new/story.txt")
    assert re.search(r"^error FD201 number: “40” → “14”  FD201-\w+$", result.stdout, re.M)
    assert "  - The mayor said on Monday that «40» people" in result.stdout
    assert "  + The mayor said on Monday that «14» people" in result.stdout
    assert lines[-1].startswith("factdiff: 1 error")
    assert len(lines) < 12  # compact: info items are counted, not listed
    assert "info FD" in run(["diff", "old/story.txt", "new/story.txt", "-v"], env, cwd=versions).stdout


def test_diff_of_agreeing_versions_exits_0(versions, env):
    result = run(["diff", "old/story.txt", "same.txt"], env, cwd=versions)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "factdiff: no discrepancies"
    # fail-on decides what counts as disagreeing
    assert run(["diff", "old/story.txt", "new/story.txt", "--fail-on", "never"], env, cwd=versions).exit_code == 0


def test_diff_formats_and_stdin(versions, env):
    result = run(["diff", "old/story.txt", "-", "-f", "json"], env, cwd=versions, input=NEW)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert sorted(d["path"] for d in data["documents"]) == ["-", "old/story.txt"]
    assert [d["code"] for d in data["discrepancies"] if d["severity"] == "error"] == ["FD201"]
    md = run(["diff", "old/story.txt", "new/story.txt", "-f", "markdown"], env, cwd=versions).stdout
    assert md.startswith("# factdiff report") and "FD201" in md
    terminal = run(["diff", "-", "new/story.txt"], env, cwd=versions, input=OLD).stdout
    assert terminal.startswith("--- stdin")


def test_diff_reads_html_main_text_without_comments(versions, env):
    result = run(["diff", "old/story.txt", "page.html", "-f", "json"], env, cwd=versions)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    said = " ".join(s["text"] for g in data["groups"] for s in g["sentences"])
    assert "14 people were hurt" in said
    assert "Reader77" not in said and "99 people" not in said and "Copyright" not in said
    assert [d["code"] for d in data["discrepancies"] if d["severity"] == "error"] == ["FD201"]


def test_diff_shows_manifest_sources_and_dates(versions, env):
    (versions / "old" / "corpus.toml").write_text(
        '[documents."story.txt"]\nsource = "Lyon Daily"\npublished = 2024-02-05\n', encoding="utf-8"
    )
    result = run(["diff", "old/story.txt", "new/story.txt"], env, cwd=versions)
    assert "Lyon Daily · 2024-02-05 (manifest)" in result.stdout.splitlines()[0]
    assert "2024-02-05 (inferred)" in result.stdout.splitlines()[1]


# --- progress --------------------------------------------------------------------------------


def test_check_reports_each_stage(story_cache, tmp_path):
    seen: list[str] = []
    check([ROOT / STORY], cache_dir=story_cache, progress=seen.append)
    assert seen == list(STAGES)
    (tmp_path / "a.txt").write_text(OLD)
    (tmp_path / "b.txt").write_text(OLD)
    seen.clear()
    check([tmp_path / "a.txt", tmp_path / "b.txt"], use_cache=False, progress=seen.append)
    assert seen == ["reading"]  # identical versions need no model


def test_no_progress_when_stderr_is_not_a_terminal(env):
    result = run(["check", STORY, "-f", "json"], env)
    assert result.stderr == ""  # no bar, no spinner, and no summary when the report is on stdout


def test_progress_bar_on_a_terminal(monkeypatch):
    import io

    from factdiff.cli_output import stages as _stages

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    with _stages(enabled=True) as step:
        for stage in STAGES:
            step(stage)
    assert "comparing" in screen.getvalue() and "4/5" in screen.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    with _stages(enabled=False) as step:
        step("reading")
    assert quiet.getvalue() == ""


def test_an_unexpected_error_is_one_line_without_a_traceback(monkeypatch, capsys):
    from factdiff import cli

    def fail(**_):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", fail)
    monkeypatch.delenv("FACTDIFF_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    assert capsys.readouterr().err == "factdiff: internal error: RuntimeError: boom\n"

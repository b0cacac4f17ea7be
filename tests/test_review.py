"""``factdiff review``: keys pressed in Textual's headless pilot, the screen and the baseline file.

The app is driven with ``App.run_test()`` inside ``asyncio.run`` (no pytest plugin needed). The
screen is read as text from the compositor's strips, the highlight from their styles. Most tests
use the bundled story's committed JSON report (no model); the last ones go through the CLI.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factdiff.review
from factdiff.baseline import apply_baseline, read_baseline
from factdiff.cli import app as cli
from factdiff.model import Severity
from factdiff.render.jsonout import report_from_dict
from factdiff.render.review import Filter, Review, ReviewApp, parse_filter
from factdiff.review import read_accepted, saver

ROOT = Path(__file__).resolve().parent.parent
STORY = "corpora/putin-visit-2023-04"
STORY_JSON = ROOT / "reports" / "putin-visit-2023-04.json"
SIZE = (120, 40)


@pytest.fixture(scope="module")
def report():
    return report_from_dict(json.loads(STORY_JSON.read_text(encoding="utf-8")))


def _screen(app: ReviewApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _styles_of(strips, text: str) -> list:
    """The styles of every piece of the screen that contains ``text``."""
    return [seg.style for strip in strips for seg in strip if text in seg.text and seg.style]


def _drive(app: ReviewApp, *steps, strips: list | None = None) -> list[str]:
    """Run ``app`` headless; each step is a tuple of keys; the screen after each step.

    ``strips``, when given, receives the screen's styled lines after each step too.
    """
    screens: list[str] = []

    def look() -> None:
        screens.append(_screen(app))
        if strips is not None:
            strips.append(app.screen._compositor.render_strips())

    async def go() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            look()
            for keys in steps:
                await pilot.press(*keys)
                await pilot.pause()
                if app.is_running:
                    look()

    asyncio.run(go())
    return screens


def _app(report, path: Path) -> ReviewApp:
    previous = read_accepted(path)
    return ReviewApp(report, accepted=frozenset(e["id"] for e in previous),
                     save=saver(path, report, previous), where=str(path))


def _first_line_of_detail(screen: str) -> str:
    return next(line for line in screen.splitlines() if "╭─" in line)


def test_keys_move_accept_and_undo_into_the_baseline(report, tmp_path):
    path = tmp_path / "factdiff-baseline.json"
    serious = [d for d in report.discrepancies if d.severity is not Severity.INFO]
    first, second, third = serious[:3]
    start, down, accepted, moved_on, undone, up = _drive(
        _app(report, path), ("j",), ("a",), ("a",), ("u",), ("k", "up", "down"),
    )
    assert f"0 of {len(serious)} reviewed" in start and "showing error warning" in start
    assert first.id in _first_line_of_detail(start)
    assert second.id in _first_line_of_detail(down)
    # accepted: ticked, counted, written, and the cursor moves on to the next open one
    assert f"1 of {len(serious)} reviewed" in accepted and f"✓ error {second.code}" in accepted
    assert third.id in _first_line_of_detail(accepted)
    assert f"2 of {len(serious)} reviewed" in moved_on
    assert f"1 of {len(serious)} reviewed" in undone and f"undid {third.id}" in undone
    assert read_baseline(path) == {second.id}
    assert third.id in _first_line_of_detail(undone)  # undo goes back to what it took back
    assert second.id in _first_line_of_detail(up)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["discrepancies"] == [{"id": second.id, "code": second.code,
                                      "severity": second.severity.value,
                                      "explanation": second.explanation}]
    # what review accepted, a check with that baseline hides
    hidden = apply_baseline(report, read_baseline(path))
    assert second.id not in {d.id for d in hidden.discrepancies} and hidden.suppressed == 1


def test_each_acceptance_is_on_disk_before_the_next_key(report, tmp_path):
    path = tmp_path / "b.json"
    seen: list[frozenset[str]] = []
    inner = saver(path, report, ())

    def save(accepted):
        inner(accepted)
        seen.append(read_baseline(path))

    app = ReviewApp(report, save=save)
    _drive(app, ("a",), ("a",), ("u",))
    ids = [d.id for d in report.discrepancies if d.severity is not Severity.INFO]
    assert seen == [{ids[0]}, {ids[0], ids[1]}, {ids[0]}]
    assert not list(tmp_path.glob(".b.json.*"))  # no temporary file left behind


def test_a_previous_baseline_counts_as_reviewed_and_is_kept(report, tmp_path):
    path = tmp_path / "known.json"
    serious = [d for d in report.discrepancies if d.severity is not Severity.INFO]
    other = {"id": "FD101-from-another-story", "code": "FD101", "severity": "error", "explanation": "x"}
    path.write_text(json.dumps({"factdiff-baseline": 1, "discrepancies": [
        other, {"id": serious[0].id, "code": serious[0].code, "severity": "error", "explanation": ""}]}))
    start, after = _drive(_app(report, path), ("a",))
    assert f"1 of {len(serious)} reviewed" in start and f"✓ error {serious[0].code}" in start
    assert "already accepted" in after  # the cursor was on the accepted one
    assert "u undoes" in after
    _drive(_app(report, path), ("j", "a"))
    assert read_baseline(path) == {other["id"], serious[0].id, serious[1].id}


def test_filter_by_severity_and_code(report):
    codes = {d.code for d in report.discrepancies if d.severity is not Severity.INFO}
    fd1 = [d for d in report.discrepancies if d.code.startswith("FD1")]
    infos = report.count(Severity.INFO)
    _, by_code, by_severity, cancelled, everything = _drive(
        ReviewApp(report),
        ("slash", *"FD1", "enter"),
        ("slash", "ctrl+u", *"info", "enter"),
        ("slash", *"xyz", "escape"),
        ("slash", "ctrl+u", "enter"),
    )
    assert f"0 of {len(fd1)} reviewed" in by_code and "showing FD1" in by_code
    assert all(code in by_code for code in {d.code for d in fd1})
    assert not any(f" {code} " in by_code for code in codes - {d.code for d in fd1})
    assert f"0 of {infos} reviewed" in by_severity and "showing info" in by_severity
    assert "showing info" in cancelled  # escape keeps the filter
    assert f"0 of {len(report.discrepancies)} reviewed" in everything and "showing all" in everything


def test_the_conflicting_spans_are_highlighted_in_every_version(report):
    app = ReviewApp(report)
    d = next(d for d in report.discrepancies if d.severity is not Severity.INFO)
    strips: list = []
    (screen,) = _drive(app, strips=strips)
    labels = {"A", "B", "JapanToday", "D", "E"}
    assert all(f"{label}  " in screen for label in labels)  # every version's sentence
    outlier = next(v for v in d.values if v.normalized != d.majority)
    majority = next(v for v in d.values if v.normalized == d.majority)
    assert any(s.bold and _hue(s) == "red" for s in _styles_of(strips[0], outlier.text))
    assert any(s.bold and _hue(s) == "green" for s in _styles_of(strips[0], majority.text))
    assert not any(s.bold for s in _styles_of(strips[0], "A video released by the Kremlin"))


def _hue(style) -> str:
    """Red or green, as the theme renders them (truecolor, not the names asked for)."""
    if style.color is None:
        return ""
    r, g, b = style.color.get_truecolor()
    return "red" if r > max(g, b) else "green" if g > max(r, b) else ""


def test_moving_and_quitting_write_nothing(report, tmp_path):
    path = tmp_path / "factdiff-baseline.json"
    app = _app(report, path)
    _drive(app, ("j", "j", "k"), ("q",))
    assert not app.is_running and app.return_code == 0
    assert not path.exists()


def test_space_and_b_page_the_sentences(report):
    start, paged, back = _drive(ReviewApp(report), ("space",), ("b",))
    assert "╭─ FD301" in start
    assert "╭─ FD301" not in paged and "E  outlier" in paged  # further down the same one
    assert "╭─ FD301" in back


def test_a_story_without_discrepancies(tmp_path):
    from factdiff.model import Report

    saved: list = []
    start, after = _drive(ReviewApp(Report((), (), (), ()), save=saved.append), ("a", "u", "j"))
    assert "0 of 0 reviewed" in start and "Nothing to review" in start
    assert "0 of 0 reviewed" in after and saved == []


def test_control_characters_in_a_story_are_shown_not_obeyed():
    from factdiff.model import Discrepancy, Document, Group, Report, Sentence, Value

    story = "Fire\x1b[2J at the plant on Monday."
    s = Sentence("x", 0, 0, len(story), story)
    at = story.find("Monday")
    d = Discrepancy("d1", "FD101", "date", Severity.ERROR, "g", "Day differs", "tuesday",
                    (Value("x", "Monday", at, at + 6, "monday", 0),))
    (screen,) = _drive(ReviewApp(Report((Document("x", "x.txt", story),), (s,), (Group("g", (s,)),), (d,))))
    assert "Fire\u241b[2J at the plant" in screen and "\x1b" not in screen


def test_parse_filter():
    assert parse_filter("") == Filter()
    assert parse_filter("all") == Filter()
    assert parse_filter("Errors, warn FD3 place") == Filter(frozenset({"error", "warning"}), ("fd3", "place"))
    assert str(parse_filter("fd101 error")) == "error FD101"


def test_review_state_moves_to_the_next_open_item(report):
    review = Review(list(report.discrepancies))
    first, second = review.visible[:2]
    assert review.accept(second) and not review.accept(second)
    assert review.next_open(0) == 2  # skips the accepted second one
    assert review.undo() == second.id and review.undo() is None
    assert review.counter() == f"0 of {len(report.discrepancies)} reviewed"


# --- through the command ---------------------------------------------------------------------

runner = CliRunner()


def _invoke(args, env, cwd):
    with contextlib.chdir(cwd):
        return runner.invoke(cli, [str(a) for a in args], env=env)


def test_review_without_a_terminal_is_a_one_line_error(tmp_path):
    result = _invoke(["review", str(ROOT / STORY)], {"CI": "true"}, tmp_path)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "factdiff: error: review needs an interactive terminal (stdin and stdout); use 'factdiff check' for a report"
    ]
    assert not (tmp_path / "factdiff-baseline.json").exists()


@pytest.mark.parametrize("args, message", [
    (["--baseline", "broken.json"], "broken.json: not a readable baseline"),
    (["--baseline", "."], ".: is a folder; name the baseline file"),
    (["-"], "review reads the keyboard on stdin; name the version files"),
])
def test_review_refuses_bad_input_before_any_work(args, message, tmp_path, monkeypatch):
    monkeypatch.setattr(factdiff.review, "ensure_terminal", lambda stdin, stdout: None)
    monkeypatch.setattr(ReviewApp, "run", lambda self: pytest.fail("the screen must not start"))
    (tmp_path / "broken.json").write_text("{not json")
    paths = ["-"] if args == ["-"] else [ROOT / STORY]
    result = _invoke(["review", *paths, *(a for a in args if a != "-")], {}, tmp_path)
    assert result.exit_code == 2
    assert result.output.startswith(f"factdiff: error: {message}") and result.output.count("\n") == 1


def test_review_then_check_with_the_baseline(story_cache, tmp_path, monkeypatch):
    """The command as an editor runs it: review accepts two, check --baseline hides them."""
    monkeypatch.setattr(factdiff.review, "ensure_terminal", lambda stdin, stdout: None)
    shown: list[str] = []
    monkeypatch.setattr(ReviewApp, "run", lambda self: shown.extend(_drive(self, ("a",), ("a",))))
    env = {"FACTDIFF_CACHE_DIR": str(story_cache)}
    result = _invoke(["review", ROOT / STORY, "--isolated"], env, tmp_path)
    assert result.exit_code == 0, result.output
    told = json.loads((ROOT / "reports" / "putin-visit-2023-04.json").read_text(encoding="utf-8"))["discrepancies"]
    assert f"2 of {sum(d['severity'] != 'info' for d in told)} reviewed" in shown[-1]
    accepted = read_baseline(tmp_path / "factdiff-baseline.json")  # the default, in the working folder
    assert len(accepted) == 2
    result = _invoke(["check", ROOT / STORY, "--isolated", "-f", "json", "--baseline",
                      tmp_path / "factdiff-baseline.json", "--fail-on", "never"], env, tmp_path)
    data = json.loads(result.stdout)
    assert not accepted & {d["id"] for d in data["discrepancies"]}
    assert data["summary"]["suppressed"] == 2

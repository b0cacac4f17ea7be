"""The HTML report in a real browser: headless Chromium parses it as intended.

Both a hostile hand-made report and the bundled story's real report (reports/, kept current
by test_reports_current.py). Skipped when chromium is absent (``.ci/run`` installs Debian's
``chromium``; by hand: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factdiff.render.html import render_html
from test_render import make_report

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
REPORTS = Path(__file__).resolve().parent.parent / "reports"
STORY_REPORT = REPORTS / "putin-visit-2023-04.html"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs chromium (apt-get install -y chromium)")


def _dump_dom(page: Path, tmp_path: Path) -> str:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        page.as_uri(),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        # A live alert() blocks headless Chromium: that is what an unescaped <script> does.
        pytest.fail("chromium hung loading the report (did a script run?)")
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def dom(tmp_path_factory) -> str:
    tmp = tmp_path_factory.mktemp("browser")
    page = tmp / "report.html"
    page.write_text(render_html(make_report()), encoding="utf-8")
    return _dump_dom(page, tmp)


def test_browser_shows_script_as_text(dom):
    # Had the story's <script> been parsed as an element, --dump-dom would show it as a tag.
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    text = html.unescape(re.sub(r"<[^>]+>", "", dom))
    assert "Readers wrote: <script>alert(1)</script> and [bold]x[/bold]" in text


def test_browser_has_discrepancy_anchors_and_links(dom):
    report = make_report()
    for d in report.discrepancies:
        assert re.search(rf'<section[^>]*\bid="d-{re.escape(d.id)}"', dom)
        assert f'href="#d-{d.id}"' in dom
    for g in report.groups:
        assert f'id="g-{g.id}"' in dom


def test_browser_keeps_the_marks(dom):
    assert '<mark class="outlier" title="2023-03">March 2023</mark>' in dom
    assert '<mark class="majority" title="2022-03">March 2022</mark>' in dom


# --- the bundled story's real report ----------------------------------------------------------


@pytest.fixture(scope="module")
def story_dom(tmp_path_factory) -> str:
    tmp = tmp_path_factory.mktemp("story-browser")
    page = tmp / STORY_REPORT.name  # a copy alone in a folder: nothing beside it to load
    shutil.copyfile(STORY_REPORT, page)
    return _dump_dom(page, tmp)


def _text(dom: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", dom)).split())


def test_story_report_renders_every_discrepancy(story_dom):
    data = json.loads(STORY_REPORT.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["discrepancies"], "the bundled story has discrepancies"
    for d in data["discrepancies"]:
        assert re.search(rf'<section[^>]*\bid="d-{re.escape(d["id"])}"', story_dom), d["id"]
        assert f'href="#d-{d["id"]}"' in story_dom
    for g in data["groups"]:
        assert f'id="g-{g["id"]}"' in story_dom
    text = _text(story_dom)
    for d in data["discrepancies"]:
        for v in d["values"]:
            assert " ".join(v["text"].split()) in text


def test_story_report_shows_sources_and_dates(story_dom):
    text = _text(story_dom)
    assert "factdiff report" in text
    assert "Associated Press" in text and "JapanToday" in text
    assert "2023-04-18 (manifest)" in text and "(inferred)" in text
    rows = re.findall(r"<tr><th>(\d{3}_[0-9a-f]+)</th>", story_dom)
    assert len(set(rows)) == 5


def test_story_report_is_self_contained(story_dom):
    raw = STORY_REPORT.read_text(encoding="utf-8")
    assert "<script" not in raw.lower() and "<script" not in story_dom.lower()
    assert not re.search(r"""<(?:link|img|iframe|object|embed)\b|\bsrc=|@import|url\(""", raw, re.I)
    assert not re.search(r"""href="(?!#)""", raw)  # only in-page links

"""The HTML report in a real browser: headless Chromium parses it as intended.

Skipped when /usr/bin/chromium is absent (``apt-get install -y chromium``).
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from factdiff.render.html import render_html
from test_render import make_report

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")


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

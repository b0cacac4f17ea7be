"""The HTML report in a real browser: what an editor sees and what a click does.

Playwright drives Debian's headless Chromium (``.ci/run`` installs it; by hand:
``apt-get install -y chromium``); no browser is downloaded. Skipped only when chromium is absent.
Both a hostile hand-made report and the bundled story's real report (reports/, kept current by
test_reports_current.py) are loaded from a folder of their own, so nothing beside them can load.
"""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest

from factdiff.render.html import render_html
from test_render import make_report

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
REPORTS = Path(__file__).resolve().parent.parent / "reports"
STORY_REPORT = REPORTS / "putin-visit-2023-04.html"
STORY = json.loads(STORY_REPORT.with_suffix(".json").read_text(encoding="utf-8"))
LAPTOP = {"width": 1440, "height": 900}
OUTLIER_SELECTED = (0xFF, 0x9E, 0x97)  # --outlier-sel in report.css
MAJORITY_SELECTED = (0x8F, 0xDC, 0x9C)  # --majority-sel

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs chromium (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


class Loaded:
    """A page with what it asked the network for, what it logged as errors and any dialogs."""

    def __init__(self, browser, path: Path, viewport: dict) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport=viewport, color_scheme="light")
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.as_uri()

    def open(self, fragment: str = "") -> Loaded:
        self.page.goto(self.url + fragment)
        return self


@pytest.fixture
def story(browser, tmp_path):
    page = tmp_path / STORY_REPORT.name
    shutil.copyfile(STORY_REPORT, page)
    loaded = Loaded(browser, page, LAPTOP)
    yield loaded
    loaded.page.close()


@pytest.fixture
def hostile(browser, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(make_report()), encoding="utf-8")
    loaded = Loaded(browser, page, LAPTOP)
    yield loaded.open()
    loaded.page.close()


def _by_severity(severity: str) -> list[dict]:
    return [d for d in STORY["discrepancies"] if d["severity"] == severity]


def _visible_in(page, inner, outer) -> bool:
    """Whether ``inner``'s box lies inside ``outer``'s box and inside the window."""
    a, b = inner.bounding_box(), outer.bounding_box()
    size = page.viewport_size
    return (a is not None and b is not None and b["y"] <= a["y"]
            and a["y"] + a["height"] <= b["y"] + b["height"]
            and 0 <= a["x"] and a["x"] + a["width"] <= size["width"]
            and 0 <= a["y"] and a["y"] + a["height"] <= size["height"])


def _target(column):
    """What a click should bring into view in a column: its first selected span."""
    return column.locator(".text mark.sel").first


# --- hostile text ------------------------------------------------------------------------------


def test_story_script_is_text_not_code(hostile):
    page = hostile.page
    assert hostile.dialogs == [] and hostile.errors == []
    assert page.locator("script").count() == 1  # the page's own
    blog = page.locator('.column[data-doc="blog"] .text').inner_text()
    assert "Readers wrote: <script>alert(1)</script> and [bold]x[/bold] with `code` & more." in blog
    name = page.locator('.column[data-doc="blog"] .name').inner_text()
    assert name == "Local [bold]Blog[/bold] | News"


def test_nothing_is_fetched(hostile, story):
    story.open()
    for loaded in (hostile, story):
        assert loaded.requests == [loaded.url], loaded.requests


# --- the bundled story -------------------------------------------------------------------------


def test_opens_with_errors_and_warnings_listed_and_every_version_in_a_column(story):
    page = story.open().page
    assert story.errors == []
    shown = page.locator("#discrepancies .item:visible")
    expected = _by_severity("error") + _by_severity("warning")
    assert shown.count() == len(expected) > 0
    assert [shown.nth(i).get_attribute("id") for i in range(shown.count())] == [
        f"d-{d['id']}" for d in expected]
    columns = page.locator(".column")
    assert columns.count() == len(STORY["documents"]) == 5
    assert [columns.nth(i).locator(".label").inner_text() for i in range(5)] == list("ABCDE")
    assert columns.nth(0).locator(".name").inner_text() == "Associated Press"


@pytest.mark.parametrize("width", [1280, 1440])
def test_five_versions_fit_side_by_side_at_a_laptops_width(browser, tmp_path, width):
    page_file = tmp_path / STORY_REPORT.name
    shutil.copyfile(STORY_REPORT, page_file)
    loaded = Loaded(browser, page_file, {"width": width, "height": 800}).open()
    page = loaded.page
    columns = page.locator(".column")
    for i in range(columns.count()):  # none cut off, none too narrow to read
        box = columns.nth(i).bounding_box()
        assert box["width"] >= 190 and box["x"] + box["width"] <= width + 1
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    loaded.page.close()


def test_click_scrolls_every_column_to_its_span(story):
    page = story.open().page
    for d in _by_severity("error") + _by_severity("warning"):
        docs = {v["doc"] for v in d["values"]}
        item = page.locator(f'[id="d-{d["id"]}"]')
        item.locator("a").click()
        assert "selected" in (item.get_attribute("class") or "")
        assert page.locator(".item.selected").count() == 1
        for doc in docs:
            column = page.locator(f'.column[data-doc="{doc}"]')
            target = _target(column)
            assert target.count() == 1, (d["id"], doc)
            assert _visible_in(page, target, column.locator(".text")), (d["id"], doc)
            assert column.locator(".status").inner_text().lower() in {
                "outlier", "majority", "outlier + majority"}
        # a version without a value in it says so and is not selected
        for other in {x["id"] for x in STORY["documents"]} - docs:
            column = page.locator(f'.column[data-doc="{other}"]')
            assert column.locator("mark.sel").count() == 0
            assert column.locator(".status").inner_text().lower() in {"aligned", "not here"}


def test_click_brings_a_span_from_out_of_view(story):
    page = story.open().page
    far = []  # (item, column) pairs whose span is out of view when the page opens
    for i, d in enumerate(_by_severity("error") + _by_severity("warning")):
        for doc in dict.fromkeys(v["doc"] for v in d["values"]):
            column = page.locator(f'.column[data-doc="{doc}"]')
            span = column.locator(f'mark[data-d~="{i}o"], mark[data-d~="{i}m"]').first
            if not _visible_in(page, span, column.locator(".text")):
                far.append((d, column, span))
    assert far, "every span is on screen already: the test would show nothing"
    d, column, span = far[-1]
    page.locator(f'[id="d-{d["id"]}"] a').click()
    assert _visible_in(page, span, column.locator(".text"))
    assert column.locator(".text").evaluate("t => t.scrollTop") > 0
    assert page.evaluate("location.hash") == f"#d-{d['id']}"


def test_click_on_a_sentence_lines_up_the_other_versions_beside_it(story):
    page = story.open().page
    everywhere = {g["id"] for g in STORY["groups"]
                  if {s["doc"] for s in g["sentences"]} == {d["id"] for d in STORY["documents"]}}
    first = page.locator(".column").first
    text = first.locator(".text")
    on_screen = [s for s in first.locator(".s[data-g]").all()
                 if s.get_attribute("data-g") in everywhere and _visible_in(page, s, text)]
    assert on_screen, "no sentence shared by every version is on screen at first"
    sentence = on_screen[-1]
    group = sentence.get_attribute("data-g")
    line = sentence.evaluate("s => { const r = s.getClientRects()[0];"
                             " return {x: r.x + 3, y: r.y + r.height / 2, top: r.top}; }")
    page.mouse.click(line["x"], line["y"])
    assert text.evaluate("t => t.scrollTop") == 0  # the clicked version stays where it is
    tops = []
    for column in page.locator(".column").all()[1:]:
        twin = column.locator(f'.s[data-g="{group}"]').first
        assert "aligned" in twin.get_attribute("class")
        assert _visible_in(page, twin, column.locator(".text"))
        assert column.locator(".status").inner_text().lower() == "aligned"
        tops.append(twin.evaluate("s => s.getClientRects()[0].top"))
    # where the column could scroll that far, the twin starts on the clicked sentence's line
    assert any(abs(top - line["top"]) < 2 for top in tops), (line["top"], tops)


def test_severity_filters_hide_and_show_items(story):
    page = story.open().page
    errors, warnings, infos = (len(_by_severity(s)) for s in ("error", "warning", "info"))
    assert page.locator(".item.info:visible").count() == 0  # info is off at first
    page.locator('.filters input[value="error"]').uncheck()
    assert page.locator(".item.error:visible").count() == 0
    assert page.locator(".item:visible").count() == warnings
    # the text no longer shows errors' colors where no other shown discrepancy covers it
    assert page.locator(".columns mark.error").count() == 0
    page.locator('.filters input[value="info"]').check()
    assert page.locator(".item.info:visible").count() == infos
    assert page.locator(".item:visible").count() == warnings + infos
    page.locator('.filters input[value="warning"]').uncheck()
    page.locator('.filters input[value="info"]').uncheck()
    assert page.locator(".item:visible").count() == 0
    assert page.locator("#discrepancies .none").is_visible()
    page.locator('.filters input[value="error"]').check()
    assert page.locator(".item:visible").count() == errors


def test_keys_move_through_the_list_like_tig(story):
    page = story.open().page
    ids = [f"d-{d['id']}" for d in _by_severity("error") + _by_severity("warning")]
    page.keyboard.press("j")
    assert page.locator(".item.selected").get_attribute("id") == ids[0]
    page.keyboard.press("j")
    page.keyboard.press("ArrowDown")
    assert page.locator(".item.selected").get_attribute("id") == ids[2]
    page.keyboard.press("k")
    assert page.locator(".item.selected").get_attribute("id") == ids[1]


def test_a_link_to_an_info_item_shows_and_selects_it(story):
    info = _by_severity("info")[0]
    page = story.open(f"#d-{info['id']}").page
    item = page.locator(f'[id="d-{info["id"]}"]')
    assert item.is_visible() and "selected" in item.get_attribute("class")
    assert page.locator('.filters input[value="info"]').is_checked()


def test_narrow_window_scrolls_the_columns_not_the_page(browser, tmp_path):
    page_file = tmp_path / STORY_REPORT.name
    shutil.copyfile(STORY_REPORT, page_file)
    loaded = Loaded(browser, page_file, {"width": 1024, "height": 768}).open()
    page = loaded.page
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 1024
    columns = page.locator(".columns")
    assert columns.evaluate("c => c.scrollWidth > c.clientWidth")
    assert page.locator(".column").first.bounding_box()["width"] >= 170
    loaded.page.close()


# --- what it looks like ------------------------------------------------------------------------


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _png_rows(png: bytes) -> list[bytes]:
    """Decode an 8-bit RGB(A), non-interlaced PNG (what Chromium writes) into rows of pixels."""
    width, height = _png_size(png)
    depth, color, interlace = png[24], png[25], png[28]
    assert depth == 8 and color in (2, 6) and interlace == 0
    bpp = 3 if color == 2 else 4
    data, pos = b"", 8
    while pos < len(png):
        n = int.from_bytes(png[pos:pos + 4], "big")
        if png[pos + 4:pos + 8] == b"IDAT":
            data += png[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw, stride = zlib.decompress(data), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(b"".join(bytes(line[j:j + 3]) for j in range(0, stride, bpp)))
        prev = line
    return rows


def _count(rows: list[bytes], rgb: tuple[int, int, int]) -> int:
    wanted = bytes(rgb)
    return sum(row[i:i + 3] == wanted for row in rows for i in range(0, len(row), 3))


def test_screenshot_shows_the_selected_spans_in_their_colors(story, tmp_path):
    page = story.open().page
    first = _by_severity("error")[0]
    page.locator(f'[id="d-{first["id"]}"] a').click()
    shot = page.screenshot(path=str(tmp_path / "report.png"))
    assert _png_size(shot) == (LAPTOP["width"], LAPTOP["height"])
    assert len(shot) > 50_000  # text in five columns and a sidebar, not a blank page
    # the outlier's column and a majority column, cut out of the screenshot and decoded here
    for doc, color in ((first["values"][0]["doc"], OUTLIER_SELECTED),
                       (first["values"][1]["doc"], MAJORITY_SELECTED)):
        box = page.locator(f'.column[data-doc="{doc}"] .text').bounding_box()
        clip = page.screenshot(clip=box)
        assert _count(_png_rows(clip), color) > 300, doc

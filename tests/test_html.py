"""The HTML report's markup: side-by-side columns of whole texts, marks in place, a sidebar.

What the page does in a browser (clicks, filters, scrolling, a screenshot) is in
test_html_browser.py; here the page is read as text.
"""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from factdiff.model import Discrepancy, Document, Group, Report, Sentence, Severity, Value
from factdiff.render.html import _labels, render_html
from factdiff.render.html_text import Span, version_text
from test_render import TEXTS, make_report


def _columns(page: str) -> dict[str, str]:
    """Each column's text area by document id, as markup."""
    found = re.findall(
        r'<section class="column" data-doc="([^"]*)".*?<div class="text">(.*?)</div></section>',
        page, flags=re.S)
    return {html.unescape(doc): body for doc, body in found}


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _sidebar(page: str) -> str:
    return page[page.index('<aside id="discrepancies"'):page.index("</aside>")]


def test_every_version_is_shown_whole_in_its_own_column():
    page = render_html(make_report())
    columns = _columns(page)
    assert list(columns) == ["ap", "reuters", "blog"]
    for doc, body in columns.items():
        assert _plain(body) == TEXTS[doc]  # nothing lost, nothing added, in order


def test_story_text_is_escaped_and_the_page_needs_nothing_else():
    page = render_html(make_report())
    blog = _columns(page)["blog"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in blog
    assert "`code` &amp; more." in blog
    assert "Local [bold]Blog[/bold] | News" in page
    # one script, the page's own, with no source; nothing linked or fetched
    assert page.lower().count("<script") == 1 and "<script>\n" in page
    refs = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", page, flags=re.I)
    assert refs and all(r.startswith("#") for r in refs)
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b|@import|url\(", page, re.I)
    assert 'href="http' not in page  # the source URL is not a link


def test_conflicting_spans_are_marked_in_place_with_their_role():
    page = render_html(make_report())
    columns = _columns(page)
    # the sidebar lists errors first: date-1 is item 0, number-1 item 1
    assert re.search(r'<mark class="outlier error" data-d="0o" title="FD101 date: 2023-03 '
                     r'\(outlier\)">March 2023</mark>', columns["reuters"])
    for doc in ("ap", "blog"):
        assert '<mark class="majority error" data-d="0m"' in columns[doc]
        assert ">March 2022</mark>" in columns[doc]
    assert '<mark class="outlier warning" data-d="1o"' in columns["blog"]
    assert columns["blog"].count("<mark") == 3  # 150, [bold]x[/bold], March 2022
    assert "<mark" not in columns["ap"].split("120")[1]  # nothing marked after the last value


def test_sentences_carry_their_group_and_junk_is_dimmed():
    columns = _columns(render_html(make_report()))
    assert columns["ap"].startswith(
        '<span class="junk" title="not read as part of the story">WASHINGTON (AP) — </span>'
        '<span class="s" data-g="g1">The Riverside')
    assert '<span class="s" data-g="g4">A spokesperson' in columns["reuters"]
    assert "junk" not in columns["reuters"]  # all of it is story


def test_a_span_in_two_discrepancies_takes_the_more_severe_color():
    text = "The bridge opened in 1998 with 40 lanes."
    doc = Document("a", "a.txt", text)
    s = Sentence("a", 0, 0, len(text), text)
    year = Value("a", "1998", 21, 25, "1998", 0)
    whole = Value("a", text, 0, len(text), "only here", 0)
    info = Discrepancy("i", "FD901", "detail", Severity.INFO, None, "Only a.", None, (whole,))
    err = Discrepancy("e", "FD101", "date", Severity.ERROR, None, "Dates differ.", None, (year,))
    body = _columns(render_html(Report((doc,), (s,), (), (info, err))))["a"]
    # err is listed first (item 0); the year is under both, the rest only under the info
    assert '<mark class="outlier error" data-d="0o 1o"' in body and ">1998</mark>" in body
    assert body.count('<mark class="outlier info" data-d="1o"') == 2
    assert _plain(body) == text


def test_sidebar_lists_discrepancies_by_severity_with_filters():
    report = make_report()
    side = _sidebar(render_html(report))
    ids = re.findall(r'<li class="item (\w+)" id="d-([^"]+)" data-i="(\d+)"', side)
    assert ids == [("error", "date-1", "0"), ("warning", "number-1", "1"),
                   ("info", "info-1", "2"), ("info", "info-2", "3")]
    for d in report.discrepancies:
        assert f'href="#d-{d.id}"' in side
        assert f'data-g="{d.group}"' in side
    # errors and warnings shown at first, info one click away; each with its count
    assert ('<input type="checkbox" value="error" checked>'
            '<span class="badge error">error</span> 1') in side
    assert '<input type="checkbox" value="warning" checked>' in side
    assert '<input type="checkbox" value="info"><span class="badge info">info</span> 2' in side
    # values with the versions' labels: ap and blog agree
    assert ('<li><b class="lab">A C</b> <mark class="majority">March 2022</mark> → '
            "<code>2022-03</code></li>") in side


def test_labels_name_the_versions_and_replace_long_ids_in_explanations():
    assert list(_labels([f"d{i}" for i in range(28)]).values())[:3] == ["A", "B", "C"]
    assert list(_labels([f"d{i}" for i in range(28)]).values())[25:] == ["Z", "AA", "AB"]
    long_a, long_b = "001_5ffaebfa1d87371e", "001_5ffaebfa1d87371e_x"
    docs = (Document(long_a, "a.txt", "x"), Document(long_b, "b.txt", "y"))
    d = Discrepancy("k", "FD1", "date", Severity.ERROR, None,
                    f"{long_b} says <b> where {long_a} does not; the ap <x>.", None, ())
    side = _sidebar(render_html(Report(docs, (), (), (d,))))
    assert (f'<b class="lab" title="{long_b}">B</b> says &lt;b&gt; where '
            f'<b class="lab" title="{long_a}">A</b> does not; the ap &lt;x&gt;.') in side
    page = render_html(Report(docs, (), (), (d,)))
    assert '<span class="label">A</span><b class="name" title="001_5ffaebfa1d87371e">' in page


def test_short_ids_stay_as_they_are_in_explanations():
    side = _sidebar(render_html(make_report()))
    assert "Only blog quotes readers." in side  # "blog" is short enough to read


def test_value_at_wrong_offsets_is_listed_but_not_marked():
    report = make_report()
    bad = Value("ap", "March 2022", 0, 10, "2022-03", 0)
    d = Discrepancy("z1", "FD101", "date", Severity.ERROR, "g1", "x", "2022-03", (bad,))
    page = render_html(Report(report.documents, report.sentences, report.groups, (d,)))
    assert "<mark" not in "".join(_columns(page).values())
    assert '<mark class="majority">March 2022</mark> → <code>2022-03</code>' in _sidebar(page)


def test_version_without_text_says_so():
    d = Discrepancy("z", "FD1", "date", Severity.ERROR, None, "x", None,
                    (Value("ghost", "1998", 0, 4, "1998"),))
    page = render_html(Report((), (), (), (d,)))
    assert "(no text for this version in the report)" in _columns(page)["ghost"]


def test_empty_report():
    page = render_html(Report((), (), (), ()))
    assert "No discrepancies found." in page and "<li class=\"item" not in page


@given(st.text(max_size=50), st.data())
def test_version_text_keeps_any_text_and_escapes_every_piece(text, data):
    cut = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    sentences = [Sentence("x", i, a, b, text[a:b])
                 for i, (a, b) in enumerate(zip(cut[::2], cut[1::2])) if a < b]
    spans = []
    for item in range(data.draw(st.integers(0, 4))):
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, len(text)))
        if a < b:
            spans.append(Span(a, b, item, data.draw(st.sampled_from(["outlier", "majority"])),
                              "<n>&\"'"))
    out = version_text(text, sentences, spans, {0: 'g<"&>'}, ["error", "warning", "info", "info"])
    tags = re.findall(r"<[^>]*>", out)
    assert all(re.fullmatch(r'</?(?:span|mark)(?: [a-z-]+="[^"<>]*")*>', t) for t in tags), tags
    assert _plain(out) == text
    assert out.count("<mark") == out.count("</mark>")
    assert out.count("<span") == out.count("</span>")


def test_group_ids_in_attributes_are_escaped():
    text = "One sentence."
    doc = Document("a", "a.txt", text)
    s = Sentence("a", 0, 0, len(text), text)
    g = Group('g"<x>', (s,))
    page = render_html(Report((doc,), (s,), (g,), ()))
    assert 'data-g="g&quot;&lt;x&gt;"' in page

"""The renderers: JSON contract, terminal, Markdown and HTML, on a hand-built report.

The HTML page's own markup is specified in test_html.py, its behavior in test_html_browser.py.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

import factdiff
from factdiff.errors import InputError
from factdiff.model import (
    DateSource,
    Discrepancy,
    Document,
    DocumentSummary,
    Group,
    Report,
    Sentence,
    Severity,
    Value,
)
from factdiff.render.html import render_html
from factdiff.render.jsonout import render_json, report_from_dict, report_to_dict
from factdiff.render.markdown import render_markdown
from factdiff.render.terminal import render_terminal

AP = (
    "WASHINGTON (AP) — The Riverside chemical plant closed in March 2022 after a fire, "
    "officials said.\n\nAbout 120 workers lost their jobs. "
    "The company plans to reopen the site in 2025."
)
REUTERS = (
    "The Riverside chemical plant closed in March 2023 after a fire, officials said. "
    "About 120 workers lost their jobs. The company plans to reopen the site in 2025. "
    "A spokesperson said the cause is still under investigation."
)
BLOG = (
    "The Riverside chemical plant closed in March 2022 after a big fire, officials said. "
    "Some 150 workers lost their jobs | union says. "
    "Readers wrote: <script>alert(1)</script> and [bold]x[/bold] with `code` & more."
)
SENTENCES = {
    "ap": [
        "The Riverside chemical plant closed in March 2022 after a fire, officials said.",
        "About 120 workers lost their jobs.",
        "The company plans to reopen the site in 2025.",
    ],
    "reuters": [
        "The Riverside chemical plant closed in March 2023 after a fire, officials said.",
        "About 120 workers lost their jobs.",
        "The company plans to reopen the site in 2025.",
        "A spokesperson said the cause is still under investigation.",
    ],
    "blog": [
        "The Riverside chemical plant closed in March 2022 after a big fire, officials said.",
        "Some 150 workers lost their jobs | union says.",
        "Readers wrote: <script>alert(1)</script> and [bold]x[/bold] with `code` & more.",
    ],
}
TEXTS = {"ap": AP, "reuters": REUTERS, "blog": BLOG}


def _sentence(doc: str, index: int) -> Sentence:
    text = SENTENCES[doc][index]
    start = TEXTS[doc].find(text)
    assert start >= 0
    return Sentence(doc, index, start, start + len(text), text)


def _value(doc: str, index: int, text: str, normalized: str) -> Value:
    s = _sentence(doc, index)
    start = TEXTS[doc].find(text, s.start)
    assert s.start <= start and start + len(text) <= s.end
    return Value(doc, text, start, start + len(text), normalized, index)


def make_report() -> Report:
    """Three versions of one story with a date error, a number warning and two info details."""
    documents = (
        Document("ap", "stories/ap.txt", AP, "AP", "https://apnews.example/plant",
                 date(2023, 3, 14), DateSource.MANIFEST),
        Document("reuters", "stories/reuters.txt", REUTERS, "Reuters", None,
                 date(2023, 3, 15), DateSource.TEXT),
        Document("blog", "stories/blog.html", BLOG, "Local [bold]Blog[/bold] | News"),
    )
    sentences = tuple(_sentence(d, i) for d in ("ap", "reuters", "blog")
                      for i in range(len(SENTENCES[d])))
    groups = (
        Group("g1", (_sentence("ap", 0), _sentence("reuters", 0), _sentence("blog", 0))),
        Group("g2", (_sentence("ap", 1), _sentence("reuters", 1), _sentence("blog", 1))),
        Group("g3", (_sentence("ap", 2), _sentence("reuters", 2))),
        Group("g4", (_sentence("reuters", 3),)),
        Group("g5", (_sentence("blog", 2),)),
    )
    discrepancies = (
        Discrepancy(
            "info-1", "FD301", "detail", Severity.INFO, "g4",
            "Only reuters says the cause is under investigation.", None,
            (_value("reuters", 3, "still under investigation", "under investigation"),),
        ),
        Discrepancy(
            "number-1", "FD201", "number", Severity.WARNING, "g2",
            "Versions disagree on how many workers lost their jobs.", "120",
            (_value("ap", 1, "120", "120"), _value("reuters", 1, "120", "120"),
             _value("blog", 1, "150", "150")),
        ),
        Discrepancy(
            "date-1", "FD101", "date", Severity.ERROR, "g1",
            "Versions disagree on when the plant closed: reuters says 2023-03.", "2022-03",
            (_value("ap", 0, "March 2022", "2022-03"),
             _value("reuters", 0, "March 2023", "2023-03"),
             _value("blog", 0, "March 2022", "2022-03")),
        ),
        Discrepancy(
            "info-2", "FD301", "detail", Severity.INFO, "g5",
            "Only blog quotes readers.", None,
            (_value("blog", 2, "[bold]x[/bold]", "x"),),
        ),
    )
    summaries = (
        DocumentSummary("ap", 3, 3, 0, 0),
        DocumentSummary("reuters", 4, 3, 1, 1),
        DocumentSummary("blog", 3, 2, 1, 1),
    )
    return Report(documents, sentences, groups, discrepancies, summaries, model="test-model")


@pytest.fixture
def report() -> Report:
    return make_report()


# --- JSON ---------------------------------------------------------------------------------


def test_json_shape(report):
    d = report_to_dict(report)
    assert list(d) == ["version", "model", "documents", "groups", "discrepancies", "summary"]
    assert d["version"] == factdiff.__version__
    assert d["model"] == "test-model"
    assert d["documents"][0] == {
        "id": "ap", "source": "AP", "path": "stories/ap.txt",
        "url": "https://apnews.example/plant", "published": "2023-03-14",
        "published_from": "manifest", "sentences": 3,
    }
    assert d["documents"][2]["published"] is None
    assert d["documents"][2]["published_from"] is None
    assert [g["id"] for g in d["groups"]] == ["g1", "g2", "g3", "g4", "g5"]
    assert list(d["groups"][0]["sentences"][0]) == ["doc", "index", "text", "start", "end"]
    disc = d["discrepancies"][2]
    assert list(disc) == ["id", "code", "kind", "severity", "group", "explanation",
                          "majority", "values"]
    assert disc["severity"] == "error" and disc["majority"] == "2022-03"
    assert list(disc["values"][0]) == ["doc", "text", "start", "end", "normalized", "sentence"]
    summary = d["summary"]
    assert list(summary) == ["documents", "sentences", "groups", "discrepancies", "by_kind",
                             "suppressed", "per_document"]
    assert summary["suppressed"] == 0
    assert summary["documents"] == 3 and summary["sentences"] == 10 and summary["groups"] == 5
    assert summary["discrepancies"] == {"error": 1, "warning": 1, "info": 2}
    assert summary["by_kind"] == {"date": 1, "detail": 2, "number": 1}
    assert summary["per_document"][1] == {
        "doc": "reuters", "sentences": 4, "aligned": 3, "aligned_share": 0.75,
        "odd_one_out": 1, "only_here": 1, "self_contradictions": 0,
    }
    assert summary["per_document"][2]["aligned_share"] == 0.667


def test_json_spans_point_into_the_documents(report):
    d = report_to_dict(report)
    for g in d["groups"]:
        for s in g["sentences"]:
            assert TEXTS[s["doc"]][s["start"]:s["end"]] == s["text"]
    for disc in d["discrepancies"]:
        for v in disc["values"]:
            assert TEXTS[v["doc"]][v["start"]:v["end"]] == v["text"]


def test_json_text_is_deterministic(report):
    text = render_json(report)
    assert text.endswith("}\n")
    assert text == render_json(report)
    assert "<script>alert(1)</script>" in text  # ensure_ascii=False, nothing escaped
    assert json.loads(text) == report_to_dict(report)
    assert text.splitlines()[1].startswith('  "version"')  # indent 2


def test_json_round_trip(report):
    data = report_to_dict(report)
    back = report_from_dict(json.loads(render_json(report)))
    assert report_to_dict(back) == data
    assert render_json(back) == render_json(report)
    assert back.groups == report.groups
    assert back.discrepancies == report.discrepancies
    assert back.summaries == report.summaries
    assert back.sentences == report.sentences  # every sentence is in some group here
    assert back.model == report.model
    for old, new in zip(report.documents, back.documents):
        assert (old.id, old.path, old.source, old.url, old.published, old.published_from) == (
            new.id, new.path, new.source, new.url, new.published, new.published_from)
    # The text is not in the JSON; the rebuilt one still holds every span at its offsets.
    docs = {doc.id: doc for doc in back.documents}
    for s in back.sentences:
        assert docs[s.doc].text[s.start:s.end] == s.text
    for disc in back.discrepancies:
        for v in disc.values:
            assert docs[v.doc].text[v.start:v.end] == v.text
    # ... so every renderer that shows sentences gives the same output for the saved report
    # (the HTML page shows whole texts: see test_json_keeps_optional_full_text).
    assert render_markdown(back) == render_markdown(report)
    assert _terminal(back) == _terminal(report)


def test_json_keeps_optional_full_text(report):
    data = report_to_dict(report)
    for row in data["documents"]:
        row["text"] = TEXTS[row["id"]]
    back = report_from_dict(data)
    assert back.documents == report.documents
    assert render_html(back) == render_html(report)


def test_json_without_summaries_falls_back_to_counting(report):
    bare = Report(report.documents, report.sentences, report.groups, report.discrepancies)
    per_doc = report_to_dict(bare)["summary"]["per_document"]
    assert per_doc == report_to_dict(report)["summary"]["per_document"]


def test_report_from_dict_rejects_garbage():
    with pytest.raises(InputError):
        report_from_dict({"documents": []})
    with pytest.raises(InputError):
        report_from_dict({"documents": [], "groups": [], "summary": {"per_document": []},
                          "discrepancies": [{"severity": "fatal"}]})


# --- terminal -----------------------------------------------------------------------------


def _terminal(report, **kwargs) -> str:
    out = io.StringIO()
    render_terminal(report, Console(file=out, no_color=True, width=100), **kwargs)
    return out.getvalue()


def test_terminal_plain_has_no_escape_codes_and_all_facts(report):
    text = _terminal(report)
    assert "\x1b[" not in text
    for d in report.discrepancies:
        assert (d.id in text) is (d.severity is not Severity.INFO)  # info only counted
    text = _terminal(report, verbose=True)
    assert "\x1b[" not in text
    for d in report.discrepancies:
        assert d.id in text
        for v in d.values:
            assert v.text in text
            assert v.normalized in text
    assert '"March 2023" → 2023-03' in text
    assert "«March 2023»" in text  # plain mode spells out the highlight
    assert "« still under investigation»" not in text
    assert "«still under investigation»" in text
    assert "3 versions · 1 error · 1 warning · 2 info" in text
    assert "10 sentences in 5 groups · model test-model" in text
    assert "FD101 error date — date-1" in text
    # the legend, then the per-version table
    assert "Reuters  reuters  2023-03-15 (text)" in text
    assert "75%" in text


def test_terminal_orders_by_severity_and_summarizes_info(report):
    text = _terminal(report)
    assert text.index("date-1") < text.index("number-1") < text.index("info (2)")
    listed = _terminal(report, show_info=True)
    assert listed.index("number-1") < listed.index("info-1") < listed.index("info-2")
    assert "FD301 info" not in text  # info items are counted per code, not panels
    assert "info (2)" in text
    assert re.search(r"^FD301 +detail +2 +Reuters 1 · C 1 *$", text, re.M)
    verbose = _terminal(report, verbose=True)
    assert "FD301 info detail — info-1" in verbose


def test_terminal_show_info_lists_each_with_its_values(report):
    text = _terminal(report, show_info=True)
    assert "FD301 info" not in text
    for d in report.discrepancies:
        assert d.id in text
    assert 'Reuters "still under investigation" → under investigation' in text
    assert 'C "[bold]x[/bold]" → x' in text
    assert "Only Reuters says the cause is under investigation." in text


def test_terminal_compact_shows_the_outlier_and_one_majority(report):
    text = _terminal(report)
    panel = text[text.index("date-1"):text.index("number-1")]
    assert panel.index("Reuters  outlier") < panel.index("AP  majority")
    assert "«March 2023»" in panel and "«March 2022»" in panel
    assert '"March 2023" → 2023-03' in panel and '"March 2022" → 2022-03' in panel
    assert "+1 version agrees: C" in panel
    assert "C  majority" not in panel  # counted, not shown
    assert "Versions disagree on when the plant closed: Reuters says 2023-03." in panel
    assert "vs AP" not in text  # no word diff in the compact view
    assert "C  majority" in _terminal(report, verbose=True)


def test_terminal_min_severity(report):
    text = _terminal(report, min_severity=Severity.WARNING)
    assert "number-1" in text and "date-1" in text
    assert "info-1" not in text
    assert "2 below warning not shown" in text
    text = _terminal(report, min_severity=Severity.ERROR)
    assert "number-1" not in text


def test_terminal_word_diff(report):
    text = _terminal(report, verbose=True)
    assert 'vs AP: "2022" → "2023"' in text
    assert '+"big"' in text


def _three(texts: list[str], normalized: list[str], word: str) -> Report:
    """A one-group report of three one-sentence versions, each holding ``word`` once."""
    docs, sentences, values = [], [], []
    for doc_id, text, norm in zip("abc", texts, normalized):
        docs.append(Document(doc_id, f"{doc_id}.txt", text))
        sentences.append(Sentence(doc_id, 0, 0, len(text), text))
        start = text.find(word if doc_id != "c" else norm)
        values.append(Value(doc_id, text[start:start + len(norm)], start, start + len(norm),
                            norm, 0))
    d = Discrepancy("x1", "FD101", "date", Severity.ERROR, "g", "Dates differ.", word,
                    tuple(values))
    return Report(tuple(docs), tuple(sentences), (Group("g", tuple(sentences)),), (d,))


def test_terminal_shows_deleted_words():
    r = _three(["The big fire closed the plant in 2022.", "The fire closed the plant in 2022.",
                "The fire closed the plant in 2023."], ["2022", "2022", "2023"], "2022")
    plain = _terminal(r, verbose=True)
    assert 'vs A: −"big"' in plain
    assert 'vs A: −"big"; "2022" → "2023"' in plain
    out = io.StringIO()
    render_terminal(r, Console(file=out, force_terminal=True, color_system="standard",
                               width=100), verbose=True)
    colored = out.getvalue()
    assert "\x1b[2;9m big\x1b[0m" in colored  # the reference's word, struck through in place
    flat = re.sub(r"\x1b\[[0-9;]*m", "", colored)
    assert "The big fire closed the plant in 2023." in flat


def test_terminal_compact_names_versions_without_a_value():
    texts = ["The plant closed in 2022.", "The plant closed in 2023.", "The plant closed."]
    docs = [Document(i, f"{i}.txt", t) for i, t in zip("abc", texts)]
    sentences = [Sentence(i, 0, 0, len(t), t) for i, t in zip("abc", texts)]
    values = [Value(i, t[20:24], 20, 24, t[20:24], 0) for i, t in zip("ab", texts)]
    d = Discrepancy("x1", "FD101", "date", Severity.ERROR, "g", "Dates differ.", None, tuple(values))
    text = _terminal(Report(tuple(docs), tuple(sentences), (Group("g", tuple(sentences)),), (d,)))
    assert "no value in this claim: C" in text
    assert "«2022»" in text and "«2023»" in text  # with no majority, each value is shown
    assert "agree" not in text


def test_terminal_prints_markup_literally(report):
    text = _terminal(report, verbose=True)
    assert "[bold]x[/bold]" in text
    assert "Local [bold]Blog[/bold] | News" in text


def test_terminal_forced_color_has_codes(report):
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=100)
    render_terminal(report, console, verbose=True)
    text = out.getvalue()
    assert "\x1b[" in text
    assert "[bold]x[/bold]" in re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_terminal_no_color_on_a_terminal_is_plain(report):
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, no_color=True, width=100)
    render_terminal(report, console)
    text = out.getvalue()
    assert "\x1b[" not in text
    assert text == _terminal(report)


def test_terminal_without_discrepancies(report):
    empty = Report(report.documents, report.sentences, report.groups, ())
    text = _terminal(empty)
    assert "No discrepancies" in text


def test_terminal_neutralizes_control_characters():
    story = "Fire\x1b[2J at the \x1b[31mplant\x07 on Monday\x9b."
    doc = Document("x", "x.txt", story, source="Evil\x1b]0;title\x07")
    s = Sentence("x", 0, 0, len(story), story)
    start = story.find("Monday")
    v = Value("x", "Monday", start, start + 6, "monday", 0)
    d = Discrepancy("d1", "FD1", "date", Severity.ERROR, "g", "Day \x1b[1m differs", "tuesday",
                    (v,))
    r = Report((doc,), (s,), (Group("g", (s,)),), (d,))
    for console in (Console(file=io.StringIO(), width=100),
                    Console(file=io.StringIO(), force_terminal=True, width=100)):
        render_terminal(r, console)
        out = console.file.getvalue()
        assert "\x1b[2J" not in out and "\x1b]" not in out and "\x1b[1m differs" not in out
        assert "\x07" not in out and "\x9b" not in out
        assert "Fire\u241b[2J at the \u241b[31mplant\u2407 on" in out
    assert "«Monday»" in _terminal(r)  # offsets still line up after the replacement


def test_renderers_without_groups_or_summaries():
    text = "Officials said the bridge opened in 1998.\nIt carries 40,000 cars a day."
    docs = (Document("a", "a.txt", text), Document("b", "b.txt", "Nothing else."))
    start = text.find("1998")
    # no sentence index for the value: the line around it is shown from the document text
    d = Discrepancy("y1", "FD102", "date", Severity.WARNING, None, "Only a dates it.", None,
                    (Value("a", "1998", start, start + 4, "1998"),))
    r = Report(docs, (), (), (d,))
    plain = _terminal(r)
    assert "Officials said the bridge opened in «1998»." in plain
    assert "It carries" not in plain
    assert "> Officials said the bridge opened in 1998.\n" in render_markdown(r)
    assert ('<mark class="outlier warning" data-d="0o" title="FD102 date: 1998 (outlier)">'
            "1998</mark>") in render_html(r)
    data = report_to_dict(r)
    assert data["summary"]["per_document"][0] == {
        "doc": "a", "sentences": 0, "aligned": 0, "aligned_share": 0.0, "odd_one_out": 0,
        "only_here": 1, "self_contradictions": 0,
    }
    assert report_to_dict(report_from_dict(data)) == data


def test_renderers_on_an_empty_report():
    r = Report((), (), (), ())
    assert "No discrepancies" in _terminal(r)
    assert "No discrepancies found." in render_markdown(r)
    assert "No discrepancies found." in render_html(r)
    assert report_to_dict(report_from_dict(report_to_dict(r))) == report_to_dict(r)


def test_value_with_wrong_offsets_is_listed_not_misplaced(report):
    bad = Value("ap", "March 2022", 0, 10, "2022-03", 0)
    d = Discrepancy("z1", "FD101", "date", Severity.ERROR, "g1", "x", "2022-03", (bad,))
    r = Report(report.documents, report.sentences, report.groups, (d,))
    assert '"March 2022" → 2022-03' in _terminal(r)
    assert "«" not in _terminal(r)
    page = render_html(r)
    assert '<mark class="majority">March 2022</mark> → <code>2022-03</code></li>' in page
    assert '<mark class="majority error" data-d' not in page


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_terminal_prints_any_story_text_literally(story):
    doc = Document("x", "x.txt", story)
    s = Sentence("x", 0, 0, len(story), story)
    d = Discrepancy("d1", "FD1", "detail", Severity.WARNING, None, story, None,
                    (Value("x", story, 0, len(story), "n", 0),))
    out = io.StringIO()
    render_terminal(Report((doc,), (s,), (), (d,)), Console(file=out, width=400))
    flat = " ".join(out.getvalue().split())
    assert " ".join(story.split()) in flat


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_tables_and_escaping(report):
    md = render_markdown(report)
    assert md.startswith("# factdiff report\n")
    assert "| Severity | Code | Kind | ID | Explanation |" in md
    assert "| error | FD101 | date | `date-1` |" in md
    assert "Local \\[bold\\]Blog\\[/bold\\] \\| News" in md  # source in the versions table
    assert "| Version | Source | Published |" in md
    # every table row has the same number of unescaped pipes as its header
    for block in re.findall(r"(?:^\|.*\|\n)+", md, flags=re.M):
        rows = block.splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows
    # story text cannot become markup
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "jobs \\| union" in md
    assert "``[bold]x[/bold]``" not in md
    assert "`[bold]x[/bold]` → `x`" in md
    assert md.index("date-1") < md.index("number-1") < md.index("info-1")
    assert md.endswith("\n") and md == render_markdown(report)


@pytest.mark.parametrize(
    ("text", "span"),
    [("a`b", "``a`b``"), ("``x``", "``` ``x`` ```"), ("`", "`` ` ``"), ("plain", "`plain`")],
)
def test_markdown_code_spans_survive_backticks(text, span):
    from factdiff.render.markdown import _code

    assert _code(text) == span


@given(st.text(max_size=80))
def test_markdown_escaping_is_lossless_and_keeps_tables_whole(text):
    from factdiff.render.markdown import _md

    escaped = _md(text)
    assert re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped) == " ".join(text.split())
    assert not re.search(r"(?<!\\)[|<>\[\]`*_$@#~]", escaped.replace("\\\\", ""))
    r = Report((Document("a", "a.txt", "", source=text),), (), (),
               (Discrepancy("i", text or "c", "k", Severity.INFO, None, text, None, ()),))
    md = render_markdown(r)
    for block in re.findall(r"(?:^\|.*\|\n)+", md, flags=re.M):
        rows = block.splitlines()
        assert len({len(re.findall(r"(?<!\\)\|", row.replace("\\\\", ""))) for row in rows}) == 1


def test_markdown_value_with_backticks(report):
    d = Discrepancy("d-tick", "FD9", "entity", Severity.ERROR, "g5", "x", None,
                    (_value("blog", 2, "`code`", "code"),))
    md = render_markdown(Report(report.documents, report.sentences, report.groups, (d,)))
    assert "`` `code` `` → `code`" in md

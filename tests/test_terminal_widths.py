"""The terminal report reads at 80, 100 and 160 columns, and names versions by short labels.

Rendered from the bundled story's committed JSON report (tests/test_reports_current.py keeps it
current), so these run without the model.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from factdiff.model import Discrepancy, Document, Report, Severity, Value
from factdiff.render.jsonout import report_from_dict
from factdiff.render.labels import relabel, version_labels
from factdiff.render.terminal import render_terminal

STORY_JSON = Path(__file__).resolve().parent.parent / "reports" / "putin-visit-2023-04.json"
WIDTHS = (80, 100, 160)
_BORDER = "│╭╮╰╯─ "


@pytest.fixture(scope="module")
def story() -> Report:
    return report_from_dict(json.loads(STORY_JSON.read_text(encoding="utf-8")))


def _render(report: Report, width: int, **kwargs) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, no_color=True)
    render_terminal(report, console, **kwargs)
    return console.export_text()


def _flat(text: str) -> str:
    """The text with panel borders and line breaks gone: what survives wrapping."""
    lines = (line.strip(_BORDER) for line in text.splitlines())
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", [{}, {"show_info": True}, {"verbose": True}])
def test_no_line_is_wider_than_the_terminal(story, width, mode):
    text = _render(story, width, **mode)
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_every_value_of_an_error_or_warning_is_shown_unbroken(story, width):
    text = _render(story, width)
    lines = text.splitlines()
    shown = [d for d in story.discrepancies if d.severity is not Severity.INFO]
    assert shown
    for d in shown:
        assert d.id in text
        # each value the versions hold, as one of them words it (others agreeing are counted)
        for normalized in {v.normalized for v in d.values}:
            said = [f'"{v.text}" → {v.normalized}' for v in d.values if v.normalized == normalized]
            assert any(line in row for row in lines for line in said), (width, said)


@pytest.mark.parametrize("width", WIDTHS)
def test_show_info_loses_no_value_to_truncation(story, width):
    flat = _flat(_render(story, width, show_info=True))
    infos = [d for d in story.discrepancies if d.severity is Severity.INFO]
    assert len(infos) > 10
    for d in infos:
        assert d.id in flat
        for v in d.values:
            assert " ".join(f'"{v.text}" → {v.normalized}'.split()) in flat, (width, v.text)


@pytest.mark.parametrize("width", WIDTHS)
def test_legend_and_tables_keep_every_name_whole(story, width):
    text = _render(story, width)
    labels = version_labels(story)
    legend = text.splitlines()[1 : 1 + len(story.documents)]
    for doc, row in zip(story.documents, legend):
        assert row.split()[:2] == [labels[doc.id], doc.id]
        if doc.source and doc.source != labels[doc.id]:
            assert doc.source in row
    table = text[re.search(r"^versions +$", text, re.M).start():]
    for label in labels.values():
        assert re.search(rf"│ {re.escape(label)} +│", table)
    assert "…" not in text.splitlines()[0] and "…" not in table


def test_story_compact_by_default(story):
    text = _render(story, 100)
    # long ids appear only in the legend; the report speaks in labels
    for doc in story.documents:
        assert text.count(doc.id) == 1
    assert "E says “eastern parts of Ukraine's Kherson” (east) where A, B, JapanToday, D say" in _flat(text)
    assert "+3 versions agree: B, JapanToday, D" in text
    assert re.search(r"^FD902 +detail +\d+ +A \d+ · B \d+ · JapanToday \d+ · D \d+ · E \d+", text, re.M)
    assert len(text.splitlines()) < len(_render(story, 100, verbose=True).splitlines()) / 2


def _doc(doc_id: str, source: str | None = None) -> Document:
    return Document(doc_id, f"{doc_id}.txt", "text", source, None, date(2023, 1, 1))


def _report(*docs: Document) -> Report:
    return Report(tuple(docs), (), (), ())


def test_labels_are_short_sources_else_letters_by_place():
    labels = version_labels(_report(
        _doc("000_aaaaaaaaaaaaaaaa", "Associated Press"), _doc("001_bbbbbbbbbbbbbbbb"),
        _doc("002_cccccccccccccccc", "JapanToday"), _doc("003_dddddddddddddddd", "Reuters"),
        _doc("004_eeeeeeeeeeeeeeee"),
    ))
    assert list(labels.values()) == ["A", "B", "JapanToday", "Reuters", "E"]


def test_labels_stay_unique():
    labels = version_labels(_report(_doc("x1", "AP"), _doc("x2", "AP"), _doc("x3", "A"), _doc("x4")))
    assert labels["x3"] == "A"  # a short unique source is its own label
    assert labels["x1"] != labels["x2"] and "AP" not in (labels["x1"], labels["x2"])
    assert len(set(labels.values())) == 4
    # a letter that is another version's id would be ambiguous in the explanations
    labels = version_labels(_report(_doc("B"), _doc("long-name-one"), _doc("long-name-two")))
    assert labels == {"B": "A", "long-name-one": "C", "long-name-two": "D"}


def test_relabel_replaces_whole_ids_outside_quotes():
    labels = {"ap": "A", "ap-2": "B"}
    text = "ap says “ap and ap-2” where ap-2 says “x” (map, apex)."
    assert relabel(text, labels) == "A says “ap and ap-2” where B says “x” (map, apex)."


def test_explanations_in_the_report_use_labels():
    docs = (_doc("000_467066fa4cc774d1", "AP"), _doc("004_a4f6c19284eff014"))
    d = Discrepancy("d1", "FD101", "date", Severity.ERROR, None,
                    "004_a4f6c19284eff014 says “2022” where 000_467066fa4cc774d1 says “2023”.", "2023",
                    (Value(docs[0].id, "2023", 0, 4, "2023"), Value(docs[1].id, "2022", 0, 4, "2022")))
    text = _render(Report(docs, (), (), (d,)), 80)
    assert "B says “2022” where AP says “2023”." in text
    assert text.count("004_a4f6c19284eff014") == 1  # the legend


def test_a_version_at_odds_with_itself_names_no_other_version_as_silent(story):
    from dataclasses import replace

    [itself] = [d for d in story.discrepancies if len({v.doc for v in d.values}) == 1 and d.severity is not Severity.INFO]
    alone = replace(story, discrepancies=(itself,))
    text = _flat(_render(alone, 100))
    assert itself.code in text and "no value in this claim" not in text

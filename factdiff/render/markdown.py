"""Markdown output that pastes cleanly into a ticket or pull request (GitHub-flavoured tables).

Story text is escaped so it cannot turn into markup, links, mentions, math or table cells, and
values in code spans use a fence longer than any backtick run inside them.
"""

from __future__ import annotations

import re

from ..model import Report, Severity
from . import _hidden, _Index, _ordered, _plural, _published, _severity, _summaries

__all__ = ["render_markdown"]

# ASCII punctuation that can start markup inline (CommonMark allows a backslash before any of
# it). '$' is GitHub math, '@' a mention, '#' an issue link, '|' a table cell boundary, and '&'
# only where it would start an entity such as '&lt;'.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~$@]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _md(text: str) -> str:
    """Escape story text for use inline (also safe inside a table cell)."""
    text = _INLINE.sub(r"\\\1", _flat(text))
    return _LINE_START.sub(lambda m: (m[1] + "\\" + m[2]) if m[1] else "\\" + m[3], text)


def _code(text: str, *, in_table: bool = False) -> str:
    """A code span that survives any backticks in ``text``."""
    text = _flat(text)
    if not text:
        return "(empty)"
    longest = max((len(r) for r in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    span = f"{fence}{text}{fence}"
    return span.replace("|", "\\|") if in_table else span


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], align: str, rows: list[list[str]]) -> list[str]:
    rule = ["---:" if a == "r" else "---" for a in align]
    return [_row(header), _row(rule), *(_row(r) for r in rows)]


def render_markdown(report: Report) -> str:
    """The report as Markdown text ending with a newline."""
    index = _Index(report)
    summaries = _summaries(report)
    shown = _ordered(report)
    lines = ["# factdiff report", ""]
    overview = (
        f"{_plural(len(report.documents), 'version')} · "
        f"{_plural(sum(s.sentences for s in summaries), 'sentence')} · "
        f"{_plural(len(report.groups), 'group')}"
    )
    if report.suppressed:
        overview += f" · {_hidden(report)}"
    if report.model:
        overview += f" · model {_code(report.model)}"
    lines += [overview, ""]
    lines += _table(
        ["Severity", "Count"],
        "lr",
        [[sev.value, str(report.count(sev))] for sev in reversed(Severity)],
    )
    lines.append("")

    lines += ["## Discrepancies", ""]
    if not shown:
        lines += ["No discrepancies found.", ""]
    else:
        lines += _table(
            ["Severity", "Code", "Kind", "ID", "Explanation"],
            "lllll",
            [
                [
                    _severity(d.severity).value,
                    _md(d.code),
                    _md(d.kind),
                    _code(d.id, in_table=True),
                    _md(d.explanation),
                ]
                for d in shown
            ],
        )
        lines.append("")
        for d in shown:
            sev = _severity(d.severity).value
            lines += [f"### {_md(d.code)} {sev} {_md(d.kind)} — {_code(d.id)}", ""]
            lines += [_md(d.explanation), ""]
            if d.majority is not None:
                lines += [f"Majority: {_code(d.majority)}", ""]
            for p in index.passages(d):
                doc = index.documents.get(p.doc)
                label = f"**{_md(p.doc)}**"
                if doc is not None and doc.source:
                    label += f" ({_md(doc.source)})"
                if p.values:
                    said = "; ".join(
                        (f"{role}: " if d.majority is not None else "")
                        + f"{_code(v.text)} → {_code(v.normalized)}"
                        for v, role in p.values
                    )
                    lines.append(f"- {label}: {said}")
                else:
                    lines.append(f"- {label}: no value")
                if p.text:
                    lines.append(f"  > {_md(p.text)}")
            lines.append("")

    lines += ["## Versions", ""]
    lines += _table(
        ["Version", "Source", "Published", "Sentences", "Aligned", "Odd one out", "Only here"],
        "lllrrrr",
        [
            [
                _md(s.doc),
                _md((index.documents[s.doc].source or "") if s.doc in index.documents else ""),
                _md(_published(index.documents.get(s.doc))),
                str(s.sentences),
                f"{s.aligned_share:.0%}",
                str(s.odd_one_out),
                str(s.only_here),
            ]
            for s in summaries
        ],
    )
    return "\n".join(lines) + "\n"

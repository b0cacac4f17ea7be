"""One self-contained HTML page to review a story: the versions side by side, the discrepancies
beside them.

The page is an editor's desk rather than a document to read: a sidebar lists the discrepancies
(severity filters on top), and one column per version holds that version's whole text with every
conflicting span highlighted in place (outlier and majority colors) and the text cleaning dropped
dimmed. Clicking a discrepancy scrolls every column to its span. Versions go by short labels
(A, B, C ...) explained in the column headers and the versions table.

Self-contained: the CSS and the small script (report.css, report.js beside this module) are
inlined; nothing is linked or fetched. Every piece of source text is escaped with
:func:`html.escape`, and the script only reads the page's own attributes.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from urllib.parse import quote

from .. import __version__
from ..model import Discrepancy, Report, Severity
from . import _doc_ids, _hidden, _Index, _ordered, _plural, _published, _role, _severity, _summaries
from .html_text import spans_by_doc, version_text

__all__ = ["render_html"]

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SHOWN_AT_FIRST = {Severity.ERROR, Severity.WARNING}  # info is one click away (the script filters)
LONG_ID = 6  # ids at least this long are replaced by their label in explanations


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8").strip()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _frag(prefix: str, ident: str) -> str:
    """An ``href`` value pointing at ``id="{prefix}{ident}"``."""
    return "#" + _e(prefix + quote(ident, safe="-._~!$&'()*+,;=:@/?"))


def _labels(docs: list[str]) -> dict[str, str]:
    """A, B, ... Z, AA, AB, ...: short names for the versions, in report order."""
    out = {}
    for n, doc in enumerate(docs):
        label, k = "", n
        while True:
            label = chr(ord("A") + k % 26) + label
            k = k // 26 - 1
            if k < 0:
                break
        out[doc] = label
    return out


def _relabel(text: str, labels: dict[str, str]) -> str:
    """``text`` escaped, with each long version id in it written as its label."""
    long = sorted((d for d in labels if len(d) >= LONG_ID), key=len, reverse=True)
    if not long:
        return _e(text)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, long)) + r")(?!\w)")
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(_e(text[pos : m.start()]))
        out.append(f'<b class="lab" title="{_e(m.group())}">{_e(labels[m.group()])}</b>')
        pos = m.end()
    out.append(_e(text[pos:]))
    return "".join(out)


def _values(d: Discrepancy, labels: dict[str, str]) -> str:
    """The discrepancy's values, one line per distinct reading with the versions that have it."""
    readings: dict[tuple[str, str, str], list[str]] = {}
    for v in d.values:
        key = (_role(v, d), v.text, v.normalized)
        readings.setdefault(key, [])
        if labels[v.doc] not in readings[key]:
            readings[key].append(labels[v.doc])
    lines = [
        f'<li><b class="lab">{_e(" ".join(who))}</b> <mark class="{role}">{_e(text)}</mark>'
        f" → <code>{_e(normalized)}</code></li>"
        for (role, text, normalized), who in readings.items()
    ]
    return f'<ul class="vals">{"".join(lines)}</ul>'


def _item(i: int, d: Discrepancy, labels: dict[str, str], index: _Index) -> str:
    sev = _severity(d.severity).value
    group = f' data-g="{_e(d.group)}"' if d.group is not None and d.group in index.groups else ""
    meta = [f"<code>{_e(d.id)}</code>"]
    if d.majority is not None:
        meta.append(f"majority <code>{_e(d.majority)}</code>")
    if d.group is not None:
        meta.append(f"group <code>{_e(d.group)}</code>")
    return (
        f'<li class="item {sev}" id="d-{_e(d.id)}" data-i="{i}" data-sev="{sev}"{group}>'
        f'<a href="{_frag("d-", d.id)}"><span class="badge {sev}">{sev}</span> '
        f'<span class="what">{_e(d.code)} {_e(d.kind)}</span>'
        f'<span class="expl">{_relabel(d.explanation, labels)}</span>'
        f'{_values(d, labels)}<p class="id">{" · ".join(meta)}</p></a></li>'
    )


def _sidebar(report: Report, shown: list[Discrepancy], labels: dict[str, str],
             index: _Index) -> list[str]:
    boxes = "".join(
        f'<label><input type="checkbox" value="{sev.value}"'
        f'{" checked" if sev in SHOWN_AT_FIRST else ""}>'
        f'<span class="badge {sev.value}">{sev.value}</span> {report.count(sev)}</label>'
        for sev in SEVERITIES
    )
    out = [
        '<aside id="discrepancies" aria-label="discrepancies">',
        f'<div class="filters" role="group" aria-label="show severities">{boxes}</div>',
    ]
    if not shown:
        out += ["<p>No discrepancies found.</p>", "</aside>"]
        return out
    out += [
        '<p class="hint muted"><mark class="outlier">outlier</mark> '
        '<mark class="majority">majority</mark> <span class="junk">dimmed: not the story</span>'
        "<br>Click one, or a sentence, to line up the versions; j / k to move.</p>",
        '<ol class="items">',
        *(_item(i, d, labels, index) for i, d in enumerate(shown)),
        "</ol>",
        '<p class="none muted" hidden>Every discrepancy is filtered out.</p>',
        "</aside>",
    ]
    return out


def _columns(report: Report, shown: list[Discrepancy], docs: list[str],
             labels: dict[str, str], index: _Index) -> list[str]:
    spans = spans_by_doc(report, shown)
    severities = [_severity(d.severity).value for d in shown]
    group_of = {(s.doc, s.index): g.id for g in report.groups for s in g.sentences}
    summaries = {s.doc: s for s in _summaries(report)}
    out = ['<main class="columns" aria-label="versions side by side">']
    for doc in docs:
        document = index.documents.get(doc)
        name = document.source if document is not None and document.source else doc
        meta = [doc] if name != doc else []
        if _published(document):
            meta.append(_published(document))
        s = summaries.get(doc)
        if s is not None:
            meta.append(f"{_plural(s.sentences, 'sentence')}, {s.aligned_share:.0%} aligned")
        meta_text = " · ".join(meta)
        if document is None or not document.text:
            body = '<p class="muted">(no text for this version in the report)</p>'
        else:
            mine = {i: g for (d, i), g in group_of.items() if d == doc}
            body = version_text(document.text, index.by_doc.get(doc, []), spans.get(doc, []),
                                mine, severities)
        out.append(
            f'<section class="column" data-doc="{_e(doc)}" aria-label="version {labels[doc]}">'
            f'<header><span class="label">{labels[doc]}</span>'
            f'<b class="name" title="{_e(name)}">{_e(name)}</b><span class="meta" '
            f'title="{_e(meta_text)}"><span class="status"></span>{_e(meta_text)}</span>'
            f'</header><div class="text">{body}</div></section>'
        )
    out.append("</main>")
    return out


def _versions_table(report: Report, labels: dict[str, str], index: _Index) -> list[str]:
    lines = [
        '<details class="versions"><summary>Versions</summary><div class="scroll"><table>',
        "<thead><tr><th>label</th><th>version</th><th>source</th><th>published</th>"
        "<th>sentences</th><th>aligned</th><th>odd one out</th><th>only here</th></tr></thead>",
        "<tbody>",
    ]
    for s in _summaries(report):
        doc = index.documents.get(s.doc)
        lines.append(
            f'<tr><td><span class="label">{labels[s.doc]}</span></td><th>{_e(s.doc)}</th>'
            f"<td>{_e(doc.source or '' if doc else '')}</td>"
            f"<td>{_e(_published(doc))}</td><td class=\"num\">{s.sentences}</td>"
            f'<td class="num">{s.aligned_share:.0%}</td><td class="num">{s.odd_one_out}</td>'
            f'<td class="num">{s.only_here}</td></tr>'
        )
    lines.append("</tbody></table></div></details>")
    return lines


def render_html(report: Report) -> str:
    """The report as one standalone HTML page."""
    index = _Index(report)
    summaries = _summaries(report)
    shown = _ordered(report)
    docs = _doc_ids(report)
    labels = _labels(docs)
    overview = (
        f"{_plural(len(report.documents), 'version')} · "
        f"{_plural(sum(s.sentences for s in summaries), 'sentence')} · "
        f"{_plural(len(report.groups), 'group')}"
    )
    if report.suppressed:
        overview += f" · {_e(_hidden(report))}"
    if report.model:
        overview += f" · model <code>{_e(report.model)}</code>"
    overview += f" · factdiff {_e(__version__)}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factdiff report</title>",
        f"<style>\n{_asset('report.css')}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>factdiff report</h1>",
        f'<p class="muted">{overview}</p>',
        *_versions_table(report, labels, index),
        "</header>",
        '<div class="app">',
        *_sidebar(report, shown, labels, index),
        *_columns(report, shown, docs, labels, index),
        "</div>",
        f"<script>\n{_asset('report.js')}\n</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"

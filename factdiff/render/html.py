"""One self-contained HTML file: inline CSS, no scripts, no external assets; works offline.

Every piece of source text is escaped with :func:`html.escape`. Highlights are inserted by
offsets within a sentence, escaping the text before, inside and after each mark separately.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from .. import __version__
from ..model import Discrepancy, Report, Severity, Value
from . import (
    _hidden,
    _Index,
    _ordered,
    _Passage,
    _plural,
    _published,
    _role,
    _severity,
    _summaries,
)

__all__ = ["render_html"]

_CSS = """
:root { --fg: #1d1d1f; --bg: #fff; --muted: #6b6b70; --line: #d8d8dc; --panel: #f6f6f8;
  --error: #b3261e; --warning: #9a6700; --info: #0b62a4;
  --outlier: #ffd6d3; --majority: #cdf0d2; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8ea; --bg: #17171a; --muted: #a0a0a8; --line: #3a3a40; --panel: #222228;
    --error: #ff8a80; --warning: #f2c14e; --info: #7cc4ff;
    --outlier: #6b2420; --majority: #1f5129; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; color: var(--fg);
  background: var(--bg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { margin: 0 0 .5rem; font-size: 1.1rem; }
h4 { margin: 0 0 .4rem; font-size: .95rem; }
a { color: inherit; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: var(--panel); padding: 0 .25em; border-radius: 3px; }
.muted, .source { color: var(--muted); font-weight: normal; }
.counts { display: flex; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0; }
.badge { display: inline-block; padding: 0 .45em; border-radius: 3px; font-size: .8em;
  font-weight: 600; color: var(--bg); text-transform: uppercase; letter-spacing: .03em; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
nav ol { padding-left: 1.5rem; } nav li { margin: .2rem 0; }
.discrepancy { border: 1px solid var(--line); border-left: 4px solid var(--line);
  border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.discrepancy.error { border-left-color: var(--error); }
.discrepancy.warning { border-left-color: var(--warning); }
.discrepancy.info { border-left-color: var(--info); }
.discrepancy:target { box-shadow: 0 0 0 3px var(--info); }
.versions { display: grid; gap: .75rem;
  grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr)); }
@media (max-width: 700px) { .versions { grid-template-columns: minmax(0, 1fr); } }
.version { background: var(--panel); border-radius: 4px; padding: .6rem .75rem; }
.sentence { margin: 0 0 .4rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.values { margin: 0; padding-left: 1.1rem; font-size: .9em; }
mark { color: inherit; border-radius: 2px; padding: 0 .1em; }
mark.outlier { background: var(--outlier); outline: 1px solid var(--error); }
mark.majority { background: var(--majority); }
.role { font-size: .75em; text-transform: uppercase; color: var(--muted); margin-left: .4em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
thead th { background: var(--panel); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.groups td { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 14rem; }
table.groups td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px,
  var(--panel) 6px 12px); }
table.groups tbody th { white-space: nowrap; }
table.groups th a { display: block; font-weight: normal; font-size: .85em; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85em; }
""".strip()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _frag(prefix: str, ident: str) -> str:
    """An ``href`` value pointing at ``id="{prefix}{ident}"``."""
    return "#" + _e(prefix + quote(ident, safe="-._~!$&'()*+,;=:@/?"))


def _marked(text: str, marks) -> str:
    """``text`` escaped, with each mark (non-overlapping, sorted) wrapped in ``<mark>``."""
    out, pos = [], 0
    for m in marks:
        out.append(_e(text[pos : m.start]))
        out.append(
            f'<mark class="{m.role}" title="{_e(m.value.normalized)}">'
            f"{_e(text[m.start : m.end])}</mark>"
        )
        pos = m.end
    out.append(_e(text[pos:]))
    return "".join(out)


def _doc_heading(index: _Index, doc: str, tag: str = "h4", extra: str = "") -> str:
    document = index.documents.get(doc)
    source = ""
    if document is not None and document.source:
        source = f' <span class="source">({_e(document.source)})</span>'
    return f"<{tag}>{_e(doc)}{source}{extra}</{tag}>"


def _value_item(v: Value, role: str) -> str:
    return (
        f'<li><mark class="{role}">{_e(v.text)}</mark> → <code>{_e(v.normalized)}</code></li>'
    )


def _version(index: _Index, p: _Passage, labelled: bool) -> str:
    roles = "".join(
        f'<span class="role">{_e(r)}</span>' for r in dict.fromkeys(r for _, r in p.values)
    ) if labelled else ""
    parts = [f'<div class="version">{_doc_heading(index, p.doc, extra=roles)}']
    if p.text:
        parts.append(f'<p class="sentence">{_marked(p.text, p.marks)}</p>')
    if p.values:
        parts.append('<ul class="values">')
        parts.extend(_value_item(v, role) for v, role in p.values)
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def _discrepancy(index: _Index, d: Discrepancy) -> str:
    sev = _severity(d.severity).value
    passages = index.passages(d)
    lines = [
        f'<section class="discrepancy {sev}" id="d-{_e(d.id)}">',
        f'<h3><span class="badge {sev}">{sev}</span> {_e(d.code)} {_e(d.kind)} — '
        f"<code>{_e(d.id)}</code></h3>",
        f"<p>{_e(d.explanation)}</p>",
    ]
    meta = []
    if d.majority is not None:
        meta.append(f"majority <code>{_e(d.majority)}</code>")
    if d.group is not None and d.group in index.groups:
        meta.append(f'group <a href="{_frag("g-", d.group)}">{_e(d.group)}</a>')
    if meta:
        lines.append(f'<p class="muted">{" · ".join(meta)}</p>')
    lines.append(f'<div class="versions" style="--cols: {max(len(passages), 1)}">')
    lines.extend(_version(index, p, d.majority is not None) for p in passages)
    lines += ["</div>", "</section>"]
    return "\n".join(lines)


def _groups(report: Report, index: _Index, docs: list[str]) -> list[str]:
    by_group: dict[str, list[Discrepancy]] = {}
    for d in report.discrepancies:
        if d.group is not None:
            by_group.setdefault(d.group, []).append(d)
    head = "".join(f"<th>{_doc_heading(index, doc, tag='span')}</th>" for doc in docs)
    lines = [
        '<div class="scroll"><table class="groups">',
        f"<thead><tr><th>group</th>{head}</tr></thead>",
        "<tbody>",
    ]
    for g in report.groups:
        found = by_group.get(g.id, [])
        links = "".join(f'<a href="{_frag("d-", d.id)}">{_e(d.id)}</a>' for d in found)
        cells = []
        for doc in docs:
            sentences = [s for s in g.sentences if s.doc == doc]
            if not sentences:
                cells.append('<td class="empty"></td>')
                continue
            values = [(v, _role(v, d)) for d in found for v in d.values if v.doc == doc]
            p = index.passage(doc, sentences, values, with_context=False)
            cells.append(f"<td>{_marked(p.text, p.marks)}</td>")
        lines.append(
            f'<tr id="g-{_e(g.id)}"><th>{_e(g.id)}{links}</th>{"".join(cells)}</tr>'
        )
    lines.append("</tbody></table></div>")
    return lines


def _versions(report: Report, index: _Index) -> list[str]:
    lines = [
        '<div class="scroll"><table class="versions-table">',
        "<thead><tr><th>version</th><th>source</th><th>published</th><th>sentences</th>"
        "<th>aligned</th><th>odd one out</th><th>only here</th></tr></thead>",
        "<tbody>",
    ]
    for s in _summaries(report):
        doc = index.documents.get(s.doc)
        lines.append(
            f"<tr><th>{_e(s.doc)}</th><td>{_e(doc.source or '' if doc else '')}</td>"
            f"<td>{_e(_published(doc))}</td><td class=\"num\">{s.sentences}</td>"
            f'<td class="num">{s.aligned_share:.0%}</td><td class="num">{s.odd_one_out}</td>'
            f'<td class="num">{s.only_here}</td></tr>'
        )
    lines.append("</tbody></table></div>")
    return lines


def render_html(report: Report) -> str:
    """The report as one standalone HTML page."""
    index = _Index(report)
    summaries = _summaries(report)
    shown = _ordered(report)
    docs = [s.doc for s in summaries]
    overview = (
        f"{_plural(len(report.documents), 'version')} · "
        f"{_plural(sum(s.sentences for s in summaries), 'sentence')} · "
        f"{_plural(len(report.groups), 'group')}"
    )
    if report.suppressed:
        overview += f" · {_e(_hidden(report))}"
    if report.model:
        overview += f" · model <code>{_e(report.model)}</code>"
    counts = "".join(
        f'<li><span class="badge {sev.value}">{sev.value}</span> {report.count(sev)}</li>'
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factdiff report</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>factdiff report</h1>",
        f'<p class="muted">{overview}</p>',
        f'<ul class="counts">{counts}</ul>',
        "</header>",
        '<nav id="discrepancies">',
        "<h2>Discrepancies</h2>",
    ]
    if shown:
        out.append("<ol>")
        for d in shown:
            sev = _severity(d.severity).value
            out.append(
                f'<li><a href="{_frag("d-", d.id)}"><span class="badge {sev}">{sev}</span> '
                f"{_e(d.code)} {_e(d.kind)} — {_e(d.id)}</a>: {_e(d.explanation)}</li>"
            )
        out.append("</ol>")
    else:
        out.append("<p>No discrepancies found.</p>")
    out.append("</nav>")
    out.append("<main>")
    out.extend(_discrepancy(index, d) for d in shown)
    out.append("</main>")
    out += ['<section id="groups">', "<h2>Aligned groups</h2>"]
    out += _groups(report, index, docs)
    out += ["</section>", '<section id="versions">', "<h2>Versions</h2>"]
    out += _versions(report, index)
    out += [
        "</section>",
        f"<footer>factdiff {_e(__version__)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"

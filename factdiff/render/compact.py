"""Compact terminal output for ``factdiff diff A B``, laid out like ``git diff``.

A ``---``/``+++`` header names the two versions (path, source, date). Each discrepancy is one
line (severity, code, kind, what each side says, the stable id) followed by what A says on a
``-`` line and what B says on a ``+`` line, the values marked. Info items are counted, and
listed only when ``verbose``. As in :mod:`.terminal`, story text is never read as markup and
control characters are made visible; without colour, values are «marked».
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..model import Discrepancy, Document, Report, Severity
from . import _hidden, _Index, _ordered, _plural, _published, _severity
from .panels import SEVERITY_STYLE, excerpt, short
from .terminal import _clean

__all__ = ["render_compact"]

_SIDE_STYLE = {"-": "red", "+": "green"}


def _quoted(text: str, normalized: str) -> str:
    shown = f"“{short(text, 60)}”"
    return shown if normalized in ("", text) else f"{shown} ({short(normalized, 40)})"


def _side_label(doc: Document | None, fallback: str) -> Text:
    if doc is None:
        return Text(fallback, style="bold")
    label = Text("stdin" if doc.path == "-" else doc.path, style="bold")
    extra = [x for x in (doc.source, _published(doc)) if x]
    if doc.id not in (doc.path, "stdin") and doc.id != _stem(doc.path):
        extra.insert(0, f"id {doc.id}")
    if extra:
        label.append("  " + " · ".join(extra), style="dim")
    return label


def _stem(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _summary(d: Discrepancy, a: str, b: str) -> str:
    said = {doc: [v for v in d.values if v.doc == doc] for doc in (a, b)}
    if said[a] and said[b]:
        left = "; ".join(_quoted(v.text, v.normalized) for v in said[a])
        right = "; ".join(_quoted(v.text, v.normalized) for v in said[b])
        return f"{left} → {right}"
    return short(d.explanation, 160)


def _hanging(console: Console, first: Text, body: Text, indent: int) -> None:
    """``first`` then ``body`` wrapped to the console, continuation lines indented (no padding)."""
    lines = body.wrap(console, max(20, console.width - indent), overflow="fold")
    for i, line in enumerate(lines):
        line.rstrip()
        prefix = first if i == 0 else Text(" " * indent)
        console.print(Text.assemble(prefix, line), highlight=False, crop=False, soft_wrap=True)


def _entry(console: Console, index: _Index, d: Discrepancy, a: str, b: str, plain: bool) -> None:
    sev = _severity(d.severity).value
    head = Text.assemble((sev, SEVERITY_STYLE[sev]), " ", (d.code, "bold"), " ", d.kind, ": ")
    body = Text(_summary(d, a, b))
    body.append(f"  {d.id}", style="dim")
    _hanging(console, Text(), head + body, 4)
    passages = {p.doc: p for p in index.passages(d)}
    for doc, sign in ((a, "-"), (b, "+")):
        p = passages.get(doc)
        if p is None or not p.text:
            continue
        style = "" if plain else _SIDE_STYLE[sign]
        _hanging(console, Text(f"  {sign} ", style=style), excerpt(p, plain, style, mark=f"{style} bold reverse"), 4)


def render_compact(
    report: Report, console: Console, *, a: str, b: str, verbose: bool = False
) -> None:
    """Print the two-version report; ``a`` and ``b`` are the document ids of the two sides."""
    report = _clean(report)
    plain = console.no_color or console.color_system is None
    index = _Index(report)
    console.print(
        Text.assemble(("--- ", "red" if not plain else ""), _side_label(index.documents.get(a), a)),
        highlight=False,
    )
    console.print(
        Text.assemble(("+++ ", "green" if not plain else ""), _side_label(index.documents.get(b), b)),
        highlight=False,
    )
    shown = _ordered(report, Severity.INFO if verbose else Severity.WARNING)
    for d in shown:
        _entry(console, index, d, a, b, plain)
    infos = report.count(Severity.INFO)
    counts = [
        _plural(report.count(Severity.ERROR), "error"),
        _plural(report.count(Severity.WARNING), "warning"),
        f"{infos} info",
    ]
    if report.suppressed:
        counts.append(_hidden(report))
    footer = Text("factdiff: ", style="bold")
    footer.append(" · ".join(counts))
    if infos and not verbose:
        footer.append("  (info not listed; --verbose lists it)", style="dim")
    if not report.discrepancies:
        footer = Text("factdiff: no discrepancies", style="bold")
        if report.suppressed:
            footer.append(f" · {_hidden(report)}")
    console.print(footer, highlight=False)

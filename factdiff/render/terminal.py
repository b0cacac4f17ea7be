"""Terminal output with rich: a header, one panel per discrepancy, a per-version table.

All story text goes through :class:`rich.text.Text`, never markup, so a story that contains
``[bold]`` or ``[/]`` prints literally. Colour comes only from rich styles; when the console has
no colour (``no_color`` or a non-terminal file) the output is plain text without escape codes,
and highlights that colour alone would convey are spelled out instead («values», a word diff
line).
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, fields, is_dataclass, replace
from enum import Enum

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Discrepancy, Report, Severity
from . import (
    MAJORITY,
    _hidden,
    _Index,
    _ordered,
    _Passage,
    _plural,
    _published,
    _reference,
    _severity,
    _summaries,
)

__all__ = ["render_terminal"]

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_ROLE_STYLE = {MAJORITY: "bold green", "outlier": "bold red"}
_CHANGED = "underline"
_DELETED = "strike dim"
_FLAT = {0x0A: " ", 0x09: " "}
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")


# Control characters in story text must not reach the terminal (an ESC could restyle or
# rewrite the screen): show C0/C1 controls as visible symbols, one character for one, so
# every offset stays valid.
_CONTROLS = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS.update({0x0D: " ", 0x7F: "\u2421"})
_CONTROLS.update({c: "\ufffd" for c in range(0x80, 0xA0)})


def _clean(value):
    """``value`` (a string or a model object, recursively) with control characters replaced."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return value.translate(_CONTROLS)
    if not (is_dataclass(value) or isinstance(value, tuple)):
        return value
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    changes = {f.name: _clean(getattr(value, f.name)) for f in fields(value)}
    return replace(value, **changes)


@dataclass(frozen=True)
class _Change:
    tag: str  # replace, insert, delete
    start: int  # character span in the compared text (start == end for a delete)
    end: int
    old: str  # the reference's words that were replaced or deleted
    new: str  # this text's words that replace them or were inserted


def _word_diff(reference: str, text: str) -> list[_Change]:
    """Word-level changes turning ``reference`` into ``text``, as spans of ``text``."""
    ref = [m.group() for m in _WORD.finditer(reference)]
    ref_spans = [m.span() for m in _WORD.finditer(reference)]
    tokens = list(_WORD.finditer(text))
    matcher = difflib.SequenceMatcher(None, ref, [m.group() for m in tokens], autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old = reference[ref_spans[i1][0] : ref_spans[i2 - 1][1]] if i2 > i1 else ""
        if j2 > j1:
            a, b = tokens[j1].start(), tokens[j2 - 1].end()
            changes.append(_Change(tag, a, b, old, text[a:b]))
        else:
            at = tokens[j1 - 1].end() if j1 > 0 else 0
            changes.append(_Change(tag, at, at, old, ""))
    return changes


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _passage_text(p: _Passage, changes: list[_Change], plain: bool) -> Text:
    """The passage with changed words and value spans styled (or, in plain mode, «marked»)."""
    if plain:
        out = Text()
        pos = 0
        for m in p.marks:
            out.append(p.text[pos : m.start])
            out.append("«" + p.text[m.start : m.end] + "»")
            pos = m.end
        out.append(p.text[pos:])
        return out
    base = Text(p.text)
    for c in changes:
        if c.end > c.start:
            base.stylize(_CHANGED, c.start, c.end)
    for m in p.marks:
        base.stylize(_ROLE_STYLE[m.role], m.start, m.end)
    deletions = sorted((c for c in changes if c.tag == "delete" and c.old), key=lambda c: c.start)
    if not deletions:
        return base
    out = Text()
    pos = 0
    for c in deletions:
        out.append_text(base[pos : c.start])
        out.append(" " + c.old if c.start else c.old + " ", style=_DELETED)
        pos = c.start
    out.append_text(base[pos:])
    return out


def _diff_line(changes: list[_Change], reference: str) -> Text | None:
    """Plain-mode summary of the word diff, since underline cannot show there."""
    if not changes:
        return None
    parts = []
    for c in changes[:6]:
        if c.tag == "replace":
            parts.append(f'"{_short(c.old, 40)}" → "{_short(c.new, 40)}"')
        elif c.tag == "insert":
            parts.append(f'+"{_short(c.new, 40)}"')
        else:
            parts.append(f'−"{_short(c.old, 40)}"')
    if len(changes) > 6:
        parts.append(f"… {len(changes) - 6} more")
    return Text(f"vs {reference}: " + "; ".join(parts), style="dim")


def _doc_label(index: _Index, doc: str) -> Text:
    label = Text(doc, style="bold")
    document = index.documents.get(doc)
    if document is not None and document.source:
        label.append(f" ({document.source})")
    return label


def _panel(index: _Index, d: Discrepancy, plain: bool) -> Panel:
    sev = _severity(d.severity).value
    title = Text.assemble(
        (d.code, "bold"), " ", (sev, _SEVERITY_STYLE[sev]), " ", d.kind, " — ", d.id
    )
    body: list[RenderableType] = [Text(d.explanation)]
    if d.majority is not None:
        body.append(Text.assemble(("majority: ", "dim"), (d.majority, _ROLE_STYLE[MAJORITY])))
    # one line per version: line breaks inside a passage become spaces (offsets unchanged)
    passages = [replace(p, text=p.text.translate(_FLAT)) for p in index.passages(d)]
    reference = _reference(passages)
    for p in passages:
        is_ref = reference is not None and p is reference
        compare = not is_ref and reference is not None and reference.text and p.text
        changes = _word_diff(reference.text, p.text) if compare else []
        roles = dict.fromkeys(role for _, role in p.values) if d.majority is not None else {}
        head = Text("\n")
        head.append_text(_doc_label(index, p.doc))
        for role in roles:
            head.append("  ")
            head.append(role, style=_ROLE_STYLE[role])
        if is_ref and len(passages) > 1:
            head.append("  (reference)", style="dim")
        body.append(head)
        if p.text:
            line = Text("  ")
            line.append_text(_passage_text(p, changes, plain))
            body.append(line)
        if plain and compare:
            diff = _diff_line(changes, reference.doc)
            if diff is not None:
                body.append(Text("  ").append_text(diff))
        for v, role in p.values:
            body.append(
                Text.assemble(
                    "  ",
                    (f'"{v.text}"', _ROLE_STYLE[role]),
                    " → ",
                    (v.normalized, "bold"),
                )
            )
    return Panel(
        Group(*body),
        title=title,
        title_align="left",
        border_style=_SEVERITY_STYLE[sev].replace("bold ", ""),
    )


def _info_table(items: list[Discrepancy]) -> Table:
    table = Table(title=Text(f"info ({len(items)})", style="cyan"), title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("code", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("values")
    table.add_column("explanation")
    for d in items:
        values = Text()
        for i, v in enumerate(d.values):
            if i:
                values.append("\n")
            values.append(v.doc, style="bold")
            values.append(f': "{v.text}" → {v.normalized}')
        table.add_row(Text(d.id), Text(d.code), Text(d.kind), values, Text(d.explanation))
    return table


def _header(report: Report) -> Text:
    summaries = _summaries(report)
    text = Text("factdiff: ", style="bold")
    text.append(
        f"{_plural(len(report.documents), 'version')} · "
        f"{_plural(sum(s.sentences for s in summaries), 'sentence')} · "
        f"{_plural(len(report.groups), 'group')} · "
    )
    for i, sev in enumerate(("error", "warning", "info")):
        n = report.count(Severity(sev))
        if i:
            text.append(" · ")
        word = _plural(n, sev) if sev != "info" else f"{n} info"
        text.append(word, style=_SEVERITY_STYLE[sev] if n else "dim")
    if report.suppressed:
        text.append(" · ")
        text.append(_hidden(report), style="dim")
    if report.model:
        text.append(f"  (model {report.model})", style="dim")
    return text


def _versions_table(report: Report, index: _Index) -> Table:
    table = Table(title=Text("versions", style="bold"), title_justify="left")
    for name, justify in (
        ("doc", "left"),
        ("source", "left"),
        ("published", "left"),
        ("sentences", "right"),
        ("aligned", "right"),
        ("odd one out", "right"),
        ("only here", "right"),
    ):
        table.add_column(name, justify=justify, no_wrap=name in ("doc", "published"))
    for s in _summaries(report):
        doc = index.documents.get(s.doc)
        table.add_row(
            Text(s.doc, style="bold"),
            Text(doc.source or "" if doc else ""),
            Text(_published(doc)),
            Text(str(s.sentences)),
            Text(f"{s.aligned_share:.0%}"),
            Text(str(s.odd_one_out), style="red" if s.odd_one_out else ""),
            Text(str(s.only_here)),
        )
    return table


def _renderables(
    report: Report, min_severity: Severity, verbose: bool, plain: bool
) -> list[RenderableType]:
    index = _Index(report)
    shown = _ordered(report, min_severity)
    out: list[RenderableType] = [_header(report)]
    panels = [d for d in shown if verbose or _severity(d.severity) is not Severity.INFO]
    infos = [d for d in shown if d not in panels]
    out.extend(_panel(index, d, plain) for d in panels)
    if infos:
        out.append(_info_table(infos))
    hidden = len(report.discrepancies) - len(shown)
    if not shown:
        out.append(Text(f"No discrepancies at or above {min_severity.value}.", style="green"))
    if hidden:
        out.append(Text(f"{hidden} below {min_severity.value} not shown.", style="dim"))
    out.append(_versions_table(report, index))
    return out


class _Sink(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def render_terminal(
    report: Report,
    console: Console,
    *,
    min_severity: Severity = Severity.INFO,
    verbose: bool = False,
) -> None:
    """Print the report to ``console``; info items are a compact table unless ``verbose``."""
    min_severity = _severity(min_severity)
    report = _clean(report)
    plain = console.no_color or console.color_system is None
    items = _renderables(report, min_severity, verbose, plain)
    if plain and console.color_system is not None:
        # no_color on a real terminal: rich would still emit bold/underline codes, so render
        # on a colourless console of the same size and write the result as plain text.
        sink = _Sink(console.encoding)
        shadow = Console(
            file=sink,
            width=console.width,
            color_system=None,
            force_terminal=False,
            legacy_windows=console.legacy_windows,
            emoji=False,
            highlight=False,
            markup=False,
        )
        for item in items:
            shadow.print(item, highlight=False)
        console.out(sink.getvalue(), end="", highlight=False)
        return
    for item in items:
        console.print(item, highlight=False)

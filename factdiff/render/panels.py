"""One discrepancy as a rich panel: compact (outlier, one majority, the rest counted) or full.

Shared by the terminal report, ``factdiff diff``'s layout and the interactive review, so that all
three highlight values and name versions the same way. Story text is always a
:class:`rich.text.Text`, never markup. ``plain`` (no colour) spells out what colour would show:
values are «marked» and the word diff gets a line of its own.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from ..model import Discrepancy
from . import MAJORITY, OUTLIER, _Index, _Passage, _reference, _severity
from .labels import relabel

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
ROLE_STYLE = {MAJORITY: "bold green", OUTLIER: "bold red"}
EXCERPT = 240  # characters of a version's sentences shown around its values in compact views
_CHANGED = "underline"
_DELETED = "strike dim"
_FLAT = {0x0A: " ", 0x09: " "}
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")


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


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def passage_text(p: _Passage, changes: list[_Change], plain: bool) -> Text:
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
        base.stylize(ROLE_STYLE[m.role], m.start, m.end)
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


def excerpt(p: _Passage, plain: bool, style: str = "", mark: str | None = None) -> Text:
    """The passage on one line, cut to a window around its values when long, values marked.

    ``mark`` styles every value (default: its role's colour); in plain mode values are «marked».
    A mark over the whole passage (a claim told only here) is not drawn.
    """
    text = p.text.translate(_FLAT)  # one line; offsets unchanged
    start, end = 0, len(text)
    if len(text) > EXCERPT:
        first = p.marks[0].start if p.marks else 0
        last = p.marks[-1].end if p.marks else 0
        middle = (first + last) // 2
        start = max(0, min(middle - EXCERPT // 2, len(text) - EXCERPT))
        end = min(len(text), start + EXCERPT)
        if p.marks and (first < start or last > end):
            start, end = first, max(last, first + 1)
        if start:  # begin and end on word boundaries
            space = text.find(" ", start, first if p.marks else end)
            start = space + 1 if space >= 0 else start
        if end < len(text):
            space = text.rfind(" ", last if p.marks else start, end)
            end = space if space > 0 else end
    out = Text("…" if start else "", style=style)
    pos = start
    for m in p.marks:
        if m.end <= start or m.start >= end or (m.start, m.end) == (0, len(text)):
            continue
        a, b = max(m.start, start), min(m.end, end)
        out.append(text[pos:a], style=style)
        piece = text[a:b]
        if plain:
            out.append(f"«{piece}»", style=style)
        else:
            out.append(piece, style=mark if mark is not None else ROLE_STYLE[m.role])
        pos = b
    out.append(text[pos:end], style=style)
    if end < len(text):
        out.append("…", style=style)
    return out


def title(d: Discrepancy) -> Text:
    sev = _severity(d.severity).value
    return Text.assemble((d.code, "bold"), " ", (sev, SEVERITY_STYLE[sev]), " ", d.kind, " — ", d.id)


def _indented(*lines: RenderableType) -> Padding:
    """Lines indented two columns, wrapped lines included."""
    return Padding(Group(*lines), (0, 0, 0, 2))


def value_lines(p: _Passage) -> list[Text]:
    """One line per value: its text as the version has it, then its normalized form."""
    return [
        Text.assemble((f'"{v.text}"', ROLE_STYLE[role]), " → ", (v.normalized, "bold"))
        for v, role in p.values
    ]


def _head(label: str, p: _Passage, with_roles: bool) -> Text:
    head = Text(label, style="bold")
    if with_roles:
        for role in dict.fromkeys(role for _, role in p.values):
            head.append("  ")
            head.append(role, style=ROLE_STYLE[role])
    return head


def _framed(d: Discrepancy, body: list[RenderableType]) -> Panel:
    sev = _severity(d.severity).value
    return Panel(
        Group(*body),
        title=title(d),
        title_align="left",
        border_style=SEVERITY_STYLE[sev].replace("bold ", ""),
    )


def _flat_passages(index: _Index, d: Discrepancy) -> list[_Passage]:
    # one line per version: line breaks inside a passage become spaces (offsets unchanged)
    return [replace(p, text=p.text.translate(_FLAT)) for p in index.passages(d)]


def compact_panel(index: _Index, d: Discrepancy, labels: dict[str, str], plain: bool) -> Panel:
    """The outlier's sentence and one majority sentence; versions saying the same are counted.

    Versions are grouped by the values they hold; each group shows its first version (outliers
    first, then the majority) and counts the others. Versions in the claim without a value are
    named on one line, unless the discrepancy is one version's with itself.
    """
    body: list[RenderableType] = [Text(relabel(d.explanation, labels))]
    groups: dict[tuple[str, ...], list[_Passage]] = {}
    silent: list[_Passage] = []
    for p in _flat_passages(index, d):
        key = tuple(sorted({v.normalized for v, _ in p.values}))
        (groups.setdefault(key, []) if key else silent).append(p)
    majority = (d.majority,)
    ordered = sorted(groups.items(), key=lambda kv: kv[0] == majority)  # stable: outliers first
    for _, members in ordered:
        first, rest = members[0], members[1:]
        body.append(Text())
        body.append(_head(labels.get(first.doc, first.doc), first, d.majority is not None))
        lines: list[RenderableType] = []
        if first.text:
            lines.append(excerpt(first, plain))
        lines.extend(value_lines(first))
        if rest:
            names = ", ".join(labels.get(p.doc, p.doc) for p in rest)
            word = "version agrees" if len(rest) == 1 else "versions agree"
            lines.append(Text(f"+{len(rest)} {word}: {names}", style="dim"))
        body.append(_indented(*lines))
    if silent and len({v.doc for v in d.values}) > 1:  # a version against itself (FD701) is its own claim
        names = ", ".join(labels.get(p.doc, p.doc) for p in silent)
        body.append(Text(f"\nno value in this claim: {names}", style="dim"))
    return _framed(d, body)


def full_panel(
    index: _Index, d: Discrepancy, labels: dict[str, str], plain: bool, *, word_diff: bool = True
) -> Panel:
    """Every version's sentences, with a word diff against the reference (the first majority)."""
    body: list[RenderableType] = [Text(relabel(d.explanation, labels))]
    if d.majority is not None:
        body.append(Text.assemble(("majority: ", "dim"), (d.majority, ROLE_STYLE[MAJORITY])))
    passages = _flat_passages(index, d)
    reference = _reference(passages)
    for p in passages:
        is_ref = reference is not None and p is reference
        compare = word_diff and not is_ref and reference is not None and reference.text and p.text
        changes = _word_diff(reference.text, p.text) if compare else []
        head = _head(labels.get(p.doc, p.doc), p, d.majority is not None)
        if is_ref and len(passages) > 1:
            head.append("  (reference)", style="dim")
        body.append(Text())
        body.append(head)
        lines: list[RenderableType] = []
        if p.text:
            lines.append(passage_text(p, changes, plain))
        if plain and compare:
            diff = _diff_line(changes, labels.get(reference.doc, reference.doc))
            if diff is not None:
                lines.append(diff)
        lines.extend(value_lines(p))
        body.append(_indented(*lines))
    return _framed(d, body)


def _diff_line(changes: list[_Change], reference: str) -> Text | None:
    """Plain-mode summary of the word diff, since underline cannot show there."""
    if not changes:
        return None
    parts = []
    for c in changes[:6]:
        if c.tag == "replace":
            parts.append(f'"{short(c.old, 40)}" → "{short(c.new, 40)}"')
        elif c.tag == "insert":
            parts.append(f'+"{short(c.new, 40)}"')
        else:
            parts.append(f'−"{short(c.old, 40)}"')
    if len(changes) > 6:
        parts.append(f"… {len(changes) - 6} more")
    return Text(f"vs {reference}: " + "; ".join(parts), style="dim")

"""One version's whole text for the HTML report's side-by-side columns.

The text is cut at every sentence edge and every value edge, so overlapping values (one span in
several discrepancies) still come out as flat, well-nested markup: each piece of text knows which
discrepancies cover it. Story sentences carry their aligned group, so a click can line up the
versions; text outside every sentence (captions, ads, comments: what cleaning dropped) is dimmed.
Every piece of source text goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..model import Discrepancy, Report, Sentence
from . import _role

JUNK_TITLE = "not read as part of the story"


@dataclass(frozen=True)
class Span:
    """A value of the ``item``-th listed discrepancy, placed at its offsets in the document."""

    start: int
    end: int
    item: int
    role: str
    note: str  # the tooltip line: code, normalized value and role


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def spans_by_doc(report: Report, shown: list[Discrepancy]) -> dict[str, list[Span]]:
    """Each document's value spans, for the listed discrepancies, where the offsets hold the text.

    A value whose offsets do not point at its text is left out here (the sidebar still lists it):
    a highlight in the wrong place is worse than none.
    """
    texts = {d.id: d.text for d in report.documents}
    out: dict[str, list[Span]] = {}
    for item, d in enumerate(shown):
        for v in d.values:
            text = texts.get(v.doc, "")
            if not v.text or text[v.start : v.end] != v.text:
                continue
            role = _role(v, d)
            note = f"{d.code} {d.kind}: {v.normalized} ({role})"
            out.setdefault(v.doc, []).append(Span(v.start, v.end, item, role, note))
    return out


def _mark(piece: str, covering: list[Span], severities: list[str]) -> str:
    """A piece of text under one or more values: colored by the first (most severe) of them."""
    first = covering[0]
    data = " ".join(f"{s.item}{s.role[0]}" for s in covering)
    title = "\n".join(dict.fromkeys(s.note for s in covering))
    return (
        f'<mark class="{first.role} {severities[first.item]}" data-d="{data}" '
        f'title="{_e(title)}">{_e(piece)}</mark>'
    )


def version_text(
    text: str,
    sentences: list[Sentence],
    spans: list[Span],
    group_of: dict[int, str],
    severities: list[str],
) -> str:
    """``text`` as escaped HTML: sentences wrapped (with their group), values marked, junk dimmed.

    ``group_of`` maps a sentence index to its group id; ``severities`` gives each listed
    discrepancy's severity, by position.
    """
    placed = sorted(
        (s for s in sentences if 0 <= s.start < s.end <= len(text)
         and text[s.start : s.end] == s.text),
        key=lambda s: s.start,
    )
    kept: list[Sentence] = []
    for s in placed:
        if not kept or s.start >= kept[-1].end:  # overlapping sentences: the first one wins
            kept.append(s)
    cuts = {0, len(text)}
    for s in kept:
        cuts.update((s.start, s.end))
    for sp in spans:
        cuts.update((sp.start, sp.end))
    edges = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    at = 0  # index into kept: the first sentence not yet closed
    open_sentence: Sentence | None = None
    for a, b in zip(edges, edges[1:]):
        while at < len(kept) and kept[at].end <= a:
            at += 1
        sentence = kept[at] if at < len(kept) and kept[at].start <= a < kept[at].end else None
        if sentence is not open_sentence:
            if open_sentence is not None:
                out.append("</span>")
            if sentence is not None:
                group = group_of.get(sentence.index)
                data = f' data-g="{_e(group)}"' if group is not None else ""
                out.append(f'<span class="s"{data}>')
            open_sentence = sentence
        piece = text[a:b]
        covering = sorted((sp for sp in spans if sp.start <= a and b <= sp.end),
                          key=lambda sp: sp.item)
        if covering:
            out.append(_mark(piece, covering, severities))
        elif sentence is None and piece.strip():
            out.append(f'<span class="junk" title="{JUNK_TITLE}">{_e(piece)}</span>')
        else:
            out.append(_e(piece))
    if open_sentence is not None:
        out.append("</span>")
    return "".join(out)

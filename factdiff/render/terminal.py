"""Terminal output with rich: a header with a legend of versions, one panel per discrepancy.

Versions are named by short labels (A, B, … or a short source name; see :mod:`.labels`) with
a legend at the top. By default each error and warning is a compact panel (the outlier's
sentence, one majority sentence, the other versions counted) and info items are one line per
code with counts; ``show_info`` lists every info item with its values, ``verbose`` shows every
version's sentence with a word diff, info items included.

All story text goes through :class:`rich.text.Text`, never markup, so a story that contains
``[bold]`` or ``[/]`` prints literally. Colour comes only from rich styles; when the console has
no colour (``no_color`` or a non-terminal file) the output is plain text without escape codes,
and highlights that colour alone would convey are spelled out instead («values», a word diff
line).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import fields, is_dataclass, replace
from enum import Enum

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model import Discrepancy, Report, Severity
from . import _hidden, _Index, _ordered, _plural, _published, _role, _severity, _summaries
from .labels import relabel, version_labels
from .panels import ROLE_STYLE, SEVERITY_STYLE, compact_panel, full_panel

__all__ = ["render_terminal"]


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


def _header(report: Report) -> Text:
    """The counts an editor looks for first: versions, then errors, warnings and info."""
    text = Text("factdiff: ", style="bold")
    text.append(f"{_plural(len(report.documents), 'version')} · ")
    for i, sev in enumerate(("error", "warning", "info")):
        n = report.count(Severity(sev))
        if i:
            text.append(" · ")
        word = _plural(n, sev) if sev != "info" else f"{n} info"
        text.append(word, style=SEVERITY_STYLE[sev] if n else "dim")
    if report.suppressed:
        text.append(" · ")
        text.append(_hidden(report), style="dim")
    return text


def legend(report: Report, index: _Index, labels: dict[str, str]) -> RenderableType:
    """Label, document id, then source and publication date: what the labels stand for."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_column(overflow="fold")
    for doc, label in labels.items():
        document = index.documents.get(doc)
        about = []
        if document is not None and document.source and document.source != label:
            about.append(document.source)
        if document is not None and document.published is not None:
            about.append(_published(document))
        grid.add_row(Text(label, style="bold"), Text(doc), Text(" · ".join(about), style="dim"))
    sentences = sum(s.sentences for s in _summaries(report))
    about = f"{_plural(sentences, 'sentence')} in {_plural(len(report.groups), 'group')}"
    if report.model:
        about += f" · model {report.model}"
    return Group(grid, Text(about, style="dim"))


def _info_summary(items: list[Discrepancy], labels: dict[str, str]) -> RenderableType:
    """One line per code: how many, and how many of them each version holds a value in."""
    by_code: dict[tuple[str, str], list[Discrepancy]] = {}
    for d in items:
        by_code.setdefault((d.code, d.kind), []).append(d)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for (code, kind), group in sorted(by_code.items()):
        holds = Counter(doc for d in group for doc in dict.fromkeys(v.doc for v in d.values))
        where = " · ".join(f"{labels.get(doc, doc)} {holds[doc]}" for doc in labels if holds[doc])
        grid.add_row(Text(code, style="bold"), Text(kind), Text(str(len(group))), Text(where, style="dim"))
    title = Text(f"info ({len(items)})", style="cyan")
    title.append("  per code, and in which versions (--show-info lists each)", style="dim")
    return Group(title, grid)


def _info_list(items: list[Discrepancy], labels: dict[str, str]) -> RenderableType:
    """Every info item: code, kind and id, the explanation, then each version's value."""
    out: list[RenderableType] = [Text(f"info ({len(items)})", style="cyan")]
    for d in items:
        out.append(Text.assemble((d.code, "bold"), " ", d.kind, "  ", (d.id, "dim")))
        lines: list[RenderableType] = [Text(relabel(d.explanation, labels))]
        for v in d.values:
            role = _role(v, d)
            lines.append(
                Text.assemble(
                    (labels.get(v.doc, v.doc), "bold"), " ",
                    (f'"{v.text}"', ROLE_STYLE[role] if d.majority is not None else ""),
                    " → ", v.normalized,
                )
            )
        out.append(Padding(Group(*lines), (0, 0, 0, 2)))
    return Group(*out)


def _versions_table(report: Report, labels: dict[str, str]) -> Table:
    table = Table(title=Text("versions", style="bold"), title_justify="left")
    table.add_column("version", no_wrap=True)
    for name in ("sentences", "aligned", "odd one out", "only here"):
        table.add_column(name, justify="right", no_wrap=True)
    for s in _summaries(report):
        table.add_row(
            Text(labels.get(s.doc, s.doc), style="bold"),
            Text(str(s.sentences)),
            Text(f"{s.aligned_share:.0%}"),
            Text(str(s.odd_one_out), style="red" if s.odd_one_out else ""),
            Text(str(s.only_here)),
        )
    return table


def _renderables(
    report: Report, min_severity: Severity, verbose: bool, show_info: bool, plain: bool
) -> list[RenderableType]:
    index = _Index(report)
    labels = version_labels(report)
    shown = _ordered(report, min_severity)
    out: list[RenderableType] = [_header(report), legend(report, index, labels)]
    panels = [d for d in shown if verbose or _severity(d.severity) is not Severity.INFO]
    infos = [d for d in shown if d not in panels]
    panel = full_panel if verbose else compact_panel
    out.extend(panel(index, d, labels, plain) for d in panels)
    if infos:
        out.append(_info_list(infos, labels) if show_info else _info_summary(infos, labels))
    hidden = len(report.discrepancies) - len(shown)
    if not shown:
        out.append(Text(f"No discrepancies at or above {min_severity.value}.", style="green"))
    if hidden:
        out.append(Text(f"{hidden} below {min_severity.value} not shown.", style="dim"))
    out.append(_versions_table(report, labels))
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
    show_info: bool = False,
) -> None:
    """Print the report to ``console``: compact panels and info counts unless asked for more."""
    min_severity = _severity(min_severity)
    report = _clean(report)
    plain = console.no_color or console.color_system is None
    items = _renderables(report, min_severity, verbose, show_info, plain)
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

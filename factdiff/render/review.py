"""``factdiff review``: walk through a report's discrepancies and accept them into a baseline.

Laid out like ``tig`` and GitHub's review: the list of discrepancies on the left (severity
coloured, ✓ once accepted), the selected one on the right with every version's sentences and
the conflicting spans highlighted. Keys follow ``git add -p`` and ``less``: j/k or the arrows
move, ``a`` accepts and moves on to the next one not yet reviewed, ``u`` undoes the last
acceptance, ``/`` filters by severity, code or kind, space and ``b`` page the detail, ``q``
quits. A counter says how many of the listed ones are reviewed.

The app is a renderer: it reads a :class:`~factdiff.model.Report` and a set of already accepted
ids and writes nothing itself; every change of the accepted set is handed to ``save`` (the
command writes the baseline file). :class:`Review` holds the state and is tested without a
screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich.console import Group
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..model import Discrepancy, Report, Severity
from . import _Index, _ordered
from .labels import relabel, version_labels
from .panels import SEVERITY_STYLE, full_panel, short
from .terminal import _clean, legend

__all__ = ["Filter", "Review", "ReviewApp", "parse_filter"]

_SEVERITY_WORDS = {
    "error": "error", "errors": "error", "warning": "warning", "warnings": "warning",
    "warn": "warning", "info": "info",
}


_SHORT_SEVERITY = {"error": "error", "warning": "warn", "info": "info"}  # the list is narrow


@dataclass(frozen=True)
class Filter:
    """Severities and codes to list; empty means any. Codes match by prefix or by kind."""

    severities: frozenset[str] = frozenset()
    codes: tuple[str, ...] = ()

    def keeps(self, d: Discrepancy) -> bool:
        if self.severities and d.severity.value not in self.severities:
            return False
        return not self.codes or any(
            d.code.lower().startswith(c) or d.kind.lower() == c for c in self.codes
        )

    def __str__(self) -> str:
        words = [s for s in ("error", "warning", "info") if s in self.severities]
        words += [c.upper() if c.startswith("fd") else c for c in self.codes]
        return " ".join(words) or "all"


def parse_filter(text: str) -> Filter:
    """``"error FD3 place"`` → errors whose code starts with FD3 or whose kind is place."""
    severities, codes = set(), []
    for word in text.lower().replace(",", " ").split():
        if word == "all":
            continue
        if word in _SEVERITY_WORDS:
            severities.add(_SEVERITY_WORDS[word])
        else:
            codes.append(word)
    return Filter(frozenset(severities), tuple(codes))


@dataclass
class Review:
    """Which discrepancies are listed, which are accepted, and the session's acceptances."""

    items: Sequence[Discrepancy]
    accepted: set[str] = field(default_factory=set)
    filter: Filter = Filter()
    history: list[str] = field(default_factory=list)

    @property
    def visible(self) -> list[Discrepancy]:
        return [d for d in self.items if self.filter.keeps(d)]

    def counter(self) -> str:
        shown = self.visible
        done = sum(d.id in self.accepted for d in shown)
        return f"{done} of {len(shown)} reviewed"

    def accept(self, d: Discrepancy) -> bool:
        """Accept ``d``; False when it already was."""
        if d.id in self.accepted:
            return False
        self.accepted.add(d.id)
        self.history.append(d.id)
        return True

    def undo(self) -> str | None:
        """Take back this session's last acceptance; its id, or None when there is none."""
        if not self.history:
            return None
        last = self.history.pop()
        self.accepted.discard(last)
        return last

    def next_open(self, after: int) -> int:
        """The index of the first listed item after ``after`` not yet accepted, else ``after``."""
        shown = self.visible
        for i in range(after + 1, len(shown)):
            if shown[i].id not in self.accepted:
                return i
        return after


class ReviewApp(App[None]):
    """The review screen over one report; ``save`` gets the accepted discrepancies on change."""

    TITLE = "factdiff review"
    CSS = """
    #status { height: 1; background: $panel; padding: 0 1; }
    #list { width: 40%; min-width: 30; height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    #detail { width: 1fr; height: 1fr; padding: 0 1; }
    #filter { display: none; }
    #filter.open { display: block; }
    """
    BINDINGS = [
        Binding("j", "move(1)", "next", show=False),
        Binding("k", "move(-1)", "previous", show=False),
        Binding("a", "accept", "accept"),
        Binding("u", "undo", "undo"),
        Binding("slash", "filter", "filter"),
        Binding("space", "page(1)", "page", show=False),
        Binding("b", "page(-1)", "page back", show=False),
        Binding("q", "quit", "quit"),
    ]

    def __init__(
        self,
        report: Report,
        *,
        accepted: frozenset[str] = frozenset(),
        save: Callable[[list[Discrepancy]], None] = lambda accepted: None,
        where: str = "",
    ) -> None:
        super().__init__()
        report = _clean(report)  # no control character from a story reaches the terminal
        self.index = _Index(report)
        self.labels = version_labels(report)
        self.legend = legend(report, self.index, self.labels)
        items = _ordered(report)
        serious = any(d.severity is not Severity.INFO for d in items)
        start = Filter(frozenset({"error", "warning"})) if serious else Filter()
        self.review = Review(items, {d.id for d in items if d.id in accepted}, start)
        self.save = save
        self.where = where

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal():
            yield OptionList(id="list")
            with VerticalScroll(id="detail"):
                yield Static(id="sentences")
        yield Input(placeholder="filter: error warning info, a code (FD3, FD101) or a kind (place); empty: all", id="filter")
        yield Footer()

    def on_mount(self) -> None:
        self._fill(0)
        self.query_one("#list", OptionList).focus()

    # --- drawing ------------------------------------------------------------------------

    def _prompt(self, d: Discrepancy) -> Text:
        sev = d.severity.value
        done = d.id in self.review.accepted
        text = Text()
        text.append("✓ " if done else "  ", style="green")
        text.append(f"{_SHORT_SEVERITY[sev]:<5}", style=SEVERITY_STYLE[sev] if not done else "dim")
        text.append(f" {d.code} ", style="bold" if not done else "dim")
        text.append(short(relabel(d.explanation, self.labels), 200), style="dim" if done else "")
        return text

    def _fill(self, highlight: int | None) -> None:
        """Redraw the list (keeping the cursor at ``highlight``), the counter and the detail."""
        shown = self.review.visible
        listing = self.query_one("#list", OptionList)
        listing.set_options(Option(self._prompt(d), id=d.id) for d in shown)
        if shown:
            listing.highlighted = min(highlight or 0, len(shown) - 1)
        self._show_status()
        self._show_detail()

    def _show_status(self, note: str = "") -> None:
        text = Text(self.review.counter(), style="bold")
        text.append(f" · showing {self.review.filter}", style="")
        if note:
            text.append(f" · {note}", style="italic")
        if self.where:
            text.append(f" · baseline {self.where}", style="dim")
        self.query_one("#status", Static).update(text)

    def _current(self) -> tuple[int, Discrepancy] | None:
        at = self.query_one("#list", OptionList).highlighted
        shown = self.review.visible
        return (at, shown[at]) if at is not None and at < len(shown) else None

    def _show_detail(self) -> None:
        current = self._current()
        sentences = self.query_one("#sentences", Static)
        if current is None:
            sentences.update(Text(f"Nothing to review with the filter '{self.review.filter}' (/ to change it).", style="dim"))
            return
        d = current[1]
        parts = [full_panel(self.index, d, self.labels, plain=False, word_diff=False)]
        if d.id in self.review.accepted:
            parts.insert(0, Text("✓ accepted: in the baseline", style="green"))
        parts.append(self.legend)
        sentences.update(Group(*parts))
        self.query_one("#detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    # --- actions ------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        listing = self.query_one("#list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_page(self, step: int) -> None:
        detail = self.query_one("#detail", VerticalScroll)
        detail.scroll_page_down() if step > 0 else detail.scroll_page_up()

    def action_accept(self) -> None:
        current = self._current()
        if current is None:
            return
        at, d = current
        if not self.review.accept(d):
            self._show_status("already accepted (u undoes)")
            return
        self._save()
        self._fill(self.review.next_open(at))
        self._show_status(f"accepted {d.id}")

    def action_undo(self) -> None:
        undone = self.review.undo()
        if undone is None:
            self._show_status("nothing to undo")
            return
        self._save()
        ids = [d.id for d in self.review.visible]
        self._fill(ids.index(undone) if undone in ids else self._current_index())
        self._show_status(f"undid {undone}")

    def _current_index(self) -> int:
        current = self._current()
        return current[0] if current is not None else 0

    def _save(self) -> None:
        self.save([d for d in self.review.items if d.id in self.review.accepted])

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = "" if str(self.review.filter) == "all" else str(self.review.filter)
        box.add_class("open")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.review.filter = parse_filter(event.value)
        self._close_filter()
        self._fill(0)

    def on_key(self, event) -> None:
        if event.key == "escape" and self.query_one("#filter", Input).has_focus:
            event.stop()
            self._close_filter()

    def _close_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.remove_class("open")
        self.query_one("#list", OptionList).focus()

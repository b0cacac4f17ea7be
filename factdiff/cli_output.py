"""What the commands produce: the report in each format, rendered at a known width and written
atomically; the exit code; progress and one-line messages on stderr."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from .errors import InputError
from .model import Report, Severity

FILE_WIDTH = 100  # terminal-format width when not writing to a terminal: reports do not vary


def terminal_width() -> int:
    """The terminal's width, kept between 80 and 160 columns."""
    try:
        return max(80, min(os.get_terminal_size().columns, 160))
    except OSError:
        return FILE_WIDTH


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written report."""
    path = Path(path)
    if not path.parent.exists():
        raise InputError(f"{path}: output folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def render(
    report: Report,
    fmt: Format,
    *,
    color: bool,
    verbose: bool = False,
    show_info: bool = False,
    width: int | None = None,
    sides: tuple[str, str] | None = None,
) -> str:
    """The report as text in the chosen format (terminal output rendered to a string).

    ``width`` is the terminal format's line width (default: the terminal's, else 100);
    ``sides`` (the ids of versions A and B) selects the compact two-version terminal layout.
    """
    if fmt is Format.json:
        from .render.jsonout import render_json

        return render_json(report)
    if fmt is Format.markdown:
        from .render.markdown import render_markdown

        return render_markdown(report)
    if fmt is Format.html:
        from .render.html import render_html

        return render_html(report)
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width or terminal_width(), highlight=False
    )
    if sides is not None:
        from .render.compact import render_compact

        render_compact(report, console, a=sides[0], b=sides[1], verbose=verbose)
    else:
        from .render.terminal import render_terminal

        render_terminal(report, console, verbose=verbose, show_info=show_info)
    return buffer.getvalue()


def exit_code(report: Report, fail_on: FailOn) -> int:
    """0, or 1 when a discrepancy is at or above ``fail_on`` (as linters exit)."""
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(d.severity.rank >= threshold for d in report.discrepancies) else 0


@contextmanager
def stages(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A transient rich progress bar on stderr over the pipeline's stages, or a no-op."""
    from .pipeline import STAGES

    if not enabled:
        yield lambda stage: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<17}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("starting", total=len(STAGES))

        def step(stage: str) -> None:
            done = STAGES.index(stage) if stage in STAGES else 0
            progress.update(task, description=stage, completed=done)

        yield step


def say(message: str) -> None:
    print(f"factdiff: {message}", file=sys.stderr)


def count(n: int, word: str, many: str) -> str:
    return f"{n} {word if n == 1 else many}"


def counts(report: Report) -> str:
    parts = [
        count(report.count(Severity.ERROR), "error", "errors"),
        count(report.count(Severity.WARNING), "warning", "warnings"),
        f"{report.count(Severity.INFO)} info",
    ]
    if report.suppressed:
        parts.append(f"{report.suppressed} hidden by baseline/ignore")
    return " · ".join(parts)

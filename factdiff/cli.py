"""The ``factdiff`` command: a thin typer layer over :func:`factdiff.check`.

Exit codes, as linters use them: 0 nothing at or above ``--fail-on``, 1 discrepancies found,
2 bad input or usage (one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import InputError
from .model import Report, Severity

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find where versions of one story disagree on facts (dates, numbers, places, names, negation).",
)


@app.callback()
def _root() -> None:
    """Find where versions of one story disagree on facts."""


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


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written report."""
    path = Path(path)
    if not path.parent.exists():
        raise InputError(f"{path}: output folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _refuse_overwriting_inputs(output: Path | None, report_paths: list[str]) -> None:
    if output is None:
        return
    target = output.resolve()
    for given in report_paths:
        if given == "-":
            continue
        p = Path(given).resolve()
        if target == p or (p.is_dir() and target.parent == p and target.suffix in {".txt", ".md", ".html", ".htm", ".toml"}):
            raise InputError(f"{output}: refusing to write the report over an input file")


def render(report: Report, fmt: Format, *, color: bool, verbose: bool = False) -> str:
    """The report as text in the chosen format (terminal output rendered to a string)."""
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

    from .render.terminal import render_terminal

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=_width(), highlight=False)
    render_terminal(report, console, verbose=verbose)
    return buffer.getvalue()


def _width() -> int:
    try:
        return max(80, min(os.get_terminal_size().columns, 160))
    except OSError:
        return 100


def exit_code(report: Report, fail_on: FailOn) -> int:
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(d.severity.rank >= threshold for d in report.discrepancies) else 0


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="A story folder, or two or more version files ('-' for stdin).")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.terminal,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here (atomically) instead of stdout.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a discrepancy at or above this severity is found.")] = FailOn.error,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text without ANSI codes (also when piped).")] = False,
    model: Annotated[str, typer.Option(help="Sentence-transformers model name or path.")] = "all-MiniLM-L6-v2",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every info-level item in full.")] = False,
) -> None:
    """Check versions of one story and report where they disagree on facts."""
    from .check import check as run_check

    _refuse_overwriting_inputs(output, paths)
    report = run_check(paths, model=model, use_cache=not no_cache, stdin=sys.stdin)
    color = not no_color and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = render(report, format, color=color, verbose=verbose)
    if output is not None:
        write_atomically(output, text)
    else:
        sys.stdout.write(text)
    raise typer.Exit(exit_code(report, fail_on))


def main() -> None:
    """Console entry point: one-line errors with exit 2, never a traceback."""
    try:
        app(standalone_mode=True)
    except InputError as error:
        print(f"factdiff: error: {error}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("factdiff: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the promise is no traceback for users
        if os.environ.get("FACTDIFF_DEBUG"):
            raise
        print(f"factdiff: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(2)


# --- eval and batch ------------------------------------------------------------------------------


class EvalFormat(str, Enum):
    terminal = "terminal"
    json = "json"


def _progress(enabled: bool):
    """A rich progress display on stderr, or None when stderr is not a terminal."""
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    return Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@app.command("eval")
def eval_command(
    pairs: Annotated[Path, typer.Argument(help="A JSONL file of labelled pairs (id, source, domain, text_a, text_b, fact_changed, ...).")],
    predictions: Annotated[Optional[Path], typer.Option("--predictions", help="Also write one JSON line per record: id, flagged, changed, kinds.")] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Scores as a table or as JSON.")] = EvalFormat.terminal,
    limit: Annotated[Optional[int], typer.Option(help="Only the first N records (for quick runs).", min=1)] = None,
    model: Annotated[str, typer.Option(help="Sentence-transformers model name or path.")] = "all-MiniLM-L6-v2",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")] = False,
) -> None:
    """Score factdiff on labelled pairs: precision, recall, balanced accuracy, false alarms."""
    import json
    import time
    from contextlib import nullcontext

    from .evaluate import evaluate, make_prefetching_embedder, prefetch_records, read_pairs, run_pairs

    started = time.perf_counter()
    records = read_pairs(pairs)
    if limit is not None:
        records = records[:limit]
    if predictions is not None and not predictions.parent.exists():
        raise InputError(f"{predictions}: output folder {predictions.parent} does not exist")
    embedder = make_prefetching_embedder(model, use_cache=not no_cache)
    progress = _progress(sys.stderr.isatty())
    with progress or nullcontext():
        segmenting = progress.add_task("segment", total=len(records)) if progress else None
        encoding = progress.add_task("embed", total=None) if progress else None
        checking = progress.add_task("check", total=len(records)) if progress else None
        prefetch_records(
            records,
            embedder,
            on_segmented=(lambda n: progress.advance(segmenting, n)) if progress else None,
            on_sentences=(lambda n: progress.update(encoding, total=n)) if progress else None,
            on_encoded=(lambda n: progress.advance(encoding, n)) if progress else None,
        )
        results = []
        lines = []
        for prediction in run_pairs(records, embedder, on_checked=(lambda n: progress.advance(checking, n)) if progress else None):
            results.append(prediction)
            lines.append(json.dumps(prediction.to_dict(), ensure_ascii=False) + "\n")
    if predictions is not None:
        write_atomically(predictions, "".join(lines))
    evaluation = evaluate(records, results, path=str(pairs), seconds=time.perf_counter() - started, model=model)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(evaluation.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        _print_evaluation(evaluation, color=sys.stdout.isatty() and "NO_COLOR" not in os.environ)


def _print_evaluation(evaluation, *, color: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    def cell(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    console = Console(force_terminal=color, no_color=not color, width=_width(), highlight=False)
    console.print(
        f"{evaluation.path}: {evaluation.records} records, {evaluation.records - evaluation.unscored} scored"
        f" ({evaluation.unscored} without a label), {evaluation.seconds:.1f} s"
    )
    for answer, meaning in (
        ("flagged", "an error or warning"),
        ("changed", "an error, a warning, or a claim/detail in one version only"),
    ):
        table = Table(title=f"{answer}: {meaning}", title_justify="left")
        for name in ("slice", "n", "pos", "neg", "precision", "recall", "bal.acc", "false alarms"):
            table.add_column(name, justify="left" if name == "slice" else "right", no_wrap=name == "slice")
        previous = None
        for s in evaluation.slices:
            m = getattr(s, answer)
            if previous is not None and s.by != previous:
                table.add_section()
            previous = s.by
            label = "all" if s.by == "all" else f"{s.by}: {s.name}"
            table.add_row(
                label, str(m.n), str(m.positives), str(m.negatives),
                cell(m.precision), cell(m.recall), cell(m.balanced_accuracy), cell(m.false_alarm_rate),
            )
        console.print(table)


@app.command("batch")
def batch_command(
    root: Annotated[Path, typer.Argument(help="A folder whose every subfolder is one story.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Write one JSON report per story here (JSONL, atomically).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Threads that read stories ahead while one is checked.", min=1)] = 1,
    model: Annotated[str, typer.Option(help="Sentence-transformers model name or path.")] = "all-MiniLM-L6-v2",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")] = False,
) -> None:
    """Check every story folder under ROOT with one model load; one JSON line per story."""
    from contextlib import nullcontext

    from .batch import run_batch, story_folders
    from .check import make_embedder

    folders = story_folders(root)
    progress = _progress(sys.stderr.isatty())
    with progress or nullcontext():
        task = progress.add_task("check", total=len(folders)) if progress else None
        result = run_batch(
            root,
            output,
            embedder=make_embedder(model, use_cache=not no_cache),
            jobs=jobs,
            on_story=(lambda name, ok: progress.advance(task)) if progress else None,
        )
    print(
        f"factdiff: {result.stories} stories, {result.failed} failed, {result.seconds:.1f} s -> {result.output}",
        file=sys.stderr,
    )

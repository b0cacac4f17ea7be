"""The ``factdiff`` command: a thin typer layer over :func:`factdiff.check`.

``check`` reports where the versions of one story disagree; ``diff`` does the same for exactly
two versions with ``diff``-like output and exit status; ``review`` walks through them at the
terminal and records the accepted ones in a baseline; ``eval`` and ``batch`` are below, and
``rules`` / ``rule CODE`` (the documentation of each code) come from :mod:`factdiff.cli_rules`.

Exit codes, as linters use them: 0 nothing at or above ``--fail-on``, 1 discrepancies found,
2 bad input or usage (one line on stderr, never a traceback).

Settings come from ``[tool.factdiff]`` in a pyproject.toml or from a factdiff.toml (see
:mod:`factdiff.config`); every flag that is given overrides them, so flags default to None.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

# click's exceptions, wherever this typer takes click from (it vendors it since 0.26)
_clickx = sys.modules[typer.BadParameter.__module__]

from .errors import InputError
from .model import Report, Severity

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: brackets in help texts stay literal
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help="Find where versions of one story disagree on facts (dates, numbers, places, names, negation).",
)


def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"factdiff {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """Find where versions of one story disagree on facts.

    Settings are read from [tool.factdiff] in pyproject.toml or from factdiff.toml, looked up
    from the inputs' folder upwards, else from the working folder; flags override them. Exit status: 0 nothing at or above
    --fail-on, 1 discrepancies found, 2 bad input or usage.
    """


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


def _check_target(target: Path | None, what: str, inputs: list[str], protected: list[Path | None]) -> None:
    """Refuse, before any work, a file we could not write or must not overwrite."""
    if target is None:
        return
    if target.is_dir():
        raise InputError(f"{target}: is a folder; name the {what} file")
    if not target.parent.exists():
        raise InputError(f"{target}: output folder {target.parent} does not exist")
    try:
        _refuse_overwriting_inputs(target, inputs)
    except InputError:
        raise InputError(f"{target}: refusing to write the {what} over an input file") from None
    resolved = target.resolve()
    for other in protected:
        if other is not None and other.resolve() == resolved:
            raise InputError(f"{target}: refusing to write the {what} over {other}")


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
        file=buffer, force_terminal=color, no_color=not color, width=width or _width(), highlight=False
    )
    if sides is not None:
        from .render.compact import render_compact

        render_compact(report, console, a=sides[0], b=sides[1], verbose=verbose)
    else:
        from .render.terminal import render_terminal

        render_terminal(report, console, verbose=verbose, show_info=show_info)
    return buffer.getvalue()


FILE_WIDTH = 100  # terminal-format width when not writing to a terminal: reports do not vary


def _width() -> int:
    try:
        return max(80, min(os.get_terminal_size().columns, 160))
    except OSError:
        return FILE_WIDTH


def exit_code(report: Report, fail_on: FailOn) -> int:
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(d.severity.rank >= threshold for d in report.discrepancies) else 0


# --- options shared by check and diff --------------------------------------------------------

_FORMAT_HELP = "Report format: terminal, json, markdown (for tickets and pull requests) or html (one self-contained page). [default: terminal; config: format]"
_FAIL_ON_HELP = "Exit 1 when a discrepancy at or above this severity is found (never: always exit 0 unless the input is bad)."

FormatOption = Annotated[Optional[Format], typer.Option("--format", "-f", help=_FORMAT_HELP, show_default=False)]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the report to FILE (atomically) instead of stdout. Its folder must exist; an input file is never overwritten.",
    ),
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Plain text without ANSI codes (also automatic when piped, or when NO_COLOR is set).")]
ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", metavar="NAME", help="Sentence-transformers model name or path. [default: all-MiniLM-L6-v2; config: model]", show_default=False),
]
CacheOption = Annotated[
    Optional[bool],
    typer.Option(
        "--cache/--no-cache",
        help="Read and write the embedding and parsed-facts caches (in FACTDIFF_CACHE_DIR, else the user cache folder). [default: cache; config: cache]",
        show_default=False,
    ),
]
AlignThresholdOption = Annotated[
    Optional[float],
    typer.Option(
        "--align-threshold", metavar="COSINE",
        help="Similarity (between 0 and 1) below which two sentences are not taken to tell the same claim; lower aligns more. [default: 0.62; config: align-threshold]",
        show_default=False,
    ),
]
IgnoreOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--ignore", metavar="CODE|KIND",
        help="Never report this code (FD901), code prefix (FD9) or kind (detail); repeat for more. Added to the config's ignore list; ignored items count as hidden.",
        show_default=False,
    ),
]
ConfigOption = Annotated[
    Optional[Path],
    typer.Option("--config", metavar="FILE", help="Read settings from FILE (a factdiff.toml, or a pyproject.toml's [tool.factdiff]) instead of looking for one.", show_default=False),
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file; use defaults and flags only.")]
BaselineOption = Annotated[
    Optional[Path],
    typer.Option("--baseline", metavar="FILE", help="Hide the discrepancies recorded in FILE (see --write-baseline): only new ones are reported and fail the run.", show_default=False),
]
WriteBaselineOption = Annotated[
    Optional[Path],
    typer.Option(
        "--write-baseline", metavar="FILE",
        help="Record every current discrepancy in FILE by its stable id, then exit 0 (the report is written only with --output).",
        show_default=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr (errors are still printed).")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="List every info-level item in full; say on stderr which settings file was used and how long the run took.")
]
CheckVerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="The full view: every version's sentence with a word diff, info items included; say on stderr which settings file was used and how long the run took.")
]
ShowInfoOption = Annotated[
    bool, typer.Option("--show-info", help="List each info item with its values (by default the terminal report counts them, one line per code).")
]


@dataclass(frozen=True)
class _Options:
    format: Format | None
    output: Path | None
    fail_on: FailOn | None
    no_color: bool
    model: str | None
    cache: bool | None
    align_threshold: float | None
    ignore: list[str] | None
    config: Path | None
    isolated: bool
    baseline: Path | None
    write_baseline: Path | None
    quiet: bool
    verbose: bool
    show_info: bool = False


@app.command(short_help="Report where the versions of one story disagree on facts.")
def check(
    paths: Annotated[list[str], typer.Argument(help="A story folder, or two or more version files (.txt, .md, .html; '-' for stdin).", metavar="PATH")],
    format: FormatOption = None,
    output: OutputOption = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=_FAIL_ON_HELP + " [default: error; config: fail-on]", show_default=False)] = None,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    ignore: IgnoreOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    model: ModelOption = None,
    align_threshold: AlignThresholdOption = None,
    cache: CacheOption = None,
    no_color: NoColorOption = False,
    quiet: QuietOption = False,
    verbose: CheckVerboseOption = False,
    show_info: ShowInfoOption = False,
) -> None:
    """Check versions of one story and report where they disagree on facts.

    A folder is read with its corpus.toml (source names, publication dates); .html pages are
    reduced to their main text. Exit 1 when a discrepancy at or above --fail-on is found.
    """
    options = _Options(
        format, output, fail_on, no_color, model, cache, align_threshold, ignore, config,
        isolated, baseline, write_baseline, quiet, verbose, show_info,
    )
    raise typer.Exit(_guarded(lambda: _execute(paths, options, diff=False)))


@app.command(short_help="Compare two versions; exit 1 when they disagree.")
def diff(
    a: Annotated[str, typer.Argument(help="The first version (a .txt, .md or .html file; '-' for stdin).", metavar="A")],
    b: Annotated[str, typer.Argument(help="The second version.", metavar="B")],
    format: FormatOption = None,
    output: OutputOption = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=_FAIL_ON_HELP + " Not read from the config. [default: warning]", show_default=False)] = None,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    ignore: IgnoreOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    model: ModelOption = None,
    align_threshold: AlignThresholdOption = None,
    cache: CacheOption = None,
    no_color: NoColorOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Compare two versions of a story, like diff: exit 1 when they disagree, 0 when not.

    They disagree when there is any error or warning (change it with --fail-on). The terminal
    output is compact: '-' lines are A, '+' lines are B; info items are counted (--verbose lists
    them). Other formats are those of check.
    """
    options = _Options(
        format, output, fail_on or FailOn.warning, no_color, model, cache, align_threshold, ignore,
        config, isolated, baseline, write_baseline, quiet, verbose,
    )
    raise typer.Exit(_guarded(lambda: _execute([a, b], options, diff=True)))


@app.command(short_help="Review the discrepancies one by one; accepted ones go into a baseline.")
def review(
    paths: Annotated[list[str], typer.Argument(help="A story folder, or two or more version files (.txt, .md, .html).", metavar="PATH")],
    baseline: Annotated[
        Path,
        typer.Option("--baseline", metavar="FILE", help="Read and update this baseline: 'a' adds the selected discrepancy, 'u' takes it back (written atomically). A later 'factdiff check --baseline FILE' hides them."),
    ] = Path("factdiff-baseline.json"),
    ignore: IgnoreOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    model: ModelOption = None,
    align_threshold: AlignThresholdOption = None,
    cache: CacheOption = None,
) -> None:
    """Review a story's discrepancies at the terminal: the list beside every version's sentences.

    Keys: j/k or the arrows move, a accepts (into the baseline), u undoes, / filters by
    severity, code or kind, space and b page the sentences, q quits. Needs a terminal.
    """
    options = _Options(
        None, None, None, False, model, cache, align_threshold, ignore, config, isolated,
        baseline, None, False, False,
    )
    raise typer.Exit(_guarded(lambda: _review(paths, options)))


def _review(paths: list[str], o: _Options) -> int:
    from .pipeline import check as run_check
    from .review import ensure_terminal, read_accepted, run_review

    ensure_terminal(sys.stdin, sys.stdout)
    if "-" in paths:
        raise InputError("review reads the keyboard on stdin; name the version files")
    settings = _settings(paths, o)
    _check_target(o.baseline, "baseline", paths, [o.config])
    previous = read_accepted(o.baseline)
    with _stages(enabled=sys.stderr.isatty()) as step:
        report = run_check(paths, model=settings.model, use_cache=settings.cache,
                           align_threshold=settings.align_threshold, progress=step)
    return run_review(_without_ignored(report, settings), o.baseline, previous)


def _guarded(run: Callable[[], int]) -> int:
    """Exit 2 with one line on stderr for bad input, also when called without :func:`main`."""
    try:
        return run()
    except InputError as error:
        print(f"factdiff: error: {error}", file=sys.stderr)
        return 2


def _execute(paths: list[str], o: _Options, *, diff: bool) -> int:
    from .baseline import apply_baseline, baseline_text, read_baseline
    from .pipeline import check as run_check
    from .pipeline import check_documents, make_embedder
    from .read import read_corpus

    if o.quiet and o.verbose:
        raise _clickx.UsageError("--quiet and --verbose cannot be used together")
    if o.config is not None and o.isolated:
        raise _clickx.UsageError("--config and --isolated cannot be used together")
    if o.align_threshold is not None and not 0.0 < o.align_threshold < 1.0:
        raise typer.BadParameter("must be between 0 and 1", param_hint="'--align-threshold'")
    if diff:
        _check_diff_inputs(paths)
    settings = _settings(paths, o)
    fmt = Format(settings.format)
    fail_on = o.fail_on if diff else FailOn(settings.fail_on)
    _check_target(o.output, "report", paths, [o.config, o.baseline])
    _check_target(o.write_baseline, "baseline", paths, [o.config, o.output])
    accepted = read_baseline(o.baseline) if o.baseline is not None else None
    if o.verbose:
        _say(f"settings from {settings.source}" if settings.source else "no settings file; defaults and flags")

    started = time.perf_counter()
    with _stages(enabled=not o.quiet and sys.stderr.isatty()) as step:
        if diff:
            step("reading")
            documents = read_corpus(paths, stdin=sys.stdin, distinct_ids=True)
            sides = (documents[0].id, documents[1].id)
            report = check_documents(
                documents,
                embedder=make_embedder(settings.model, use_cache=settings.cache),
                align_threshold=settings.align_threshold,
                progress=step,
            )
        else:
            sides = None
            report = run_check(
                paths,
                model=settings.model,
                use_cache=settings.cache,
                stdin=sys.stdin,
                align_threshold=settings.align_threshold,
                progress=step,
            )
    seconds = time.perf_counter() - started

    report = _without_ignored(report, settings)
    if o.write_baseline is not None:
        write_atomically(o.write_baseline, baseline_text(report))
        if not o.quiet:
            _say(f"wrote a baseline of {_count(len(report.discrepancies), 'discrepancy', 'discrepancies')} to {o.write_baseline}")
    if accepted is not None:
        report = apply_baseline(report, accepted)
    if o.verbose:
        _say(f"checked {len(report.documents)} versions in {seconds:.1f} s")

    if o.output is not None:
        write_atomically(o.output, render(report, fmt, color=False, verbose=o.verbose, show_info=o.show_info, width=FILE_WIDTH, sides=sides))
        if not o.quiet:
            _say(f"{_counts(report)} -> {o.output}")
    elif o.write_baseline is None:
        tty = sys.stdout.isatty()
        color = not o.no_color and tty and "NO_COLOR" not in os.environ
        text = render(report, fmt, color=color, verbose=o.verbose, show_info=o.show_info, width=_width() if tty else FILE_WIDTH, sides=sides)
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0 if o.write_baseline is not None else exit_code(report, fail_on)


def _check_diff_inputs(paths: list[str]) -> None:
    if paths.count("-") > 1:
        raise InputError("only one of the two versions can be read from stdin")
    for given in paths:
        if given != "-" and Path(given).is_dir():
            raise InputError(f"{given} is a folder: diff compares two files (use 'factdiff check' for a story folder)")


def _settings(paths: list[str], o: _Options):
    from .config import Settings, checked_ignores, discover_settings, load_settings

    if o.isolated:
        base = Settings()
    elif o.config is not None:
        base = load_settings(o.config)
    else:
        base = discover_settings(paths)
    ignore = base.ignore + checked_ignores(o.ignore, "--ignore") if o.ignore else None
    return base.overridden(
        model=o.model,
        fail_on=o.fail_on.value if o.fail_on is not None else None,
        format=o.format.value if o.format is not None else None,
        ignore=tuple(dict.fromkeys(ignore)) if ignore is not None else None,
        align_threshold=o.align_threshold,
        cache=o.cache,
    )


def _without_ignored(report: Report, settings) -> Report:
    """The report without ignored codes and kinds; how many were dropped is kept."""
    kept = tuple(d for d in report.discrepancies if not settings.ignores(d.code, d.kind))
    removed = len(report.discrepancies) - len(kept)
    return replace(report, discrepancies=kept, suppressed=report.suppressed + removed) if removed else report


@contextmanager
def _stages(enabled: bool) -> Iterator[Callable[[str], None]]:
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


def _say(message: str) -> None:
    print(f"factdiff: {message}", file=sys.stderr)


def _count(n: int, word: str, many: str) -> str:
    return f"{n} {word if n == 1 else many}"


def _counts(report: Report) -> str:
    parts = [
        _count(report.count(Severity.ERROR), "error", "errors"),
        _count(report.count(Severity.WARNING), "warning", "warnings"),
        f"{report.count(Severity.INFO)} info",
    ]
    if report.suppressed:
        parts.append(f"{report.suppressed} hidden by baseline/ignore")
    return " · ".join(parts)


_NO_ARGS_IS_HELP = getattr(_clickx, "NoArgsIsHelpError", ())  # click >= 8.2


def main() -> None:
    """Console entry point: one-line errors with exit 2, never a traceback."""
    try:
        code = app(standalone_mode=False)
    except _NO_ARGS_IS_HELP:
        sys.exit(2)  # the help has been printed
    except _clickx.UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        print(f"factdiff: error: {error.format_message()}{hint}", file=sys.stderr)
        sys.exit(2)
    except _clickx.ClickException as error:
        print(f"factdiff: error: {error.format_message()}", file=sys.stderr)
        sys.exit(error.exit_code)
    except InputError as error:
        print(f"factdiff: error: {error}", file=sys.stderr)
        sys.exit(2)
    except (KeyboardInterrupt, typer.Abort):
        print("factdiff: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        # the reader went away (| head): nothing more to say, and nothing to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - the promise is no traceback for users
        if os.environ.get("FACTDIFF_DEBUG"):
            raise
        print(f"factdiff: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


# --- the rule book (factdiff/cli_rules.py) ----------------------------------------------------

from . import cli_rules  # noqa: E402 - kept with the commands it defines

app.command("rules", short_help="List every code factdiff reports.")(cli_rules.rules_command)
app.command("rule", short_help="Explain one code, with examples.")(cli_rules.rule_command)


# --- eval and batch ------------------------------------------------------------------------------

from typing import TYPE_CHECKING  # noqa: E402 - kept with the commands that use it

if TYPE_CHECKING:
    from .evaluate import Evaluation


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
    if predictions is not None:
        if predictions.resolve() == pairs.resolve():
            raise InputError(f"{predictions}: refusing to write predictions over the input file")
        if not predictions.parent.exists():
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


def _print_evaluation(evaluation: Evaluation, *, color: bool) -> None:
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


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command("batch")
def batch_command(
    root: Annotated[Path, typer.Argument(help="A folder whose every subfolder is one story.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Write one JSON report per story here (JSONL, atomically).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes preparing stories ahead (read, segment, extract facts); 0: all in this process. Local engine only.", min=0)] = 1,
    model: Annotated[str, typer.Option(help="Sentence-transformers model name or path.")] = "all-MiniLM-L6-v2",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")] = False,
    engine: Annotated[Engine, typer.Option("--engine", help="Where stories are checked: this machine, or a Dask cluster (needs factdiff[dask]).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the Dask scheduler's address (tcp://host:8786); without it, a local cluster of one worker per core.")] = None,
) -> None:
    """Check every story folder under ROOT with one model load; one JSON line per story."""
    from contextlib import nullcontext
    from functools import partial

    from .batch import run_batch, story_folders
    from .pipeline import make_embedder

    if scheduler is not None and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    folders = story_folders(root)
    progress = _progress(sys.stderr.isatty())
    with progress or nullcontext():
        task = progress.add_task("check", total=len(folders)) if progress else None
        on_story = (lambda name, ok: progress.advance(task)) if progress else None
        if engine is Engine.dask:
            from .batch_dask import run_dask_batch

            embedder = partial(make_embedder, model, use_cache=not no_cache)  # made on each worker
            result = run_dask_batch(root, output, make_embedder=embedder, scheduler=scheduler, on_story=on_story)
        else:
            result = run_batch(
                root, output, embedder=make_embedder(model, use_cache=not no_cache), jobs=jobs, on_story=on_story
            )
    if result.failed or sys.stderr.isatty():
        print(
            f"factdiff: {result.stories} stories, {result.failed} failed, {result.seconds:.1f} s -> {result.output}",
            file=sys.stderr,
        )

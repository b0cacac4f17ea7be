"""The ``factdiff`` command: a thin typer layer over :func:`factdiff.check`.

``check`` reports where the versions of one story disagree; ``diff`` does the same for exactly
two versions with ``diff``-like output and exit status; ``review`` walks through them at the
terminal and records the accepted ones in a baseline; ``eval`` and ``batch`` come from
:mod:`factdiff.cli_jobs` and ``rules`` / ``rule CODE`` (the documentation of each code) from
:mod:`factdiff.cli_rules`; rendering the report, the exit code and progress from :mod:`factdiff.cli_output`.

Exit codes, as linters use them: 0 nothing at or above ``--fail-on``, 1 discrepancies found,
2 bad input or usage (one line on stderr, never a traceback).

Settings come from ``[tool.factdiff]`` in a pyproject.toml or from a factdiff.toml (see
:mod:`factdiff.config`); every flag that is given overrides them, so flags default to None.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_output import FILE_WIDTH, FailOn, Format, count, counts, exit_code, render, say, stages, terminal_width, write_atomically

# click's exceptions, wherever this typer takes click from (it vendors it since 0.26)
_clickx = sys.modules[typer.BadParameter.__module__]

from .errors import InputError
from .model import Report

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
    with stages(enabled=sys.stderr.isatty()) as step:
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
        say(f"settings from {settings.source}" if settings.source else "no settings file; defaults and flags")

    started = time.perf_counter()
    with stages(enabled=not o.quiet and sys.stderr.isatty()) as step:
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
            say(f"wrote a baseline of {count(len(report.discrepancies), 'discrepancy', 'discrepancies')} to {o.write_baseline}")
    if accepted is not None:
        report = apply_baseline(report, accepted)
    if o.verbose:
        say(f"checked {len(report.documents)} versions in {seconds:.1f} s")

    if o.output is not None:
        write_atomically(o.output, render(report, fmt, color=False, verbose=o.verbose, show_info=o.show_info, width=FILE_WIDTH, sides=sides))
        if not o.quiet:
            say(f"{counts(report)} -> {o.output}")
    elif o.write_baseline is None:
        tty = sys.stdout.isatty()
        color = not o.no_color and tty and "NO_COLOR" not in os.environ
        text = render(report, fmt, color=color, verbose=o.verbose, show_info=o.show_info, width=terminal_width() if tty else FILE_WIDTH, sides=sides)
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


# --- eval and batch (factdiff/cli_jobs.py) -----------------------------------------------------

from . import cli_jobs  # noqa: E402 - kept with the commands it defines

app.command("eval")(cli_jobs.eval_command)
app.command("batch")(cli_jobs.batch_command)

"""``factdiff eval`` and ``factdiff batch``: the commands that run many checks at once.

Both load the model once; ``eval`` scores labelled pairs (:mod:`factdiff.evaluate`), ``batch``
checks every story folder under a root, here or on a Dask cluster (:mod:`factdiff.batch`,
:mod:`factdiff.batch_dask`). Registered on the app by :mod:`factdiff.cli`.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .cli_output import terminal_width, write_atomically
from .errors import InputError

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

    console = Console(force_terminal=color, no_color=not color, width=terminal_width(), highlight=False)
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

#!/usr/bin/env python
"""Accuracy on the shared labelled pairs, all data sets in one run (one model load).

Runs what ``factdiff eval`` runs on each development file of ``../shared/eval`` and prints one
markdown table of the headline figures for each data set: balanced accuracy where both classes
exist, recall where only changed pairs exist (VitaminC), false-alarm rate where only unchanged
pairs exist (MRPC, OneStopEnglish), for both answers (``flagged``: an error or warning;
``changed``: that or a detail told by one version only). Full per-slice scores go to
``benchmarks/results/accuracy.json``. The data is read in place, never copied into the repository.

    .venv/bin/python benchmarks/accuracy.py [--sets summedits mrpc ...] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "eval"
DEFAULT_OUTPUT = REPO / "benchmarks" / "results" / "accuracy.json"
SETS = ("summedits", "iterater", "vitaminc", "mrpc", "onestopenglish_pairs", "arxivedits")


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _rows(name: str, evaluation: dict) -> list[str]:
    """The overall slice, then each domain when the file has more than one."""
    slices = [s for s in evaluation["slices"] if s["by"] in ("all", "domain")]
    if sum(s["by"] == "domain" for s in slices) < 2:
        slices = [s for s in slices if s["by"] == "all"]
    rows = []
    for s in slices:
        label = name if s["by"] == "all" else f"{name} · {s['name']}"
        f, c = s["flagged"], s["changed"]
        rows.append(
            f"| {label} | {f['n']} | {_cell(f['precision'])} | {_cell(f['recall'])} | {_cell(f['balanced_accuracy'])} | "
            f"{_cell(f['false_alarm_rate'])} | {_cell(c['recall'])} | {_cell(c['balanced_accuracy'])} | {_cell(c['false_alarm_rate'])} |"
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of <set>.dev.jsonl files")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N records of each set")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--no-cache", action="store_true", help="do not use the embedding cache")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"accuracy: {args.data} not found; this benchmark needs the shared evaluation data", file=sys.stderr)
        return 2

    from factdiff.evaluate import evaluate, make_prefetching_embedder, prefetch_records, read_pairs, run_pairs

    embedder = make_prefetching_embedder(use_cache=not args.no_cache)
    results = {}
    lines = [
        "| data set | n | flagged precision | flagged recall | flagged bal. acc. | flagged false alarms "
        "| changed recall | changed bal. acc. | changed false alarms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in args.sets:
        path = args.data / f"{name}.dev.jsonl"
        if not path.exists():
            print(f"accuracy: skipping {name}: {path} not found", file=sys.stderr)
            continue
        started = time.perf_counter()
        records = read_pairs(path)[: args.limit]
        prefetch_records(records, embedder)
        predictions = list(run_pairs(records, embedder))
        evaluation = evaluate(records, predictions, path=str(path), seconds=time.perf_counter() - started, model=embedder.model)
        results[name] = evaluation.to_dict()
        lines += _rows(name, results[name])
        print(f"accuracy: {name}: {len(records)} records in {evaluation.seconds:.0f} s", file=sys.stderr)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Baselines, as linters keep them: accept known discrepancies so only new ones fail a run.

A baseline lists discrepancy ids. Ids depend on what the versions say and which versions say it,
not on file order, group numbers or offsets, so a baseline survives re-runs, reordered files and
edits elsewhere in the story.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .model import Discrepancy, Report

FORMAT_VERSION = 1


def entry(d: Discrepancy) -> dict:
    """What a baseline records of one discrepancy: its id, and enough to recognise it by eye."""
    return {"id": d.id, "code": d.code, "severity": d.severity.value, "explanation": d.explanation}


def entries_text(entries: Iterable[dict]) -> str:
    """A baseline file's text: the entries sorted by id, one per id."""
    by_id = {str(e["id"]): e for e in entries}
    ordered = [by_id[i] for i in sorted(by_id)]
    return json.dumps({"factdiff-baseline": FORMAT_VERSION, "discrepancies": ordered}, indent=2, ensure_ascii=False) + "\n"


def baseline_text(report: Report) -> str:
    return entries_text(entry(d) for d in report.discrepancies)


def read_entries(path: Path) -> tuple[dict, ...]:
    """The entries of a baseline file, each with an ``id``; a clear error for anything else."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a readable baseline: {error}") from None
    if not isinstance(data, dict) or data.get("factdiff-baseline") != FORMAT_VERSION:
        raise InputError(f"{path}: not a factdiff baseline (version {FORMAT_VERSION})")
    entries = data.get("discrepancies")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e for e in entries):
        raise InputError(f"{path}: baseline entries need an 'id'")
    return tuple(entries)


def read_baseline(path: Path) -> frozenset[str]:
    return frozenset(str(e["id"]) for e in read_entries(path))


def apply_baseline(report: Report, accepted: frozenset[str]) -> Report:
    """The report without the accepted discrepancies; how many were hidden is kept."""
    kept = tuple(d for d in report.discrepancies if d.id not in accepted)
    return replace(report, discrepancies=kept, suppressed=report.suppressed + len(report.discrepancies) - len(kept))

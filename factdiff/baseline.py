"""Baselines, as linters keep them: accept known discrepancies so only new ones fail a run.

A baseline lists discrepancy ids. Ids depend on what the versions say and which versions say it,
not on file order, group numbers or offsets, so a baseline survives re-runs, reordered files and
edits elsewhere in the story.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .model import Report

FORMAT_VERSION = 1


def baseline_text(report: Report) -> str:
    entries = [
        {"id": d.id, "code": d.code, "severity": d.severity.value, "explanation": d.explanation}
        for d in sorted(report.discrepancies, key=lambda d: d.id)
    ]
    return json.dumps({"factdiff-baseline": FORMAT_VERSION, "discrepancies": entries}, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a readable baseline: {error}") from None
    if not isinstance(data, dict) or data.get("factdiff-baseline") != FORMAT_VERSION:
        raise InputError(f"{path}: not a factdiff baseline (version {FORMAT_VERSION})")
    try:
        return frozenset(str(entry["id"]) for entry in data["discrepancies"])
    except (KeyError, TypeError):
        raise InputError(f"{path}: baseline entries need an 'id'") from None


def apply_baseline(report: Report, accepted: frozenset[str]) -> Report:
    """The report without the accepted discrepancies; how many were hidden is kept."""
    kept = tuple(d for d in report.discrepancies if d.id not in accepted)
    return replace(report, discrepancies=kept, suppressed=report.suppressed + len(report.discrepancies) - len(kept))

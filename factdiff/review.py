"""What ``factdiff review`` does around the review screen: the terminal check and the baseline.

The screen (:mod:`factdiff.render.review`) only reports which discrepancies are accepted; this
module reads the baseline file before and rewrites it, atomically, after every change. Entries
for discrepancies this report does not have (another story, or fixed since) are kept as they
are, so reviewing one story never drops what was accepted elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from .baseline import entries_text, entry, read_entries
from .errors import InputError
from .model import Discrepancy, Report

DEFAULT_BASELINE = Path("factdiff-baseline.json")


def ensure_terminal(stdin: TextIO, stdout: TextIO) -> None:
    """Refuse to start without a keyboard and a screen (CI, pipes): the review would hang."""
    if not (_isatty(stdin) and _isatty(stdout)):
        raise InputError("review needs an interactive terminal (stdin and stdout); use 'factdiff check' for a report")


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def read_accepted(baseline: Path) -> tuple[dict, ...]:
    """The baseline's entries, or none when the file does not exist yet."""
    return read_entries(baseline) if baseline.exists() else ()


def saver(baseline: Path, report: Report, previous: tuple[dict, ...]):
    """A callback writing ``previous`` entries not in ``report`` plus the accepted ones."""
    from .cli_output import write_atomically

    ours = {d.id for d in report.discrepancies}
    kept = [e for e in previous if str(e["id"]) not in ours]

    def save(accepted: list[Discrepancy]) -> None:
        write_atomically(baseline, entries_text([*kept, *(entry(d) for d in accepted)]))

    return save


def run_review(report: Report, baseline: Path, previous: tuple[dict, ...]) -> int:
    """Run the review screen until the editor quits; 0."""
    from .render.review import ReviewApp

    accepted = frozenset(str(e["id"]) for e in previous)
    ReviewApp(report, accepted=accepted, save=saver(baseline, report, previous), where=str(baseline)).run()
    return 0

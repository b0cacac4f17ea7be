#!/usr/bin/env python3
"""Regenerate reports/: the bundled story's report in every format.

    scripts/regenerate-reports                                # into reports/ (bash wrapper)
    .venv/bin/python scripts/regenerate_reports.py            # the same
    .venv/bin/python scripts/regenerate_reports.py OUTDIR     # elsewhere (the test does this)

From the checkout's root, for each format X and file extension E (terminal .txt, json .json,
markdown .md, html .html) this runs

    factdiff check corpora/putin-visit-2023-04 --format X --output reports/putin-visit-2023-04.E \
        --isolated --fail-on never --quiet

in one process, so the model loads once. ``--isolated`` keeps any factdiff.toml or
[tool.factdiff] out of it; paths in the reports are relative to the root, and the terminal
report is plain text at a fixed width, so the files do not depend on where or how this runs.
tests/test_reports_current.py regenerates into a temporary folder and compares byte for byte.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = "corpora/putin-visit-2023-04"
FORMATS = {"terminal": "txt", "json": "json", "markdown": "md", "html": "html"}


def commands(outdir: str | Path = "reports") -> list[list[str]]:
    """The factdiff command lines (without the program name), one per format."""
    name = Path(STORY).name
    return [
        ["check", STORY, "--format", fmt, "--output", str(Path(outdir) / f"{name}.{ext}"),
         "--isolated", "--fail-on", "never", "--quiet"]
        for fmt, ext in FORMATS.items()
    ]


def main(argv: list[str]) -> int:
    """Write the reports into ``argv[0]`` (default: reports/); 0 when all four were written."""
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: scripts/regenerate-reports [OUTDIR]", file=sys.stderr)
        return 2
    outdir = Path(argv[0]).resolve() if argv else ROOT / "reports"
    outdir.mkdir(parents=True, exist_ok=True)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from factdiff.cli import app

    target = os.path.relpath(outdir, ROOT) if outdir.is_relative_to(ROOT) else outdir
    with contextlib.chdir(ROOT):  # document paths in the reports are as given: relative to the root
        for args in commands(target):
            code = app(args, prog_name="factdiff", standalone_mode=False)
            if code not in (0, None):
                print(f"regenerate_reports: factdiff {' '.join(args)} exited {code}", file=sys.stderr)
                return 1
            print(f"wrote {args[args.index('--output') + 1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

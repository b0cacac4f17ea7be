"""reports/ holds what the documented command produces now, byte for byte.

When this fails after a change to detection or rendering, regenerate and review the diff:

    scripts/regenerate-reports        (or: .venv/bin/python scripts/regenerate_reports.py)
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
SCRIPT = ROOT / "scripts" / "regenerate_reports.py"
NAME = "putin-visit-2023-04"
EXTENSIONS = ("txt", "json", "md", "html")
HOW = "regenerate with: scripts/regenerate-reports"


def _script():
    spec = importlib.util.spec_from_file_location("regenerate_reports", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory, story_cache) -> Path:
    out = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTDIFF_CACHE_DIR", str(story_cache))
        patch.chdir(out)  # the script must not depend on where it is run from
        assert _script().main([str(out)]) == 0
    return out


def test_the_command_is_the_documented_one():
    commands = _script().commands("reports")
    assert [c[:6] for c in commands] == [
        ["check", f"corpora/{NAME}", "--format", fmt, "--output", f"reports/{NAME}.{ext}"]
        for fmt, ext in zip(("terminal", "json", "markdown", "html"), EXTENSIONS)
    ]


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_committed_report_is_current(ext, regenerated):
    committed = REPORTS / f"{NAME}.{ext}"
    assert committed.is_file(), f"{committed} is missing; {HOW}"
    fresh = (regenerated / f"{NAME}.{ext}").read_bytes()
    assert fresh == committed.read_bytes(), f"{committed} is out of date; {HOW}"


def test_reports_do_not_depend_on_the_checkout(regenerated):
    data = json.loads((regenerated / f"{NAME}.json").read_text(encoding="utf-8"))
    assert {d["path"] for d in data["documents"]} == {
        f"corpora/{NAME}/{p.name}" for p in (ROOT / "corpora" / NAME).glob("*.txt")
    }
    for ext in EXTENSIONS:
        text = (regenerated / f"{NAME}.{ext}").read_text(encoding="utf-8")
        assert str(ROOT) not in text and "\x1b[" not in text

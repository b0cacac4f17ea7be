"""Real multi-outlet coverage: are factdiff's errors and warnings ones an editor would want?

Runs ``factdiff batch`` over the Multi-News development events (``../shared/eval/multinews.dev.jsonl``:
real outlets reporting one event independently, no publication dates), each event a story whose
versions are ``v0.txt``, ``v1.txt`` ... in the record's order, and scores the output against
judgments made by reading, kept in ``benchmarks/judgments/``:

* ``multinews_flags.jsonl``: one line per judged error or warning, keyed by the event, the code and
  two value spans (``[doc, start, end]``, offsets into that version's text), with the verdict
  (``true``: the versions disagree on one fact about the same thing and an editor would want to
  be told) and, for false ones, the cause.
* ``multinews_disagreements.jsonl``: the clear disagreements found by reading whole events (two
  versions, one fact about one thing, different values; each side a span), for recall. The events
  read are listed in ``multinews_read.json``; recall is scored on those only.

Neither file holds article text: spans and short descriptions only. A flag is judged when some
pair of its values overlaps a judged pair of spans; a disagreement is covered when an error or
warning has a value overlapping each side. Flags nobody has judged yet are listed (``--unjudged``
prints both sentences) so that a change in output gets read, not guessed.

    .venv/bin/python benchmarks/real_stories.py                 # run and score
    .venv/bin/python benchmarks/real_stories.py --unjudged      # also print unjudged flags in full
    .venv/bin/python benchmarks/real_stories.py --output-only   # reuse the last run's output
    .venv/bin/python benchmarks/real_stories.py show EVENT [DOC]  # an event's versions with offsets
    .venv/bin/python benchmarks/real_stories.py locate EVENT DOC "words"  # [doc, start, end] of the words
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "eval" / "multinews.dev.jsonl"
JUDGED = HERE / "judgments"
WORK = Path(os.environ.get("FACTDIFF_REAL_STORIES_DIR", "/tmp/factdiff-multinews"))
FLAGGED = ("error", "warning")

Span = tuple[str, int, int]


def events() -> dict[str, list[str]]:
    with DATA.open(encoding="utf-8") as handle:
        return {r["id"]: r["documents"] for r in map(json.loads, handle)}


def write_stories(all_events: dict[str, list[str]]) -> Path:
    """Each event as a folder of versions; rewritten only when the text differs."""
    stories = WORK / "stories"
    for event, documents in all_events.items():
        folder = stories / event
        folder.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(documents):
            path = folder / f"v{i}.txt"
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
    return stories


def run(stories: Path) -> Path:
    output = WORK / "reports.jsonl"
    factdiff = ROOT / ".venv" / "bin" / "factdiff"
    subprocess.run([str(factdiff), "batch", str(stories), "--output", str(output)], check=True)
    return output


def load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def flags(output: Path) -> list[dict]:
    """Every error and warning, with its event."""
    found = []
    for line in load_jsonl(output):
        for d in line.get("discrepancies", []):
            if d["severity"] in FLAGGED:
                found.append({"event": line["corpus"], **d})
    return found


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _span(value: dict) -> Span:
    return (value["doc"], value["start"], value["end"])


def _pairs(flag: dict) -> list[tuple[Span, Span]]:
    """The (outlier, majority) value pairs of a flag; all pairs across versions when it has no majority."""
    values = flag["values"]
    outliers = [v for v in values if v["normalized"] != flag.get("majority")]
    holders = [v for v in values if v["normalized"] == flag.get("majority")] or values
    return [(_span(o), _span(m)) for o in outliers for m in holders if o["doc"] != m["doc"] or o is not m]


def verdict(flag: dict, judgments: list[dict]) -> dict | None:
    for j in judgments:
        if j["event"] != flag["event"]:
            continue
        a, b = tuple(j["a"]), tuple(j["b"])
        for x, y in _pairs(flag):
            if (_overlaps(x, a) and _overlaps(y, b)) or (_overlaps(x, b) and _overlaps(y, a)):
                return j
    return None


def covered(disagreement: dict, found: list[dict]) -> bool:
    a, b = tuple(disagreement["a"]), tuple(disagreement["b"])
    for flag in found:
        if flag["event"] != disagreement["event"]:
            continue
        spans = [_span(v) for v in flag["values"]]
        if any(_overlaps(s, a) for s in spans) and any(_overlaps(s, b) for s in spans):
            return True
    return False


def sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    """The span in its line, marked, cut to about ``width`` characters either side."""
    left = max(text.rfind("\n", 0, start) + 1, start - width)
    right = min(len(text) if text.find("\n", end) < 0 else text.find("\n", end), end + width)
    return f"{text[left:start]}«{text[start:end]}»{text[end:right]}".replace("\n", " ")


def show_flag(flag: dict, all_events: dict[str, list[str]]) -> str:
    lines = [f"{flag['event']} {flag['code']} {flag['severity']} majority={flag.get('majority')!r}"]
    for v in flag["values"]:
        text = all_events[flag["event"]][int(v["doc"][1:])]
        lines.append(f"  [{v['doc']}, {v['start']}, {v['end']}] ({v['normalized']})")
        lines.append(textwrap.indent(textwrap.fill(sentence_around(text, v["start"], v["end"]), 110), "      "))
    return "\n".join(lines)


def score(output: Path, all_events: dict[str, list[str]], *, print_unjudged: bool) -> dict:
    found = flags(output)
    judgments = load_jsonl(JUDGED / "multinews_flags.jsonl")
    verdicts = [(f, verdict(f, judgments)) for f in found]
    true = [f for f, j in verdicts if j and j["verdict"]]
    false = [(f, j) for f, j in verdicts if j and not j["verdict"]]
    unjudged = [f for f, j in verdicts if j is None]
    stories = len(load_jsonl(output))
    read = set(json.loads((JUDGED / "multinews_read.json").read_text())) if (JUDGED / "multinews_read.json").exists() else set()
    disagreements = [d for d in load_jsonl(JUDGED / "multinews_disagreements.jsonl") if d["event"] in read]
    hit = [d for d in disagreements if covered(d, found)]
    judged = len(true) + len(false)
    result = {
        "stories": stories,
        "flags": len(found),
        "true": len(true),
        "false": len(false),
        "unjudged": len(unjudged),
        "precision": round(len(true) / judged, 3) if judged else None,
        "false_per_story": round(len(false) / stories, 3) if stories else None,
        "false_by_cause": dict(Counter(j.get("cause", "?") for _, j in false).most_common()),
        "false_by_code": dict(Counter(f["code"] for f, _ in false).most_common()),
        "events_read": len(read),
        "disagreements": len(disagreements),
        "recalled": len(hit),
        "recall": round(len(hit) / len(disagreements), 3) if disagreements else None,
    }
    if print_unjudged:
        for f in unjudged:
            print(show_flag(f, all_events), end="\n\n")
    return result


def show(event: str, doc: str | None, all_events: dict[str, list[str]]) -> None:
    """An event's versions, paragraph by paragraph with their offsets, for reading and judging."""
    for i, text in enumerate(all_events[event]):
        if doc is not None and doc != f"v{i}":
            continue
        print(f"===== {event} v{i} ({len(text)} chars)")
        at = 0
        for paragraph in text.split("\n"):
            if paragraph.strip():
                print(f"[{at}] {paragraph}")
            at += len(paragraph) + 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="score", choices=("score", "show", "locate"))
    parser.add_argument("event", nargs="?")
    parser.add_argument("doc", nargs="?")
    parser.add_argument("phrase", nargs="?", help="with locate: the words to find in that version")
    parser.add_argument("--unjudged", action="store_true", help="print every unjudged flag with its sentences")
    parser.add_argument("--output-only", action="store_true", help="score the last run's output again")
    parser.add_argument("--results", type=Path, default=HERE / "results" / "real_stories.json")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"real_stories: {DATA} not found (the Multi-News dev set is needed)", file=sys.stderr)
        return 2
    all_events = events()
    if args.command == "show":
        show(args.event, args.doc, all_events)
        return 0
    if args.command == "locate":
        text = all_events[args.event][int(args.doc[1:])]
        at = text.find(args.phrase)
        while at >= 0:
            print(json.dumps([args.doc, at, at + len(args.phrase)]))
            at = text.find(args.phrase, at + 1)
        return 0
    output = WORK / "reports.jsonl"
    if not args.output_only or not output.exists():
        output = run(write_stories(all_events))
    result = score(output, all_events, print_unjudged=args.unjudged)
    print(json.dumps(result, indent=2))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""False alarms on whole articles: the OneStopEnglish dev stories, each told at three reading
levels (advanced, intermediate, elementary) by one newsroom. Simplification keeps the facts, so
every error or warning here is a false alarm (or a real slip of the rewriters, rare).

Writes each record of ``../shared/eval/onestopenglish_articles.dev.jsonl`` as a story folder of
``adv.txt``, ``int.txt``, ``ele.txt``, runs ``factdiff batch`` over them and prints errors plus
warnings per story, by code; ``--list`` prints each flag's values.

    .venv/bin/python benchmarks/ose_stories.py [--list]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "eval" / "onestopenglish_articles.dev.jsonl"
WORK = Path(os.environ.get("FACTDIFF_OSE_STORIES_DIR", "/tmp/factdiff-ose-stories"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every error and warning")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"ose_stories: {DATA} not found", file=sys.stderr)
        return 2
    stories = WORK / "stories"
    with DATA.open(encoding="utf-8") as handle:
        for record in map(json.loads, handle):
            folder = stories / record["id"]
            folder.mkdir(parents=True, exist_ok=True)
            for level, text in record["meta"]["versions"].items():
                path = folder / f"{level}.txt"
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    path.write_text(text, encoding="utf-8")
    output = WORK / "reports.jsonl"
    subprocess.run([str(HERE.parent / ".venv" / "bin" / "factdiff"), "batch", str(stories), "--output", str(output)], check=True)
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [(line["corpus"], d) for line in lines for d in line.get("discrepancies", []) if d["severity"] in ("error", "warning")]
    if args.list:
        for story, d in flagged:
            print(story, d["code"], d["severity"], " / ".join(v["text"] for v in d["values"]))
    result = {
        "stories": len(lines),
        "errors_and_warnings": len(flagged),
        "per_story": round(len(flagged) / len(lines), 3) if lines else None,
        "by_code": dict(Counter(d["code"] for _, d in flagged).most_common()),
    }
    print(json.dumps(result, indent=2))
    (HERE / "results" / "ose_stories.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

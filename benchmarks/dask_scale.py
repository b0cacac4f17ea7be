#!/usr/bin/env python
"""Throughput of ``factdiff batch`` locally and on a Dask cluster, and where a cluster stops scaling.

On the same stories (the OneStopEnglish articles of ``../shared/eval``, each one folder of its
adv/int/ele versions; generated stories when those are absent), each run in a fresh process with
empty caches, as a user would run it:

* **local** — ``factdiff batch ROOT -o OUT`` (one preparing worker process, as by default);
* **dask, N workers** — a ``dask scheduler`` and N ``dask worker --nthreads 1`` processes on
  127.0.0.1 (started and up before the clock starts, as a standing cluster is), each with its own
  empty cache folder, then ``factdiff batch ROOT -o OUT --engine dask --scheduler ADDRESS``.
  The model load and imports on the workers happen during the run and are counted;

and, to find the ceiling of a larger cluster, the parts that do not grow with it:

* **scheduler overhead per task** — 1,000 no-op tasks submitted and gathered on the largest
  cluster; seconds per task, against the seconds a chunk of stories takes on a worker;
* **client reading** — the client reading every story folder and cutting chunks (what it does
  for the cluster), in stories per second;
* **output writer** — writing the run's lines to a file, in stories per second.

CPU seconds per story count the client and, for dask, the worker processes (the machine is
shared, so wall time depends on what else runs; CPU time much less). Every dask run's output is compared byte for byte with the local run's. Results go to
``benchmarks/results/dask_scale.json``; a markdown table is printed. The machine is shared:
compare figures from one run, not across runs.

    .venv/bin/python benchmarks/dask_scale.py [--stories N] [--workers 1,2] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from perf import FACTDIFF, REPO, run, write_batch_corpus  # noqa: E402 - one way to build the corpus

DASK = str(Path(sys.executable).parent / "dask")
DEFAULT_OUTPUT = REPO / "benchmarks" / "results" / "dask_scale.json"
NOOP_TASKS = 1000


@contextmanager
def cluster(workers: int, work: Path):
    """A ``dask scheduler`` and ``workers`` single-threaded ``dask worker`` processes on
    127.0.0.1, each worker with its own empty cache folder; yields the address and the worker
    commands' processes, kills all after."""
    import distributed

    base = Path(tempfile.mkdtemp(prefix=f"cluster-{workers}-", dir=work))
    scheduler_file = base / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    processes = [
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)],
            **quiet,
        )
    ]
    try:
        while not (scheduler_file.exists() and scheduler_file.stat().st_size):
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for n in range(workers):
            processes.append(
                subprocess.Popen(
                    [DASK, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"],
                    env={**os.environ, "FACTDIFF_CACHE_DIR": str(base / f"cache-{n}")},
                    **quiet,
                )
            )
        with distributed.Client(address) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address, processes[1:]
    finally:
        for process in reversed(processes):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


def cpu_seconds(processes: list[subprocess.Popen]) -> float:
    """CPU time used so far by these processes and their descendants (each worker's nanny and
    the worker process it runs), which a run's own rusage does not see."""
    import psutil

    total = 0.0
    for process in processes:
        root = psutil.Process(process.pid)
        for member in [root, *root.children(recursive=True)]:
            times = member.cpu_times()
            total += times.user + times.system
    return total


def batch_run(root: Path, out: Path, extra: list[str], cache: Path) -> dict:
    result = run([*FACTDIFF, "batch", str(root), "-o", str(out), *extra], env={"FACTDIFF_CACHE_DIR": str(cache)})
    return {k: result.get(k) for k in ("seconds", "cpu_seconds", "peak_rss_mb", "peak_tree_rss_mb")}


def scheduler_overhead(address: str) -> dict:
    """Seconds per no-op task through the scheduler (submit, run, gather), done in one batch."""
    import distributed

    with distributed.Client(address) as client:
        client.submit(int, 0, pure=False).result()  # connections up
        started = time.perf_counter()
        futures = [client.submit(int, n, pure=False) for n in range(NOOP_TASKS)]
        client.gather(futures)
        seconds = time.perf_counter() - started
    return {"tasks": NOOP_TASKS, "seconds": round(seconds, 3), "ms_per_task": round(1000 * seconds / NOOP_TASKS, 3)}


def client_side(root: Path, out: Path) -> dict:
    """What the client does per story, timed alone: read and chunk, and write the lines."""
    from factdiff.batch import story_folders
    from factdiff.batch_dask import chunks

    folders = story_folders(root)
    started = time.perf_counter()
    cut = list(chunks(folders))
    reading = time.perf_counter() - started
    characters = sum(len(d.text) for chunk in cut for _, docs in chunk if isinstance(docs, tuple) for d in docs)
    lines = out.read_text(encoding="utf-8")
    started = time.perf_counter()
    with open(Path(out.parent) / "rewrite.jsonl", "w", encoding="utf-8") as handle:
        for line in lines.splitlines(keepends=True):
            handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    writing = time.perf_counter() - started
    return {
        "chunks": len(cut),
        "characters": characters,
        "read_seconds": round(reading, 3),
        "read_stories_per_second": round(len(folders) / reading, 1),
        "write_seconds": round(writing, 4),
        "write_stories_per_second": round(len(folders) / writing),
        "output_bytes": len(lines.encode("utf-8")),
    }


def markdown(results: dict) -> str:
    rows = [
        "| run | seconds | stories/s | speed-up | CPU-s per story | output |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    base = results["runs"]["local"]["seconds"]
    for name, r in results["runs"].items():
        same = "-" if name == "local" else ("identical" if r["identical"] else f"{r['differing_lines']} lines differ")
        rows.append(
            f"| {name} | {r['seconds']:.1f} | {r['stories_per_second']:.2f} | {base / r['seconds']:.2f}x"
            f" | {r['cpu_seconds_per_story']:.2f} | {same} |"
        )
    c, o = results["client"], results["scheduler_overhead"]
    rows += [
        "",
        f"scheduler: {o['ms_per_task']} ms per no-op task ({o['tasks']} tasks); "
        f"{c['chunks']} chunks of ~{c['characters'] // max(1, c['chunks'])} characters",
        f"client reading + chunking: {c['read_stories_per_second']} stories/s; "
        f"writing lines: {c['write_stories_per_second']} stories/s",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--workers", default="1,2", help="dask worker counts to run, comma-separated")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    results: dict = {
        "when": datetime.now(timezone.utc).isoformat(timespec="minutes"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average_at_start": os.getloadavg()},
        "command": "benchmarks/dask_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "runs": {},
    }
    with tempfile.TemporaryDirectory(prefix="factdiff-dask-scale-") as tmp:
        work = Path(tmp)
        root = work / "stories"
        written = write_batch_corpus(root, args.stories)
        results["stories"] = written
        local_out = work / "local.jsonl"
        results["runs"]["local"] = batch_run(root, local_out, [], work / "local-cache")
        reference = local_out.read_text(encoding="utf-8").splitlines()
        counts = [int(n) for n in args.workers.split(",")]
        for workers in counts:
            with cluster(workers, work) as (address, worker_processes):
                out = work / f"dask-{workers}.jsonl"
                name = f"dask, {workers} worker{'s' if workers > 1 else ''}"
                idle = cpu_seconds(worker_processes)
                results["runs"][name] = batch_run(root, out, ["--engine", "dask", "--scheduler", address], work / "client-cache")
                results["runs"][name]["worker_cpu_seconds"] = round(cpu_seconds(worker_processes) - idle, 2)
                lines = out.read_text(encoding="utf-8").splitlines()
                differing = sum(a != b for a, b in zip(lines, reference)) + abs(len(lines) - len(reference))
                results["runs"][name] |= {"identical": differing == 0, "differing_lines": differing}
                if workers == max(counts):
                    results["scheduler_overhead"] = scheduler_overhead(address)
        for r in results["runs"].values():
            r["stories_per_second"] = round(written / r["seconds"], 3)
            r["cpu_seconds_per_story"] = round((r["cpu_seconds"] + r.get("worker_cpu_seconds", 0)) / written, 3)
        results["client"] = client_side(root, local_out)
        results["machine"]["load_average_at_end"] = os.getloadavg()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

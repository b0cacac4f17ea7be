"""``factdiff batch --engine dask``: on a real Dask cluster, the same lines as the local run.

Two clusters on 127.0.0.1: a ``LocalCluster`` made by factdiff itself, and a ``dask scheduler``
with two ``dask worker`` processes started here as a user would start them, reached through
``--scheduler``. Most runs use the bag-of-words stand-in for the model (workers import it from
this folder), so the tests measure the distribution, not the model.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from fakes import FakeEmbedder  # noqa: E402

from factdiff.batch import run_batch  # noqa: E402
from factdiff.batch_dask import run_dask_batch  # noqa: E402
from factdiff.cli import app  # noqa: E402

TESTS = Path(__file__).resolve().parent
PYTHON = sys.executable
DASK = str(Path(PYTHON).parent / "dask")  # the command a user runs: dask scheduler, dask worker
SMALL_CHUNKS = 300  # characters: a chunk of one or two stories, so a run is several tasks


class SlowFakeEmbedder(FakeEmbedder):
    """The stand-in, taking its time on every call and leaving its process id in ``marks``, so a
    test can kill a worker while it holds a chunk."""

    def __init__(self, marks: Path) -> None:
        super().__init__()
        self.marks = marks

    def encode(self, texts):
        (self.marks / str(os.getpid())).touch()
        time.sleep(0.5)
        return super().encode(texts)


def _make_root(root: Path) -> Path:
    """Eight small stories that differ in numbers, days and places, and one with a single version."""
    places = ["Kherson", "Lagos", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Perth"]
    for n, place in enumerate(places):
        folder = root / f"story-{n}"
        folder.mkdir(parents=True)
        (folder / "wire.txt").write_text(
            f"Floods forced {n + 2},000 people from their homes near {place} on Monday. "
            f"The city museum reopened in May after a {n + 1}-year renovation.\n",
            encoding="utf-8",
        )
        (folder / "rewrite.txt").write_text(
            f"Floods forced {n + 3},000 people from their homes near {places[n - 1]} on Tuesday. "
            f"After a {n + 1}-year renovation, the city museum reopened in May.\n",
            encoding="utf-8",
        )
    (root / "story-9").mkdir()
    (root / "story-9" / "only.txt").write_text("A story told by one version cannot disagree.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> tuple[Path, bytes]:
    """The stories and the local run's output over them with the stand-in model."""
    base = tmp_path_factory.mktemp("dask-stories")
    root = _make_root(base / "stories")
    run_batch(root, base / "local.jsonl", embedder=FakeEmbedder(), jobs=0)
    return root, (base / "local.jsonl").read_bytes()


def _wait_for(condition, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, each worker with its own
    cache folder; all three are killed at the end whatever happened."""
    base = tmp_path_factory.mktemp("dask-cluster")
    scheduler_file = base / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    processes: list[subprocess.Popen] = []
    try:
        processes.append(
            subprocess.Popen(
                [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            )
        )
        _wait_for(lambda: scheduler_file.exists() and scheduler_file.stat().st_size, "the scheduler")
        address = json.loads(scheduler_file.read_text())["address"]
        for n in range(2):
            processes.append(
                subprocess.Popen(
                    [DASK, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"],
                    env={**env, "FACTDIFF_CACHE_DIR": str(base / f"cache-{n}")},
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                )
            )
        import distributed

        with distributed.Client(address) as client:
            client.wait_for_workers(2, timeout=90)
        yield address, base
    finally:
        for process in reversed(processes):  # each in its own session: the nanny and its worker
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=30)


def test_local_cluster_writes_the_local_lines(stories, tmp_path):
    root, local = stories
    seen: list[tuple[str, bool]] = []
    result = run_dask_batch(
        root, tmp_path / "out.jsonl", make_embedder=FakeEmbedder, chunk_chars=SMALL_CHUNKS,
        on_story=lambda name, ok: seen.append((name, ok)),
    )
    assert (tmp_path / "out.jsonl").read_bytes() == local
    assert (result.stories, result.failed) == (9, 1)
    assert seen == [(f"story-{n}", True) for n in range(8)] + [("story-9", False)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_cli_with_a_scheduler_address_and_the_real_model(cluster, stories, tmp_path):
    address, workers = cluster
    root, _ = stories
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    runner = CliRunner()
    env = {"FACTDIFF_CACHE_DIR": str(tmp_path / "client-cache")}
    done = runner.invoke(app, ["batch", str(root), "-o", str(remote), "--engine", "dask", "--scheduler", address], env=env)
    assert done.exit_code == 0, done.output
    assert not (tmp_path / "client-cache").exists()  # the workers embedded, in their own caches
    assert [n for n in range(2) if (workers / f"cache-{n}" / "embeddings-v1.sqlite3").exists()]
    done = runner.invoke(app, ["batch", str(root), "-o", str(local), "--jobs", "0"], env=env)
    assert done.exit_code == 0, done.output
    assert remote.read_bytes() == local.read_bytes()


def test_a_worker_killed_mid_chunk_changes_nothing(cluster, stories, tmp_path):
    address, _ = cluster
    root, local = stories
    marks = tmp_path / "marks"
    marks.mkdir()
    out = tmp_path / "out.jsonl"
    errors: list[BaseException] = []

    def run() -> None:
        try:
            run_dask_batch(
                root, out, make_embedder=partial(SlowFakeEmbedder, marks), scheduler=address, chunk_chars=SMALL_CHUNKS
            )
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    _wait_for(lambda: any(marks.iterdir()), "a worker to start a chunk")
    victim = int(next(marks.iterdir()).name)
    os.kill(victim, signal.SIGKILL)
    thread.join(120)
    assert not thread.is_alive() and not errors, errors
    assert out.read_bytes() == local
    assert {int(p.name) for p in marks.iterdir()} - {victim}, "another worker took the chunk over"


def test_interrupted_run_leaves_no_output_and_the_cluster_running(cluster, stories, tmp_path):
    address, _ = cluster
    root, local = stories

    def interrupt(name: str, ok: bool) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_dask_batch(root, tmp_path / "out.jsonl", make_embedder=FakeEmbedder, scheduler=address, on_story=interrupt)
    assert list(tmp_path.iterdir()) == []
    run_dask_batch(root, tmp_path / "out.jsonl", make_embedder=FakeEmbedder, scheduler=address)
    assert (tmp_path / "out.jsonl").read_bytes() == local


def _factdiff(*args: str, env: dict | None = None, prelude: str = "pass") -> subprocess.CompletedProcess:
    code = f"import sys; {prelude}; from factdiff.cli import main; sys.argv = ['factdiff', *sys.argv[1:]]; main()"
    return subprocess.run(
        [PYTHON, "-c", code, *args], capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )


def test_unreachable_scheduler_is_one_line_and_exit_2(stories, tmp_path):
    root, _ = stories
    done = _factdiff(
        "batch", str(root), "-o", str(tmp_path / "out.jsonl"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"},
    )
    assert done.returncode == 2
    assert done.stderr.startswith("factdiff: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert done.stderr.count("\n") == 1, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_the_extra_engine_dask_says_what_to_install(stories, tmp_path):
    root, _ = stories
    done = _factdiff(
        "batch", str(root), "-o", str(tmp_path / "out.jsonl"), "--engine", "dask",
        prelude="sys.modules['distributed'] = None",  # as if it were not installed
    )
    assert done.returncode == 2
    assert done.stderr == "factdiff: error: --engine dask needs Dask distributed: pip install 'factdiff[dask]'\n"


def test_the_local_run_never_imports_distributed(tmp_path):
    root = tmp_path / "stories"
    (root / "same").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):  # identical versions: no model needed
        (root / "same" / name).write_text("The museum reopened in May.\n", encoding="utf-8")
    probe = "import atexit; atexit.register(lambda: print('distributed' in sys.modules))"
    done = _factdiff("batch", str(root), "-o", str(tmp_path / "out.jsonl"), "--jobs", "0", prelude=probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "False\n"


def test_scheduler_without_engine_dask_is_a_usage_error(stories, tmp_path):
    root, _ = stories
    done = CliRunner().invoke(app, ["batch", str(root), "-o", str(tmp_path / "o.jsonl"), "--scheduler", "tcp://x:1"])
    assert done.exit_code == 2
    assert "--scheduler needs --engine dask" in done.output

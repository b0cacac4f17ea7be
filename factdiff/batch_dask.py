"""``factdiff batch --engine dask``: the same batch run, its stories checked on a Dask cluster.

The work splits as in the local run (:mod:`factdiff.batch`), across machines:

* the *client* (this process) reads the story folders (so workers need no shared file system),
  cuts them in folder order into *chunks* of about :data:`CHUNK_CHARS` characters, sends each
  chunk's texts to the cluster as one task, and writes the finished lines back in folder order;
* each *worker* prepares the chunk's stories (segment, extract facts) and checks them as one
  window (:func:`factdiff.batch.check_window`: one model call for the whole chunk). A worker
  plugin gives every worker process one embedder, made on the worker, so the model is loaded
  there once and the caches live in the worker's own cache folder (its ``FACTDIFF_CACHE_DIR``
  or user cache), never on the client.

At most :data:`CHUNKS_PER_THREAD` chunks per worker thread are out at a time, counting those
done but waiting for an earlier one to be written, so the client's memory stays bounded however
many stories there are. Chunks are cut by size in folder order, never by timing or by which worker
is free, so the lines are those of the local run, in the same order. A worker that dies is
Dask's to handle: the scheduler reruns its chunks elsewhere.

Importing this module needs ``distributed`` (the ``dask`` extra); the local run never imports it.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

from .batch import (
    BatchResult,
    StoryDone,
    atomic_output,
    cache_folder,
    check_output,
    check_window,
    prepare_story,
    read_story,
    story_folders,
)
from .embed import Embedder
from .errors import InputError
from .model import Document

try:
    import distributed
    from dask.system import CPU_COUNT
except ImportError:
    raise InputError("--engine dask needs Dask distributed: pip install 'factdiff[dask]'") from None

# Text per task: about 650 sentences of news prose (8 OneStopEnglish stories of 3 versions), one
# model call of the size the local run's windows reach, and enough tasks to share among workers.
CHUNK_CHARS = 100_000
MAX_CHUNK_STORIES = 256  # as batch.MAX_WINDOW_STORIES
CHUNKS_PER_THREAD = 2  # out at once per worker thread: one running, one queued behind it
PLUGIN_NAME = "factdiff-embedder"

Story = tuple[str, "tuple[Document, ...] | InputError"]  # (folder name, its versions or what is wrong)


class EmbedderPlugin(distributed.WorkerPlugin):
    """One embedder per worker process, made there by ``make_embedder`` (a picklable callable,
    e.g. ``functools.partial(pipeline.make_embedder, model)``). The model loads at the first
    sentence the worker's cache lacks; a lock keeps the worker's threads off it one at a time,
    as an Embedder is not thread-safe."""

    def __init__(self, make_embedder: Callable[[], Embedder]) -> None:
        self.make_embedder = make_embedder

    def setup(self, worker: distributed.Worker) -> None:
        self.embedder = self.make_embedder()
        self.lock = threading.Lock()


def check_chunk(stories: Sequence[Story]) -> list[tuple[str, bool]]:
    """The task run on a worker: each story's JSON line and whether it succeeded, in order."""
    plugin: EmbedderPlugin = distributed.get_worker().plugins[PLUGIN_NAME]
    embedder = plugin.embedder
    window = [(name, prepare_story(documents, cache_folder(embedder))) for name, documents in stories]
    with plugin.lock:
        return [(line, ok) for _, line, ok in check_window(window, embedder)]


def chunks(folders: Sequence[Path], chunk_chars: int = CHUNK_CHARS) -> Iterator[list[Story]]:
    """The stories read from ``folders`` in order, cut into chunks of about ``chunk_chars``
    characters (a story that cannot be read travels as its error, to keep its place)."""
    chunk: list[Story] = []
    size = 0
    for folder in folders:
        documents = read_story(folder)
        chunk.append((folder.name, documents))
        size += 0 if isinstance(documents, InputError) else sum(len(d.text) for d in documents)
        if size >= chunk_chars or len(chunk) >= MAX_CHUNK_STORIES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def connect(scheduler: str | None, stack: ExitStack) -> distributed.Client:
    """A client of the scheduler at ``scheduler`` or, with none, of a local cluster of one
    single-threaded worker process per core (as Dask counts cores: affinity and cgroup limits); both are closed when ``stack`` is. A scheduler
    that cannot be reached within Dask's connect timeout (``distributed.comm.timeouts.connect``)
    is an InputError. Closing the client leaves a remote scheduler and its workers running."""
    if scheduler is None:
        cluster = stack.enter_context(
            distributed.LocalCluster(
                n_workers=CPU_COUNT, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
        )
        return stack.enter_context(distributed.Client(cluster))
    try:
        client = distributed.Client(scheduler)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    return stack.enter_context(client)


def run_dask_batch(
    root: str | Path,
    output: str | Path,
    *,
    make_embedder: Callable[[], Embedder],
    scheduler: str | None = None,
    on_story: StoryDone | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> BatchResult:
    """What :func:`factdiff.batch.run_batch` does, with the stories checked on a Dask cluster.

    ``make_embedder`` is called once on each worker process (see :class:`EmbedderPlugin`);
    ``scheduler`` is an address such as ``tcp://host:8786``, or None for a local cluster.
    Raises InputError for a bad root or output, or an unreachable scheduler; any other exception
    (Ctrl-C included) leaves no output file and closes the client.
    """
    started = time.perf_counter()
    output = Path(output)
    folders = story_folders(root)
    check_output(output)
    failed = 0
    with ExitStack() as stack:
        client = connect(scheduler, stack)
        client.register_plugin(EmbedderPlugin(make_embedder), name=PLUGIN_NAME)
        handle = stack.enter_context(atomic_output(output))
        todo = iter(enumerate(chunks(folders, chunk_chars)))
        running = distributed.as_completed()
        run = uuid.uuid4().hex  # task keys unique to this run, whoever else uses the scheduler
        names: dict[int, list[str]] = {}  # the story names of each chunk out, by chunk number
        finished: dict[int, list[tuple[str, bool]]] = {}  # done, waiting for an earlier chunk
        written = 0  # chunks written

        def submit() -> None:
            limit = CHUNKS_PER_THREAD * max(1, sum(client.nthreads().values()))
            while len(names) < limit:
                number, chunk = next(todo, (None, None))
                if chunk is None:
                    return
                names[number] = [name for name, _ in chunk]
                running.add(client.submit(check_chunk, chunk, key=f"factdiff-chunk-{run}-{number}"))

        submit()
        for future in running:
            finished[int(future.key.rsplit("-", 1)[1])] = future.result()
            future.release()
            while written in finished:
                for name, (line, ok) in zip(names.pop(written), finished.pop(written)):
                    failed += not ok
                    handle.write(line)
                    if on_story:
                        on_story(name, ok)
                handle.flush()
                written += 1
            submit()
    return BatchResult(output=output, stories=len(folders), failed=failed, seconds=time.perf_counter() - started)

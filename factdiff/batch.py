"""Check many stories in one run: every immediate subfolder of a root folder is one story.

The model is loaded once and shared by all stories, and each report is written as one JSON line
as soon as it is done, so memory stays flat however many stories there are. A story the user has
to fix (an InputError: a folder with one version, an unreadable file) gets an error line and the
run goes on. The output file only appears, complete, at the end: lines go to a temporary file
beside it that is renamed into place, so an interrupted run never leaves a truncated file that
looks finished.

The work is split so that both stages run at once and the model runs in large batches:

* ``jobs`` worker processes *prepare* stories ahead: read, clean, segment and extract facts (spaCy
  and the normalizers; the facts cache is consulted there). They never import torch.
* the main process takes prepared stories in order, a *window* of them at a time (64 sentences
  at first, doubling up to :data:`WINDOW_SENTENCES`), encodes every sentence and compared clause of the window in
  one model call (the embedding cache answers what it can), then aligns, compares and writes each
  story of the window.

While the main process is encoding one window the workers prepare the next, so fact extraction
costs wall time only where it outruns the model. Windows are cut by sentence counts in folder
order, never by timing, so the output is the same, in the same order, whatever ``jobs`` is; with
``jobs=0`` everything runs in this process.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


from .embed import Embedder, VectorMemo
from .errors import InputError
from .model import Document, Report, Sentence

StoryDone = Callable[[str, bool], None]  # (folder name, succeeded)

WINDOW_SENTENCES = 1024  # sentences encoded per model call across stories (bounded memory)
FIRST_WINDOW_SENTENCES = 64  # windows start small and double, so the model starts early
MAX_WINDOW_STORIES = 256  # and at most this many stories per window


@dataclass(frozen=True)
class BatchResult:
    """What a batch run did, for the CLI's closing line."""

    output: Path
    stories: int
    failed: int
    seconds: float


@dataclass(frozen=True)
class _Prepared:
    """A story ready for the model: sorted documents, sentences, facts (None if identical)."""

    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    analyses: tuple | None


Window = list[tuple[str, "_Prepared | InputError"]]  # (story folder name, prepared story)


def story_folders(root: str | Path) -> list[Path]:
    """The story folders under ``root``, sorted by name; hidden folders are skipped."""
    root = Path(root)
    if not root.exists():
        raise InputError(f"no such folder: {root}")
    if not root.is_dir():
        raise InputError(f"{root} is not a folder (batch needs a folder of story folders)")
    try:
        folders = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(f"cannot read folder {root}: {exc.strerror or exc}") from None
    if not folders:
        raise InputError(f"no story folders in {root} (each story is a subfolder of version files)")
    return folders


def report_line(name: str, report: Report) -> dict:
    """One output record: the ``check --format json`` report with the story's folder name first."""
    from .render.jsonout import report_to_dict

    return {"corpus": name, **report_to_dict(report)}


def error_line(name: str, error: InputError) -> dict:
    return {"corpus": name, "error": str(error)}


# --- preparing stories (in worker processes) -----------------------------------------------------


def _worker_init() -> None:
    """A worker parses with spaCy and never embeds: keep thinc from importing torch (seconds of
    start-up and hundreds of MB per worker)."""
    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]


def read_story(folder: str | Path) -> tuple[Document, ...] | InputError:
    """The versions of one story, or the InputError saying what is wrong with the folder (a value,
    not raised, so it can travel to another process and become the story's error line)."""
    from .read import read_corpus

    try:
        return read_corpus([folder])
    except InputError as error:
        return error


def prepare_story(documents: tuple[Document, ...] | InputError, cache_dir: str | None) -> _Prepared | InputError:
    """Everything of one story that needs no model (segment, extract facts); InputErrors are
    returned, not raised, as in :func:`read_story`."""
    from .factcache import shared_cache
    from .pipeline import prepare_documents

    if isinstance(documents, InputError):
        return documents
    try:
        prepared = prepare_documents(documents, shared_cache(Path(cache_dir)) if cache_dir else None)
    except InputError as error:
        return error
    return _Prepared(*prepared)


def cache_folder(embedder: Embedder) -> str | None:
    """The folder of the embedder's cache, where the facts cache lives too (None: no caches)."""
    path = getattr(getattr(embedder, "cache", None), "path", None)
    return str(Path(path).parent) if path is not None else None


def _prepare(folder: str, cache_dir: str | None) -> _Prepared | InputError:
    """Read and prepare one story (what a worker process does)."""
    return prepare_story(read_story(folder), cache_dir)


class _InProcess(Executor):
    """An executor that runs each task when submitted (``jobs=0``)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future


def _executor(jobs: int) -> Executor:
    if jobs <= 0:
        return _InProcess()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the main process may hold torch threads and SQLite connections.
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init
    )


def _windows(
    folders: Sequence[Path], pool: Executor, cache_dir: str | None, jobs: int
) -> Iterator[Window]:
    """Prepared stories in folder order, grouped into windows, with the next window in the works.

    As many stories are kept in flight as the last window held (plus one per worker), so the
    workers prepare the next window while this one is embedded; memory stays at about two windows.
    """
    queue = iter(folders)
    pending: deque[tuple[Path, Future]] = deque()
    ahead = max(2, 2 * jobs)

    def fill(limit: int) -> None:
        while len(pending) < limit:
            folder = next(queue, None)
            if folder is None:
                return
            pending.append((folder, pool.submit(_prepare, str(folder), cache_dir)))

    fill(ahead)
    target = FIRST_WINDOW_SENTENCES
    while pending:
        window: Window = []
        sentences = 0
        while pending and sentences < target and len(window) < MAX_WINDOW_STORIES:
            folder, future = pending.popleft()
            prepared = future.result()
            window.append((folder.name, prepared))
            if isinstance(prepared, _Prepared):
                sentences += len(prepared.sentences)
            fill(len(window) + ahead)
        fill(min(2 * len(window), MAX_WINDOW_STORIES) + ahead)  # the next window, while this one runs
        target = min(2 * target, WINDOW_SENTENCES)
        yield window


# --- the model side (main process) ---------------------------------------------------------------


def _window_texts(window: Window) -> list[str]:
    from .pipeline import compared_texts

    texts: list[str] = []
    for _, prepared in window:
        if isinstance(prepared, _Prepared) and prepared.analyses is not None:
            texts.extend(s.text for s in prepared.sentences)
            texts.extend(compared_texts(prepared.analyses))
    return list(dict.fromkeys(texts))


def _preload_model(embedder: Embedder, folder: Path):
    """Start loading the model in a thread when the first story has a sentence the cache lacks,
    so the load overlaps the workers' start-up instead of following it. Returns the thread."""
    import threading

    from .pipeline import _all_identical, segment_documents
    from .read import read_corpus

    load = getattr(embedder, "_load", None)
    if load is None or getattr(embedder, "_encoder", None) is not None:
        return None
    try:
        documents = tuple(sorted(read_corpus([folder]), key=lambda d: d.id))
    except InputError:
        return None
    sentences = segment_documents(documents)
    if not sentences or _all_identical(documents, sentences):
        return None
    texts = list(dict.fromkeys(s.text for s in sentences))
    cache = getattr(embedder, "cache", None)
    if cache is not None and len(cache.get(embedder.key, texts)) == len(texts):
        return None

    def run() -> None:
        try:
            load()
        except Exception:  # noqa: BLE001 - the first encode loads again and reports the problem
            pass

    thread = threading.Thread(target=run, name="factdiff-model-load", daemon=True)
    thread.start()
    return thread


def check_window(window: Window, embedder: Embedder) -> Iterator[tuple[str, str, bool]]:
    """Check the prepared stories of one window: (name, JSON line, succeeded) for each, in order.

    Every sentence and compared clause of the window is encoded in one model call (the embedding
    cache answers what it can); then each story is aligned and compared on those vectors. The
    local run and the Dask workers (:mod:`factdiff.batch_dask`) both check windows with this.
    """
    from . import pipeline

    texts = _window_texts(window)
    memo = dict(zip(texts, embedder.encode(texts))) if texts else {}
    window_embedder = VectorMemo(embedder, memo)  # the window's vectors, computed in one call
    for name, prepared in window:
        if isinstance(prepared, InputError):
            line, ok = error_line(name, prepared), False
        else:
            try:
                report = pipeline.check_documents(
                    prepared.documents,
                    embedder=window_embedder,
                    sentences=prepared.sentences,
                    analyses=prepared.analyses,
                )
                line, ok = report_line(name, report), True
            except InputError as error:
                line, ok = error_line(name, error), False
        yield name, json.dumps(line, ensure_ascii=False) + "\n", ok


def check_output(output: Path) -> None:
    """Refuse an output path whose folder is missing or that is a folder, before any work."""
    if not output.parent.exists():
        raise InputError(f"{output}: output folder {output.parent} does not exist")
    if output.is_dir():
        raise InputError(f"{output} is a folder, not a file")


@contextmanager
def atomic_output(output: Path) -> Iterator[TextIO]:
    """A text file that appears at ``output``, complete, only when the block ends normally; on any
    exception (Ctrl-C included) the temporary file beside it is removed and nothing is left."""
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would make the output private
            yield handle
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run_batch(
    root: str | Path,
    output: str | Path,
    *,
    embedder: Embedder,
    jobs: int = 1,
    on_story: StoryDone | None = None,
) -> BatchResult:
    """Check every story under ``root`` and write one JSON line per story to ``output``.

    ``jobs``: worker processes preparing stories ahead (0: all in this process). Workers are
    started with multiprocessing's *spawn* method, so a script calling this with ``jobs >= 1``
    needs the usual ``if __name__ == "__main__":`` guard (the ``factdiff`` command has it).
    Raises InputError for a bad root or output folder; a bad story only gets an error line.
    Any other exception removes the temporary file and propagates.
    """
    started = time.perf_counter()
    output = Path(output)
    folders = story_folders(root)
    check_output(output)
    cache_dir = cache_folder(embedder)
    failed = 0
    pool = None
    try:
        with atomic_output(output) as handle:
            pool = _executor(jobs)
            loading = _preload_model(embedder, folders[0]) if jobs > 0 else None
            for window in _windows(folders, pool, cache_dir, jobs):
                if loading is not None:  # the embedder is not thread-safe: wait for the load
                    loading.join()
                    loading = None
                for name, line, ok in check_window(window, embedder):
                    failed += not ok
                    handle.write(line)
                    handle.flush()
                    if on_story:
                        on_story(name, ok)
                del window
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return BatchResult(output=output, stories=len(folders), failed=failed, seconds=time.perf_counter() - started)

"""Shared fixtures."""

from __future__ import annotations

import multiprocessing

import pytest


@pytest.fixture(scope="session")
def story_cache(tmp_path_factory):
    """One embedding cache for every test that runs the model on the bundled story.

    The model then encodes the story once per test session, not once per module; tests stay
    independent of the user's own cache.
    """
    return tmp_path_factory.mktemp("factdiff-cache")


@pytest.fixture(scope="session")
def conflicts(story_cache):
    """``conflicts(code, text_a, text_b)``: the (severity, sorted value texts) of each discrepancy
    of that code between two versions, checked with the real model and parser."""
    import factdiff
    from factdiff.model import Document
    from factdiff.pipeline import make_embedder

    embedder = make_embedder(cache_dir=story_cache)

    def found(code: str, text_a: str, text_b: str) -> list:
        documents = (Document("a", "a.txt", text_a), Document("b", "b.txt", text_b))
        report = factdiff.check_documents(documents, embedder=embedder)
        return [(d.severity, sorted(v.text for v in d.values)) for d in report.discrepancies if d.code == code]

    return found


@pytest.fixture
def in_processes():
    """Run ``target(*args)`` for each ``args`` in its own spawned process, all at once, and check
    that every one exits cleanly: how the caches are tested against concurrent writers."""

    def run(target, args_list) -> None:
        context = multiprocessing.get_context("spawn")
        workers = [context.Process(target=target, args=args) for args in args_list]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
            assert w.exitcode == 0

    return run

"""A version that contradicts itself (FD701), found through the other versions' tellings."""

from __future__ import annotations

import pytest

import factdiff
from factdiff.model import Document
from factdiff.pipeline import make_embedder


@pytest.fixture(scope="module")
def embedder(story_cache):
    return make_embedder(cache_dir=story_cache)


def _self_contradictions(embedder, text_a: str, text_b: str) -> list[tuple[str, ...]]:
    documents = (Document("a", "a.txt", text_a), Document("b", "b.txt", text_b))
    report = factdiff.check_documents(documents, embedder=embedder)
    return [tuple(f"{v.doc}:{v.text}" for v in d.values) for d in report.discrepancies if d.code == "FD701"]


def test_a_version_that_changed_one_of_its_two_tellings_contradicts_itself(embedder):
    # a's first sentence conflicts with b's; a itself gives b's year elsewhere, of the same event.
    found = _self_contradictions(
        embedder,
        "In 2004, three Mexican fishermen made headlines around the world. They had drifted for "
        "months. In 2006, three Mexican fishermen were found drifting in a small boat near the Marshall Islands.",
        "In 2006, three Mexican fishermen made headlines around the world. They had drifted for months.",
    )
    assert found == [("a:2004", "a:2006")]


def test_a_version_giving_two_years_of_two_events_does_not_contradict_itself(embedder):
    found = _self_contradictions(
        embedder,
        "In 2004, three Mexican fishermen made headlines around the world. They had drifted for "
        "months. In 2006, the town council opened a new harbour for the fleet.",
        "In 2006, three Mexican fishermen made headlines around the world. They had drifted for months.",
    )
    assert found == []

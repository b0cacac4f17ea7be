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


def test_two_dates_of_one_event_told_with_other_predicates_are_tied_by_the_other_version(embedder):
    # b dates both sentences March 2011; a changed the first. The two sentences of a share what
    # they tell (the gang, the men, the bank, March) though their date clauses share nothing.
    found = _self_contradictions(
        embedder,
        "The gang sent two gunmen to rob the Lowell savings bank in March 2014 as it closed for the night. "
        "The staff had been warned for weeks. "
        "Then the manager got threats, and on 3 March 2011, after a meeting of the gang's leaders, the gunmen came to the bank.",
        "The gang sent two gunmen to rob the Lowell savings bank in March 2011 as it closed for the night. "
        "The staff had been warned for weeks. "
        "Then the manager got threats, and on 3 March 2011, after a meeting of the gang's leaders, the gunmen came to the bank.",
    )
    assert found == [("a:March 2014", "a:3 March 2011")]


def test_a_named_owners_figure_given_twice_with_two_values_is_a_self_contradiction(embedder):
    # The phrase says whose figure it is; the clauses around it need not share a word.
    found = _self_contradictions(
        embedder,
        "The merger gives Acme's 12,000 employees a new owner. Unions fear for Acme's 14,000 employees, "
        "who were told nothing.",
        "The merger gives Acme's 12,000 employees a new owner.",
    )
    assert found == [("a:12,000", "a:14,000")]


def test_owners_figures_of_two_named_days_do_not_contradict_each_other(embedder):
    found = _self_contradictions(
        embedder,
        "In 2015 the merger gave Acme's 12,000 employees a new owner. By 2020 Acme's 14,000 employees "
        "had a union.",
        "In 2015 the merger gave Acme's 12,000 employees a new owner.",
    )
    assert found == []

"""The listed contrasts: closed sets and pairs of opposites."""

from __future__ import annotations

import pytest

from factdiff.lexicon import _OPPOSITES, OPPOSITES, contrast, stems


def test_every_listed_opposite_pair_is_a_pair():
    # A pair at the end of one line of the list once merged with the next line's first.
    listed = [p for p in _OPPOSITES.split("|") if p.strip()]
    assert all(len(p.split()) == 2 for p in listed)
    assert len(OPPOSITES) == len({frozenset(p.split()) for p in listed})
    assert contrast("rise", "fall") == contrast("increase", "cut") == "opposite"


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("boost", "hinder", "opposite"),  # sides of one scale: what an action does
        ("promote", "discourage", "opposite"),
        ("commonly", "rarely", "opposite"),  # how often
        ("unveil", "hide", "opposite"),  # what is done with news
        ("upcoming", "previous", "opposite"),  # which way in time
        ("boost", "improve", None),  # one side of a scale
        ("often", "frequently", None),
    ],
)
def test_words_on_two_sides_of_a_scale_are_opposites(a, b, expected):
    assert contrast(a, b) == expected


@pytest.mark.parametrize(
    "written, lemma",
    [("impairs", "impair"), ("installed", "install"), ("studies", "study"), ("closing", "close"), ("boosted", "boost")],
)
def test_an_inflected_word_has_its_lemma_among_its_stems(written, lemma):
    assert lemma in stems(written)


def test_stems_keep_short_words_whole():
    assert stems("is") == {"is"} and stems("bed") == {"bed"}

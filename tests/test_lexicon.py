"""The listed contrasts: closed sets and pairs of opposites."""

from __future__ import annotations

from factdiff.lexicon import _OPPOSITES, OPPOSITES, contrast


def test_every_listed_opposite_pair_is_a_pair():
    # A pair at the end of one line of the list once merged with the next line's first.
    listed = [p for p in _OPPOSITES.split("|") if p.strip()]
    assert all(len(p.split()) == 2 for p in listed)
    assert len(OPPOSITES) == len({frozenset(p.split()) for p in listed})
    assert contrast("rise", "fall") == contrast("increase", "cut") == "opposite"

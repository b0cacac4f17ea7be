"""The gazetteer: which names are places, and when naming one place or another is no conflict."""

from __future__ import annotations

import pytest

from factdiff import places


def _key(name: str) -> str:
    place = places.lookup(name)
    assert place is not None, name
    return place.key


@pytest.mark.parametrize(
    "inner, outer",
    [
        ("Blaine", "United States"),  # a city in its country
        ("Coventry", "England"),  # a city in its UK nation
        ("Edinburgh", "Scotland"),
        ("Seattle", "Washington"),  # a city in its US state
        ("Texas", "United States"),  # a state in its country
        ("Scotland", "UK"),
    ],
)
def test_a_place_and_the_place_it_lies_in_are_nested(inner, outer):
    assert places.nested(_key(inner), _key(outer))
    assert places.nested(_key(outer), _key(inner))


@pytest.mark.parametrize(
    "a, b",
    [
        ("Coventry", "Scotland"),
        ("Scotland", "England"),
        ("Seattle", "Oregon"),
        ("London", "Paris"),
        ("France", "Germany"),
    ],
)
def test_places_apart_are_not_nested(a, b):
    assert not places.nested(_key(a), _key(b))


def test_the_uk_nations_are_places_of_their_own():
    for name in ("England", "Scotland", "Wales", "Northern Ireland"):
        place = places.lookup(name)
        assert place is not None and place.kind == "state" and place.country == "GB"


def test_the_holy_see_is_the_vatican():
    assert _key("Holy See") == _key("Vatican")

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


@pytest.mark.parametrize(
    "abbreviation, state",
    [("Minn.", "Minnesota"), ("Calif.", "California"), ("Ga.", "Georgia"), ("Mass.", "Massachusetts"),
     ("N.Y.", "New York"), ("Pa.", "Pennsylvania"), ("Fla.", "Florida"), ("Tex.", "Texas"),
     ("W.Va.", "West Virginia")],
)
def test_a_us_states_ap_abbreviation_is_the_state(abbreviation, state):
    place = places.lookup(abbreviation)
    assert (place.name, place.kind, place.country) == (state, "state", "US")


def test_a_postal_code_is_a_state_only_right_after_a_place():
    assert places.lookup("GA", after_place=True) == places.lookup("Ga.")
    assert places.lookup("TX", after_place=True).key == _key("Texas")
    assert places.lookup("IN") is None or places.lookup("IN").kind != "state"  # the word "in"
    assert places.lookup("UK", after_place=True).kind == "country"  # "London, UK"


def test_a_city_lies_in_its_abbreviated_state():
    assert places.nested(_key("Duluth"), _key("Minn."))
    assert not places.nested(_key("Duluth"), _key("Calif."))

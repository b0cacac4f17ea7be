"""Counts of one thing told with different nouns or none: "two men" / "a man", "30 cars" / "25
vehicles". A count conflicts with another only where both can be of the same things."""

from __future__ import annotations

import pytest

from factdiff.model import Severity


def test_two_men_against_a_man_doing_the_same_is_a_warning(conflicts):
    assert conflicts(
        "FD201",
        "Inside the shop, he was confronted by two men who asked about his gang affiliation.",
        "He had just walked into the shop when a man asked him about his gang affiliation, police said.",
    ) == [(Severity.WARNING, ["a man", "two"])]


def test_a_gunman_against_two_shooters_is_a_count_of_the_same_people(conflicts):
    assert conflicts(
        "FD201",
        "Police said two shooters opened fire on the crowd outside the club on Sunday night.",
        "Police said a gunman opened fire on the crowd outside the club on Sunday night.",
    ) == [(Severity.ERROR, ["a gunman", "two"])]  # one claim told twice


def test_a_man_among_several_counted_in_the_same_version_is_no_conflict(conflicts):
    assert conflicts(
        "FD201",
        "Inside the shop, he was confronted by two men who asked about his gang affiliation.",
        "Inside the shop, two men confronted him and a man asked about his gang affiliation.",
    ) == []


@pytest.mark.parametrize(
    "template, noun_a, noun_b, conflict",
    [
        ("A pile-up of {} closed the interstate on Sunday morning, police said.", "30 cars", "25 vehicles", True),
        ("A pile-up of {} closed the interstate on Sunday morning, police said.", "20 cars", "25 vehicles", False),
        ("The fire destroyed {} in the valley on Sunday, officials said.", "30 homes", "25 houses", True),
        ("The fire destroyed {} in the valley on Sunday, officials said.", "30 homes", "30 houses", False),
    ],
)
def test_a_count_of_a_kind_conflicts_with_a_count_of_all_of_it_only_when_larger(conflicts, template, noun_a, noun_b, conflict):
    # more cars than vehicles cannot be; fewer can (the rest may be trucks); homes are houses
    found = conflicts("FD201", template.format(noun_a), template.format(noun_b))
    assert bool(found) is conflict


def test_counts_of_people_told_of_different_happenings_are_not_set_against_each_other(conflicts):
    assert conflicts(
        "FD201", "Seven soldiers were wounded in the attack on Sunday.", "Three people were killed in the attack on Sunday."
    ) == []


_PILE_UP_A = (
    "Snow squalls swept across northern Ohio on Sunday. A pile-up of {} closed Interstate 75 near Toledo for most "
    "of the day. Two people died and a dozen were taken to hospital. Forecasters expect more snow on Monday."
)
_PILE_UP_B = (
    "Two people were killed in a crash in a sudden whiteout on Sunday. State police said {} were involved in the "
    "Interstate 75 crash near Toledo. The highway reopened late on Sunday evening. More snow is expected on Monday."
)


@pytest.mark.parametrize("cars, vehicles, conflict", [("30 cars", "25 vehicles", True), ("20 cars", "25 vehicles", False)])
def test_counts_of_one_pile_up_with_nouns_of_one_kind_in_sentences_that_do_not_align(conflicts, cars, vehicles, conflict):
    found = conflicts("FD201", _PILE_UP_A.format(cars), _PILE_UP_B.format(vehicles))
    assert found == ([(Severity.WARNING, ["25", "30"])] if conflict else [])

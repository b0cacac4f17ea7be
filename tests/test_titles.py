"""What one person is, told two ways: "a computer science student" / "an electronics student" is
a conflict wherever the sentences are; a title told with a detail more is not."""

from __future__ import annotations

import pytest

from factdiff.model import Severity


def test_one_persons_field_told_two_ways_in_sentences_that_do_not_align_is_a_warning(conflicts):
    assert conflicts(
        "FD402",
        "The victims included Ahmed Youness, a computer science student at Laval University.",
        "Police said six people died. Youness, an electronics student, had moved to Quebec in 2016.",
    ) == [(Severity.WARNING, ["Ahmed Youness, a computer science student", "Youness, an electronics student"])]


@pytest.mark.parametrize(
    "title_a, title_b",
    [
        ("a former federal prosecutor", "a federal prosecutor"),  # a detail more
        ("a 21-year-old computer science student", "a computer science student"),  # the age is its own fact
    ],
)
def test_a_title_told_with_more_is_no_conflict(conflicts, title_a, title_b):
    assert conflicts(
        "FD402",
        f"The victims included Ahmed Youness, {title_a}, who had moved to Quebec.",
        f"Police said six people died. Youness, {title_b}, had moved to Quebec in 2016.",
    ) == []


def test_two_people_of_one_surname_are_not_one_holder(conflicts):
    assert conflicts(
        "FD402",
        "Officers spoke to John Smith, a chemistry student, on Monday.",
        "Officers spoke to Mark Smith, a physics student, on Monday.",
    ) == []

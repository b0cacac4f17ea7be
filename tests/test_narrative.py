"""A day told from the story's own last date ("a day later", "the next day") is that date moved,
or nothing: never a day counted from the publication date, never a day no version told."""

from __future__ import annotations

from datetime import date

from factdiff.compare.narrative import anchor_narrative_dates
from factdiff.facts import extract_facts
from factdiff.model import Document, Sentence


def _dates(*lines: str, published: date | None = None) -> list[tuple[str, str]]:
    text = " ".join(lines)
    sentences, at = [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence("a", index, at, at + len(line), line))
        at += len(line) + 1
    analyses = anchor_narrative_dates(extract_facts([Document("a", "a.txt", text, published=published)], sentences))
    return [(f.text, f.value) for a in analyses for f in a.facts if f.kind == "date"]


def test_a_day_later_is_the_day_after_the_date_told_before_it():
    assert _dates(
        "On June 17, detectives searched the home of Dwight Smith.",
        "A day later, Kevin Johnson was arrested on suspicion of murder.",
    ) == [("June 17", "rel:date:06-17"), ("A day later", "rel:date:06-18")]


def test_with_a_publication_date_the_day_is_a_calendar_day():
    assert _dates(
        "On June 17, detectives searched the home.", "The next day, Johnson was arrested.", published=date(2017, 6, 30)
    ) == [("June 17", "2017-06-17"), ("The next day", "2017-06-18")]


def test_days_told_one_from_another_count_along_the_narrative():
    assert _dates(
        "On May 15, the husband called the lawyer.",
        "They agreed to meet three days later.",
        "The next day, the lawyer called again.",
    ) == [("May 15", "rel:date:05-15"), ("three days later", "rel:date:05-18"), ("The next day", "rel:date:05-19")]


def test_a_weekday_moves_to_the_next_weekday():
    assert _dates("The boy went missing on Friday.", "The search began the next morning.") == [
        ("Friday", "rel:weekday:fri"), ("the next morning", "rel:weekday:sat"),
    ]


def test_after_a_month_the_day_is_not_known_and_is_dropped():
    assert _dates("He called the husband in April.", "The next day, the group gathered again.") == [
        ("April", "rel:month-name:4"),
    ]


def test_a_date_told_long_before_anchors_nothing():
    assert _dates(
        "On June 17, detectives searched the home.",
        "The house is on a quiet street.",
        "Neighbours said they saw nothing.",
        "Police later asked for help.",
        "The next day, Johnson was arrested.",
    ) == [("June 17", "rel:date:06-17")]


def test_a_day_lost_breaks_the_count_from_it():
    # "that night" names no day after "in April", so "a day later" cannot be counted from it
    assert _dates(
        "On March 2, the pair met.", "He called them in April.", "That night, they talked.", "A day later, they met."
    ) == [("March 2", "rel:date:03-02"), ("April", "rel:month-name:4")]


def test_a_day_inside_a_quotation_is_the_speakers_not_the_narratives():
    assert _dates(
        "The king's remains were carried through Leicester on Sunday.",
        '"Many hundreds of people died on that field that day," the historian said.',
    ) == [("Sunday", "rel:weekday:sun")]

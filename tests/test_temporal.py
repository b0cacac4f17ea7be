"""Specification of factdiff.temporal: date mentions, their resolution and comparison."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdiff.temporal import (
    GRANULARITIES,
    DateMention,
    find_dates,
    granularity_of_key,
    resolve_key,
    same_date,
    shifted,
)

BASE = date(2023, 4, 18)  # a Tuesday


def only(text: str, published: date | None = BASE) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------
# The news examples (published Tuesday 2023-04-18)

NEWS = [
    # sentence, mention text, value, granularity
    ("Last month, Putin visited Mariupol.", "Last month", "2023-03", "month"),
    ("It was seized back in March 2022.", "March 2022", "2022-03", "month"),
    ("Russia annexed four regions in September.", "September", "2022-09", "month"),
    ("Russia annexed four regions last September.", "last September", "2022-09", "month"),
    ("The invasion began 14 months ago.", "14 months ago", "2022-02", "month"),
    ("Since the invasion in February 2022, thousands died.", "February 2022", "2022-02", "month"),
    ("as Orthodox Christians celebrated Sunday.", "Sunday", "2023-04-16", "day"),
    ("The visit came on Sunday April 16th, officials said.", "Sunday April 16th", "2023-04-16", "day"),
    ("Ukraine recaptured Kherson last November.", "last November", "2022-11", "month"),
    ("In November last year, Ukraine recaptured Kherson.", "November last year", "2022-11", "month"),
    ("Ukraine recaptured Kherson in November last year.", "November last year", "2022-11", "month"),
    ("The Kremlin said on Tuesday that Putin had visited.", "Tuesday", "2023-04-18", "day"),
    ("Putin visited the region early Tuesday.", "early Tuesday", "2023-04-18", "day"),
    ("The Kremlin said today.", "today", "2023-04-18", "day"),
    ("Russian forces captured the city in May after a siege.", "May", "2022-05", "month"),
    ("Russian forces captured the city in April.", "April", "2023-04", "month"),
]


@pytest.mark.parametrize(("text", "mention", "value", "granularity"), NEWS)
def test_news_examples(text: str, mention: str, value: str, granularity: str) -> None:
    m = only(text)
    assert (m.text, m.value, m.granularity) == (mention, value, granularity)
    assert text[m.start : m.end] == m.text


# --------------------------------------------------------------------------------------------
# Absolute dates: key == value, relative False (unless the year is missing)

ABSOLUTE = [
    ("on March 17, 2022", "March 17, 2022", "2022-03-17", "day"),
    ("on 17 March 2022", "17 March 2022", "2022-03-17", "day"),
    ("on the 17th of March, 2022", "17th of March, 2022", "2022-03-17", "day"),
    ("Apr 17, 2023", "Apr 17, 2023", "2023-04-17", "day"),
    ("on Tuesday, April 18, 2023", "Tuesday, April 18, 2023", "2023-04-18", "day"),
    ("dated 2023-04-18 in the file", "2023-04-18", "2023-04-18", "day"),
    ("published 2023-04", "2023-04", "2023-04", "month"),
    ("in May 2022", "May 2022", "2022-05", "month"),
    ("in March of 2022", "March of 2022", "2022-03", "month"),
    ("by mid-2022", "mid-2022", "2022", "year"),
    ("in early 2023", "early 2023", "2023", "year"),
    ("in late 2021", "late 2021", "2021", "year"),
    ("in 2019", "2019", "2019", "year"),
    ("since 2010", "2010", "2010", "year"),
    ("2022's elections", "2022", "2022", "year"),
    ("in the 1990s", "1990s", "1990s", "decade"),
    ("since the mid-1990s", "mid-1990s", "1990s", "decade"),
    ("in the summer of 2022", "summer of 2022", "2022-summer", "season"),
    ("by spring 2024", "spring 2024", "2024-spring", "season"),
]


@pytest.mark.parametrize(("text", "mention", "value", "granularity"), ABSOLUTE)
def test_absolute_dates(text: str, mention: str, value: str, granularity: str) -> None:
    for published in (BASE, None):
        m = only(text, published)
        assert (m.text, m.value, m.granularity) == (mention, value, granularity)
        assert not m.relative
        assert m.key == m.value


def test_year_acquisition_example() -> None:
    m = only("Microsoft bought the company in 1998 for $2.5 billion.")
    assert (m.text, m.value, m.granularity) == ("1998", "1998", "year")


def test_year_ranges_and_lists() -> None:
    found = find_dates("Between 2014 and 2022 the war", BASE)
    assert [m.value for m in found] == ["2014", "2022"]
    found = find_dates("from 2014 to 2022", BASE)
    assert [m.value for m in found] == ["2014", "2022"]


# --------------------------------------------------------------------------------------------
# Relative dates: value resolved at the published date, key independent of it

RELATIVE = [
    # sentence, mention text, key, value, granularity
    ("Last month, Putin visited", "Last month", "rel:month:-1", "2023-03", "month"),
    ("this month", "this month", "rel:month:0", "2023-04", "month"),
    ("earlier this month", "earlier this month", "rel:month:0", "2023-04", "month"),
    ("later this month", "later this month", "rel:month:0", "2023-04", "month"),
    ("next month", "next month", "rel:month:1", "2023-05", "month"),
    ("last year", "last year", "rel:year:-1", "2022", "year"),
    ("this year", "this year", "rel:year:0", "2023", "year"),
    ("next year", "next year", "rel:year:1", "2024", "year"),
    ("late last year", "late last year", "rel:year:-1", "2022", "year"),
    ("early this year", "early this year", "rel:year:0", "2023", "year"),
    ("early next year", "early next year", "rel:year:1", "2024", "year"),
    ("today", "today", "rel:day:0", "2023-04-18", "day"),
    ("tonight", "tonight", "rel:day:0", "2023-04-18", "day"),
    ("this morning", "this morning", "rel:day:0", "2023-04-18", "day"),
    ("yesterday", "yesterday", "rel:day:-1", "2023-04-17", "day"),
    ("last night", "last night", "rel:day:-1", "2023-04-17", "day"),
    ("late yesterday", "late yesterday", "rel:day:-1", "2023-04-17", "day"),
    ("tomorrow", "tomorrow", "rel:day:1", "2023-04-19", "day"),
    ("the day before yesterday", "the day before yesterday", "rel:day:-2", "2023-04-16", "day"),
    ("3 days ago", "3 days ago", "rel:day:-3", "2023-04-15", "day"),
    ("two weeks ago", "two weeks ago", "rel:week:-2", "2023-W14", "week"),
    ("a year ago", "a year ago", "rel:year:-1", "2022", "year"),
    ("more than a year ago", "a year ago", "rel:year:-1", "2022", "year"),
    ("two years ago", "two years ago", "rel:year:-2", "2021", "year"),
    ("twenty-five years ago", "twenty-five years ago", "rel:year:-25", "1998", "year"),
    ("a decade ago", "a decade ago", "rel:year:-10", "2013", "year"),
    ("14 months ago", "14 months ago", "rel:month:-14", "2022-02", "month"),
    ("a month ago", "a month ago", "rel:month:-1", "2023-03", "month"),
    ("elections in five years", "in five years", "rel:year:5", "2028", "year"),
    ("in 2 years' time", "in 2 years' time", "rel:year:2", "2025", "year"),
    ("last week", "last week", "rel:week:-1", "2023-W15", "week"),
    ("this week", "this week", "rel:week:0", "2023-W16", "week"),
    ("earlier this week", "earlier this week", "rel:week:0", "2023-W16", "week"),
    ("next week", "next week", "rel:week:1", "2023-W17", "week"),
    ("talks over the weekend", "over the weekend", "rel:weekend:past", "2023-W15", "week"),
    ("on Sunday", "Sunday", "rel:weekday:sun", "2023-04-16", "day"),
    ("on Tuesday", "Tuesday", "rel:weekday:tue", "2023-04-18", "day"),
    ("on Wednesday", "Wednesday", "rel:weekday:wed", "2023-04-12", "day"),
    ("Monday's attack", "Monday", "rel:weekday:mon", "2023-04-17", "day"),
    ("next Tuesday", "next Tuesday", "rel:weekday:tue:next", "2023-04-25", "day"),
    ("this coming Sunday", "this coming Sunday", "rel:weekday:sun:next", "2023-04-23", "day"),
    ("the upcoming Sunday", "upcoming Sunday", "rel:weekday:sun:next", "2023-04-23", "day"),
    ("last Tuesday", "last Tuesday", "rel:weekday:tue:last", "2023-04-11", "day"),
    ("last Sunday", "last Sunday", "rel:weekday:sun:last", "2023-04-16", "day"),
    ("in September", "September", "rel:month-name:9", "2022-09", "month"),
    ("in May", "May", "rel:month-name:5", "2022-05", "month"),
    ("in April", "April", "rel:month-name:4", "2023-04", "month"),
    ("in early March", "early March", "rel:month-name:3", "2023-03", "month"),
    ("since mid-March", "mid-March", "rel:month-name:3", "2023-03", "month"),
    ("last September", "last September", "rel:month-name:9:last", "2022-09", "month"),
    ("last April", "last April", "rel:month-name:4:last", "2022-04", "month"),
    ("next September", "next September", "rel:month-name:9:next", "2023-09", "month"),
    ("November last year", "November last year", "rel:month-name:11:y-1", "2022-11", "month"),
    ("in November of last year", "November of last year", "rel:month-name:11:y-1", "2022-11", "month"),
    ("January this year", "January this year", "rel:month-name:1:y0", "2023-01", "month"),
    ("April 18th", "April 18th", "rel:date:04-18", "2023-04-18", "day"),
    ("Tuesday, April 18th", "Tuesday, April 18th", "rel:date:04-18", "2023-04-18", "day"),
    ("Apr. 17", "Apr. 17", "rel:date:04-17", "2023-04-17", "day"),
    ("on 16 April", "16 April", "rel:date:04-16", "2023-04-16", "day"),
    ("on April 19", "April 19", "rel:date:04-19", "2022-04-19", "day"),
    ("on December 25", "December 25", "rel:date:12-25", "2022-12-25", "day"),
    ("on February 29", "February 29", "rel:date:02-29", "2020-02-29", "day"),
    ("on March 3 last year", "March 3 last year", "rel:date:03-03:y-1", "2022-03-03", "day"),
    ("last spring", "last spring", "rel:season:spring:last", "2022-spring", "season"),
    ("in the spring", "spring", "rel:season:spring", "2023-spring", "season"),
    ("over the winter", "winter", "rel:season:winter", "2022-winter", "season"),
    ("next summer", "next summer", "rel:season:summer:next", "2023-summer", "season"),
    ("this summer", "this summer", "rel:season:summer:this", "2023-summer", "season"),
    ("in the fall", "fall", "rel:season:autumn", "2022-autumn", "season"),
    # a weekday of a named month is one time, not a weekday and a month
    ("on Monday in February", "Monday in February", "rel:weekday-in-month:mon:2", "2023-02", "month"),
    ("on Friday in May", "Friday in May", "rel:weekday-in-month:fri:5", "2022-05", "month"),
]


@pytest.mark.parametrize(("text", "mention", "key", "value", "granularity"), RELATIVE)
def test_relative_dates(text: str, mention: str, key: str, value: str, granularity: str) -> None:
    m = only(text)
    assert (m.text, m.key, m.value, m.granularity) == (mention, key, value, granularity)
    assert m.relative
    assert resolve_key(m.key, BASE) == m.value
    assert granularity_of_key(m.key) == m.granularity


@pytest.mark.parametrize(("text", "mention", "key", "value", "granularity"), RELATIVE)
def test_relative_dates_without_published_date(
    text: str, mention: str, key: str, value: str, granularity: str
) -> None:
    m = only(text, None)
    assert (m.text, m.key, m.value, m.granularity, m.relative) == (mention, key, None, granularity, True)


# --------------------------------------------------------------------------------------------
# Not dates

NOT_DATES = [
    "It has been fighting for 8½ months.",
    "after two months of fierce fighting",
    "his second trip to the front in as many months",
    "The siege lasted for 14 months.",
    "Over the past two years, prices rose.",
    "for the last year",
    "in the past month",
    "the coming year",
    "the last week of the campaign",
    "a year earlier",
    "The president may lose the vote.",
    "May I ask a question?",
    "Theresa May said it was over.",
    "the march on Washington",
    "They will march to the square.",
    "2,000 people were evacuated.",
    "The firm has 1998 employees.",
    "It opened 2000 stores.",
    "the first time in 20 years",
    "the highest level in 10 years",
    "after the fall of Bakhmut",
    "prices fall sharply as troops spring into action",
    "the Arab Spring",
    "USA Today reported it.",
    "He works on Mondays.",
    "Good Friday services",
    "The Sunday Times reported",
    "at 10:27 PM local time",
    "F-16 jets and MH17",
    "Jan Kowalski said",
    "Theresa May and March",
    "the 24/7 news cycle",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, BASE) == ()


def test_several_mentions_in_order() -> None:
    text = (
        "Last month, Putin visited Mariupol, captured in May last year. On Tuesday, April 18th, "
        "the Kremlin said he had been there over the weekend; the war began 14 months ago."
    )
    found = find_dates(text, BASE)
    assert [m.text for m in found] == [
        "Last month",
        "May last year",
        "Tuesday, April 18th",
        "over the weekend",
        "14 months ago",
    ]
    assert [m.value for m in found] == ["2023-03", "2022-05", "2023-04-18", "2023-W15", "2022-02"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_lists_of_months_are_each_resolved() -> None:
    found = find_dates("in March, April and May", BASE)
    assert [(m.text, m.value) for m in found] == [
        ("March", "2023-03"),
        ("April", "2023-04"),
        ("May", "2022-05"),  # each month: the most recent one on or before April 2023
    ]


def test_capitalized_day_word_starts_sentence() -> None:
    found = find_dates("USA Today reported it. Today, he said.", BASE)
    assert [(m.text, m.value) for m in found] == [("Today", "2023-04-18")]


# --------------------------------------------------------------------------------------------
# Resolution at other publication dates

RESOLVE = [
    ("rel:weekday:sun", date(2023, 4, 16), "2023-04-16"),  # published on a Sunday
    ("rel:weekday:sun:last", date(2023, 4, 16), "2023-04-09"),
    ("rel:weekday:sun:next", date(2023, 4, 16), "2023-04-23"),
    ("rel:weekday:mon", date(2023, 4, 16), "2023-04-10"),
    ("rel:day:-1", date(2023, 3, 1), "2023-02-28"),
    ("rel:day:-1", date(2024, 3, 1), "2024-02-29"),
    ("rel:month:-1", date(2023, 1, 10), "2022-12"),
    ("rel:month:-14", date(2023, 1, 10), "2021-11"),
    ("rel:month:1", date(2023, 12, 10), "2024-01"),
    ("rel:year:-1", date(2023, 1, 1), "2022"),
    ("rel:month-name:12", date(2023, 12, 5), "2023-12"),
    ("rel:month-name:11:last", date(2023, 12, 5), "2023-11"),
    ("rel:month-name:12:last", date(2023, 12, 5), "2022-12"),
    ("rel:month-name:12:next", date(2023, 12, 5), "2024-12"),
    ("rel:month-name:1:next", date(2023, 12, 5), "2024-01"),
    ("rel:month-name:11:y-1", date(2023, 12, 5), "2022-11"),
    ("rel:date:12-31", date(2024, 1, 1), "2023-12-31"),
    ("rel:date:01-01", date(2024, 1, 1), "2024-01-01"),
    ("rel:date:02-29", date(2024, 3, 1), "2024-02-29"),
    ("rel:date:02-29:y-1", date(2024, 3, 1), None),  # 2023 has no February 29
    ("rel:week:-1", date(2023, 1, 2), "2022-W52"),
    ("rel:week:0", date(2023, 1, 1), "2022-W52"),  # ISO week-numbering year
    ("rel:weekend:past", date(2023, 4, 16), "2023-W15"),  # on a Sunday: this weekend
    ("rel:weekend:past", date(2023, 4, 17), "2023-W15"),  # on a Monday: the one just gone
    ("rel:season:winter", date(2023, 1, 15), "2022-winter"),
    ("rel:season:winter", date(2023, 12, 15), "2023-winter"),
    ("rel:season:winter:this", date(2023, 1, 15), "2022-winter"),
    ("rel:season:winter:this", date(2023, 11, 15), "2023-winter"),
    ("rel:season:spring:last", date(2023, 7, 1), "2023-spring"),
    ("rel:season:spring:last", date(2023, 4, 18), "2022-spring"),
    ("rel:season:spring:next", date(2023, 4, 18), "2024-spring"),
    ("rel:season:autumn", date(2023, 4, 18), "2022-autumn"),
    ("2022-03", date(2023, 4, 18), "2022-03"),  # absolute keys resolve to themselves
]


@pytest.mark.parametrize(("key", "published", "value"), RESOLVE)
def test_resolve_key(key: str, published: date, value: str | None) -> None:
    assert resolve_key(key, published) == value


def test_resolve_key_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError):
        resolve_key("rel:fortnight:1", BASE)


# --------------------------------------------------------------------------------------------
# same_date

SAME = [
    # text a, published a, text b, published b, expected
    ("on April 18, 2023", BASE, "in April 2023", BASE, True),
    ("in 2023", BASE, "in April 2023", BASE, True),
    ("in 2023", BASE, "on April 18, 2023", BASE, True),
    ("in the 2020s", BASE, "in 2023", BASE, True),
    ("on Tuesday", BASE, "on April 18, 2023", BASE, True),
    ("early Tuesday", BASE, "Tuesday", BASE, True),
    ("celebrated Sunday", BASE, "Sunday April 16th", BASE, True),
    ("last November", BASE, "November last year", BASE, True),
    ("in September", BASE, "last September", BASE, True),
    ("14 months ago", BASE, "in February 2022", BASE, True),
    ("last month", BASE, "in March 2023", BASE, True),
    ("last month", BASE, "in March 2022", BASE, False),
    ("in May", BASE, "in May 2023", BASE, False),
    ("on April 17, 2023", BASE, "on April 18, 2023", BASE, False),
    ("last week", BASE, "on April 12, 2023", BASE, True),
    ("last week", BASE, "on April 18, 2023", BASE, False),
    ("in the spring", BASE, "in April", BASE, True),
    ("in the spring", BASE, "in July 2023", BASE, False),
    ("over the winter", BASE, "in 2023", BASE, True),  # Dec 2022 - Feb 2023 overlaps 2023
    # different publication dates: values are what count
    ("yesterday", date(2023, 4, 19), "today", BASE, True),
    # no publication date: a relative mention never conflicts with an absolute one
    ("on Tuesday", None, "on April 18, 2023", BASE, None),
    ("on Tuesday", None, "on April 19, 2023", BASE, None),
    ("last month", None, "in March 2022", None, None),
    ("in September", None, "in March 2022", None, None),
    # unresolved relatives are compared by key
    ("last month", None, "last month", None, True),
    ("last month", None, "last month", BASE, True),
    ("yesterday", None, "today", None, False),
    ("in September", None, "in March", None, False),
    ("Tuesday", None, "Wednesday", None, False),
    ("April 16th", None, "April 17th", None, False),
    ("today", None, "this week", None, True),
    ("today", None, "this year", None, True),
    ("November last year", None, "last year", None, True),
    ("last month", None, "in March", None, None),  # same only if published in April
    ("Tuesday", None, "yesterday", None, None),
    ("April 16th", None, "Sunday", None, None),
    ("last November", None, "November last year", None, None),  # differ if published in December
    # a weekday of a named month: the weekday counts, and the month holds it
    ("on Monday in February", BASE, "on Tuesday in February", BASE, False),
    ("on Monday in February", None, "on Tuesday in February", None, False),
    ("on Monday in February", BASE, "in February", BASE, True),
    ("on Monday in February", None, "on Monday in March", None, False),
]


@pytest.mark.parametrize(("a", "pa", "b", "pb", "expected"), SAME)
def test_same_date(a: str, pa: date | None, b: str, pb: date | None, expected: bool | None) -> None:
    ma, mb = only(a, pa), only(b, pb)
    assert same_date(ma, mb) is expected
    assert same_date(mb, ma) is expected
    assert same_date(ma, ma) is True


# --------------------------------------------------------------------------------------------
# Properties

_VALUE_FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-W\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "season": re.compile(r"\d{4}-(spring|summer|autumn|winter)"),
    "year": re.compile(r"\d{4}"),
    "decade": re.compile(r"\d{3}0s"),
}

_VOCAB = (
    "last this next early late mid- in on since by of the a two 14 months month years year ago "
    "weeks days week weekend over Tuesday Sunday May March may march April 18th 17 2022 1998 2,000 "
    "September November spring fall winter today yesterday tomorrow night morning , . - 's "
    "1990s 2023-04-18 coming upcoming before day Apr. Sept"
).split()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(_VOCAB), max_size=25).map(" ".join),
        st.lists(st.sampled_from(_VOCAB + [" "]), max_size=25).map("".join),
    ),
    st.one_of(st.none(), st.dates(min_value=date(1901, 3, 1), max_value=date(2098, 10, 31))),
)
def test_any_text_gives_exact_ordered_mentions(text: str, published: date | None) -> None:
    found = find_dates(text, published)
    last_end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert last_end <= m.start < m.end
        last_end = m.end
        assert m.granularity in GRANULARITIES
        assert m.relative == m.key.startswith("rel:")
        if not m.relative:
            assert m.key == m.value
        if m.value is not None:
            assert _VALUE_FORMS[m.granularity].fullmatch(m.value), m
        elif not (m.relative and published is None):
            assert m.key.startswith("rel:date:02-29:y")
    for a in found[:3]:
        for b in found[:3]:
            assert same_date(a, b) == same_date(b, a)


def test_mentions_are_frozen() -> None:
    m = only("last month")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.value = "2020-01"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("the 2013–16 outbreak", "2013–16", "2013/2016"),
        ("the 2013-16 outbreak", "2013-16", "2013/2016"),
        ("He led the party from 1998–2001.", "1998–2001", "1998/2001"),
        ("in 2013-2016 there were cases", "2013-2016", "2013/2016"),
        ("in the 1999-00 season", None, None),  # the end is not later: no span of years
    ],
)
def test_a_span_of_years_is_one_date_from_first_to_last(text: str, span: str | None, value: str | None) -> None:
    found = [m for m in find_dates(text, BASE) if "/" in (m.value or "")]
    assert [(m.text, m.value, m.granularity) for m in found] == ([(span, value, "year")] if span else [])


def test_a_span_of_years_holds_each_of_its_years_and_no_other() -> None:
    span = only("the 2013–16 outbreak")
    assert same_date(span, only("the 2013-2016 outbreak"))
    assert same_date(span, only("in 2014"))
    assert not same_date(span, only("in 2018"))


def test_the_end_of_a_span_of_years_is_no_number() -> None:
    from factdiff.quantities import find_numbers

    for text in ("the 2013–16 outbreak", "in 2013-2016 there", "the 2013-16 outbreak killed 11,000 people"):
        skip = [(m.start, m.end) for m in find_dates(text, BASE)]
        assert [n.text for n in find_numbers(text, skip)] == (["11,000"] if "11,000" in text else [])


def test_a_count_of_two_numbers_is_no_span_of_years() -> None:
    assert find_dates("Between 1500-2000 troops were sent.", BASE) == ()


# --------------------------------------------------------------------------------------------
# Days told from the story's own last date


NARRATIVE = [
    ("A day later, Johnson was arrested.", "A day later", "rel:narr:1"),
    ("They agreed to meet three days later.", "three days later", "rel:narr:3"),
    ("He had called a day earlier.", "a day earlier", "rel:narr:-1"),
    ("The next day, the group gathered again.", "The next day", "rel:narr:1"),
    ("The following morning police came.", "The following morning", "rel:narr:1"),
    ("That night, he sat down with the couple.", "That night", "rel:narr:0"),
    ("He found her Sunday, the same day she was due in Hollywood.", "the same day", "rel:narr:0"),
    ("She had left the day before.", "the day before", "rel:narr:-1"),
]


@pytest.mark.parametrize(("text", "mention", "key"), NARRATIVE)
def test_a_day_told_from_the_story_has_no_value_from_the_publication_date(text: str, mention: str, key: str) -> None:
    found = [m for m in find_dates(text, BASE) if m.key.startswith("rel:narr:")]
    assert [(m.text, m.key, m.value, m.granularity) for m in found] == [(mention, key, None, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "the day before Julia was due at the lunch",  # counted from what follows, not the story's last date
        "Days later, the police came.",  # no count: no day
        "45 days later the case was closed.",  # a stretch, not a day the reader can place
        "Day after day the rain came.",
        "Each day he walks.",
        "two days ago",  # counted from the publication date, as before
        "He said that day care centres will close.",  # a compound, not a day
    ],
)
def test_what_is_no_day_told_from_the_story(text: str) -> None:
    assert not [m for m in find_dates(text, BASE) if m.key.startswith("rel:narr:")]


@pytest.mark.parametrize(
    ("value", "key", "days", "expected"),
    [
        ("2017-06-17", "2017-06-17", 1, ("2017-06-18", "2017-06-18")),
        ("2023-04-17", "rel:date:04-17", 1, ("2023-04-18", "rel:date:04-18")),
        (None, "rel:date:06-17", 1, (None, "rel:date:06-18")),
        (None, "rel:date:02-28", 1, (None, "rel:date:03-01")),
        (None, "rel:date:12-31", 1, None),  # into another year: the key's year rule no longer holds
        (None, "rel:weekday:fri", 1, (None, "rel:weekday:sat")),
        (None, "rel:weekday:fri:last", 0, (None, "rel:weekday:fri:last")),
        (None, "rel:weekday:fri", 7, None),
        (None, "rel:day:-1", 1, (None, "rel:day:0")),
        ("2023-04", "rel:month-name:4", 1, None),  # a month names no day
        (None, "rel:month-name:4", 1, None),
    ],
)
def test_a_day_moved_by_days(value, key, days, expected) -> None:
    assert shifted(value, key, days) == expected

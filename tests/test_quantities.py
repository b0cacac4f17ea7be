"""Specification of factdiff.quantities: number mentions and when two numbers agree."""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdiff.quantities import CLOCK_UNIT, QUALIFIERS, NumberMention, find_numbers, numbers_agree, singularize
from factdiff.temporal import find_dates


def only(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------
# Values and units

VALUES = [
    # sentence, mention text, value, unit
    ("for 8½ months", "8½", 8.5, "month"),
    ("for 8 1/2 months", "8 1/2", 8.5, "month"),
    ("for 8-and-a-half months", "8-and-a-half", 8.5, "month"),
    ("for eight and a half months", "eight and a half", 8.5, "month"),
    ("for 8.5 months", "8.5", 8.5, "month"),
    ("1,200 people", "1,200", 1200, "people"),
    ("32,000 employees", "32,000", 32000, "employee"),
    ("a budget of 2.5 billion", "2.5 billion", 2.5e9, ""),
    ("it paid $2.5bn", "$2.5bn", 2.5e9, "USD"),
    ("1.8 million barrels", "1.8 million", 1.8e6, "barrel"),
    ("1,800 million", "1,800 million", 1.8e9, ""),
    ("two soldiers", "two", 2, "soldier"),
    ("twenty-five countries", "twenty-five", 25, "country"),
    ("twenty five countries", "twenty five", 25, "country"),
    ("a hundred days", "a hundred", 100, "day"),
    ("one hundred and twenty tanks", "one hundred and twenty", 120, "tank"),
    ("two thousand five hundred troops", "two thousand five hundred", 2500, "troop"),
    ("a dozen agreements", "a dozen", 12, "agreement"),
    ("two dozen drones", "two dozen", 24, "drone"),
    ("half a million refugees", "half a million", 5e5, "refugee"),
    ("a million doses", "a million", 1e6, "dose"),
    ("two million people", "two million", 2e6, "people"),
    ("one and a half million people", "one and a half million", 1.5e6, "people"),
    ("inflation of 4.4%", "4.4%", 4.4, "percent"),
    ("up 11 percent", "11 percent", 11, "percent"),
    ("up 11 per cent", "11 per cent", 11, "percent"),
    ("eleven percent", "eleven percent", 11, "percent"),
    ("rose 4.4 percentage points", "4.4 percentage points", 4.4, "percentage point"),
    ("$1.8 billion in aid", "$1.8 billion", 1.8e9, "USD"),
    ("£5m", "£5m", 5e6, "GBP"),
    ("€20 million", "€20 million", 2e7, "EUR"),
    ("A$4.56 a share", "A$4.56", 4.56, "AUD"),
    ("US$4.56", "US$4.56", 4.56, "USD"),
    ("USD 5 million", "USD 5 million", 5e6, "USD"),
    ("2.7 billion euros", "2.7 billion", 2.7e9, "EUR"),
    ("4.56 Australian dollars", "4.56", 4.56, "AUD"),
    ("two million dollars", "two million", 2e6, "USD"),
    ("300 million roubles", "300 million", 3e8, "RUB"),
    ("8m refugees", "8m", 8e6, "refugee"),
    ("the 100m sprint", "100m", 100, "m"),  # one unit however it is spelled
    ("the 8,013 m peak", "8,013", 8013, "m"),
    ("the 8,027-meter mountain", "8,027", 8027, "m"),
    ("a 10km stretch", "10km", 10, "kilometre"),
    ("240 kilometers north", "240", 240, "kilometre"),
    ("20 kg of waste", "20", 20, "kilogram"),
    ("a limit of 80mg of nitrogen oxide per kilometre", "80mg", 80, "mg"),
    ("a 500ml bottle", "500ml", 500, "ml"),
    ("a 30-year-old man", "30", 30, "year"),
    ("a one-year ban", "one", 1, "year"),
    ("two months of fierce fighting", "two", 2, "month"),
    ("20 other categories", "20", 20, "category"),
    ("only one regional capital", "one", 1, "capital"),
    ("in 3 countries", "3", 3, "country"),
    ("4 deaths", "4", 4, "death"),
    ("1,200 Russian soldiers", "1,200", 1200, "soldier"),
    ("three heavy armored vehicles", "three", 3, "vehicle"),
    ("5 Leopard tanks", "5", 5, "tank"),
    ("12 Ukrainians were killed", "12", 12, "ukrainian"),
    ("one person died", "one", 1, "people"),
    ("three men", "three", 3, "man"),
    ("12 were killed", "12", 12, ""),
    ("Putin, 70, said", "70", 70, ""),
    ("Two people died.", "Two", 2, "people"),
    ("two of the soldiers", "two", 2, "soldier"),
    # A compound counts its last noun; a unit of measure heads its own phrase.
    ("three suicide bombings in the capital", "three", 3, "bombing"),
    ("five fire trucks were sent", "five", 5, "truck"),
    ("2 mph winds", "2", 2, "mph"),
    ("the past two trading sessions", "two", 2, "session"),
    ("twin car bombs ripped through the city", "twin", 2, "bomb"),
    ("twin blasts", "twin", 2, "blast"),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit"), VALUES)
def test_values_and_units(text: str, mention: str, value: float, unit: str) -> None:
    m = only(text)
    assert (m.text, m.unit) == (mention, unit)
    assert m.value == pytest.approx(value, rel=1e-12)
    assert text[m.start : m.end] == m.text
    assert not m.ordinal and not m.vague and m.qualifier == ""


ORDINALS = [
    ("the 2nd Battalion", "2nd", 2, "battalion"),
    ("second place", "second", 2, "place"),
    ("for the first time", "first", 1, "time"),
    ("on the third day", "third", 3, "day"),
    ("the twenty-first century", "twenty-first", 21, "century"),
    ("the 21st century", "21st", 21, "century"),
    ("a second time", "second", 2, "time"),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit"), ORDINALS)
def test_ordinals(text: str, mention: str, value: float, unit: str) -> None:
    m = only(text)
    assert (m.text, m.value, m.unit, m.ordinal) == (mention, value, unit, True)


VAGUE = [
    ("dozens of people", "dozens", 24, "people"),
    ("hundreds of homes", "hundreds", 200, "home"),
    ("Thousands of troops", "Thousands", 2000, "troop"),
    ("millions of dollars", "millions", 2e6, "USD"),
    ("several buildings", "several", 3, "building"),
    ("a few days", "a few", 2, "day"),
    ("numerous attacks", "numerous", 2, "attack"),
    ("scores of villages", "scores", 40, "village"),
    ("tens of thousands of Ukrainian civilians", "tens of thousands", 2e4, "civilian"),
    ("hundreds of thousands of people", "hundreds of thousands", 2e5, "people"),
    ("several hundred soldiers", "several hundred", 300, "soldier"),
    ("a few thousand", "a few thousand", 2000, ""),
    ("a couple of hundred", "a couple of hundred", 200, ""),
    ("a handful of", "a handful", 2, ""),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit"), VAGUE)
def test_vague_amounts(text: str, mention: str, value: float, unit: str) -> None:
    m = only(text)
    assert (m.text, m.value, m.unit, m.vague) == (mention, value, unit, True)


QUALIFIED = [
    ("about 870", "about"),
    ("around 900", "about"),
    ("roughly 5", "about"),
    ("approximately 6", "about"),
    ("some 870 people", "about"),
    ("nearly 900", "about"),
    ("almost 1,000", "about"),
    ("close to 50", "about"),
    ("an estimated 8,000", "about"),
    ("more than 23 million", "more than"),
    ("over 100", "more than"),
    ("above 3", "more than"),
    ("upwards of 40", "more than"),
    ("just over $2 billion", "more than"),
    ("at least 12", "at least"),
    ("no fewer than 12", "at least"),
    ("less than 5", "less than"),
    ("under 18", "less than"),
    ("below 4", "less than"),
    ("fewer than 30", "less than"),
    ("up to 50", "up to"),
    ("as many as 50", "up to"),
    ("at least a dozen", "at least"),
    ("870", ""),
]


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIED)
def test_qualifiers(text: str, qualifier: str) -> None:
    m = only(text)
    assert m.qualifier == qualifier
    assert m.qualifier in QUALIFIERS
    assert m.text not in ("about", "more", "than")  # the qualifier is not part of the span


NOT_NUMBERS = [
    "one of the soldiers",
    "the one who left",
    "They helped one another.",
    "No one knows.",
    "This one is different.",
    "F-16 jets",
    "COVID-19 cases",
    "flight MH17",
    "a 24/7 service",
    "the 9/11 attacks",
    "5G networks",
    "the 1990s",
    "a marathon run in 2:03:59",
    "World War Two",
    "Formula One",
    "at first",
    "for a second.",
    "a second later",
    "two-thirds of voters",
    "a third of the city",
    "a one-off payment",
    "the Dow fell at one point in the afternoon",
    "at one time the largest",
    "heavy armored vehicles",
    "Theresa May",
    "few people",
    "the Su-25 jet",
    "his twin brother",
    "the Twin Cities",
    "the 007 movie",  # a leading zero: a name or a code
    "call 0800 now",
    "",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == ()


CLOCK_TIMES = [
    ("at 10:27 PM", "10:27 PM", 10 * 60 + 27),
    ("at 22:27", "22:27", 10 * 60 + 27),  # the 24-hour clock and the 12-hour one agree
    ("at 10am", "10am", 600),
    ("at 10 a.m. on Monday", "10 a.m.", 600),
    ("at 12:05", "12:05", 5),
]


@pytest.mark.parametrize(("text", "span", "minutes"), CLOCK_TIMES)
def test_a_time_of_day_is_minutes_on_a_twelve_hour_dial(text: str, span: str, minutes: int) -> None:
    m = only(text)
    assert (m.text, m.value, m.unit) == (span, minutes, CLOCK_UNIT)


def test_the_first_end_of_a_range_of_times_is_a_time():
    assert [(m.value, m.unit) for m in find_numbers("open from 4 to 7pm daily")] == [(240, CLOCK_UNIT), (420, CLOCK_UNIT)]


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("at 3 p.m.", "at 3:22 p.m.", True),  # the hour a precise time falls in
        ("at 3:00 p.m.", "at 3:22 p.m.", False),
        ("at 5 p.m.", "at 7 p.m.", False),
        ("at 1:34 PM", "at 13:34", True),
        ("until 6 p.m. EDT Sunday", "until 3 p.m. Arizona time Sunday", False),  # not paired, see below
    ],
)
def test_times_of_day_agree(a: str, b: str, agree: bool) -> None:
    assert numbers_agree(only(a), only(b)) is agree


def test_a_time_zone_is_part_of_the_unit():
    # Times in two zones are never paired (their units differ), so never in conflict.
    assert only("until 6 p.m. EDT Sunday").unit == "time of day edt"
    assert only("until 3 p.m. Arizona time Sunday").unit == "time of day arizona time"


# --------------------------------------------------------------------------------------------
# Ranges and skipping

RANGES = [
    ("10-15 million people", [(1e7, "people"), (1.5e7, "people")]),
    ("$10-15 million", [(1e7, "USD"), (1.5e7, "USD")]),
    ("10 to 15 people", [(10, "people"), (15, "people")]),
    ("5 or 6 million", [(5e6, ""), (6e6, "")]),
    ("10-15%", [(10, "percent"), (15, "percent")]),
    ("2.5 billion and $2.5bn", [(2.5e9, ""), (2.5e9, "USD")]),  # not a range
    ("10 soldiers and 15 civilians", [(10, "soldier"), (15, "civilian")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_share_scale_currency_and_unit(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(m.value, m.unit) for m in find_numbers(text)] == expected


def test_skip_spans_are_ignored() -> None:
    text = "In 2019, 14 months ago, about 870 people were killed."
    assert [m.text for m in find_numbers(text)] == ["2019", "14", "870"]
    assert [m.text for m in find_numbers(text, [(3, 7), (9, 22)])] == ["870"]
    assert [m.text for m in find_numbers(text, [(0, len(text))])] == []


def test_with_date_mentions_as_skip_spans() -> None:
    text = "Microsoft bought the company in 1998 for $2.5 billion, 14 months ago on April 18th."
    spans = [(d.start, d.end) for d in find_dates(text, date(2023, 4, 18))]
    found = find_numbers(text, spans)
    assert [(m.text, m.value, m.unit) for m in found] == [("$2.5 billion", 2.5e9, "USD")]


COMPOUND_DURATIONS = [
    # sentence, mention text, value, unit of the smallest part
    ("The film runs 1 hour 35 minutes.", "1 hour 35 minutes", 95, "minute"),
    ("It took 2 hours and 10 minutes to reach them.", "2 hours and 10 minutes", 130, "minute"),
    ("She waited an hour and a half.", "an hour and a half", 1.5, "hour"),
    ("He was trapped for 3 days 4 hours.", "3 days 4 hours", 76, "hour"),
    ("a time of two hours, five minutes and 20 seconds", "two hours, five minutes and 20 seconds", 7520, "second"),
    ("after twenty-five minutes and 10 seconds", "twenty-five minutes and 10 seconds", 1510, "second"),
    ("He served 2 years and 3 months in prison.", "2 years and 3 months", 27, "month"),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit"), COMPOUND_DURATIONS)
def test_a_compound_duration_is_one_number_in_its_smallest_unit(text: str, mention: str, value: float, unit: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.unit) == (mention, value, unit)
    assert text[found.start : found.end] == mention


@pytest.mark.parametrize(
    "text",
    [
        "They met 3 days and 2 weeks later.",  # rising units are two numbers
        "It took 5 hours, 3 months after the crash.",  # clock and calendar time do not add up
    ],
)
def test_durations_out_of_order_stay_two_numbers(text: str) -> None:
    assert len(find_numbers(text)) == 2


def test_a_compound_duration_disagrees_with_its_parts_total_not_its_last_part() -> None:
    compound = only("The film runs 1 hour 35 minutes.")
    assert numbers_agree(compound, only("a 95-minute film"))
    assert not numbers_agree(compound, only("The film runs 106 minutes."))


# --------------------------------------------------------------------------------------------
# numbers_agree

AGREE = [
    ("about 870", "870", True),
    ("about 870 people", "870 people", True),
    ("more than 23 million", "23.5 million", True),
    ("more than 23 million", "23 million", True),
    ("more than 23 million", "22 million", False),
    ("1.8 billion", "1,800 million", True),
    ("11 percent", "about 11%", True),
    ("11 percent", "11 per cent", True),
    ("$1.8 billion", "$1.83 billion", True),  # a rounded report of the same figure
    ("$114.3 million", "$114 million", True),
    ("$42,409", "$42,400", True),
    ("870", "875", False),  # a half step is not rounding
    ("3.4", "3", False),  # rounding must keep two significant digits
    ("2.25 percent", "2.5 percent", False),
    ("over 50 people", "over 40 people", False),  # same kind of bound, different claim
    ("about $1.8 billion", "$1.83 billion", True),
    ("$1.8 billion", "about $1.83 billion", True),
    ("$1.8 billion", "$1,800 million", True),
    ("870", "880", False),
    ("about 870", "880", False),
    ("about 870", "866", True),
    ("nearly 900", "870", True),
    ("about 100", "130", False),
    ("more than 200", "less than 100", False),
    ("more than 100", "up to 150", True),
    ("at least 12", "a dozen", True),
    ("up to 50", "60", False),
    ("less than 5", "4", True),
    ("dozens", "12", True),
    ("hundreds", "3", False),  # a vague amount still has an order of magnitude
    ("billions", "millions", False),
    ("dozens", "30", True),
    ("around 870", "fewer than 870", False),
    ("over 50", "under 50", False),
    ("$5", "£5", False),
    ("A$4.56", "$4.56", False),
    ("11%", "11 percentage points", False),
    ("2nd place", "second place", True),
    ("8½ months", "eight and a half months", True),
    ("8½ months", "8 months", False),
    ("two", "three", False),
    ("about 2", "3", False),
    ("rose to 70m", "rose to 70 million", True),  # "m" after a figure may be millions
    ("a 20m wall", "a 20 million wall", True),
    ("a 20m wall", "a 30m wall", False),
    ("a 20m wall", "a 21 million wall", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), AGREE)
def test_numbers_agree(a: str, b: str, expected: bool) -> None:
    ma, mb = only(a), only(b)
    assert numbers_agree(ma, mb) is expected
    assert numbers_agree(mb, ma) is expected


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("months", "month"),
        ("countries", "country"),
        ("deaths", "death"),
        ("people", "people"),
        ("person", "people"),
        ("categories", "category"),
        ("churches", "church"),
        ("taxes", "tax"),
        ("heroes", "hero"),
        ("lives", "life"),
        ("children", "child"),
        ("crises", "crisis"),
        ("bus", "bus"),
        ("gas", "gas"),
        ("series", "series"),
        ("Ukrainians", "ukrainian"),
        ("month", "month"),
        ("gunmen", "gunman"),
        ("policemen", "policeman"),
        ("specimen", "specimen"),
        ("abdomen", "abdomen"),
    ],
)
def test_singularize(word: str, singular: str) -> None:
    assert singularize(word) == singular


# --------------------------------------------------------------------------------------------
# Properties

_VOCAB = (
    "one two a an of the dozen hundred and half million billion bn m k $ £ A$ € % percent per "
    "cent 8 8½ 1/2 1,200 2.5 2 - – to or about more than at least up several few dozens "
    "thousands tens first second twenty five 10:27 F-16 's people months years"
).split()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(_VOCAB), max_size=25).map(" ".join),
        st.lists(st.sampled_from(_VOCAB + [" "]), max_size=25).map("".join),
    ),
    st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=3),
)
def test_any_text_gives_exact_ordered_mentions(text: str, skip: list[tuple[int, int]]) -> None:
    found = find_numbers(text, skip)
    last_end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert last_end <= m.start < m.end
        last_end = m.end
        assert math.isfinite(m.value) and m.value >= 0
        assert m.qualifier in QUALIFIERS
        assert m.unit == m.unit.strip()
        for s, e in skip:
            assert m.end <= s or m.start >= e or e <= s
        assert numbers_agree(m, m)
    for a in found[:4]:
        for b in found[:4]:
            assert numbers_agree(a, b) == numbers_agree(b, a)


def test_mentions_are_frozen() -> None:
    m = only("870 people")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.value = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She was shot once in the right leg.", [("once", 1.0, "time")]),
        ("She was struck twice in the leg.", [("twice", 2.0, "time")]),
        ("He hit him twice.", [("twice", 2.0, "time")]),
        ("It happened once again.", []),
        ("The hall is twice as large.", []),
        ("He once said no.", []),
        ("The company was once a giant.", []),
        ("Once the deal is done, we go.", []),
        ("The need once arose.", []),
        ("A once-mighty empire.", []),
    ],
)
def test_once_and_twice_count_times_only_after_what_was_done(text: str, found: list) -> None:
    assert [(m.text, m.value, m.unit) for m in find_numbers(text)] == found


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,2 million women", 1_200_000.0), ("about 3,4 million before", 3_400_000.0), ("1,25 billion euros", 1_250_000_000.0),
     ("12,500 people", 12_500.0), ("$1,200 million", 1_200_000_000.0)],
)
def test_a_decimal_comma_before_a_scale_word_is_a_decimal(text: str, value: float) -> None:
    assert find_numbers(text)[0].value == value

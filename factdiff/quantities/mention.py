"""The records: :class:`NumberMention` as reported, and the raw number a parser builds before
its unit and qualifier are read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


QUALIFIERS = ("", "about", "more than", "at least", "less than", "up to")


@dataclass(frozen=True)
class NumberMention:
    """One number: ``text == source[start:end]``; see the module docstring for the fields."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str
    ordinal: bool
    vague: bool


CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY RUB UAH CNY AUD CAD CHF INR NZD HKD SGD BRL TRY PLN SEK NOK".split()
)


MEASURE_UNITS = CURRENCY_CODES | {"percent", "percentage point"}


CLOCK_UNIT = "time of day"  # followed by the time zone where one is named: "time of day edt"


def is_clock(unit: str) -> bool:
    return unit.startswith(CLOCK_UNIT)


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def is_bare_year(text: str) -> bool:
    """A figure written as a year would be ("2001" in "the Security Act 2001"): it counts nothing."""
    return bool(_YEAR.fullmatch(text.strip()))


@dataclass
class RawNumber:
    start: int
    end: int
    value: float
    unit: str = ""  # currency/percent (known at parse time)
    ordinal: bool = False
    vague: bool = False
    scaled: bool = False  # had a scale word/abbreviation
    base: Decimal | None = None  # digits value before the scale, for ranges

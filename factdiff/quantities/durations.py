"""Compound durations ("1 hour 35 minutes", "2 hours and 10 minutes", "an hour and a half",
"3 days 4 hours") read as one number in the unit of their smallest part.

Read part by part, "1 hour 35 minutes" would be the number 35 of minutes, compared with
another version's "106 minutes" as if the film ran 35 minutes; as one duration it is 95
minutes, and so it compares with "106 minutes" and "95-minute". Parts must be of one family
(clock time: week, day, hour, minute, second; calendar time: year, month) in strictly falling
order, so "3 days and 2 weeks" or "5 hours 3 months" stay two numbers.
"""

from __future__ import annotations

import re

from .mention import RawNumber
from .patterns import ONES, TEENS, TENS

# Each unit as (family, size in the family's smallest unit).
_UNITS = {
    "week": ("clock", 7 * 86400), "day": ("clock", 86400), "hour": ("clock", 3600),
    "minute": ("clock", 60), "second": ("clock", 1), "year": ("calendar", 12), "month": ("calendar", 1),
}  # fmt: skip
_SPELLINGS = {"hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second"}
_WORD_VALUES = {**ONES, **TEENS, **TENS, "a": 1, "an": 1}
_WORDS = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
_TENS = "|".join(TENS)
_ONES = "|".join(k for k in ONES if k != "zero")
_NUMBER = rf"(?:[0-9]+(?:\.[0-9]+)?|(?:{_TENS})[-\s](?:{_ONES})|{_WORDS})"
_UNIT = r"(?:weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|years?|months?)"
_PART_RE = re.compile(rf"(?P<n>{_NUMBER})\s+(?P<u>{_UNIT})\b", re.IGNORECASE)
_PLAIN = rf"{_NUMBER}\s+{_UNIT}\b"
# Two or more parts ("1 hour, 35 minutes and 20 seconds"), or one part and a half.
_COMPOUND = re.compile(
    rf"(?<![\w.,-])(?:{_PLAIN}(?:(?:\s*,\s*|\s+and\s+|\s+){_PLAIN})+|{_PLAIN}\s+and\s+a\s+half\b)",
    re.IGNORECASE,
)


def compound_durations(text: str) -> list[RawNumber]:
    """Every compound duration in ``text``, in order, as one number each."""
    found = []
    for m in _COMPOUND.finditer(text):
        parts = [(_value(p.group("n")), _unit(p.group("u"))) for p in _PART_RE.finditer(m.group())]
        families = {_UNITS[u][0] for _, u in parts}
        sizes = [_UNITS[u][1] for _, u in parts]
        if len(families) != 1 or any(a <= b for a, b in zip(sizes, sizes[1:])):
            continue
        smallest = parts[-1][1]
        total = sum(v * _UNITS[u][1] for v, u in parts) / _UNITS[smallest][1]
        if m.group().lower().endswith("half"):
            total += 0.5
        found.append(RawNumber(m.start(), m.end(), float(total), unit=smallest))
    return found


def _unit(word: str) -> str:
    w = word.lower()
    w = _SPELLINGS.get(w, w)
    return w[:-1] if w.endswith("s") else w


def _value(number: str) -> float:
    if number[0].isdigit():
        return float(number)
    return float(sum(_WORD_VALUES[w] for w in re.split(r"[-\s]+", number.lower())))

"""Date values: granularities, :class:`DateMention`, relative keys resolved against a
publication date, and whether two mentions can be the same time (by interval overlap, or for
unresolved keys over every possible publication date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache


DAY = "day"
WEEK = "week"
MONTH = "month"
SEASON = "season"
YEAR = "year"
DECADE = "decade"
#: From finest to coarsest.
GRANULARITIES = (DAY, WEEK, MONTH, SEASON, YEAR, DECADE)


@dataclass(frozen=True)
class DateMention:
    """One date expression: ``text == source[start:end]``.

    ``value`` is ISO at the stated granularity (``2023-04-18``, ``2023-W15``, ``2023-03``,
    ``2023-spring``, ``2022``, ``2020s``, a span of years ``2013/2016``) or ``None`` when a
    relative expression has no publication date to resolve against. ``key`` equals ``value``
    for absolute mentions and is a base-date independent canonical form (``rel:...``) for
    relative ones.
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str
    relative: bool
    key: str


WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


WEEKDAY_ABBR = [w[:3] for w in WEEKDAYS]  # key spelling: mon, tue, ...


SEASON_NAMES = ("spring", "summer", "autumn", "winter")
_SEASON_START_MONTH = (3, 6, 9, 12)


def same_date(a: DateMention, b: DateMention) -> bool | None:
    """Whether two mentions can denote the same time.

    True when compatible (equal, or overlapping at different granularities: 2023-04-18 and
    2023-04; 2023 and 2023-04), False when they cannot be the same time, None when undecidable.
    A relative mention without a value is never compared with an absolute one (None). When
    both are relative and at least one is unresolved they are compared by key, assuming the
    same publication date: True/False only if that holds for every possible publication date.
    """
    if _weekday(a.key) and _weekday(b.key) and _weekday(a.key) != _weekday(b.key):
        return False  # "Monday in February" / "Tuesday in February"
    if a.value is not None and b.value is not None:
        return _overlap(a.value, b.value)
    if a.relative and b.relative:
        return _compare_keys(*sorted((a.key, b.key)))
    return None


def _weekday(key: str) -> str:
    """The weekday a key names with a month ("rel:weekday-in-month:mon:2"), else ""."""
    return key.split(":")[2] if key.startswith("rel:weekday-in-month:") else ""


def granularity_of_key(key: str) -> str:
    """The granularity a key (relative or absolute) resolves to."""
    if key.startswith("rel:"):
        kind = key.split(":")[1]
        return {
            "day": DAY, "weekday": DAY, "date": DAY, "narr": DAY, "week": WEEK, "weekend": WEEK,
            "month": MONTH, "month-name": MONTH, "weekday-in-month": MONTH, "season": SEASON, "year": YEAR,
        }[kind]  # fmt: skip
    return _parse_value(key)[2]


def resolve_key(key: str, published: date) -> str | None:
    """Resolve a key against a publication date; absolute keys are returned unchanged.

    Returns None for impossible dates (``rel:date:02-29:y1`` in a non-leap year).
    """
    if not key.startswith("rel:"):
        return key
    parts = key.split(":")
    kind, arg = parts[1], parts[2]
    mod = parts[3] if len(parts) > 3 else ""
    p = published
    if kind == "narr":
        return None  # counted from the story's last date, not from the publication date
    if kind == "day":
        return (p + timedelta(days=int(arg))).isoformat()
    if kind == "week":
        return _iso_week(p + timedelta(weeks=int(arg)))
    if kind == "weekend":  # the most recent weekend: this week's on Sat/Sun, else last week's
        return _iso_week(p if p.weekday() >= 5 else p - timedelta(weeks=1))
    if kind == "month":
        y, m = divmod(p.year * 12 + p.month - 1 + int(arg), 12)
        return f"{y:04d}-{m + 1:02d}"
    if kind == "year":
        return f"{p.year + int(arg):04d}"
    if kind == "weekday":
        wd = WEEKDAY_ABBR.index(arg)
        back = (p.weekday() - wd) % 7
        if mod == "next":
            return (p + timedelta(days=(wd - p.weekday()) % 7 or 7)).isoformat()
        if mod == "last":
            return (p - timedelta(days=back or 7)).isoformat()
        return (p - timedelta(days=back)).isoformat()
    if kind == "weekday-in-month":
        m = int(parts[3])
        return f"{_month_year(m, 0, '', p):04d}-{m:02d}"
    if kind == "month-name":
        m = int(arg)
        return f"{_month_year(m, 0, mod, p):04d}-{m:02d}"
    if kind == "date":
        mm, dd = (int(x) for x in arg.split("-"))
        y = _month_year(mm, dd, mod, p)
        for _ in range(8):  # Feb 29: step to a leap year in the direction of the rule
            try:
                return date(y, mm, dd).isoformat()
            except ValueError:
                if mod.startswith("y"):
                    return None
                y += 1 if mod == "next" else -1
        return None
    if kind == "season":
        s = SEASON_NAMES.index(arg)
        cur_label = p.year - 1 if p.month < 3 else p.year
        cur = cur_label * 4 + (((p.month - 3) % 12) // 3)
        if mod == "this":
            label = p.year - 1 if (s == 3 and p.month < 3) else p.year
        else:
            if mod == "next":
                o = cur + 1 + (s - (cur + 1)) % 4
            elif mod == "last":
                o = cur - 1 - ((cur - 1 - s) % 4)
            else:
                o = cur - ((cur - s) % 4)
            label = o // 4
        return f"{label:04d}-{arg}"
    raise ValueError(f"unknown date key: {key!r}")


def shifted(value: str | None, key: str, days: int) -> tuple[str | None, str] | None:
    """A day's value and key moved by ``days`` ("the next day" after "June 17" is June 18), or
    None when the date is coarser than a day or its key cannot carry the move (a weekday a week
    or more away, a month and day moved into another year)."""
    new_value = None
    if value is not None:
        if _parse_value(value)[2] != DAY:
            return None
        new_value = (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    if not key.startswith("rel:"):
        return (new_value, new_value) if _parse_value(key)[2] == DAY and new_value else None
    parts = key.split(":")
    kind, arg, mod = parts[1], parts[2], ":".join(parts[3:])
    if kind == "day":
        return new_value, f"rel:day:{int(arg) + days}"
    if kind == "weekday" and abs(days) < 7:
        day = WEEKDAY_ABBR[(WEEKDAY_ABBR.index(arg) + days) % 7]
        return new_value, f"rel:weekday:{day}" + (f":{mod}" if mod and not days else "")
    if kind == "date":
        mm, dd = (int(x) for x in arg.split("-"))
        year = 2000 if (mm, dd) == (2, 29) else 2001  # any year that has the day
        moved = date(year, mm, dd) + timedelta(days=days)
        if moved.year != year:
            return None
        return new_value, f"rel:date:{moved.month:02d}-{moved.day:02d}" + (f":{mod}" if mod else "")
    return None


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _month_year(m: int, d: int, mod: str, p: date) -> int:
    """Year of a month (``d == 0``) or month+day given without a year, under ``mod``."""
    if mod.startswith("y"):
        return p.year + int(mod[1:])
    if mod == "last":
        return p.year if m < p.month else p.year - 1
    if mod == "next":
        return p.year if m > p.month else p.year + 1
    return p.year if (m, d) <= (p.month, p.day) else p.year - 1


@lru_cache(maxsize=16384)
def _parse_value(value: str) -> tuple[int, int, str]:
    """A value's interval as (first, last) proleptic ordinals and its granularity."""
    if len(value) == 10:
        d = date.fromisoformat(value)
        return d.toordinal(), d.toordinal(), DAY
    if value.endswith("s"):
        y0 = int(value[:4])
        return date(y0, 1, 1).toordinal(), date(y0 + 9, 12, 31).toordinal(), DECADE
    if len(value) == 4:
        y = int(value)
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal(), YEAR
    if "/" in value:  # a span of years, "2013/2016"
        first, last = value.split("/")
        return date(int(first), 1, 1).toordinal(), date(int(last), 12, 31).toordinal(), YEAR
    y = int(value[:4])
    rest = value[5:]
    if rest.startswith("W"):
        first = date.fromisocalendar(y, int(rest[1:]), 1).toordinal()
        return first, first + 6, WEEK
    if rest.isdigit():
        m = int(rest)
        first = date(y, m, 1).toordinal()
        last = (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)).toordinal() - 1
        return first, last, MONTH
    s = SEASON_NAMES.index(rest)
    sm = _SEASON_START_MONTH[s]
    first = date(y, sm, 1).toordinal()
    ey, em = (y + 1, 3) if s == 3 else (y, sm + 3)
    return first, date(ey, em, 1).toordinal() - 1, SEASON


def within(value: str, first: str, last: str) -> bool:
    """Whether an absolute value lies inside the span from one absolute value to another
    ("the 1990s" inside "between the early 1980s and early 2000s")."""
    v0, v1, _ = _parse_value(value)
    return _parse_value(first)[0] <= v0 and v1 <= _parse_value(last)[1]


def _overlap(a: str, b: str) -> bool:
    a0, a1, _ = _parse_value(a)
    b0, b1, _ = _parse_value(b)
    return a0 <= b1 and b0 <= a1


@lru_cache(maxsize=2)
def _sample_bases(long: bool) -> tuple[date, ...]:
    """Publication dates to try when comparing keys (built on first use, not at import).

    Every day of a leap year plus a non-leap January-March covers all day-of-month, month, year,
    ISO-week boundary and February 29 cases a key can depend on; a weekday against a calendar
    date ("Sunday" vs "April 16th") needs a whole 28-year cycle of weekday/date alignments.
    """
    if long:
        return tuple(date(2001, 1, 1) + timedelta(days=i) for i in range(28 * 365 + 7))
    return tuple(date(2024, 1, 1) + timedelta(days=i) for i in range(366)) + tuple(
        date(2023, 1, 1) + timedelta(days=i) for i in range(90)
    )


_WEEKDAY_KINDS = frozenset({"weekday", "week", "weekend"})
_CALENDAR_KINDS = frozenset({"date", "month-name", "season", "month", "year"})


@lru_cache(maxsize=4096)
def _compare_keys(a: str, b: str) -> bool | None:
    """Compare two keys (at least one relative) over every possible publication date."""
    if a == b:
        return True
    kinds = {k.split(":")[1] if k.startswith("rel:") else "date" for k in (a, b)}
    long = bool(kinds & _WEEKDAY_KINDS) and bool(kinds & _CALENDAR_KINDS)
    seen: set[bool] = set()
    for base in _sample_bases(long):
        va, vb = resolve_key(a, base), resolve_key(b, base)
        if va is None or vb is None:
            continue
        seen.add(_overlap(va, vb))
        if len(seen) > 1:
            return None
    return seen.pop() if seen else None

"""Find date mentions in news text and normalize them to comparable ISO values.

Regex-based on purpose (no spaCy, no dateparser): it must be fast, deterministic and keep the
*granularity* a version actually stated, because "in March" vs "on March 17" is a rewording,
not a disagreement.

Resolution rules (news is written in the past tense, so the default is backwards):

* weekday names resolve to the most recent such day on or before the publication date; with
  "next"/"this coming"/"upcoming"/"coming" the first such day after it; with "last"/"this past"
  the most recent one strictly before it;
* a month name without a year resolves to the most recent such month on or before the
  publication month ("in April" in April 2023 is 2023-04, "in May" is 2022-05); "last <month>"
  to the most recent one strictly before the publication month; "next <month>" to the first one
  after it; "<month> last year"/"this year"/"next year" to that month of that year;
* a month and day without a year ("April 18th", "Sunday April 16th") resolves to the most
  recent such date on or before the publication date; a weekday next to a date is ignored;
* "today", "tonight", "this morning", "yesterday", "last night", "tomorrow", "the day before
  yesterday"; "N days/weeks/months/years/decades ago"; "in N years"; "last/this/next
  week|month|year" (optionally preceded by early/late/earlier/later) and "over the weekend";
  an early/late/mid qualifier is kept in the mention's text but never changes the value;
* seasons are supported at ``season`` granularity (meteorological, northern hemisphere:
  spring = Mar-May, summer = Jun-Aug, autumn = Sep-Nov, winter = Dec-Feb, labelled with the year
  its December falls in): "in the spring"/"over the winter" resolve to the most recent such
  season that has started by the publication date, "last spring" to the one before the current
  season, "next spring" forward, "this spring" to the one labelled with the publication year
  (in January/February "this winter" is the current winter); "spring 2022" is absolute;
* bare years (1900-2099) only count in a date-ish context (after in/since/by/until/before/
  after/of/from/to/during/through/between/early/late/mid, before "'s", or next to a month name)
  and never when a plural noun follows ("in 2000 stores"); decades "1990s" are ``decade``.

Durations ("for 14 months", "two months of fighting", "the last year") are never dates. Time of
day, numeric dates such as 4/18/2023, and holidays ("Good Friday") are ignored.

A relative mention's ``key`` (``rel:month:-1``, ``rel:weekday:tue``, ``rel:month-name:9``,
``rel:date:04-16``...) does not depend on the publication date, so two versions whose dates are
unknown can still be compared (:func:`same_date`); :func:`resolve_key` turns a key into a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "DAY",
    "DECADE",
    "GRANULARITIES",
    "MONTH",
    "SEASON",
    "WEEK",
    "YEAR",
    "DateMention",
    "find_dates",
    "granularity_of_key",
    "resolve_key",
    "same_date",
]

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
    ``2023-spring``, ``2022``, ``2020s``) or ``None`` when a relative expression has no
    publication date to resolve against. ``key`` equals ``value`` for absolute mentions and is a
    base-date independent canonical form (``rel:...``) for relative ones.
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str
    relative: bool
    key: str


# --------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_MONTHS: dict[str, int] = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ALL_MONTHS = {**_MONTHS, **_MONTH_ABBR}
# Month names that are also common words or names: only dates with a day/year or in a date-ish
# context (preposition, last/next/this, early/late/mid, or a list of months).
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY_INDEX = {name: i for i, name in enumerate(_WEEKDAYS)}
_WEEKDAY_ABBR = [w[:3] for w in _WEEKDAYS]  # key spelling: mon, tue, ...

_SEASONS = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}
_SEASON_NAMES = ("spring", "summer", "autumn", "winter")
_SEASON_START_MONTH = (3, 6, 9, 12)

_UNIT_WORDS = "day week weekend month year decade".split()
_PART_OF_DAY = "night morning afternoon evening".split()
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_COUNT = (
    rf"[0-9]{{1,4}}|(?:{_TENS})(?:[\s-](?:{_UNITS_1_9}))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|an|a"
)

# --------------------------------------------------------------------------------------------
# Regexes (compiled once at import)

_I = re.IGNORECASE
_MONTH_ALT = "|".join(sorted(_ALL_MONTHS, key=len, reverse=True))
_MONTH_RE = rf"(?:{_MONTH_ALT})\b\.?"
_YEAR_RE = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9])"
_DAYNUM_RE = r"[0-3]?[0-9](?:st|nd|rd|th)?(?![0-9])"

# One cheap token pass finds candidate anchors (a big alternation regex is several times slower).
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_ANCHOR_WORDS = frozenset(
    list(_ALL_MONTHS) + _WEEKDAYS + list(_DAY_WORDS) + [u + "s" for u in _UNIT_WORDS]
    + _UNIT_WORDS + _PART_OF_DAY + list(_SEASONS)
)  # fmt: skip
_CANDIDATE_FORMS = frozenset(f for w in _ANCHOR_WORDS for f in (w, w.title(), w.upper()))

_ISO = re.compile(r"(1[0-9]{3}|20[0-9]{2})-([01][0-9])(?:-([0-3][0-9]))?(?![0-9]|-[0-9])")
# "17 March 2022", "17th of March, 2022", "18 April"
_DMY = re.compile(
    rf"(?P<d>{_DAYNUM_RE})(?:\s+of)?\s+(?P<m>{_MONTH_RE})(?:\s?,?\s+(?P<y>{_YEAR_RE}))?", _I
)
# "March 17, 2022", "Apr. 17", "April 18th"
_MDY = re.compile(rf"(?P<m>{_MONTH_RE})\s+(?P<d>{_DAYNUM_RE})(?:\s?,?\s+(?P<y>{_YEAR_RE}))?", _I)
# "March 2022", "March of 2022", "Mar. 2022"
_MY = re.compile(rf"(?P<m>{_MONTH_RE}),?(?:\s+of)?\s+(?P<y>{_YEAR_RE})", _I)
_YEAR_SUFFIX = re.compile(r"(?:,?\s+of)?,?\s+(?P<w>last|this|next)\s+year\b", _I)
_DECADE = re.compile(r"(1[0-9]|20)[0-9]0['’]?s\b")
_WEEKDAY_DATE_GAP = re.compile(r",?\s+(?:the\s+)?")
_SEASON_YEAR = re.compile(rf"(?:\s+of)?\s+(?P<y>{_YEAR_RE})(?:[-/–][0-9]{{2,4}}\b)?", _I)
_OF_AFTER = re.compile(r"\s+of\b", _I)
_AGO_AFTER = re.compile(r"\s+ago\b", _I)
_TIME_AFTER = re.compile(r"['’]?\s+time\b", _I)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_PREV_WORD = re.compile(r"(\w+)[ \t]+\Z")

# Look-backs: searched in text[s-window:s], anchored at the anchor's start with \Z.
_LB_QUAL = re.compile(r"\b(?P<q>early|late|earlier|later|mid)(?:\s+|-)\Z", _I)
_LB_MID = re.compile(r"\b(?P<q>early|late|mid)(?:\s*-\s*|\s+)\Z", _I)
_LB_MOD = re.compile(
    r"\b(?P<mod>this\s+coming|this\s+past|last|next|this|upcoming|coming)\s+\Z", _I
)
_LB_THE = re.compile(r"\b(?:the|a|an|that|each|every|of\s+the)\s+\Z", _I)
_LB_PREP = re.compile(
    r"\b(?:in|since|by|until|till|through|throughout|during|from|to|of|before|after|between"
    r"|around|on|into|for|last|next|this|coming|upcoming|past|early|late|earlier|later|mid"
    r"|each|every|end|start|beginning|middle)(?:\s+the)?(?:\s+|-)\Z",
    _I,
)
_LB_MONTH_LIST = re.compile(
    rf"\b{_MONTH_RE}(?:\s+[0-9]{{1,2}})?,?\s*(?:and|or|to|through|until|-|–|,)\s*\Z", _I
)
_LB_YEAR_PREP = re.compile(
    r"\b(?:in|since|by|until|till|before|after|of|from|to|during|through|throughout|between"
    r"|circa|around|early|late|mid|fiscal|year)(?:\s*-\s*|\s+)\Z",
    _I,
)
_LB_YEAR_LIST = re.compile(r"[0-9]{4}s?\s*(?:,|and|or|to|-|–|through|until)\s*\Z", _I)
_LB_COUNT = re.compile(rf"(?<![\w.,/½¼¾-])(?P<n>{_COUNT})(?:\s+|-)\Z", _I)
_LB_IN_COUNT = re.compile(rf"\bin\s+(?P<n>{_COUNT})\s+\Z", _I)
_LB_DURATION_CUE = re.compile(
    r"\b(?:first|last|highest|lowest|biggest|largest|smallest|fastest|slowest|best|worst"
    r"|strongest|weakest|deadliest|longest|shortest|most|least|ever|time|times|once|only"
    r"|record|sharpest|steepest)\b[^.;:!?]{0,30}\Z",
    _I,
)
_LB_WEEKEND = re.compile(r"\b(?:over|during|at|on|across|through|throughout)\s+the\s+\Z", _I)
_LB_DAY_BEFORE = re.compile(r"\bthe\s+day\s+(?P<w>before|after)\s+\Z", _I)
_LB_PART_OF_DAY = re.compile(r"\b(?P<w>this|last)\s+\Z", _I)
_LB_SEASON = re.compile(
    r"\b(?:(?P<q1>early|late)\s+)?(?P<mod>this\s+coming|this\s+past|last|next|this|coming"
    r"|upcoming)\s+(?:(?P<q2>early|late)\s+)?\Z",
    _I,
)
_LB_SEASON_PREP = re.compile(
    r"\b(?:in|over|during|through|throughout|since|until|by|before|after|into|for)"
    r"\s+(?:the\s+)?(?:(?:early|late|mid)(?:\s+|-))?\Z",
    _I,
)
_LB_NOT_WEEKDAY = re.compile(
    r"\b(?:good|black|super|bloody|easter|palm|ash|holy|maundy|cyber|shrove|giving|whit)\s+\Z",
    _I,
)
_NOT_WEEKDAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Independent|Tribune|Sport"
    r"|People|Night\s+Live|Service|School|Roast|Best)\b"
)
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“”‘'(\[—–-])\s*\Z")

_WINDOW = 48

# Plural nouns after a bare year mean it is a count ("in 2000 stores"); these words end in -s
# but are not such nouns.
_NOT_PLURAL_NOUNS = frozenset(
    "this thus plus always perhaps whereas besides sometimes afterwards towards across its his "
    "has was is as us yes unless".split()
)


# --------------------------------------------------------------------------------------------
# Public API


def find_dates(text: str, published: date | None = None) -> tuple[DateMention, ...]:
    """Return the date mentions in ``text`` in order, non-overlapping.

    Relative mentions are resolved against ``published``; without it their ``value`` is None.
    """
    out: list[DateMention] = []
    pos = 0
    tokens = _TOKEN.finditer(text)
    for tm in [m for m in tokens if (t := m.group()) in _CANDIDATE_FORMS or t[0] in "0123456789"]:
        s, e = tm.span()
        if s < pos:
            continue
        prev = text[s - 1] if s else " "
        if prev.isalnum() or prev == "_":
            continue
        tok = tm.group()
        if "0" <= tok[0] <= "9":
            if prev in ".,/:":
                continue
            found = _at_number(text, s, e, out)
        else:
            w = tok.lower()
            if (e < len(text) and (text[e].isalnum() or text[e] == "_")):
                continue
            found = _at_word(text, s, e, w, out)
        if found is None or found[0] < pos:
            continue
        start, end, key, gran = found
        relative = key.startswith("rel:")
        value = key if not relative else resolve_key(key, published) if published else None
        out.append(DateMention(start, end, text[start:end], value, gran, relative, key))
        pos = end
    return tuple(out)


def same_date(a: DateMention, b: DateMention) -> bool | None:
    """Whether two mentions can denote the same time.

    True when compatible (equal, or overlapping at different granularities: 2023-04-18 and
    2023-04; 2023 and 2023-04), False when they cannot be the same time, None when undecidable.
    A relative mention without a value is never compared with an absolute one (None). When
    both are relative and at least one is unresolved they are compared by key, assuming the
    same publication date: True/False only if that holds for every possible publication date.
    """
    if a.value is not None and b.value is not None:
        return _overlap(a.value, b.value)
    if a.relative and b.relative:
        return _compare_keys(*sorted((a.key, b.key)))
    return None


def granularity_of_key(key: str) -> str:
    """The granularity a key (relative or absolute) resolves to."""
    if key.startswith("rel:"):
        kind = key.split(":")[1]
        return {
            "day": DAY, "weekday": DAY, "date": DAY, "week": WEEK, "weekend": WEEK,
            "month": MONTH, "month-name": MONTH, "season": SEASON, "year": YEAR,
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
        wd = _WEEKDAY_ABBR.index(arg)
        back = (p.weekday() - wd) % 7
        if mod == "next":
            return (p + timedelta(days=(wd - p.weekday()) % 7 or 7)).isoformat()
        if mod == "last":
            return (p - timedelta(days=back or 7)).isoformat()
        return (p - timedelta(days=back)).isoformat()
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
        s = _SEASON_NAMES.index(arg)
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


# --------------------------------------------------------------------------------------------
# Helpers: resolution and comparison


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
    s = _SEASON_NAMES.index(rest)
    sm = _SEASON_START_MONTH[s]
    first = date(y, sm, 1).toordinal()
    ey, em = (y + 1, 3) if s == 3 else (y, sm + 3)
    return first, date(ey, em, 1).toordinal() - 1, SEASON


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


# --------------------------------------------------------------------------------------------
# Helpers: scanning

_Found = tuple[int, int, str, str]  # start, end, key, granularity


def _lb(rx: re.Pattern[str], text: str, s: int) -> re.Match[str] | None:
    return rx.search(text, max(0, s - _WINDOW), s)


def _sentence_initial(text: str, s: int) -> bool:
    return _SENTENCE_START.search(text, max(0, s - 4), s) is not None


def _with_qualifier(text: str, s: int) -> int:
    """Extend a mention's start over a preceding early/late/mid qualifier."""
    q = _LB_QUAL.search(text, max(0, s - 12), s)
    return q.start() if q else s


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _month_of(token: str) -> int:
    return _ALL_MONTHS[token.rstrip(".").lower()]


def _day_of(token: str) -> int:
    return int(token.rstrip("stndrh").rstrip("STNDRH") or 0)


def _capitalized(text: str, s: int) -> bool:
    return text[s].isupper()


def _date_key(m: int, d: int, y: str | None, text: str, end: int) -> tuple[str, int] | None:
    """Key and end of a month+day date (absolute if it has a year)."""
    if y is not None:
        if not _valid_day(int(y), m, d):
            return None
        return f"{int(y):04d}-{m:02d}-{d:02d}", end
    if not _valid_day(2024, m, d):  # 2024 is a leap year: accepts Feb 29
        return None
    suffix = _YEAR_SUFFIX.match(text, end)
    if suffix:
        off = {"last": -1, "this": 0, "next": 1}[suffix.group("w").lower()]
        return f"rel:date:{m:02d}-{d:02d}:y{off}", suffix.end()
    return f"rel:date:{m:02d}-{d:02d}", end


def _day_month_at(text: str, s: int) -> tuple[int, str] | None:
    """Parse "March 17, 2022" or "17 March 2022" at ``s``; returns (end, key)."""
    mm = _MDY.match(text, s)
    if mm and _capitalized(text, mm.start("m")):
        r = _date_key(_month_of(mm.group("m")), _day_of(mm.group("d")), mm.group("y"), text, mm.end())
        if r:
            return r[1], r[0]
    md = _DMY.match(text, s)
    if md and _capitalized(text, md.start("m")):
        r = _date_key(_month_of(md.group("m")), _day_of(md.group("d")), md.group("y"), text, md.end())
        if r:
            return r[1], r[0]
    return None


def _at_number(text: str, s: int, e: int, out: list[DateMention]) -> _Found | None:
    digits = text[s:e]
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        if not _LB_MID.search(text, max(0, s - 8), s):
            return None  # F-16, COVID-19
    iso = _ISO.match(text, s)
    if iso:
        y, m, d = iso.group(1), int(iso.group(2)), iso.group(3)
        if d is None:
            if 1 <= m <= 12:
                return s, iso.end(), f"{y}-{m:02d}", MONTH
        elif _valid_day(int(y), m, int(d)):
            return s, iso.end(), f"{y}-{m:02d}-{int(d):02d}", DAY
        return None
    if len(digits) <= 2:
        r = _day_month_at(text, s)
        if r:
            return s, r[0], r[1], DAY
        return None
    dec = _DECADE.match(text, s)
    if dec and len(digits) == 4:
        return _with_qualifier(text, s), dec.end(), f"{digits[:3]}0s", DECADE
    if len(digits) != 4 or not ("1900" <= digits <= "2099"):
        return None
    after = text[e : e + 1]
    if after.isalnum() or (after in ",." and text[e + 1 : e + 2].isdigit()) or after == "%":
        return None
    nxt = _NEXT_WORD.match(text, e)
    if nxt:
        w = nxt.group(1)
        if (
            w.islower() and len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _NOT_PLURAL_NOUNS
        ):
            return None  # "in 2000 stores"
    context = (
        _lb(_LB_YEAR_PREP, text, s) is not None
        or _POSSESSIVE_AFTER.match(text, e) is not None
        or (_LB_YEAR_LIST.search(text, max(0, s - 16), s) is not None and out and out[-1].end >= s - 16)
    )
    if not context:
        return None
    return _with_qualifier(text, s), e, digits, YEAR


def _at_word(text: str, s: int, e: int, w: str, out: list[DateMention]) -> _Found | None:
    if w in _ALL_MONTHS:
        return _at_month(text, s, e, w, out)
    if w in _WEEKDAY_INDEX:
        return _at_weekday(text, s, e, w)
    if w in _DAY_WORDS:
        return _at_day_word(text, s, e, w)
    if w in _SEASONS:
        return _at_season(text, s, e, w)
    if w in _PART_OF_DAY:
        lb = _LB_PART_OF_DAY.search(text, max(0, s - 8), s)
        if lb is None or (w != "night" and lb.group("w").lower() == "last"):
            return None
        if _LB_THE.search(text, max(0, lb.start() - 8), lb.start()):
            return None
        return lb.start(), e, "rel:day:-1" if lb.group("w").lower() == "last" else "rel:day:0", DAY
    return _at_unit(text, s, e, w)


def _at_month(text: str, s: int, e: int, w: str, out: list[DateMention]) -> _Found | None:
    if not _capitalized(text, s):
        return None
    r = _day_month_at(text, s)
    if r:
        return s, r[0], r[1], DAY
    my = _MY.match(text, s)
    if my:
        return _with_qualifier(text, s), my.end(), f"{int(my.group('y')):04d}-{_month_of(w):02d}", MONTH
    if w in _MONTH_ABBR and w not in _MONTHS:
        return None  # "Jan" alone is a name, not a date
    month = _MONTHS[w]
    end = e
    start = _with_qualifier(text, s)
    mod_m = _lb(_LB_MOD, text, start)
    context = mod_m is not None or start != s or _lb(_LB_PREP, text, s) is not None
    if not context and out and out[-1].end >= s - 24:  # "in March and May"
        context = _LB_MONTH_LIST.search(text, max(0, s - 24), s) is not None
    if not context:
        if w in _AMBIGUOUS_MONTHS:
            return None
        nxt = _NEXT_WORD.match(text, e)
        if nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() not in _ALL_MONTHS:
            return None  # "April Ryan", "June Carter"
    suffix = _YEAR_SUFFIX.match(text, e)
    if suffix:
        off = {"last": -1, "this": 0, "next": 1}[suffix.group("w").lower()]
        return start, suffix.end(), f"rel:month-name:{month}:y{off}", MONTH
    if mod_m is not None:
        mod = mod_m.group("mod").lower().split()
        kind = {"last": "last", "past": "last", "next": "next", "coming": "next", "upcoming": "next"}
        suffix_mod = ":y0" if mod == ["this"] else ":" + kind[mod[-1]]
        return mod_m.start(), end, f"rel:month-name:{month}{suffix_mod}", MONTH
    return start, end, f"rel:month-name:{month}", MONTH


def _at_weekday(text: str, s: int, e: int, w: str) -> _Found | None:
    if not _capitalized(text, s):
        return None
    if _LB_NOT_WEEKDAY.search(text, max(0, s - 10), s) or _NOT_WEEKDAY_AFTER.match(text, e):
        return None
    gap = _WEEKDAY_DATE_GAP.match(text, e)
    if gap and gap.end() > e:
        r = _day_month_at(text, gap.end())
        if r:
            return _with_qualifier(text, s), r[0], r[1], DAY
    start = _with_qualifier(text, s)
    mod_m = _lb(_LB_MOD, text, start)
    mod = ""
    if mod_m is not None:
        words = mod_m.group("mod").lower().split()
        if words[-1] not in ("coming", "upcoming") and _LB_THE.search(
            text, max(0, mod_m.start() - 8), mod_m.start()
        ):
            return None  # "the last Tuesday of the month", "the next Tuesday"
        mod = {"last": ":last", "past": ":last", "next": ":next", "coming": ":next",
               "upcoming": ":next", "this": ""}[words[-1]]  # fmt: skip
        start = mod_m.start()
        q = _LB_QUAL.search(text, max(0, start - 12), start)
        if q:
            start = q.start()
    return start, e, f"rel:weekday:{_WEEKDAY_ABBR[_WEEKDAY_INDEX[w]]}{mod}", DAY


def _at_day_word(text: str, s: int, e: int, w: str) -> _Found | None:
    if _capitalized(text, s) and not text[s:e].isupper() and not _sentence_initial(text, s):
        prev = _PREV_WORD.search(text, max(0, s - 30), s)
        if prev and prev.group(1)[0].isupper():
            return None  # "USA Today", "Russia Today"
    off = _DAY_WORDS[w]
    start = s
    if w in ("yesterday", "tomorrow"):
        lb = _LB_DAY_BEFORE.search(text, max(0, s - 20), s)
        if lb is not None:
            before = lb.group("w").lower() == "before"
            if before == (w == "yesterday"):
                off = off * 2
                start = lb.start()
    if start == s:
        q = _LB_QUAL.search(text, max(0, s - 12), s)
        if q and q.group("q").lower() in ("early", "late"):
            start = q.start()
    return start, e, f"rel:day:{off}", DAY


def _at_season(text: str, s: int, e: int, w: str) -> _Found | None:
    name = _SEASON_NAMES[_SEASONS[w]]
    after_year = _SEASON_YEAR.match(text, e)
    if after_year:
        return _with_qualifier(text, s), after_year.end(), f"{int(after_year.group('y')):04d}-{name}", SEASON
    if _OF_AFTER.match(text, e):
        return None  # "the fall of Bakhmut"
    lb = _lb(_LB_SEASON, text, s)
    if lb is not None:
        if _LB_THE.search(text, max(0, lb.start() - 8), lb.start()):
            return None
        words = lb.group("mod").lower().split()
        mod = {"last": ":last", "past": ":last", "next": ":next", "coming": ":next",
               "upcoming": ":next", "this": ":this"}[words[-1]]  # fmt: skip
        return lb.start(), e, f"rel:season:{name}{mod}", SEASON
    if _lb(_LB_SEASON_PREP, text, s) is not None:
        return _with_qualifier(text, s), e, f"rel:season:{name}", SEASON
    return None


def _count_value(token: str) -> int | None:
    t = " ".join(token.lower().replace("-", " ").split())
    if t.isdigit():
        return int(t)
    total = 0
    for part in t.split():
        if part not in _SMALL_NUMBERS:
            return None
        total += _SMALL_NUMBERS[part]
    return total


def _at_unit(text: str, s: int, e: int, w: str) -> _Found | None:
    plural = w.endswith("s")
    base = w[:-1] if plural else w
    if base not in _UNIT_WORDS:
        return None
    ago = _AGO_AFTER.match(text, e)
    if ago:
        if base == "weekend":
            return None
        lb = _LB_COUNT.search(text, max(0, s - 24), s)
        if lb is None:
            return None
        tok = lb.group("n").lower()
        n = _count_value(tok)
        if not n or n > 5000 or (n > 1 and not plural) or (tok in ("a", "an") and plural):
            return None
        key = {
            "day": f"rel:day:{-n}",
            "week": f"rel:week:{-n}",
            "month": f"rel:month:{-n}",
            "year": f"rel:year:{-n}",
            "decade": f"rel:year:{-10 * n}",
        }[base]
        return lb.start("n"), ago.end(), key, granularity_of_key(key)
    if not plural and base in ("week", "weekend", "month", "year"):
        mod_m = _lb(_LB_MOD, text, s)
        if mod_m is not None:
            if _LB_THE.search(text, max(0, mod_m.start() - 10), mod_m.start()):
                return None  # "the last year": a duration
            word = mod_m.group("mod").lower().split()
            off = {"last": -1, "past": -1, "next": 1, "coming": 1, "upcoming": 1, "this": 0}[word[-1]]
            if word[-1] in ("coming", "upcoming") and len(word) == 1:
                return None  # "the coming year": a duration
            start = mod_m.start()
            q = _LB_QUAL.search(text, max(0, start - 12), start)
            if q and q.group("q").lower() != "mid":
                start = q.start()
            unit = "week" if base == "weekend" else base
            return start, e, f"rel:{unit}:{off}", granularity_of_key(f"rel:{unit}:0")
        if base == "weekend":
            lb = _LB_WEEKEND.search(text, max(0, s - 24), s)
            if lb is not None:
                return lb.start(), e, "rel:weekend:past", WEEK
        return None
    if plural and base == "year":
        lb = _LB_IN_COUNT.search(text, max(0, s - 24), s)
        if lb is None or lb.group("n").lower() in ("a", "an"):
            return None
        if _LB_DURATION_CUE.search(text, max(0, lb.start() - 40), lb.start()):
            return None  # "the first time in 20 years": a duration
        n = _count_value(lb.group("n"))
        if not n or n > 1000:
            return None
        end = e
        t = _TIME_AFTER.match(text, e)
        if t:
            end = t.end()
        return lb.start(), end, f"rel:year:{n}", YEAR
    return None

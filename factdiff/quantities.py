"""Find numbers in news text and normalize them for comparison across versions.

Regex-based for speed and control. A mention's ``text`` covers the number itself with its
currency sign, scale word and percent sign ("$1.8 billion", "11 per cent", "eight and a half");
the qualifier ("about") and the counted noun are reported separately, not included.

Rules:

* values: digits with thousands commas and decimals, unicode and "8 1/2" fractions,
  "8-and-a-half"; number words ("twenty-five", "a hundred", "one hundred and twenty",
  "a dozen", "two dozen", "half a million"); scale words and abbreviations ("2.5 billion",
  "$2.5bn", "£5m": ``m``/``k``/``b`` stuck to digits are scales after a currency sign, and
  ``m`` also before a plural noun, "8m refugees"; otherwise "100m" is 100 with unit ``m``);
* ``unit`` is ``percent``/``percentage point``, an ISO currency code (``USD``, ``GBP``, ``EUR``,
  ``AUD``..., from a sign, a code or a currency word after the number), or the counted noun:
  the first word after the number, skipping "of (the)" and up to two modifiers (adjective-like
  words: a short list, hyphenated words, typical adjective suffixes, capitalized words before
  another noun), lowercased and singularized with simple rules ("person" and "people" are both
  ``people``); "" if no noun follows;
* ``qualifier`` is "", "about" (about, around, roughly, approximately, some, nearly, almost,
  close to, an estimated), "more than" (more than, over, above, upwards of, in excess of),
  "at least" (also no fewer/less than), "less than" (less than, under, below, fewer than) or
  "up to" (also no more than, as many as);
* ordinals ("2nd", "second", "twenty-first") have ``ordinal`` True; "second" is skipped when it
  is clearly the time unit and "first" after "at" or capitalized mid-sentence ("First Lady");
* vague amounts ("dozens", "hundreds of thousands", "several", "a few", "numerous",
  "scores") have ``vague`` True and their lower bound as value; they never conflict;
* "one" is not a number in pronoun use: before of/another/'s or nothing, after
  the/this/that/which/no/any/every/each/such; number words capitalized mid-sentence are names
  ("World War Two", "Formula One");
* times of day ("1:34 PM", "13:34", "10am") have unit ``time of day`` (``time of day edt`` where
  a zone follows) and as value the minutes on a twelve-hour dial (a time given without am/pm is
  not taken for another);
* not numbers: digits glued to letters (MH17, F-16, COVID-19, 5G, 1990s), slashes (24/7, 9/11,
  1/2 on its own), fractions ("two-thirds", "a third of"), digit strings
  longer than 15 digits;
* in ranges ("10-15 million", "$10 to $15 million", "10 to 15 people") the scale, currency and
  unit are shared between both ends.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["CLOCK_UNIT", "MEASURE_UNITS", "TIME_ZONE", "is_clock", "QUALIFIERS", "NumberMention", "find_numbers", "numbers_agree", "singularize"]

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


# --------------------------------------------------------------------------------------------
# Vocabulary

_CURRENCY_SIGNS = {
    "US$": "USD", "AU$": "AUD", "A$": "AUD", "CA$": "CAD", "C$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "₽": "RUB", "₴": "UAH",
}  # fmt: skip
_CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY RUB UAH CNY AUD CAD CHF INR NZD HKD SGD BRL TRY PLN SEK NOK".split()
)
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "sterling": "GBP", "yen": "JPY", "rouble": "RUB",
    "ruble": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnya": "UAH", "yuan": "CNY",
    "renminbi": "CNY", "rupee": "INR",
}  # fmt: skip
_DOLLAR_ADJ = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "singaporean": "SGD", "zealand": "NZD", "kong": "HKD",
}  # fmt: skip
MEASURE_UNITS = _CURRENCY_CODES | {"percent", "percentage point"}

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ONES_TEENS_TENS = frozenset(_ONES) | frozenset(_TEENS) | frozenset(_TENS)
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_ABBR = {"bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12, "mn": 10**6, "mln": 10**6}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 10**6,
}  # fmt: skip
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375,
           "⅝": 0.625, "⅞": 0.875}  # fmt: skip
_VAGUE_BASE = {
    "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6,
    "billions": 2 * 10**9, "scores": 40, "tens": 20, "several": 3, "few": 2, "couple": 2,
    "handful": 2, "numerous": 2,
}  # fmt: skip

_QUALIFIER_WORDS = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "approx.": "about", "some": "about", "nearly": "about", "almost": "about",
    "close to": "about", "an estimated": "about", "estimated": "about",
    "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "in excess of": "more than", "just over": "more than",
    "well over": "more than", "well above": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "less than": "less than", "under": "less than", "below": "less than",
    "fewer than": "less than", "just under": "less than", "well under": "less than",
    "well below": "less than",
    "up to": "up to", "no more than": "up to", "as many as": "up to", "as much as": "up to",
}  # fmt: skip

# Words after a number that are not the counted noun.
_STOP = frozenset(
    """a an the of in on at to for from by with and or but nor as than that which who whom whose
    were was is are be been being has have had will would could should may might can must do
    does did said says say told per each this these those it its they them their he him his
    she her we us our you your i not no so if when while after before since until during over
    under about into out up down off also only just all both then there here where what how
    why more less most least percent cent pct ago later earlier yet already still again too
    very such vs versus v""".split()
)
_ADJ = frozenset(
    """other more new old additional extra further major minor senior junior top young elderly
    key main separate different former current local foreign big large small heavy light long
    short high low full whole entire consecutive successive previous recent straight such
    dead live many few same last next""".split()
)
_ADJ_SUFFIXES = ("al", "ian", "ese", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary",
                 "ed", "ish", "ern")  # fmt: skip
_DETERMINERS = frozenset("the these those its their his her our them your my".split())
_ONE_PRONOUN_BEFORE = frozenset(
    "the this that which no any every each such someone anyone".split()
)
_ONE_HYPHEN_UNITS = frozenset("year month week day hour minute mile kilometre kilometer".split())
_ONE_PRONOUN_AFTER = frozenset("of another other's 's who whom which that".split())
_NOT_PLURAL = frozenset(
    "this thus plus always perhaps whereas besides sometimes afterwards towards across its his "
    "has was is as us yes unless news series species means gas bus".split()
)
_IRREGULAR_SINGULAR = {
    "people": "people", "person": "people", "persons": "people", "men": "man",
    "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife", "halves": "half",
    "thieves": "thief", "leaves": "leaf", "police": "police", "staff": "staff",
    "criteria": "criterion", "phenomena": "phenomenon", "data": "data", "media": "media",
    "series": "series", "species": "species", "news": "news", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "cases": "case", "troops": "troop",
}  # fmt: skip
_ATTACHED_UNITS = frozenset(
    "km kg cm mm mph kph kmh ft lb lbs mw gw kw kwh mwh gwh twh bpd sq".split()
)

# --------------------------------------------------------------------------------------------
# Regexes

_I = re.IGNORECASE
_VULGAR_CHARS = "".join(_VULGAR)
_NUM_WORDS = sorted(
    list(_ONES) + list(_TEENS) + list(_TENS) + list(_SCALES) + list(_ORDINALS)
    + ["hundred", "dozen", "half"],
    key=len, reverse=True,
)  # fmt: skip
_VAGUE_WORDS = sorted(_VAGUE_BASE, key=len, reverse=True)

# One cheap token pass finds candidate starts (a big alternation regex is several times slower).
_TOKEN = re.compile(rf"[0-9]+|[A-Za-z]+|[$£€¥₹₽₴{_VULGAR_CHARS}]")
_ANCHOR_WORDS = frozenset(_NUM_WORDS) | frozenset(_VAGUE_WORDS)
# Exact token forms worth a closer look (case variants spelled out: no per-token lower()).
_CANDIDATE_FORMS = frozenset(
    f for w in _ANCHOR_WORDS | {"a", "an"} for f in (w, w.title(), w.upper())
) | _CURRENCY_CODES
_CANDIDATE_FIRST = frozenset("0123456789" + "".join(_CURRENCY_SIGNS) + _VULGAR_CHARS)
_ARTICLE_AHEAD = re.compile(
    r"\s+(?:few|couple|handful|dozen|hundred|thousand|million|billion|trillion)\b", _I
)
_SIGN_PREFIX = re.compile(r"(?<![A-Za-z0-9])(?:US|AU|A|CA|C|NZ|HK|S|R)\Z")
_SIGN_AHEAD = re.compile(r"\s?[0-9]")
_DIGITS = re.compile(
    rf"(?P<int>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])|[0-9]+)(?P<dec>\.[0-9]+)?"
    rf"(?:(?P<vf>\s?[{_VULGAR_CHARS}])|(?P<mix>\s+(?P<fn>[1-7])/(?P<fd>[2348])(?![0-9/]))"
    r"|(?P<half>(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b))?",
    _I,
)
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", _I)
_SCALE = re.compile(
    r"\s?-?(?P<abbr>bn|bln|tn|trn|mln|mn)\b|(?:\s+|-)(?P<word>thousand|million|billion|trillion|dozen)\b"
    r"|(?P<short>[mkb])\b",
    _I,
)
_PERCENT = re.compile(
    r"\s?(?P<pct>%|percent\b|per\s+cent\b|pct\b)|\s+(?P<pp>percentage[\s-]points?\b)", _I
)
_TIME_OR_SLASH = re.compile(r"[0-9]{1,2}:[0-9]{2}|[0-9]+/[0-9]")
# A time of day: "1:34 PM", "13:34", "5pm", "10 a.m."; not "2:03:59" (a race time).
_CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-5][0-9])(?![0-9:]))?(?P<half>\s?(?:a\.m\.|p\.m\.|am\b|pm\b))?", _I
)
TIME_ZONE = re.compile(r"(?P<zone>(?:[A-Z]{1,4}T|UTC|GMT)\b|(?:local|[A-Z][a-z]+)\s+time\b)")
_GAP = re.compile(r"\s+")
CLOCK_UNIT = "time of day"  # followed by the time zone where one is named: "time of day edt"


def is_clock(unit: str) -> bool:
    return unit.startswith(CLOCK_UNIT)
_GLUED = re.compile(r"[A-Za-z]+")
_TIME_AFTER = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", _I)
# A run of words; _words_value() stops at the first one that is not part of the number.
_WORD_SEQ = re.compile(r"[A-Za-z]+(?:(?:\s+|-)[A-Za-z]+){0,9}")
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_VAGUE = re.compile(
    r"(?:tens|hundreds|dozens)\s+of\s+(?P<s1>thousands|millions|billions)\b"
    r"|(?P<few>several|a\s+few|a\s+couple(?:\s+of)?)\s+(?P<s2>dozen|hundred|thousand|million"
    r"|billion)\b"
    r"|(?P<one>dozens|hundreds|thousands|millions|billions|scores|several|numerous"
    r"|a\s+few|a\s+couple|a\s+handful)\b",
    _I,
)
_NEXT = re.compile(r"(?P<sep>[ \t]+|[ \t]*-[ \t]*)(?P<w>(?:[A-Z]\.){2,}|[A-Za-z]+(?:['’-][A-Za-z]+)*)")
_QUALIFIER = re.compile(
    r"\b(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIER_WORDS, key=len, reverse=True))
    + r")\s*\Z",
    _I,
)
_FRACTION_AFTER = re.compile(
    r"[-–\s](?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", _I
)
_HYPHENATED_NUMBER = re.compile(r"(?:[0-9]|\b(?P<w>[A-Za-z]+))[-–]\Z")
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z]+)[ \t]+\Z")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“”‘(\[—–])[\s'\"“‘]*\Z")
_SECOND_TIME_AFTER = frozenset("later earlier ago or and before after of in".split())
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|or|and)\s*", _I)


# --------------------------------------------------------------------------------------------
# Public API


def find_numbers(text: str, skip: Sequence[tuple[int, int]] = ()) -> tuple[NumberMention, ...]:
    """Return the number mentions in ``text`` in order, ignoring any inside ``skip`` spans."""
    spans = _merge(skip)
    starts = [s for s, _ in spans]
    raw: list[_Raw] = []
    pos = 0
    tokens = _TOKEN.finditer(text)
    for tm in [m for m in tokens if (t := m.group()) in _CANDIDATE_FORMS or t[0] in _CANDIDATE_FIRST]:
        s, e = tm.span()
        if s < pos:
            continue
        hit = _covering(spans, starts, s) if spans else None
        if hit is not None:
            pos = hit
            continue
        r = _parse_at(text, s, e, tm.group())
        if r is None:
            continue
        if _overlaps(spans, starts, r.start, r.end):
            continue
        if raw and r.start < raw[-1].end:
            continue
        raw.append(r)
        pos = r.end
    _share_ranges(text, raw)
    out = []
    for r in raw:
        unit = r.unit or _unit_after(text, r)
        out.append(
            NumberMention(
                r.start, r.end, text[r.start : r.end], r.value, unit,
                _qualifier_before(text, r.start), r.ordinal, r.vague,
            )
        )  # fmt: skip
    return tuple(out)


def numbers_agree(a: NumberMention, b: NumberMention) -> bool:
    """Whether two numbers can state the same fact.

    Vague numbers agree within their order of magnitude. Different currencies (or percent vs percentage points) never
    do. Otherwise each mention stands for an interval of true values: an exact number is a
    point; "about x" is x +/- half a unit of the last significant digit of the coarser of the
    two numbers (capped at 10% of x); "more than"/"at least" x is [x, inf); "less than"/"up to"
    x is (-inf, x]. They agree when the intervals meet. So "1.8 billion" = "1,800 million",
    "about 870" ~ "870", "more than 23 million" ~ "23.5 million", "11 percent" ~ "about 11%",
    and a value rounded to fewer digits agrees with the precise one ("$114 million" ~
    "$114.3 million", "1.8 billion" ~ "1.83 billion"), while two bounds of the same kind agree
    only when equal ("over 50" vs "over 40" is a discrepancy).
    """
    if is_clock(a.unit) and a.unit == b.unit:
        return a.value == b.value or _within_the_hour(a, b) or _within_the_hour(b, a)
    if a.vague or b.vague:
        return _vague_agree(a, b)
    if _millions_or_metres(a, b) or _millions_or_metres(b, a):
        return True
    if a.unit != b.unit and a.unit in MEASURE_UNITS and b.unit in MEASURE_UNITS:
        return False
    bounds = {"more than", "at least", "less than", "up to"}
    if a.value == b.value and a.qualifier != b.qualifier and (a.qualifier in bounds or b.qualifier in bounds):
        # The same figure bounded the other way ("over 50" / "under 50") or an estimate turned
        # into a bound ("around 870" / "fewer than 870") is a changed claim; an exact figure
        # against a bound of itself ("23 million" / "more than 23 million") is loose reporting.
        directions = {_direction(a.qualifier), _direction(b.qualifier)}
        return not (directions == {1, -1} or "about" in (a.qualifier, b.qualifier))
    if a.qualifier == b.qualifier and a.qualifier in bounds:
        # Both give a bound of the same kind: "over 50" and "over 40" are different claims, even
        # though both could be true.
        return abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value), 1e-300)
    if not a.qualifier and not b.qualifier and _rounds_to(a.value, b.value):
        return True
    ulp = max(_ulp(a.value), _ulp(b.value))
    lo_a, hi_a = _interval(a, ulp)
    lo_b, hi_b = _interval(b, ulp)
    eps = 1e-9 * max(abs(a.value), abs(b.value), 1e-300)
    return lo_a <= hi_b + eps and lo_b <= hi_a + eps


def _millions_or_metres(m: NumberMention, other: NumberMention) -> bool:
    """"70m" with no unit word after it is read as 70 metres, but news writes millions that
    way too ("up 6% to 70m"): it agrees with "70 million"."""
    return m.unit == "m" and other.unit != "m" and abs(m.value * 10**6 - other.value) <= 1e-9 * abs(other.value)


def singularize(word: str) -> str:
    """Lowercase singular form by simple rules (months -> month, countries -> country)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[w]
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ous")) or w in _NOT_PLURAL:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    if w.endswith("oes") and len(w) > 4:
        return w[:-2]
    return w[:-1]


# --------------------------------------------------------------------------------------------
# Internals


@dataclass
class _Raw:
    start: int
    end: int
    value: float
    unit: str = ""  # currency/percent (known at parse time)
    ordinal: bool = False
    vague: bool = False
    scaled: bool = False  # had a scale word/abbreviation
    base: Decimal | None = None  # digits value before the scale, for ranges


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in spans if e > s):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _covering(spans: list[tuple[int, int]], starts: list[int], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i][1]
    return None


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect.bisect_left(starts, e)
    return i > 0 and spans[i - 1][1] > s


def _sentence_initial(text: str, s: int) -> bool:
    return _SENTENCE_START.search(text, max(0, s - 6), s) is not None


def _prev_word(text: str, s: int) -> str:
    m = _PREV_WORD.search(text, max(0, s - 24), s)
    return m.group("w").lower() if m else ""


def _next_word(text: str, e: int) -> str:
    m = _NEXT.match(text, e)
    return m.group("w") if m and "-" not in m.group("sep") else ""


def _plural_looking(w: str) -> bool:
    lw = w.lower()
    return (
        lw == "people"
        or (
            len(lw) > 3
            and lw.endswith("s")
            and not lw.endswith(("ss", "us", "is", "ous"))
            and lw not in _NOT_PLURAL
        )
    )


def _within_the_hour(hour: NumberMention, time: NumberMention) -> bool:
    """A time given to the hour ("3 p.m.") is the hour a precise one ("3:22 p.m.") falls in."""
    return ":" not in hour.text and hour.value // 60 == time.value // 60


def _clock(text: str, s: int, p: int, currency: str) -> _Raw | None:
    """A time of day, as minutes on a twelve-hour dial: versions that say "1:34 PM" and "13:34",
    or "5pm" and "5:00", agree, and a time given without "am" or "pm" is not taken for a
    different one."""
    c = _CLOCK.match(text, p)
    if currency or c is None or not (c.group("m") or c.group("half")):
        return None
    hour, minute = int(c.group("h")), int(c.group("m") or 0)
    if hour > 24 or c.group("half") and not 1 <= hour <= 12:
        return None
    # Times in different zones are not compared: "6 p.m. EDT" is "3 p.m. Arizona time".
    gap = _GAP.match(text, c.end())
    zone = gap and TIME_ZONE.match(text, gap.end())
    unit = f"{CLOCK_UNIT} {zone.group('zone').lower()}" if zone else CLOCK_UNIT
    return _Raw(s, c.end(), float(hour % 12 * 60 + minute), unit=unit)


def _parse_at(text: str, s: int, e: int, tok: str) -> _Raw | None:
    """Try to read a number starting at token ``tok`` (``text[s:e]``)."""
    c = tok[0]
    prev = text[s - 1] if s else " "
    if "0" <= c <= "9":
        if prev.isalnum() or prev in "_.,/:'’":
            return None
        if prev in "-–" and not (s >= 2 and (text[s - 2].isdigit() or text[s - 2].isspace())):
            return None  # F-16, COVID-19, mid-2022 (but "10-15", " -5" are fine)
        return _parse_digits(text, s, s, "")
    if c in _VULGAR:
        if prev.isdigit() or text[e : e + 1].isalnum():
            return None
        return _Raw(s, e, _VULGAR[c])
    if c in _CURRENCY_SIGNS:
        if not _SIGN_AHEAD.match(text, e):
            return None
        pre = _SIGN_PREFIX.search(text, max(0, s - 2), s) if c == "$" else None
        start = pre.start() if pre else s
        if not pre and prev.isalnum():
            return None
        digit_at = _SIGN_AHEAD.match(text, e).end() - 1  # type: ignore[union-attr]
        return _parse_digits(text, start, digit_at, _CURRENCY_SIGNS[text[start:e]])
    if prev.isalnum() or (e < len(text) and (text[e].isalnum() or text[e] == "_")):
        return None  # part of a longer word ("naïve", "one_two")
    if prev in "-–":
        h = _HYPHENATED_NUMBER.search(text, max(0, s - 12), s)
        if h and (h.group("w") is None or h.group("w").lower() in _ANCHOR_WORDS):
            return None  # "one-third", "two-thirds": fractions are not counts
    if tok in _CURRENCY_CODES:
        ahead = _SIGN_AHEAD.match(text, e)
        return _parse_digits(text, s, ahead.end() - 1, tok) if ahead else None
    w = tok.lower()
    if w in ("a", "an"):
        return _parse_words(text, s, w) if _ARTICLE_AHEAD.match(text, e) else None
    if w in _ANCHOR_WORDS:
        return _parse_words(text, s, w)
    return None


def _parse_digits(text: str, s: int, p: int, currency: str) -> _Raw | None:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        return None  # F-16, COVID-19, Su-25
    if (clock := _clock(text, s, p, currency)) is not None:
        return clock
    if _TIME_OR_SLASH.match(text, p):
        return None  # 24/7, 9/11, 4/18/2023
    d = _DIGITS.match(text, p)
    if d is None:
        return None
    digits = d.group("int").replace(",", "")
    if len(digits) > 15:
        return None
    try:
        base = Decimal(digits + (d.group("dec") or ""))
    except InvalidOperation:  # pragma: no cover - the regex only admits digits
        return None
    if d.group("vf"):
        base += Decimal(str(_VULGAR[d.group("vf").strip()]))
    elif d.group("mix"):
        fn, fd = int(d.group("fn")), int(d.group("fd"))
        if fn >= fd:
            return None
        base += Decimal(fn) / Decimal(fd)
    elif d.group("half"):
        base += Decimal("0.5")
    end = d.end()
    if _FRACTION_AFTER.match(text, end):
        return None  # "2-thirds"
    frac_or_dec = d.group("dec") or d.group("vf") or d.group("mix") or d.group("half")
    if not frac_or_dec:
        o = _ORD_SUFFIX.match(text, end)
        if o and not currency:
            return _Raw(s, o.end(), float(base), ordinal=True)
    if _TIME_AFTER.match(text, end) and not currency:
        return None  # 10am, 3 p.m.
    scale = 1
    unit = currency
    sc = _SCALE.match(text, end)
    if sc:
        if sc.group("abbr"):
            scale, end = _SCALE_ABBR[sc.group("abbr").lower()], sc.end()
        elif sc.group("word"):
            w = sc.group("word").lower()
            scale, end = (12 if w == "dozen" else _SCALES[w]), sc.end()
        else:
            short = sc.group("short").lower()
            nxt = _next_word(text, sc.end())
            if currency or (nxt and _plural_looking(nxt) and short in "mk"):
                scale, end = {"m": 10**6, "k": 10**3, "b": 10**9}[short], sc.end()
            elif short == "m" and not frac_or_dec:
                return _Raw(s, sc.end(), float(base), unit="m")
            else:
                return None
    tail = text[end : end + 1]
    if tail.isalpha() or (tail.isdigit() and not frac_or_dec):
        glued = _GLUED.match(text, end)
        if glued and glued.group().lower() in _ATTACHED_UNITS and scale == 1 and not currency:
            return _Raw(s, glued.end(), float(base), unit=glued.group().lower())
        return None
    if not currency:
        pc = _PERCENT.match(text, end)
        if pc:
            unit, end = ("percent" if pc.group("pct") else "percentage point"), pc.end()
    value = float(base * scale)
    return _Raw(s, end, value, unit=unit, scaled=scale != 1, base=base)


def _parse_words(text: str, s: int, w: str) -> _Raw | None:
    if text[s].isupper() and not text[s : s + 2].isupper() and not _sentence_initial(text, s):
        return None  # "World War Two", "Formula One", "First Lady"
    v = _VAGUE.match(text, s)
    if v:
        if v.group("s1"):
            head = v.group(0).split()[0].lower()
            value = _VAGUE_BASE[head] * _SCALES[v.group("s1").lower()[:-1]]
        elif v.group("s2"):
            head = v.group("few").split()[-1].lower()
            if head == "of":
                head = "couple"
            s2 = v.group("s2").lower()
            value = _VAGUE_BASE[head] * (12 if s2 == "dozen" else 100 if s2 == "hundred" else _SCALES[s2])
        else:
            value = _VAGUE_BASE[v.group("one").split()[-1].lower()]
        return _Raw(s, v.end(), float(value), vague=True)
    if w in _VAGUE_BASE:
        return None
    if w in _ORDINALS:
        return _ordinal_word(text, s, w)
    seq = _WORD_SEQ.match(text, s)
    if seq is None:
        return None
    toks = [(t.group().lower(), s + t.start(), s + t.end()) for t in _WORD_TOKEN.finditer(seq.group())]
    parsed = _words_value(toks)
    if parsed is None:
        return None
    value, end, ordinal, n_used = parsed
    if not ordinal and _FRACTION_AFTER.match(text, end):
        return None  # "two-thirds", "two thirds"
    if n_used == 1 and toks[0][0] == "one" and not ordinal:
        nxt = _NEXT.match(text, end)
        after = nxt.group("w").lower() if nxt else ""
        if nxt and "-" in nxt.group("sep"):  # "the one-year ban" is a number, "one-off" is not
            if singularize(after.split("-")[0]) not in _ONE_HYPHEN_UNITS:
                return None
        elif (
            not after
            or after in _ONE_PRONOUN_AFTER
            or text[end : end + 2] in ("'s", "’s")
            or _prev_word(text, s) in _ONE_PRONOUN_BEFORE
        ):
            return None
    raw = _Raw(s, end, float(value), ordinal=ordinal, base=None if ordinal else Decimal(value))
    if not ordinal:
        pc = _PERCENT.match(text, end)
        if pc:
            raw.unit, raw.end = ("percent" if pc.group("pct") else "percentage point"), pc.end()
    return raw


def _ordinal_word(text: str, s: int, w: str) -> _Raw | None:
    e = s + len(w)
    prev = _prev_word(text, s)
    after = _next_word(text, e).lower()
    if w == "first" and prev == "at":
        return None
    if prev in ("a", "one") and after.lower() == "of" and w != "first" and w != "second":
        return None  # "a third of": a fraction
    if w == "second":
        if not after or text[max(0, s - 2) : s].strip().isdigit():
            return None  # "for a second.", "1 second"
        if prev in ("a", "one", "per", "split", "every", "each") and after in _SECOND_TIME_AFTER:
            return None  # "a second later"
    return _Raw(s, e, float(_ORDINALS[w]), ordinal=True)


def _words_value(toks: list[tuple[str, int, int]]) -> tuple[float, int, bool, int] | None:
    """Parse number words; returns (value, end offset, ordinal, tokens used) or None."""
    if len(toks) >= 3 and toks[0][0] == "half" and toks[1][0] in ("a", "an"):
        w = toks[2][0]
        if w in _SCALES:
            return _SCALES[w] / 2, toks[2][2], False, 3
        if w == "dozen":
            return 6.0, toks[2][2], False, 3
        return None
    total = 0.0
    current = 0.0
    last: str | None = None  # kind of the last token used
    end = -1
    used = 0
    ordinal = False
    prev_scale = float("inf")
    i = 0
    while i < len(toks):
        w, _, te = toks[i]
        kind = None
        if w in ("a", "an"):
            if last is None and i + 1 < len(toks) and toks[i + 1][0] in ("hundred", "dozen", *_SCALES):
                current, last = 1, "article"
                i += 1
                continue
            break
        if w == "and":
            rest = [t[0] for t in toks[i + 1 : i + 3]]
            if last in ("one", "teen", "tens") and rest[:2] in (["a", "half"], ["an", "half"]):
                current += 0.5
                end, used, last = toks[i + 2][2], i + 3, "half"
                i += 3
                continue
            if last in ("hundred", "scale") and rest and rest[0] in _ONES_TEENS_TENS:
                i += 1
                continue
            break
        if w in _ONES:
            kind = "one"
            ok = last in (None, "hundred", "scale") or (last == "tens" and current % 10 == 0)
            if not ok or (w == "zero" and last is not None):
                break
            current += _ONES[w]
        elif w in _TEENS:
            kind = "teen"
            if last not in (None, "hundred", "scale"):
                break
            current += _TEENS[w]
        elif w in _TENS:
            kind = "tens"
            if last not in (None, "hundred", "scale"):
                break
            current += _TENS[w]
        elif w == "hundred":
            kind = "hundred"
            if last not in ("one", "teen", "article") or current >= 100 or current == 0:
                break
            current *= 100
        elif w == "dozen":
            kind = "scale"
            if last not in ("one", "article") or not current:
                break
            current *= 12
        elif w in _SCALES:
            kind = "scale"
            sc = _SCALES[w]
            if last not in ("one", "teen", "tens", "hundred", "article", "half") or sc >= prev_scale:
                break
            total += current * sc
            current = 0.0
            prev_scale = sc
        elif w in _ORDINALS and _ORDINALS[w] < 10 and last == "tens" and toks[i - 1][2] + 1 == toks[i][1]:
            current += _ORDINALS[w]  # twenty-first
            ordinal = True
            end, used = te, i + 1
            break
        elif w in _ORDINALS and last in (None, "hundred", "scale") and last is not None:
            current += _ORDINALS[w]
            ordinal = True
            end, used = te, i + 1
            break
        else:
            break
        last = kind
        end, used = te, i + 1
        i += 1
    if used == 0 or last == "article":
        return None
    return total + current, end, ordinal, used


def _share_ranges(text: str, raw: list[_Raw]) -> None:
    """Share scale, currency and unit between the two ends of a range ("10-15 million")."""
    for a, b in zip(raw, raw[1:]):
        sep = _RANGE_SEP.fullmatch(text, a.end, b.start)
        if sep is None or a.ordinal or b.ordinal or a.vague or b.vague or a.scaled:
            continue
        if sep.group().strip().lower() in ("and", "or") and a.unit:
            continue  # "$5 and 6 people" is not a range
        if a.unit and b.unit and a.unit != b.unit:
            continue  # "2.1 percent to $30.6 billion" is a change of measure, not a range
        if is_clock(b.unit):
            if not a.unit and a.value == int(a.value) and 1 <= a.value <= 12:
                a.value, a.unit = a.value % 12 * 60, b.unit  # "from 4 to 7pm"
            continue
        if b.scaled and a.base is not None and b.base and a.base < 1000:
            a.value = float(a.base * (Decimal(repr(b.value)) / b.base))
            a.scaled = True
        a_noun = "" if a.unit else _unit_after(text, a)
        b_noun = "" if b.unit else _unit_after(text, b)
        if not a.unit and not a_noun:
            a.unit = b.unit or b_noun
        elif a.unit in MEASURE_UNITS and not b.unit and not b_noun:
            b.unit = a.unit


def _unit_after(text: str, r: _Raw) -> str:
    words: list[tuple[str, bool]] = []
    pos = r.end
    for _ in range(5):
        m = _NEXT.match(text, pos)
        if m is None:
            break
        words.append((m.group("w"), "-" in m.group("sep")))
        pos = m.end()
    if not words:
        return ""
    first, hyphen = words[0]
    if hyphen:  # "30-year-old", "8-month"
        return singularize(first.split("-")[0])
    i = 0
    if first.lower() == "of" and not r.ordinal:
        i = 1
        while i < len(words) and words[i][0].lower() in _DETERMINERS:
            i += 1
    skipped: list[str] = []
    while i < len(words):
        w = words[i][0]
        lw = w.lower()
        if lw in _STOP:
            return ""
        noun = singularize(lw)
        if noun in _CURRENCY_WORDS or lw in _CURRENCY_WORDS:
            code = _CURRENCY_WORDS.get(noun) or _CURRENCY_WORDS[lw]
            if code == "USD" and skipped and skipped[-1].lower() in _DOLLAR_ADJ:
                code = _DOLLAR_ADJ[skipped[-1].lower()]
            return code
        if w in _CURRENCY_CODES:
            return w
        if lw == "pounds" and i + 1 < len(words) and words[i + 1][0].lower() == "sterling":
            return "GBP"
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        if len(skipped) < 2 and nxt and nxt.lower() not in _STOP and _is_modifier(w):
            skipped.append(w)
            i += 1
            continue
        return noun
    return singularize(skipped[-1]) if skipped else ""


def _is_modifier(w: str) -> bool:
    lw = w.lower()
    if "-" in lw or lw in _ADJ:
        return True
    if _plural_looking(lw):
        return False
    return lw.endswith(_ADJ_SUFFIXES) or w[0].isupper()


_NEGATED_BOUND = re.compile(r"\b(?:not|n['’]t|never)\s+(?:\w+\s+){0,2}$", _I)
_FLIPPED = {"more than": "up to", "at least": "less than", "less than": "at least", "up to": "more than"}


def _qualifier_before(text: str, s: int) -> str:
    q = _QUALIFIER.search(text, max(0, s - 24), s)
    if q is None:
        return ""
    qualifier = _QUALIFIER_WORDS[" ".join(q.group("q").lower().split())]
    # "must not earn more than €15,000" bounds from above, like "no more than €15,000".
    if qualifier in _FLIPPED and _NEGATED_BOUND.search(text, max(0, q.start() - 30), q.start()):
        return _FLIPPED[qualifier]
    return qualifier


def _direction(qualifier: str) -> int:
    return {"more than": 1, "at least": 1, "less than": -1, "up to": -1}.get(qualifier, 0)


def _vague_agree(a: NumberMention, b: NumberMention) -> bool:
    """A vague amount ("dozens", "hundreds", "billions") covers about one order of magnitude
    from its lower bound; it agrees with any figure or other vague amount in that range, so
    "dozens" ~ "30" but "billions" is not "millions"."""
    if a.unit != b.unit and a.unit in MEASURE_UNITS and b.unit in MEASURE_UNITS:
        return False
    def span(m: NumberMention) -> tuple[float, float]:
        return (m.value / 2, m.value * 10) if m.vague else (m.value, m.value)
    lo_a, hi_a = span(a)
    lo_b, hi_b = span(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _rounds_to(x: float, y: float) -> bool:
    """Whether one value is the other rounded to its own precision ("$114.3 million" reported
    as "$114 million", "42,409" as "42,400"): outlets round, and rounding is not a new fact.
    The rounded value must keep at least two significant digits, so 3 is not 3.4 rounded."""
    if x == y:
        return True
    coarse, fine = (x, y) if _ulp(x) > _ulp(y) else (y, x)
    step = _ulp(coarse)
    if step <= _ulp(fine) or abs(coarse) < 10 * step:
        return False
    return abs(fine - coarse) < step / 2 - 1e-9 * abs(coarse)


def _ulp(x: float) -> float:
    """A unit of the last significant digit: 870 -> 10, 1.8e9 -> 1e8, 4.4 -> 0.1."""
    if x == 0 or x != x or x in (float("inf"), float("-inf")):
        return 1.0
    exp = Decimal(repr(x)).normalize().as_tuple().exponent
    return 10.0 ** exp if isinstance(exp, int) else 1.0


def _interval(m: NumberMention, ulp: float) -> tuple[float, float]:
    x = m.value
    q = "" if m.ordinal else m.qualifier
    if q == "about":
        tol = min(0.5 * ulp, 0.1 * abs(x))
        return x - tol, x + tol
    if q in ("more than", "at least"):
        return x, float("inf")
    if q in ("less than", "up to"):
        return float("-inf"), x
    return x, x

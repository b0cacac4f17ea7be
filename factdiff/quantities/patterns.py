"""The number words, unit and currency vocabulary and regular expressions the number finder
matches, compiled once, with the small look-arounds over them."""

from __future__ import annotations

import re

from .mention import CURRENCY_CODES


CURRENCY_SIGNS = {
    "US$": "USD", "AU$": "AUD", "A$": "AUD", "CA$": "CAD", "C$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "₽": "RUB", "₴": "UAH",
}  # fmt: skip


CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "sterling": "GBP", "yen": "JPY", "rouble": "RUB",
    "ruble": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnya": "UAH", "yuan": "CNY",
    "renminbi": "CNY", "rupee": "INR",
}  # fmt: skip
DOLLAR_ADJ = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "singaporean": "SGD", "zealand": "NZD", "kong": "HKD",
}  # fmt: skip


ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ONES_TEENS_TENS = frozenset(ONES) | frozenset(TEENS) | frozenset(TENS)
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBR = {"bn": 10**9, "bln": 10**9, "tn": 10**12, "trn": 10**12, "mn": 10**6, "mln": 10**6}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 10**6,
}  # fmt: skip
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375,
           "⅝": 0.625, "⅞": 0.875}  # fmt: skip
VAGUE_BASE = {
    "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6,
    "billions": 2 * 10**9, "scores": 40, "tens": 20, "several": 3, "few": 2, "couple": 2,
    "handful": 2, "numerous": 2,
}  # fmt: skip

QUALIFIER_WORDS = {
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
STOP = frozenset(
    """a an the of in on at to for from by with and or but nor as than that which who whom whose
    were was is are be been being has have had will would could should may might can must do
    does did said says say told per each this these those it its they them their he him his
    she her we us our you your i not no so if when while after before since until during over
    under about into out up down off also only just all both then there here where what how
    why more less most least percent cent pct ago later earlier yet already still again too
    very such vs versus v""".split()
)
ADJ = frozenset(
    """other more new old additional extra further major minor senior junior top young elderly
    key main separate different former current local foreign big large small heavy light long
    short high low full whole entire consecutive successive previous recent straight such
    dead live many few same last next""".split()
)
ADJ_SUFFIXES = ("al", "ian", "ese", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary",
                 "ed", "ish", "ern")  # fmt: skip
DETERMINERS = frozenset("the these those its their his her our them your my".split())
ONE_PRONOUN_BEFORE = frozenset(
    "the this that which no any every each such someone anyone".split()
)
ONE_HYPHEN_UNITS = frozenset("year month week day hour minute mile kilometre kilometer".split())
# Units of measure and time: a compound's head when they come first ("2 mph winds", "10 day trips").
MEASURE_WORDS = frozenset(
    """second minute hour day night week month year decade century millimetre centimetre metre meter
    kilometre kilometer mile foot inch yard gram kilogram kilo tonne ton pound lb ounce acre hectare
    mph kph degree percent point dozen hundred thousand million billion trillion gallon litre liter
    barrel calorie volt watt megawatt gigawatt""".split()
)
ONE_PRONOUN_AFTER = frozenset("of another other's 's who whom which that".split())
ONE_IDIOM_AFTER_AT = frozenset("point time stage moment".split())  # "at one point" counts nothing


ATTACHED_UNITS = frozenset(
    "km kg mg cm mm ml mph kph kmh ft lb lbs mw gw kw kwh mwh gwh twh bpd sq".split()
)


IGNORECASE = re.IGNORECASE
_VULGAR_CHARS = "".join(VULGAR)
_NUM_WORDS = sorted(
    list(ONES) + list(TEENS) + list(TENS) + list(SCALES) + list(ORDINALS)
    + ["hundred", "dozen", "half"],
    key=len, reverse=True,
)  # fmt: skip
_VAGUE_WORDS = sorted(VAGUE_BASE, key=len, reverse=True)

# One cheap token pass finds candidate starts (a big alternation regex is several times slower).
TOKEN = re.compile(rf"[0-9]+|[A-Za-z]+|[$£€¥₹₽₴{_VULGAR_CHARS}]")
ANCHOR_WORDS = frozenset(_NUM_WORDS) | frozenset(_VAGUE_WORDS)
# Exact token forms worth a closer look (case variants spelled out: no per-token lower()).
PAIR_WORDS = frozenset({"twin"})  # "twin car bombs" are two bombs
REPEAT_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}  # "shot twice": two times
CANDIDATE_FORMS = frozenset(
    f for w in ANCHOR_WORDS | PAIR_WORDS | {"a", "an"} for f in (w, w.title(), w.upper())
) | CURRENCY_CODES | frozenset(REPEAT_WORDS)
CANDIDATE_FIRST = frozenset("0123456789" + "".join(CURRENCY_SIGNS) + _VULGAR_CHARS)
ARTICLE_AHEAD = re.compile(
    r"\s+(?:few|couple|handful|dozen|hundred|thousand|million|billion|trillion)\b", IGNORECASE
)
SIGN_PREFIX = re.compile(r"(?<![A-Za-z0-9])(?:US|AU|A|CA|C|NZ|HK|S|R)\Z")
SIGN_AHEAD = re.compile(r"\s?[0-9]")
DIGITS = re.compile(
    rf"(?P<int>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])|[0-9]+)(?P<dec>\.[0-9]+|,[0-9]{{1,2}}(?=(?:\s+|-)?(?:million|billion|trillion|bn|mln|tn)\b))?"
    rf"(?:(?P<vf>\s?[{_VULGAR_CHARS}])|(?P<mix>\s+(?P<fn>[1-7])/(?P<fd>[2348])(?![0-9/]))"
    r"|(?P<half>(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b))?",
    IGNORECASE,
)
ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", IGNORECASE)
SCALE = re.compile(
    r"\s?-?(?P<abbr>bn|bln|tn|trn|mln|mn)\b|(?:\s+|-)(?P<word>thousand|million|billion|trillion|dozen)\b"
    r"|(?P<short>[mkb])\b",
    IGNORECASE,
)
PERCENT = re.compile(
    r"\s?(?P<pct>%|percent\b|per\s+cent\b|pct\b)|\s+(?P<pp>percentage[\s-]points?\b)", IGNORECASE
)
TIME_OR_SLASH = re.compile(r"[0-9]{1,2}:[0-9]{2}|[0-9]+/[0-9]")
# A time of day: "1:34 PM", "13:34", "5pm", "10 a.m."; not "2:03:59" (a race time).
CLOCK = re.compile(
    r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-5][0-9])(?![0-9:]))?(?P<half>\s?(?:a\.m\.|p\.m\.|am\b|pm\b))?", IGNORECASE
)
TIME_ZONE = re.compile(r"(?P<zone>(?:[A-Z]{1,4}T|UTC|GMT)\b|(?:local|[A-Z][a-z]+)\s+time\b)")
GAP = re.compile(r"\s+")


GLUED = re.compile(r"[A-Za-z]+")
TIME_AFTER = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", IGNORECASE)
# A run of words; _words_value() stops at the first one that is not part of the number.
WORD_SEQ = re.compile(r"[A-Za-z]+(?:(?:\s+|-)[A-Za-z]+){0,9}")
WORD_TOKEN = re.compile(r"[A-Za-z]+")
VAGUE = re.compile(
    r"(?:tens|hundreds|dozens)\s+of\s+(?P<s1>thousands|millions|billions)\b"
    r"|(?P<few>several|a\s+few|a\s+couple(?:\s+of)?)\s+(?P<s2>dozen|hundred|thousand|million"
    r"|billion)\b"
    r"|(?P<one>dozens|hundreds|thousands|millions|billions|scores|several|numerous"
    r"|a\s+few|a\s+couple|a\s+handful)\b",
    IGNORECASE,
)
NEXT = re.compile(r"(?P<sep>[ \t]+|[ \t]*-[ \t]*)(?P<w>(?:[A-Z]\.){2,}|[A-Za-z]+(?:['’-][A-Za-z]+)*)")
QUALIFIER = re.compile(
    r"\b(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIER_WORDS, key=len, reverse=True))
    + r")\s*\Z",
    IGNORECASE,
)
FRACTION_AFTER = re.compile(
    r"[-–\s](?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", IGNORECASE
)
HYPHENATED_NUMBER = re.compile(r"(?:[0-9]|\b(?P<w>[A-Za-z]+))[-–]\Z")
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z]+)[ \t]+\Z")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“”‘(\[—–])[\s'\"“‘]*\Z")
SECOND_TIME_AFTER = frozenset("later earlier ago or and before after of in".split())
RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|or|and)\s*", IGNORECASE)


def sentence_initial(text: str, s: int) -> bool:
    return _SENTENCE_START.search(text, max(0, s - 6), s) is not None


def prev_word(text: str, s: int) -> str:
    m = _PREV_WORD.search(text, max(0, s - 24), s)
    return m.group("w").lower() if m else ""


def next_word(text: str, e: int) -> str:
    m = NEXT.match(text, e)
    return m.group("w") if m and "-" not in m.group("sep") else ""

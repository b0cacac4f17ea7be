"""What a number counts and how it is qualified: the counted noun (singularized), currency or
percent after it, and the "about" / "more than" before it."""

from __future__ import annotations

import re

from .mention import CURRENCY_CODES, RawNumber
from .patterns import (
    ADJ, ADJ_SUFFIXES, CURRENCY_WORDS, DETERMINERS, DOLLAR_ADJ, IGNORECASE, NEXT, QUALIFIER,
    MEASURE_WORDS, QUALIFIER_WORDS, STOP,
)


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


def singularize(word: str) -> str:
    """Lowercase singular form by simple rules (months -> month, countries -> country)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[w]
    if len(w) >= 6 and w.endswith("men") and w[-4] not in "aiouy":
        return w[:-3] + "man"  # gunmen, policemen, fishermen (not specimen, abdomen, stamen)
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ous")) or w in _NOT_PLURAL:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    if w.endswith("oes") and len(w) > 4:
        return w[:-2]
    return w[:-1]


def plural_looking(w: str) -> bool:
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


# One unit of measure written several ways is one unit: "8,027-meter" / "8,013 m". Metres are
# "m", which after a figure may also be millions ("70m"): agree.py reads it both ways.
_UNIT_SPELLINGS = {
    **dict.fromkeys(("meter", "metre"), "m"),
    **dict.fromkeys(("km", "kilometer", "kilometre"), "kilometre"),
    **dict.fromkeys(("cm", "centimeter", "centimetre"), "centimetre"),
    **dict.fromkeys(("mm", "millimeter", "millimetre"), "millimetre"),
    **dict.fromkeys(("ft", "foot"), "foot"),
    **dict.fromkeys(("mi", "mile"), "mile"),
    **dict.fromkeys(("kg", "kilogram", "kilo"), "kilogram"),
    **dict.fromkeys(("lb", "lbs"), "lb"),
    **dict.fromkeys(("mph", "miles-per-hour"), "mph"),
    **dict.fromkeys(("kph", "km/h"), "km/h"),
}


def one_spelling(unit: str) -> str:
    return _UNIT_SPELLINGS.get(unit, unit)


def unit_after(text: str, r: RawNumber) -> str:
    words: list[tuple[str, bool]] = []
    pos = r.end
    for _ in range(5):
        m = NEXT.match(text, pos)
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
        while i < len(words) and words[i][0].lower() in DETERMINERS:
            i += 1
    skipped: list[str] = []
    while i < len(words):
        w = words[i][0]
        lw = w.lower()
        if lw in STOP:
            return ""
        noun = singularize(lw)
        if noun in CURRENCY_WORDS or lw in CURRENCY_WORDS:
            code = CURRENCY_WORDS.get(noun) or CURRENCY_WORDS[lw]
            if code == "USD" and skipped and skipped[-1].lower() in DOLLAR_ADJ:
                code = DOLLAR_ADJ[skipped[-1].lower()]
            return code
        if w in CURRENCY_CODES:
            return w
        if lw == "pounds" and i + 1 < len(words) and words[i + 1][0].lower() == "sterling":
            return "GBP"
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        if len(skipped) < 2 and nxt and nxt.lower() not in STOP and (_is_modifier(w) or _compound_before(w, nxt, r)):
            skipped.append(w)
            i += 1
            continue
        return noun
    return singularize(skipped[-1]) if skipped else ""


def _compound_before(w: str, nxt: str, r: RawNumber) -> bool:
    """A singular noun before a plural one, after a count above one, is the compound's modifier:
    "three suicide bombings", "twin car bombs", "five fire trucks" count bombings, bombs and
    trucks. Units of measure head their own phrase ("2 mph winds"), and a collective noun is the
    count itself ("four police officers" are four police)."""
    lw = w.lower()
    return (
        r.value > 1 and not r.unit and not plural_looking(lw) and plural_looking(nxt) and nxt.islower()
        and "'" not in nxt and "’" not in nxt and lw not in _IRREGULAR_SINGULAR and lw not in _NOT_MODIFIERS
        and one_spelling(lw) == lw and lw not in MEASURE_WORDS
    )


_NOT_MODIFIERS = frozenset("between among amongst outside inside following including across against within "
                           "without toward towards behind beyond near like".split())


def _is_modifier(w: str) -> bool:
    lw = w.lower()
    if "-" in lw or lw in ADJ:
        return True
    if plural_looking(lw):
        return False
    return lw.endswith(ADJ_SUFFIXES) or w[0].isupper()


_NEGATED_BOUND = re.compile(r"\b(?:not|n['’]t|never)\s+(?:\w+\s+){0,2}$", IGNORECASE)
_FLIPPED = {"more than": "up to", "at least": "less than", "less than": "at least", "up to": "more than"}


def qualifier_before(text: str, s: int) -> str:
    q = QUALIFIER.search(text, max(0, s - 24), s)
    if q is None:
        return ""
    qualifier = QUALIFIER_WORDS[" ".join(q.group("q").lower().split())]
    # "must not earn more than €15,000" bounds from above, like "no more than €15,000".
    if qualifier in _FLIPPED and _NEGATED_BOUND.search(text, max(0, q.start() - 30), q.start()):
        return _FLIPPED[qualifier]
    return qualifier

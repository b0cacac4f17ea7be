"""Finding date mentions in text: one cheap token pass for candidate anchors, then the forms
each anchor can start (a number, a month, a weekday, a day word, a season, a unit of time)."""

from __future__ import annotations

import re
from datetime import date

from .patterns import (
    AGO_AFTER, ALL_MONTHS, AMBIGUOUS_MONTHS, BEFORE_AFTER_ALONE, CANDIDATE_FORMS, DAY_WORDS, DECADE_RE,
    DMY, ISO, LATER_AFTER, LB_COUNT, LB_DAY_BEFORE, LB_DURATION_CUE, LB_IN_COUNT, LB_MID, LB_MOD,
    LB_MONTH_LIST, LB_NARRATIVE, LB_NOT_WEEKDAY, LB_PART_OF_DAY, LB_PREP, LB_QUAL, LB_SEASON,
    LB_SEASON_PREP, LB_THE, LB_THE_ALONE, LB_WEEKEND, LB_YEAR_LIST, LB_YEAR_PREP, MAX_NARRATIVE_DAYS,
    MDY, MONTHS, MONTH_ABBR, MY, NARRATIVE_OFFSET, NEXT_WORD, NOT_NARRATIVE_AFTER, NOT_PLURAL_NOUNS,
    NOT_WEEKDAY_AFTER, OF_AFTER, PART_OF_DAY, POSSESSIVE_AFTER, PREV_WORD, SEASONS, SEASON_YEAR,
    SENTENCE_START, SMALL_NUMBERS, TIME_AFTER, TOKEN, UNIT_WORDS, WEEKDAY_DATE_GAP, WEEKDAY_IN_MONTH,
    WEEKDAY_INDEX, WINDOW, YEAR_RANGE, YEAR_SUFFIX,
)
from .values import (
    DAY, DECADE, MONTH, SEASON, WEEK, YEAR, SEASON_NAMES, WEEKDAY_ABBR, DateMention,
    granularity_of_key, resolve_key,
)


def find_dates(text: str, published: date | None = None) -> tuple[DateMention, ...]:
    """Return the date mentions in ``text`` in order, non-overlapping.

    Relative mentions are resolved against ``published``; without it their ``value`` is None.
    """
    out: list[DateMention] = []
    pos = 0
    tokens = TOKEN.finditer(text)
    for tm in [m for m in tokens if (t := m.group()) in CANDIDATE_FORMS or t[0] in "0123456789"]:
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


_Found = tuple[int, int, str, str]  # start, end, key, granularity


def _lb(rx: re.Pattern[str], text: str, s: int) -> re.Match[str] | None:
    return rx.search(text, max(0, s - WINDOW), s)


def _sentence_initial(text: str, s: int) -> bool:
    return SENTENCE_START.search(text, max(0, s - 4), s) is not None


def _with_qualifier(text: str, s: int) -> int:
    """Extend a mention's start over a preceding early/late/mid qualifier."""
    q = LB_QUAL.search(text, max(0, s - 12), s)
    return q.start() if q else s


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _month_of(token: str) -> int:
    return ALL_MONTHS[token.rstrip(".").lower()]


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
    suffix = YEAR_SUFFIX.match(text, end)
    if suffix:
        off = {"last": -1, "this": 0, "next": 1}[suffix.group("w").lower()]
        return f"rel:date:{m:02d}-{d:02d}:y{off}", suffix.end()
    return f"rel:date:{m:02d}-{d:02d}", end


def _day_month_at(text: str, s: int) -> tuple[int, str] | None:
    """Parse "March 17, 2022" or "17 March 2022" at ``s``; returns (end, key)."""
    mm = MDY.match(text, s)
    if mm and _capitalized(text, mm.start("m")):
        r = _date_key(_month_of(mm.group("m")), _day_of(mm.group("d")), mm.group("y"), text, mm.end())
        if r:
            return r[1], r[0]
    md = DMY.match(text, s)
    if md and _capitalized(text, md.start("m")):
        r = _date_key(_month_of(md.group("m")), _day_of(md.group("d")), md.group("y"), text, md.end())
        if r:
            return r[1], r[0]
    return None


def _at_number(text: str, s: int, e: int, out: list[DateMention]) -> _Found | None:
    digits = text[s:e]
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        if not LB_MID.search(text, max(0, s - 8), s):
            return None  # F-16, COVID-19
    span = _year_range(text, s)
    if span is not None:
        return span
    iso = ISO.match(text, s)
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
    dec = DECADE_RE.match(text, s)
    if dec and len(digits) == 4:
        return _with_qualifier(text, s), dec.end(), f"{digits[:3]}0s", DECADE
    if len(digits) != 4 or not ("1900" <= digits <= "2099"):
        return None
    after = text[e : e + 1]
    if after.isalnum() or (after in ",." and text[e + 1 : e + 2].isdigit()) or after == "%":
        return None
    if _plural_after(text, e):
        return None  # "in 2000 stores"
    context = (
        _lb(LB_YEAR_PREP, text, s) is not None
        or POSSESSIVE_AFTER.match(text, e) is not None
        or (LB_YEAR_LIST.search(text, max(0, s - 16), s) is not None and out and out[-1].end >= s - 16)
    )
    if not context:
        return None
    return _with_qualifier(text, s), e, digits, YEAR


def _year_range(text: str, s: int) -> _Found | None:
    """ "the 2013–16 outbreak", "1998–2001", "2013-2016": one span of years from the first to
    the last, never the year 2013 and the number 16. The form is date enough without a
    preposition; a later year is needed ("2023-04" stays April 2023), and a plural noun after
    it makes it a count ("1500-2000 troops")."""
    m = YEAR_RANGE.match(text, s)
    if m is None:
        return None
    first, last = m.group("a"), m.group("b")
    if len(last) == 2:
        last = first[:2] + last
    if not (first < last <= "2099") or int(last) - int(first) > 100 or _plural_after(text, m.end()):
        return None
    return _with_qualifier(text, s), m.end(), f"{first}/{last}", YEAR


def _plural_after(text: str, end: int) -> bool:
    """A plural noun after a number makes it a count: "in 2000 stores"."""
    nxt = NEXT_WORD.match(text, end)
    if not nxt:
        return False
    w = nxt.group(1)
    return (
        w.islower() and len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
        and w not in NOT_PLURAL_NOUNS
    )


def _at_word(text: str, s: int, e: int, w: str, out: list[DateMention]) -> _Found | None:
    if w in ALL_MONTHS:
        return _at_month(text, s, e, w, out)
    if w in WEEKDAY_INDEX:
        return _at_weekday(text, s, e, w)
    if w in DAY_WORDS:
        return _at_day_word(text, s, e, w)
    if w in SEASONS:
        return _at_season(text, s, e, w)
    if w in PART_OF_DAY:
        told = _narrative_day(text, s, e)
        if told is not None:
            return told
        lb = LB_PART_OF_DAY.search(text, max(0, s - 8), s)
        if lb is None or (w != "night" and lb.group("w").lower() == "last"):
            return None
        if LB_THE.search(text, max(0, lb.start() - 8), lb.start()):
            return None
        return lb.start(), e, "rel:day:-1" if lb.group("w").lower() == "last" else "rel:day:0", DAY
    return _at_unit(text, s, e, w)


def _at_month(text: str, s: int, e: int, w: str, out: list[DateMention]) -> _Found | None:
    if not _capitalized(text, s):
        return None
    r = _day_month_at(text, s)
    if r:
        return s, r[0], r[1], DAY
    my = MY.match(text, s)
    if my:
        return _with_qualifier(text, s), my.end(), f"{int(my.group('y')):04d}-{_month_of(w):02d}", MONTH
    if w in MONTH_ABBR and w not in MONTHS:
        return None  # "Jan" alone is a name, not a date
    month = MONTHS[w]
    end = e
    start = _with_qualifier(text, s)
    mod_m = _lb(LB_MOD, text, start)
    context = mod_m is not None or start != s or _lb(LB_PREP, text, s) is not None
    if not context and out and out[-1].end >= s - 24:  # "in March and May"
        context = LB_MONTH_LIST.search(text, max(0, s - 24), s) is not None
    if not context:
        if w in AMBIGUOUS_MONTHS:
            return None
        nxt = NEXT_WORD.match(text, e)
        if nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() not in ALL_MONTHS:
            return None  # "April Ryan", "June Carter"
    suffix = YEAR_SUFFIX.match(text, e)
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
    if LB_NOT_WEEKDAY.search(text, max(0, s - 10), s) or NOT_WEEKDAY_AFTER.match(text, e):
        return None
    gap = WEEKDAY_DATE_GAP.match(text, e)
    if gap and gap.end() > e:
        r = _day_month_at(text, gap.end())
        if r:
            return _with_qualifier(text, s), r[0], r[1], DAY
    start = _with_qualifier(text, s)
    mod_m = _lb(LB_MOD, text, start)
    mod = ""
    if mod_m is not None:
        words = mod_m.group("mod").lower().split()
        if words[-1] not in ("coming", "upcoming") and LB_THE.search(
            text, max(0, mod_m.start() - 8), mod_m.start()
        ):
            return None  # "the last Tuesday of the month", "the next Tuesday"
        mod = {"last": ":last", "past": ":last", "next": ":next", "coming": ":next",
               "upcoming": ":next", "this": ""}[words[-1]]  # fmt: skip
        start = mod_m.start()
        q = LB_QUAL.search(text, max(0, start - 12), start)
        if q:
            start = q.start()
    day = WEEKDAY_ABBR[WEEKDAY_INDEX[w]]
    in_month = WEEKDAY_IN_MONTH.match(text, e)
    if in_month and not mod:  # "Monday in February": one time, a weekday of that month
        return start, in_month.end(), f"rel:weekday-in-month:{day}:{MONTHS[in_month.group('m').lower()]}", MONTH
    return start, e, f"rel:weekday:{day}{mod}", DAY


def _at_day_word(text: str, s: int, e: int, w: str) -> _Found | None:
    if _capitalized(text, s) and not text[s:e].isupper() and not _sentence_initial(text, s):
        prev = PREV_WORD.search(text, max(0, s - 30), s)
        if prev and prev.group(1)[0].isupper():
            return None  # "USA Today", "Russia Today"
    off = DAY_WORDS[w]
    start = s
    if w in ("yesterday", "tomorrow"):
        lb = LB_DAY_BEFORE.search(text, max(0, s - 20), s)
        if lb is not None:
            before = lb.group("w").lower() == "before"
            if before == (w == "yesterday"):
                off = off * 2
                start = lb.start()
    if start == s:
        q = LB_QUAL.search(text, max(0, s - 12), s)
        if q and q.group("q").lower() in ("early", "late"):
            start = q.start()
    return start, e, f"rel:day:{off}", DAY


def _at_season(text: str, s: int, e: int, w: str) -> _Found | None:
    name = SEASON_NAMES[SEASONS[w]]
    after_year = SEASON_YEAR.match(text, e)
    if after_year:
        return _with_qualifier(text, s), after_year.end(), f"{int(after_year.group('y')):04d}-{name}", SEASON
    if OF_AFTER.match(text, e):
        return None  # "the fall of Bakhmut"
    lb = _lb(LB_SEASON, text, s)
    if lb is not None:
        if LB_THE.search(text, max(0, lb.start() - 8), lb.start()):
            return None
        words = lb.group("mod").lower().split()
        mod = {"last": ":last", "past": ":last", "next": ":next", "coming": ":next",
               "upcoming": ":next", "this": ":this"}[words[-1]]  # fmt: skip
        return lb.start(), e, f"rel:season:{name}{mod}", SEASON
    if _lb(LB_SEASON_PREP, text, s) is not None:
        return _with_qualifier(text, s), e, f"rel:season:{name}", SEASON
    return None


def _count_value(token: str) -> int | None:
    t = " ".join(token.lower().replace("-", " ").split())
    if t.isdigit():
        return int(t)
    total = 0
    for part in t.split():
        if part not in SMALL_NUMBERS:
            return None
        total += SMALL_NUMBERS[part]
    return total


def _at_unit(text: str, s: int, e: int, w: str) -> _Found | None:
    plural = w.endswith("s")
    base = w[:-1] if plural else w
    if base not in UNIT_WORDS:
        return None
    ago = AGO_AFTER.match(text, e)
    if base == "day" and not ago:
        return _narrative_day(text, s, e, plural=plural)
    if ago:
        if base == "weekend":
            return None
        lb = LB_COUNT.search(text, max(0, s - 24), s)
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
        mod_m = _lb(LB_MOD, text, s)
        if mod_m is not None:
            if LB_THE.search(text, max(0, mod_m.start() - 10), mod_m.start()):
                return None  # "the last year": a duration
            word = mod_m.group("mod").lower().split()
            off = {"last": -1, "past": -1, "next": 1, "coming": 1, "upcoming": 1, "this": 0}[word[-1]]
            if word[-1] in ("coming", "upcoming") and len(word) == 1:
                return None  # "the coming year": a duration
            start = mod_m.start()
            q = LB_QUAL.search(text, max(0, start - 12), start)
            if q and q.group("q").lower() != "mid":
                start = q.start()
            unit = "week" if base == "weekend" else base
            return start, e, f"rel:{unit}:{off}", granularity_of_key(f"rel:{unit}:0")
        if base == "weekend":
            lb = LB_WEEKEND.search(text, max(0, s - 24), s)
            if lb is not None:
                return lb.start(), e, "rel:weekend:past", WEEK
        return None
    if plural and base == "year":
        lb = LB_IN_COUNT.search(text, max(0, s - 24), s)
        if lb is None or lb.group("n").lower() in ("a", "an"):
            return None
        if LB_DURATION_CUE.search(text, max(0, lb.start() - 40), lb.start()):
            return None  # "the first time in 20 years": a duration
        n = _count_value(lb.group("n"))
        if not n or n > 1000:
            return None
        end = e
        t = TIME_AFTER.match(text, e)
        if t:
            end = t.end()
        return lb.start(), end, f"rel:year:{n}", YEAR
    return None


def _narrative_day(text: str, s: int, e: int, *, plural: bool = False) -> _Found | None:
    """A day told from the story's own last date: "two days later", "a day earlier", "the next
    day", "the following morning", "that night", "the same day", "the day before." Its key
    ``rel:narr:<offset>`` has no value from the publication date; the comparison anchors it to
    the date told before it (:mod:`factdiff.compare.narrative`)."""
    later = LATER_AFTER.match(text, e)
    if later:
        lb = LB_COUNT.search(text, max(0, s - 24), s)
        if lb is None:
            return None
        tok = lb.group("n").lower()
        n = _count_value(tok)
        if not n or n > MAX_NARRATIVE_DAYS or (n > 1) != plural or (tok in ("a", "an") and plural):
            return None
        sign = 1 if later.group("w").lower() == "later" else -1
        return lb.start("n"), later.end(), f"rel:narr:{sign * n}", DAY
    if plural:
        return None
    if NOT_NARRATIVE_AFTER.match(text, e):
        return None  # "that day care centres", "the next day trip"
    lb = LB_NARRATIVE.search(text, max(0, s - 16), s)
    if lb is not None:
        return lb.start(), e, f"rel:narr:{NARRATIVE_OFFSET[' '.join(lb.group('w').lower().split())]}", DAY
    alone = BEFORE_AFTER_ALONE.match(text, e)
    if alone and text[s:e].lower() == "day":
        the = LB_THE_ALONE.search(text, max(0, s - 6), s)
        if the is not None:
            return the.start(), alone.end(), f"rel:narr:{-1 if alone.group('w').lower() == 'before' else 1}", DAY
    return None

"""Finding numbers in text: one token pass for candidate anchors, then digits, number words,
ordinals and times of day parsed at each, ranges sharing their scale and unit."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from .mention import CLOCK_UNIT, MEASURE_UNITS, CURRENCY_CODES, NumberMention, RawNumber, is_clock
from .patterns import (
    TIME_ZONE, ANCHOR_WORDS, ARTICLE_AHEAD, ATTACHED_UNITS, CANDIDATE_FIRST, CANDIDATE_FORMS,
    CLOCK, CURRENCY_SIGNS, DIGITS, FRACTION_AFTER, GAP, GLUED, HYPHENATED_NUMBER, NEXT,
    ONES, ONES_TEENS_TENS, ONE_HYPHEN_UNITS, ONE_IDIOM_AFTER_AT, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE, ORDINALS,
    ORD_SUFFIX, PAIR_WORDS, REPEAT_WORDS, PERCENT, RANGE_SEP, SCALE, SCALES, SCALE_ABBR, SECOND_TIME_AFTER,
    SIGN_AHEAD, SIGN_PREFIX, TEENS, TENS, TIME_AFTER, TIME_OR_SLASH, TOKEN, VAGUE,
    VAGUE_BASE, VULGAR, WORD_SEQ, WORD_TOKEN, next_word, prev_word, sentence_initial,
)
from .durations import compound_durations
from .units import one_spelling, plural_looking, qualifier_before, unit_after, singularize


def find_numbers(text: str, skip: Sequence[tuple[int, int]] = ()) -> tuple[NumberMention, ...]:
    """Return the number mentions in ``text`` in order, ignoring any inside ``skip`` spans."""
    spans = _merge(skip)
    starts = [s for s, _ in spans]
    raw: list[RawNumber] = []
    # A compound duration is one number: its parts are not read on their own.
    durations = [d for d in compound_durations(text) if not _overlaps(spans, starts, d.start, d.end)]
    pos = 0
    tokens = TOKEN.finditer(text)
    for tm in [m for m in tokens if (t := m.group()) in CANDIDATE_FORMS or t[0] in CANDIDATE_FIRST]:
        s, e = tm.span()
        while durations and durations[0].start <= s:
            if durations[0].start >= pos:
                raw.append(durations[0])
                pos = durations[0].end
            durations.pop(0)
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
        unit = one_spelling(r.unit or unit_after(text, r))
        out.append(
            NumberMention(
                r.start, r.end, text[r.start : r.end], r.value, unit,
                qualifier_before(text, r.start), r.ordinal, r.vague,
            )
        )  # fmt: skip
    return tuple(out)


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


def _clock(text: str, s: int, p: int, currency: str) -> RawNumber | None:
    """A time of day, as minutes on a twelve-hour dial: versions that say "1:34 PM" and "13:34",
    or "5pm" and "5:00", agree, and a time given without "am" or "pm" is not taken for a
    different one."""
    c = CLOCK.match(text, p)
    if currency or c is None or not (c.group("m") or c.group("half")):
        return None
    hour, minute = int(c.group("h")), int(c.group("m") or 0)
    if hour > 24 or c.group("half") and not 1 <= hour <= 12:
        return None
    # Times in different zones are not compared: "6 p.m. EDT" is "3 p.m. Arizona time".
    gap = GAP.match(text, c.end())
    zone = gap and TIME_ZONE.match(text, gap.end())
    unit = f"{CLOCK_UNIT} {zone.group('zone').lower()}" if zone else CLOCK_UNIT
    return RawNumber(s, c.end(), float(hour % 12 * 60 + minute), unit=unit)


def _parse_at(text: str, s: int, e: int, tok: str) -> RawNumber | None:
    """Try to read a number starting at token ``tok`` (``text[s:e]``)."""
    c = tok[0]
    prev = text[s - 1] if s else " "
    if "0" <= c <= "9":
        if prev.isalnum() or prev in "_.,/:'’":
            return None
        if prev in "-–" and not (s >= 2 and (text[s - 2].isdigit() or text[s - 2].isspace())):
            return None  # F-16, COVID-19, mid-2022 (but "10-15", " -5" are fine)
        return _parse_digits(text, s, s, "")
    if c in VULGAR:
        if prev.isdigit() or text[e : e + 1].isalnum():
            return None
        return RawNumber(s, e, VULGAR[c])
    if c in CURRENCY_SIGNS:
        if not SIGN_AHEAD.match(text, e):
            return None
        pre = SIGN_PREFIX.search(text, max(0, s - 2), s) if c == "$" else None
        start = pre.start() if pre else s
        if not pre and prev.isalnum():
            return None
        digit_at = SIGN_AHEAD.match(text, e).end() - 1  # type: ignore[union-attr]
        return _parse_digits(text, start, digit_at, CURRENCY_SIGNS[text[start:e]])
    if prev.isalnum() or (e < len(text) and (text[e].isalnum() or text[e] == "_")):
        return None  # part of a longer word ("naïve", "one_two")
    if prev in "-–":
        h = HYPHENATED_NUMBER.search(text, max(0, s - 12), s)
        if h and (h.group("w") is None or h.group("w").lower() in ANCHOR_WORDS):
            return None  # "one-third", "two-thirds": fractions are not counts
    if tok in CURRENCY_CODES:
        ahead = SIGN_AHEAD.match(text, e)
        return _parse_digits(text, s, ahead.end() - 1, tok) if ahead else None
    w = tok.lower()
    if w in ("a", "an"):
        return _parse_words(text, s, w) if ARTICLE_AHEAD.match(text, e) else None
    if w in ANCHOR_WORDS:
        return _parse_words(text, s, w)
    if w in PAIR_WORDS and _counts_a_plural(text, e):
        return RawNumber(s, e, 2.0)
    if w in REPEAT_WORDS and _counts_repeats(text, s, e):
        return RawNumber(s, e, REPEAT_WORDS[w], unit="time")
    return None


_DONE = re.compile(r"(?<![A-Za-z])(?:[a-z]{2,}(?<!e)ed|shot|hit|struck|met|won|lost|ran|fell|beat|cut|him|her|them|me|us)[ \t]+\Z")
_NOT_REPEATS_AFTER = re.compile(r"[ \t]*(?:-|(?:again|more|as|the|that|its|his|her|their|over|upon|before|removed)\b)", re.IGNORECASE)


def _counts_repeats(text: str, s: int, e: int) -> bool:
    """Whether "once", "twice" count how often something was done: right after a verb or its
    object ("shot once in the leg", "hit him twice"), not "once again", "twice as many", "he
    once said" or "once-mighty"."""
    return bool(_DONE.search(text, max(0, s - 12), s)) and not _NOT_REPEATS_AFTER.match(text, e)


def _counts_a_plural(text: str, p: int) -> bool:
    """Whether a plural noun follows within two words: "twin blasts", "twin car bombs" count two,
    "his twin brother" and "the Twin Cities" (a name) do not."""
    for _ in range(2):
        m = NEXT.match(text, p)
        if m is None or "-" in m.group("sep"):
            return False
        word = m.group("w")
        if not word.islower():
            return False
        if plural_looking(word):
            return True
        p = m.end()
    return False


def _parse_digits(text: str, s: int, p: int, currency: str) -> RawNumber | None:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        return None  # F-16, COVID-19, Su-25
    if (clock := _clock(text, s, p, currency)) is not None:
        return clock
    if TIME_OR_SLASH.match(text, p):
        return None  # 24/7, 9/11, 4/18/2023
    d = DIGITS.match(text, p)
    if d is None:
        return None
    digits = d.group("int").replace(",", "")
    if len(digits) > 15:
        return None
    if len(digits) > 1 and digits[0] == "0" and not d.group("dec"):
        return None  # "007", "0800": a name or a code, not a figure
    try:
        base = Decimal(digits + (d.group("dec") or "").replace(",", "."))  # "1,2 million": a decimal comma
    except InvalidOperation:  # pragma: no cover - the regex only admits digits
        return None
    if d.group("vf"):
        base += Decimal(str(VULGAR[d.group("vf").strip()]))
    elif d.group("mix"):
        fn, fd = int(d.group("fn")), int(d.group("fd"))
        if fn >= fd:
            return None
        base += Decimal(fn) / Decimal(fd)
    elif d.group("half"):
        base += Decimal("0.5")
    end = d.end()
    if FRACTION_AFTER.match(text, end):
        return None  # "2-thirds"
    frac_or_dec = d.group("dec") or d.group("vf") or d.group("mix") or d.group("half")
    if not frac_or_dec:
        o = ORD_SUFFIX.match(text, end)
        if o and not currency:
            return RawNumber(s, o.end(), float(base), ordinal=True)
    if TIME_AFTER.match(text, end) and not currency:
        return None  # 10am, 3 p.m.
    scale = 1
    unit = currency
    sc = SCALE.match(text, end)
    if sc:
        if sc.group("abbr"):
            scale, end = SCALE_ABBR[sc.group("abbr").lower()], sc.end()
        elif sc.group("word"):
            w = sc.group("word").lower()
            scale, end = (12 if w == "dozen" else SCALES[w]), sc.end()
        else:
            short = sc.group("short").lower()
            nxt = next_word(text, sc.end())
            if currency or (nxt and plural_looking(nxt) and short in "mk"):
                scale, end = {"m": 10**6, "k": 10**3, "b": 10**9}[short], sc.end()
            elif short == "m" and not frac_or_dec:
                return RawNumber(s, sc.end(), float(base), unit="m")
            else:
                return None
    tail = text[end : end + 1]
    if tail.isalpha() or (tail.isdigit() and not frac_or_dec):
        glued = GLUED.match(text, end)
        if glued and glued.group().lower() in ATTACHED_UNITS and scale == 1 and not currency:
            return RawNumber(s, glued.end(), float(base), unit=glued.group().lower())
        return None
    if not currency:
        pc = PERCENT.match(text, end)
        if pc:
            unit, end = ("percent" if pc.group("pct") else "percentage point"), pc.end()
    value = float(base * scale)
    return RawNumber(s, end, value, unit=unit, scaled=scale != 1, base=base)


def _parse_words(text: str, s: int, w: str) -> RawNumber | None:
    if text[s].isupper() and not text[s : s + 2].isupper() and not sentence_initial(text, s):
        return None  # "World War Two", "Formula One", "First Lady"
    v = VAGUE.match(text, s)
    if v:
        if v.group("s1"):
            head = v.group(0).split()[0].lower()
            value = VAGUE_BASE[head] * SCALES[v.group("s1").lower()[:-1]]
        elif v.group("s2"):
            head = v.group("few").split()[-1].lower()
            if head == "of":
                head = "couple"
            s2 = v.group("s2").lower()
            value = VAGUE_BASE[head] * (12 if s2 == "dozen" else 100 if s2 == "hundred" else SCALES[s2])
        else:
            value = VAGUE_BASE[v.group("one").split()[-1].lower()]
        return RawNumber(s, v.end(), float(value), vague=True)
    if w in VAGUE_BASE:
        return None
    if w in ORDINALS:
        return _ordinal_word(text, s, w)
    seq = WORD_SEQ.match(text, s)
    if seq is None:
        return None
    toks = [(t.group().lower(), s + t.start(), s + t.end()) for t in WORD_TOKEN.finditer(seq.group())]
    parsed = _words_value(toks)
    if parsed is None:
        return None
    value, end, ordinal, n_used = parsed
    if not ordinal and FRACTION_AFTER.match(text, end):
        return None  # "two-thirds", "two thirds"
    if n_used == 1 and toks[0][0] == "one" and not ordinal:
        nxt = NEXT.match(text, end)
        after = nxt.group("w").lower() if nxt else ""
        if nxt and "-" in nxt.group("sep"):  # "the one-year ban" is a number, "one-off" is not
            if singularize(after.split("-")[0]) not in ONE_HYPHEN_UNITS:
                return None
        elif (
            not after
            or after in ONE_PRONOUN_AFTER
            or text[end : end + 2] in ("'s", "’s")
            or prev_word(text, s) in ONE_PRONOUN_BEFORE
            or prev_word(text, s) == "at" and after in ONE_IDIOM_AFTER_AT
        ):
            return None
    raw = RawNumber(s, end, float(value), ordinal=ordinal, base=None if ordinal else Decimal(value))
    if not ordinal:
        pc = PERCENT.match(text, end)
        if pc:
            raw.unit, raw.end = ("percent" if pc.group("pct") else "percentage point"), pc.end()
    return raw


def _ordinal_word(text: str, s: int, w: str) -> RawNumber | None:
    e = s + len(w)
    prev = prev_word(text, s)
    after = next_word(text, e).lower()
    if w == "first" and prev == "at":
        return None
    if prev in ("a", "one") and after.lower() == "of" and w != "first" and w != "second":
        return None  # "a third of": a fraction
    if w == "second":
        if not after or text[max(0, s - 2) : s].strip().isdigit():
            return None  # "for a second.", "1 second"
        if prev in ("a", "one", "per", "split", "every", "each") and after in SECOND_TIME_AFTER:
            return None  # "a second later"
    return RawNumber(s, e, float(ORDINALS[w]), ordinal=True)


def _words_value(toks: list[tuple[str, int, int]]) -> tuple[float, int, bool, int] | None:
    """Parse number words; returns (value, end offset, ordinal, tokens used) or None."""
    if len(toks) >= 3 and toks[0][0] == "half" and toks[1][0] in ("a", "an"):
        w = toks[2][0]
        if w in SCALES:
            return SCALES[w] / 2, toks[2][2], False, 3
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
            if last is None and i + 1 < len(toks) and toks[i + 1][0] in ("hundred", "dozen", *SCALES):
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
            if last in ("hundred", "scale") and rest and rest[0] in ONES_TEENS_TENS:
                i += 1
                continue
            break
        if w in ONES:
            kind = "one"
            ok = last in (None, "hundred", "scale") or (last == "tens" and current % 10 == 0)
            if not ok or (w == "zero" and last is not None):
                break
            current += ONES[w]
        elif w in TEENS:
            kind = "teen"
            if last not in (None, "hundred", "scale"):
                break
            current += TEENS[w]
        elif w in TENS:
            kind = "tens"
            if last not in (None, "hundred", "scale"):
                break
            current += TENS[w]
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
        elif w in SCALES:
            kind = "scale"
            sc = SCALES[w]
            if last not in ("one", "teen", "tens", "hundred", "article", "half") or sc >= prev_scale:
                break
            total += current * sc
            current = 0.0
            prev_scale = sc
        elif w in ORDINALS and ORDINALS[w] < 10 and last == "tens" and toks[i - 1][2] + 1 == toks[i][1]:
            current += ORDINALS[w]  # twenty-first
            ordinal = True
            end, used = te, i + 1
            break
        elif w in ORDINALS and last in (None, "hundred", "scale") and last is not None:
            current += ORDINALS[w]
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


def _share_ranges(text: str, raw: list[RawNumber]) -> None:
    """Share scale, currency and unit between the two ends of a range ("10-15 million")."""
    for a, b in zip(raw, raw[1:]):
        sep = RANGE_SEP.fullmatch(text, a.end, b.start)
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
        a_noun = "" if a.unit else unit_after(text, a)
        b_noun = "" if b.unit else unit_after(text, b)
        if not a.unit and not a_noun:
            a.unit = b.unit or b_noun
        elif a.unit in MEASURE_UNITS and not b.unit and not b_noun:
            b.unit = a.unit

"""Whether two numbers can state the same fact: intervals of true values under rounding,
qualifiers and bounds; times of day; vague amounts."""

from __future__ import annotations

from decimal import Decimal

from .mention import MEASURE_UNITS, NumberMention, is_clock


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


def _within_the_hour(hour: NumberMention, time: NumberMention) -> bool:
    """A time given to the hour ("3 p.m.") is the hour a precise one ("3:22 p.m.") falls in."""
    return ":" not in hour.text and hour.value // 60 == time.value // 60


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

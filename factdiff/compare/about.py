"""Whether two values are about the same thing: the test every check that pairs two values needs.

Outlets that report one event independently write many sentences that only look alike: the girls
vanished on Monday, the bodies were found on Tuesday; one airline cancelled 200 flights, all
airlines 2,700. Two values conflict only when what they are about agrees. Measured one signal at a
time on the judged date and number flags of real coverage (``benchmarks/about_signals.py``, 91
pairs, ROC area; docs/real-coverage.md has the table), three carry the weight:

* whether either version also gives the other's value somewhere: then it tells both figures and
  contradicts neither (0.70), unless the claim is told in the same words (a version that
  changed one of two tellings still contradicts the others); in the sentence itself it always
  does. A head count in other words counts near the version's own figure ("five victims" for
  "five people"). And whether each figure is dated to a different day, by its own sentence or
  by the sentence of a figure it agrees with;
* what a figure is a share or count of, when both say ("70% of the marine biomass" / "13% of
  the world's biomass"): different wholes, different figures;
* how alike the two sentences are word for word with the values masked (0.76): a claim told
  again is told in many of the same words;
* how many content words the clauses around the two values share (0.64): what is counted and
  what happened to it;
* for dates, a specific place or organisation both clauses are about (the anchor that links
  dates across the story, :func:`.linking.story_date_links`).

The sentence model on the masked clause or sentence (0.58, 0.50) and the parse's head noun or
predicate (0.57, 0.47) did worse on their own; they are not used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from enum import Enum
from functools import lru_cache

from ..facts import AGE, SentenceFacts, Word
from ..model import Fact
from ..quantities import singularize
from ..temporal import within
from ..wordnet import names_people
from .claims import CONTENT_POS
from .linking import Link, anchors, dates_agree, is_vague, whole

TOLD_ALIKE = 0.5  # masked word-sequence ratio of two tellings of one claim (rewrites: 0.6-1.0)
TOLD_LOOSELY = 0.25  # below it, sentences of independent coverage share a topic, not a claim
SHARED_CLAUSE = 0.2  # content words two clauses about one counted thing share (Jaccard)
_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been are has have had "
    "that this these those it its he she they his her their them who which what when where said "
    "says say told also not no than more about after before over into up out there then".split()
)


class Evidence(Enum):
    """How surely two values are about the same thing."""

    NONE = 0
    LOOSE = 1  # the same kind of claim in different words, the clauses about one thing
    STRONG = 2  # one claim told twice


def words_alike(a: Fact, sa: Iterable[Word], b: Fact, sb: Iterable[Word]) -> float:
    """Word-sequence similarity of the sentences around two values, the values left out."""
    keys_a = [w.key for w in sa if not overlaps(w, a)]
    keys_b = [w.key for w in sb if not overlaps(w, b)]
    return SequenceMatcher(None, keys_a, keys_b, autojunk=False).ratio()


def sentence_overlap(sa: Iterable[Word], sb: Iterable[Word]) -> float:
    """Jaccard of the content lemmas of two sentences: what two sentences of one version share
    when they tell one fact with other words around it."""
    ca, cb = (frozenset(w.lemma.lower() for w in s if w.pos in CONTENT_POS and w.lemma.lower() not in _STOP) for s in (sa, sb))
    return len(ca & cb) / max(1, len(ca | cb))


def clause_overlap(a: Fact, b: Fact) -> float:
    """Jaccard of the content words of the two clauses, the values' own words left out."""
    ca, cb = clause_words(a), clause_words(b)
    return len(ca & cb) / max(1, len(ca | cb))


def states_value(fact: Fact, others: Iterable[Fact], near: int | None = None) -> bool:
    """Whether ``others`` (another version's facts) give this very value: the same date, or the
    same figure of the same unit; or, within :data:`NEAR_SENTENCES` of sentence ``near`` (where
    that version tells its own figure), the same head count of people in other words ("19
    people were wounded ... Of the five victims who remained hospitalized" against "five people
    remain in hospital")."""
    for other in others:
        if other.kind != fact.kind or other.value != fact.value:
            continue
        if dates_agree(fact, other) if fact.kind == "date" else other.slot == fact.slot:
            return True
        if near is not None and abs(other.sentence - near) <= NEAR_SENTENCES and _head_counts(fact, other):
            return True
    return False


NEAR_SENTENCES = 2  # how far from a figure the same head count in other words still tells it


def _head_counts(a: Fact, b: Fact) -> bool:
    return bool(a.slot and b.slot) and a.slot != AGE != b.slot and names_people(a.slot) and names_people(b.slot)


def evidence(
    a: Fact, sa: Iterable[Word], b: Fact, sb: Iterable[Word], facts_a: Sequence[Fact], facts_b: Sequence[Fact],
    borrowed: Mapping[Fact, Sequence[Fact]] | None = None,
) -> Evidence:
    """How surely two conflicting values, in sentences with words ``sa`` and ``sb`` of versions
    whose facts are ``facts_a`` and ``facts_b``, are about the same thing. ``borrowed``: dates a
    figure takes from the sentences of figures that agree with it (:func:`borrowed_dates`)."""
    sa, sb = list(sa), list(sb)
    here_a, here_b = _in_sentence(a, facts_a), _in_sentence(b, facts_b)
    if dated_apart(a, b, here_a, here_b, borrowed) or of_other_wholes(a, b) or counts_a_kind(a, b):
        return Evidence.NONE
    if a.kind == "date" and _inside_the_other(a, b, date_spans(here_a, sa), date_spans(here_b, sb)):
        return Evidence.NONE  # "born between the early 1980s and early 2000s" / "born in the 1990s"
    if _stated_either(a, b, here_a, here_b):
        return Evidence.NONE  # the sentence itself gives both values: they were paired wrongly
    alike = words_alike(a, sa, b, sb)
    if alike >= TOLD_ALIKE:
        return Evidence.STRONG  # one claim told twice, whatever else either version says elsewhere
    if _stated_either(a, b, facts_a, facts_b):
        return Evidence.NONE
    if alike >= TOLD_LOOSELY and clause_overlap(a, b) >= SHARED_CLAUSE:
        return Evidence.LOOSE
    if a.kind == "date" and anchors(a) & anchors(b):
        return Evidence.LOOSE  # "an appearance at Mariupol in March 2022" / "Last month, Putin visited Mariupol"
    return Evidence.NONE


def dated_apart(
    a: Fact, b: Fact, facts_a: Sequence[Fact], facts_b: Sequence[Fact], borrowed: Mapping[Fact, Sequence[Fact]] | None = None
) -> bool:
    """Whether two figures are told of different days: each is dated (by its own sentence, or by
    the sentence of a figure that agrees with it) and no date of one agrees with a date of the
    other ("Friday, which saw the Dow close down 666 points" / "Monday the Dow shed 1,175
    points", and so also against "the Dow ended down 1,175 points", undated). Dates that cannot
    be compared ("Friday" against "2018's gains" in an undated story) neither tie nor part them."""
    if a.kind != "number":
        return False
    borrowed = borrowed or {}
    dates_a = _sentence_dates(a, facts_a) + list(borrowed.get(a, ()))
    dates_b = _sentence_dates(b, facts_b) + list(borrowed.get(b, ()))
    verdicts = {dates_agree(x, y) for x in dates_a for y in dates_b}
    return False in verdicts and True not in verdicts


def borrowed_dates(links: Iterable[Link], facts_of: Mapping[str, Sequence[Fact]]) -> dict[Fact, list[Fact]]:
    """For each figure, the dates of the sentences of the figures of other versions it agrees
    with: one figure told twice is of one day, whichever sentence names it."""
    dates: dict[tuple[str, int], list[Fact]] = {}
    for facts in facts_of.values():
        for fact in facts:
            if fact.kind == "date" and fact.value != "unknown":
                dates.setdefault((fact.doc, fact.sentence), []).append(fact)
    borrowed: dict[Fact, list[Fact]] = {}
    for link in links:
        if link.agree and link.a.kind == "number":
            borrowed.setdefault(link.a, []).extend(dates.get((link.b.doc, link.b.sentence), ()))
            borrowed.setdefault(link.b, []).extend(dates.get((link.a.doc, link.a.sentence), ()))
    return borrowed


_SPAN_OPENS = frozenset({"between", "from"})
_SPAN_CLOSES = frozenset({"and", "to", "until", "through", "-", "–", "—"})


def date_spans(sentence_facts: Iterable[Fact], words: Sequence[Word]) -> list[tuple[Fact, Fact]]:
    """The spans of dates a sentence gives: "between X and Y", "from X to Y"."""
    dates = sorted((f for f in sentence_facts if f.kind == "date" and not f.value.startswith("rel:") and f.value != "unknown"), key=lambda f: f.start)
    spans = []
    for first, last in zip(dates, dates[1:]):
        joining = [w.text.lower() for w in words if first.end <= w.start and w.end <= last.start]
        opening = [w.text.lower() for w in words if w.end <= first.start][-2:]
        if len(joining) == 1 and joining[0] in _SPAN_CLOSES and _SPAN_OPENS & set(opening):
            spans.append((first, last))
    return spans


def of_other_wholes(a: Fact, b: Fact) -> bool:
    """Two figures each a share or a count of something named, and not the same something:
    "70% of marine biomass" / "13 percent of the world's biomass"."""
    wa, wb = whole(a), whole(b)
    return bool(wa and wb) and wa != wb


def counts_a_kind(a: Fact, b: Fact) -> bool:
    """One figure counts a kind of the thing the other counts, and no more of it: "three charges
    of attempted murder" lie within "four of five charges". A share is not: "40% of female
    exonerees" and "60%" are shares of different wholes, neither inside the other."""
    if a.kind != "number" or not a.slot or a.slot != b.slot or a.slot in ("percent", "percentage point"):
        return False
    if bool(whole(a)) == bool(whole(b)):
        return False
    kind, every = (a, b) if whole(a) else (b, a)
    return float(kind.value) <= float(every.value)


def _inside_the_other(a: Fact, b: Fact, spans_a: list[tuple[Fact, Fact]], spans_b: list[tuple[Fact, Fact]]) -> bool:
    """Whether either date lies inside a span the other's sentence gives with the other as one
    end ("between X and Y", "from X to Y"), not being a span's end itself: a span is not its two
    ends, but "from 2007 to 2010" / "between 2006 and 2010" do conflict."""

    def inside(fact: Fact, bound: Fact, spans: list[tuple[Fact, Fact]], own: list[tuple[Fact, Fact]]) -> bool:
        if fact.value.startswith("rel:") or any(fact in pair for pair in own):
            return False
        return any(bound in pair and within(fact.value, pair[0].value, pair[1].value) for pair in spans)

    return inside(b, a, spans_a, spans_b) or inside(a, b, spans_b, spans_a)


def owner_and_noun(fact: Fact, words: Sequence[Word]) -> tuple[str, str] | None:
    """The proper noun and the noun of the phrase "<Name>'s FIGURE <noun>" a figure sits in: the
    phrase itself says what the figure is of ("Britain's $2.8 trillion economy")."""
    inside = [i for i, w in enumerate(words) if overlaps(w, fact)]
    if not inside or inside[0] < 2 or inside[-1] + 1 >= len(words):
        return None
    owner, mark, noun = words[inside[0] - 2], words[inside[0] - 1], words[inside[-1] + 1]
    if owner.pos != "PROPN" or mark.text not in ("'s", "’s") or noun.pos != "NOUN":
        return None
    return owner.key, noun.lemma.lower()


def _in_sentence(fact: Fact, facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in facts if f.sentence == fact.sentence]


def _sentence_dates(fact: Fact, facts: Iterable[Fact]) -> list[Fact]:
    return [f for f in _in_sentence(fact, facts) if f.kind == "date" and f.value != "unknown"]


def overlaps(word: Word, fact: Fact) -> bool:
    """Whether a word shares any character with a fact's span."""
    return word.start < fact.end and fact.start < word.end


@lru_cache(maxsize=65536)
def clause_words(fact: Fact) -> frozenset[str]:
    """The content words of the clause around a value, lower-cased, the value's own left out
    (cached: the story checks compare each fact with many)."""
    value_words = {w.lower() for w in re.findall(r"\w+", fact.text)}
    return frozenset({
        singularize(w)  # "the 23rd floor of the apartments" / "of an apartment building"
        for w in (x.lower() for x in (fact.context or "").split())
        if (w.isalpha() or _ORDINAL.fullmatch(w)) and len(w) > 1 and w not in _STOP and w not in value_words
    })


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def weigh(links: Sequence[Link], by_sentence: Mapping[tuple[str, int], SentenceFacts], facts_of: Mapping[str, Sequence[Fact]]) -> list[Link]:
    """Conflicting links kept only where the two values are about the same thing.

    A link inside an aligned group stays as it is on strong evidence, becomes indirect (told as a
    warning) on loose evidence, and is dropped on none. A link across the story was made on an
    anchor the clauses share; it is dropped where either version also gives the other's value.
    A relative date no publication date resolves ("Monday" in an undated story) conflicts only
    in one claim told twice: a weekday against a weekday of another event is not a conflict.
    """
    kept = []
    borrowed = borrowed_dates(links, facts_of)
    for link in links:
        if link.agree:
            kept.append(link)
            continue
        a, b = link.a, link.b
        found = evidence(
            a, by_sentence[(a.doc, a.sentence)].words, b, by_sentence[(b.doc, b.sentence)].words,
            facts_of[a.doc], facts_of[b.doc], borrowed,
        )
        if _unresolved(a) or _unresolved(b):
            if found is Evidence.STRONG:
                kept.append(link)
        elif link.aligned:
            if found is Evidence.STRONG:
                kept.append(link)
            elif found is Evidence.LOOSE and not (is_vague(a) or is_vague(b)):
                kept.append(replace(link, aligned=False))  # "several dozen" against "2,800" needs the same words
        elif found is not Evidence.NONE or not _stated_either(a, b, facts_of[a.doc], facts_of[b.doc]):
            kept.append(link)  # linked across the story on an anchor both clauses share
    return kept


def _stated_either(a: Fact, b: Fact, facts_a: Iterable[Fact], facts_b: Iterable[Fact]) -> bool:
    return states_value(a, facts_b, near=b.sentence) or states_value(b, facts_a, near=a.sentence)


def _unresolved(fact: Fact) -> bool:
    """A date counted from a publication date nobody gave ("Monday", "last month"). A calendar
    date or a month named without its year ("April 14", "in March") still compares within one
    story: its versions tell one year."""
    return fact.kind == "date" and fact.value.startswith("rel:") and not fact.value.startswith(("rel:date:", "rel:month-name:"))

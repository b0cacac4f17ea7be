"""Whether two values are about the same thing: the test every check that pairs two values needs.

Outlets that report one event independently write many sentences that only look alike: the girls
vanished on Monday, the bodies were found on Tuesday; one airline cancelled 200 flights, all
airlines 2,700. Two values conflict only when what they are about agrees. Measured one signal at a
time on the judged date and number flags of real coverage (``benchmarks/about_signals.py``, 91
pairs, ROC area; docs/real-coverage.md has the table), three carry the weight:

* whether either version also gives the other's value somewhere: then it tells both figures and
  contradicts neither (0.70); and whether each sentence dates its figure to a different day;
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

from ..facts import SentenceFacts, Word
from ..model import Fact
from .linking import Link, anchors, dates_agree, is_vague

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
    keys_a = [w.key for w in sa if not _within(w, a)]
    keys_b = [w.key for w in sb if not _within(w, b)]
    return SequenceMatcher(None, keys_a, keys_b, autojunk=False).ratio()


def clause_overlap(a: Fact, b: Fact) -> float:
    """Jaccard of the content words of the two clauses, the values' own words left out."""
    ca, cb = clause_words(a), clause_words(b)
    return len(ca & cb) / max(1, len(ca | cb))


def states_value(fact: Fact, others: Iterable[Fact]) -> bool:
    """Whether ``others`` (another version's facts) give this very value: the same date, or the
    same figure of the same unit."""
    for other in others:
        if other.kind != fact.kind or other.value != fact.value:
            continue
        if fact.kind == "date" or other.slot == fact.slot:
            return True
    return False


def evidence(a: Fact, sa: Iterable[Word], b: Fact, sb: Iterable[Word], facts_a: Iterable[Fact], facts_b: Iterable[Fact]) -> Evidence:
    """How surely two conflicting values, in sentences with words ``sa`` and ``sb`` of versions
    whose facts are ``facts_a`` and ``facts_b``, are about the same thing."""
    if _stated_either(a, b, facts_a, facts_b) or dated_apart(a, b, facts_a, facts_b):
        return Evidence.NONE
    alike = words_alike(a, sa, b, sb)
    if alike >= TOLD_ALIKE:
        return Evidence.STRONG
    if alike >= TOLD_LOOSELY and clause_overlap(a, b) >= SHARED_CLAUSE:
        return Evidence.LOOSE
    if a.kind == "date" and anchors(a) & anchors(b):
        return Evidence.LOOSE  # "an appearance at Mariupol in March 2022" / "Last month, Putin visited Mariupol"
    return Evidence.NONE


def dated_apart(a: Fact, b: Fact, facts_a: Iterable[Fact], facts_b: Iterable[Fact]) -> bool:
    """Whether two figures are told of different days: each sentence dates its figure and no
    date of one agrees with a date of the other ("Friday, which saw the Dow close down 666
    points" / "Monday the Dow shed 1,175 points")."""
    if a.kind != "number":
        return False
    dates_a = [f for f in facts_a if f.kind == "date" and f.sentence == a.sentence and f.value != "unknown"]
    dates_b = [f for f in facts_b if f.kind == "date" and f.sentence == b.sentence and f.value != "unknown"]
    return bool(dates_a and dates_b) and all(dates_agree(x, y) is False for x in dates_a for y in dates_b)


def _within(word: Word, fact: Fact) -> bool:
    return word.start < fact.end and fact.start < word.end


def clause_words(fact: Fact) -> set[str]:
    """The content words of the clause around a value, lower-cased, the value's own left out."""
    value_words = {w.lower() for w in re.findall(r"\w+", fact.text)}
    return {
        w
        for w in (x.lower() for x in (fact.context or "").split())
        if w.isalpha() and len(w) > 1 and w not in _STOP and w not in value_words
    }


def weigh(links: Sequence[Link], by_sentence: Mapping[tuple[str, int], SentenceFacts], facts_of: Mapping[str, Sequence[Fact]]) -> list[Link]:
    """Conflicting links kept only where the two values are about the same thing.

    A link inside an aligned group stays as it is on strong evidence, becomes indirect (told as a
    warning) on loose evidence, and is dropped on none. A link across the story was made on an
    anchor the clauses share; it is dropped where either version also gives the other's value.
    A relative date no publication date resolves ("Monday" in an undated story) conflicts only
    in one claim told twice: a weekday against a weekday of another event is not a conflict.
    """
    kept = []
    for link in links:
        if link.agree:
            kept.append(link)
            continue
        a, b = link.a, link.b
        found = evidence(a, by_sentence[(a.doc, a.sentence)].words, b, by_sentence[(b.doc, b.sentence)].words, facts_of[a.doc], facts_of[b.doc])
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
    return states_value(a, facts_b) or states_value(b, facts_a)


def _unresolved(fact: Fact) -> bool:
    """A date counted from a publication date nobody gave ("Monday", "last month"). A calendar
    date or a month named without its year ("April 14", "in March") still compares within one
    story: its versions tell one year."""
    return fact.kind == "date" and fact.value.startswith("rel:") and not fact.value.startswith(("rel:date:", "rel:month-name:"))

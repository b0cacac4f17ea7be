"""Negation: one version negates what another affirms (FD501).

Decided on two versions of one aligned group (:func:`negation_conflicts`), from the negation
facts of :mod:`factdiff.facts` (each names the predicate it negates) and the versions' words.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ...negation import NEGATION_WORDS, word_class
from ...model import Discrepancy, Fact, Severity, Value
from ..claims import DocFacts, negations
from ..emit import make, span_value, value_of
from ..registry import Example, Rule

NEGATION_CONTEXT = 0.75  # word-sequence similarity above which a negation difference is a warning
NEGATION_WINDOW = 4  # words either side of the negated predicate compared on their own
NEGATION_LOCAL_CONTEXT = 0.8  # their similarity above which the difference is a warning anyway

NEGATION_CONFLICT = Rule(
    "FD501",
    "negation",
    (Severity.WARNING, Severity.INFO),
    "one version negates what another affirms",
    "\"Will not survive\" against \"will survive\" reverses the claim with one word. A version "
    "with more negations than the other is told where the predicate it negates is used, as the "
    "same kind of word, affirmed in the other version: a warning where the sentences (or the "
    "words around the predicate) line up closely, worth a look (info) elsewhere, since rewriters "
    "move negation around freely. It stays quiet where both versions negate alike however "
    "worded (\"nor was he asked\" / \"he was not asked\"), for an extra \"not\" around a reworded "
    "verb (\"did not accept\" / \"refused\"), for auxiliaries, and in questions, which affirm "
    "nothing.",
    (Example("Many people believe the company will not survive the coming year.",
             "Many people believe the company will survive the coming year."),),
    (Example("The players did not accept the new contract offered by the club.",
             "The players refused the new contract offered by the club."),),
)
RULES = (NEGATION_CONFLICT,)


def negation_conflicts(group_id: str, a: DocFacts, b: DocFacts) -> list[Discrepancy]:
    """FD501: negations one version has and the other lacks, on a predicate the other affirms."""
    count_a, count_b = negations(a), negations(b)
    if count_a == count_b:
        return []  # "nor was he asked" and "he was not asked": negated alike, worded apart
    # Only a predicate both versions use can be negated in one and affirmed in the other: an
    # extra "not" around reworded verbs is usually a paraphrase ("bans" / "does not allow";
    # measured on OneStopEnglish, counting those tripled the false alarms). And rewriters move
    # negation around freely ("the best place" / "no better place"), so only where the two
    # sentences, or the words around the predicate, line up closely is a difference a warning;
    # elsewhere it is worth a look (info).
    lined_up = SequenceMatcher(None, [w.key for w in a.words], [w.key for w in b.words], autojunk=False).ratio()
    severity = Severity.WARNING if lined_up >= NEGATION_CONTEXT else Severity.INFO
    found = []
    for first, second in ((a, b), (b, a)) if count_a > count_b else ((b, a), (a, b)):
        negated_second = {f.slot for f in second.facts if f.kind == "negation"}
        for fact in (f for f in first.facts if f.kind == "negation"):
            if fact.slot in negated_second:
                continue
            twin = _affirmed_twin(second, fact)
            if twin is not None:
                counterpart = _affirmed_span(second, twin)
                values = (value_of(fact), counterpart)
                around = _around(first, fact.slot, values[0]), _around(second, fact.slot, counterpart)
                local = SequenceMatcher(None, *around, autojunk=False).ratio() if all(around) else 0.0
                found.append(
                    make(
                        NEGATION_CONFLICT,
                        Severity.WARNING if local >= NEGATION_LOCAL_CONTEXT else severity,
                        group_id,
                        f"{first.doc} says “{fact.text}” where {second.doc} affirms “{counterpart.text}”.",
                        values,
                        slot=fact.slot,
                    )
                )
    return found


def _around(facts: DocFacts, lemma: str, span: Value) -> list[str]:
    """The words either side of a predicate, negators left out: what must line up for a negation
    difference in otherwise rewritten sentences to be the point of the edit."""
    words = [w for w in facts.words if w.pos != "PUNCT" and w.lemma not in NEGATION_WORDS]
    at = next((i for i, w in enumerate(words) if w.lemma == lemma and span.start <= w.start and w.end <= span.end), None)
    if at is None:
        return []
    return [w.key for w in words[max(0, at - NEGATION_WINDOW) : at + NEGATION_WINDOW + 1]]


def _affirmed_twin(facts: DocFacts, negation: Fact) -> int | None:
    """Where a version uses the negated predicate as the same kind of word, if it does.

    Main verbs count even when on spaCy's stop list ("have not used" / "have used", "it doesn't
    have" / "it has"); auxiliaries do not ("they've been left out" / "they've not been a part"
    negates the complement, not "be"); nor does a question ("Did you stop people from visiting?"
    affirms nothing)."""
    for i, word in enumerate(facts.words):
        if (
            word.lemma == negation.slot
            and not word.in_question
            and word_class(word.pos) == negation.detail
            and (word.lemma in facts.lemmas or word.pos == "VERB")
        ):
            return i
    return None


def _affirmed_span(facts: DocFacts, at: int) -> Value:
    """The affirmed predicate with the auxiliaries before it ("will survive", "do have"): where
    the other version's negation stands."""
    first = at
    while first > 0 and facts.words[first - 1].pos in ("AUX", "PART") and facts.words[first - 1].lemma != "to":
        first -= 1
    return span_value(facts, facts.words[first].start, facts.words[at].end, "affirmed")

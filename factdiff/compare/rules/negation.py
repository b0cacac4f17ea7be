"""Negation: one version negates what another affirms (FD501).

Decided on two versions of one aligned group (:func:`negation_conflicts`), from the negation
facts of :mod:`factdiff.facts` (each names the predicate it negates) and the versions' words;
and across the story, where outlets that report independently tell one claim in sentences
that do not align (:func:`story_negation_conflicts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from ... import wordnet
from ...facts import SentenceFacts, Word
from ...negation import NEGATION_WORDS, word_class
from ...model import Discrepancy, Fact, Sentence, Severity, Value
from ..claims import DocFacts, covers, lined_up, negations
from ..emit import make, span_value, value_of
from ..linking import names_within
from ..registry import Example, Rule

NEGATION_CONTEXT = 0.75  # word-sequence similarity above which a negation difference is a warning
NEGATION_WINDOW = 4  # words either side of the negated predicate compared on their own
NEGATION_LOCAL_CONTEXT = 0.8  # their similarity above which the difference is a warning anyway
NEGATION_FLANK = 2  # words that must line up on each side of a negator the other version lacks
NEGATION_WITH_WORDS = 3  # a negator and the words put in with it, at most
NEGATION_MOVED = 6  # words either side where the other version's own negator makes it the same denial
ARGUMENT_WINDOW = 8  # words either side of a predicate where its participants are named
SHARED_ARGUMENTS = 3  # nouns and names two unaligned sentences share around one predicate
_NOT_ASSERTED = frozenset("can could may might would should will must to if unless whether".split())

NEGATION_CONFLICT = Rule(
    "FD501",
    "negation",
    (Severity.WARNING, Severity.INFO),
    "one version negates what another affirms",
    "\"Will not survive\" against \"will survive\" reverses the claim with one word. A version "
    "with more negations than the other is told where the predicate it negates is used, as the "
    "same kind of word, affirmed in the other version: a warning where the sentences (or the "
    "words around the predicate) line up closely, worth a look (info) elsewhere, since rewriters "
    "move negation around freely. A negator put into words that line up either side is a "
    "warning whatever it negates (\"are not among those\", \"the problem is not that\"), also "
    "with the verb after it reworded as a synonym (\"will not experience\" / \"will suffer\"). "
    "Across the story, a predicate one version negates and another affirms in a sentence that "
    "does not align is a warning where the words around it name the same participants "
    "(three nouns and names, at least one of each: \"the Academy has not yet pulled Sacha Baron "
    "Cohen's Oscar tickets\" / \"the Academy ... has pulled actor Sacha Baron Cohen's "
    "tickets\"), neither told as a possibility, a plan or a condition. "
    "It stays quiet where both versions negate alike however worded (\"nor was he asked\" / "
    "\"he was not asked\"), for a negation moved within the claim, for an extra \"not\" around a "
    "reworded verb (\"did not accept\" / \"refused\", \"would pay not to get\" / \"would pay to "
    "avoid\"), for auxiliaries, and in questions, which affirm nothing.",
    (Example("Many people believe the company will not survive the coming year.",
             "Many people believe the company will survive the coming year."),
     Example("Large retailers such as Aldi and Lidl are not among those that signed the pledge last spring.",
             "Large retailers such as Aldi and Lidl are among those that signed the pledge last spring."),),
    (Example("The players did not accept the new contract offered by the club.",
             "The players refused the new contract offered by the club."),
     Example("Many of the volunteers said they would pay not to get another shock.",
             "Many of the volunteers said they would pay to avoid another shock."),),
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
        inserted = _inserted_negators(first, second)
        for fact in (f for f in first.facts if f.kind == "negation"):
            at = next((inserted[w.start] for w in first.words if w.start in inserted and fact.start <= w.start < fact.end), None)
            if at is None and fact.slot in negated_second:
                continue
            twin = _affirmed_twin(second, fact)
            if at is not None:
                # The one-word edit itself: a "not" put into (or taken out of) words that line up
                # either side. The other version's words there are what it affirms, whatever the
                # predicate ("are not among those" / "are among those", "is not that" / "is that"),
                # and whatever else it denies ("the orcas won't recover and the profits won't
                # recover either" / "... and the profits will recover either").
                counterpart = _affirmed_span(second.sentences, second.words, min(at + 1, len(second.words) - 1))
                level = Severity.WARNING
            elif twin is not None:
                counterpart = _affirmed_span(second.sentences, second.words, twin)
                around = _around(first, fact.slot, value_of(fact)), _around(second, fact.slot, counterpart)
                local = SequenceMatcher(None, *around, autojunk=False).ratio() if all(around) else 0.0
                level = Severity.WARNING if local >= NEGATION_LOCAL_CONTEXT else severity
            else:
                continue
            found.append(
                make(
                    NEGATION_CONFLICT,
                    level,
                    group_id,
                    f"{first.doc} says “{fact.text}” where {second.doc} affirms “{counterpart.text}”.",
                    (value_of(fact), counterpart),
                    slot=fact.slot,
                )
            )
    return found


def _inserted_negators(first: DocFacts, second: DocFacts) -> dict[int, int]:
    """The negators of ``first`` that ``second`` lacks where the words either side line up, by
    their start offset: the index of the word of ``second`` they would follow (for "are not
    among" / "are among", the "are").

    Compared by lemma, so that "can't" / "can" and "weren't" / "were" differ by the negator only
    (or by words :func:`_in_its_place` that make no other claim), in words that line up either
    side (:func:`_framed`): with fewer, the claim is reworded around the negator ("they've not
    been a part" / "they've been left out"). A negator put in with a word or two of its own
    needs its flanks in full (:func:`_firmly_framed`). A negation both versions give ("is not
    lack of knowledge" / "is lack of knowledge") is not where the negator moved."""
    lemmas = [w.lemma for w in first.words], [w.lemma for w in second.words]
    blocks = SequenceMatcher(None, *lemmas, autojunk=False).get_opcodes()
    shared = {(f.slot, f.text.lower()) for f in first.facts if f.kind == "negation"}
    denials = {f.start for f in second.facts if f.kind == "negation" and (f.slot, f.text.lower()) not in shared}
    found = {}
    for i, (tag, i1, i2, j1, j2) in enumerate(blocks):
        negated, affirmed = first.words[i1:i2], second.words[j1:j2]
        alone = tag == "delete" and all(w.lemma in NEGATION_WORDS for w in negated)
        with_words = tag == "delete" and _negator_and_words(negated)
        if not (alone or with_words or tag == "replace" and _in_its_place(negated, affirmed)):
            continue
        if any(w.lemma in NEGATION_WORDS or w.start in denials for w in second.words[max(0, j1 - NEGATION_MOVED) : j2 + NEGATION_MOVED]):
            continue  # moved, not dropped: "it is not as if you can argue" / "you can't say"
        if (_firmly_framed if with_words else _framed)(first, blocks, i):
            for w in negated:
                if w.lemma in NEGATION_WORDS:
                    found[w.start] = j1 - 1
    return found


def _negator_and_words(words: Sequence[Word]) -> bool:
    """A negator put in with a word or two of its own ("walls are not hung with educational
    charts" / "walls are educational charts")."""
    return 1 < len(words) <= NEGATION_WITH_WORDS and words[0].lemma in NEGATION_WORDS and not any(
        w.lemma in NEGATION_WORDS for w in words[1:])


def _firmly_framed(facts: DocFacts, blocks, at: int) -> bool:
    """NEGATION_FLANK words lined up on each side: what a negator put in with words of its own
    needs, with no single word to say what it hangs on."""
    return min(_flanks(facts, blocks, at)) >= NEGATION_FLANK


def _flanks(facts: DocFacts, blocks, at: int) -> tuple[int, int]:
    """The words lined up just before and just after opcode ``at``."""
    before, after = (lined_up(facts, blocks[k]) if 0 <= k < len(blocks) else 0 for k in (at - 1, at + 1))
    return before, after


def _framed(facts: DocFacts, blocks, at: int) -> bool:
    """Whether the words either side of the negator at opcode ``at`` line up: NEGATION_FLANK of
    them each side, or as many in all where the single word on one side is what the negator
    hangs on, the auxiliary before it or the predicate after it ("was not awarded Dark Sky Park
    status" / "sq km, was awarded Dark Sky Park status", "if they were not stricter on" / "if
    they were stricter when"); an auxiliary, the negator and a verb with NEGATION_FLANK words
    after it are a verb phrase enough ("he is not beginning to be" / "people are beginning to").
    A "that" or a "to" lines up in claims reworded around it ("know that not everyone wants" /
    "think that everyone wants", "would pay not to get" / "would pay to avoid"). A negator after
    another is a double negation ("not to say rates might not change" / "rates might change")."""
    _, i1, i2, _, _ = blocks[at]
    before, after = _flanks(facts, blocks, at)
    if min(before, after) >= NEGATION_FLANK:
        return True
    if min(before, after) < 1:
        return False
    next_pos = facts.words[i2].pos if i2 < len(facts.words) else ""
    verb_phrase = before == 1 and after >= NEGATION_FLANK and facts.words[i1 - 1].pos == "AUX" and next_pos == "VERB"
    if before + after < 2 * NEGATION_FLANK and not verb_phrase:
        return False
    if before == 1 and facts.words[i1 - 1].pos not in ("AUX", "VERB"):
        return False
    if next_pos not in ("VERB", "ADJ", "NOUN", "PROPN", "NUM", "PRON"):
        return False
    return not any(w.lemma in NEGATION_WORDS for w in facts.words[max(0, i1 - NEGATION_MOVED) : i1])


def _in_its_place(negated: Sequence[Word], affirmed: Sequence[Word]) -> bool:
    """Whether the other version's words stand where the negator does as no other claim: an
    adverb ("can not do" / "can actually do"), or the negated word itself reworded as a synonym
    or a broader word ("will not experience violence" / "will suffer violence", "were not
    assigned names" / "were given names"; an opposite is the negation reworded: "did not
    accept" / "refused")."""
    if all(w.pos == "ADV" and w.lemma not in NEGATION_WORDS for w in affirmed) and all(w.lemma in NEGATION_WORDS for w in negated):
        return True
    if len(negated) != 2 or len(affirmed) != 1 or negated[0].lemma not in NEGATION_WORDS:
        return False
    word, other = negated[1], affirmed[0]
    return word_class(word.pos) == word_class(other.pos) and wordnet.relation(word.lemma, other.lemma, word.pos) in (
        wordnet.Relation.SAME, wordnet.Relation.BROADER)


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
    affirms nothing), nor a word the version itself negates."""
    denied = [(f.start, f.end) for f in facts.facts if f.kind == "negation"]
    for i, word in enumerate(facts.words):
        if (
            word.lemma == negation.slot
            and not word.in_question
            and not any(start <= word.start < end for start, end in denied)
            and word_class(word.pos) == negation.detail
            and (word.lemma in facts.lemmas or word.pos == "VERB")
        ):
            return i
    return None


def _affirmed_span(sentences: Sequence[Sentence], words: Sequence[Word], at: int) -> Value:
    """The affirmed predicate with the auxiliaries before it ("will survive", "do have"): where
    the other version's negation stands."""
    return span_value(sentences, words[_with_auxiliaries(words, at)].start, words[at].end, "affirmed")


def _with_auxiliaries(words: Sequence[Word], at: int) -> int:
    """Where the verb at ``at`` begins with its auxiliaries ("will survive", "has pulled")."""
    first = at
    while first > 0 and words[first - 1].pos in ("AUX", "PART") and words[first - 1].lemma != "to":
        first -= 1
    return first


def story_negation_conflicts(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """FD501 across the story: a verb one version negates, affirmed by another version in a
    sentence of another group (or none) with the same participants around it.

    Independent reports of one claim rarely align ("Contrary to reports, the Academy has not
    yet pulled Sacha Baron Cohen's Oscar tickets" / "The Academy Of Motion Picture Arts &
    Sciences has pulled actor Sacha Baron Cohen's tickets"). One shared name or noun ties
    nothing ("Kanan and Li built an electrochemical cell - a device" / "We haven't built a
    device"): the verb's subject must be one named thing or one noun ("Lost Love Lounge
    doesn't have a patio" / "All Ways has an outdoor patio, unlike Lost Love Lounge"; a pronoun
    says nothing), the participants around it named alike, nouns and names
    (:data:`SHARED_ARGUMENTS` within :data:`ARGUMENT_WINDOW` words), and neither side told
    as a possibility, a plan or a condition ("could still happen", "to pull"), nor the
    affirmed verb under a negator of its own ("shows no sign of slowing")."""
    # Every asserted verb once, by version and lemma: a long story has thousands of sentences.
    # Only verbs with a subject named right before them can ever match, so the rest are left out.
    affirmed: dict[str, dict[str, list[tuple[SentenceFacts, int, str, dict[str, str]]]]] = defaultdict(lambda: defaultdict(list))
    for analysis in analyses:
        for j in _affirmed_verbs(analysis):
            subject = _subject(analysis, j)
            if subject:
                affirmed[analysis.sentence.doc][analysis.words[j].lemma].append((analysis, j, subject, _nouns_around(analysis.words, j)))
    found = []
    for first in analyses:
        doc_a, group = first.sentence.doc, group_of.get((first.sentence.doc, first.sentence.index))
        for fact in first.facts:
            if fact.kind != "negation" or fact.detail != "VERB":
                continue
            at = next((i for i, w in enumerate(first.words) if w.lemma == fact.slot and fact.start <= w.start < fact.end), None)
            if at is None or first.words[at].in_question or _not_asserted(first.words, at):
                continue
            subject, around = _subject(first, at), _nouns_around(first.words, at)
            if not subject:
                continue
            for doc_b in sorted(affirmed.keys() - {doc_a}):
                best = max(
                    (
                        (len(shared), second, j)
                        for second, j, theirs, around_theirs in affirmed[doc_b].get(fact.slot, ())
                        if group is None or group_of.get((doc_b, second.sentence.index)) != group
                        if _one_subject(subject, theirs)
                        for shared in [_participants(around, around_theirs)]
                        if shared
                    ),
                    key=lambda found: found[0],
                    default=None,
                )
                if best is None:
                    continue
                _, second, j = best
                counterpart = _affirmed_span((second.sentence,), second.words, j)
                found.append(
                    make(
                        NEGATION_CONFLICT,
                        Severity.WARNING,
                        group,
                        f"{doc_a} says “{fact.text}” where {doc_b} affirms “{counterpart.text}”.",
                        (value_of(fact), counterpart),
                        slot=fact.slot,
                    )
                )
    return found


def _affirmed_verbs(sentence: SentenceFacts) -> list[int]:
    """Where a sentence asserts a verb: not negated, not asked, not a possibility."""
    denied = [(f.start, f.end) for f in sentence.facts if f.kind == "negation"]
    words = sentence.words
    return [
        i for i, w in enumerate(words)
        if w.pos == "VERB" and not w.in_question
        and not any(start <= w.start < end for start, end in denied) and not _not_asserted(words, i)
        and not any(words[max(0, i - ARGUMENT_WINDOW)].start <= start < w.start for start, _ in denied)
    ]


def _not_asserted(words: Sequence[Word], at: int) -> bool:
    """A verb told as a possibility, a plan or a condition: "could pull", "to pull", "if ... pulled"."""
    return any(w.text.lower() in _NOT_ASSERTED for w in words[max(0, at - 3) : at]) or any(
        w.text.lower() in ("if", "unless") for w in words[:at])


def _subject(sentence: SentenceFacts, at: int) -> str:
    """The name or noun right before a verb, past its auxiliaries, adverbs and negators: its
    subject as the words tell it ("the Academy has not yet pulled"); "" for anything else."""
    words, i = sentence.words, at - 1
    while i >= 0 and (words[i].pos in ("AUX", "PART", "ADV") or words[i].lemma in NEGATION_WORDS):
        i -= 1
    if i < 0 or words[i].pos not in ("NOUN", "PROPN"):
        return ""
    word = words[i]
    name = next((f for f in sentence.facts if f.kind == "entity" and covers(f, word)), None)
    return f"name:{name.value.split(':', 1)[-1]}" if name is not None else f"noun:{word.lemma}"


def _one_subject(a: str, b: str) -> bool:
    """One named thing ("Academy" / "Academy Of Motion Picture Arts & Sciences") or one noun."""
    if not a or not b or a.split(":")[0] != b.split(":")[0]:
        return False
    return a == b or a.startswith("name:") and names_within(a[5:], b[5:])


def _nouns_around(words: Sequence[Word], at: int) -> dict[str, str]:
    """The nouns and names (lemma: part of speech) within ARGUMENT_WINDOW words of a predicate."""
    window = words[max(0, at - ARGUMENT_WINDOW) : at + ARGUMENT_WINDOW + 1]
    return {w.lemma: w.pos for w in window if w.pos in ("NOUN", "PROPN") and w.lemma not in NEGATION_WORDS}


def _participants(a: dict[str, str], b: dict[str, str]) -> set[str]:
    """The nouns and names two predicates have around them (:func:`_nouns_around`), when they are
    enough to name one claim's participants (:data:`SHARED_ARGUMENTS`, a noun and a name among
    them)."""
    shared = a.keys() & b.keys()
    kinds = {a[lemma] for lemma in shared} | {b[lemma] for lemma in shared}
    return set(shared) if len(shared) >= SHARED_ARGUMENTS and kinds == {"NOUN", "PROPN"} else set()


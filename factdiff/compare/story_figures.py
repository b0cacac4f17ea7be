"""Figures of one thing told in sentences that do not align: "the United States has spent $117
billion on contractors" / "out of the nearly $200 billion spent on contracts and grants since 2002".

Outlets that report one event independently rarely tell a figure in a sentence another outlet
also wrote; what they share is the figure's frame (what is counted, the words either side of it)
and the event around it (a place, an organisation or a date). :func:`story_number_links` links
two versions' figures on that, one to one, and only where nothing else in the two versions
explains the difference:

* the same unit or counted noun (or nouns of one kind, and then no more of the kind than of all
  of it: "30 cars" / "25 vehicles"), neither an age (:func:`..linking.story_age_links` does those),
  an ordinal nor a vague amount;
* an anchor: a place or organisation both clauses are about, a person both name, a date both
  sentences agree on, another figure both sentences give, one owner both figures' phrases
  name ("Britain's $2.8 trillion economy"), or a word both clauses use that each version uses
  in at most :data:`RARE_IN_VERSION` sentences ("13 people with minor injuries" / "12 were
  treated for minor injuries"): what only these sentences say names the thing counted;
* both told as facts or both as estimates ("confirmed killed" / "likely killed", "ran a
  deficit" / "is expected to register a deficit"): an estimate is another figure;
* sentences that name no one and nowhere in common when both name someone or somewhere are of
  different things ("In Ventura County ..." / "Texas beaches ..."); so are amounts "in"
  different things ("$43.3 million in stock" / "$60 million in bonuses");
* the words either side of the two figures, the figures masked, read alike by the sentence model
  (:data:`FRAME_ALIKE`);
* values of one order (:data:`AT_MOST_APART`): a figure misreported is not a figure twenty times
  larger, which is some other figure ("rose 149% during his presidency" / "sank 7 percent");
* not told of opposite happenings ("rose" / "sank"), nor of different days, nor of different
  named wholes, nor one a kind of the other (:mod:`.about`);
* neither version gives the other's figure anywhere, and neither sentence gives a figure that
  agrees with the other's ("from more than $110 in 2014 to less than $40" / "a peak of $115");
* not one figure of a list of figures of its unit, nor a total against a part ("13 of the 20");
* each figure is the other's only candidate between the two versions.

Measured on the Multi-News dev events and the MRPC paraphrases (docs/real-coverage.md): each
condition was added for a kind of false link it removes, and none is fitted to a sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import combinations

from .. import wordnet
from ..facts import AGE, SentenceFacts, Word
from ..model import Fact
from ..quantities import singularize
from ..variants import fold
from . import about
from .about import clause_words
from .linking import (
    Encoder, Link, anchors, counted_within, dates_agree, is_ordinal, is_vague, noun_kin, numbers_agree, predicate, surname,
)

FRAME_ALIKE = 0.55  # cosine of the masked frames of one figure told by two outlets
FRAME_WORDS = 6  # words either side of a figure that make its frame
AT_MOST_APART = 3.0  # largest ratio of two tellings of one figure
RARE_IN_VERSION = 2  # sentences of a version that use a word which names what a figure counts
MIN_SENTENCES_FOR_RARE = 8  # a version this short uses every word rarely
_ESTIMATED = frozenset(
    "likely estimated estimate estimates expected projected forecast forecasts feared predicted anticipated".split()
)


def story_number_links(
    analyses: Sequence[SentenceFacts], group_of: Mapping, facts_of: Mapping[str, Sequence[Fact]], encode: Encoder
) -> list[Link]:
    """Conflicting figures of different versions' sentences that do not align, about one thing."""
    by_sentence = {(a.sentence.doc, a.sentence.index): a for a in analyses}
    rare = _rare_words(analyses)
    # What depends on one figure alone is settled once: a story of many versions has millions
    # of pairs of figures of one unit.
    by_doc: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    total: dict[Fact, bool] = {}
    owner: dict[Fact, tuple[str, str] | None] = {}
    for analysis in analyses:
        for fact in analysis.facts:
            if _comparable(fact) and not _in_a_list(fact, analysis.facts):
                by_doc[fact.doc][fact.slot].append(fact)  # figures of one unit only are ever compared
                total[fact] = _a_total(fact, analysis)
                owner[fact] = about.owner_and_noun(fact, analysis.words)
    candidates = []
    for doc_a, doc_b in combinations(sorted(by_doc), 2):
        for slot_a, slot_b in _slots_compared(by_doc[doc_a].keys(), by_doc[doc_b].keys()):
            for a in by_doc[doc_a][slot_a]:
                group_a, value_a = group_of.get((a.doc, a.sentence)), float(a.value)
                for b in by_doc[doc_b][slot_b]:
                    if group_a is not None and group_a == group_of.get((b.doc, b.sentence)):
                        continue  # aligned: pair_numbers and about.weigh decide
                    if counted_within(a, b):
                        continue  # "two victims" / "five people"
                    low, high = sorted((value_a, float(b.value)))
                    # One figure told with other qualifiers ("more than 100" / "100") is no
                    # discrepancy between sentences that say different things around it.
                    if low == high or high > AT_MOST_APART * low or total[a] != total[b]:
                        continue
                    if _candidate(a, b, by_sentence, facts_of, owner, rare):
                        candidates.append((a, b))
    if not candidates:
        return []
    # Only candidates' frames are embedded, in one call: most figures never get this far.
    frames = {f: _frame(f, by_sentence[(f.doc, f.sentence)]) for pair in candidates for f in pair}
    texts = sorted(set(frames.values()))
    vectors = dict(zip(texts, encode(texts)))
    alike = [(a, b) for a, b in candidates if float(vectors[frames[a]] @ vectors[frames[b]]) >= FRAME_ALIKE]
    partners: dict[tuple[Fact, str], int] = defaultdict(int)
    for a, b in alike:
        partners[(a, b.doc)] += 1
        partners[(b, a.doc)] += 1
    return [
        Link(a, b, False, aligned=False)
        for a, b in alike
        if partners[(a, b.doc)] == 1 and partners[(b, a.doc)] == 1
    ]


def _slots_compared(slots_a, slots_b) -> list[tuple[str, str]]:
    """Pairs of units or counted nouns whose figures can tell one thing: the same, or nouns
    of one kind ("cars" / "vehicles", "homes" / "houses")."""
    return sorted((x, y) for x in slots_a for y in slots_b if x == y or noun_kin(x, y) is not None)


def _comparable(fact: Fact) -> bool:
    return (
        fact.kind == "number" and bool(fact.slot) and fact.slot != AGE
        and not is_ordinal(fact) and not is_vague(fact) and float(fact.value) > 0
    )


def _candidate(
    a: Fact, b: Fact, by_sentence, facts_of, owner: Mapping[Fact, tuple[str, str] | None], rare: Mapping[str, frozenset[str]]
) -> bool:
    """The conditions on a pair of figures of one unit, of one order, both totals or neither
    (checked by the caller), cheapest first."""
    sentence_a, sentence_b = by_sentence[(a.doc, a.sentence)], by_sentence[(b.doc, b.sentence)]
    here_a, here_b = sentence_a.facts, sentence_b.facts
    # One owner both figures' phrases name anchors them too ("Britain's $2.8 trillion economy" /
    # "Britain's $2.9 trillion economy"): a country alone anchors nothing.
    one_owner = owner[a] is not None and owner[a] == owner[b]
    if _agree(a, b) or not (one_owner or _anchored(a, b, here_a, here_b) or _rarely_said(a, b, rare)):
        return False
    if _estimated(a) != _estimated(b):
        return False
    if _agrees_with_one_of(a, here_b) or _agrees_with_one_of(b, here_a):
        return False
    if _of_other_things(a, sentence_a, b, sentence_b) or _named_apart(sentence_a, sentence_b):
        return False
    if _opposite_happenings(a, b):
        return False
    if about.dated_apart(a, b, here_a, here_b) or about.of_other_wholes(a, b) or about.counts_a_kind(a, b):
        return False
    return not about.states_value(a, facts_of[b.doc], near=b.sentence) and not about.states_value(
        b, facts_of[a.doc], near=a.sentence
    )


def _agree(a: Fact, b: Fact) -> bool:
    """numbers_agree, cached by what it reads: versions repeat one another's figures, so the
    same two figures meet again and again."""
    return _agree_told((a.text, a.value, a.slot, a.detail), (b.text, b.value, b.slot, b.detail))


@lru_cache(maxsize=65536)
def _agree_told(a: tuple[str, str, str, str], b: tuple[str, str, str, str]) -> bool:
    def figure(told: tuple[str, str, str, str]) -> Fact:
        text, value, slot, detail = told
        return Fact("number", "", 0, 0, len(text), text, value, slot=slot, detail=detail)

    return numbers_agree(figure(a), figure(b))


def _anchored(a: Fact, b: Fact, here_a: Sequence[Fact], here_b: Sequence[Fact]) -> bool:
    """One event around both figures: a place or organisation, a person, a date, or another figure
    both tell."""
    if anchors(a) & anchors(b) or _people(a) & _people(b):
        return True
    for x in here_a:
        for y in here_b:
            if x.kind == y.kind == "date" and dates_agree(x, y):  # None, undecidable, ties nothing
                return True
            if x.kind == y.kind == "number" and x is not a and y is not b and x.slot and x.slot == y.slot and x.value == y.value:
                return True
    return False


def _rare_words(analyses: Sequence[SentenceFacts]) -> dict[str, frozenset[str]]:
    """For each version of at least MIN_SENTENCES_FOR_RARE sentences, the words (singular, lower
    case) it uses in at most RARE_IN_VERSION of them."""
    sentences_with: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sentences: dict[str, int] = defaultdict(int)
    for analysis in analyses:
        sentences[analysis.sentence.doc] += 1
        for word in {singularize(w.text.lower()) for w in analysis.words if w.text.isalpha()}:
            sentences_with[analysis.sentence.doc][word] += 1
    return {
        doc: frozenset(w for w, n in counts.items() if n <= RARE_IN_VERSION)
        for doc, counts in sentences_with.items()
        if sentences[doc] >= MIN_SENTENCES_FOR_RARE
    }


def _rarely_said(a: Fact, b: Fact, rare: Mapping[str, frozenset[str]]) -> bool:
    """A word both clauses use, besides the counted noun, that both versions rarely use."""
    shared = clause_words(a) & clause_words(b) - {singularize(a.slot.lower())}
    return bool(shared & rare.get(a.doc, frozenset()) & rare.get(b.doc, frozenset()))


def _estimated(fact: Fact) -> bool:
    """Whether a figure's clause tells it as an estimate or a forecast ("likely killed", "is
    expected to register"), not as what was counted."""
    return any(w.lower() in _ESTIMATED for w in (fact.context or "").split())


LIST_FIGURES = 3  # figures of one unit in a sentence that make it a list of different things


def _in_a_list(fact: Fact, sentence_facts: Sequence[Fact]) -> bool:
    """A sentence of several figures of one unit gives each for a different member ("bacteria at
    70 Gt C and fungi at 12 Gt C"): which is which is the sentence's, not a frame's, to say."""
    return sum(f.kind == "number" and f.slot == fact.slot for f in sentence_facts) >= LIST_FIGURES


def _a_total(fact: Fact, sentence: SentenceFacts) -> bool:
    """Whether a figure is the whole another figure is a part of: "13 of the 20 children"."""
    before = [w for w in sentence.words if w.end <= fact.start][-3:]
    keys = [w.key for w in before]
    if "of" not in keys:
        return False
    return any(w.pos == "NUM" for w in before[: keys.index("of")])


def _named_apart(sentence_a: SentenceFacts, sentence_b: SentenceFacts) -> bool:
    """Sentences that each name someone or somewhere and share no name are of different things:
    "In Ventura County, closings dropped from 1,540 in 2001" / "Texas beaches ... from 317 in 2001"."""
    names_a, names_b = _names(sentence_a), _names(sentence_b)
    return bool(names_a and names_b) and not names_a & names_b


def _names(sentence: SentenceFacts) -> set[str]:
    """The words of the names a sentence gives, and their keys (a place's key for "Britain" is
    also "UK"'s): "the Nevada Dispensary Association" and "Nevada", "Homs province" and "Homs"
    share a name. Nationalities and products are left out ("F" in "98.8 F" is no name)."""
    names = set()
    for fact in sentence.facts:
        if fact.kind == "entity" and not fact.value.startswith(("group:", "product:")):
            names.add(fact.value)
            names.update(w for w in fold(fact.text).split() if w not in _NOT_NAMES)
    return names


_NOT_NAMES = frozenset("the of a an and for in on at de la".split())


def _of_other_things(a: Fact, sentence_a: SentenceFacts, b: Fact, sentence_b: SentenceFacts) -> bool:
    """Figures told as amounts "in" different things: "$43.3 million in stock" / "$60 million in
    bonuses" (but "in tax revenue" / "in tax revenues" is one thing)."""
    thing_a, thing_b = _amount_in(a, sentence_a), _amount_in(b, sentence_b)
    if not thing_a or not thing_b or thing_a == thing_b:
        return False
    return wordnet.relation(thing_a, thing_b, "NOUN") not in (wordnet.Relation.SAME, wordnet.Relation.BROADER)


def _amount_in(fact: Fact, sentence: SentenceFacts) -> str:
    """The head noun of an "in" phrase right after a figure ("$3 million in sales"), else ""."""
    after = [w for w in sentence.words if w.start >= fact.end][:6]
    if not after or after[0].key != "in":
        return ""
    head = ""
    for word in after[1:]:
        if word.pos == "NOUN":
            head = word.lemma
        elif word.pos not in ("DET", "ADJ") or head:
            break
    return head


def _people(fact: Fact) -> set[str]:
    return {surname(k) for k in fact.about if k.startswith("person:")}


def _agrees_with_one_of(fact: Fact, sentence_facts: Sequence[Fact]) -> bool:
    return any(f.kind == "number" and f.slot == fact.slot and numbers_agree(fact, f) for f in sentence_facts)


def _opposite_happenings(a: Fact, b: Fact) -> bool:
    verb_a, verb_b = predicate(a), predicate(b)
    return bool(verb_a and verb_b) and wordnet.relation(verb_a, verb_b, "VERB") is wordnet.Relation.OPPOSITE


def _frame(fact: Fact, sentence: SentenceFacts) -> str:
    """The words either side of a figure, the figure masked: what it counts and what happened.
    An aside in parentheses about something else is no part of its frame: "a deficit of 367
    billion riyals ($98 billion) or X of gross domestic product" frames X by the deficit."""
    words = _without_asides(sentence.words, fact)
    inside = [i for i, w in enumerate(words) if about.overlaps(w, fact)]
    if not inside:
        return fact.context or fact.text
    left = [w.text for w in words[max(0, inside[0] - FRAME_WORDS) : inside[0]]]
    right = [w.text for w in words[inside[-1] + 1 : inside[-1] + 1 + FRAME_WORDS]]
    return " ".join([*left, "X", *right])


OWN_ASIDE = 3  # words from a figure to a parenthesis that gives it in other units ("8,027-meter (26,330-foot)")


def _without_asides(words: Sequence[Word], fact: Fact) -> list[Word]:
    """The words outside every parenthesised aside other than the figure's own: one that holds
    it ("240 km (150 miles)") or opens right after it, to give it in other units."""
    last = max((i for i, w in enumerate(words) if about.overlaps(w, fact)), default=-1)
    kept: list[Word] = []
    aside: list[Word] = []
    opened = depth = 0
    for i, word in enumerate(words):
        if word.text == "(":
            if not depth:
                opened = i
            depth += 1
        (aside if depth else kept).append(word)
        if word.text == ")" and depth:
            depth -= 1
            if not depth:
                own = any(about.overlaps(w, fact) for w in aside) or 0 < opened - last <= OWN_ASIDE
                if own:
                    kept += aside
                aside = []
    return kept + aside  # an aside never closed is no aside

"""A version that contradicts itself (FD701): two facts of one version about the same thing
whose values cannot both hold.

One article legitimately gives many dates, numbers and directions of different things, so a
version is held to contradict itself only on strong evidence that both facts are about one
thing, taken from the test used across versions (:mod:`..about`, :mod:`..linking`):

* a place it puts in two incompatible directions in two sentences ("the southern Kherson
  region" ... "the eastern parts of Kherson"): the direction is the place's, whatever the
  clause (countries are left out by the facts stage: "eastern" and "southern" Ukraine are parts);
* two of its values that another version's agreeing values are linked to as the same thing,
  in aligned sentences, the conflicting one in a sentence told in the same words (masked
  word-sequence ratio at least :data:`..about.TOLD_ALIKE`): the other version tells the fact
  twice consistently where this one changed it once. Across versions such a change goes untold
  (:func:`..about.weigh` drops a conflict with a value the version also gives, and
  :mod:`..clusters` never sets a version against itself), so these links are read before
  weighing;
* a conflict across versions that survived weighing (:func:`changed_tellings`), where the
  version itself gives the other's value elsewhere about the same thing (the clauses share
  what they are about, or that sentence tells the other's claim in the same words);
* one named thing's figure given twice in the noun phrase that says whose it is ("Britain's
  $2.8 trillion economy" ... "Britain's $2.9 trillion economy"): a property of a named owner,
  told of no other day, has one value (:func:`_owned_figures`).
* one named thing's founding, birth or death dated two ways ("a company established by Cohen
  in October 2016" ... "a company formed by Cohen in early 2017"): it happened once
  (:mod:`..once`).

Found in a story of two or more versions (a single version is a usage error of ``check``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from ...facts import SentenceFacts
from ...model import Discrepancy, Fact, Severity
from ..about import SHARED_CLAUSE, TOLD_ALIKE, clause_overlap, date_spans, dated_apart, owner_and_noun, sentence_overlap, words_alike
from ..emit import display, make, value_of
from ..linking import Link, dates_agree, is_ordinal, is_vague, numbers_agree
from ..once import OnceDate, one_event_pairs
from ..registry import Example, Rule
from ..twins import content
from .places import compatible_directions, directions_by_place

SELF_CONTRADICTION = Rule(
    "FD701",
    "consistency",
    (Severity.WARNING,),
    "a version contradicts itself: one thing given two conflicting values in two places",
    "A version that puts a region in the south in one paragraph and in the east in another is "
    "wrong at least once, whatever the other versions say. Two facts of one version are held to "
    "be about the same thing only on strong evidence: one place given incompatible directions in "
    "two sentences, or two figures or dates of this version that another version's agreeing "
    "values are linked to as the same fact (it tells the fact twice the same way, this version "
    "changed it once), or a value of this version that conflicts with another version's in "
    "aligned sentences while this version gives the other's value elsewhere about the same "
    "thing, or one named owner's figure given twice in the phrase that says whose it is "
    "(\"Britain's $2.8 trillion economy\" ... \"Britain's $2.9 trillion economy\"), or one "
    "named thing's founding, birth or death dated two ways. Both spans are this version's. It "
    "stays quiet for directions of a country "
    "(\"southern\" and \"eastern\" Ukraine are two parts), for compatible directions "
    "(\"southeastern\" holds \"southern\"), for directions coordinated in one sentence, and for "
    "different figures the version gives of different things, such as two counts in one "
    "article that no other version ties to one fact.",
    (Example("Putin attended a command meeting in the southern Kherson region. He also met troops "
             "in Luhansk. The visits show support for troops in the eastern Kherson region.",
             "Putin attended a command meeting in the southern Kherson region. He also met troops "
             "in Luhansk. The visits show support for troops in the Kherson region."),
     Example("The factory employs 500 people in the town. Its owners want to expand it. Closing "
             "the factory would cost the 600 people who work there their jobs.",
             "The factory employs 500 people in the town. Its owners want to expand it. Closing "
             "the factory would cost the 500 people who work there their jobs."),
     Example("The vote will shape Norway's $480 billion economy. Critics say the deal will hurt "
             "Norway's $430 billion economy in the long term.",
             "The vote will shape Norway's $480 billion economy."),
     Example("The payments went to Essential Consultants, a company established by Cohen in "
             "October 2016. Bank records show every transfer. AT&T hired Essential Consultants, "
             "a company formed by Cohen in early 2017, for advice.",
             "The payments went to Essential Consultants. Bank records show every transfer."),),
    (Example("Fighting continued in southern Ukraine on Monday. Shelling was reported in "
             "eastern Ukraine overnight.",
             "Fighting continued in southern Ukraine on Monday. Shelling was reported overnight."),
     Example("The council hired 40 teachers in 2019. It hired 55 teachers in 2020.",
             "The council hired 40 teachers in 2019. It then hired 55 teachers in 2020."),
     Example("In 2010 the deal shaped Norway's $430 billion economy. In 2019 it shaped "
             "Norway's $480 billion economy.",
             "In 2019 the deal shaped Norway's $480 billion economy."),),
)
RULES = (SELF_CONTRADICTION,)
DATED_SENTENCES = 0.1  # content lemmas two sentences of one version dating one event share (Jaccard)


def self_contradictions(
    analyses: Sequence[SentenceFacts], links: dict[str, Sequence[Link]], group_of, once: Sequence[OnceDate] = ()
) -> list[Discrepancy]:
    """FD701 for every version: directions of one place, figures and dates linked to another
    version's (``links`` as the pair rules gave them, before weighing), and two dates of one
    thing's founding, birth or death (``once``, :func:`..once.once_dates`)."""
    words = {(a.sentence.doc, a.sentence.index): a.words for a in analyses}

    def strong(link: Link) -> bool:
        a, b = link.a, link.b
        return link.aligned and not _relative(link) and (
            link.agree or words_alike(a, words[(a.doc, a.sentence)], b, words[(b.doc, b.sentence)]) >= TOLD_ALIKE
        )

    spanned = {end for a in analyses for span in date_spans(a.facts, a.words) for end in span}

    def one_event(x: Fact, y: Fact) -> bool:
        if x in spanned or y in spanned:
            return False  # "born between the early 1980s and early 2000s" / "born in the 1990s"
        return sentence_overlap(words[(x.doc, x.sentence)], words[(y.doc, y.sentence)]) >= DATED_SENTENCES

    found = _directions(analyses, group_of) + _owned_figures(analyses, group_of) + _once_told_twice(once, group_of)
    found += _linked([l for l in links.get("number", ()) if strong(l)], numbers_agree, group_of)
    found += _linked([l for l in links.get("date", ()) if strong(l)], dates_agree, group_of, one_event)
    return found


def changed_tellings(
    links: dict[str, Sequence[Link]], facts_of: Mapping[str, Sequence[Fact]], by_sentence: Mapping[tuple[str, int], SentenceFacts], group_of
) -> list[Discrepancy]:
    """FD701 from conflicts across versions, once weighed (``links`` as :func:`..about.weigh`
    kept them): a version whose value conflicts with another's in aligned sentences, and which
    itself gives the other's value elsewhere, about the same thing (a clause sharing what it is
    about, or the other's claim told in the same words), has changed one of its own two
    tellings ("In 2004, three Mexicans made headlines" ... "In 2006, three Mexican fishermen
    were found drifting")."""
    words = lambda f: by_sentence[(f.doc, f.sentence)].words

    def about_it(other: Fact, mine: Fact, theirs: Fact) -> bool:
        if max(clause_overlap(other, theirs), clause_overlap(other, mine)) >= SHARED_CLAUSE:
            return True
        return words_alike(other, words(other), theirs, words(theirs)) >= TOLD_ALIKE

    of_kind: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for facts in facts_of.values():
        for fact in facts:
            if fact.kind in ("number", "date"):
                of_kind[_kind_key(fact)].append(fact)
    found, told = [], set()
    for kind, agree in (("number", numbers_agree), ("date", dates_agree)):
        for link in links.get(kind, ()):
            if link.agree or not link.aligned:
                continue
            for mine, theirs in ((link.a, link.b), (link.b, link.a)):
                for other in of_kind[_kind_key(mine)]:
                    if other.sentence == mine.sentence or not _one_kind(mine, other):
                        continue
                    if agree(other, theirs) is not True or agree(other, mine) is not False or not about_it(other, mine, theirs):
                        continue
                    pair = tuple(sorted((mine, other), key=lambda f: (f.sentence, f.start)))
                    if pair not in told:
                        told.add(pair)
                        found.append(_told(pair, group_of, mine.slot))
    return found


def _directions(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """One place put in incompatible directions in two sentences of one version."""
    by_place: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for place, facts in directions_by_place(analyses).items():
        for fact in facts:
            by_place[(fact.doc, place)].append(fact)
    found = []
    for (_, place), facts in sorted(by_place.items()):
        pair = next(
            (
                (x, y)
                for x, y in combinations(facts, 2)
                if x.sentence != y.sentence and not compatible_directions(x.value, y.value)
            ),
            None,
        )
        if pair is not None:
            found.append(_told(pair, group_of, place))
    return found


def _owned_figures(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """One version giving a named owner's figure twice with different values, in two sentences
    that date it to no different days: "Britain's $2.8 trillion economy" ... "Britain's $2.9
    trillion economy". The phrase itself says what the figure is of; no clause has to."""
    by_phrase: dict[tuple[str, str, str, str], list[tuple[Fact, SentenceFacts]]] = defaultdict(list)
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.kind == "number" and fact.slot and not is_vague(fact) and not is_ordinal(fact):
                phrase = owner_and_noun(fact, analysis.words)
                if phrase is not None:
                    by_phrase[(fact.doc, fact.slot, *phrase)].append((fact, analysis))
    found, told = [], set()
    for key, told_of in sorted(by_phrase.items()):
        for (x, in_x), (y, in_y) in combinations(told_of, 2):
            if x.sentence == y.sentence or numbers_agree(x, y) or key in told:
                continue
            if not dated_apart(x, y, in_x.facts, in_y.facts):
                told.add(key)
                found.append(_told((x, y), group_of, x.slot))
    return found


def _once_told_twice(once: Sequence[OnceDate], group_of) -> list[Discrepancy]:
    """One version dating one thing's founding, birth or death two ways ("a company established
    by Cohen in October 2016" ... "a company formed by Cohen in early 2017"): it happened once."""
    found, told = [], set()
    for x, y in one_event_pairs(once):
        key = (x.date.doc, x.thing, x.happening)
        if key in told or y.date.doc != x.date.doc or x.date.sentence == y.date.sentence:
            continue
        if dates_agree(x.date, y.date) is False:
            told.add(key)
            found.append(_told((x.date, y.date), group_of, "date"))
    return found


Agree = Callable[[Fact, Fact], "bool | None"]


def _linked(links: Sequence[Link], agree: Agree, group_of, one_event: Callable[[Fact, Fact], bool] | None = None) -> list[Discrepancy]:
    """Two conflicting values of one version in different sentences, each linked to a value of
    one other version, those two values equal: the other version ties both to one fact. The two
    must also be one kind of value (figures of one unit, neither vague nor ordinal) in clauses
    that share what they are about (:func:`..about.clause_overlap`): a link of the one figure
    left on each side of a group, or of two figures of one unit, is not evidence enough alone
    (measured on real coverage: "8,000 killed" and "30 wounded" were tied through them).

    Two dates may instead be tied by dates of another version that agree, whatever their
    predicates ("amassed in 2012" / "made in 2012"), where ``one_event`` holds for their two
    sentences: a date clause is short, and two tellings of one event share words outside it
    ("shoot Malala in October 2012" ... "on 9 October 2012 ... the gunman came to kill her")."""
    partners: dict[Fact, set[Fact]] = defaultdict(set)
    for link in links:
        partners[link.a].add(link.b)
        partners[link.b].add(link.a)
    _with_copies(partners, links)
    by_kind: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in partners:
        by_kind[_kind_key(fact)].append(fact)
    found, told = [], set()
    for _, facts in sorted(by_kind.items()):
        facts.sort(key=lambda f: (f.sentence, f.start))
        for x, y in combinations(facts, 2):
            if x.sentence == y.sentence or (x.kind == "number" and x.value == y.value) or not _one_kind(x, y):
                continue
            if (x.doc, x.slot, x.value, y.value) in told or agree(x, y) is not False:
                continue
            if clause_overlap(x, y) >= SHARED_CLAUSE and _tied(partners[x], partners[y]) or (
                one_event is not None and one_event(x, y) and _tied_dates(partners[x], partners[y])
            ):
                told.add((x.doc, x.slot, x.value, y.value))
                found.append(_told((x, y), group_of, x.slot))
    return found


def _with_copies(partners: dict[Fact, set[Fact]], links: Sequence[Link]) -> None:
    """Give each fact, besides its partners, their copies in other versions (one fact, word for
    word, linked as agreeing): a partner's copy is a partner in every way of comparing. The
    variant shortcut (:mod:`..twins`) links a copied version's facts to the first copy only,
    where comparing every pair links each copy to each."""
    content_of = content(Fact)  # every field but those placing it in a version
    copy_of: dict[Fact, Fact] = {}

    def root(fact: Fact) -> Fact:
        while copy_of.get(fact, fact) != fact:
            fact = copy_of[fact]
        return fact

    for link in links:
        if link.agree and content_of(link.a) == content_of(link.b):
            copy_of[root(link.b)] = root(link.a)
    copies: dict[Fact, set[Fact]] = defaultdict(set)
    for fact in {f for link in links for f in (link.a, link.b)}:
        copies[root(fact)].add(fact)
    for fact, linked in partners.items():
        linked.update(c for p in list(linked) for c in copies[root(p)] if c.doc != fact.doc)


def _tied(of_x: set[Fact], of_y: set[Fact]) -> bool:
    """Some version has a value linked to each of the two, and those values are equal."""
    return any(p.doc == q.doc and p.value == q.value and p.slot == q.slot for p in of_x for q in of_y)


def _tied_dates(of_x: set[Fact], of_y: set[Fact]) -> bool:
    """Some version has a date linked to each of the two, and those dates agree, whatever their
    predicates ("amassed in 2012" / "made in 2012")."""
    return any(p.doc == q.doc and dates_agree(p, q) is True for p in of_x for q in of_y)


def _kind_key(fact: Fact) -> tuple[str, str, str]:
    """Which of its version's facts a value can contradict (:func:`_one_kind` needs the key
    equal): figures of one unit, or dates."""
    return (fact.doc, fact.kind, fact.slot if fact.kind == "number" else "")


def _one_kind(x: Fact, y: Fact) -> bool:
    """Two dates, or two figures of one named unit, neither vague nor ordinal."""
    if x.kind == "date":
        return True
    return bool(x.slot) and x.slot == y.slot and not any(is_vague(f) or is_ordinal(f) for f in (x, y))


def _relative(link: Link) -> bool:
    return any(f.value.startswith("rel:") for f in (link.a, link.b))


def _told(pair: tuple[Fact, Fact], group_of, slot: str) -> Discrepancy:
    x, y = pair
    return make(
        SELF_CONTRADICTION,
        Severity.WARNING,
        group_of.get((x.doc, x.sentence)),
        f"{x.doc} says “{x.text}” ({display(x)}) in one place and “{y.text}” ({display(y)}) in "
        "another, about the same thing.",
        (value_of(x), value_of(y)),
        slot=f"self:{slot}",
    )

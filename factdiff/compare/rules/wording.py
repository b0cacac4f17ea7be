"""Wording: a word replaced by its opposite or a contrasting word (FD601), a noun replaced by
another (FD903), or a word or name for another as a claim's one change (FD904).

All three judge one replaced run of words of two closely aligned sentences, handed out by
:mod:`..edits` (:func:`contrasts`; :func:`substitutes_noun`, :func:`substitutes_word`,
:func:`renames` and :func:`substitution`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...facts import Word
from ...lexicon import TIME_UNITS, contrast, stems
from ...model import Discrepancy, Severity, Value
from ...variants import same_name
from ...wordnet import Relation, relation
from ..claims import CONTENT_POS, DESCRIBING_POS, DocFacts, covers, dropped
from ..emit import make, span_value
from ..registry import Example, Rule

CONTRAST = Rule(
    "FD601",
    "wording",
    (Severity.WARNING,),
    "a word replaced by its opposite or a contrasting word (increase/decrease, boys/girls)",
    "\"Sales rose\" and \"sales fell\" share every word but one, and that one reverses the "
    "claim. In closely aligned sentences, a word replaced by its opposite (the lexicon's list, "
    "then WordNet's antonyms) or by another member of a closed contrasting set (boys/girls, "
    "yellow/green, all/some, per month/per year) is told. It stays quiet for an opposite in a "
    "pair whose negations differ (the negation reworded: \"was not successful\" / \"was "
    "unsuccessful\"; FD501 weighs those), for an opposite whose degree word turned too (\"the "
    "least fit\" / \"more unfit\"), for one word spelt two ways, and for units of time not used "
    "as units (\"a decade\" / \"ten years\", \"for decades\" / \"for years\"), nor where both "
    "versions say both words in other places (\"she recalls him saying\" / \"he told her\").",
    (Example("Sales of the new phone rose sharply in the first quarter, the company said.",
             "Sales of the new phone fell sharply in the first quarter, the company said."),),
    (Example("If nothing changes, coal will overtake oil as the main fuel within a decade, the agency said.",
             "If nothing changes, coal will overtake oil as the main fuel within ten years, the agency said."),
     Example("“Don't lose too much weight now,” she recalls him saying at the party.",
             "“Don't lose too much weight now,” he told her at the party."),),
)
SUBSTITUTION = Rule(
    "FD903",
    "wording",
    (Severity.INFO,),
    "a noun replaced by another among other rewording: check it is the same thing",
    "Whether \"smartphones\" for \"laptops\" is a new fact or \"road\" for \"roadway\" a synonym "
    "needs word knowledge factdiff does not have, so a noun replaced by a different noun that "
    "neither version uses elsewhere is told as information, amid other rewording. It stays quiet "
    "for synonyms and broader terms WordNet knows (\"truck\" / \"vehicle\"), for one name spelled "
    "two ways, for words of dates, numbers and places (compared as such), and where the noun "
    "was moved rather than replaced.",
    (Example("The company said it sold laptops to schools across the region last year.",
             "The firm said that it sold smartphones to schools in the region last year."),),
    (Example("The company said it sold laptops to schools across the region last year.",
             "The firm said that it sold laptops to schools in the region last year."),),
)
# When a noun swap is the only change between two versions of a claim, it is the point of the
# edit; measured on SummEdits news dev, counting these as changes lifts balanced accuracy from
# 0.72 to 0.76, counting every noun swap lowers it to 0.63.
SOLE_SUBSTITUTION = Rule(
    "FD904",
    "detail",
    (Severity.INFO,),
    "the one change between two versions of a claim is a word for another, or a name is replaced by another name",
    "When a noun, name, adjective or number replaced by another is the only change between two "
    "versions of a claim, it is the point of the edit (\"sells milk\" / \"sells meat\"); a name "
    "replaced by another is told even amid other rewording, names having few synonyms. Counted "
    "as a changed fact by ``factdiff eval``. It stays quiet for synonyms and broader terms "
    "(\"gunman\" / \"shooter\", \"truck\" / \"vehicle\"), for verbs and adverbs (what paraphrase "
    "rewords most), and for initials spaced two ways.",
    (Example("The farm sells milk to the town every week.", "The farm sells meat to the town every week."),),
    (Example("The gunman was shot dead by police outside the bank.",
             "The shooter was shot dead by police outside the bank."),),
)
RULES = (CONTRAST, SUBSTITUTION, SOLE_SUBSTITUTION)


def contrasts(
    group_id, doc_a, hunk_a, doc_b, hunk_b, *, polarity_differs: bool = False, negating: frozenset[int] = frozenset(),
    time_units: bool = True,
) -> list[Discrepancy]:
    """Opposites and other members of a contrasting set, word for word. An opposite in a pair
    whose negations differ is usually the negation reworded ("was not successful" /
    "was unsuccessful", "did not accept" / "refused"), so it is left to the negation check, as
    is an opposite that is itself counted as a negation ("unlikely to be considered" / "most
    likely not go"): ``negating`` holds where such words start. So is an opposite whose degree
    word turned too: "the least fit" / "more unfit" say one thing. Units of time contrast only
    where ``time_units`` says the edit uses them as units (see :func:`time_units`)."""
    if _letters(hunk_a) == _letters(hunk_b):
        return []  # "non-lethal" / "nonlethal": one word spelt two ways
    degree_turned = _turns(hunk_a) != _turns(hunk_b)
    said_a, said_b = {_kin(w) for w in hunk_a}, {_kin(w) for w in hunk_b}
    found = []
    for x in hunk_a:
        for y in hunk_b:
            if _kin(x) in said_b and _kin(y) in said_a:
                continue  # both versions say both, in other places: "she recalls him saying" / "he told her"
            why = contrast(x.lemma, y.lemma) or contrast(x.key, y.key) or _antonyms(x, y) or _inflected_contrast(x, y)
            if why is None or {x.lemma, y.lemma} <= TIME_UNITS and not time_units or why == "opposite" and (
                polarity_differs
                or x.start in negating
                or y.start in negating
                or degree_turned and x.key not in _TURNING and y.key not in _TURNING
            ):
                continue
            values = (
                Value(doc_a, x.text, x.start, x.end, x.lemma),
                Value(doc_b, y.text, y.start, y.end, y.lemma),
            )
            found.append(
                make(
                    CONTRAST,
                    Severity.WARNING,
                    group_id,
                    f"{doc_a} says “{x.text}” where {doc_b} says “{y.text}”, its {why}, in the same sentence.",
                    values,
                )
            )
    return found


_PRONOUN_KIN = {**dict.fromkeys(("he", "him", "his", "himself"), "he"), **dict.fromkeys(("she", "her", "hers", "herself"), "she")}


def _kin(word: Word) -> str:
    """A word's lemma, one form for a pronoun in any case ("him" is "he")."""
    return _PRONOUN_KIN.get(word.key, word.lemma)


def _inflected_contrast(x: Word, y: Word) -> str | None:
    """A listed contrast between the words as written, when the tagger's lemmas hide it."""
    return next((why for a in stems(x.text) for b in stems(y.text) if (why := contrast(a, b))), None)


def _antonyms(x: Word, y: Word) -> str | None:
    """WordNet's antonyms beyond lexicon.py's list ("efficient" / "inefficient", "simple" /
    "complex"), of one part of speech; a participle the tagger took for a verb is an adjective
    as written ("known" / "unknown", "labeled" / "unlabeled")."""
    if x.pos == y.pos and x.pos in CONTENT_POS:
        found = relation(x.lemma, y.lemma, x.pos)
    elif {x.pos, y.pos} == {"ADJ", "VERB"}:
        found = relation(x.key, y.key, "ADJ")
    elif {x.pos, y.pos} == {"ADJ", "NOUN"}:
        # the tagger read one of a pair differently ("top" ADJ / "bottom" NOUN): either reading;
        # not an adverb ("near-infallible" / "right" are no opposites)
        found = next((r for pos in (x.pos, y.pos) if (r := relation(x.lemma, y.lemma, pos)) is Relation.OPPOSITE), None)
    else:
        return None
    return "opposite" if found is Relation.OPPOSITE else None


# Words that turn the quality after them the other way: "least fit" is "most unfit",
# "non- operative" is "inoperative".
_TURNING = frozenset({"less", "least", "fewer", "fewest", "non"})


def _turns(hunk: Sequence[Word]) -> bool:
    return sum(w.key in _TURNING for w in hunk) % 2 == 1


def _letters(hunk: Sequence[Word]) -> str:
    return "".join(c for w in hunk for c in w.key if c.isalnum())


_SUBSTITUTED_POS = frozenset({"NOUN", "PROPN"})


def substitutes_noun(hunk_a: Sequence[Word], hunk_b: Sequence[Word], a: DocFacts, b: DocFacts) -> bool:
    """A noun replaced by a different noun that neither version uses elsewhere.

    Whether "smartphones" for "laptops" is a new fact or "road" for "roadway" a synonym needs
    word knowledge factdiff does not have, so this is told (info), not flagged."""
    nouns_a = {(w.lemma, w.pos) for w in hunk_a if w.pos in _SUBSTITUTED_POS and not _in_fact(w, a) and dropped(w, a, b)}
    nouns_b = {(w.lemma, w.pos) for w in hunk_b if w.pos in _SUBSTITUTED_POS and not _in_fact(w, b) and dropped(w, b, a)}
    return bool(nouns_a and nouns_b) and not any(_same_meaning(x, y) for x in nouns_a for y in nouns_b)


def substitutes_word(hunk_a: Sequence[Word], hunk_b: Sequence[Word], a: DocFacts, b: DocFacts) -> bool:
    """A noun, name, adjective or number replaced by a different one as a claim's only change.

    Verbs and adverbs are left out: they are what paraphrase rewords most ("dumped" /
    "poured"); measured on SummEdits news, including them drops balanced accuracy 0.76 → 0.71."""
    words_a = {(w.lemma, w.pos) for w in hunk_a if w.pos in DESCRIBING_POS and not _in_fact(w, a) and dropped(w, a, b)}
    words_b = {(w.lemma, w.pos) for w in hunk_b if w.pos in DESCRIBING_POS and not _in_fact(w, b) and dropped(w, b, a)}
    return bool(words_a and words_b) and not any(_same_meaning(x, y) for x in words_a for y in words_b)


def _same_meaning(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One name spelled two ways, or (WordNet) synonyms or a broader term for the same thing:
    "gunman" / "shooter", "sick" / "ill", "truck" / "vehicle"."""
    (word_a, pos_a), (word_b, pos_b) = a, b
    if same_name(word_a, word_b):
        return True
    return pos_a == pos_b and relation(word_a, word_b, pos_a) in (Relation.SAME, Relation.BROADER)


def renames(hunk_a: Sequence[Word], hunk_b: Sequence[Word]) -> bool:
    """Only names changed ("Pandora's Cluster" / "Pandora's Cube", names the recognizer missed):
    names have few synonyms, so amid other rewording this is still a change worth telling."""
    content = [w for w in (*hunk_a, *hunk_b) if w.pos in CONTENT_POS]
    return all(w.pos == "PROPN" for w in content) and _letters(hunk_a) != _letters(hunk_b)


def substitution(
    code: Rule, group_id: str, a: DocFacts, hunk_a: Sequence[Word], b: DocFacts, hunk_b: Sequence[Word]
) -> Discrepancy:
    """FD903 or FD904 (``code``) for a replaced run of words, both sides quoted."""
    values = (
        span_value(a.sentences, hunk_a[0].start, hunk_a[-1].end, "reworded"),
        span_value(b.sentences, hunk_b[0].start, hunk_b[-1].end, "reworded"),
    )
    return make(
        code,
        Severity.INFO,
        group_id,
        f"{a.doc} says “{values[0].text}” where {b.doc} says “{values[1].text}”; check that it is the same thing.",
        values,
    )


_COMPARED_KINDS = frozenset({"date", "number", "place", "modifier", "role", "title"})


def _in_fact(word: Word, facts: DocFacts) -> bool:
    """Words of a date, number or place are compared as such, not as wording. So is a role's
    holder; its title is not: roles are compared holder against holder under one title, so "his
    roommate, Rick" / "his landlord, Rick" is left to the wording."""
    return any(
        f.kind in _COMPARED_KINDS and covers(f, word) and not (f.kind in ("role", "title") and word.text not in f.detail.split())
        for f in facts.facts
    )


def time_units(hunk: Sequence[Word], facts: DocFacts) -> bool:
    """Units of time in this side of an edit are units ("per month", "30 days"): not counted in
    the edit itself ("a decade" / "ten years", "hundreds of years": the numbers weigh those) nor
    a vague plural span ("for decades" / "for years", "hours")."""
    for word in hunk:
        if word.pos == "NUM" or _in_number(word, facts):
            return False
        if word.lemma in TIME_UNITS and word.text.lower() != word.lemma and not _unit_of_number(word, facts):
            return False
    return True


def _unit_of_number(word: Word, facts: DocFacts) -> bool:
    """The unit a number just before it is counted in: "30 days"."""
    return any(f.kind == "number" and f.slot == word.lemma and 0 <= word.start - f.end <= 1 for f in facts.facts)


def _in_number(word: Word, facts: DocFacts) -> bool:
    return any(f.kind == "number" and covers(f, word) for f in facts.facts)

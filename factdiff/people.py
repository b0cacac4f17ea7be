"""Who a sentence is about: whose age a number is, who holds which title, and the places a
noun names. Used by :mod:`factdiff.facts` on its entities (the ``_Entity`` records it makes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .variants import fold

if TYPE_CHECKING:
    from .facts import _Entity

_PART_NOUNS = frozenset("part area region side section portion edge outskirts corner half".split())

AGE = "age"  # a number's unit when it is someone's age; ``about`` then holds whose, if said
_AGE_AFTER = re.compile(r"[-\s](?:years?|yrs?)[-\s]old\b", re.I)


def age_holder(text: str, start: int, end: int, parse, entities: Sequence[_Entity]) -> str | None:
    """Whose age a number is, or None when it is no age.

    "20-year-old Wuttisan Wongtalay" and "Love, 32," name the holder (a person's key); "his
    three-year-old dog", "the 59-year-old musher" and "an 18-year-old Hanford woman" a noun
    ("noun:dog", the head of the words after it); "The 21-year-old hanged his daughter"
    nobody ("", the story's subject, resolved by compare); "aged 40" is the age of the person
    named before it.
    """
    after = _AGE_AFTER.match(text, end)
    if after:
        rest = text[after.end():]
        named = next((e for e in entities if e.start >= after.end() and not text[after.end():e.start].strip()), None)
        if named is not None and named.kind == "person":
            return named.key
        token = next((t for t in parse if t.idx >= after.end()), None)
        if token is not None and not rest[: token.idx - after.end()].strip():
            while _names_where(token):
                token = token.head  # "18-year-old central California woman": the woman's
            if token.pos_ == "NOUN":
                return f"noun:{token.lemma_.lower()}"
        return ""
    before = text[:start]
    if before.endswith(", ") and _AGE_CLOSES.match(text, end):
        # "Love, 32, said", and a list's "Kevin Deon Johnson, 24; Dwight Smith, 30; and Antheyst Jarrett, 27."
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


_AGE_CLOSES = re.compile(r"[,;]|\.(?:\s|\Z)|\Z")  # what may follow "Love, 32"


def _names_where(token) -> bool:
    """A proper noun modifying a noun after it ("Hanford woman"), or an adjective before one
    ("central California woman"): not the holder, but where the holder is from. An adjective
    before a common noun is left alone, as the tagger reads verbs as adjectives there ("The
    46-year-old said business ...")."""
    if token.head.i <= token.i:
        return False
    if token.pos_ == "PROPN" and token.dep_ == "compound":
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "ADJ" and token.dep_ == "amod" and following is not None and following.pos_ == "PROPN"


def places_modified(noun, by_root: dict) -> list[_Entity]:
    """The named places a noun is about: its compounds, "of" objects and appositions ("the
    city of Kherson", "parts of the Kherson region"), given entities by their root token."""
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


def roles(parse, entities: Sequence[_Entity]) -> Iterable[tuple[tuple, dict]]:
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
                inner = places_modified(named, by_root)
                holder = inner[0] if inner else None
            if holder is None:
                continue
            office = not any(
                c.dep_ == "det" and c.lower_ in _INDEFINITE or c.dep_ == "poss" and c.pos_ == "PRON" for c in title.children
            )  # "his brother" is whoever "his" is: no office either
            words = [c for c in title.children if c.dep_ in ("amod", "compound") and c.i != holder.root.i and not _an_age(c)]
            whose = " ".join(f"of {fold(c.text)}" for c in title.children if c.dep_ == "poss" and c.i != holder.root.i)
            role = _modifiers(words, whole=not office)
            role = " ".join(f"{role} {title.lemma_.lower()} {_of_complement(title, holder)} {whose}".split())
            start = min(title.left_edge.idx, holder.start)
            end = max(title.idx + len(title.text), holder.end)
            yield (("role" if office else "title", start, end, holder.key),
                   {"slot": role, "about": (holder.key,), "detail": holder.text, "context": title.lemma_.lower()})
            break


def _an_age(modifier) -> bool:
    """"21-year-old": an age is a fact of its own, not part of what its holder is."""
    return modifier.lemma_.lower() == "old" and any(c.lower_ in _AGE_UNITS for c in modifier.children)


_AGE_UNITS = frozenset("year years month months week weeks day days".split())


def _modifiers(words, *, whole: bool) -> str:
    """A title's modifiers, one word each; with ``whole``, a run of nouns compounded with one
    another is one ("computer science student": "computer_science"), so that a field of study
    or work is one grade of the title, not two."""
    if not whole:
        return " ".join(fold(w.text) for w in sorted(words, key=lambda t: t.i))
    tokens = sorted(
        (t for w in words for t in (w.subtree if w.dep_ == "compound" else [w]) if t.dep_ in ("compound", "amod")),
        key=lambda t: t.i,
    )
    runs: list[list] = []
    for token in tokens:
        if runs and token.dep_ == "compound" and runs[-1][-1].dep_ == "compound" and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return " ".join("_".join(fold(t.text) for t in run) for run in runs)


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

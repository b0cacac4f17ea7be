"""The word-by-word alignment of two versions of one claim, each edit handed to the rules.

Where two sentences line up closely, every edit (a run of words one version replaces, adds or
drops) is shown to the rules that judge edits: a name for another (FD401,
:func:`.rules.entities.name_swaps`), a word for its opposite (FD601,
:func:`.rules.wording.contrasts`), a noun or word for another (FD903/FD904,
:mod:`.rules.wording`), words one version adds (FD902, :mod:`.rules.details`).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..model import Discrepancy
from .claims import CONTENT_POS, DocFacts, covers, lined_up, negations
from .rules.details import added_wording, adds_detail, scope_changes
from .rules.entities import NAME_POS, name_swaps, names_alone, renamed
from .rules.wording import (
    SOLE_SUBSTITUTION, SUBSTITUTION, contrasts, renames, substitutes_noun, substitutes_word, substitution,
    time_units,
)

SWAP_CONTEXT = 0.5  # word-sequence similarity two sentences need before a replaced name is a swap
SWAP_HUNK_WORDS = 4  # a swap replaces a few words, not a rewritten clause
SWAP_FRAME = 2  # words that must line up either side of a name swapped in otherwise rewritten sentences


def word_swaps(group_id: str, a: DocFacts, b: DocFacts) -> list[Discrepancy]:
    """What a word-by-word alignment of two versions of one claim shows.

    Only where the two sentences line up closely (most words shared): a name replaced by another
    name of the same kind, a word replaced by its opposite or by another member of a closed
    contrasting set (boys/girls, yellow/green, most/least), and content words one version adds.
    """
    matcher = SequenceMatcher(None, [w.key for w in a.words], [w.key for w in b.words], autojunk=False)
    ents_a = [f for f in a.facts if f.kind == "entity"]
    ents_b = [f for f in b.facts if f.kind == "entity"]
    if matcher.ratio() < SWAP_CONTEXT:
        return framed_name_swaps(group_id, a, b, matcher.get_opcodes(), ents_a, ents_b)
    found = []
    polarity_differs = negations(a) != negations(b)
    negating = frozenset(f.start for f in a.facts + b.facts if f.kind == "negation")
    edits = [
        op for op in matcher.get_opcodes()
        if op[0] != "equal" and any(w.pos in CONTENT_POS for w in a.words[op[1]:op[2]] + b.words[op[3]:op[4]])
    ]
    opcodes = matcher.get_opcodes()
    for at, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        hunk_a, hunk_b = a.words[i1:i2], b.words[j1:j2]
        found += [added_wording(group_id, facts, [word]) for facts, word in scope_changes(a, hunk_a, b, hunk_b)]
        # A long name is one name: "The Federal Aviation Authority" / "Carnegie Mellon University Robotics Institute".
        if tag == "replace" and max(i2 - i1, j2 - j1) > SWAP_HUNK_WORDS and not (names_alone(hunk_a) and names_alone(hunk_b)):
            if at and lined_up(a, opcodes[at - 1]) >= SWAP_FRAME:
                found += _leading_names(group_id, a, hunk_a, b, hunk_b, ents_a, ents_b)
            continue
        if tag == "replace":
            swaps = name_swaps(group_id, hunk_a, hunk_b, ents_a, ents_b)
            swaps += contrasts(
                group_id, a.doc, hunk_a, b.doc, hunk_b, polarity_differs=polarity_differs, negating=negating,
                time_units=time_units(hunk_a, a) and time_units(hunk_b, b),
            )
            names_only = renames(hunk_a, hunk_b)
            if not swaps and names_only:
                swaps += renamed(group_id, a, hunk_a, b, hunk_b)
            sole = len(edits) == 1
            if not swaps and (substitutes_noun(hunk_a, hunk_b, a, b) or sole and substitutes_word(hunk_a, hunk_b, a, b)):
                told = sole or names_only
                swaps.append(substitution(SOLE_SUBSTITUTION if told else SUBSTITUTION, group_id, a, hunk_a, b, hunk_b))
            found += swaps
        else:
            facts, words, other = (a, hunk_a, b) if hunk_a else (b, hunk_b, a)
            if adds_detail(words, other, sole=len(edits) == 1):
                found.append(added_wording(group_id, facts, words))
    return found


def framed_name_swaps(group_id: str, a: DocFacts, b: DocFacts, opcodes, ents_a, ents_b) -> list[Discrepancy]:
    """Names swapped in sentences rewritten elsewhere: the edit is the names alone, and the words
    either side of them line up (SWAP_FRAME of them each side, or one more after a name that
    opens the sentence): "Amjid Gulzar, 26, said Abdullah could search for truth ..." / "Syed
    Ali Shah Geelani, 26, said Abdullah should encourage ...". A name is the claim's subject or
    source however the rest is reworded."""
    found = []
    for at, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "replace" or max(i2 - i1, j2 - j1) > SWAP_HUNK_WORDS:
            continue
        after = lined_up(a, opcodes[at + 1]) if at + 1 < len(opcodes) else 0
        before = lined_up(a, opcodes[at - 1]) if at else None  # None: the name opens the sentence
        hunk_a, hunk_b = a.words[i1:i2], b.words[j1:j2]
        framed = after > SWAP_FRAME if before is None else min(before, after) >= SWAP_FRAME
        if framed and _only_names(hunk_a, ents_a) and _only_names(hunk_b, ents_b):
            found += name_swaps(group_id, hunk_a, hunk_b, ents_a, ents_b)
    return found


def _leading_names(group_id: str, a: DocFacts, hunk_a, b: DocFacts, hunk_b, ents_a, ents_b) -> list[Discrepancy]:
    """A long replaced run that opens, right after words that line up, with a name on each
    side: the names are an edit of their own ("took £31m in the UK by the first weekend" /
    "took £31 million in the China between February and April")."""
    lead_a, lead_b = _name_run(hunk_a), _name_run(hunk_b)
    if not lead_a or not lead_b or len(lead_a) == len(hunk_a) or len(lead_b) == len(hunk_b):
        return []
    if hunk_a[len(lead_a)].pos in _MODIFIED or hunk_b[len(lead_b)].pos in _MODIFIED:
        return []  # names modifying other things: "comment on El Shukrijumah's stay" / "on the Washington Times report"
    return name_swaps(group_id, lead_a, lead_b, ents_a, ents_b) or renamed(group_id, a, lead_a, b, lead_b)


_MODIFIED = frozenset({"NOUN", "ADJ", "NUM"})


def _name_run(hunk):
    """The proper nouns (with "the" and "’s") a run of words opens with."""
    n = 0
    while n < len(hunk) and hunk[n].pos in NAME_POS:
        n += 1
    run = hunk[:n]
    return run if any(w.pos == "PROPN" for w in run) else ()


def _only_names(words, entities) -> bool:
    """Every word of the edit is part of a name: "former NFL star" / "former Saints player"
    changes more than the name."""
    return all(w.pos == "PUNCT" or any(covers(e, w) for e in entities) for w in words)


"""A version's part of one aligned group, as the rules see it.

A pair rule is handed two :class:`DocFacts`, one per version: the version's sentences in the
group, their facts and their words, taken together (a version may have split the claim in
two). Story rules are handed every sentence's :class:`~factdiff.facts.SentenceFacts`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..facts import SPEECH_VERBS, SentenceFacts, Word
from ..model import Fact, Group, Sentence
from ..variants import fold

CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "VERB", "ADV"})
DESCRIBING_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def resolve_story_names(analyses: Sequence[SentenceFacts]) -> tuple[SentenceFacts, ...]:
    """A first name or surname alone is the person the story names in full ("Eleni Marini" ...
    "said Marini", "Raymond Lumbuenamo" ... "Raymond accepted").

    The parser, seeing a lone surname, often calls it an organisation or a nationality, and
    names are compared only with names of their own kind: "said Marini" (an organisation, to
    the parser) against "said Poulopoulos" (a person) was no conflict. Where one full name
    holds the word, the word also takes that name's key, so that "Raymond" and "Lumbuenamo"
    are one person; so does a title's holder ("Youness, an electronics student")."""
    full_names: dict[str, set[str]] = defaultdict(set)
    for a in analyses:
        for f in a.facts:
            words = fold(f.text).split()
            if f.kind == "entity" and f.slot == "person" and len(words) >= 2:
                full_names[words[0]].add(f.value)
                full_names[words[-1]].add(f.value)
    if not full_names:
        return tuple(analyses)

    def resolved(fact: Fact) -> Fact:
        if fact.kind in ("role", "title"):  # "Youness, an electronics student": the holder, by name
            holders = full_names.get(fold(fact.detail), set())
            return replace(fact, value=next(iter(holders))) if len(holders) == 1 else fact
        holders = full_names.get(fold(fact.text), set()) if fact.kind in ("entity", "speaker") else set()
        if not holders:
            return fact
        return replace(fact, slot="person", value=next(iter(holders)) if len(holders) == 1 else fact.value)

    return tuple(replace(a, facts=tuple(resolved(f) for f in a.facts)) for a in analyses)


_QUOTE_MARKS = '"“”'
_OPENS, _CLOSES = "“", "”"


def quote_open_after(text: str, inside: bool) -> bool:
    """Whether a quotation is still open after a sentence that starts ``inside`` one or not.

    A curly mark says which way it goes; a straight one turns the state, except at the start of
    a sentence, where it opens (as a quotation run over several paragraphs opens each again
    without closing the last: '“... business rates.”' ends the quotation it continues)."""
    text = text.lstrip()
    for i, mark in enumerate(text):
        if mark == _OPENS or (mark == '"' and i == 0):
            inside = True
        elif mark == _CLOSES:
            inside = False
        elif mark == '"':
            inside = not inside
    return inside


def carry_quoted_speakers(analyses: Sequence[SentenceFacts], texts: Mapping[str, str]) -> tuple[SentenceFacts, ...]:
    """A quotation's sentences without a speaker of their own are its speaker's: in '"It was a
    camera," Chris insisted. “It was wired up. It was working."' Chris says all three, and in
    'Dana added, “It was wired up. It was working."' Dana both. The speaker is carried while a
    quotation runs on, or to a quotation opened next in the same paragraph (a new speaker opens
    a new paragraph), and never past a sentence outside quotation marks. The carried fact keeps
    the offsets of the name it comes from, so it is shown where the text names the speaker.
    ``texts``: each version's text, to see where paragraphs break."""
    carried_to: dict[tuple[str, int], Fact] = {}
    by_doc: dict[str, list[SentenceFacts]] = defaultdict(list)
    for analysis in analyses:
        by_doc[analysis.sentence.doc].append(analysis)
    for doc, sentences in by_doc.items():
        speaker, inside, previous_end = None, False, None
        for analysis in sorted(sentences, key=lambda a: a.sentence.index):
            sentence = analysis.sentence
            own = [f for f in analysis.facts if f.kind == "speaker"]
            same_paragraph = previous_end is not None and "\n" not in texts.get(doc, "")[previous_end : sentence.start]
            previous_end = sentence.end
            if own:
                speaker = own[0] if len(own) == 1 else None
                inside = quote_open_after(sentence.text, False)
                continue
            opens = sentence.text.lstrip()[:1] in _QUOTE_MARKS and same_paragraph
            says = any(w.pos == "VERB" and w.lemma.lower() in SPEECH_VERBS for w in analysis.words)
            if speaker is not None and (inside or opens) and not says:  # '"...," he said' is his
                carried_to[(doc, sentence.index)] = speaker
                inside = quote_open_after(sentence.text, inside)
            else:
                speaker, inside = None, False
    if not carried_to:
        return tuple(analyses)
    return tuple(
        replace(a, facts=a.facts + (carried_to[key],)) if (key := (a.sentence.doc, a.sentence.index)) in carried_to else a
        for a in analyses
    )


@dataclass(frozen=True)
class DocFacts:
    """A version's sentences in one aligned group, their facts and words taken together."""

    doc: str
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]
    lemmas: frozenset[str]
    words: tuple[Word, ...]


def facts_by_doc(group: Group, by_sentence) -> dict[str, DocFacts]:
    """A version's sentences in a group taken together (it may have split the claim in two)."""
    merged: dict[str, list[SentenceFacts]] = defaultdict(list)
    for sentence in group.sentences:
        analysis = by_sentence.get((sentence.doc, sentence.index))
        if analysis is not None:
            merged[sentence.doc].append(analysis)
    return {
        doc: DocFacts(
            doc,
            tuple(a.sentence for a in parts),
            tuple(f for a in parts for f in a.facts),
            frozenset().union(*(a.lemmas for a in parts)),
            tuple(w for a in parts for w in a.words),
        )
        for doc, parts in merged.items()
    }


def lined_up(facts: DocFacts, opcode) -> int:
    """Words (punctuation aside) of ``facts`` that an equal opcode of a word alignment lines up;
    0 for any other edit: how firmly an edit next to it is framed."""
    tag, i1, i2, _, _ = opcode
    return sum(w.pos != "PUNCT" for w in facts.words[i1:i2]) if tag == "equal" else 0


def covers(fact: Fact, word: Word) -> bool:
    """Whether a word lies within a fact's span (a name's words, a figure's)."""
    return fact.start <= word.start and word.end <= fact.end


def negations(facts: DocFacts) -> int:
    """How many negations a version's part of the group holds."""
    return sum(f.kind == "negation" for f in facts.facts)


def dropped(word: Word, here: DocFacts, there: DocFacts) -> bool:
    """The other version has fewer of this word: it was replaced, not moved. Counting, not mere
    presence: "milk alternatives, like soy milk" / "meat alternatives, like soy milk" still
    loses a "milk"."""
    return sum(w.lemma == word.lemma for w in here.words) > sum(w.lemma == word.lemma for w in there.words)

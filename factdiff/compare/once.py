"""Dates of what happens to a named thing once: its founding or building, a person's birth or
death.

Most dates of a story's protagonist are of different events ("arrested in 2010", "arrested in
2015"), which is why dates are otherwise linked across sentences only through a place or an
organisation both clauses are about (:func:`.linking.story_date_links`) and never by a bare
year. A company is founded once and a person born once, so two dates of that happening to one
named thing are dates of one event wherever the sentences are: "Essential Consultants, a company
established by Cohen in October 2016" ... "Essential Consultants, a company formed by Cohen in
early 2017" contradict each other, in one version or across two.

Read from the words, not the parse's attachment of the date (which often hangs it on the
sentence's main verb): the happening's participle right before the date, with at most a "by"
phrase, names and prepositions between ("established by Cohen in October 2016", "born in Long
Beach in 1971"), and the thing named right before the participle, through a passive ("X was
founded"), a reduced relative ("X, founded in") or an appositive ("X, a company established").
An active verb ("Cohen formed the company in 2016") names the founder, not the thing, and is
left out; "died" is the one such happening told actively of its subject ("Smith died in 2001"),
where "Smith was killed" is the passive of someone else's act.

Told to the day, some happenings befall a person once in a story's time though not in a life
(:data:`DAY_HAPPENINGS`): an arrest, a conviction, a sentencing, an abduction, a disappearance,
a resignation. "Johnson was arrested June 17" / "A day later, Kevin Johnson, 25, also was
arrested" (June 18) date one arrest; "arrested in 2010" / "arrested in 2015" are years, and two
arrests. These are read from the clause the facts stage gives the date (its head verb is the
happening, told in the passive of the one person the clause names, or actively for one that
befalls its subject: "Perez vanished on Friday"), since a date often opens the sentence ("On
Monday, Smith was arrested").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..facts import SentenceFacts, Word
from ..model import Fact
from .claims import covers
from .linking import Link, dates_agree, detail_fields, surname

HAPPENINGS = {
    "found": "founding", "establish": "founding", "form": "founding", "incorporate": "founding",
    "build": "building", "construct": "building",
    "bear": "birth",
    "die": "death", "kill": "death", "murder": "death", "assassinate": "death",
}
DAY_HAPPENINGS = {
    "arrest": "arrest", "convict": "conviction", "acquit": "acquittal", "sentence": "sentencing",
    "kidnap": "abduction", "abduct": "abduction",
    "disappear": "disappearance", "vanish": "disappearance", "resign": "resignation",
}
# Told actively of the one they befall ("Smith died in 2001", "Perez vanished on Friday"); the
# rest only in the passive ("was killed", "was arrested").
TOLD_ACTIVELY = frozenset({"die", "disappear", "vanish", "resign"})
_PASSIVE = frozenset("was were is are been being".split())
_BETWEEN = frozenset("in on by during at of".split())  # words of the phrase between participle and date
_RELATIVE = frozenset("who which that".split())
_THINGS = ("person", "org", "place", "geo")  # keys of things that are founded, born or die
MAX_BETWEEN = 6  # words between the participle and the date


@dataclass(frozen=True)
class OnceDate:
    """A date of one happening (``founding``, ``building``, ``birth``, ``death``) of the thing
    named ``name`` (an entity's key)."""

    name: str
    happening: str
    date: Fact

    @property
    def thing(self) -> str:
        """Who or what it happened to: a person by surname, so "Cohen" and "Michael Cohen" meet."""
        return surname(self.name) if self.name.startswith("person:") else self.name

    def same_thing(self, other: OnceDate) -> bool:
        """One thing, unless both full names are given and differ ("John Smith" / "Mark Smith")."""
        full = [n for n in (self.name, other.name) if len(n.split()) > 1]
        return self.thing == other.thing and (len(full) < 2 or full[0] == full[1])


def once_dates(analyses: Sequence[SentenceFacts]) -> list[OnceDate]:
    """Every date the story gives of a named thing's founding or building, birth or death."""
    found = []
    for analysis in analyses:
        names = [f for f in analysis.facts if f.kind == "entity" and f.value.startswith(_THINGS)]
        for date in analysis.facts:
            if date.kind == "date" and date.value != "unknown":
                told = _happening_of(date, analysis.words, names) or _persons_day(date, analysis.words)
                if told is not None:
                    found.append(OnceDate(*told, date))
    return found


def one_event_pairs(once: Sequence[OnceDate]) -> Iterator[tuple[OnceDate, OnceDate]]:
    """Every two dates of one happening to one thing, in the story's order."""
    for x, y in combinations(once, 2):
        if x.happening == y.happening and x.same_thing(y):
            yield x, y


def once_date_links(once: Sequence[OnceDate], group_of) -> list[Link]:
    """Links of two versions' dates of one happening to one thing, in sentences that do not
    align (aligned ones are paired in their group)."""
    links = []
    for x, y in one_event_pairs(once):
        a, b = x.date, y.date
        group = group_of.get((a.doc, a.sentence))
        if a.doc != b.doc and (group is None or group != group_of.get((b.doc, b.sentence))):
            verdict = dates_agree(a, b)
            if verdict is not None:
                links.append(Link(a, b, verdict, aligned=False))
    return links


def _happening_of(date: Fact, words: Sequence[Word], names: Sequence[Fact]) -> tuple[str, str] | None:
    """(name, happening) when the words right before a date tell a once-only happening of a
    thing named right before them."""
    before = [w for w in words if w.end <= date.start]
    i = len(before) - 1
    while i >= 0 and len(before) - 1 - i < MAX_BETWEEN and (
        before[i].text.lower() in _BETWEEN or before[i].text == "," or _name_at(before, i, names) is not None
    ):
        i -= 1
    if i < 0 or before[i].lemma not in HAPPENINGS or before[i].pos not in ("VERB", "AUX"):
        return None
    verb = before[i]
    # A participle ("founded", "built", "born") or, for "die", its past ("died"), not "dies".
    if not verb.text.lower().endswith(("ed", "born", "built")):
        return None
    name = _named_before(before[:i], names, active=verb.lemma in TOLD_ACTIVELY)
    return (name.value, HAPPENINGS[verb.lemma]) if name is not None else None


def _persons_day(date: Fact, words: Sequence[Word]) -> tuple[str, str] | None:
    """(person, happening) when a date told to the day is in the clause of a happening of
    :data:`DAY_HAPPENINGS` that names one person, told in the passive ("Johnson was arrested
    June 17") or, for one :data:`TOLD_ACTIVELY`, of its subject ("Perez vanished on Friday")."""
    if detail_fields(date)[0] != "day" or date.slot not in DAY_HAPPENINGS:
        return None
    people = {k for k in date.about if k.startswith("person:")}
    if len(people) != 1:
        return None  # "Officer Lee arrested Smith": whose arrest is the parse's guess
    if date.slot not in TOLD_ACTIVELY and not _told_in_the_passive(date.slot, words):
        return None
    return people.pop(), DAY_HAPPENINGS[date.slot]


def _told_in_the_passive(verb: str, words: Sequence[Word]) -> bool:
    """Whether the sentence has ``verb`` with a form of "be" at most two words before it
    ("was arrested", "also was arrested")."""
    return any(
        w.lemma == verb and w.pos == "VERB" and any(x.text.lower() in _PASSIVE for x in words[max(0, i - 2) : i])
        for i, w in enumerate(words)
    )


def _named_before(words: Sequence[Word], names: Sequence[Fact], *, active: bool) -> Fact | None:
    """The name a happening is told of, from the words before its verb: "X died", "X, who
    died"; passives "X was founded", "X, which was founded", "X, founded", "X, a company
    founded". "X, a star and former ambassador, died" is left out: what the commas enclose may
    end in any name ("... ambassador to Ghana and Czechoslovakia, died")."""
    i = len(words) - 1
    if not active and i >= 0 and words[i].text.lower() in _PASSIVE:
        i -= 1
    elif not active and i >= 0 and words[i].pos == "NOUN":  # an appositive: "X, a company established"
        while i >= 0 and words[i].pos in ("NOUN", "ADJ"):
            i -= 1
        if i < 0 or words[i].pos != "DET" or i < 1 or words[i - 1].text != ",":
            return None
        return _name_at(words, i - 2, names)
    elif not active:
        return _name_at(words, i - 1, names) if i >= 0 and words[i].text == "," else None  # "X, founded"
    if i >= 0 and words[i].text.lower() in _RELATIVE:  # "X, who died", "X, which was founded"
        if i < 1 or words[i - 1].text != ",":
            return None
        i -= 2
    return _name_at(words, i, names)


def _name_at(words: Sequence[Word], i: int, names: Sequence[Fact]) -> Fact | None:
    """The name word ``i`` is part of, if any."""
    return next((n for n in names if covers(n, words[i])), None) if i >= 0 else None

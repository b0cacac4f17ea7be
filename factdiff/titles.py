"""Titles before a name ("Sergeant", "Sgt.", "Det. Insp.", "Gov."), which are not the name.

Outlets write one person as "Sergeant Kim Riley", "Police Sgt. Kim Riley" and "Sgt. Riley". The
title is house style and rank, not identity: a name's key leaves it out, so all three are Kim
Riley. An abbreviated title's full stop ends no sentence and is part of its token, so the
segmenter and the parser must not cut the name there. English news usage (AP style and British
police and military ranks), general, not any one story's.
"""

from __future__ import annotations

import re

#: Abbreviated titles as written, with the full title they stand for.
_ABBREVIATIONS = {
    "Sgt": "sergeant", "Lt": "lieutenant", "Gov": "governor", "Rep": "representative",
    "Sen": "senator", "Col": "colonel", "Capt": "captain", "Gen": "general", "Det": "detective",
    "Insp": "inspector", "Supt": "superintendent", "Cpl": "corporal", "Pvt": "private",
    "Adm": "admiral", "Cmdr": "commander", "Cdr": "commander", "Maj": "major",
    "Brig": "brigadier", "Const": "constable", "Ch": "chief", "Prof": "professor",
    "Dr": "doctor", "Pres": "president", "Sec": "secretary", "Atty": "attorney",
    "Lieut": "lieutenant", "Spc": "specialist", "Pfc": "private", "Rev": "reverend",
}  # fmt: skip
#: Abbreviated titles as written (with their full stop, or without it in British style), with
#: the full title they stand for.
ABBREVIATED = {**{f"{a}.": t for a, t in _ABBREVIATIONS.items()}, **_ABBREVIATIONS}
#: Titles written out; "Police" and "Chief" head titles too ("Police Sgt.", "Chief Inspector").
FULL = frozenset(
    """sergeant lieutenant governor representative senator colonel captain general detective
    inspector superintendent corporal private admiral commander major brigadier constable chief
    police professor doctor president secretary attorney deputy officer trooper patrolman
    marshal sheriff mayor judge justice congressman congresswoman councilman councilwoman
    councillor chancellor minister premier ambassador rev reverend father bishop cardinal
    pastor rabbi imam monsignor sir dame lord lady mr mrs ms miss staff specialist""".split()
)
_WORD = re.compile(r"\S+")


def expand(word: str) -> str:
    """The full title an abbreviation stands for ("Sgt." -> "sergeant"); other words as given."""
    return ABBREVIATED.get(word, word)


def is_title(word: str) -> bool:
    """Whether a word (as written) is a title, written out or abbreviated."""
    return word in ABBREVIATED or word.lower().rstrip(".") in FULL


def strip_titles(name: str) -> str:
    """The name without the titles before it: "Police Sgt. Kim Riley" -> "Kim Riley".

    The last word is never stripped, so a title used alone stays what it is ("the General")."""
    words = [m for m in _WORD.finditer(name)]
    i = 0
    while i < len(words) - 1 and is_title(words[i].group()):
        i += 1
    return name[words[i].start() :] if i else name

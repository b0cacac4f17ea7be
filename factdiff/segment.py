"""Split a document's story regions into sentences with exact offsets.

Sentences are the unit that gets embedded, aligned and compared, and each must point back into
the original text (``doc.text[s.start:s.end] == s.text``) so a discrepancy can be shown in place.

Line breaks always end a sentence (in saved pages a line is a paragraph, a headline or a caption,
never half a sentence), except in hard-wrapped text, where a paragraph is the unit: the cleaner
decides which, and both stages share its units. In a wrapped paragraph a sentence's text keeps
its inner line breaks, as the offsets demand. Within a unit pysbd does the splitting, since it
knows abbreviations ("Gen.", "U.S.") that a regex would split on.

pysbd is slow on long input and its list-item handling is super-linear, so a unit longer than
PYSBD_MAX_CHARS, or dense with list markers ("a) 1. ii."), is split by a fast regex instead. Any
sentence is cut at whitespace to at most MAX_SENTENCE_CHARS: the embedding model truncates long
input anyway.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from .clean import _split_lines  # the same units (lines or wrapped paragraphs) as the cleaner
from . import titles
from .model import Document, Region, Sentence
from .quantities import TIME_ZONE

PYSBD_MAX_CHARS = 10_000
MAX_SENTENCE_CHARS = 2_000

# Sentence end followed by space and a capital (or opening quote): the fast splitter's boundary.
_FAST_BOUNDARY = re.compile(r"[.!?…]['\"”’)\]]*(?=\s+['\"“‘(\[]?[A-Z0-9])")
# A possible boundary anywhere inside a line; a line without one is a single sentence.
_MAYBE_BOUNDARY = re.compile(r"[.!?…;:]['\"”’)\]]*\s+\S")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms st jr sr no vs etc inc ltd co corp dept univ approx est jan feb mar apr jun jul "
    "aug sep sept oct nov dec mt ft".split()
) | {a.rstrip(".").lower() for a in titles.ABBREVIATED}
# List-item-like tokens ("a)", "2.", "iv."): pysbd's list handling is roughly cubic in their number.
_LIST_MARKER = re.compile(r"(?<!\S)\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,5})[.)](?!\S)")
MAX_LIST_MARKERS = 12
_FLATTEN = {ord(c): " " for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
# Markdown block markers (heading, quote, bullet) that are not part of the sentence.
_BLOCK_MARKER = re.compile(r"(?:#{1,6}\s+|>\s*|[-*+•]\s+)+")


Spans = tuple[tuple[int, int], ...]


def segment(doc: Document, regions: Sequence[Region], memo: dict[str, Spans] | None = None) -> tuple[Sentence, ...]:
    """The sentences of the story regions, indexed 0.. in text order; junk regions are skipped.

    ``memo`` keeps each unit's sentences by the unit's text, for segmenting several versions of
    a story: they share most paragraphs, and pysbd is slow.
    """
    memo = {} if memo is None else memo
    text = doc.text
    story = sorted((r for r in regions if r.is_story), key=lambda r: r.start)
    if not story:
        return ()
    units = [(u.start, u.end) for u in _split_lines(text)]
    unit_starts = [s for s, _ in units]
    spans: list[tuple[int, int]] = []
    done = 0  # regions are clipped so that overlapping ones never yield a sentence twice
    for region in story:
        start, end = max(region.start, done, 0), min(region.end, len(text))
        if start >= end:
            continue
        done = end
        first = max(bisect_right(unit_starts, start) - 1, 0)
        for unit_start, unit_end in units[first:]:
            if unit_start >= end:
                break
            begin = max(unit_start, start)
            unit = text[begin : min(unit_end, end)]
            if unit not in memo:
                memo[unit] = _unit_spans(unit)
            spans.extend((begin + s, begin + e) for s, e in memo[unit])
    return tuple(
        Sentence(doc=doc.id, index=i, start=s, end=e, text=text[s:e]) for i, (s, e) in enumerate(spans)
    )


def _unit_spans(unit: str) -> Spans:
    """The sentences of one unit, as offsets into it: they depend on its text alone."""
    return tuple(
        (s, e)
        for start, end in _unit_sentences(unit, 0, len(unit))
        for glued_start, glued_end in _unglued(unit, start, end)
        for s, e in _cap(unit, glued_start, glued_end)
        if _has_letter(unit, s, e)
    )


# A full stop with no space before the next sentence, as text scraped from a page's paragraphs
# often has ("was continued to July 6.Jarrett faces ..."): a lower-case word or a digit, the
# stop, then a capitalised word. pysbd keeps such a pair as one sentence.
_GLUED = re.compile(r"(?<=[a-z0-9])[.!?]['\"”’)\]]*(?=[A-Z][a-z])")


def _unglued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, begin = [], start
    for m in _GLUED.finditer(text, start, end):
        word = _LAST_WORD.search(text, max(begin, m.start() - 12), m.start() + 1)
        if text[m.start()] == "." and word and not word.group(1).isdigit() and _is_abbreviation(word.group(1)):
            continue
        pieces.append((begin, m.end()))
        begin = m.end()
    pieces.append((begin, end))
    return [(s, e) for s, e in pieces if s < e]


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in text[start:end])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unit_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one unit (a line, or a paragraph of a hard-wrapped text)."""
    start, end = _trim(text, start, end)
    marker = _BLOCK_MARKER.match(text, start, end)
    if marker:
        start, end = _trim(text, marker.end(), end)
    if start >= end:
        return []
    # Line breaks inside a wrapped paragraph become spaces (same length, so offsets still hold).
    line = text[start:end].translate(_FLATTEN)
    if len(line) > PYSBD_MAX_CHARS or _too_many_list_markers(line):
        pieces = _fast_split(line)
    elif not _MAYBE_BOUNDARY.search(line):
        pieces = [(0, len(line))]
    else:
        pieces = _pysbd_split(line)
    return [(start + s, start + e) for s, e in pieces]


def _is_abbreviation(word: str) -> bool:
    """ "J." "U.S." "Gen." : a full stop that the fast splitter must not take as a sentence end."""
    bare = word.rstrip(".")
    return len(bare) == 1 or "." in bare or bare.lower() in _ABBREVIATIONS


def _too_many_list_markers(line: str) -> bool:
    count = 0
    for _ in _LIST_MARKER.finditer(line):
        count += 1
        if count > MAX_LIST_MARKERS:
            return True
    return False


def _fast_split(line: str) -> list[tuple[int, int]]:
    """Split at sentence-final punctuation followed by a capital: crude, but linear time."""
    pieces: list[tuple[int, int]] = []
    begin = 0
    for m in _FAST_BOUNDARY.finditer(line):
        word = _LAST_WORD.search(line, max(begin, m.start() - 12), m.start() + 1)
        if line[m.start()] == "." and word and _is_abbreviation(word.group(1)):
            continue
        pieces.append(_trim(line, begin, m.end()))
        begin = m.end()
    pieces.append(_trim(line, begin, len(line)))
    return [(s, e) for s, e in pieces if s < e]


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd  # imported late: only the segmenting stage needs it

    return pysbd.Segmenter(language="en", clean=False)


def _pysbd_split(line: str) -> list[tuple[int, int]]:
    """pysbd's sentences, located in the line by search, so offsets are exact whatever it returns.

    If pysbd fails or returns text that is not in the line in order, the fast splitter is used.
    """
    try:
        sentences = _segmenter().segment(line)
    except Exception:  # pysbd has crashed on odd input before; a crude split beats no split
        return _fast_split(line)
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for sentence in sentences:
        piece = sentence.strip()
        if not piece:
            continue
        found = line.find(piece, cursor)
        if found < 0:
            return _fast_split(line)
        pieces.append((found, found + len(piece)))
        cursor = found + len(piece)
    if not pieces:
        return _fast_split(line)
    # A time's zone is no new sentence: "until 6 p.m. EDT Sunday".
    pieces = [
        piece for i, piece in enumerate(pieces)
        if not (i and TIME_ZONE.match(line, piece[0]) and _CLOCK_END.search(line, 0, pieces[i - 1][1]))
    ]
    # A title's full stop ends no sentence: "Det. Insp. Kim Riley said".
    pieces = [
        piece for i, piece in enumerate(pieces)
        if not (i and line[piece[0]].isupper() and _ends_with_title(line, pieces[i - 1][1]))
    ]
    # A short word's full stop before a bracket or a lower-case word is an abbreviation's, not a
    # sentence end: "about 43 lbs. (20 kg), or the weight of eight bricks".
    pieces = [
        piece for i, piece in enumerate(pieces)
        if not (i and _CONTINUES.match(line, piece[0]) and _SHORT_WORD_STOP.search(line, 0, pieces[i - 1][1]))
    ]
    # A quotation that ends a sentence and another that opens the next are two sentences, which
    # pysbd leaves as one: '... the minimum wage.” “I’d go on a cruise,” says Laura.'
    pieces = [part for s, e in pieces for part in _split_at_quote_boundaries(line, s, e)]
    # Keep any text pysbd dropped: extend each piece up to the next one.
    joined: list[tuple[int, int]] = []
    for i, (s, _) in enumerate(pieces):
        s = 0 if i == 0 else s
        e = pieces[i + 1][0] if i + 1 < len(pieces) else len(line)
        joined.append(_trim(line, s, e))
    return [(s, e) for s, e in joined if s < e]


_QUOTE_BOUNDARY = re.compile(r"[.!?…][\"”](\s+)(?=[\"“]\S)")  # the gap between two quotations


def _split_at_quote_boundaries(line: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, begin = [], start
    for m in _QUOTE_BOUNDARY.finditer(line, start, end):
        parts.append((begin, m.start(1)))
        begin = m.end()
    parts.append((begin, end))
    return parts


_CONTINUES = re.compile(r"\((?=[a-z0-9])|[a-z]")
_SHORT_WORD_STOP = re.compile(r"(?<![\w.])[A-Za-z]{1,4}\.\Z")
_CLOCK_END = re.compile(r"[0-9]\s?[ap]\.m\.\Z", re.IGNORECASE)
_WORD_END = re.compile(r"(?<![\w.])[A-Z][a-z]{1,5}\.\Z")


def _ends_with_title(line: str, end: int) -> bool:
    word = _WORD_END.search(line, max(0, end - 8), end)
    return word is not None and word.group() in titles.ABBREVIATED


def _cap(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a sentence longer than MAX_SENTENCE_CHARS at whitespace (or hard, if there is none)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        for position in range(limit, start + MAX_SENTENCE_CHARS // 2, -1):
            if text[position].isspace():
                cut = position
                break
        piece = _trim(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start, end = _trim(text, cut, end)
    if start < end:
        yield start, end

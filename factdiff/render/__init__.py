"""Renderers: each module turns a finished :class:`~factdiff.model.Report` into one format.

The data knows nothing of the screen; every renderer reads a Report and nothing else:
``jsonout.render_json``, ``terminal.render_terminal``, ``markdown.render_markdown`` and
``html.render_html``. The underscore helpers below are private, shared by those modules so that
all formats agree on order, roles and counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Discrepancy, Document, DocumentSummary, Report, Sentence, Severity, Value

MAJORITY = "majority"
OUTLIER = "outlier"


def _severity(value: Severity | str) -> Severity:
    return value if isinstance(value, Severity) else Severity(value)


def _ordered(report: Report, min_severity: Severity | str = Severity.INFO) -> list[Discrepancy]:
    """Discrepancies at or above ``min_severity``: errors, then warnings, then info (stable)."""
    floor = _severity(min_severity).rank
    kept = [d for d in report.discrepancies if _severity(d.severity).rank >= floor]
    return sorted(kept, key=lambda d: -_severity(d.severity).rank)


def _doc_ids(report: Report) -> list[str]:
    """Document ids in report order, then any id referenced elsewhere but not in ``documents``."""
    ids = dict.fromkeys(d.id for d in report.documents)
    for s in report.sentences:
        ids.setdefault(s.doc)
    for g in report.groups:
        for s in g.sentences:
            ids.setdefault(s.doc)
    for d in report.discrepancies:
        for v in d.values:
            ids.setdefault(v.doc)
    for s in report.summaries:
        ids.setdefault(s.doc)
    return list(ids)


def _role(value: Value, discrepancy: Discrepancy) -> str:
    """``majority`` when a value agrees with the majority; otherwise (or with none) ``outlier``."""
    if discrepancy.majority is not None and value.normalized == discrepancy.majority:
        return MAJORITY
    return OUTLIER


def _summaries(report: Report) -> list[DocumentSummary]:
    """One summary per document in document order.

    The pipeline's own summaries are used as given. For a document without one, a fallback is
    counted from the report: story sentences, sentences in a group shared with another version,
    discrepancies where it holds a non-majority value, and discrepancies only it has values in.
    """
    given = {s.doc: s for s in report.summaries}
    grouped: set[tuple[str, int]] = set()
    for g in report.groups:
        if len(g.docs) > 1:
            grouped.update((s.doc, s.index) for s in g.sentences)
    out = []
    for doc in _doc_ids(report):
        if doc in given:
            out.append(given[doc])
            continue
        own = {s.index for s in report.sentences if s.doc == doc}
        if not own:
            own = {s.index for g in report.groups for s in g.sentences if s.doc == doc}
        odd = only = contradicts = 0
        for d in report.discrepancies:
            docs = {v.doc for v in d.values}
            if doc not in docs:
                continue
            if d.code == "FD701":
                contradicts += 1
            elif docs == {doc}:
                only += 1
            elif d.majority is not None and all(
                _role(v, d) == OUTLIER for v in d.values if v.doc == doc
            ):
                odd += 1
        aligned = sum((doc, i) in grouped for i in own)
        out.append(DocumentSummary(doc, len(own), aligned, odd, only, contradicts))
    return out


@dataclass(frozen=True)
class _Mark:
    """A value highlighted inside a passage; offsets are into ``_Passage.text``."""

    start: int
    end: int
    value: Value
    role: str


@dataclass(frozen=True)
class _Passage:
    """What one version says: its sentence(s) joined by a space, with value marks."""

    doc: str
    text: str
    marks: tuple[_Mark, ...]
    values: tuple[tuple[Value, str], ...]  # this version's values and their roles, in order
    unplaced: tuple[Value, ...]  # values whose offsets fall in no shown text


class _Index:
    """Lookups over a report: documents by id, sentences by (doc, index)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.documents: dict[str, Document] = {d.id: d for d in report.documents}
        self.sentences: dict[tuple[str, int], Sentence] = {}
        for g in report.groups:
            for s in g.sentences:
                self.sentences[(s.doc, s.index)] = s
        for s in report.sentences:
            self.sentences[(s.doc, s.index)] = s
        self.by_doc: dict[str, list[Sentence]] = {}
        for s in self.sentences.values():
            self.by_doc.setdefault(s.doc, []).append(s)
        self.groups = {g.id: g for g in report.groups}
        self.order = {doc: i for i, doc in enumerate(_doc_ids(report))}

    def sentence_for(self, v: Value) -> tuple[int, int, str] | None:
        """The sentence holding a value, or failing that some context from the document text."""
        s = self.sentences.get((v.doc, v.sentence))
        if s is None or not (s.start <= v.start and v.end <= s.end):
            s = next(
                (s for s in self.by_doc.get(v.doc, ()) if s.start <= v.start and v.end <= s.end),
                None,
            )
        if s is not None:
            return s.start, s.end, s.text
        doc = self.documents.get(v.doc)
        if doc is not None and doc.text[v.start : v.end] == v.text and v.text:
            text = doc.text
            lo = max(text.rfind("\n", 0, v.start) + 1, v.start - 160)
            hi = text.find("\n", v.end)
            hi = min(len(text) if hi < 0 else hi, v.end + 160)
            return lo, hi, text[lo:hi]
        return None

    def passage(
        self,
        doc: str,
        sentences: list[Sentence],
        values: list[tuple[Value, str]],
        *,
        with_context: bool = True,
    ) -> _Passage:
        """Join a version's ``sentences`` (plus, ``with_context``, the sentences of its values)."""
        pieces: dict[tuple[int, int], str] = {}
        for s in sentences:
            pieces.setdefault((s.start, s.end), s.text)
        if with_context:
            for v, _ in values:
                if any(a <= v.start and v.end <= b for a, b in pieces):
                    continue
                found = self.sentence_for(v)
                if found is not None:
                    pieces.setdefault(found[:2], found[2])
        kept: list[tuple[int, int, str]] = []
        for (a, b), text in sorted(pieces.items(), key=lambda p: (p[0][0], -p[0][1])):
            if kept and a >= kept[-1][0] and b <= kept[-1][1]:
                continue  # contained in a piece already shown
            kept.append((a, b, text))
        parts, offsets, pos = [], [], 0
        for a, b, text in kept:
            if parts:
                pos += 1
            offsets.append((a, b, text, pos))
            parts.append(text)
            pos += len(text)
        joined = " ".join(parts)
        marks: list[_Mark] = []
        unplaced: list[Value] = []
        for v, role in values:
            for a, b, text, at in offsets:
                rel = v.start - a
                if a <= v.start and v.end <= b and text[rel : rel + len(v.text)] == v.text:
                    if v.text:
                        marks.append(_Mark(at + rel, at + rel + len(v.text), v, role))
                    break
            else:
                unplaced.append(v)
        marks.sort(key=lambda m: (m.start, -m.end))
        clean: list[_Mark] = []
        for m in marks:
            if clean and m.start < clean[-1].end:
                continue  # overlapping spans: the first one wins
            clean.append(m)
        return _Passage(doc, joined, tuple(clean), tuple(values), tuple(unplaced))

    def passages(self, discrepancy: Discrepancy) -> list[_Passage]:
        """One passage per version involved: the group's sentences and the values' sentences."""
        group = self.groups.get(discrepancy.group) if discrepancy.group is not None else None
        docs: dict[str, list[Sentence]] = {}
        if group is not None:
            for s in group.sentences:
                docs.setdefault(s.doc, []).append(s)
        vals: dict[str, list[tuple[Value, str]]] = {}
        for v in discrepancy.values:
            docs.setdefault(v.doc, [])
            vals.setdefault(v.doc, []).append((v, _role(v, discrepancy)))
        ordered = sorted(docs, key=lambda d: self.order.get(d, len(self.order)))
        return [self.passage(d, docs[d], vals.get(d, [])) for d in ordered]


def _reference(passages: list[_Passage]) -> _Passage | None:
    """The passage others are diffed against: the first majority version, else the first one."""
    for p in passages:
        if any(role == MAJORITY for _, role in p.values):
            return p
    return passages[0] if passages else None


def _published(doc: Document | None) -> str:
    if doc is None or doc.published is None:
        return ""
    text = doc.published.isoformat()
    if doc.published_from is not None:
        source = getattr(doc.published_from, "value", doc.published_from)
        text += f" ({source})"
    return text


def _hidden(report: Report) -> str:
    """How many discrepancies a baseline or an ignore setting hid ("" when none)."""
    return f"{report.suppressed} hidden by baseline/ignore" if report.suppressed else ""


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"

"""JSON output: the public, stable shape of a report (for tools, baselines and re-rendering).

``render_json`` is byte-identical for the same report: keys come in a fixed order, kinds are
sorted, and nothing depends on time or environment. ``report_from_dict`` reads it back.

The shape does not carry each document's full text nor sentences that are in no group, so a
report read back has a *sparse* ``Document.text``: every sentence and value span sits at its
original offsets (``doc.text[start:end] == span.text`` still holds) and the rest is spaces.
Optional ``documents[].text`` and top-level ``sentences`` keys are honoured when present.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from .. import __version__
from ..errors import InputError
from ..model import (
    DateSource,
    Discrepancy,
    Document,
    DocumentSummary,
    Group,
    Report,
    Sentence,
    Severity,
    Value,
)
from . import _severity, _summaries

__all__ = ["render_json", "report_to_dict", "report_from_dict"]

_SEVERITIES = ("error", "warning", "info")


def _enum(value: Any) -> Any:
    return getattr(value, "value", value)


def _sentence(s: Sentence) -> dict:
    return {"doc": s.doc, "index": s.index, "text": s.text, "start": s.start, "end": s.end}


def _value(v: Value) -> dict:
    return {
        "doc": v.doc,
        "text": v.text,
        "start": v.start,
        "end": v.end,
        "normalized": v.normalized,
        "sentence": v.sentence,
    }


def report_to_dict(report: Report) -> dict:
    """The report as plain JSON-ready data, keys in the documented order."""
    summaries = _summaries(report)
    per_doc = {s.doc: s for s in summaries}
    counts = dict.fromkeys(_SEVERITIES, 0)
    kinds: dict[str, int] = {}
    for d in report.discrepancies:
        counts[_severity(d.severity).value] += 1
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    documents = [
        {
            "id": doc.id,
            "source": doc.source,
            "path": doc.path,
            "url": doc.url,
            "published": doc.published.isoformat() if doc.published is not None else None,
            "published_from": _enum(doc.published_from),
            "sentences": per_doc[doc.id].sentences,
        }
        for doc in report.documents
    ]
    return {
        "version": __version__,
        "model": report.model,
        "documents": documents,
        "groups": [
            {"id": g.id, "sentences": [_sentence(s) for s in g.sentences]} for g in report.groups
        ],
        "discrepancies": [
            {
                "id": d.id,
                "code": d.code,
                "kind": d.kind,
                "severity": _severity(d.severity).value,
                "group": d.group,
                "explanation": d.explanation,
                "majority": d.majority,
                "values": [_value(v) for v in d.values],
            }
            for d in report.discrepancies
        ],
        "summary": {
            "documents": len(report.documents),
            "sentences": sum(per_doc[doc.id].sentences for doc in report.documents),
            "groups": len(report.groups),
            "discrepancies": counts,
            "by_kind": dict(sorted(kinds.items())),
            "suppressed": report.suppressed,
            "per_document": [
                {
                    "doc": s.doc,
                    "sentences": s.sentences,
                    "aligned": s.aligned,
                    "aligned_share": round(s.aligned_share, 3),
                    "odd_one_out": s.odd_one_out,
                    "only_here": s.only_here,
                    "self_contradictions": s.self_contradictions,
                }
                for s in summaries
            ],
        },
    }


def render_json(report: Report) -> str:
    """The report as JSON text: indent 2, UTF-8 characters kept, one trailing newline."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text)


def _sparse_text(spans: list[tuple[int, int, str]]) -> str:
    """A text of spaces with every known span written at its offsets."""
    length = max((end for _, end, _ in spans), default=0)
    chars = [" "] * length
    for start, end, text in spans:
        if end - start == len(text) and start >= 0:
            chars[start:end] = text
    return "".join(chars)


def report_from_dict(data: dict) -> Report:
    """Rebuild a Report from ``report_to_dict`` output (e.g. a saved ``--format json`` file).

    Raises :class:`InputError` when the data is not a factdiff JSON report.
    """
    try:
        return _from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"not a factdiff JSON report: {type(exc).__name__}: {exc}") from exc


def _from_dict(data: dict) -> Report:
    def sentence(s: dict) -> Sentence:
        return Sentence(s["doc"], int(s["index"]), int(s["start"]), int(s["end"]), s["text"])

    groups = tuple(
        Group(g["id"], tuple(sentence(s) for s in g["sentences"])) for g in data["groups"]
    )
    discrepancies = tuple(
        Discrepancy(
            id=d["id"],
            code=d["code"],
            kind=d["kind"],
            severity=Severity(d["severity"]),
            group=d["group"],
            explanation=d["explanation"],
            majority=d["majority"],
            values=tuple(
                Value(
                    doc=v["doc"],
                    text=v["text"],
                    start=int(v["start"]),
                    end=int(v["end"]),
                    normalized=v["normalized"],
                    sentence=int(v.get("sentence", -1)),
                )
                for v in d["values"]
            ),
        )
        for d in data["discrepancies"]
    )
    known: dict[tuple[str, int], Sentence] = {}
    for s in data.get("sentences") or ():
        known.setdefault((s["doc"], int(s["index"])), sentence(s))
    for g in groups:
        for s in g.sentences:
            known.setdefault((s.doc, s.index), s)
    doc_rows = data["documents"]
    order = {row["id"]: i for i, row in enumerate(doc_rows)}
    sentences = tuple(
        sorted(known.values(), key=lambda s: (order.get(s.doc, len(order)), s.doc, s.index))
    )
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for s in sentences:
        spans.setdefault(s.doc, []).append((s.start, s.end, s.text))
    for d in discrepancies:
        for v in d.values:
            spans.setdefault(v.doc, []).append((v.start, v.end, v.text))
    documents = tuple(
        Document(
            id=row["id"],
            path=row["path"],
            text=row["text"] if "text" in row else _sparse_text(spans.get(row["id"], [])),
            source=row.get("source"),
            url=row.get("url"),
            published=_date(row.get("published")),
            published_from=(
                DateSource(row["published_from"]) if row.get("published_from") else None
            ),
        )
        for row in doc_rows
    )
    summaries = tuple(
        DocumentSummary(
            doc=s["doc"],
            sentences=int(s["sentences"]),
            aligned=int(s["aligned"]),
            odd_one_out=int(s["odd_one_out"]),
            only_here=int(s["only_here"]),
            self_contradictions=int(s.get("self_contradictions", 0)),
        )
        for s in data["summary"]["per_document"]
    )
    return Report(
        documents=documents,
        sentences=sentences,
        groups=groups,
        discrepancies=discrepancies,
        summaries=summaries,
        model=data.get("model", ""),
        suppressed=int(data["summary"].get("suppressed", 0)),
    )

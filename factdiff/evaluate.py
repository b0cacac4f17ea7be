"""Measure factdiff on labelled pairs: does it flag the pairs whose facts differ, and only those?

Each record of a pairs file (the JSONL schema of the shared evaluation data: ``id``, ``source``,
``domain``, ``group``, ``text_a``, ``text_b``, ``fact_changed`` 1/0/null, ``orig_label``,
``meta``) is checked as a two-version story through the same :func:`check_documents` that
``factdiff check`` uses, so the figures describe the real pipeline rather than a special path.

Two predictions are scored, because they answer different questions: ``flagged`` (some error or
warning: the versions contradict each other) and ``changed`` (flagged, or a claim or detail only
one version has: the facts told differ, even when nothing is contradicted).

The model is the slow part, so all sentences of all records are segmented and encoded up front in
large batches (:class:`VectorMemo`), and the per-record checks then read vectors from
memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


from .embed import DEFAULT_MODEL, Embedder, EmbeddingCache, VectorMemo, default_cache_dir
from .errors import InputError
from .model import Document, Report, Severity

REQUIRED_FIELDS = ("id", "source", "domain", "text_a", "text_b", "fact_changed")
# A claim or detail told by one version only, or a claim whose one change is a word for another
# or whose names changed (FD904); a noun reworded among other rewording (FD903) is neither.
DETAIL_CODES = frozenset({"FD901", "FD902", "FD904"})
PREFETCH_CHUNK = 4096  # sentences per prefetch call: big model batches, yet visible progress
NO_EDIT = "none"  # the edit-type slice of records whose edit list is empty

Progress = Callable[[int], None]  # called with how many more items were done


# --- records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PairRecord:
    """One labelled pair; ``line`` is kept so later problems can point back into the file."""

    id: str
    source: str
    domain: str
    text_a: str
    text_b: str
    fact_changed: int | None
    edit_types: tuple[str, ...] | None = None  # None: the record has no edit-type annotation
    group: str = ""
    line: int = 0

    def documents(self) -> tuple[Document, Document]:
        """The pair as a two-version story: versions ``a`` and ``b``, no publication date."""
        return (
            Document(id="a", path=f"{self.id}:a", text=self.text_a),
            Document(id="b", path=f"{self.id}:b", text=self.text_b),
        )


def read_pairs(path: str | Path) -> tuple[PairRecord, ...]:
    """Read a pairs JSONL file; raises InputError naming the line of any bad record.

    Blank lines are skipped. Every record needs the fields of REQUIRED_FIELDS, texts must be
    strings, ``fact_changed`` must be 0, 1 or null, and ids must be unique (predictions are keyed
    by id).
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    records: list[PairRecord] = []
    seen: dict[str, int] = {}
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                record = parse_record(line, where=f"{path}:{number}", line=number)
                if record.id in seen:
                    raise InputError(
                        f"{path}:{number}: duplicate id {record.id!r} (first on line {seen[record.id]})"
                    )
                seen[record.id] = number
                records.append(record)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    if not records:
        raise InputError(f"{path}: no records")
    return tuple(records)


def parse_record(text: str, *, where: str, line: int = 0) -> PairRecord:
    """One JSONL line as a PairRecord; ``where`` prefixes error messages (``file:line``)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: a record must be a JSON object, got {type(data).__name__}")
    missing = [name for name in REQUIRED_FIELDS if name not in data]
    if missing:
        raise InputError(f"{where}: missing field{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    for name in ("id", "text_a", "text_b"):
        if not isinstance(data[name], str):
            raise InputError(f"{where}: field {name!r} must be a string, got {_json_type(data[name])}")
    if not data["id"]:
        raise InputError(f"{where}: field 'id' is empty")
    label = data["fact_changed"]
    if label is not None and (not isinstance(label, (int, bool)) or label not in (0, 1)):
        raise InputError(f"{where}: field 'fact_changed' must be 1, 0 or null, got {label!r}")
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(f"{where}: field 'meta' must be an object, got {_json_type(meta)}")
    edit_types = meta.get("edit_types")
    if edit_types is not None:
        if not isinstance(edit_types, list) or not all(isinstance(t, str) for t in edit_types):
            raise InputError(f"{where}: field 'meta.edit_types' must be a list of strings")
        edit_types = tuple(edit_types)
    return PairRecord(
        id=data["id"],
        source=str(data["source"]),
        domain=str(data["domain"]),
        text_a=data["text_a"],
        text_b=data["text_b"],
        fact_changed=None if label is None else int(label),
        edit_types=edit_types,
        group=str(data.get("group") or ""),
        line=line,
    )


def _json_type(value: object) -> str:
    return "null" if value is None else type(value).__name__


# --- predictions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """What factdiff said about one pair, reduced to the two yes/no answers that get scored."""

    id: str
    flagged: bool  # some error or warning
    changed: bool  # flagged, or a claim or detail told by one version only
    kinds: tuple[str, ...]  # distinct kinds of the errors and warnings, sorted

    def to_dict(self) -> dict:
        return {"id": self.id, "flagged": self.flagged, "changed": self.changed, "kinds": list(self.kinds)}


def predict(record_id: str, report: Report) -> Prediction:
    """Reduce a report to a Prediction; spelling variants (FD801) count as neither answer."""
    conflicts = [d for d in report.discrepancies if d.severity in (Severity.ERROR, Severity.WARNING)]
    flagged = bool(conflicts)
    changed = flagged or any(d.code in DETAIL_CODES for d in report.discrepancies)
    return Prediction(record_id, flagged, changed, tuple(sorted({d.kind for d in conflicts})))


def make_prefetching_embedder(
    model: str = DEFAULT_MODEL, *, use_cache: bool = True, cache_dir: Path | None = None
) -> VectorMemo:
    """An embedder that keeps every vector of the run in memory, so records' sentences can be
    encoded in big batches up front and each record's check reads them back (batch size 64)."""
    cache = EmbeddingCache(cache_dir or default_cache_dir()) if use_cache else None
    return VectorMemo(Embedder(model, cache, batch_size=64))


def record_sentences(record: PairRecord) -> list[str]:
    """The sentence texts ``check_documents`` will embed for this record (for prefetching)."""
    from .clean import story_regions
    from .segment import segment

    return [s.text for doc in record.documents() for s in segment(doc, story_regions(doc))]


def prefetch_records(
    records: Sequence[PairRecord],
    embedder: VectorMemo,
    *,
    on_segmented: Progress | None = None,
    on_sentences: Callable[[int], None] | None = None,
    on_encoded: Progress | None = None,
) -> int:
    """Segment every record and encode all their sentences in large batches.

    ``on_sentences`` is told how many distinct sentences need encoding before the first batch,
    so a progress display can size itself. Returns that number.
    """
    texts: list[str] = []
    for record in records:
        texts.extend(record_sentences(record))
        if on_segmented:
            on_segmented(1)
    missing = embedder.missing(texts)
    if on_sentences:
        on_sentences(len(missing))
    for i in range(0, len(missing), PREFETCH_CHUNK):
        chunk = missing[i : i + PREFETCH_CHUNK]
        embedder.prefetch(chunk)
        if on_encoded:
            on_encoded(len(chunk))
    return len(missing)


def run_pairs(
    records: Sequence[PairRecord], embedder: Embedder, *, on_checked: Progress | None = None
) -> Iterator[Prediction]:
    """Check every record as a two-version story, yielding predictions in input order."""
    from .pipeline import check_documents

    for record in records:
        report = check_documents(record.documents(), embedder=embedder)
        yield predict(record.id, report)
        if on_checked:
            on_checked(1)


# --- metrics -----------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class Metrics:
    """A confusion matrix and the rates read from it; a rate is None when its denominator is 0.

    Some data sets hold one class only (MRPC paraphrases: no positives; VitaminC: no negatives),
    so every rate must be allowed to be undefined rather than silently 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def negatives(self) -> int:
        return self.fp + self.tn

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.positives)

    @property
    def false_alarm_rate(self) -> float | None:
        return _ratio(self.fp, self.negatives)

    @property
    def balanced_accuracy(self) -> float | None:
        recall, false_alarms = self.recall, self.false_alarm_rate
        if recall is None or false_alarms is None:
            return None
        return (recall + (1.0 - false_alarms)) / 2

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "positives": self.positives,
            "negatives": self.negatives,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "balanced_accuracy": _round(self.balanced_accuracy),
            "false_alarm_rate": _round(self.false_alarm_rate),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def score(labels: Sequence[int], predicted: Sequence[bool]) -> Metrics:
    """The confusion matrix of yes/no predictions against 0/1 labels."""
    if len(labels) != len(predicted):
        raise ValueError(f"{len(labels)} labels but {len(predicted)} predictions")
    tp = fp = fn = tn = 0
    for label, guess in zip(labels, predicted):
        if label:
            tp, fn = (tp + 1, fn) if guess else (tp, fn + 1)
        else:
            fp, tn = (fp + 1, tn) if guess else (fp, tn + 1)
    return Metrics(tp=tp, fp=fp, fn=fn, tn=tn)


@dataclass(frozen=True)
class SliceScore:
    """Both answers scored on one slice of the records (all, a domain, a source, an edit type)."""

    by: str  # "all", "domain", "source" or "edit_type"
    name: str
    flagged: Metrics
    changed: Metrics

    def to_dict(self) -> dict:
        return {"by": self.by, "name": self.name, "flagged": self.flagged.to_dict(), "changed": self.changed.to_dict()}


@dataclass(frozen=True)
class Evaluation:
    """Scores of one run: slices in display order, and how many records were left unscored."""

    path: str
    records: int
    unscored: int  # fact_changed null: predicted but not scored
    slices: tuple[SliceScore, ...]
    seconds: float = 0.0
    model: str = ""

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "model": self.model,
            "records": self.records,
            "scored": self.records - self.unscored,
            "unscored": self.unscored,
            "seconds": round(self.seconds, 2),
            "slices": [s.to_dict() for s in self.slices],
        }


def slice_keys(record: PairRecord) -> list[tuple[str, str]]:
    """Every slice a record counts under; a record with several edit types counts under each."""
    keys = [("all", "all"), ("domain", record.domain), ("source", record.source)]
    if record.edit_types is not None:
        keys += [("edit_type", t) for t in dict.fromkeys(record.edit_types or (NO_EDIT,))]
    return keys


def evaluate(
    records: Sequence[PairRecord],
    predictions: Sequence[Prediction],
    *,
    path: str = "",
    seconds: float = 0.0,
    model: str = "",
) -> Evaluation:
    """Score predictions (matched to records by id) overall and per domain, source and edit type."""
    by_id = {p.id: p for p in predictions}
    order = ("all", "domain", "source", "edit_type")
    cells: dict[tuple[str, str], tuple[list[int], list[bool], list[bool]]] = {}
    unscored = 0
    for record in records:
        if record.fact_changed is None:
            unscored += 1
            continue
        prediction = by_id.get(record.id)
        if prediction is None:
            raise ValueError(f"no prediction for record {record.id!r}")
        for key in slice_keys(record):
            labels, flagged, changed = cells.setdefault(key, ([], [], []))
            labels.append(record.fact_changed)
            flagged.append(prediction.flagged)
            changed.append(prediction.changed)
    slices = tuple(
        SliceScore(by, name, score(labels, flagged), score(labels, changed))
        for (by, name), (labels, flagged, changed) in sorted(
            cells.items(), key=lambda item: (order.index(item[0][0]), item[0][1])
        )
    )
    return Evaluation(path=path, records=len(records), unscored=unscored, slices=slices, seconds=seconds, model=model)

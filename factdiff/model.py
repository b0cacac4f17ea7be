"""Plain immutable data passed between the pipeline stages.

Every span is a pair of character offsets into a document's *original* decoded text, so any
sentence, fact or flag can be shown in place and checked: ``doc.text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Severity(str, Enum):
    """How sure we are that versions really disagree; ordered for ``--fail-on``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


class DateSource(str, Enum):
    """Where a document's publication date came from, so inferred dates can be marked."""

    MANIFEST = "manifest"
    TEXT = "text"
    INFERRED = "inferred"


@dataclass(frozen=True)
class Document:
    """One version of the story, with its original decoded text kept intact."""

    id: str
    path: str
    text: str
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: DateSource | None = None


@dataclass(frozen=True)
class Region:
    """A stretch of a document's text and whether it belongs to the story.

    Junk regions (captions, comments, ads, navigation, datelines) are kept rather than deleted so
    that offsets stay valid and a renderer can still show what was skipped and why.
    """

    start: int
    end: int
    is_story: bool
    reason: str = ""


@dataclass(frozen=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Group:
    """Sentences from several versions that tell the same claim.

    A version contributes at most a few adjacent sentences (where it split what another version
    says in one sentence).
    """

    id: str
    sentences: tuple[Sentence, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.doc for s in self.sentences))


@dataclass(frozen=True)
class Fact:
    """A normalized fact found in one sentence.

    ``kind``: date, number, count (one person told with an article), place, modifier, entity,
    negation, role, speaker.
    ``value``: the normalized, comparable form (``2023-03``, ``8.5``, ``geo:706448``).
    ``slot``: what two facts must share to be comparable at all (a number's unit, the place a
    direction word modifies, the predicate and preposition a place fills, a role's title).
    ``about``: keys of the entities the fact is attached to (the event's participants), used to
    link facts across sentences that do not align as wholes.
    ``context``: the words of the clause the fact sits in, for comparing what is being dated or
    counted.
    ``detail``: kind-specific extras (a date's granularity and whether it was relative).
    """

    kind: str
    doc: str
    sentence: int
    start: int
    end: int
    text: str
    value: str
    slot: str = ""
    about: tuple[str, ...] = ()
    context: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Value:
    """One version's side of a discrepancy."""

    doc: str
    text: str
    start: int
    end: int
    normalized: str
    sentence: int = -1


@dataclass(frozen=True)
class Discrepancy:
    """A typed disagreement between versions, with a stable id for baselines."""

    id: str
    code: str
    kind: str
    severity: Severity
    group: str | None
    explanation: str
    majority: str | None
    values: tuple[Value, ...]


@dataclass(frozen=True)
class DocumentSummary:
    doc: str
    sentences: int
    aligned: int
    odd_one_out: int
    only_here: int
    self_contradictions: int = 0  # FD701: places where this version contradicts itself

    @property
    def aligned_share(self) -> float:
        return self.aligned / self.sentences if self.sentences else 0.0


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    groups: tuple[Group, ...]
    discrepancies: tuple[Discrepancy, ...]
    summaries: tuple[DocumentSummary, ...] = field(default=())
    model: str = ""
    suppressed: int = 0  # discrepancies hidden by a baseline or an ignore setting

    def count(self, severity: Severity) -> int:
        return sum(d.severity is severity for d in self.discrepancies)

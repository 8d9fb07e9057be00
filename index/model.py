"""Plain data types handed out by every stage of the pipeline.

Everything here is a frozen dataclass of strings, numbers, dates and tuples:
no UI types, no Whoosh types.  Spans are half-open ``[start, end)`` character
offsets into ``Article.text`` — the cleaned text exactly as it is stored and
shown — so any front end can turn them into styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

EVENT_TYPES: tuple[str, ...] = ("meeting", "visit", "call", "talks", "summit")
EVENT_STATUSES: tuple[str, ...] = ("occurred", "planned", "proposed", "postponed", "cancelled")
ENTITY_KINDS: tuple[str, ...] = ("person", "title", "org", "place", "country", "date")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article.  ``text`` is what is indexed, searched and shown."""

    id: str
    text: str
    title: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""
    dateline: str = ""
    path: str = ""
    """The file the article came from (a collection holds many)."""
    furniture: tuple[Span, ...] = ()
    """Page furniture (\"READ ALSO: …\", \"Loading\"): shown, never extracted from."""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    """Keys of the source we have no field for, kept as they were."""
    content_hash: str = ""
    """Hash of the raw record, so an incremental run can tell a changed story."""

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int
    furniture: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: a person, title, org, place, country or date."""

    kind: str
    span: Span
    text: str
    canonical: str
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The days an expression can mean, with the article's own words."""

    start: date
    end: date
    text: str
    span: Span | None = None
    estimated: bool = False
    """True when the article had no date and the window was resolved against an estimate of it."""

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"start": self.start.isoformat(), "end": self.end.isoformat(), "text": self.text}
        if self.estimated:
            found["estimated"] = True
        return found


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """When an undated article was most likely written: a window, and the clues that say so."""

    earliest: date
    latest: date
    best: date
    basis: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"earliest": self.earliest.isoformat(), "latest": self.latest.isoformat(), "best": self.best.isoformat(), "basis": list(self.basis)}


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """One diplomatic engagement reported by one article."""

    id: str
    article: str
    type: str
    cameo: str
    participants: tuple[str, ...]
    location: str | None
    date: DateWindow | None
    status: str
    sentence: str
    span: Span
    evidence: tuple[Evidence, ...] = ()
    trigger: Span | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON form of ``readout events --json`` (scored by score_events.py)."""
        return {
            "id": self.id,
            "article": self.article,
            "type": self.type,
            "cameo": self.cameo,
            "participants": list(self.participants),
            "location": self.location,
            "date": self.date.to_json() if self.date else None,
            "status": self.status,
            "sentence": self.sentence,
            "span": self.span.as_list(),
            "evidence": [{"sentence": e.sentence, "span": e.span.as_list()} for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: a pure function's result."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    dated_by: DateEstimate | None = None
    """For an article that came without a date: when it was most likely written."""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input we could not use, or used with a caveat.  Never fatal."""

    path: str
    reason: str
    line: int | None = None
    severity: str = "skipped"  # "skipped" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"

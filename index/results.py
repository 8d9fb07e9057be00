"""What any search backend hands out: hits, pages, stored articles, its errors.

Kept apart from ``index.store`` (the Whoosh backend) so that the app can
show results -- the opening screen's, kept from the last start -- before
Whoosh is even imported, and so that another backend needs only these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from index.model import Mention, Span


SORTS: tuple[str, ...] = ("relevance", "newest", "oldest", "status", "type", "place", "participants")
"""The orders a search can return its hits in (``search(sort=...)``): the best
matches first, by date either way, or grouped by an event's status (occurred
first), type, place or participants, oldest first within a group.  The whole
result set is ordered, not the hits of one page."""


class QueryError(ValueError):
    """A query the parser cannot read: shown to the user, never a crash."""


class IndexBusy(RuntimeError):
    """Another process holds the index's write lock."""


class IndexUnreadable(RuntimeError):
    """The index folder exists but cannot be opened (corrupt or truncated)."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of a stored text with the spans of the matched words."""

    text: str
    highlights: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "article" | "event"
    doc_id: str
    article: str
    title: str
    date: str
    score: float
    snippets: tuple[Snippet, ...] = ()
    event: Mapping[str, Any] | None = None
    """For an event hit: the JSON form of the event (``Event.to_json``)."""
    source: str = ""


@dataclass(frozen=True, slots=True)
class SearchPage:
    query: str
    total: int
    """The exact number of matching documents, not an estimate."""
    hits: tuple[Hit, ...]
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    title: str
    text: str
    published: str
    source: str
    url: str
    dateline: str
    path: str
    mentions: tuple[Mention, ...]
    furniture: tuple[Span, ...]
    events: tuple[Mapping[str, Any], ...] = ()
    dated_by: Mapping[str, Any] | None = None
    """For an undated article: the estimate of when it was written (``DateEstimate.to_json``)."""


class SearchBackend(Protocol):
    """The narrow interface the rest of Readout uses to reach an index."""

    def search(self, text: str, kind: str | None = None, limit: int = 20, offset: int = 0, snippets: bool = True, sort: str | None = None) -> SearchPage: ...
    def count(self, text: str, kind: str | None = None) -> int: ...
    def facets(self, text: str, kind: str | None = None, top: int = 30) -> dict[str, list[tuple[str, int]]]: ...
    def article(self, article_id: str) -> StoredArticle | None: ...
    def match_spans(self, text: str, body: str) -> list[Span]: ...

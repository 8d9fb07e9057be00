"""What the app does, without any UI: search, narrow, check freshness.

The widgets only show what this module returns; every function here runs
in a worker thread and is tested without a terminal.  ``Reader`` is the
app's one way into the index and serialises calls to it, so search,
article and count workers never share a Whoosh searcher across threads.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from index.model import Span
from index.results import Hit, Snippet, StoredArticle

if TYPE_CHECKING:  # Whoosh loads when the index is first read, not when the app starts
    from index.store import Store

ENTITY_FIELDS: Mapping[str, str] = {"person": "person", "org": "org", "place": "place"}
"""Facet name -> query field used when narrowing on an entity."""

_FIELD_KINDS: Mapping[str, str] = {
    "person": "person", "people": "person", "who": "person",
    "place": "place", "where": "place", "location": "place", "country": "place",
    "org": "org", "organisation": "org", "organization": "org",
}
SNIPPET_ROWS = 60
"""Article hits per search that get snippets (more than a screenful, not all 200)."""

FIRST_EVENTS = 60
"""Event hits in the first part of a search: more than the tallest screen shows; the rest come with the second part."""


_FIELD_CLAUSE = re.compile(r'(?<![\w:])([A-Za-z]+):(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True)
class ArticleRow:
    """An article hit with the matched words of each snippet located."""

    hit: Hit
    snippets: tuple[tuple[str, tuple[Span, ...]], ...]
    publisher: str = ""
    """The article's source (\"Reuters\"), when known; ``Hit.source`` is its file."""


@dataclass(frozen=True)
class Results:
    """Everything the three list tabs show for one query."""

    query: str
    events: tuple[Hit, ...] = ()
    event_total: int = 0
    articles: tuple[ArticleRow, ...] = ()
    article_total: int = 0
    facets: Mapping[str, Sequence[tuple[str, int]]] = field(default_factory=dict)
    seconds: float = 0.0
    complete: bool = True
    """False for the first part of a search (``Reader.first``): the hits and
    their exact totals, with no entity counts yet and only the source names
    already known; ``Reader.complete`` adds the rest (every row's source name)."""
    articles_listed: bool = True
    """False when a first part has the article total but not the article hits."""
    folder_state: tuple[tuple[str, int, int], ...] | None = field(default=None, compare=False, repr=False)
    """The opening query's first part: the index folder as it was before the
    search (``OpeningCache.folder_state``), for keeping the complete results."""


@dataclass(frozen=True)
class IndexSummary:
    articles: int
    events: int
    last_modified: float


class OpeningCache:
    """The opening screen's results (the empty query's), kept in the index
    folder from one start to the next.

    The app shows them at once and loads Whoosh after the first frame
    (importing it, opening the index and searching were a fifth of a
    start).  They are used only while the index folder is exactly as it was
    when they were found -- every file's name, size and modification time --
    so a commit, a rebuild, a half-written update or a damaged file
    discards them; so does another Readout (``settings``).  The file sits
    beside Whoosh's own pickled files, written by the same user; one that
    cannot be read is ignored and written again.
    """

    FILE = "readout-opening.pickle"
    VERSION = 2
    """2: every article row has its source name (1 kept only the first 25's)."""

    def __init__(self, index_dir: Path, limit: int) -> None:
        self.path = Path(index_dir) / self.FILE
        shapes = tuple(tuple(f.name for f in fields(kind)) for kind in (Results, ArticleRow, Hit, Snippet, Span))
        self.settings = (self.VERSION, shapes, FIRST_EVENTS, SNIPPET_ROWS, limit)
        """What the kept results must have been made with: this format, the
        same shapes of results (a Readout that added a field to ``Hit`` must
        not unpickle hits without it), the same search limits (``limit``: the
        reader's)."""

    def folder_state(self) -> tuple[tuple[str, int, int], ...] | None:
        """Every file of the index folder but this one, by name, size and time; None without a folder."""
        try:
            with os.scandir(self.path.parent) as entries:
                state = []
                for entry in entries:
                    if entry.name.startswith(self.FILE):
                        continue
                    st = entry.stat(follow_symlinks=False)
                    state.append((entry.name, st.st_size, st.st_mtime_ns))
        except OSError:
            return None
        return tuple(sorted(state)) or None

    def load(self) -> Results | None:
        """The kept results, if the index is as it was when they were kept."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        state = self.folder_state()
        try:
            settings, kept_state, results = pickle.loads(data)
        except Exception:  # an older or broken file: searched afresh, and written again
            return None
        if settings != self.settings or state is None or kept_state != state or not isinstance(results, Results):
            return None
        return results

    def forget(self) -> None:
        """Delete the kept results (they could not be shown)."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass

    def save(self, results: Results, state: tuple[tuple[str, int, int], ...] | None) -> None:
        """Keep ``results``, found while the folder was in ``state`` (and still is)."""
        if state is None or self.folder_state() != state:
            return  # the index changed while searching: the results may mix two commits
        temporary = self.path.with_name(f"{self.FILE}.tmp")  # one name: a run killed mid-write leaves no litter
        try:
            temporary.write_bytes(pickle.dumps((self.settings, state, results), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self.path)
        except Exception:  # a read-only index (or anything else): start-up just does not get faster, the search stands
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass


class Reader:
    """A thread-safe window on a ``Store`` for the app's workers.

    The store is opened on first use (``open_store``) -- in a worker, after
    the first frame when the opening results are kept (``opening``).
    """

    def __init__(
        self,
        store: Store | None = None,
        limit: int = 200,
        cache_size: int = 32,
        *,
        open_store: Callable[[], Store] | None = None,
        opening: OpeningCache | None = None,
    ) -> None:
        if store is None and open_store is None:
            raise ValueError("Reader needs a store or a way to open one")
        self._store = store
        self._open_store = open_store
        self._open_lock = threading.Lock()
        self.limit = max(1, limit)
        self._lock = threading.Lock()
        self._articles: OrderedDict[str, StoredArticle | None] = OrderedDict()
        self._cache_size = cache_size
        self._publishers: dict[str, str] = {}
        self.opening = opening
        self._searched = False
        self.closing = threading.Event()
        """Set by ``close`` when the app quits: work over this index that would
        outlive the app (a re-index, ``tui.indexing``) stops at its next step."""

    def kept_opening(self, query: str = "") -> Results | None:
        """The opening screen's results kept from the last start, if still
        true of the index: a file read (a few ms), no search, no Whoosh."""
        kept = self.opening.load() if self.opening is not None and not query.strip() else None
        return replace(kept, query=query) if kept is not None else None

    def close(self) -> None:
        """The app is quitting: let background work over the index stop (see ``closing``)."""
        self.closing.set()

    @property
    def opened(self) -> bool:
        """Has a search run on the index yet (so Whoosh and the index's
        structures are loaded)?"""
        return self._searched

    @property
    def store(self) -> Store:
        """The index, opened the first time it is needed."""
        store = self._store
        if store is None:
            with self._open_lock:
                if self._store is None:
                    assert self._open_store is not None
                    self._store = self._open_store()
                store = self._store
        return store

    def refresh(self) -> None:
        """See the newest commit (after a re-index)."""
        with self._lock:
            if self._store is not None:  # not opened yet: it will open on the newest commit
                self._store.refresh()
            self._articles.clear()
            self._publishers.clear()

    def exists(self) -> bool:
        return self.store.exists()

    def search(self, query: str) -> Results:
        """Events, articles (with located snippets) and entity counts for ``query``.

        Raises ``QueryError`` for a malformed query, ``IndexUnreadable`` if
        there is no usable index.
        """
        return self.complete(self.first(query))

    def first(self, query: str, articles: bool = True) -> Results:
        """What a search shows first: the event hits and both exact totals,
        and (``articles``) the article hits with their snippets located.
        The entity counts and the articles' source names (``complete``),
        and the article hits when their tab is not in view, are not on the
        screen a search opens on and cost as much again.

        Raises ``QueryError`` for a malformed query, ``IndexUnreadable`` if
        there is no usable index.
        """
        state = None
        if self.opening is not None and not query.strip():
            kept = self.kept_opening(query)
            if kept is not None:
                return kept
            state = self.opening.folder_state()
        started = time.perf_counter()
        with self._lock:
            self._searched = True
            events = self.store.search(query, kind="event", limit=min(self.limit, FIRST_EVENTS), snippets=False)
            if articles:
                rows, article_total = self._article_rows(query)
            else:
                rows, article_total = (), self.store.count(query, kind="article")
        return Results(
            query=query,
            events=events.hits,
            event_total=events.total,
            articles=rows,
            article_total=article_total,
            facets={},
            seconds=time.perf_counter() - started,
            complete=False,
            articles_listed=articles,
            folder_state=state,
        )

    def _article_rows(self, query: str) -> tuple[tuple[ArticleRow, ...], int]:
        """The article hits of ``query`` (source names as far as known), and their total."""
        page = self.store.search(query, kind="article", limit=self.limit, snippets=SNIPPET_ROWS)
        rows = []
        for hit in page.hits:
            pieces = []
            for snippet in hit.snippets:
                spans = tuple(snippet.highlights) or tuple(self.store.match_spans(query, snippet.text))
                pieces.append((snippet.text, spans))
            rows.append(ArticleRow(hit, tuple(pieces), self._publisher(hit, look_up=False)))
        return tuple(rows), page.total

    def complete(self, results: Results) -> Results:
        """``results`` (from ``first``) with the article hits, the entity
        counts over the query's matches and every row's source name.

        The source names are looked up here, not in the first part, so the
        first paint never waits for them: hits do not carry them, and each is
        a stored-article read (0.3-2 ms; up to ``limit`` rows).  Only the
        first 25 rows got one once, and later rows showed no source."""
        if results.complete:
            return results
        started = time.perf_counter()
        with self._lock:
            events = results.events
            if len(events) < min(self.limit, results.event_total):  # the first part held a screenful: now all of them
                events = self.store.search(results.query, kind="event", limit=self.limit, snippets=False).hits
            rows, total = (results.articles, results.article_total) if results.articles_listed else self._article_rows(results.query)
            rows = tuple(row if row.publisher else replace(row, publisher=self._publisher(row.hit, look_up=True)) for row in rows)
            facets = self.store.facets(results.query, kind=None, top=30)
        complete = replace(
            results,
            events=events,
            articles=rows,
            article_total=total,
            facets=facets,
            complete=True,
            articles_listed=True,
            seconds=results.seconds + time.perf_counter() - started,
        )
        if self.opening is not None and not results.query.strip():
            self.opening.save(replace(complete, query="", folder_state=None), results.folder_state)
        return replace(complete, folder_state=None)

    def _publisher(self, hit: Hit, look_up: bool) -> str:
        """The article's source name: hits do not carry it, so it is looked up (``look_up``) and kept until the index changes."""
        if hit.doc_id not in self._publishers and look_up:
            stored = self.store.article(hit.article)
            self._publishers[hit.doc_id] = stored.source if stored else ""
        return self._publishers.get(hit.doc_id, "")

    def counts(self, query: str) -> tuple[int, int]:
        """(events, articles) matching ``query``: the live count of a saved search."""
        with self._lock:
            return self.store.count(query, kind="event"), self.store.count(query, kind="article")

    def article(self, article_id: str) -> StoredArticle | None:
        with self._lock:
            if article_id in self._articles:
                self._articles.move_to_end(article_id)
                return self._articles[article_id]
            article = self.store.article(article_id)
            self._articles[article_id] = article
            while len(self._articles) > self._cache_size:
                self._articles.popitem(last=False)
            return article

    def matches(self, query: str, article: StoredArticle) -> list[Span]:
        """Where ``query`` matches in the article: its words, and its named entities."""
        with self._lock:
            spans = list(self.store.match_spans(query, article.text))
        spans.extend(entity_matches(query, article))
        return sorted(set(spans), key=lambda s: (s.start, s.end))

    def summary(self) -> IndexSummary:
        with self._lock:
            return IndexSummary(
                articles=self.store.doc_count("article"),
                events=self.store.doc_count("event"),
                last_modified=self.store.last_modified(),
            )

    def outdated(self, extractor: str | None = None) -> bool:
        """Was the index written by an older Readout, or (``extractor``, a
        fingerprint from ``index.fingerprint``) by another extractor or with
        other people files?  Then its events are stale and a rebuild is due."""
        check = getattr(self.store, "schema_current", None)
        with self._lock:
            return check is not None and not (check(extractor) if extractor is not None else check())

    def corpus_changed(self, corpus: Sequence[Path]) -> bool:
        """Has any corpus file been added, removed or changed since the last index run?"""
        from index.load import discover  # here: the first search need not wait for the loader

        sources, _problems = discover(corpus)
        with self._lock:
            known = self.store.sources()
        return {s.key: s.fingerprint for s in sources} != known


def counted(number: int, noun: str) -> str:
    """``1 event``, ``37 events``: a count with its noun."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# --- queries ----------------------------------------------------------------------------


def entity_clauses(query: str) -> list[tuple[str, str]]:
    """The (kind, words) of the ``person:``/``place:``/``org:`` clauses of ``query``."""
    out = []
    for m in _FIELD_CLAUSE.finditer(query):
        kind = _FIELD_KINDS.get(m.group(1).lower())
        value = m.group(2) if m.group(2) is not None else m.group(3)
        if kind and value and value.strip():
            out.append((kind, value.strip()))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[\w*]+", text.lower())


def _names_match(words: Sequence[str], name: str) -> bool:
    have = _words(name)
    for word in words:
        if word.endswith("*"):
            if not any(h.startswith(word.rstrip("*")) for h in have):
                return False
        elif word not in have:
            return False
    return bool(words)


def entity_matches(query: str, article: StoredArticle) -> list[Span]:
    """Mentions in ``article`` of the people, places and organisations ``query`` names."""
    clauses = entity_clauses(query)
    if not clauses:
        return []
    kinds = {"person": ("person",), "place": ("place", "country"), "org": ("org",)}
    spans = []
    for mention in article.mentions:
        for kind, value in clauses:
            if mention.kind in kinds[kind] and (
                _names_match(_words(value), mention.canonical) or _names_match(_words(value), mention.text)
            ):
                spans.append(mention.span)
                break
    return spans


def narrow(query: str, kind: str, name: str) -> str:
    """``query`` narrowed to documents naming entity ``name`` of ``kind``."""
    field_name = ENTITY_FIELDS.get(kind, kind)
    clean = " ".join(name.replace('"', " ").split())
    if not clean:
        return query
    clause = f'{field_name}:"{clean}"'
    if clause.lower() in query.lower():
        return query
    return f"{query.strip()} {clause}".strip()


def narrow_on_event(query: str, event: Mapping[str, Any]) -> str:
    """``query`` narrowed to every participant of ``event``: all their meetings."""
    for person in event.get("participants") or ():
        query = narrow(query, "person", person)
    return query


# --- freshness ----------------------------------------------------------------------------


def relative_age(seconds: float) -> str:
    """``just now``, ``5 minutes ago``, ``3 hours ago``, ``2 days ago``."""
    seconds = max(0.0, seconds)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{counted(n, unit)} ago"
    return "just now"

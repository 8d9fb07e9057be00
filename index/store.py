"""Stage 7: the search index — Whoosh behind a narrow interface.

``Store`` is the only class that knows Whoosh: it writes and deletes
documents, searches, counts and facets, and hands back plain dataclasses
with character spans for highlights.  Anything offering the same methods
(a distributed search engine, say) can stand in for it.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence

from whoosh import fields, highlight, index as whoosh_index, qparser, query as wq
from whoosh.analysis import RegexTokenizer, LowercaseFilter, StemmingAnalyzer
from whoosh.index import LockError

from index.model import Event, Extraction, Mention, Span

SCHEMA_VERSION = 1
MAX_EVENT_DAYS = 400
NAME_ANALYZER = RegexTokenizer(r"[\w\u00c0-\u024f]+(?:[-'’.][\w]+)*") | LowercaseFilter()
DEFAULT_FIELDS = ("title", "body", "person", "place", "org")
FIELD_ALIASES = {"people": "person", "who": "person", "where": "place", "location": "place", "country": "place", "organisation": "org", "organization": "org", "when": "date", "text": "body", "id": "article"}


class QueryError(ValueError):
    """A query the parser cannot read: shown to the user, never a crash."""


class IndexBusy(RuntimeError):
    """Another process holds the index's write lock."""


class IndexUnreadable(RuntimeError):
    """The index folder exists but cannot be opened (corrupt or truncated)."""


def schema() -> fields.Schema:
    stem = StemmingAnalyzer(minsize=1)
    return fields.Schema(
        doc_id=fields.ID(unique=True, stored=True),
        kind=fields.ID(stored=True),
        article=fields.ID(stored=True),
        article_key=fields.ID(stored=True),
        source=fields.ID(stored=True),
        content_hash=fields.STORED,
        fingerprint=fields.STORED,
        title=fields.TEXT(analyzer=stem, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=stem, stored=True, phrase=True),
        person=fields.TEXT(analyzer=NAME_ANALYZER, phrase=True),
        place=fields.TEXT(analyzer=NAME_ANALYZER, phrase=True),
        org=fields.TEXT(analyzer=NAME_ANALYZER, phrase=True),
        facets=fields.STORED,
        type=fields.ID(stored=True),
        status=fields.ID(stored=True),
        cameo=fields.ID(stored=True),
        date=fields.KEYWORD(lowercase=True),
        sort_date=fields.ID(stored=True, sortable=True),
        data=fields.STORED,
    )


# --- what the index hands out ------------------------------------------------


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


class SearchBackend(Protocol):
    """The narrow interface the rest of Readout uses to reach an index."""

    def search(self, text: str, kind: str | None = None, limit: int = 20, offset: int = 0, snippets: bool = True) -> SearchPage: ...
    def count(self, text: str, kind: str | None = None) -> int: ...
    def facets(self, text: str, kind: str | None = None, top: int = 30) -> dict[str, list[tuple[str, int]]]: ...
    def article(self, article_id: str) -> StoredArticle | None: ...
    def match_spans(self, text: str, body: str) -> list[Span]: ...


# --- documents ------------------------------------------------------------------


def day_terms(start: date, end: date) -> str:
    """Every day of a window as space-separated terms (ranges then work on them)."""
    days = min((end - start).days, MAX_EVENT_DAYS)
    return " ".join((start + timedelta(days=n)).isoformat() for n in range(days + 1))


def _mention_json(m: Mention) -> list[Any]:
    return [m.kind, m.span.start, m.span.end, m.canonical, m.country, m.role]


def documents_for(extraction: Extraction, source: str) -> list[dict[str, Any]]:
    """The index documents of one extracted article: the article and its events."""
    a = extraction.article
    key = f"{source}\x1f{a.id}"
    day = a.published_date
    names = {k: sorted({m.canonical for m in extraction.mentions if m.kind == k}) for k in ("person", "org")}
    names["place"] = sorted({m.canonical for m in extraction.mentions if m.kind in ("place", "country")})
    article_doc = {
        "doc_id": f"a\x1f{key}",
        "kind": "article",
        "article": a.id,
        "article_key": key,
        "source": source,
        "content_hash": a.content_hash,
        "title": a.title,
        "body": a.text,
        "person": "\n".join(names["person"]),
        "place": "\n".join(names["place"]),
        "org": "\n".join(names["org"]),
        "facets": names,
        "date": day.isoformat() if day else "",
        "sort_date": day.isoformat() if day else "",
        "data": json.dumps(
            {
                "published": a.published.isoformat() if a.published else "",
                "source": a.source,
                "url": a.url,
                "dateline": a.dateline,
                "path": a.path,
                "furniture": [s.as_list() for s in a.furniture],
                "mentions": [_mention_json(m) for m in extraction.mentions],
                "metadata": _jsonable(dict(a.metadata)),
            },
            ensure_ascii=False,
        ),
    }
    docs = [article_doc]
    for event in extraction.events:
        docs.append(_event_document(event, a.title, key, source, day))
    return docs


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _event_document(event: Event, title: str, key: str, source: str, published: date | None) -> dict[str, Any]:
    event_date = event.date.start if event.date else None
    return {
        "doc_id": f"e\x1f{key}\x1f{event.id}",
        "kind": "event",
        "article": event.article,
        "article_key": key,
        "source": source,
        "title": title,
        "body": "\n".join(e.sentence for e in event.evidence) or event.sentence,
        "person": "\n".join(event.participants),
        "place": event.location or "",
        "org": "",
        "facets": {"person": list(event.participants), "place": [event.location] if event.location else [], "org": []},
        "type": event.type,
        "status": event.status,
        "cameo": event.cameo,
        "date": day_terms(event.date.start, event.date.end) if event.date else "",
        "sort_date": (event_date or published).isoformat() if (event_date or published) else "",
        "data": json.dumps(event.to_json(), ensure_ascii=False),
    }


# --- highlighting as spans --------------------------------------------------------


class _SpanFormatter(highlight.Formatter):
    """Returns snippets as (text, spans) rather than marked-up strings."""

    def __call__(self, text: str, fragments: Sequence[Any]) -> list[Snippet]:  # type: ignore[override]
        return self.format(fragments)

    def format(self, fragments: Sequence[Any], replace: bool = False) -> list[Snippet]:  # type: ignore[override]
        out = []
        for fragment in fragments:
            text = fragment.text
            start, end = fragment.startchar, fragment.endchar
            spans = tuple(
                Span(t.startchar - start, t.endchar - start) for t in fragment.matches if start <= t.startchar and t.endchar <= end
            )
            out.append(Snippet(text[start:end], spans))
        return out


# --- the store ------------------------------------------------------------------------


class Store:
    """A Whoosh index folder.  Readers never block; one writer at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ix: Any = None
        self._parser: qparser.QueryParser | None = None

    # opening -----------------------------------------------------------------------

    def exists(self) -> bool:
        """Is there an index here (perhaps a damaged one)?"""
        if not self.path.is_dir():
            return False
        try:
            return whoosh_index.exists_in(str(self.path))
        except Exception:  # a table of contents we cannot read: damaged, not absent
            return any(self.path.glob("*.toc"))

    def create(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self._ix = whoosh_index.create_in(str(self.path), schema())
        self._write_meta()

    def _write_meta(self) -> None:
        meta = self.path / "readout.json"
        tmp = meta.with_suffix(".tmp")
        tmp.write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
        os.replace(tmp, meta)

    def schema_current(self) -> bool:
        try:
            return json.loads((self.path / "readout.json").read_text(encoding="utf-8")).get("schema") == SCHEMA_VERSION
        except (OSError, ValueError):
            return False

    @property
    def ix(self) -> Any:
        if self._ix is None:
            if not self.exists():
                raise IndexUnreadable(f"no index in {self.path}; run `readout index` to build it")
            try:
                self._ix = whoosh_index.open_dir(str(self.path))
                with self._ix.searcher() as s:
                    s.doc_count()
            except Exception as error:  # whoosh raises many kinds on a damaged folder
                self._ix = None
                raise IndexUnreadable(
                    f"the index in {self.path} is damaged ({type(error).__name__}: {error}); "
                    "run `readout index --rebuild` to rebuild it from the corpus"
                ) from None
        return self._ix

    def refresh(self) -> None:
        """Drop the open handle so the next call sees the newest commit."""
        self._ix = None

    def last_modified(self) -> float:
        try:
            return max(p.stat().st_mtime for p in self.path.glob("*.toc"))
        except ValueError:
            return 0.0

    # writing -----------------------------------------------------------------------------

    @contextmanager
    def writer(self, wait_seconds: float = 0.0, on_wait: Any = None, limitmb: int = 256) -> Iterator["StoreWriter"]:
        """A write session; commits on success, cancels on error."""
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                w = self.ix.writer(limitmb=limitmb)
                break
            except LockError:
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"another `readout index` is writing {self.path}; try again when it has finished") from None
                if on_wait and not told:
                    on_wait()
                    told = True
                time.sleep(0.2)
        session = StoreWriter(w)
        try:
            yield session
        except BaseException:
            w.cancel()
            raise
        else:
            w.commit(optimize=session.optimize)
            self.refresh()

    # reading -------------------------------------------------------------------------------------

    def _query_parser(self) -> qparser.QueryParser:
        if self._parser is None:
            parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema=self.ix.schema, group=qparser.AndGroup)
            parser.add_plugin(qparser.GtLtPlugin())
            aliases: dict[str, list[str]] = {}
            for alias, target in FIELD_ALIASES.items():
                aliases.setdefault(target, []).append(alias)
            parser.add_plugin(qparser.FieldAliasPlugin(aliases))
            self._parser = parser
        return self._parser

    def parse(self, text: str) -> wq.Query:
        """A Whoosh query from the user's words; QueryError if malformed."""
        text = text.strip()
        if not text:
            return wq.Every()
        unknown = _unknown_fields(text, set(self.ix.schema.names()) | set(FIELD_ALIASES))
        if unknown:
            raise QueryError(f"unknown field {unknown!r}: use one of person, place, org, type, status, date, cameo, article, title, body")
        try:
            q = self._query_parser().parse(text)
        except Exception as error:
            raise QueryError(f"cannot read the query: {error}") from None
        if q is wq.NullQuery:
            raise QueryError("the query has no searchable words")
        if _has_error(q):
            raise QueryError("the query is malformed (check brackets, quotes and ranges)")
        return q

    def search(self, text: str, kind: str | None = None, limit: int = 20, offset: int = 0, snippets: bool = True, sort: str | None = None) -> SearchPage:
        started = time.perf_counter()
        q = self.parse(text)
        kind_filter = wq.Term("kind", kind) if kind else wq.Or([wq.Term("kind", "article"), wq.Term("kind", "event")])
        with self.ix.searcher() as s:
            sortedby = None
            reverse = False
            if sort == "date" or isinstance(q, wq.Every):
                sortedby, reverse = "sort_date", True
            results = s.search(q, filter=kind_filter, limit=offset + limit, sortedby=sortedby, reverse=reverse, terms=snippets)
            total = len(results) if results.has_exact_length() else _exact_count(s, q, kind_filter)
            results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
            results.formatter = _SpanFormatter()
            hits = []
            for hit in results[offset : offset + limit]:
                stored = hit.fields()
                pieces: tuple[Snippet, ...] = ()
                if snippets:
                    body = stored.get("body", "")
                    try:
                        pieces = tuple(hit.highlights("body", text=body, top=2) or ())
                    except Exception:
                        pieces = ()
                    if not pieces:
                        pieces = (Snippet(body[:200], ()),)
                event = json.loads(stored["data"]) if stored.get("kind") == "event" else None
                hits.append(
                    Hit(
                        kind=stored.get("kind", ""),
                        doc_id=stored.get("doc_id", ""),
                        article=stored.get("article", ""),
                        title=stored.get("title", ""),
                        date=stored.get("sort_date", ""),
                        score=float(hit.score or 0.0),
                        snippets=pieces,
                        event=event,
                        source=stored.get("source", ""),
                    )
                )
        return SearchPage(text, total, tuple(hits), time.perf_counter() - started)

    def count(self, text: str, kind: str | None = None) -> int:
        q = self.parse(text)
        with self.ix.searcher() as s:
            kind_filter = wq.Term("kind", kind) if kind else wq.Or([wq.Term("kind", "article"), wq.Term("kind", "event")])
            return _exact_count(s, q, kind_filter)

    def facets(self, text: str, kind: str | None = None, top: int = 30, scan_limit: int = 5000) -> dict[str, list[tuple[str, int]]]:
        """The commonest people, places and organisations among the matches."""
        q = self.parse(text)
        counts: dict[str, dict[str, int]] = {"person": {}, "place": {}, "org": {}}
        with self.ix.searcher() as s:
            kind_filter = wq.Term("kind", kind) if kind else wq.Or([wq.Term("kind", "article"), wq.Term("kind", "event")])
            results = s.search(q, filter=kind_filter, limit=scan_limit, terms=False)
            for hit in results:
                for name, values in (hit.get("facets") or {}).items():
                    bucket = counts.setdefault(name, {})
                    for value in values:
                        bucket[value] = bucket.get(value, 0) + 1
        return {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:top] for k, v in counts.items()}

    def article(self, article_id: str) -> StoredArticle | None:
        with self.ix.searcher() as s:
            doc = s.document(kind="article", article=article_id)
            if doc is None:
                return None
            events = tuple(
                json.loads(d["data"]) for d in s.documents(article_key=doc["article_key"]) if d.get("kind") == "event"
            )
        data = json.loads(doc["data"])
        mentions = tuple(
            Mention(k, Span(a, b), doc["body"][a:b], canonical, country, role) for k, a, b, canonical, country, role in data["mentions"]
        )
        return StoredArticle(
            id=doc["article"],
            title=doc.get("title", ""),
            text=doc.get("body", ""),
            published=data.get("published", ""),
            source=data.get("source", ""),
            url=data.get("url", ""),
            dateline=data.get("dateline", ""),
            path=data.get("path", ""),
            mentions=mentions,
            furniture=tuple(Span(a, b) for a, b in data.get("furniture", [])),
            events=events,
        )

    def match_spans(self, text: str, body: str) -> list[Span]:
        """Where the words of query ``text`` occur in ``body`` (for highlighting)."""
        try:
            q = self.parse(text)
        except QueryError:
            return []
        terms = {t for f, t in q.iter_all_terms() if f in ("body", "title")}
        if not terms:
            return []
        analyzer = self.ix.schema["body"].analyzer
        spans = []
        for token in analyzer(body, chars=True, mode="query", removestops=False):
            value = token.text if isinstance(token.text, str) else token.text.decode()
            if value in terms or value.encode() in terms:
                spans.append(Span(token.startchar, token.endchar))
        return spans

    def doc_count(self, kind: str | None = None) -> int:
        with self.ix.searcher() as s:
            if kind is None:
                return s.doc_count()
            return _exact_count(s, wq.Term("kind", kind), None)

    def sources(self) -> dict[str, str]:
        """Source file -> fingerprint, as of the last completed run."""
        with self.ix.searcher() as s:
            return {d["source"]: d.get("fingerprint", "") for d in s.documents(kind="source")}

    def article_hashes(self, source: str) -> dict[str, str]:
        """Article key -> content hash, for the articles of one source file."""
        with self.ix.searcher() as s:
            return {
                d["article_key"]: d.get("content_hash", "")
                for d in s.documents(source=source)
                if d.get("kind") == "article"
            }

    def all_documents(self) -> list[dict[str, Any]]:
        """Every stored document (for tests comparing two builds)."""
        with self.ix.searcher() as s:
            return [dict(d) for d in s.all_stored_fields()]


class StoreWriter:
    """One write session: add, replace and delete documents."""

    def __init__(self, writer: Any) -> None:
        self._w = writer
        self.optimize = False

    def add(self, docs: Iterable[Mapping[str, Any]]) -> None:
        for doc in docs:
            self._w.add_document(**doc)

    def delete_article(self, article_key: str) -> None:
        self._w.delete_by_term("article_key", article_key)

    def delete_source(self, source: str) -> None:
        self._w.delete_by_term("source", source)

    def mark_source(self, source: str, fingerprint: str) -> None:
        self._w.update_document(doc_id=f"s\x1f{source}", kind="source", source=source, fingerprint=fingerprint)


def _exact_count(searcher: Any, q: wq.Query, kind_filter: wq.Query | None) -> int:
    combined = wq.And([q, kind_filter]) if kind_filter is not None else q
    matcher = combined.matcher(searcher)
    n = 0
    reader = searcher.reader()
    is_deleted = reader.is_deleted if reader.has_deletions() else None
    while matcher.is_active():
        if is_deleted is None or not is_deleted(matcher.id()):
            n += 1
        matcher.next()
    return n


def _has_error(q: wq.Query) -> bool:
    if type(q).__name__ == "ErrorQuery":
        return True
    return any(_has_error(c) for c in q.children())


def _unknown_fields(text: str, known: set[str]) -> str | None:
    import re

    inside_quotes = False
    for m in re.finditer(r'"|(?<![\w:])([A-Za-z_]+):(?=\S)', text):
        if m.group() == '"':
            inside_quotes = not inside_quotes
            continue
        if not inside_quotes and m.group(1).lower() not in known:
            return m.group(1)
    return None

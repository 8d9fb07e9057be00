"""Stage 7: the search index — Whoosh behind a narrow interface.

``Store`` is the only class that knows Whoosh: it writes and deletes
documents, searches, counts and facets, and hands back plain dataclasses
with character spans for highlights.  Anything offering the same methods
(a distributed search engine, say) can stand in for it.

Where the time goes, and what keeps it short (see ``benchmarks/``):

* one searcher is kept open and reused until a newer commit appears, with
  the sets of article and event document numbers computed once per commit
  (Whoosh would otherwise rebuild a filter from the ``kind`` postings on
  every search);
* the total is counted in the same pass that ranks the top hits, with the
  matcher never pruned, so it is exact (``len(results)`` of an optimised
  Whoosh search undercounts);
* a date range is rewritten into whole years, whole months and the odd
  days (``date_year``, ``date_month`` and ``date`` terms), never a walk of
  one term per day;
* snippets are made only for the hits returned, by a small highlighter
  that stems just the words of each text once;
* facets and the article hashes an incremental run needs are read from
  per-document columns, not by unpickling every stored document;
* a fresh build writes one segment per extraction process
  (``SegmentBuilder``), adopted by the committing writer.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import struct
import threading
import time
import zlib
from bisect import bisect_right
from collections import Counter, OrderedDict
from contextlib import contextmanager
from datetime import date, timedelta
from fnmatch import fnmatchcase
from heapq import nlargest, nsmallest
from itertools import accumulate, chain
from pickle import loads as _pickle_loads
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence



@contextmanager
def _deferred_module(name: str, *functions: str) -> Iterator[None]:
    """While the block runs, ``import name`` finds a stand-in whose
    ``functions`` import the real module when first called.

    ``whoosh.compat`` imports ``urllib.request`` -- and with it ssl, sockets,
    http and email, about 15 ms and 20 modules, a thirtieth of the app's
    start -- for a download helper nothing here calls.  A module already
    imported is left as it is; the stand-in leaves ``sys.modules`` after the block.
    The app imports this module in a worker thread; no module of Readout or of
    its libraries imports ``urllib.request`` meanwhile (one that did, on
    another thread, would get the stand-in).
    """
    import importlib
    import sys
    import types

    if name in sys.modules:
        yield
        return
    stand_in = types.ModuleType(name)

    def deferred(function: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module(name), function)(*args, **kwargs)

        return call

    for function in functions:
        setattr(stand_in, function, deferred(function))
    sys.modules[name] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


with _deferred_module("urllib.request", "urlretrieve"):
    from whoosh import collectors, columns, fields, index as whoosh_index, qparser, query as wq
    from whoosh.analysis import RegexTokenizer, LowercaseFilter, StemmingAnalyzer, STOP_WORDS
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import LockError
    from whoosh.lang.porter import stem as porter_stem

from index.model import EVENT_STATUSES, EVENT_TYPES, Event, Extraction, Mention, Span
from index.results import (  # noqa: F401 -- the store's vocabulary, defined without Whoosh; importable from here too
    SORTS, Hit, IndexBusy, IndexUnreadable, QueryError, SearchBackend, SearchPage, Snippet, StoredArticle,
)

SCHEMA_VERSION = 4
"""3: events keep ``event_col`` (sorting by status, type, place, participants);
4: whole names in ``names`` (a quoted ``person:"…"`` is one), an event's country parties in ``place``."""
MAX_EVENT_DAYS = 400
NAME_ANALYZER = RegexTokenizer(r"[\w\u00c0-\u024f]+(?:[-'’.][\w]+)*") | LowercaseFilter()
WHOLE_NAMES = RegexTokenizer(r"[^\n]+")
"""The ``names`` field: one term per line, each a ``name_key``."""
DEFAULT_FIELDS = ("title", "body", "person", "place", "org")
FIELD_ALIASES = {"people": "person", "who": "person", "where": "place", "location": "place", "country": "place", "organisation": "org", "organization": "org", "when": "date", "text": "body", "id": "article"}
SNIPPET_CHARS = 240
SNIPPET_CONTEXT = 70
SNIPPETS_PER_HIT = 2


class _TextColumn(fields.COLUMN):
    """A per-document text value kept in a column: read without unpickling the document."""

    def __init__(self) -> None:
        super().__init__(columns.VarBytesColumn())

    def to_column_value(self, value: Any) -> bytes:
        return value.encode("utf-8") if isinstance(value, str) else bytes(value)

    def from_column_value(self, value: bytes) -> str:
        return value.decode("utf-8") if isinstance(value, (bytes, bytearray)) else str(value or "")

    def from_bytes(self, bs: bytes) -> str:
        return self.from_column_value(bs)


def schema() -> fields.Schema:
    stem = StemmingAnalyzer(minsize=1)
    return fields.Schema(
        doc_id=fields.ID(unique=True, stored=True),
        kind=fields.ID(stored=True),
        article=fields.ID(stored=True),
        article_key=fields.ID(stored=True, sortable=True),
        source=fields.ID(stored=True),
        content_hash=fields.ID(stored=True, sortable=True),
        fingerprint=fields.STORED,
        title=fields.TEXT(analyzer=stem, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=stem, stored=True, phrase=True),
        person=fields.TEXT(analyzer=NAME_ANALYZER, phrase=True),
        names=fields.TEXT(analyzer=WHOLE_NAMES, phrase=False),
        place=fields.TEXT(analyzer=NAME_ANALYZER, phrase=True),
        org=fields.TEXT(analyzer=NAME_ANALYZER, phrase=True),
        facets=fields.STORED,
        facet_col=_TextColumn(),
        type=fields.ID(stored=True),
        status=fields.ID(stored=True),
        cameo=fields.ID(stored=True),
        date=fields.KEYWORD(lowercase=True),
        date_month=fields.KEYWORD(),
        date_year=fields.KEYWORD(),
        sort_date=fields.ID(stored=True, sortable=True),
        event_col=_TextColumn(),
        data=fields.STORED,
    )


# --- documents ------------------------------------------------------------------


def _window_end(start: date, end: date) -> date:
    return start + timedelta(days=max(0, min((end - start).days, MAX_EVENT_DAYS)))


def day_terms(start: date, end: date) -> str:
    """Every day of a window as space-separated terms (ranges then work on them)."""
    days = min((end - start).days, MAX_EVENT_DAYS)
    return " ".join((start + timedelta(days=n)).isoformat() for n in range(days + 1))


def month_terms(start: date, end: date) -> str:
    """Every month a window touches (``1987-03``): whole months of a range match one term."""
    end = _window_end(start, end)
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return " ".join(out)


def year_terms(start: date, end: date) -> str:
    end = _window_end(start, end)
    return " ".join(f"{y:04d}" for y in range(start.year, end.year + 1))


def name_key(kind: str, name: str) -> str:
    """One entity as the ``names`` field and the entity counts know it: its
    kind and its name in lower case, spaces and quotes evened out
    (``person\\x1fwilly de clercq``, however the story capitalised him)."""
    return kind + "\x1f" + " ".join(name.replace('"', " ").split()).lower()


def _names_value(names: Mapping[str, Sequence[str]]) -> str:
    return "\n".join(sorted({name_key(kind, name) for kind, values in names.items() for name in values if name.strip()}))


def _facet_value(names: Mapping[str, Sequence[str]]) -> str:
    """Facet names packed for the ``facet_col`` column (kind \\x1f name, joined by \\x1e)."""
    return "\x1e".join(f"{kind}\x1f{name}" for kind, values in names.items() for name in values if name)


def _event_value(event: Event) -> str:
    """What an event is sorted by, packed for the ``event_col`` column
    (status, type, place, participants joined by \\x1e; fields by \\x1f)."""
    return "\x1f".join((event.status, event.type, event.location or "", "\x1e".join(event.participants)))


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
        "names": _names_value(names),
        "facets": names,
        "facet_col": _facet_value(names),
        "date": day.isoformat() if day else "",
        "date_month": day.strftime("%Y-%m") if day else "",
        "date_year": f"{day.year:04d}" if day else "",
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
                "dated_by": extraction.dated_by.to_json() if extraction.dated_by else None,
            },
            ensure_ascii=False,
        ),
    }
    docs = [article_doc]
    for event in extraction.events:
        docs.append(_event_document(event, a.title, key, source, day))
    return docs


def _is_country_code(name: str) -> bool:
    return len(name) == 2 and name.isalpha() and name.isupper()


def _country_label(code: str, day: date | None) -> str:
    """"SU" -> "Soviet Union" (the name of the day), else the code itself."""
    from index.knowledge import default_knowledge  # cached; only for events whose parties are countries

    return default_knowledge().country_name(code, day) or code


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _event_document(event: Event, title: str, key: str, source: str, published: date | None) -> dict[str, Any]:
    event_date = event.date.start if event.date else None
    people = [p for p in event.participants if not _is_country_code(p)]
    countries = [_country_label(p, published) for p in event.participants if _is_country_code(p)]
    # parties named only by country ("US", "SU") are places in the entity lists, not people
    facets = {"person": people, "place": list(dict.fromkeys(([event.location] if event.location else []) + countries)), "org": []}
    return {
        "doc_id": f"e\x1f{key}\x1f{event.id}",
        "kind": "event",
        "article": event.article,
        "article_key": key,
        "source": source,
        "title": title,
        "body": "\n".join(e.sentence for e in event.evidence) or event.sentence,
        "person": "\n".join(event.participants),
        "place": "\n".join(facets["place"]),  # the country parties too: place:Japan finds the talks Japan held, as the facets count them
        "org": "",
        "names": _names_value(facets),
        "facets": facets,
        "facet_col": _facet_value(facets),
        "event_col": _event_value(event),
        "type": event.type,
        "status": event.status,
        "cameo": event.cameo,
        "date": day_terms(event.date.start, event.date.end) if event.date else "",
        "date_month": month_terms(event.date.start, event.date.end) if event.date else "",
        "date_year": year_terms(event.date.start, event.date.end) if event.date else "",
        "sort_date": (event_date or published).isoformat() if (event_date or published) else "",
        "data": json.dumps(event.to_json(), ensure_ascii=False),
    }


# --- highlighting as spans --------------------------------------------------------

# The body field's analyzer, reproduced cheaply: Whoosh's default tokenizer
# pattern, lower case, stop words dropped, Porter stems (cached).
_WORD = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")
_STEM_CACHE: dict[str, str] = {}


def _stem(word: str) -> str:
    stemmed = _STEM_CACHE.get(word)
    if stemmed is None:
        stemmed = porter_stem(word)
        if len(_STEM_CACHE) < 200_000:
            _STEM_CACHE[word] = stemmed
    return stemmed


class _Highlight:
    """What to mark in a body text: the query's stemmed terms and raw prefixes.

    A Porter stem keeps all but at most its last two letters of the word it
    came from, so only words starting with a stem's first letters (or a
    prefix) are candidates: one regular-expression scan finds them, and only
    they are stemmed.
    """

    def __init__(self, terms: Iterable[str], prefixes: Iterable[str]) -> None:
        self.terms = frozenset(t for t in terms if t)
        self.prefixes = tuple(sorted({p for p in prefixes if p}))
        heads = {t[: max(1, len(t) - 2)] for t in self.terms} | set(self.prefixes)
        self._candidates = (
            re.compile(r"(?<![\w*])(?:%s)" % "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)), re.IGNORECASE)
            if heads
            else None
        )

    def __bool__(self) -> bool:
        return self._candidates is not None

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every word of ``text`` the query names, in order."""
        if self._candidates is None:
            return []
        terms, prefixes = self.terms, self.prefixes
        found = []
        word_at = _WORD.match
        for candidate in self._candidates.finditer(text):
            m = word_at(text, candidate.start())
            if m is None:
                continue
            word = m.group().lower()
            if word in STOP_WORDS:
                continue
            stemmed = _stem(word)
            if stemmed in terms:
                found.append((m.start(), m.end(), stemmed))
            elif prefixes and (word.startswith(prefixes) or stemmed.startswith(prefixes)):
                found.append((m.start(), m.end(), word))
        return found


def _highlight_for(q: wq.Query, fieldnames: tuple[str, ...] = ("body",)) -> _Highlight:
    terms: set[str] = set()
    prefixes: list[str] = []
    leaves = [q] if q.is_leaf() else list(q.leaves())
    for leaf in leaves:
        if isinstance(leaf, (wq.Prefix, wq.Wildcard)) and getattr(leaf, "fieldname", None) in fieldnames:
            text = leaf.text if isinstance(leaf, wq.Prefix) else leaf.text.split("*", 1)[0].split("?", 1)[0]
            if text:
                prefixes.append(text.lower())
    for fieldname, text in q.iter_all_terms(phrases=True):
        if fieldname in fieldnames:
            terms.add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
    return _Highlight(terms, prefixes)


_SPACE = re.compile(r"\s")


def make_snippets(text: str, highlight: _Highlight, top: int = SNIPPETS_PER_HIT, maxchars: int = SNIPPET_CHARS, surround: int = SNIPPET_CONTEXT) -> tuple[Snippet, ...]:
    """The ``top`` best passages of ``text`` around the query's words, in text order.

    A passage opens up to ``surround`` characters before a match, takes in
    the matches that follow while it stays under ``maxchars``, and ends up
    to ``surround`` characters after its last match, at word boundaries.
    Passages with more matches of more different words come first.
    """
    matches = highlight.matches(text) if highlight else []
    if not matches:
        return ()
    fragments = []
    i = 0
    finish = 0
    length = len(text)
    while i < len(matches):
        first_start = matches[i][0]
        begin = max(first_start - surround, finish, 0)
        if begin < first_start and begin > 0 and not text[begin - 1].isspace():
            space = _SPACE.search(text, begin, first_start)  # do not open mid-word
            begin = space.end() if space else first_start
        group = [matches[i]]
        j = i + 1
        while j < len(matches) and matches[j][1] - begin <= maxchars - surround // 2:
            group.append(matches[j])
            j += 1
        last_end = group[-1][1]
        # end before the next passage's first match, so it is never shown unmarked
        limit = min(length, last_end + surround, begin + maxchars, matches[j][0] if j < len(matches) else length)
        finish = limit
        if limit < length and not text[limit].isspace() and not text[limit - 1].isspace():
            cut = max(text.rfind(" ", last_end, limit), text.rfind("\n", last_end, limit))
            finish = cut if cut > last_end else last_end
        score = len(group) * (len({t for _, _, t in group}) * 100)
        fragments.append((score, -begin, begin, finish, group))
        i = j
    best = sorted(nlargest(top, fragments), key=lambda f: f[2])
    return tuple(
        Snippet(text[begin:finish], tuple(Span(s - begin, e - begin) for s, e, _ in group)) for _, _, begin, finish, group in best
    )


# --- dates ---------------------------------------------------------------------------

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


_DANGLING_OPERATOR = re.compile(r"(?:\s+(?:AND|OR|NOT|ANDNOT|ANDMAYBE))+\s*$|^\s*(?:AND|OR|ANDNOT|ANDMAYBE)\s+")


_DANGLING_FIELD = re.compile(
    r"(?i)(?<![\w:])(?:person|people|who|place|where|location|country|org|organisation|organization|type|status|date|when|cameo|article|id|title|body|text):\s*$"
)


def _complete(text: str) -> str:
    """A query as it is being typed, read as far as it goes: an operator or a
    field with nothing after it is dropped ("Raimondo AND", "Biden date:"),
    and a range left open is closed ("date:[2023 to" reads as "date:[2023 to]")."""
    text = _DANGLING_FIELD.sub("", text)
    text = _DANGLING_OPERATOR.sub("", text)
    opened = max(text.rfind("["), text.rfind("{"))
    if opened >= 0 and opened > max(text.rfind("]"), text.rfind("}")) and re.search(r"(?i)\bto\b", text[opened:]):
        text += "]"
    return text


def _parse_bound(text: Any, last: bool) -> date | None:
    """A range end from ``2023-05-01``, ``2023-05`` or ``2023`` (first or last day)."""
    if text is None:
        return None
    m = _DAY.match(str(text).strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            first = date(year, int(month), 1)
            return (_next_month(first) - timedelta(days=1)) if last else first
        return date(year, 12, 31) if last else date(year, 1, 1)
    except ValueError:
        return None


def _next_month(d: date) -> date:
    return date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)


def date_range_terms(start: date, end: date) -> list[wq.Term]:
    """The fewest year, month and day terms that together cover ``[start, end]``."""
    out: list[wq.Term] = []
    d = start
    while d <= end:
        if d.month == 1 and d.day == 1 and date(d.year, 12, 31) <= end:
            out.append(wq.Term("date_year", f"{d.year:04d}"))
            d = date(d.year + 1, 1, 1)
            continue
        if d.day == 1:
            following = _next_month(d)
            if following - timedelta(days=1) <= end:
                out.append(wq.Term("date_month", f"{d.year:04d}-{d.month:02d}"))
                d = following
                continue
        out.append(wq.Term("date", d.isoformat()))
        d += timedelta(days=1)
    return out


def _open_end(value: Any) -> bool:
    return value in (None, "", "\uffff")


def _rewrite_dates(q: wq.Query, bounds: tuple[date, date] | None) -> wq.Query:
    """``date:`` ranges and month/year prefixes as coarse terms (see the module notes)."""
    if isinstance(q, wq.Term) and q.fieldname == "date":
        # a day is a term; a month or a year (date:2023-05, date:2023) is one of the coarse terms
        m = _DAY.match(str(q.text))
        if not m:
            return q
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if day:
            text = f"{year:04d}-{int(month):02d}-{int(day):02d}"
            return q if text == q.text else wq.Term("date", text, boost=q.boost)
        if month:
            return wq.ConstantScoreQuery(wq.Term("date_month", f"{year:04d}-{int(month):02d}"), score=q.boost)
        return wq.ConstantScoreQuery(wq.Term("date_year", f"{year:04d}"), score=q.boost)
    if isinstance(q, wq.TermRange) and q.fieldname == "date":
        low, high, low_excl, high_excl = q.start, q.end, q.startexcl, q.endexcl
        start = None if _open_end(low) else _parse_bound(low, last=False)
        end = None if _open_end(high) else _parse_bound(high, last=True)
        if (start is None and not _open_end(low)) or (end is None and not _open_end(high)):
            return q  # not dates: keep Whoosh's own reading
        if start is not None and end is not None and start > end:  # written the wrong way round
            low, high, low_excl, high_excl = high, low, high_excl, low_excl
            start, end = _parse_bound(low, last=False), _parse_bound(high, last=True)
        if bounds is None:
            return wq.NullQuery
        try:
            if low_excl and start is not None and len(str(low).strip()) == 10:
                start += timedelta(days=1)
            if high_excl and end is not None and len(str(high).strip()) == 10:
                end -= timedelta(days=1)
        except OverflowError:  # after 9999-12-31 or before 0001-01-01: no day at all
            return wq.NullQuery
        start = max(start or bounds[0], bounds[0])
        end = min(end or bounds[1], bounds[1])
        if start > end:
            return wq.NullQuery
        terms = date_range_terms(start, end)
        inner: wq.Query = terms[0] if len(terms) == 1 else wq.Or(terms)
        return wq.ConstantScoreQuery(inner, score=q.boost)
    if isinstance(q, wq.Prefix) and q.fieldname == "date":
        text = q.text.rstrip("-")
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return wq.ConstantScoreQuery(wq.Term("date_month", text), score=q.boost)
        if re.fullmatch(r"\d{4}", text):
            return wq.ConstantScoreQuery(wq.Term("date_year", text), score=q.boost)
        return q
    if q.is_leaf():
        return q
    return q.apply(lambda child: _rewrite_dates(child, bounds))


def _mentions_dates(q: wq.Query) -> bool:
    return any(getattr(leaf, "fieldname", None) == "date" for leaf in ([q] if q.is_leaf() else q.leaves()))


# --- matching documents as sets ---------------------------------------------------------
#
# Counting with Whoosh's matchers costs a Python call or three per posting.
# The exact set of matching documents is cheaper built from whole posting
# blocks with set algebra; only phrases (positions) go through a matcher.


def _term_blocks(reader: Any, fieldname: str, text: Any, cache: dict | None) -> list[tuple[Sequence[int], Sequence[float], Any]]:
    """A term's postings as (ids, weights, values) blocks; decoded once per search (``cache``)."""
    key = (id(reader), fieldname, text)
    blocks = cache.get(key) if cache is not None else None
    if blocks is None:
        from whoosh.reading import TermNotFound

        try:
            matcher = reader.postings(fieldname, text)
        except TermNotFound:
            blocks = []
        else:
            blocks = list(_leaf_postings(matcher))
        if cache is not None:
            cache[key] = blocks
    return blocks


def _term_docs(reader: Any, fieldname: str, text: Any, cache: dict | None = None) -> set[int]:
    docs: set[int] = set()
    for ids, _, _ in _term_blocks(reader, fieldname, text, cache):
        docs.update(ids)
    if docs and reader.has_deletions():
        docs -= set(reader.deleted_docs_set)
    return docs


def _docset(q: wq.Query, searcher: Any, cache: dict | None = None, within: set[int] | None = None) -> set[int]:
    """The segment-local numbers of the documents matching ``q`` (one segment's searcher).

    ``within``: only these documents matter (phrases check no others).
    """
    from whoosh.query.terms import MultiTerm
    from whoosh.query.wrappers import WrappingQuery

    reader = searcher.reader()
    if isinstance(q, wq.Term):
        return _term_docs(reader, q.fieldname, q.text, cache)
    if isinstance(q, (wq.Or, wq.DisjunctionMax)):
        out: set[int] = set()
        for child in q.subqueries:
            out |= _docset(child, searcher, cache, within)
        return out
    if isinstance(q, wq.And):
        positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        negative = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
        # cheap parts first: a phrase is checked only if the rest leaves documents
        positive.sort(key=lambda c: not _set_friendly(c))
        result: set[int] | None = within
        for child in positive:
            docs = _docset(child, searcher, cache, result)
            result = docs if result is None else result & docs
            if not result:
                return set()
        if result is None:
            result = set(reader.all_doc_ids())
        elif result is within:
            result = set(within)
        for child in negative:
            result -= _docset(child, searcher, cache)
            if not result:
                break
        return result
    if isinstance(q, wq.AndNot):
        return _docset(q.a, searcher, cache) - _docset(q.b, searcher, cache)
    if isinstance(q, wq.AndMaybe):
        return _docset(q.a, searcher, cache)
    if isinstance(q, wq.Require):
        return _docset(q.a, searcher, cache) & _docset(q.b, searcher, cache)
    if isinstance(q, wq.Not):
        return set(reader.all_doc_ids()) - _docset(q.query, searcher, cache)
    if isinstance(q, wq.Every):
        return set(reader.all_doc_ids())
    if q is wq.NullQuery:
        return set()
    if isinstance(q, WrappingQuery):
        return _docset(q.child, searcher, cache, within)
    if isinstance(q, MultiTerm):
        out = set()
        fieldname = q.field()
        for text in q._btexts(reader):
            out |= _term_docs(reader, fieldname, text, cache)
        return out
    if isinstance(q, wq.Phrase) and q.slop == 1:
        return _phrase_docs(q, searcher, cache, within)
    return set(q.docs(searcher))  # the rarer kinds: Whoosh's matcher


def _phrase_docs(q: wq.Phrase, searcher: Any, cache: dict | None, within: set[int] | None = None) -> set[int]:
    """Documents with the phrase's words at consecutive positions (Whoosh's slop 1)."""
    reader = searcher.reader()
    key = ("phrase", id(reader), q.fieldname, tuple(q.words), q.slop)  # by content: the cache outlives one search
    known = cache.get(key) if cache is not None else None
    if known is not None:  # checked already on this commit: never decode positions twice
        return known & within if within is not None else set(known)  # a copy: callers narrow their sets in place
    fieldname = q.fieldname
    field = searcher.schema[fieldname] if fieldname in searcher.schema else None
    if field is None or not field.format or not field.format.supports("positions") or not q.words:
        return set(q.docs(searcher))
    if within is None and cache is not None:
        found = _phrase_check(q, reader, field, cache, None)
        cache[key] = frozenset(found)
        return found
    return _phrase_check(q, reader, field, cache, within)


def _phrase_check(q: wq.Phrase, reader: Any, field: Any, cache: dict | None, within: set[int] | None) -> set[int]:
    fieldname = q.fieldname
    candidates: set[int] | None = within
    for word in q.words:
        docs = _term_docs(reader, fieldname, word, cache)
        candidates = docs if candidates is None else candidates & docs
        if not candidates:
            return set()
    if len(q.words) == 1:
        return candidates  # type: ignore[return-value]
    from whoosh.formats import Positions

    fast_decode = type(field.format) is Positions  # a pickled list of gaps after a length
    decode = field.format.decode_positions
    live: set[int] = candidates  # type: ignore[assignment]
    starts: dict[int, set[int]] = {}
    for i, word in enumerate(q.words):
        found: dict[int, set[int]] = {}
        for ids, _, values in _term_blocks(reader, fieldname, word, cache):
            for n, d in enumerate(ids):
                if d in live:
                    if fast_decode:
                        raw = values[n]
                        gaps = _pickle_loads(raw[4:] if raw.endswith(b".") else raw[4:] + b".")
                        here = {p - i for p in accumulate(gaps)}
                    else:
                        here = {p - i for p in decode(values[n])}
                    if i:
                        here &= starts[d]
                        if not here:
                            continue
                    found[d] = here
        starts = found
        live = set(found)
        if not live:
            return set()
    return live


def _set_friendly(q: wq.Query) -> bool:
    """Can ``_docset`` answer ``q`` from posting blocks alone (no positions)?"""
    if isinstance(q, (wq.Phrase, wq.Ordered, wq.Sequence)):
        return False
    return q.is_leaf() or all(_set_friendly(c) for c in q.children())


def _split_filters(q: wq.Query) -> tuple[wq.Query | None, list[wq.Query], float]:
    """(the part to rank by, the constant-score parts that only filter, their score).

    Date ranges become ``ConstantScoreQuery`` filters: they add the same score
    to every match, so ranking by the rest and adding it back is identical,
    and a set lookup replaces a walk of their postings.
    """
    if isinstance(q, wq.ConstantScoreQuery):
        return None, [q], q.score
    if isinstance(q, wq.And) and q.boost == 1.0:
        filters = [c for c in q.subqueries if isinstance(c, wq.ConstantScoreQuery)]
        if filters:
            rest = [c for c in q.subqueries if not isinstance(c, wq.ConstantScoreQuery)]
            ranked = None if not rest else rest[0] if len(rest) == 1 else wq.And(rest)
            return ranked, filters, sum(c.score for c in filters)
    return q, [], 0.0


def _scores(q: wq.Query | None) -> bool:
    """Does ``q`` rank documents (rather than only select them)?"""
    if q is None or isinstance(q, (wq.Every, wq.Not, wq.ConstantScoreQuery)) or q is wq.NullQuery:
        return False
    if isinstance(q, wq.AndNot):
        return _scores(q.a)
    if q.is_leaf():
        return True
    return any(_scores(c) for c in q.children())


# --- ranking without matchers -----------------------------------------------------------
#
# For the common shape of query (terms joined by AND and OR, with NOT), the
# BM25F score Whoosh would give a document is the sum, over the query's
# terms present in it, of each term's BM25F score: so the documents are
# found with sets (above) and only they are scored, straight from the
# posting blocks.  Other shapes (NOT, phrases, prefixes, boosts) go through
# Whoosh's own matchers.  ``tests/test_store.py`` checks both agree.


class _NotFast(Exception):
    """This query or index needs Whoosh's own matchers."""


def _fast_rankable(q: wq.Query) -> bool:
    if isinstance(q, wq.Term):
        return q.boost == 1.0
    if isinstance(q, wq.Phrase):
        return q.boost == 1.0 and q.slop == 1 and bool(q.words)
    if isinstance(q, (wq.Prefix, wq.Wildcard)):
        return q.boost == 1.0
    if isinstance(q, wq.Or):
        return q.boost == 1.0 and not q.scale and all(_fast_rankable(c) for c in q.subqueries)
    if isinstance(q, wq.And):
        return q.boost == 1.0 and all(_fast_rankable(c) for c in q.subqueries)
    return False  # NOT (Whoosh scores it in its own way), phrases, prefixes, ...


def _accumulate(q: wq.Query, docs: set[int], searcher: Any, cache: dict | None, add: Any) -> None:
    """Add the score ``q`` gives each of ``docs`` (segment-local) that it matches.

    As Whoosh's matchers score: a term its BM25F, a phrase the sum of its
    words', a prefix that of the words it expands to, AND and OR the sum of
    their matching parts.
    """
    if isinstance(q, wq.Term):
        add(q.fieldname, q.text, docs)
    elif isinstance(q, wq.Phrase):
        matched = _docset(q, searcher, cache, docs)
        for word in q.words:
            add(q.fieldname, word, matched)
    elif isinstance(q, (wq.Prefix, wq.Wildcard)):
        # Whoosh ORs the expanded terms and scores each as usual
        for text in q._btexts(searcher.reader()):
            add(q.fieldname, text, docs)
    elif isinstance(q, wq.And):
        for child in q.subqueries:
            _accumulate(child, docs, searcher, cache, add)
    elif isinstance(q, wq.Or):
        for child in q.subqueries:
            _accumulate(child, docs if isinstance(child, wq.Term) else _docset(child, searcher, cache, docs) & docs, searcher, cache, add)
    else:
        raise _NotFast()


_BYTE_TO_LENGTH: list[float] | None = None


def _length_table() -> list[float]:
    global _BYTE_TO_LENGTH
    if _BYTE_TO_LENGTH is None:
        from whoosh.util.numeric import byte_to_length

        _BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]
    return _BYTE_TO_LENGTH


def _leaf_postings(m: Any) -> Iterator[tuple[Sequence[int], Sequence[float], Any]]:
    """(ids, weights, raw values) of a fresh posting matcher, a block at a time."""
    from whoosh.codec.whoosh3 import W3LeafMatcher
    from whoosh.matching.wrappers import FilterMatcher

    if isinstance(m, FilterMatcher):
        m = m.child  # deleted documents are dropped by the caller
    if isinstance(m, W3LeafMatcher):
        m.reset()
        while not m._atend and m._i < m._blocklength:
            m._read_ids()
            m._read_weights()
            yield m._ids, m._weights, m._data[2]
            m._next_block()
        return
    if hasattr(m, "reset"):
        m.reset()
    ids, weights, values = [], [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        values.append(m.value())
        m.next()
    yield ids, weights, values



def _segment_column(reader: Any, name: str) -> list[Any] | None:
    """Every document's raw value in a segment's column, read in one go (None: no column).

    Whoosh reads a column value by value (a file read each); a list of the
    facets, dates or hashes of every document is thousands of times that.
    """
    if not reader.has_column(name):
        return None
    return _column_values(reader.column_reader(name, translate=False), reader.doc_count_all())


def _column_values(column: Any, count: int) -> list[Any]:
    dbfile = getattr(column, "_dbfile", None)
    lengths = getattr(column, "_lengths", None)
    if dbfile is not None and lengths is not None and hasattr(column, "_offsets"):  # variable-length bytes
        raw = dbfile.get(column._basepos, sum(lengths)) if len(lengths) else b""
        out: list[Any] = []
        position = 0
        for length in lengths:
            out.append(raw[position : position + length])
            position += length
        return out + [b""] * (count - len(out))
    if dbfile is not None and getattr(column, "_typecode", None) == "B":  # one byte per document
        stored = min(column._count, count)
        raw = dbfile.get(column._basepos, stored) if stored else b""
        return list(raw) + [column._default] * (count - stored)
    return [column[d] for d in range(count)]


# --- entity counts --------------------------------------------------------------------------


def _item_key(item: str) -> str:
    """A packed facet item (kind \\x1f name) as its ``name_key``."""
    kind, _, name = item.partition("\x1f")
    return name_key(kind, name)


def _count_names(packed: Sequence[str], top: int) -> dict[str, list[tuple[str, int]]]:
    """The ``top`` names of each kind in documents' packed ``facet_col`` values,
    with the number of documents naming each: spellings with the same
    ``name_key`` (differing in case) are one name, under the commonest.

    One count of every spelling, in C; a document naming two spellings of
    one name (rare: 16 names of the 19k Reuters stories have two, no story
    both) is then found among those naming a less common one, and counted once.
    """
    spellings = Counter(chain.from_iterable(value.split("\x1e") for value in packed))
    groups: dict[str, list[tuple[int, str]]] = {}
    for item, n in spellings.items():
        groups.setdefault(_item_key(item), []).append((n, item))
    repeats = _repeated_spellings(packed, [v for v in groups.values() if len(v) > 1])
    counts: dict[str, list[tuple[str, int]]] = {"person": [], "place": [], "org": []}
    for key, variants in groups.items():
        shown = min(variants, key=lambda v: (-v[0], v[1]))[1]  # the commonest spelling
        kind, _, name = shown.partition("\x1f")
        if name.strip():
            counts.setdefault(kind, []).append((name, sum(n for n, _ in variants) - repeats.get(key, 0)))
    return {k: sorted(v, key=lambda kv: (-kv[1], kv[0]))[:top] for k, v in counts.items()}


def _repeated_spellings(packed: Sequence[str], groups: Sequence[list[tuple[int, str]]]) -> dict[str, int]:
    """For names spelt more than one way: how many spellings too many the documents name."""
    if not groups:
        return {}
    joined = "\x1d".join(packed)
    starts = list(accumulate((len(value) + 1 for value in packed[:-1]), initial=0))
    candidates: set[int] = set()
    for variants in groups:
        for _, item in sorted(variants, reverse=True)[1:]:  # a document naming two names a less common one
            at = joined.find(item)
            while at >= 0:
                candidates.add(bisect_right(starts, at) - 1)
                at = joined.find(item, at + 1)
    repeats: dict[str, int] = {}
    for doc in candidates:
        named = Counter(_item_key(item) for item in set(packed[doc].split("\x1e")))
        for key, n in named.items():
            if n > 1:
                repeats[key] = repeats.get(key, 0) + n - 1
    return repeats


# --- orders of the whole result set --------------------------------------------------------

_STATUS_RANK = {status: n for n, status in enumerate(EVENT_STATUSES)}


def _sort_name(sort: str | None) -> str:
    """``sort`` as one of ``SORTS`` (None: relevance; ``date``, the older name: newest)."""
    if sort is None:
        return "relevance"
    if sort == "date":
        return "newest"
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
    return sort


def _ordered(view: _View, matches: set[int], sort: str, limit: int) -> list[int]:
    """The first ``limit`` of ``matches`` in order ``sort`` (not relevance).

    By date: a walk of the commit's date order when the matches are many
    (it stops at ``limit``), a partial sort of the matches by their place
    in it when they are few.  Grouped orders sort the matching events by
    their keys; other documents come after them, newest first.
    """
    if not matches or limit <= 0:
        return []
    if sort in ("newest", "oldest"):
        order = view.by_date(sort)
        if len(matches) * 16 >= len(order):
            top = []
            for docnum in order:
                if docnum in matches:
                    top.append(docnum)
                    if len(top) >= limit:
                        break
            return top
        return nsmallest(limit, matches, key=view.rank(sort).__getitem__)
    keys = view.grouped(sort)
    newest = view.rank("newest")
    return nsmallest(limit, matches, key=lambda d: (0, keys[d]) if d in keys else (1, newest[d]))


# --- the store ------------------------------------------------------------------------


class _View:
    """One open searcher and what is worth computing once per commit."""

    def __init__(self, searcher: Any, signature: tuple[Any, ...]) -> None:
        self.searcher = searcher
        self.signature = signature
        self.kinds: dict[str, set[int]] = {}
        self.field_lengths: dict[tuple[int, str], list[float] | None] = {}
        self.orders: dict[str, list[int]] = {}
        self.ranks: dict[str, list[int]] = {}
        self.event_keys: dict[str, dict[int, tuple[Any, ...]]] = {}
        self.column_lists: dict[str, list[str]] = {}
        self.date_bounds: tuple[date, date] | None | bool = False
        self.recent: dict = {}
        """Postings decoded by the last few searches on this commit: a search's other tab, its count and its entity counts decode each term once."""
        self.counts: OrderedDict[tuple[Any, str | None], int] = OrderedDict()
        """Exact totals already counted on this commit (a saved search's live count, the other tab's total)."""

    def scratch(self) -> dict:
        """The shared postings cache (bounded: emptied when it has grown large)."""
        if len(self.recent) > 512:
            self.recent.clear()
        return self.recent

    def kind_docs(self, kind: str) -> set[int]:
        docs = self.kinds.get(kind)
        if docs is None:
            docs = self.docs(wq.Term("kind", kind))
            self.kinds[kind] = docs
        return docs

    def live_docs(self) -> set[int]:
        """Every document not deleted."""
        docs = self.kinds.get("")
        if docs is None:
            docs = set()
            for sub, offset in self.searcher.subsearchers or [(self.searcher, 0)]:
                reader = sub.reader()
                local = set(range(reader.doc_count_all()))
                if reader.has_deletions():
                    local -= set(reader.deleted_docs_set)
                docs |= set(map(offset.__add__, local)) if offset else local
            self.kinds[""] = docs
        return docs

    def by_date(self, sort: str) -> list[int]:
        """Every document number by ``sort_date``: ``newest`` first (ties:
        higher number first, as Whoosh sorts) or ``oldest`` first; undated last either way."""
        order = self.orders.get(sort)
        if order is None:
            keys = self.values("sort_date")
            if sort == "newest":
                order = sorted(range(len(keys)), key=lambda d: (keys[d], d), reverse=True)
            else:
                order = sorted(range(len(keys)), key=lambda d: (not keys[d], keys[d], d))
            self.orders[sort] = order
        return order

    def rank(self, sort: str) -> list[int]:
        """Each document's place in ``by_date(sort)``, by document number."""
        rank = self.ranks.get(sort)
        if rank is None:
            order = self.by_date(sort)
            rank = [0] * len(order)
            for position, docnum in enumerate(order):
                rank[docnum] = position
            self.ranks[sort] = rank
        return rank

    def grouped(self, sort: str) -> dict[int, tuple[Any, ...]]:
        """Each event's key for ``sort`` (status, type, place, participants),
        read from the ``event_col`` column: the group, then the date, oldest first."""
        keys = self.event_keys.get(sort)
        if keys is None:
            packed, dates = self.values("event_col"), self.values("sort_date")
            keys = {}
            for docnum in self.kind_docs("event"):
                status, kind, place, people = (packed[docnum].split("\x1f") + ["", "", "", ""])[:4]
                if sort == "status":
                    group: Any = _STATUS_RANK.get(status, len(_STATUS_RANK))
                elif sort == "type":
                    group = kind or "\uffff"
                elif sort == "place":
                    group = place.lower() or "\uffff"
                else:
                    group = [name.lower() for name in people.split("\x1e") if name]
                keys[docnum] = (group, dates[docnum], docnum)
            self.event_keys[sort] = keys
        return keys

    def docs(self, q: wq.Query, cache: dict | None = None) -> set[int]:
        """Global numbers of the documents matching ``q``."""
        out: set[int] = set()
        for sub, offset in self.searcher.subsearchers or [(self.searcher, 0)]:
            local = _docset(q, sub, cache)
            out |= set(map(offset.__add__, local)) if offset else local
        return out

    def lengths(self, segment: int, sub: Any, fieldname: str) -> list[float] | None:
        """Each document's length in ``fieldname`` (as BM25 sees it), for one segment."""
        key = (segment, fieldname)
        if key not in self.field_lengths:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            reader = sub.reader()
            column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if hasattr(reader, "_perdoc") else None
            if column is None:
                self.field_lengths[key] = None
            else:
                table = _length_table()
                self.field_lengths[key] = [table[c] for c in _column_values(column, reader.doc_count_all())]
        return self.field_lengths[key]

    def values(self, name: str) -> list[str]:
        """Every document's value in a column (by global number; "" where none)."""
        found = self.column_lists.get(name)
        if found is None:
            found = []
            for sub, _ in self.searcher.subsearchers or [(self.searcher, 0)]:
                reader = sub.reader()
                raw = _segment_column(reader, name)
                if raw is None:
                    found.extend([""] * reader.doc_count_all())
                else:
                    found.extend(v.decode("utf-8") if isinstance(v, (bytes, bytearray)) else str(v or "") for v in raw)
            self.column_lists[name] = found
        return found

    def bounds(self) -> tuple[date, date] | None:
        if self.date_bounds is False:
            years = [t for t in self.searcher.reader().field_terms("date_year") if len(t) == 4 and t.isdigit()] if "date_year" in self.searcher.schema else []
            self.date_bounds = (date(int(min(years)), 1, 1), date(int(max(years)), 12, 31)) if years else None
        return self.date_bounds  # type: ignore[return-value]

    def close(self) -> None:
        try:
            self.searcher.close()
        except Exception:
            pass


_DAMAGE = (zlib.error, EOFError, struct.error, pickle.UnpicklingError, UnicodeDecodeError, MemoryError, OSError, IndexError, ValueError)
"""What reading a damaged segment raises (a compressed block, a length, a pickle that is not one)."""


def _raised_by_whoosh(error: BaseException) -> bool:
    """Did Whoosh itself raise ``error`` (it raises plain ``Exception`` for a bad block, say)?"""
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and f"{os.sep}whoosh{os.sep}" in tb.tb_frame.f_code.co_filename


class Store:
    """A Whoosh index folder.  Readers never block; one writer at a time.

    Safe to share between threads: reads are serialised on one open searcher.
    """

    def __init__(self, path: Path, extractor: str = "") -> None:
        self.path = Path(path)
        self.extractor = extractor
        """The extraction fingerprint a new index records (see ``index.fingerprint.extraction_fingerprint``)."""
        self._ix: Any = None
        self._parser: qparser.QueryParser | None = None
        self._schema: fields.Schema | None = None
        self._view: _View | None = None
        self._lock = threading.RLock()
        self._parsed: OrderedDict[str, wq.Query] = OrderedDict()
        self.fast_ranking = True
        """Rank AND/OR/NOT queries from posting blocks (False: always Whoosh's matchers)."""

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
        tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "extractor": self.extractor}), encoding="utf-8")
        os.replace(tmp, meta)

    def schema_current(self, extractor: str | None = None) -> bool:
        """Was the index written with this schema (and, if given, by this extractor)?"""
        try:
            meta = json.loads((self.path / "readout.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return meta.get("schema") == SCHEMA_VERSION and (extractor is None or meta.get("extractor") == extractor)

    @property
    def ix(self) -> Any:
        if self._ix is None:
            if not self.exists():
                raise IndexUnreadable(f"no index in {self.path}; run `readout index` to build it")
            try:
                # segments are checked when a searcher opens them; without mmap, because Whoosh
                # copies each memory-mapped part of a segment into a BytesIO when it opens it
                # (75-90 ms to open the 19k index, 1.9 s at 190k; 15 ms and 0.17 s read as files)
                self._ix = FileStorage(str(self.path), supports_mmap=False).open_index()
            except Exception as error:  # whoosh raises many kinds on a damaged folder
                self._ix = None
                raise self._damaged(error) from None
        return self._ix

    def _damaged(self, error: BaseException) -> IndexUnreadable:
        return IndexUnreadable(
            f"the index in {self.path} is damaged ({type(error).__name__}: {error}); "
            "run `readout index --rebuild` to rebuild it from the corpus"
        )

    @property
    def schema(self) -> fields.Schema:
        if self._schema is None:
            self._schema = self.ix.schema  # reads the table of contents: do it once
        return self._schema

    def refresh(self) -> None:
        """Drop the open handles so the next call sees the newest commit."""
        with self._lock:
            if self._view is not None:
                self._view.close()
            self._view = None
            self._ix = None
            self._schema = None
            self._parser = None

    def last_modified(self) -> float:
        try:
            return max(p.stat().st_mtime for p in self.path.glob("*.toc"))
        except ValueError:
            return 0.0

    def _signature(self) -> tuple[Any, ...]:
        """Which commit is current: the newest table of contents, by name and identity."""
        best: tuple[int, str] | None = None
        try:
            with os.scandir(self.path) as entries:
                for entry in entries:
                    name = entry.name
                    if name.endswith(".toc") and name.startswith("_"):
                        try:
                            generation = int(name[:-4].rsplit("_", 1)[1])
                        except (ValueError, IndexError):
                            continue
                        if best is None or generation > best[0]:
                            best = (generation, name)
            if best is None:
                return ()
            st = os.stat(self.path / best[1])
            return (best[1], st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            return ()

    @contextmanager
    def _reading(self) -> Iterator[_View]:
        """The open searcher for the newest commit (re-opened only when that changes)."""
        with self._lock:
            signature = self._signature()
            view = self._view
            if view is None or view.signature != signature:
                if view is not None:
                    view.close()
                    self._view = None
                    self._ix = None
                    self._schema = None
                try:
                    searcher = self.ix.searcher()
                except IndexUnreadable:
                    raise
                except Exception as error:
                    self._ix = None
                    raise self._damaged(error) from None
                view = self._view = _View(searcher, signature)
            try:
                yield view
            except (QueryError, IndexUnreadable, IndexBusy):
                raise
            except Exception as error:
                if not isinstance(error, _DAMAGE) and not _raised_by_whoosh(error):
                    raise  # a mistake of ours: let it show
                self.refresh()
                raise self._damaged(error) from None

    def forget_queries(self) -> None:
        """Forget parsed queries, so the next search starts from the user's text (benchmarks)."""
        with self._lock:
            self._parsed.clear()

    def clear_caches(self) -> None:
        """Forget the open searcher, parsed queries and per-commit sets (benchmarks: cold runs)."""
        with self._lock:
            self.refresh()
            self._parsed.clear()

    # writing -----------------------------------------------------------------------------

    @contextmanager
    def writer(self, wait_seconds: float = 0.0, on_wait: Any = None, limitmb: int = 256) -> Iterator["StoreWriter"]:
        """A write session; commits on success, cancels on error."""

        def open_writer() -> Any:
            try:
                return self.ix.writer(limitmb=limitmb)
            except LockError:
                return None

        session = StoreWriter(self._wait_for(open_writer, wait_seconds, on_wait))
        try:
            yield session
        except BaseException:
            session.cancel()
            raise
        else:
            session.commit()
            self.refresh()

    @contextmanager
    def write_lock(self, wait_seconds: float = 0.0, on_wait: Any = None) -> Iterator[None]:
        """Hold the index's write lock without writing: nobody else writes to it meanwhile.

        A fresh build swaps a whole new folder in for the index; it waits here
        first, so a writer that is not a ``readout index`` run (which would
        hold the run lock) is never left writing into a folder swapped away.
        """
        lock = FileStorage(str(self.path)).lock(f"{whoosh_index._DEF_INDEX_NAME}_WRITELOCK")  # (the index's own lock, even if it cannot be read)
        self._wait_for(lambda: lock if lock.acquire(blocking=False) else None, wait_seconds, on_wait)
        try:
            yield
        finally:
            lock.release()

    def _wait_for(self, attempt: Any, wait_seconds: float, on_wait: Any) -> Any:
        """What ``attempt`` returns once it gets the index's write lock (None while another holds it),
        trying every 0.2 s for ``wait_seconds``, telling ``on_wait`` once; IndexBusy after that."""
        deadline = time.monotonic() + wait_seconds
        told = False
        while (got := attempt()) is None:
            if time.monotonic() >= deadline:
                raise IndexBusy(f"another `readout index` is writing {self.path}; try again when it has finished")
            if on_wait and not told:
                on_wait()
                told = True
            time.sleep(0.2)
        return got

    def segment_builder(self, limitmb: int = 128) -> "SegmentBuilder":
        """A writer of one new segment, for another process while this one holds the lock.

        The segment joins the index only when a ``StoreWriter`` of this index
        adopts it (``StoreWriter.adopt``) and commits.
        """
        from whoosh.writing import SegmentWriter

        return SegmentBuilder(SegmentWriter(self.ix, _lk=False, limitmb=limitmb))

    # reading -------------------------------------------------------------------------------------

    def _query_parser(self) -> qparser.QueryParser:
        if self._parser is None:
            parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema=self.schema, group=qparser.AndGroup)
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
        with self._lock:
            cached = self._parsed.get(text)
            if cached is not None:
                self._parsed.move_to_end(text)
                return cached
            q = self._parse(text)
            self._parsed[text] = q
            while len(self._parsed) > 256:
                self._parsed.popitem(last=False)
            return q

    def _parse(self, text: str) -> wq.Query:
        unknown = _unknown_fields(text, set(self.schema.names()) | set(FIELD_ALIASES))
        if unknown:
            raise QueryError(f"unknown field {unknown!r}: use one of person, place, org, type, status, date, cameo, article, title, body")
        whole: dict[str, str] = {}
        if "names" in self.schema:  # (an index from before SCHEMA_VERSION 3 reads a quoted name as a phrase)
            text, whole = _whole_names(text)
        try:
            q = self._query_parser().parse(_complete(text))
        except Exception as error:
            raise QueryError(f"cannot read the query: {error}") from None
        if whole:
            q = _put_names(q, whole)
        if q is wq.NullQuery:
            raise QueryError("the query has no searchable words")
        if _has_error(q):
            raise QueryError("the query is malformed (check brackets, quotes and ranges)")
        return _checked_values(q)

    def _prepared(self, view: _View, text: str) -> wq.Query:
        q = self.parse(text)
        if _mentions_dates(q):
            q = _rewrite_dates(q, view.bounds())
        return q

    def _allowed(self, view: _View, kind: str | None, filters: Sequence[wq.Query] = (), cache: dict | None = None) -> tuple[set[int] | None, set[int] | None]:
        """(allow, restrict) document sets: the kind (None: articles and events) and any filters."""
        allow: set[int] | None = view.kind_docs(kind) if kind else None
        for f in filters:
            docs = view.docs(f, cache)
            allow = docs if allow is None else (allow & docs)
        restrict = view.kind_docs("source") if allow is None else None
        if allow is not None and restrict is None:
            sources = view.kind_docs("source")
            if kind is None and sources:
                allow = allow - sources
        return allow, (restrict or None)

    def _ranked(self, view: _View, q: wq.Query, kind: str | None, limit: int, sort: str | None = None) -> tuple[list[tuple[float, int]], int]:
        """The best ``limit`` (score, docnum) pairs and the exact number of matches."""
        s = view.searcher
        ranked, filters, bonus = _split_filters(q)
        cache = view.scratch()
        allow, restrict = self._allowed(view, kind, filters, cache)
        if allow is not None and not allow:
            return [], 0
        sort = _sort_name(sort)
        if sort != "relevance" or isinstance(q, wq.Every):
            # in an order of the whole result set (the empty query: newest first)
            if isinstance(q, wq.Every):
                matches = allow if allow is not None else view.live_docs()
            else:
                matches = view.docs(ranked, cache) if ranked is not None else view.live_docs()
                if allow is not None:
                    matches = matches & allow
            if restrict:
                matches = matches - restrict
            return [(0.0, docnum) for docnum in _ordered(view, matches, "newest" if sort == "relevance" else sort, limit)], len(matches)
        elif not _scores(ranked):
            # nothing to rank by: Whoosh would give every match the same score
            # and keep the lowest document numbers; so do we, from the sets
            docs = view.docs(ranked, cache) if ranked is not None else None
            if docs is None:
                matches = allow if allow is not None else set(s.reader().all_doc_ids())
            else:
                matches = docs & allow if allow is not None else docs
            if restrict:
                matches = matches - restrict
            score = bonus + (float(ranked.score) if isinstance(ranked, wq.ConstantScoreQuery) else 0.0)
            return [(score, d) for d in sorted(matches)[:limit]], len(matches)
        elif ranked is not None and _fast_rankable(ranked) and self.fast_ranking:
            try:
                top, total = self._rank_from_sets(view, ranked, allow, restrict, limit, cache)
                return [(score + bonus, docnum) for score, docnum in top], total
            except _NotFast:
                collector = collectors.TopCollector(limit, usequality=False, replace=0)
                scored = True
        else:
            # replace=0 and no block skipping: every match is visited, so the
            # count is exact in the same pass that ranks
            collector = collectors.TopCollector(limit, usequality=False, replace=0)
            scored = True
        if allow is not None or restrict:
            collector = collectors.FilterCollector(collector, allow=allow, restrict=restrict)
        s.search_with_collector(ranked if scored else q, collector)
        results = collector.results()
        total = collector.count()
        if scored:
            return [(float(score) + bonus, docnum) for score, docnum in results.top_n], total
        return [(0.0, docnum) for _, docnum in results.top_n], total

    def _term_scorer(self, view: _View, segment: int, sub: Any, cache: dict | None, scores: dict[int, float]) -> Any:
        """A function adding one term's BM25F score to ``scores`` for some documents."""
        top_searcher = view.searcher
        weighting = top_searcher.weighting
        B, K1 = weighting.B, weighting.K1
        schema = top_searcher.schema
        reader = sub.reader()

        def add(fieldname: str, text: Any, docs: set[int]) -> None:
            postings = _term_blocks(reader, fieldname, text, cache)
            if not postings or not docs:
                return
            if schema[fieldname].scorable:
                idf = top_searcher.idf(fieldname, text)
                avgfl = top_searcher.avg_field_length(fieldname) or 1
                lengths = view.lengths(segment, sub, fieldname)
                if lengths is None:
                    raise _NotFast()
                k1p1, k1b0, k1b = K1 + 1, K1 * (1 - B), K1 * B / avgfl
                for ids, weights, _ in postings:
                    for d, w in zip(ids, weights):
                        if d in docs:
                            scores[d] += idf * ((w * k1p1) / (w + k1b0 + k1b * lengths[d]))
            else:
                for ids, weights, _ in postings:
                    for d, w in zip(ids, weights):
                        if d in docs:
                            scores[d] += w

        return add

    def _rank_from_sets(self, view: _View, q: wq.Query, allow: set[int] | None, restrict: set[int] | None, limit: int, cache: dict | None = None) -> tuple[list[tuple[float, int]], int]:
        """Whoosh's BM25F top ``limit`` and exact count for an AND/OR/NOT of terms."""
        from whoosh.scoring import BM25F

        top_searcher = view.searcher
        weighting = top_searcher.weighting
        if type(weighting) is not BM25F or weighting._field_B:
            raise _NotFast()
        heap: list[tuple[float, int]] = []
        total = 0
        subsearchers = top_searcher.subsearchers or [(top_searcher, 0)]
        for segment, (sub, offset) in enumerate(subsearchers):
            docs = _docset(q, sub, cache)
            if offset:
                docs = set(map(offset.__add__, docs))
            if allow is not None:
                docs &= allow
            if restrict:
                docs -= restrict
            if not docs:
                continue
            total += len(docs)
            local = set(map((-offset).__add__, docs)) if offset else docs
            scores: dict[int, float] = dict.fromkeys(local, 0.0)
            term_score = self._term_scorer(view, segment, sub, cache, scores)
            _accumulate(q, local, sub, cache, term_score)
            best = nlargest(limit, ((score, -(d + offset)) for d, score in scores.items()))
            heap = nlargest(limit, heap + best)
        return [(score, -negdoc) for score, negdoc in sorted(heap, reverse=True)], total

    def search(self, text: str, kind: str | None = None, limit: int = 20, offset: int = 0, snippets: bool | int = True, sort: str | None = None) -> SearchPage:
        """The hits ``offset .. offset+limit`` and the exact total.

        ``snippets``: True makes snippets for every returned hit; a number
        makes them for the first that many only (a list shows a screenful).
        ``sort``: one of ``SORTS`` (None: relevance), applied to every match
        before the page is cut, so the first hits are the true newest, say.
        """
        started = time.perf_counter()
        sort = _sort_name(sort)  # a mistake of the caller's, before any reading (a ValueError there reads as damage)
        with self._reading() as view:
            q = self._prepared(view, text)
            top, total = self._ranked(view, q, kind, max(1, offset + limit), sort)
            reader = view.searcher.reader()
            snippet_count = (offset + limit) if snippets is True else max(0, int(snippets or 0)) + offset
            highlight = _highlight_for(q) if snippet_count > offset else None
            hits = []
            for n, (score, docnum) in enumerate(top[offset : offset + limit], start=offset):
                stored = reader.stored_fields(docnum)
                pieces: tuple[Snippet, ...] = ()
                if highlight is not None and n < snippet_count:
                    body = stored.get("body", "")
                    pieces = make_snippets(body, highlight) or (Snippet(body[:200], ()),)
                event = json.loads(stored["data"]) if stored.get("kind") == "event" else None
                hits.append(
                    Hit(
                        kind=stored.get("kind", ""),
                        doc_id=stored.get("doc_id", ""),
                        article=stored.get("article", ""),
                        title=stored.get("title", ""),
                        date=stored.get("sort_date", ""),
                        score=score,
                        snippets=pieces,
                        event=event,
                        source=stored.get("source", ""),
                    )
                )
        return SearchPage(text, total, tuple(hits), time.perf_counter() - started)

    def _matching(self, view: _View, q: wq.Query, kind: str | None) -> set[int]:
        """Every matching document number (global), unscored (not to be changed: it may be the view's own set)."""
        if isinstance(q, wq.Every) and kind:
            return view.kind_docs(kind)
        docs = view.docs(q, view.scratch())
        if kind:
            return docs & view.kind_docs(kind)
        return docs - view.kind_docs("source")

    def count(self, text: str, kind: str | None = None) -> int:
        with self._reading() as view:
            q = self._prepared(view, text)
            key = (q, kind)
            found = view.counts.get(key)
            if found is None:
                found = len(self._matching(view, q, kind))
                view.counts[key] = found
                while len(view.counts) > 256:
                    view.counts.popitem(last=False)
            return found

    def facets(self, text: str, kind: str | None = None, top: int = 30) -> dict[str, list[tuple[str, int]]]:
        """The commonest people, places and organisations among the matches,
        each with the number of matching documents that name it.

        ``kind`` None: the matching articles -- or, when the query finds no
        article (``type:visit`` names events' own fields), the matching
        events.  Never the two together: an article and its events would
        count one mention twice.  Counted over every match, so narrowing the
        query on a name (``person:"Clayton Yeutter"``) finds as many of those
        documents.  Spellings of a name that differ only in case are one
        entry, under the commonest ("Willy de Clercq"), as the narrowed
        query finds them all.
        """
        with self._reading() as view:
            q = self._prepared(view, text)
            if kind is None:
                docs = self._matching(view, q, "article") or self._matching(view, q, "event")
            else:
                docs = self._matching(view, q, kind)
            column = view.values("facet_col")
            packed = [value for value in map(column.__getitem__, docs) if value]
        return _count_names(packed, top)

    def article(self, article_id: str) -> StoredArticle | None:
        with self._reading() as view:
            reader = view.searcher.reader()
            found = sorted(view.docs(wq.Term("article", article_id)) & view.kind_docs("article"))
            if not found:
                return None
            try:
                doc = reader.stored_fields(found[0])
                events = tuple(
                    json.loads(reader.stored_fields(d)["data"])
                    for d in sorted(view.docs(wq.Term("article_key", doc["article_key"])) & view.kind_docs("event"))
                )
                data = json.loads(doc["data"])
                mentions = tuple(
                    Mention(k, Span(a, b), doc["body"][a:b], canonical, country, role) for k, a, b, canonical, country, role in data["mentions"]
                )
            except (KeyError, TypeError) as error:  # stored fields that lost a key in a damaged segment
                self.refresh()
                raise self._damaged(error) from None
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
            dated_by=data.get("dated_by") or None,
        )

    def match_spans(self, text: str, body: str) -> list[Span]:
        """Where the words of query ``text`` occur in ``body`` (for highlighting)."""
        try:
            q = self.parse(text)
        except QueryError:
            return []
        terms = {t.decode("utf-8") if isinstance(t, bytes) else t for f, t in q.iter_all_terms() if f in ("body", "title")}
        if not terms:
            return []
        spans = []
        for m in _WORD.finditer(body):
            word = m.group().lower()
            value = word if word in STOP_WORDS else _stem(word)
            if value in terms:
                spans.append(Span(m.start(), m.end()))
        return spans

    def doc_count(self, kind: str | None = None) -> int:
        with self._reading() as view:
            if kind is None:
                return view.searcher.doc_count()
            return len(view.kind_docs(kind))

    def sources(self) -> dict[str, str]:
        """Source file -> fingerprint, as of the last completed run."""
        with self._reading() as view:
            return {d["source"]: d.get("fingerprint", "") for d in view.searcher.documents(kind="source")}

    def article_hashes(self, source: str) -> dict[str, str]:
        """Article key -> content hash, for the articles of one source file."""
        with self._reading() as view:
            articles = view.kind_docs("article")
            keys, hashes = view.values("article_key"), view.values("content_hash")
            return {
                keys[d]: hashes[d]
                for d in view.docs(wq.Term("source", source))
                if d in articles
            }

    def all_documents(self) -> list[dict[str, Any]]:
        """Every stored document (for tests comparing two builds)."""
        return list(self.iter_documents())

    def iter_documents(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """Every stored document (of ``kind``), one at a time."""
        with self._reading() as view:
            reader = view.searcher.reader()
            wanted = view.kind_docs(kind) if kind else None
            for docnum in reader.all_doc_ids():
                if wanted is None or docnum in wanted:
                    yield dict(reader.stored_fields(docnum))


class SegmentBuilder:
    """Writes documents into one new segment of an index (in a worker process)."""

    def __init__(self, writer: Any) -> None:
        self._w = writer
        self.count = 0

    def add(self, docs: Iterable[Mapping[str, Any]]) -> None:
        for doc in docs:
            self._w.add_document(**doc)
            self.count += 1

    def finish(self) -> Any:
        """Close the segment; returns a token for ``StoreWriter.adopt`` (None if empty)."""
        if not self.count:
            self._w._close_segment()
            return None
        return self._w._finalize_segment()

    def cancel(self) -> None:
        try:
            self._w._close_segment()
        except Exception:
            pass


class StoreWriter:
    """One write session: add, replace and delete documents."""

    def __init__(self, writer: Any) -> None:
        self._w = writer
        self.optimize = False
        self._adopted: list[Any] = []

    def add(self, docs: Iterable[Mapping[str, Any]]) -> None:
        for doc in docs:
            self._w.add_document(**doc)

    def delete_article(self, article_key: str) -> None:
        self._w.delete_by_term("article_key", article_key)

    def delete_source(self, source: str) -> None:
        self._w.delete_by_term("source", source)

    def mark_source(self, source: str, fingerprint: str) -> None:
        self._w.update_document(doc_id=f"s\x1f{source}", kind="source", source=source, fingerprint=fingerprint)

    def adopt(self, segment: Any) -> None:
        """Add a segment written by a ``SegmentBuilder`` at commit."""
        if segment is not None:
            self._adopted.append(segment)

    def commit(self) -> None:
        w = self._w
        if not self._adopted:
            w.commit(optimize=self.optimize)
            return
        # Whoosh's multi-segment commit (as MpWriter does): small segments are
        # merged as usual, the adopted ones join as they are.
        w._check_state()
        final = w._merge_segments(None, self.optimize, None)
        final.extend(self._adopted)
        if w._added:
            final.append(w._finalize_segment())
        else:
            w._close_segment()
        w._commit_toc(final)
        w._finish()

    def cancel(self) -> None:
        self._w.cancel()


def _has_error(q: wq.Query) -> bool:
    if type(q).__name__ == "ErrorQuery":
        return True
    return any(_has_error(c) for c in q.children())


# --- whole names ------------------------------------------------------------------------------

_QUOTED_NAME = re.compile(r'(?<![\w:])(person|people|who|place|where|location|country|org|organisation|organization):"([^"]*)"', re.IGNORECASE)
_NAME_FIELDS = {"people": "person", "who": "person", "where": "place", "location": "place", "country": "place", "organisation": "org", "organization": "org"}
_PLACEHOLDER = "readoutwholename"


def _whole_names(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each quoted name of a person, place or organisation
    (``person:"Gina Raimondo"``) put as a ``names`` term, and those terms.

    A quoted name is the whole name: ``place:"Asia"`` is not "Southeast
    Asia", so the query finds the articles the Entities tab counted for it
    (narrowing writes it so).  Unquoted, ``place:Asia`` still finds any name
    with that word.  Placeholders stand for the names while Whoosh parses.
    """
    found: dict[str, str] = {}

    def put(m: re.Match[str]) -> str:
        if not m.group(2).strip():
            return m.group(0)
        field = m.group(1).lower()
        token = f"{_PLACEHOLDER}{len(found)}"
        found[token] = name_key(_NAME_FIELDS.get(field, field), m.group(2))
        return f"names:{token}"

    return _QUOTED_NAME.sub(put, text), found


def _put_names(q: wq.Query, names: Mapping[str, str]) -> wq.Query:
    if isinstance(q, wq.Term) and q.fieldname == "names" and q.text in names:
        return wq.Term("names", names[q.text], boost=q.boost)
    if q.is_leaf():
        return q
    return q.apply(lambda child: _put_names(child, names))


# --- values of the fields that take only some -------------------------------------------

_DATE_FORMS = "write a day (2023-05-25), a month (2023-05), a year (2023) or a range ([2023-05-01 to 2023-06-30])"
_DATE_PATTERN = re.compile(r"^[0-9?*-]+$")
_CHOICES = {"type": EVENT_TYPES, "status": EVENT_STATUSES}
_CHOICE_NAMES = {"type": "an event type", "status": "a status"}


def _shown(value: Any) -> str:
    """A value of the user's query for a message: one line, no control characters, not too long."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if len(text) > 40:
        text = text[:40] + "…"
    return text if text.isprintable() else repr(text)[1:-1]


def _listed(values: Sequence[str]) -> str:
    return ", ".join(values[:-1]) + " or " + values[-1]


def _checked_values(q: wq.Query) -> wq.Query:
    """``q`` with the values of ``date:``, ``type:`` and ``status:`` checked.

    Whoosh takes any word for any field, so ``date:yesterday`` or
    ``type:banana`` found nothing, silently, and a list was emptied for a
    typo: a ``QueryError`` naming the value (and what it may be) says why.
    ``type:Visit`` is read as ``type:visit``.
    """
    if q.is_leaf():
        fieldname = getattr(q, "fieldname", None)
        if fieldname == "date":
            _check_date(q)
        elif fieldname in _CHOICES:
            return _checked_choice(q, fieldname)
        return q
    return q.apply(_checked_values)


def _check_date(q: wq.Query) -> None:
    if isinstance(q, wq.Every):
        return
    if isinstance(q, wq.TermRange):
        for bound, last in ((q.start, False), (q.end, True)):
            if not _open_end(bound) and _parse_bound(bound, last) is None:
                raise QueryError(f"date:{_range_text(q)}: {_shown(bound)} is not a date; {_DATE_FORMS}")
        return
    text = q.text if isinstance(q, (wq.Term, wq.Prefix, wq.Wildcard)) else None
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if isinstance(q, wq.Term) and text and text[0] in "[{":
        raise QueryError(f"date:{_shown(text)} is an unfinished range; {_DATE_FORMS}")
    if isinstance(q, wq.Term) and text is not None and _parse_bound(text, False) is not None:
        return
    if isinstance(q, (wq.Prefix, wq.Wildcard)) and text and _DATE_PATTERN.match(text):
        return
    raise QueryError(f"date:{_leaf_text(q)} is not a date; {_DATE_FORMS}")


def _range_text(q: wq.TermRange) -> str:
    low = "" if _open_end(q.start) else _shown(q.start)
    high = "" if _open_end(q.end) else _shown(q.end)
    return f"{'{' if q.startexcl else '['}{f'{low} to {high}'.strip()}{'}' if q.endexcl else ']'}"


def _leaf_text(q: wq.Query) -> str:
    """A leaf query's value, written about as the user wrote it."""
    if isinstance(q, wq.TermRange):
        return _range_text(q)
    text = getattr(q, "text", None)
    if text is None:
        text = " ".join(str(w) for w in getattr(q, "words", ())) or "…"
    elif isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return _shown(text) + ("*" if isinstance(q, wq.Prefix) else "")


def _checked_choice(q: wq.Query, fieldname: str) -> wq.Query:
    choices = _CHOICES[fieldname]
    if isinstance(q, wq.Every):
        return q
    text = q.text if isinstance(q, (wq.Term, wq.Prefix, wq.Wildcard)) else None
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if text is not None:
        value = text.lower()
        if isinstance(q, wq.Term) and value in choices:
            return q if value == text else wq.Term(fieldname, value, boost=q.boost)
        if isinstance(q, wq.Prefix) and any(c.startswith(value) for c in choices):
            return q if value == text else wq.Prefix(fieldname, value, boost=q.boost)
        if isinstance(q, wq.Wildcard) and any(fnmatchcase(c, value) for c in choices):
            return q if value == text else wq.Wildcard(fieldname, value, boost=q.boost)
    raise QueryError(f"{fieldname}:{_leaf_text(q)} is not {_CHOICE_NAMES[fieldname]}: use {_listed(choices)}")


_FIELD_PREFIX = re.compile(r'"|(?<![\w:])([A-Za-z_]+):(?=\S)')


def _unknown_fields(text: str, known: set[str]) -> str | None:
    inside_quotes = False
    for m in _FIELD_PREFIX.finditer(text):
        if m.group() == '"':
            inside_quotes = not inside_quotes
            continue
        if not inside_quotes and m.group(1).lower() not in known:
            return m.group(1)
    return None

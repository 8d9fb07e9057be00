"""The yardsticks: SQLite FTS5 (standard library) and a plain in-memory scan.

Both are loaded with exactly the documents of a Readout index (articles and
events, via ``Store.iter_documents``) and answer the same queries the same
way: the top 20 with a highlighted snippet and the exact number of matches.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from benchmarks.queries import Query

TEXT_COLUMNS = ("title", "body", "person", "place", "org")


def _event_window(doc: dict[str, Any]) -> tuple[str, str]:
    """The first and last day a document covers (an article: its day)."""
    if doc.get("kind") == "event":
        try:
            window = (json.loads(doc.get("data") or "{}") or {}).get("date") or {}
        except ValueError:
            window = {}
        if window:
            return window.get("start", ""), window.get("end", "")
        return "", ""
    day = doc.get("sort_date", "")
    return day, day


@dataclass(frozen=True)
class Row:
    kind: str
    title: str
    body: str
    person: str
    place: str
    org: str
    type: str
    status: str
    start: str
    end: str


def rows(documents: Iterable[dict[str, Any]]) -> Iterator[Row]:
    for doc in documents:
        kind = doc.get("kind")
        if kind not in ("article", "event"):
            continue
        facets = doc.get("facets") or {}
        start, end = _event_window(doc)
        yield Row(
            kind, doc.get("title", ""), doc.get("body", ""),
            "\n".join(facets.get("person") or ()), "\n".join(facets.get("place") or ()), "\n".join(facets.get("org") or ()),
            doc.get("type", "") or "", doc.get("status", "") or "", start, end,
        )


class Fts5:
    """An FTS5 table (porter stemming) over the same documents."""

    def __init__(self, path: Path | None = None) -> None:
        self.db = sqlite3.connect(str(path) if path else ":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, person, place, org, type, status, "
            "kind UNINDEXED, start UNINDEXED, end UNINDEXED, tokenize='porter unicode61')"
        )

    @classmethod
    def available(cls) -> bool:
        try:
            sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
            return True
        except sqlite3.OperationalError:
            return False

    def load(self, items: Iterable[Row]) -> int:
        n = 0
        batch = []
        for r in items:
            batch.append((r.title, r.body, r.person, r.place, r.org, r.type, r.status, r.kind, r.start, r.end))
            n += 1
            if len(batch) >= 5000:
                self.db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
                batch = []
        if batch:
            self.db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
        self.db.commit()
        return n

    def search(self, q: Query, limit: int = 20) -> tuple[int, list[tuple[str, str]]]:
        where, args = "docs MATCH ?", [q.fts]
        if q.date:
            where += " AND start <= ? AND end >= ? AND start != ''"
            args += [q.date[1], q.date[0]]
        total = self.db.execute(f"SELECT count(*) FROM docs WHERE {where}", args).fetchone()[0]
        top = self.db.execute(
            f"SELECT title, snippet(docs, 1, '[', ']', '…', 24) FROM docs WHERE {where} ORDER BY rank LIMIT ?", args + [limit]
        ).fetchall()
        return total, top


class Scan:
    """A plain scan of lower-cased texts held in memory: no index at all."""

    def __init__(self) -> None:
        self.docs: list[tuple[str, str, str, str, str, str, str, str, str]] = []

    def load(self, items: Iterable[Row]) -> int:
        for r in items:
            self.docs.append(
                ((r.title + "\n" + r.body + "\n" + r.person + "\n" + r.place + "\n" + r.org).lower(), r.person.lower(), r.place.lower(),
                 r.type, r.status, r.start, r.end, r.title, r.body)
            )
        return len(self.docs)

    def search(self, q: Query, limit: int = 20) -> tuple[int, list[tuple[str, str]]]:
        tests = []
        for field, needle in q.scan:
            column = {"text": 0, "person": 1, "place": 2, "type": 3, "status": 4}[field]
            tests.append((column, needle))
        date = q.date
        total = 0
        top: list[tuple[str, str]] = []
        for doc in self.docs:
            if date and not (doc[5] and doc[5] <= date[1] and doc[6] >= date[0]):
                continue
            ok = True
            for column, needle in tests:
                if needle not in doc[column]:
                    ok = False
                    break
            if not ok:
                continue
            total += 1
            if len(top) < limit:
                top.append((doc[7], _snippet(doc[8], tests[0][1] if tests else "")))
        return total, top


def _snippet(body: str, needle: str, width: int = 240) -> str:
    at = body.lower().find(needle) if needle else -1
    if at < 0:
        return body[:width]
    start = max(0, at - width // 3)
    text = body[start : start + width]
    offset = at - start
    return text[:offset] + "[" + text[offset : offset + len(needle)] + "]" + text[offset + len(needle) :]


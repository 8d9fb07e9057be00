"""A frozen copy of the seed index, for snapshot tests.

Snapshots must not change when extraction improves, so they run on the
seeds' articles and events as extracted once (``data/frozen_seeds.json``)
behind a tiny in-memory stand-in for ``index.store.Store``.  Its query
language is a subset (words, ``field:value``, ``field:"a phrase"``), enough
for the states the snapshots show; everything else about the app is real.

Regenerate the data (after a deliberate change) with:
    .venv/bin/python tests/tui/tui_frozen.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from index.model import Mention, Span
from index.store import Hit, QueryError, SearchPage, Snippet, StoredArticle

DATA = Path(__file__).parent / "data" / "frozen_seeds.json"
FIELDS = {"person", "place", "org", "type", "status", "title", "body", "date", "article", "cameo", "who", "where", "id"}
LAST_MODIFIED = 1_700_000_000.0


def _article_json(a: StoredArticle) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "text": a.text, "published": a.published, "source": a.source,
        "url": a.url, "dateline": a.dateline, "path": Path(a.path).name,
        "mentions": [[m.kind, m.span.start, m.span.end, m.text, m.canonical, m.country, m.role] for m in a.mentions],
        "furniture": [[s.start, s.end] for s in a.furniture],
        "events": list(a.events),
    }


def freeze(index_dir: Path, out: Path = DATA) -> None:
    """Write every article of a real index (with its events) to ``out``."""
    from index.store import Store

    store = Store(index_dir)
    ids = sorted({h.article for h in store.search("", kind="article", limit=10_000, snippets=False).hits})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps([_article_json(store.article(i)) for i in ids], ensure_ascii=False, indent=1), encoding="utf-8")


class FrozenStore:
    """The part of ``Store`` the app uses, over the frozen articles."""

    def __init__(self, path: Path = DATA) -> None:
        self.articles: dict[str, StoredArticle] = {}
        for a in json.loads(path.read_text(encoding="utf-8")):
            self.articles[a["id"]] = StoredArticle(
                id=a["id"], title=a["title"], text=a["text"], published=a["published"], source=a["source"],
                url=a["url"], dateline=a["dateline"], path=a["path"],
                mentions=tuple(Mention(k, Span(s, e), t, c, country, role) for k, s, e, t, c, country, role in a["mentions"]),
                furniture=tuple(Span(s, e) for s, e in a["furniture"]),
                events=tuple(a["events"]),
            )

    # the Store interface -----------------------------------------------------------

    def exists(self) -> bool:
        return True

    def refresh(self) -> None:
        pass

    def last_modified(self) -> float:
        return LAST_MODIFIED

    def sources(self) -> dict[str, str]:
        return {}

    def doc_count(self, kind: str | None = None) -> int:
        return len(self._docs(kind))

    def search(self, text: str, kind: str | None = None, limit: int = 20, offset: int = 0, snippets: bool = True, sort: str | None = None) -> SearchPage:
        docs = [d for d in self._docs(kind) if self._matches(self._parse(text), d)]
        docs.sort(key=lambda d: d["date"], reverse=True)
        hits = tuple(self._hit(d, text, snippets) for d in docs[offset : offset + limit])
        return SearchPage(text, len(docs), hits, 0.0)

    def count(self, text: str, kind: str | None = None) -> int:
        return self.search(text, kind, limit=10_000).total

    def facets(self, text: str, kind: str | None = None, top: int = 30) -> dict[str, list[tuple[str, int]]]:
        counts: dict[str, dict[str, int]] = {"person": {}, "place": {}, "org": {}}
        for d in self._docs(kind):
            if self._matches(self._parse(text), d):
                for name, values in d["facets"].items():
                    for v in values:
                        counts[name][v] = counts[name].get(v, 0) + 1
        return {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:top] for k, v in counts.items()}

    def article(self, article_id: str) -> StoredArticle | None:
        return self.articles.get(article_id)

    def match_spans(self, text: str, body: str) -> list[Span]:
        words = [w for f, w in self._parse(text) if f is None]
        return [Span(m.start(), m.end()) for w in words for m in re.finditer(rf"\b{re.escape(w)}\w*", body, re.I)]

    # the stand-in's own workings ------------------------------------------------------

    def _parse(self, text: str) -> list[tuple[str | None, str]]:
        if text.count("(") != text.count(")"):
            raise QueryError("the query is malformed (check brackets, quotes and ranges)")
        clauses = []
        for m in re.finditer(r'(?:(\w+):)?(?:"([^"]*)"|(\S+))', text):
            field, value = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
            if field and field.lower() not in FIELDS:
                raise QueryError(f"unknown field {field!r}: use one of person, place, org, type, status, date, cameo, article, title, body")
            clauses.append((field.lower() if field else None, value.lower()))
        return clauses

    def _docs(self, kind: str | None) -> list[dict[str, Any]]:
        docs = []
        for a in self.articles.values():
            names = {k: sorted({m.canonical for m in a.mentions if m.kind in ks}) for k, ks in (("person", ("person",)), ("place", ("place", "country")), ("org", ("org",)))}
            if kind in (None, "article"):
                docs.append({"kind": "article", "article": a, "event": None, "date": a.published[:10], "facets": names,
                             "fields": {"person": " ".join(names["person"]), "place": " ".join(names["place"]), "org": " ".join(names["org"]),
                                        "title": a.title, "body": a.text, "article": a.id}})
            if kind in (None, "event"):
                for e in a.events:
                    date = (e.get("date") or {}).get("start") or a.published[:10]
                    docs.append({"kind": "event", "article": a, "event": e, "date": date,
                                 "facets": {"person": list(e["participants"]), "place": [e["location"]] if e.get("location") else [], "org": []},
                                 "fields": {"person": " ".join(e["participants"]), "place": e.get("location") or "", "type": e["type"],
                                            "status": e["status"], "title": a.title, "body": e["sentence"], "article": a.id}})
        return docs

    def _matches(self, clauses: list[tuple[str | None, str]], doc: dict[str, Any]) -> bool:
        fields = {("who" if k == "person" else k): v for k, v in doc["fields"].items()} | doc["fields"]
        everything = " ".join(doc["fields"].values()).lower()
        for field, value in clauses:
            haystack = (fields.get(field, "") if field else everything).lower()
            if value.rstrip("*") not in haystack:
                return False
        return True

    def _hit(self, doc: dict[str, Any], text: str, snippets: bool) -> Hit:
        a: StoredArticle = doc["article"]
        body = doc["fields"]["body"]
        pieces = (Snippet(body[:200], tuple(s for s in self.match_spans(text, body[:200]))),) if snippets else ()
        event = doc["event"]
        return Hit(kind=doc["kind"], doc_id=f"{doc['kind']}:{a.id}:{event['id'] if event else ''}", article=a.id, title=a.title,
                   date=doc["date"], score=1.0, snippets=pieces, event=event, source=a.path)


if __name__ == "__main__":
    import tempfile

    from index.indexer import Indexer
    from index.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        ix = Path(tmp) / "ix"
        Indexer(Store(ix), workers=1).run([Path(__file__).resolve().parents[2] / "seeds"])
        freeze(ix)
    print(f"wrote {DATA}")

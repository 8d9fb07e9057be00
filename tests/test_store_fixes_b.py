"""Store fixes from a review: sorting is the search's (every match, not a page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.model import EVENT_STATUSES
from index.store import Store


@pytest.fixture(scope="module")
def store(seed_index: Path) -> Store:
    return Store(seed_index)


# --- sorting: the whole result set, by the index -----------------------------------------------

STATUS_ORDER = list(EVENT_STATUSES)


def _every(store: Store, query: str, kind: str) -> list:
    page = store.search(query, kind=kind, limit=10_000, snippets=False)
    assert len(page.hits) == page.total
    return list(page.hits)


@pytest.mark.parametrize("query", ["", "China", "Xi OR Biden", "type:visit OR type:call", "date:[2023-01-01 to 2023-12-31]"])
def test_newest_and_oldest_are_of_every_match_not_of_a_page(store: Store, query: str) -> None:
    hits = _every(store, query, "event")
    assert len(hits) > 3
    dates = sorted(h.date for h in hits)
    for limit in (1, 3):
        newest = store.search(query, kind="event", limit=limit, sort="newest", snippets=False)
        oldest = store.search(query, kind="event", limit=limit, sort="oldest", snippets=False)
        assert newest.total == oldest.total == len(hits)
        assert [h.date for h in newest.hits] == dates[::-1][:limit]
        assert [h.date for h in oldest.hits] == dates[:limit]
    # a page further on continues the same order
    second = store.search(query, kind="event", limit=2, offset=2, sort="oldest", snippets=False)
    assert [h.date for h in second.hits] == dates[2:4]


def test_articles_sort_by_date_over_every_match(store: Store) -> None:
    dates = sorted(h.date for h in _every(store, "China", "article"))
    assert store.search("China", kind="article", limit=1, sort="newest").hits[0].date == dates[-1]
    assert store.search("China", kind="article", limit=1, sort="oldest").hits[0].date == dates[0]


@pytest.mark.parametrize(
    "sort, key",
    [
        ("status", lambda e, d: (STATUS_ORDER.index(e["status"]), d)),
        ("type", lambda e, d: (e["type"], d)),
        ("place", lambda e, d: ((e.get("location") or "\uffff").lower(), d)),
        ("participants", lambda e, d: ([p.lower() for p in e.get("participants") or ()], d)),
    ],
)
def test_grouped_orders_are_of_every_match(store: Store, sort: str, key) -> None:
    hits = _every(store, "", "event")
    wanted = [key(h.event, h.date) for h in sorted(hits, key=lambda h: key(h.event, h.date))]
    page = store.search("", kind="event", limit=5, sort=sort, snippets=False)
    assert [key(h.event, h.date) for h in page.hits] == wanted[:5]
    assert page.total == len(hits)


def test_relevance_stays_the_default_and_an_unknown_order_is_a_mistake(store: Store) -> None:
    assert [h.doc_id for h in store.search("China", kind="event", limit=5).hits] == [
        h.doc_id for h in store.search("China", kind="event", limit=5, sort="relevance").hits
    ]
    with pytest.raises(ValueError, match="unknown sort"):
        store.search("China", sort="colour")

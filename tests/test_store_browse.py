"""The app's start screen is the empty query, newest first: it must work."""

from pathlib import Path

from index.store import Store


def test_the_empty_query_lists_everything_newest_first(seed_index: Path) -> None:
    store = Store(seed_index)
    page = store.search("", kind="event", limit=500, sort="date")
    assert page.total == store.doc_count("event") == len(page.hits) > 0
    dates = [h.date for h in page.hits]
    assert dates == sorted(dates, reverse=True)
    assert all(isinstance(h.score, float) for h in page.hits)

"""App fixes from a review: ``s`` orders every match, not the hits fetched."""

from __future__ import annotations

from pathlib import Path

from index.store import Store
from tui.core import Reader
from tui.widgets.article_list import ArticleList
from tui.widgets.event_table import EventTable

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)


def status_text(app) -> str:
    return str(app.query_one("#status-results").render())


# --- 1: sorting is the search's -------------------------------------------------------------------


async def test_s_orders_every_match_not_only_the_hits_fetched(make_app, settle, tui_index: Path) -> None:
    query = "Xi OR Biden"
    store = Store(tui_index)
    events = sorted(h.date for h in store.search(query, kind="event", limit=1000, snippets=False).hits)
    best = [h.date for h in store.search(query, kind="event", limit=3, snippets=False).hits]
    assert len(events) > 3 and sorted(best, reverse=True) != events[::-1][:3], "the best three are not the newest three"
    app = make_app(initial_query=query, search_limit=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # to the list
        await settle(pilot)
        table = app.query_one(EventTable)
        assert [h.date for h in table.hits] == best
        await pilot.press("j", "j", "s")
        await settle(pilot)
        assert table.sort_name == "newest"
        assert [h.date for h in table.hits] == events[::-1][:3]
        assert table.cursor_row == 0, "the first row of the new order is selected"
        assert "first 3" in status_text(app) and "by newest" in status_text(app)
        await pilot.press("j", "s")
        await settle(pilot)
        assert [h.date for h in table.hits] == events[:3] and table.cursor_row == 0
        # a new query keeps the order
        await pilot.press("slash", *" OR Tai", "enter")
        await settle(pilot)
        every = sorted(h.date for h in store.search(query + " OR Tai", kind="event", limit=1000, snippets=False).hits)
        assert [h.date for h in table.hits] == every[:3]
        await pilot.press("a", "j", "s")
        await settle(pilot)
        article_list = app.query_one(ArticleList)
        assert article_list.sort_name == "newest" and article_list.highlighted == 0
        every = sorted(h.date for h in store.search(query + " OR Tai", kind="article", limit=1000, snippets=False).hits)
        assert [r.hit.date for r in article_list.rows] == every[::-1][: len(article_list.rows)]
        await pilot.press("s")
        await settle(pilot)
        relevance = Reader(Store(tui_index), limit=3).search(query + " OR Tai")
        assert [r.hit.doc_id for r in article_list.rows] == [r.hit.doc_id for r in relevance.articles]

"""App fixes from a review: ``s`` orders every match, a malformed value keeps
the results and says why, entity counts agree with narrowing, ``s``/``f``
after reading narrow and widening, a re-index keeps the reader's place,
``f`` on an event naming no one, ``n`` from the evidence sentence."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from index.store import Store
from tui.core import Reader
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_list import EntityList
from tui.widgets.event_table import EventTable
from tui.widgets.source_view import SourceView

from tui_support import footer_keys, main_screen

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


# --- 2: a malformed value ----------------------------------------------------------------------------


async def test_a_malformed_value_says_why_and_keeps_the_last_results(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        table = app.query_one(EventTable)
        error = app.query_one("#query-error")
        await pilot.press(*"Biden")
        await settle(pilot)
        biden = [h.doc_id for h in table.hits]
        assert biden and screen.results.query == "Biden"
        await pilot.press(*" date:[2023-13-99 to")
        await settle(pilot)
        assert error.display and "2023-13-99" in str(error.render()) and "still showing the results of 'Biden'" in str(error.render())
        assert screen.results.query == "Biden" and [h.doc_id for h in table.hits] == biden
        assert "0 events" not in status_text(app)
        for bad, named in (("type:banana", "meeting, visit, call, talks or summit"), ("status:maybe", "occurred, planned"), ("date:yesterday", "2023-05-25"), ("date:2023-05-", "2023-05-")):
            await pilot.press("ctrl+u", *f"Biden {bad}")
            await settle(pilot)
            assert error.display and named in str(error.render()), bad
            assert [h.doc_id for h in table.hits] == biden, bad
        # the results kept are there to use: enter opens one
        await pilot.press("enter")  # (searches the bar's query again, and goes to the list)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(SourceView).article is not None
        assert app.query_one(SourceView).article.id == table.selected().article


async def test_a_date_range_being_typed_never_empties_the_lists(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        table = app.query_one(EventTable)
        error = app.query_one("#query-error")
        await pilot.press(*"Biden date:")
        await settle(pilot)
        for key in "[2023-05-01 to 2023-06-30]":
            await pilot.press(key)
            await settle(pilot)
            typed = screen.search_bar.value
            assert table.hits, typed
            assert error.display or screen.results.query == typed, typed
        assert not error.display and screen.results.query == "Biden date:[2023-05-01 to 2023-06-30]"


# --- 3: entity counts ------------------------------------------------------------------------------


async def _narrow_on_first(pilot, settle, kind: str) -> tuple[str, int]:
    entities = pilot.app.query_one(EntityList)
    name, n = entities.facets[kind][0]
    index = next(i for i, o in enumerate(entities.options) if o.id == f"{kind}\x1f{name}")
    entities.highlighted = index
    await pilot.press("enter")
    await settle(pilot)
    return name, n


async def test_an_entity_count_is_what_narrowing_on_it_finds(make_app, settle) -> None:
    app = make_app(initial_query="China")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await settle(pilot)
        screen = main_screen(app)
        assert str(screen.tabs.get_tab("entities").label) == "Entities"
        assert "matching articles" in app.query_one(EntityList).get_option_at_index(0).prompt.plain
        for kind in ("place", "person"):
            await pilot.press("p")
            name, n = await _narrow_on_first(pilot, settle, kind)
            assert f'{kind}:"{name}"' in screen.query_text
            assert screen.results.article_total == n, (kind, name)
            screen.run_query("China")  # back, for the next kind
            await settle(pilot)


async def test_a_query_only_events_match_counts_events(make_app, settle) -> None:
    app = make_app(initial_query="type:visit")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.results.article_total == 0
        assert "matching events" in app.query_one(EntityList).get_option_at_index(0).prompt.plain
        name, n = await _narrow_on_first(pilot, settle, "person")
        assert screen.results.event_total == n, name


# --- 4: reading narrow, then wide ----------------------------------------------------------------------


async def test_sort_and_filter_work_after_reading_narrow_then_widening(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("escape", "enter")  # to the list, open: the source full width
        await settle(pilot)
        assert screen.has_class("-reading")
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert not screen.has_class("-reading") and app.query_one(SourceView).display
        keys = footer_keys(app)
        assert "Sort" in keys and "Filter" in keys
        table = app.query_one(EventTable)
        await pilot.press("s")
        await settle(pilot)
        assert table.sort_name == "newest"
        dates = [h.date for h in table.hits]
        assert dates == sorted(dates, reverse=True)
        await pilot.resize_terminal(40, 12)  # narrow again, the source still focused: reading again
        await settle(pilot)
        assert screen.has_class("-reading") and "Sort" not in footer_keys(app)


# --- 5: a re-index keeps the place --------------------------------------------------------------------


async def test_a_finished_reindex_keeps_the_place_in_the_article(make_app, settle, tui_index: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    shutil.copytree(tui_index, ix)  # a private copy: re-indexing must not touch the shared one
    app = make_app(index_dir=ix, initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")  # to the list, open the first event
        await settle(pilot)
        source = app.query_one(SourceView)
        scroller = source.scroller
        shown = source.article.id
        await pilot.pause()
        at_evidence = scroller.scroll_y
        await pilot.press("G")
        await settle(pilot)
        bottom = scroller.scroll_y
        assert bottom == scroller.max_scroll_y > at_evidence
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.pause()
        assert any(n.title == "Index updated" for n in app._notifications)
        assert source.article.id == shown
        assert scroller.scroll_y == bottom, "still where the reader was, not back at the evidence"


# --- 6: f on an event naming no one -----------------------------------------------------------------------


async def test_f_on_an_event_naming_no_one_narrows_on_its_place_or_says_so(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        screen = main_screen(app)
        table = app.query_one(EventTable)
        row = next(n for n, h in enumerate(table.hits) if not h.event["participants"])
        hit = table.hits[row]
        assert hit.event["location"] == "San Francisco" and hit.date.startswith("2023-11-01")
        table.move_cursor(row=row)
        await pilot.press("f")
        await settle(pilot)
        assert screen.query_text == 'place:"San Francisco"'
        assert not any("already names" in n.message for n in app._notifications)
        # and one naming no place either
        screen.run_query("")
        await settle(pilot)
        table.hits[row] = replace(hit, event={**hit.event, "location": None})
        table.move_cursor(row=row)
        await pilot.press("f")
        await settle(pilot)
        assert screen.query_text == ""
        messages = [n.message for n in app._notifications]
        assert any("names no one" in m for m in messages) and not any("already names" in m for m in messages)


# --- 7: n from the evidence --------------------------------------------------------------------------------


async def test_n_goes_to_the_next_match_after_the_evidence_shown(make_app, settle, tui_index: Path) -> None:
    query = "Xi OR Biden"
    reader = Reader(Store(tui_index))
    # an event whose sentence has matches of the query before it and after it
    chosen = None
    for n, hit in enumerate(reader.search(query).events):
        article = reader.article(hit.article)
        matches = reader.matches(query, article)
        start = hit.event["span"][0]
        if any(m.start < start for m in matches) and any(m.start >= start for m in matches):
            chosen = (n, hit, [m.start for m in matches], start)
            break
    assert chosen is not None
    row, hit, starts, sentence = chosen
    after = next(i for i, s in enumerate(starts) if s >= sentence)
    app = make_app(initial_query=query)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        table = app.query_one(EventTable)
        source = app.query_one(SourceView)
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        assert source.event["id"] == hit.event["id"] and source.current is None
        await pilot.press("n")
        await settle(pilot)
        assert source.current == after > 0, "the first match from the evidence on, not the article's first"
        await pilot.press("escape", "enter")  # open it again: N goes to the last match before the evidence
        await settle(pilot)
        assert source.current is None
        await pilot.press("N")
        await settle(pilot)
        assert source.current == after - 1

"""A search in two parts: the hits and exact counts are painted first; the
entity counts, source names (and the article hits, when their tab is not in
view) follow, and the source pane previews only once the first part is on
screen.  Every wait is on a worker or an event, never a sleep."""

from __future__ import annotations

import threading
from pathlib import Path

from index.store import Store
from tui.core import Reader
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_list import EntityList
from tui.widgets.event_table import EventTable
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_view import SourceView

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

QUERY = "Raimondo"


def test_first_part_has_exact_totals_and_complete_adds_the_rest(tui_index: Path) -> None:
    store = Store(tui_index)
    reader = Reader(Store(tui_index))
    first = reader.first(QUERY, articles=False)
    assert not first.complete and not first.articles_listed
    assert first.event_total == store.count(QUERY, "event")
    assert first.article_total == store.count(QUERY, "article")
    assert [h.doc_id for h in first.events] == [h.doc_id for h in store.search(QUERY, kind="event", limit=200, snippets=False).hits]
    assert first.articles == () and not first.facets
    done = reader.complete(first)
    whole = Reader(Store(tui_index)).search(QUERY)
    assert done.complete and done.articles_listed
    assert done.event_total == whole.event_total and done.article_total == whole.article_total
    assert [r.hit.doc_id for r in done.articles] == [r.hit.doc_id for r in whole.articles]
    assert [r.publisher for r in done.articles] == [r.publisher for r in whole.articles]
    assert [r.snippets for r in done.articles] == [r.snippets for r in whole.articles]
    assert dict(done.facets) == dict(whole.facets) and any(done.facets.values())
    listed = reader.first(QUERY, articles=True)
    assert listed.articles_listed and [r.hit.doc_id for r in listed.articles] == [r.hit.doc_id for r in whole.articles]
    assert reader.complete(listed).facets == done.facets


def _hold_complete(app) -> tuple[threading.Event, threading.Event]:
    """Make the reader's second part wait for ``release``; ``entered`` is set when it starts."""
    entered, release = threading.Event(), threading.Event()
    complete = app.reader.complete

    def held(results):
        if results.query == QUERY:
            entered.set()
            assert release.wait(10)
        return complete(results)

    app.reader.complete = held
    return entered, release


async def _until(pilot, event: threading.Event, rounds: int = 200) -> None:
    """Let the app paint and handle messages until ``event`` is set."""
    for _ in range(rounds):
        if event.is_set():
            return
        await pilot.pause()
    raise AssertionError("the second part of the search never started")


async def test_counts_and_events_are_shown_before_entities_and_sources_arrive(make_app, settle, tui_index: Path) -> None:
    store = Store(tui_index)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        entered, release = _hold_complete(app)
        await pilot.press("ctrl+a", "ctrl+k", *QUERY, "enter")
        await _until(pilot, entered)  # the rest starts only once the first part is painted
        results = screen.results
        assert results is not None and results.query == QUERY and not results.complete
        status = str(app.query_one("#status-results").render())
        assert f"{store.count(QUERY, 'event')} events · {store.count(QUERY, 'article')} articles" in status
        assert [h.doc_id for h in app.query_one(EventTable).hits] == [h.doc_id for h in results.events]
        assert str(screen.tabs.get_tab("entities").label) == "Entities …"
        assert str(screen.tabs.get_tab("articles").label) == f"Articles {store.count(QUERY, 'article')}"
        # the articles tab was not in view: its hits come with the rest
        assert not results.articles_listed
        release.set()
        await settle(pilot)
        results = screen.results
        assert results.complete and results.query == QUERY
        assert str(screen.tabs.get_tab("entities").label) == "Entities"  # no number: 30 a kind is only the list's cap
        assert app.query_one(EntityList).count() > 0
        assert [r.hit.doc_id for r in app.query_one(ArticleList).rows] == [r.hit.doc_id for r in Reader(Store(tui_index)).search(QUERY).articles]
        assert any(r.publisher for r in app.query_one(ArticleList).rows)
        assert f"{store.count(QUERY, 'event')} events" in str(app.query_one("#status-results").render())
        assert app.query_one(SourceView).article is not None, "the preview follows once the results are painted"
        assert app.query_one(SourceView).article.id == app.query_one(EventTable).selected().article


async def test_articles_in_view_are_listed_with_the_first_part_and_open_at_once(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("escape", "a")  # to the list, then the Articles tab
        assert screen.active_tab == "articles"
        entered, release = _hold_complete(app)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *QUERY, "enter")
        await _until(pilot, entered)
        results = screen.results
        assert not results.complete and results.articles_listed and results.articles
        rows = app.query_one(ArticleList).rows
        assert [r.hit.doc_id for r in rows] == [r.hit.doc_id for r in results.articles]
        await pilot.press("enter")  # the list already shows this query: opens now
        assert screen.reading is not None and screen.reading.article_id == rows[0].hit.article
        release.set()
        await settle(pilot)
        assert screen.results.complete
        assert app.query_one(SourceView).article.id == rows[0].hit.article


async def test_enter_on_entities_waits_for_their_counts(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("escape", "p")
        assert screen.active_tab == "entities"
        entered, release = _hold_complete(app)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *QUERY, "enter")
        await _until(pilot, entered)
        assert app.query_one(EntityList).count() == 0, "no counts of the old query under the new one"
        assert screen.results_behind
        await pilot.press("enter")  # narrow on the first entity, once there are entities
        assert screen.query_text == QUERY
        release.set()
        await settle(pilot)
        assert screen.query_text != QUERY and screen.query_text.startswith(QUERY), "narrowed on the first entity"
        assert isinstance(app.focused, (EntityList, EventTable, ArticleList, SearchBar))


async def test_enter_holds_painting_only_until_the_results_or_an_error(make_app, settle) -> None:
    """``enter`` paints the focus move with the results; it never leaves painting held."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        entered, release = _hold_complete(app)
        await pilot.press("ctrl+a", "ctrl+k", *QUERY, "enter")
        await _until(pilot, entered)  # the first part was painted, so painting goes on
        assert screen._paint_hold is None
        assert isinstance(app.focused, EventTable)
        release.set()
        await settle(pilot)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"foo:bar", "enter")
        await settle(pilot)
        assert app.query_one("#query-error").display
        assert screen._paint_hold is None, "a failed search paints its message"
        assert screen.results.query == QUERY


async def test_events_table_draws_exactly_what_datatable_draws(make_app, settle) -> None:
    """``EventTable`` draws cells and looks styles up its own faster way (it
    relies on ``DataTable`` internals): the lines must be the very segments
    ``DataTable`` itself draws, focused or not, on the cursor row or not."""
    from textual.geometry import Region
    from textual.widgets import DataTable

    overrides = ["_render_cell", "render_lines", "rich_style", "background_colors", "get_component_styles"]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.query_one(EventTable)
        assert table.row_count > 3
        for focus in (False, True):
            if focus:
                table.focus()
                await pilot.pause()
            for row in (0, 2):
                table.move_cursor(row=row)
                await pilot.pause()
                region = Region(0, 0, table.size.width, table.size.height)
                table._clear_caches()
                ours = [list(strip) for strip in table.render_lines(region)]
                table._clear_caches()
                saved = {name: EventTable.__dict__[name] for name in overrides}
                try:
                    for name in overrides:
                        delattr(EventTable, name)
                    assert EventTable._render_cell is DataTable._render_cell
                    theirs = [list(strip) for strip in table.render_lines(region)]
                finally:
                    for name, value in saved.items():
                        setattr(EventTable, name, value)
                    table._clear_caches()
                assert ours == theirs, (focus, row)

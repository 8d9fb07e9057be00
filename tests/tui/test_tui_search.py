"""Searching: as you type, in a worker, the CLI's syntax, errors inline, history."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from index.store import Store
from tui.screens.main import MainScreen
from tui.widgets.event_table import EventTable
from tui.widgets.search_bar import SearchBar

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

SIZES = [(80, 24), (120, 40)]


def main_screen(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)


async def new_query(pilot, text: str) -> None:
    """Go to the search bar (``/``), empty it, type ``text`` and press enter."""
    if not isinstance(pilot.app.focused, SearchBar):
        await pilot.press("slash")
    await pilot.press("ctrl+a", "ctrl+k", *text, "enter")


@pytest.mark.parametrize("size", SIZES)
async def test_start_lists_every_event(make_app, settle, tui_index: Path, size) -> None:
    store = Store(tui_index)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert isinstance(app.focused, SearchBar), "typing starts a search at once"
        table = app.query_one(EventTable)
        assert table.row_count == min(store.count("", "event"), 200)
        assert screen.results is not None
        assert screen.results.event_total == store.count("", "event")
        assert screen.results.article_total == store.count("", "article")
        assert str(screen.tabs.get_tab("events").label) == f"Events {store.count('', 'event')}"
        dates = [h.date for h in table.hits]
        assert dates == sorted(dates, reverse=True), "an empty query lists the newest first"


@pytest.mark.parametrize("size", SIZES)
async def test_search_as_you_type_is_debounced(make_app, settle, tui_index: Path, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        calls: list[str] = []
        first = app.reader.first  # a search's first part: one per search
        app.reader.first = lambda q, **kw: (calls.append(q), first(q, **kw))[1]  # type: ignore[method-assign]
        await type_query(pilot, "Raimondo")
        screen = main_screen(app)
        assert screen.search_pending, "the search waits for the keys to pause"
        assert calls == []
        await settle(pilot)
        assert calls == ["Raimondo"], "one search for the whole word, not one per key"
        assert screen.results.event_total == Store(tui_index).count("Raimondo", "event")
        assert [h.doc_id for h in app.query_one(EventTable).hits] == [
            h.doc_id for h in Store(tui_index).search("Raimondo", kind="event", limit=200, snippets=False).hits
        ]


async def test_search_runs_in_a_thread_and_the_ui_stays_responsive(make_app, settle) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        release = threading.Event()
        started = threading.Event()
        first = app.reader.first

        def slow(query: str, **kw):
            started.set()
            release.wait(10)
            return first(query, **kw)

        app.reader.first = slow  # type: ignore[method-assign]
        await type_query(pilot, "Tai")
        await pilot.press("enter")  # search now, move to the list
        assert started.wait(5)
        # The search is still running, yet keys are handled at once.
        await pilot.press("p")
        assert main_screen(app).active_tab == "entities"
        await pilot.press("e")
        assert main_screen(app).active_tab == "events"
        assert main_screen(app).results.query == "", "the old results stay until the new ones arrive"
        release.set()
        await settle(pilot)
        assert main_screen(app).results.query == "Tai"


QUERIES = [
    'person:"Gina Raimondo"',
    "who:Raimondo",
    '"trade talks"',
    "Raim*",
    "type:meeting status:planned",
    "date:[2023-05-01 to 2023-05-31]",
    "place:Detroit OR place:Beijing",
]


async def test_query_syntax_is_the_cli_syntax(make_app, settle, tui_index: Path) -> None:
    store = Store(tui_index)
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for query in QUERIES:
            screen.run_query(query)
            await settle(pilot)
            assert screen.results.query == query
            assert screen.results.event_total == store.count(query, "event"), query
            assert screen.results.article_total == store.count(query, "article"), query
            assert not app.query_one("#query-error").display


async def test_malformed_query_shows_inline_and_keeps_results(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test() as pilot:
        await settle(pilot)
        rows = [h.doc_id for h in app.query_one(EventTable).hits]
        assert rows
        error = app.query_one("#query-error", Static)
        for bad in ("foo:bar", "(", "who:Tai x:y"):
            await pilot.press("ctrl+a", "ctrl+k", *bad)  # home, delete to the end, type
            await settle(pilot)
            assert error.display, bad
            text = str(error.render())
            assert "⚠" in text and "'Raimondo'" in text, "says what is wrong and which results are still shown"
            assert [h.doc_id for h in app.query_one(EventTable).hits] == rows
            assert main_screen(app).results.query == "Raimondo"
        await pilot.press("ctrl+a", "ctrl+k", *"Tai")
        await settle(pilot)
        assert not error.display, "a good query clears the message"


async def test_history_walks_up_and_down_and_survives_a_restart(make_app, settle, tui_state_dir: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        for query in ("Wang", "Tai"):
            await new_query(pilot, query)
            await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0
    assert json.loads((tui_state_dir / "history.json").read_text())["queries"] == ["Wang", "Tai"]

    again = make_app()
    async with again.run_test() as pilot:
        await settle(pilot)
        bar = again.query_one(SearchBar)
        await type_query(pilot, "Xi")
        await pilot.press("up")
        assert bar.value == "Tai"
        await pilot.press("up")
        assert bar.value == "Wang"
        await pilot.press("up")
        assert bar.value == "Wang", "the oldest entry stays"
        await pilot.press("down")
        assert bar.value == "Tai"
        await pilot.press("down")
        assert bar.value == "Xi", "back to what was being typed"
        await settle(pilot)
        assert main_screen(again).results.query == "Xi"


async def test_an_unwritable_state_folder_does_not_stop_the_app(make_app, settle, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = make_app(state_dir=blocker / "state")
    async with app.run_test() as pilot:
        await type_query(pilot, "Tai")
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        assert main_screen(app).results.query == "Tai"

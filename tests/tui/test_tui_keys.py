"""Keys that arrive together -- a held key, fast typing, a slow SSH link --
are applied in order and none is lost; the evidence is on screen.

``pilot.press`` waits for the app to be idle after every key, which hides
these bugs; ``burst`` posts the keys the way a terminal delivers one read.
"""

from __future__ import annotations

import pytest
from textual import events

from tui.screens.help import HelpScreen
from tui.styles import wrapped_line
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_view import SourceView

from tui_support import main_screen

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

SIZES = [(80, 24), (120, 40)]


def burst(app, *keys: str) -> None:
    """Post ``keys`` to the app at once, without waiting between them."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize("size", SIZES)
async def test_editing_keys_typed_together_apply_in_order(make_app, settle, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        bar = app.query_one(SearchBar)
        assert app.focused is bar
        burst(app, *"Raimo", "backspace", *"ondo")
        await settle(pilot)
        assert bar.value == "Raimondo", "backspace removed the letter before it, not a later one"
        burst(app, "ctrl+u", *"Tai")
        await settle(pilot)
        assert bar.value == "Tai", "ctrl+u cleared what was typed before it only"
        assert main_screen(app).results.query == "Tai"
        burst(app, "left", "left", "left", *"K. ")
        await settle(pilot)
        assert bar.value == "K. Tai"


@pytest.mark.parametrize("size", SIZES)
async def test_held_scroll_keys_move_one_line_each_in_help(make_app, settle, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape", "question_mark")  # to the list (? is typed in the search bar), then help
        assert isinstance(app.screen, HelpScreen)
        scroller = app.screen.query_one("#help")
        assert scroller.max_scroll_y >= 8, "the help is longer than the screen"
        burst(app, *["j"] * 5, "down", "down")
        await settle(pilot)
        assert scroller.scroll_y == 7
        burst(app, "k", "up")
        await settle(pilot)
        assert scroller.scroll_y == 5
        burst(app, "G")
        await settle(pilot)
        assert scroller.scroll_y == scroller.max_scroll_y
        burst(app, "g", "space")
        await settle(pilot)
        assert scroller.scroll_y == min(scroller.max_scroll_y, scroller.scrollable_content_region.height)


@pytest.mark.parametrize("size", SIZES)
async def test_source_scrolls_every_key_and_shows_the_evidence(make_app, settle, size) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")  # to the list, open the first event
        await settle(pilot)
        await pilot.pause()  # the scroll to the evidence runs after the refresh
        source = app.query_one(SourceView)
        assert app.focused is source
        scroller = source.scroller
        body = source.query_one("#source-body")
        # the event's sentence -- the one ``y`` quotes -- is on screen, and it is marked
        start, end = source.event["span"]
        first, last = (wrapped_line(source._flowed.text, source._flowed.positions[at], body.size.width) for at in (start, end - 1))
        height = scroller.scrollable_content_region.height
        assert scroller.scroll_y <= first and last < scroller.scroll_y + height, (first, last, scroller.scroll_y, height)
        a, b = source._flowed.positions[start], source._flowed.positions[end - 1] + 1
        assert any(span.start <= a and b <= span.end for span in source.body_text.spans if span.style == app.palette.evidence)
        burst(app, "g")
        await settle(pilot)
        assert scroller.scroll_y == 0
        burst(app, *["j"] * 6)
        await settle(pilot)
        assert scroller.scroll_y == min(6, scroller.max_scroll_y)
        burst(app, "k", "k")
        await settle(pilot)
        assert scroller.scroll_y == min(6, scroller.max_scroll_y) - 2
        burst(app, "G")
        await settle(pilot)
        assert scroller.scroll_y == scroller.max_scroll_y > 0


@pytest.mark.parametrize("size", SIZES)
async def test_keys_typed_ahead_of_a_focus_change_go_where_the_focus_went(make_app, settle, size) -> None:
    """``Raimondo⏎⏎``, ``/Tai``, ``esc e`` arriving in one read act as if typed slowly."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        bar = app.query_one(SearchBar)
        burst(app, *"Raimondo", "enter", "enter")  # search, go to the list, open the first event
        await settle(pilot)
        assert bar.value == "Raimondo" and screen.results.query == "Raimondo"
        source = app.query_one(SourceView)
        assert app.focused is source and source.event is not None, "the second enter opened the event"
        first = screen.results.events[0].event
        assert source.event["id"] == first["id"]
        burst(app, "escape", "slash", *"Tai")  # back to the list, to the search bar, type
        await settle(pilot)
        assert bar.value == "RaimondoTai", "typed into the bar, not taken as keys of the list (a: Articles tab)"
        assert screen.active_tab == "events" and app.focused is bar
        burst(app, "ctrl+u", *"Tai", "escape", "a")  # a new query, to the list, Articles tab
        await settle(pilot)
        assert bar.value == "Tai" and screen.active_tab == "articles"
        burst(app, "escape", "q")  # to the search bar, then q is typed
        await settle(pilot)
        assert bar.value == "Taiq" and app.is_running
        burst(app, "ctrl+u")
        burst(app, "escape", "e", "slash", *"Blinken", "enter", "enter")  # from the list: search, open
        await settle(pilot)
        assert bar.value == "Blinken" and screen.results.query == "Blinken"
        assert app.focused is source and source.event["id"] == screen.results.events[0].event["id"]
        burst(app, "escape", "q")  # to the list, then q quits
        await settle(pilot)
    assert app.return_code == 0


@pytest.mark.parametrize("size", SIZES)
async def test_slash_in_the_empty_search_bar_is_the_search_key_not_a_character(make_app, settle, size) -> None:
    """At start the bar has the focus: ``/`` then a query must search the query, not ``/query``."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        bar = app.query_one(SearchBar)
        assert app.focused is bar and bar.value == ""
        app.post_message(events.Key("slash", "/"))
        burst(app, *"Raimondo")
        await settle(pilot)
        assert bar.value == "Raimondo"
        assert main_screen(app).results.query == "Raimondo"
        app.post_message(events.Key("slash", "/"))  # in a query, a slash is a character like any other
        await settle(pilot)
        assert bar.value == "Raimondo/"

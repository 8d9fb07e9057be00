"""The footer on help, saved searches and the palette shows their own keys.

With one of them open the main screen's footer stayed in view, offering
``⏎ Open  y Copy  s Sort  q Quit …``, none of which did anything there.
"""

from __future__ import annotations

from textual.command import CommandPalette

from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.saved import SavedScreen
from tui.widgets.key_bar import KeyBar

from tui_support import screen_text

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

MAIN_ONLY = ("Open", "Search", "Copy", "Filter", "Sort", "Help", "Quit", "Tabs", "Palette")


def bottom_line(app) -> str:
    return screen_text(app).splitlines()[-1].strip()


def assert_footer(app, *words: str) -> str:
    """The screen's last line is the top screen's own key bar, offering ``words`` and no key of the main screen's."""
    line = bottom_line(app)
    assert line == app.screen.query_one(KeyBar).render().plain.strip(), "the key bar drawn is the top screen's"
    for word in words:
        assert word in line, (word, line)
    for word in MAIN_ONLY:
        assert word not in line, (word, line)
    return line


async def test_help_offers_its_own_keys(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert assert_footer(app, "esc Close", "↑↓ Scroll", "pgup pgdn Page", "g G Top/end").startswith("esc Close")
        scroller = app.screen.query_one("#help")
        await pilot.press("G")
        assert scroller.scroll_y == scroller.max_scroll_y > 0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Quit" in bottom_line(app), "back on the main screen, its keys again"


async def test_saved_searches_offer_run_delete_close(make_app, settle) -> None:
    app = make_app(initial_query="Tai")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.history.save("Tai")
        app.history.save("Raimondo")
        await pilot.press("escape", "ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, SavedScreen)
        assert assert_footer(app, "⏎ Run", "d Delete", "esc Close") == "⏎ Run  d Delete  esc Close"
        await pilot.press("d")  # what the footer says: d deletes
        assert [s.query for s in app.history.saved] == ["Raimondo"]
        await pilot.press("enter")  # ⏎ runs
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.results.query == "Raimondo"
        await pilot.press("ctrl+o", "escape")  # esc closes
        assert isinstance(app.screen, MainScreen)


async def test_the_palette_offers_its_own_keys(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert assert_footer(app, "⏎ Run", "↑↓ Choose", "esc Close") == "⏎ Run  ↑↓ Choose  esc Close"
        await pilot.press(*"sort")
        await settle(pilot)
        assert assert_footer(app, "⏎ Run", "esc Close"), "typing does not change the keys"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)

"""Browsing from the keyboard: move, open, read, go back, tabs, sort, filter, copy."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from index.store import Store
from tui.core import counted
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.saved import SavedScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_list import EntityList
from tui.widgets.event_table import EventTable
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_view import SourceView

from tui_support import footer_keys, main_screen, screen_text

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)


def styled(text, style) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in text.spans if span.style == style]


async def to_list(pilot) -> None:
    """From the search bar to the results (enter searches now, then moves)."""
    await pilot.press("enter")


async def test_keys_move_open_read_and_go_back_at_80x24(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.has_class("-narrow")
        assert not app.query_one(SourceView).display, "at 80 columns the list has the whole width"
        await to_list(pilot)
        await settle(pilot)
        table = app.query_one(EventTable)
        assert app.focused is table
        await pilot.press("j", "j", "k", "down", "down", "up")
        assert table.cursor_row == 2
        hit = table.selected()
        await pilot.press("enter")
        await settle(pilot)
        source = app.query_one(SourceView)
        assert screen.has_class("-reading") and app.focused is source
        assert source.display and not app.query_one("#lists").display, "the source opens over the list"
        assert source.article.id == hit.article and source.event["id"] == hit.event["id"]
        # the event's evidence is marked ...
        evidence = [tuple(e["span"]) for e in hit.event["evidence"]]
        marked = styled(source.body_text, app.palette.evidence)
        assert len(marked) == len(evidence)
        for (start, end), (a, b) in zip(sorted(evidence), sorted(marked)):
            assert source.body_text.plain[a:b] == source.article.text[start:end].replace("\n", "\n\n")
        # ... and scrolled into view
        first = min(s for s, _ in evidence)
        assert first == 0 or source.scroller.scroll_y > 0 or source.scroller.max_scroll_y == 0
        await pilot.press("escape")
        assert not screen.has_class("-reading") and app.focused is table
        assert table.cursor_row == 2, "back where we were"
        await pilot.press("escape")
        assert isinstance(app.focused, SearchBar)


async def test_wide_layout_previews_and_tab_moves_between_panes(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        source = app.query_one(SourceView)
        table = app.query_one(EventTable)
        assert screen.has_class("-wide") and source.display and table.display
        assert source.article is not None and source.article.id == table.selected().article, "the source follows the cursor"
        await pilot.press("tab")
        assert app.focused is table
        await pilot.press("j")
        await settle(pilot)
        assert source.article.id == table.selected().article
        await pilot.press("tab")
        assert app.focused is source
        await pilot.press("tab")
        assert isinstance(app.focused, SearchBar)
        await pilot.press("shift+tab")
        assert app.focused is source
        await pilot.press("shift+tab", "enter")
        await settle(pilot)
        assert app.focused is source and source.event["id"] == table.selected().event["id"]
        assert not screen.has_class("-reading"), "side by side, nothing is covered"
        await pilot.press("escape")
        assert app.focused is table


async def test_e_a_p_switch_tabs_and_each_list_opens(make_app, settle, tui_index: Path) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await to_list(pilot)
        for key, tab, widget in (("a", "articles", ArticleList), ("p", "entities", EntityList), ("e", "events", EventTable)):
            await pilot.press(key)
            assert screen.active_tab == tab and isinstance(app.focused, widget)
        await pilot.press("a", "enter")
        await settle(pilot)
        source = app.query_one(SourceView)
        row = app.query_one(ArticleList).selected()
        assert source.article.id == row.hit.article and source.event is None
        assert source.matches and source.current == 0, "an article opens at the first match"
        assert styled(source.body_text, app.palette.current_match)


async def test_articles_show_title_date_source_and_highlighted_snippet(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        prompt = articles.get_option_at_index(0).prompt
        title, meta, snippet = prompt.plain.split("\n", 2)
        row = articles.rows[0]
        assert title == row.hit.title
        assert row.hit.date[:10] in meta and row.hit.article in meta
        matched = [prompt.plain[s.start : s.end] for s in prompt.spans if s.style == app.palette.match]
        assert matched and all(m.lower().startswith("raimondo") for m in matched)


async def test_s_sorts_the_current_list(make_app, settle) -> None:
    """(The order is the search's: the rows come once it has run, hence the settles.)"""
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await to_list(pilot)
        table = app.query_one(EventTable)
        relevance = [h.doc_id for h in table.hits]
        await pilot.press("s")
        await settle(pilot)
        assert table.sort_name == "newest"
        dates = [h.date for h in table.hits]
        assert dates == sorted(dates, reverse=True)
        assert "by newest" in str(app.query_one("#status-results").render())
        await pilot.press("s")
        await settle(pilot)
        assert [h.date for h in table.hits] == sorted(dates)
        await pilot.press("s")
        await settle(pilot)
        assert table.sort_name == "status"
        order = ["occurred", "planned", "proposed", "postponed", "cancelled"]
        statuses = [order.index(h.event["status"]) for h in table.hits]
        assert statuses == sorted(statuses)
        for _ in range(4):
            await pilot.press("s")
            await settle(pilot)
        assert table.sort_name == "relevance" and [h.doc_id for h in table.hits] == relevance
        await pilot.press("a", "s")
        await settle(pilot)
        assert app.query_one(ArticleList).sort_name == "newest"
        await pilot.press("p", "s")
        entities = app.query_one(EntityList)
        assert entities.sort_name == "name"


async def test_f_narrows_to_entities_until_only_their_meetings_remain(make_app, settle, tui_index: Path) -> None:
    store = Store(tui_index)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await to_list(pilot)
        await pilot.press("p")
        entities = app.query_one(EntityList)
        for name in ("Gina Raimondo", "Wang Wentao"):
            entities.highlighted = entities.get_option_index(f"person\x1f{name}")
            await pilot.press("f")
            await settle(pilot)
        query = 'person:"Gina Raimondo" person:"Wang Wentao"'
        assert screen.query_text == query
        assert app.query_one(SearchBar).value == query
        assert screen.results.event_total == store.count(query, "event")
        await pilot.press("e")
        table = app.query_one(EventTable)
        assert table.hits
        for hit in table.hits:
            assert {"Gina Raimondo", "Wang Wentao"} <= set(hit.event["participants"])


async def test_f_on_an_event_finds_every_meeting_of_its_participants(make_app, settle, tui_index: Path) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await to_list(pilot)
        table = app.query_one(EventTable)
        event = table.selected().event
        await pilot.press("f")
        await settle(pilot)
        for person in event["participants"]:
            assert f'person:"{person}"' in main_screen(app).query_text
        assert all(set(event["participants"]) <= set(h.event["participants"]) for h in table.hits)


async def test_y_copies_the_event_as_a_citation(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await to_list(pilot)
        hit = app.query_one(EventTable).selected()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        copied = app.clipboard
        e = hit.event
        for part in (*e["participants"], e["type"], e["status"], e["article"], " ".join(e["sentence"].split())):
            assert part in copied
        assert (e["location"] or "place not stated") in copied
        assert (e["date"] or {}).get("start", "date not stated") in copied
        # from the list too, without opening
        await pilot.press("escape", "j", "y")
        await settle(pilot)
        assert app.query_one(EventTable).selected().event["sentence"].split()[0] in app.clipboard


async def test_n_and_N_jump_between_matches(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await to_list(pilot)
        await pilot.press("a", "enter")
        await settle(pilot)
        source = app.query_one(SourceView)
        count = len(source.matches)
        assert count >= 2
        positions = []
        for key in ("n",) * (count - 1):
            await pilot.press(key)
            await settle(pilot)
            positions.append(source.scroller.scroll_y)
        assert source.current == count - 1
        assert positions[-1] >= positions[0] and source.scroller.scroll_y > 0
        await pilot.press("n")
        assert source.current == 0, "n wraps around"
        await pilot.press("N")
        assert source.current == count - 1, "N goes back (and wraps)"
        assert f"match {count}/{count}" in str(app.query_one("#source-header").render())


async def test_help_lists_keys_and_syntax(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for needle in ("Query syntax", 'person:"Gina Raimondo"', "date:[2023-05-01 to 2023-05-31]", "ctrl+s", "n / N"):
            assert needle in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await to_list(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen), "q closes help, it does not quit"


async def test_q_quits_with_status_0_but_is_typed_in_the_search_bar(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert app.query_one(SearchBar).value == "q"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_footer_offers_the_keys_that_apply_now(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        typing = footer_keys(app)
        assert "History" in typing and "Copy" not in typing and "Quit" not in typing
        await to_list(pilot)
        listing = footer_keys(app)
        for word in ("Open", "Search", "Copy", "Filter", "Sort", "Help", "Quit"):
            assert word in listing
        assert "Match" not in listing
        await pilot.press("a", "enter")
        await settle(pilot)
        reading = footer_keys(app)
        assert "Match" in reading and "Back" in reading and "Sort" not in reading


async def test_command_palette_runs_every_action(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await to_list(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"sort", "enter")
        await settle(pilot)
        assert app.query_one(EventTable).sort_name == "newest"
        await pilot.press("ctrl+p", *"entit", "enter")
        await settle(pilot)
        assert main_screen(app).active_tab == "entities"


async def test_saved_searches_with_live_counts(make_app, settle, tui_index: Path, tui_state_dir: Path) -> None:
    store = Store(tui_index)
    app = make_app(initial_query="Tai")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        main_screen(app).run_query("Raimondo")
        await pilot.press("ctrl+s", "ctrl+s")  # the second time: already saved
        assert [s.query for s in app.history.saved] == ["Tai", "Raimondo"]
        assert (tui_state_dir / "saved.json").exists()
        main_screen(app).run_query("")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, SavedScreen)
        listing = app.screen.query_one("#saved-list")
        for n, query in enumerate(["Tai", "Raimondo"]):
            label = listing.get_option_at_index(n).prompt.plain
            assert f"{counted(store.count(query, 'event'), 'event')} · {counted(store.count(query, 'article'), 'article')}" in label
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and main_screen(app).results.query == "Raimondo"
        await pilot.press("ctrl+o", "d", "escape")
        assert [s.query for s in app.history.saved] == ["Raimondo"]
        assert [s.query for s in type(app.history)(tui_state_dir).saved] == ["Raimondo"]


async def test_resizing_down_to_40x12_and_up_to_200x60(make_app, settle) -> None:
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await to_list(pilot)
        screen = main_screen(app)
        for state, sizes in (("list", ((40, 12), (200, 60), (80, 24))), ("reading", ((40, 12), (120, 40), (80, 24))), ("help", ((40, 12),))):
            if state == "reading":
                await pilot.press("enter")
            elif state == "help":
                await pilot.press("question_mark")
            await settle(pilot)
            for size in sizes:
                await pilot.resize_terminal(*size)
                await settle(pilot)
                assert app.size == size
                assert screen.has_class("-narrow" if size[0] <= 80 else "-wide")
                assert screen_text(app).count("\n") == size[1] - 1  # draws, at the new size
            if state == "reading":
                assert app.query_one(SourceView).display and screen.has_class("-reading")


async def test_events_table_has_every_column_at_80x24_and_120x40(make_app, settle) -> None:
    """Date, type, participants, place, status: at 120 columns the list shares the
    width with the source pane and used to drop the type column."""
    for size in ((80, 24), (120, 40)):
        app = make_app(initial_query="Raimondo")
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = app.query_one(EventTable)
            assert [str(c.key.value) for c in table.columns.values()] == ["date", "type", "participants", "place", "status"], size
            header = screen_text(app).splitlines()[3]
            for label in ("date", "type", "participants", "place", "status"):
                assert label in header, (size, header)


async def test_palette_offers_every_action_and_runs_saved_searches(make_app, settle, tui_index: Path) -> None:
    from tui.commands import ACTIONS, ReadoutCommands

    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.history.save("person:Blinken")
        screen = main_screen(app)
        titles = [title for title, _help, _callback in ReadoutCommands(screen)._commands()]
        for title, _help, action in ACTIONS:
            assert title in titles
            name = action.split("(")[0].removeprefix("app.")
            owner = app if action.startswith("app.") else screen
            assert callable(getattr(owner, f"action_{name}", None)), action
        assert "Saved: person:Blinken" in titles and "Recent: Raimondo" not in titles  # history is empty: nothing was submitted
        await pilot.press("ctrl+p", *"Saved: person", "enter")
        await settle(pilot)
        assert screen.results.query == "person:Blinken"
        assert screen.results.event_total == Store(tui_index).count("person:Blinken", "event")
        assert app.focused is app.query_one(EventTable), "to the results, like ctrl+o"


async def test_ctrl_q_quits_even_while_typing(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"Raim")
        assert isinstance(app.focused, SearchBar)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_palette_actions_work_from_the_search_bar(make_app, settle) -> None:
    """The palette is opened from anywhere: with the search bar focused, its
    actions (help, sort, copy, a tab…) ran nothing."""
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert isinstance(app.focused, SearchBar)
        await pilot.press("ctrl+p", *"Help", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"Sort", "enter")
        await settle(pilot)
        assert app.query_one(EventTable).sort_name == "newest"
        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("ctrl+p", *"Copy citation", "enter")
        await settle(pilot)
        assert copied and app.query_one(EventTable).selected().event["article"] in copied[0]
        await pilot.press("ctrl+p", *"Articles tab", "enter")
        await settle(pilot)
        assert screen.active_tab == "articles" and isinstance(app.focused, ArticleList)


async def test_footer_shows_every_key_at_80_columns(make_app, settle) -> None:
    for size, gap in (((80, 24), " "), ((120, 40), "  ")):
        app = make_app(initial_query="Raimondo")
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await to_list(pilot)
            await settle(pilot)
            await pilot.pause()
            keys = footer_keys(app)
            assert keys.endswith("^p Palette") and "…" not in keys, (size, keys)
            assert f"Open{gap}/ Search" in keys, (size, keys)
            assert screen_text(app).splitlines()[-1].strip() == keys, "and all of it is on screen"

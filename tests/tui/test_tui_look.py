"""How the app looks: themes from config.yaml, NO_COLOR, and inert article text."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from index.config import Config
from index.indexer import Indexer
from index.store import Store
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.event_table import EventTable
from tui.widgets.source_view import SourceView

from tui_support import screen_text

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

HOSTILE_TITLE = "[bold]Summit[/bold] talk [link=http://evil]here[/link]"
HOSTILE_BODY = (
    "BEIJING — [red]Foreign Minister Wang Yi[/red] met Secretary of State Marco Rubio in Beijing on Monday, "
    "officials said. \x1b[2J\x1b]52;c;ZXZpbA==\x07The talks [blink]went well[/blink].\n\n"
    "Text like [/] and [bold red on blue] must stay as typed.\n"
)


async def test_theme_comes_from_config(make_app, settle) -> None:
    app = make_app(config=Config(theme="nord", debounce_ms=60_000))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        table = app.query_one(EventTable)
        nord = app.palette
        assert table.palette is nord
        assert nord.status("occurred") != nord.status("planned")
        app.theme = "textual-light"
        await settle(pilot)
        assert app.palette != nord
        assert table.palette is app.palette, "the lists are redrawn in the new theme's colours"


async def test_an_unknown_theme_falls_back_with_a_warning(make_app, settle) -> None:
    app = make_app(config=Config(theme="no-such-theme", debounce_ms=60_000))
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_no_color_is_respected(make_app, settle, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.no_color
        from textual.filter import Monochrome, NoColor

        assert any(isinstance(f, (Monochrome, NoColor)) for f in app._filters)
        # statuses stay apart without colour: each carries its glyph
        cells = [str(row[-1]) for row in (app.query_one(EventTable).get_row_at(i) for i in range(3))]
        assert all(c[0] in "●○◇◐✕" for c in cells)


async def test_article_text_never_acts_as_markup_or_escapes(make_app, settle, tmp_path: Path, tui_state_dir: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(HOSTILE_BODY, encoding="utf-8")
    (corpus / "evil.meta.yaml").write_text(f"title: '{HOSTILE_TITLE}'\ndate: 2025-10-27\nsource: '[i]Wire[/i]'\n", encoding="utf-8")
    ix = tmp_path / "ix"
    Indexer(Store(ix), workers=1).run([corpus])
    app = make_app(corpus=[corpus], index_dir=ix, initial_query="Rubio")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        prompt = articles.get_option_at_index(0).prompt
        assert HOSTILE_TITLE in prompt.plain
        await pilot.press("enter", "a", "enter")
        await settle(pilot)
        source = app.query_one(SourceView)
        body = source.body_text
        assert "[red]Foreign Minister Wang Yi[/red]" in body.plain
        assert "[bold red on blue]" in body.plain
        assert "\x1b" not in body.plain and "\x07" not in body.plain
        for span in body.spans:  # only Readout's own styles, none from the text
            style = span.style if isinstance(span.style, Style) else Style.parse(span.style)
            assert style.color is None or style.color.name != "red"
            assert not style.blink and style.link is None
        header = str(app.query_one("#source-header").render())
        assert HOSTILE_TITLE in header and "[i]Wire[/i]" in header
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # the whole screen, as the terminal would get it, carries no escape from the story
        drawn = screen_text(app)
        assert "\x1b" not in drawn and "Wang Yi[/red]" in drawn

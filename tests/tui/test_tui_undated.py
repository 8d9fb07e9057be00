"""Articles that came without a date: their events say the date is estimated, and so does the source."""

from __future__ import annotations

import shutil
from pathlib import Path

from index.config import Config
from index.indexer import Indexer
from index.store import Store
from tui.clipboard import event_date
from tui.widgets.event_table import EventTable
from tui.widgets.source_view import SourceView

from tui_support import SEEDS, main_screen, screen_text

pytest_plugins = ["tui_fixtures"]


async def test_an_undated_articles_events_and_header_say_the_date_is_estimated(make_app, settle, tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    for text in SEEDS.glob("*.txt"):  # the seeds as published: text alone, no sidecar with a date
        shutil.copyfile(text, bare / text.name)
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([bare])
    config = Config(corpus=(bare,), theme="textual-dark", search_limit=200, debounce_ms=60_000)
    app = make_app(config=config, corpus=[bare], index_dir=index_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.query_one(EventTable)
        assert table.hits, "the undated seeds still give events"
        dated = [h for h in table.hits if (h.event or {}).get("date")]
        assert dated and all(h.event["date"].get("estimated") for h in dated)
        assert "~20" in screen_text(app), "an estimated date is marked in the table"
        await pilot.press("tab", "enter")
        await settle(pilot)
        source = app.query_one(SourceView)
        assert source.article is not None and source.article.published == "" and source.article.dated_by
        assert "undated, about 20" in screen_text(app), "the header says when the article was most likely written"
        assert event_date(source.event).endswith("estimated (the article is undated)"), "and a copied citation says so"
        assert main_screen(app) is not None

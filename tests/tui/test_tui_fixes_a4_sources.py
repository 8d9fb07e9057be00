"""Every row of the Articles tab shows its source, not only the first 25.

Hits do not carry the source name; it was looked up for the first 25 rows
of a search only (``PUBLISHER_LOOKUPS``), so rows after that showed none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.config import Config
from index.indexer import Indexer
from index.store import Store
from tui.core import Reader
from tui.widgets.article_list import ArticleList

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

STORIES = 40


@pytest.fixture(scope="module")
def sourced(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A 40-story collection whose stories each name their source."""
    base = tmp_path_factory.mktemp("sourced")
    corpus = base / "corpus"
    corpus.mkdir()
    with (corpus / "wire.jsonl").open("w", encoding="utf-8") as out:
        for n in range(STORIES):
            story = {
                "id": f"story-{n:02d}",
                "title": f"Trade talks, part {n}",
                "date": f"2023-05-{1 + n % 28:02d}",
                "source": f"Wire {n:02d}",
                "body": f"WASHINGTON — Commerce Secretary Gina Raimondo met trade officials on Monday, in meeting {n}.",
            }
            out.write(json.dumps(story) + "\n")
    ix = base / "ix"
    Indexer(Store(ix), workers=1).run([corpus])
    return corpus, ix


def expected(article_id: str) -> str:
    return f"Wire {int(article_id.split('-')[1]):02d}"


def test_the_rest_of_a_search_names_every_rows_source(sourced) -> None:
    _corpus, ix = sourced
    reader = Reader(Store(ix))
    first = reader.first("", articles=True)
    assert len(first.articles) == STORIES
    assert not any(row.publisher for row in first.articles), "the first part looks nothing up: it paints at once"
    done = reader.complete(first)
    assert [row.publisher for row in done.articles] == [expected(row.hit.article) for row in done.articles]


async def test_the_articles_tab_shows_the_source_of_row_40(make_app, settle, sourced) -> None:
    corpus, ix = sourced
    app = make_app(corpus=[corpus], index_dir=ix, config=Config(corpus=(corpus,), debounce_ms=60_000), auto_index=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "a")
        await settle(pilot)
        articles = app.query_one(ArticleList)
        assert len(articles.rows) == STORIES
        for n, row in enumerate(articles.rows):
            assert row.publisher == expected(row.hit.article), n
            assert expected(row.hit.article) in articles.get_option_at_index(n).prompt.plain, n

"""Quitting while the corpus is being re-indexed in the background.

The re-index ran in a thread nothing could stop, and the process waited for
it at exit: after ``q`` the terminal went blank for as long as the re-index
had left (a minute at 19k stories).  Now the app stops it on the way out,
the index stays as it was, and the next start sees the corpus still changed.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from index.config import Config
from index.store import Store
from tui.core import Reader

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

STORIES = 200
SLOW_EXTRACTION_S = 0.05
"""Each story's extraction, made slow: the whole re-index would take 10 s."""
PROMPT_S = 3.0


def write_corpus(folder: Path, marker: str) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(STORIES):
        (folder / f"story{n:03d}.txt").write_text(
            f"WASHINGTON — Commerce Secretary Gina Raimondo met Chinese Commerce Minister Wang Wentao "
            f"in Washington on Tuesday, meeting number {n}, the department said. Filed with {marker}.\n",
            encoding="utf-8",
        )


async def test_quitting_during_a_reindex_returns_at_once_and_keeps_the_old_index(make_app, settle, tmp_path: Path, monkeypatch) -> None:
    import index.indexer
    from index.indexer import Indexer

    corpus = tmp_path / "corpus"
    write_corpus(corpus, "oldmarker")
    ix = tmp_path / "ix"
    Indexer(Store(ix), workers=1).run([corpus])
    write_corpus(corpus, "newmarker")  # every story changed: all of them to extract again

    extracting, finished = threading.Event(), threading.Event()
    real_extract, real_run = index.indexer.extract, Indexer.run

    def slow_extract(article, kb):
        extracting.set()
        threading.Event().wait(SLOW_EXTRACTION_S)  # stands for the work of a long story
        return real_extract(article, kb)

    def run(self, paths, rebuild=False):
        try:
            return real_run(self, paths, rebuild)
        finally:
            finished.set()

    monkeypatch.setattr(index.indexer, "extract", slow_extract)
    monkeypatch.setattr(Indexer, "run", run)
    app = make_app(corpus=[corpus], index_dir=ix, config=Config(corpus=(corpus,), debounce_ms=60_000, workers=1))
    async with app.run_test() as pilot:
        await settle(pilot, ignore=("index",))
        assert extracting.wait(20), "the corpus changed, so re-indexing started"
        await pilot.press("escape", "q")
        pressed = time.monotonic()
    assert finished.wait(PROMPT_S), f"the re-index still ran {PROMPT_S} s after q"
    assert time.monotonic() - pressed < PROMPT_S
    store = Store(ix)
    assert store.count("", "article") == STORIES
    assert store.count("oldmarker", "article") == STORIES and store.count("newmarker", "article") == 0, "the old index, whole"
    assert Reader(store).corpus_changed([corpus]), "the next start re-indexes"


async def test_a_reader_closed_before_the_check_starts_no_reindex(tui_index: Path, tmp_path: Path) -> None:
    """A start-up check that comes after the app began to quit does nothing."""
    from tui.indexing import keep_current

    reader = Reader(Store(tui_index))
    reader.close()
    news: list = []
    keep_current(reader, tui_index, [tmp_path], news.append, mode="force", workers=1)
    assert news == []

"""The index behind the app: re-indexing in the background, a missing or
damaged index, and startup time once the index exists."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path

import pytest

from index.config import Config
from index.indexer import Indexer
from index.store import Store
from tui.widgets.status_line import StatusLine

from tui_support import FRESHNESS, SEEDS, main_screen

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

NEW_STORY = (
    "WASHINGTON — Commerce Secretary Gina Raimondo met Chinese Commerce Minister Wang Wentao "
    "in Washington on Tuesday, the department said.\n\n"
    "The two ministers agreed to keep talking about export controls.\n"
)


def status_text(app) -> str:
    return str(app.query_one("#status-index").render())


async def test_a_changed_corpus_is_reindexed_in_the_background(make_app, settle, tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ix = tmp_path / "ix"
    Indexer(Store(ix), workers=1).run([corpus])
    before = Store(ix).count("", "article")
    (corpus / "009_new_story.txt").write_text(NEW_STORY, encoding="utf-8")
    (corpus / "009_new_story.meta.yaml").write_text("title: Raimondo meets Wang\ndate: 2024-01-02\nsource: Test Wire\n", encoding="utf-8")

    gate, entered = threading.Event(), threading.Event()
    real_run = Indexer.run

    def held_back(self, paths, rebuild=False):
        entered.set()
        gate.wait(30)
        return real_run(self, paths, rebuild)

    monkeypatch.setattr(Indexer, "run", held_back)
    app = make_app(corpus=[corpus], index_dir=ix, config=Config(corpus=(corpus,), debounce_ms=60_000))
    async with app.run_test() as pilot:
        await settle(pilot, ignore=("index",))
        assert await asyncio.to_thread(entered.wait, 10), "the corpus changed, so indexing started"
        await settle(pilot, ignore=("index",))
        screen = main_screen(app)
        # meanwhile the old index answers
        assert screen.results.article_total == before
        assert "re-indexing" in status_text(app)
        assert app.query_one(StatusLine).bar is not None, "a progress indicator shows"
        screen.run_query("Raimondo")
        await settle(pilot, ignore=("index",))
        assert screen.results.query == "Raimondo"
        gate.set()
        await settle(pilot)
        assert app.query_one(StatusLine).bar is None
        assert status_text(app) == FRESHNESS
        assert any(n.message.startswith("1 article indexed, 0 removed") for n in app._notifications), "the count is worded"
        assert screen.results.query == "Raimondo", "the current query is run again on the new index"
        screen.run_query("")
        await settle(pilot)
        assert screen.results.article_total == before + 1


async def test_an_unchanged_corpus_is_not_reindexed(make_app, settle, monkeypatch) -> None:
    runs: list[object] = []
    monkeypatch.setattr(Indexer, "run", lambda self, *a, **k: runs.append(a))
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert runs == []
        assert status_text(app) == FRESHNESS


async def test_ctrl_r_reindexes_on_demand(make_app, settle, tui_index: Path, tmp_path: Path, monkeypatch) -> None:
    ix = tmp_path / "ix"
    shutil.copytree(tui_index, ix)  # a private copy: re-indexing must not touch the shared one
    runs: list[bool] = []
    real_run = Indexer.run

    def counted(self, paths, rebuild=False):
        runs.append(rebuild)
        return real_run(self, paths, rebuild)

    monkeypatch.setattr(Indexer, "run", counted)
    app = make_app(index_dir=ix)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert runs == []
        await pilot.press("enter", "ctrl+r")
        await settle(pilot)
        assert runs == [False]
        assert status_text(app) == FRESHNESS
        assert main_screen(app).results.event_total == Store(ix).count("", "event")


async def test_without_an_index_one_is_built_and_results_follow(make_app, settle, tmp_path: Path) -> None:
    ix = tmp_path / "fresh-ix"
    app = make_app(index_dir=ix)
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert Store(ix).exists()
        assert screen.results is not None and screen.results.event_total == Store(ix).count("", "event") > 0
        assert not app.query_one("#query-error").display


async def test_no_index_and_no_indexing_says_so(make_app, settle, tmp_path: Path) -> None:
    app = make_app(index_dir=tmp_path / "none", auto_index=False)
    async with app.run_test() as pilot:
        await settle(pilot)
        error = app.query_one("#query-error")
        assert error.display
        assert "no index" in status_text(app) or "No index" in str(error.render())


async def test_startup_to_a_usable_screen_is_quick(make_app, settle) -> None:
    """Issue 4 asks for half a second on the seeds; this guards against big regressions."""
    started = time.perf_counter()
    app = make_app()
    async with app.run_test() as pilot:
        while main_screen(app).results is None:
            await pilot.pause()
            assert time.perf_counter() - started < 5, "no results after 5 s"
        elapsed = time.perf_counter() - started
        await settle(pilot)
    print(f"\nstartup to results: {elapsed:.3f} s")
    assert elapsed < 3.0


async def test_a_damaged_index_is_rebuilt_and_the_error_goes(make_app, settle, tui_index: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    shutil.copytree(tui_index, ix)
    for toc in ix.glob("*.toc"):
        toc.write_bytes(toc.read_bytes()[:20])  # truncated: unreadable
    gate = threading.Event()
    real_run = Indexer.run
    rebuilds: list[bool] = []

    def held_back(self, paths, rebuild=False):
        rebuilds.append(rebuild)
        gate.wait(30)
        return real_run(self, paths, rebuild)

    app = make_app(index_dir=ix)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Indexer, "run", held_back)
        async with app.run_test() as pilot:
            await settle(pilot, ignore=("index",))
            error = app.query_one("#query-error")
            assert error.display and "damaged" in str(error.render()), "says so, and does not crash"
            gate.set()
            await settle(pilot)
            assert rebuilds == [True]
            assert not error.display
            assert main_screen(app).results.event_total == Store(tui_index).count("", "event")


async def test_reindexing_with_worker_processes_works_inside_the_app(make_app, settle, tmp_path: Path) -> None:
    """Inside the app ``sys.stderr`` is Textual's capture (``fileno()`` is -1): the
    extraction processes must still start.  They did not: every re-index of a
    corpus big enough for worker processes failed with "bad value(s) in fds_to_keep"."""
    import json
    from multiprocessing import resource_tracker

    from index.indexer import PARALLEL_MIN

    tracker = getattr(resource_tracker, "_resource_tracker", None)
    if tracker is not None and hasattr(tracker, "_stop"):
        tracker._stop()  # as in a fresh `readout`: no tracker yet (an earlier test may have started one)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    stories = PARALLEL_MIN + 20
    with (corpus / "wire.jsonl").open("w", encoding="utf-8") as out:
        for n in range(stories):
            body = f"Commerce Secretary Gina Raimondo met Chinese Commerce Minister Wang Wentao in Detroit on Tuesday. Item {n}."
            out.write(json.dumps({"id": f"wire-{n}", "title": f"Raimondo meets Wang ({n})", "date": "2023-05-19", "body": body}) + "\n")
    ix = tmp_path / "ix"
    app = make_app(corpus=[corpus], index_dir=ix, config=Config(corpus=(corpus,), debounce_ms=60_000, workers=2))
    async with app.run_test() as pilot:
        await settle(pilot)  # the index worker included: it waits for the processes
        assert "failed" not in status_text(app), status_text(app)
        assert main_screen(app).results is not None and main_screen(app).results.article_total == stories
    assert Store(ix).count("", "article") == stories


def test_an_index_written_by_another_extractor_is_rebuilt_in_the_background(tmp_path) -> None:
    """After an upgrade (or an edited people file) the stored events are stale: the start-up check re-indexes."""
    import json
    from pathlib import Path as _Path

    from index.indexer import Indexer
    from index.store import Store
    from tui.core import Reader
    from tui.indexing import keep_current

    corpus = _Path(__file__).resolve().parents[2] / "seeds"
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    news: list = []
    keep_current(Reader(Store(index_dir)), index_dir, [corpus], news.append, mode="check", workers=1)
    assert [n.state for n in news][-1] == "fresh"
    meta = json.loads((index_dir / "readout.json").read_text(encoding="utf-8"))
    meta["extractor"] = "an-older-readout"
    (index_dir / "readout.json").write_text(json.dumps(meta), encoding="utf-8")
    news.clear()
    keep_current(Reader(Store(index_dir)), index_dir, [corpus], news.append, mode="check", workers=1)
    assert "done" in [n.state for n in news]
    assert Store(index_dir).schema_current(json.loads((index_dir / "readout.json").read_text(encoding="utf-8"))["extractor"])
    assert json.loads((index_dir / "readout.json").read_text(encoding="utf-8"))["extractor"] != "an-older-readout"

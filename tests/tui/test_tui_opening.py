"""The opening screen's results are kept in the index folder and shown at
the next start without Whoosh; any change to the index discards them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index.config import load_config
from index.indexer import Indexer
from index.store import Store
from tui.app import build_app
from tui.core import OpeningCache, Reader
from tui.screens.main import MainScreen
from tui.widgets.event_table import EventTable
from tui.widgets.source_view import SourceView

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture()
def index_copy(tui_index: Path, tmp_path: Path) -> Path:
    """The session's seeds index, copied: these tests write into it."""
    path = tmp_path / "ix"
    shutil.copytree(tui_index, path, ignore=shutil.ignore_patterns(OpeningCache.FILE + "*"))
    return path


def _reader(index_dir: Path) -> Reader:
    return Reader(open_store=lambda: Store(index_dir), opening=OpeningCache(index_dir, 200))


def _unopenable() -> Store:
    raise AssertionError("the index was opened")


def _shown(results) -> tuple:
    return (
        [h.doc_id for h in results.events],
        results.event_total,
        [r.hit.doc_id for r in results.articles],
        results.article_total,
        dict(results.facets),
    )


def test_opening_results_are_kept_and_served_without_opening_the_index(index_copy: Path) -> None:
    live = _reader(index_copy)
    first = live.first("")
    assert not first.complete
    whole = live.complete(first)
    assert (index_copy / OpeningCache.FILE).exists()

    later = Reader(open_store=_unopenable, opening=OpeningCache(index_copy, 200))
    kept = later.first("")
    assert kept.complete
    assert _shown(kept) == _shown(whole)
    assert later._store is None


def test_only_the_empty_query_is_kept(index_copy: Path) -> None:
    reader = _reader(index_copy)
    reader.complete(reader.first("Raimondo"))
    assert not (index_copy / OpeningCache.FILE).exists()
    reader.complete(reader.first(""))
    assert reader.first("Raimondo").complete is False


def test_a_commit_discards_them(index_copy: Path, tmp_path: Path) -> None:
    reader = _reader(index_copy)
    reader.complete(reader.first(""))
    cache = OpeningCache(index_copy, 200)
    assert cache.load() is not None
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "note.txt").write_text("Talks in Geneva\n\nThe ministers met in Geneva on Monday.\n", encoding="utf-8")
    Indexer(Store(index_copy), workers=1).run([SEEDS, extra])
    assert cache.load() is None
    fresh = _reader(index_copy).first("")
    assert not fresh.complete
    assert fresh.article_total == 6


def test_any_change_in_the_folder_or_the_settings_discards_them(index_copy: Path) -> None:
    reader = _reader(index_copy)
    reader.complete(reader.first(""))
    assert OpeningCache(index_copy, 200).load() is not None
    assert OpeningCache(index_copy, 50).load() is None  # another search limit
    marker = index_copy / "readout.json"
    stat = marker.stat()
    os.utime(marker, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert OpeningCache(index_copy, 200).load() is None


def test_results_found_while_the_index_changed_are_not_kept(index_copy: Path) -> None:
    reader = _reader(index_copy)
    first = reader.first("")
    (index_copy / "readout.json").write_text((index_copy / "readout.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    reader.complete(first)
    assert not (index_copy / OpeningCache.FILE).exists()


def test_each_search_is_kept_against_the_folder_it_saw(index_copy: Path) -> None:
    """Two opening searches overlapping a commit: the older one's results are not kept as the newer's."""
    reader = _reader(index_copy)
    older = reader.first("")
    (index_copy / "readout.json").write_text((index_copy / "readout.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    newer = reader.first("")
    reader.complete(older)
    assert not (index_copy / OpeningCache.FILE).exists()
    reader.complete(newer)
    assert OpeningCache(index_copy, 200).load() is not None


def test_a_blank_query_keeps_results_for_the_empty_one(index_copy: Path) -> None:
    reader = _reader(index_copy)
    reader.complete(reader.first("   "))
    kept = reader.kept_opening("")
    assert kept is not None and kept.query == ""
    assert reader.kept_opening("  ").query == "  "  # shown as the query the screen opens on
    assert reader.kept_opening("Raimondo") is None


def test_a_damaged_file_is_ignored_and_written_again(index_copy: Path) -> None:
    (index_copy / OpeningCache.FILE).write_bytes(b"\x80\x05not a pickle at all")
    reader = _reader(index_copy)
    first = reader.first("")
    assert not first.complete
    reader.complete(first)
    assert OpeningCache(index_copy, 200).load() is not None


def test_the_app_starts_without_whoosh_or_the_pipeline() -> None:
    """Up to ``run_app`` -- the app's modules, the config, the default index folder."""
    code = (
        "import argparse, sys, tui.__main__, tui.cli, tui.app\n"
        "args = argparse.Namespace(index=None, config=None, paths=[])\n"
        "config = tui.cli._config(args)\n"
        "tui.cli.resolve_index_dir(args, config, tui.cli._corpus(args, config))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('whoosh', 'dateparser') or m in ('index.store', 'index.pipeline', 'index.indexer')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env={**os.environ, "READOUT_INDEX": ""})
    assert out.stdout.strip() == "[]"


async def test_the_second_start_shows_the_kept_results(index_copy: Path, tui_state_dir: Path) -> None:
    config = load_config(ROOT / "config.yaml")
    shown = []
    for start in range(2):
        app = build_app(config, [SEEDS], index_copy, state_dir=tui_state_dir, auto_index=False, freshness_text="index updated just now")
        if start == 1:
            assert OpeningCache(index_copy, config.search_limit).load() is not None
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MainScreen) and screen.results is not None and screen.results.complete
            table = app.query_one(EventTable)
            shown.append(([h.doc_id for h in table._source], _shown(screen.results)))
            if start == 1:
                assert screen.results == app.reader.opening.load()  # the very results kept, not a search
                await pilot.press("escape", "enter")  # the list, then open: the kept results are the current ones
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert screen.reading is not None and app.query_one(SourceView).article is not None
    assert shown[0] == shown[1]


def test_an_index_that_cannot_be_written_keeps_nothing_and_still_searches(index_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", refuse)
    reader = _reader(index_copy)
    whole = reader.complete(reader.first(""))
    assert whole.complete and whole.event_total > 0
    assert not list(index_copy.glob(OpeningCache.FILE + "*"))


def test_results_of_another_shape_are_not_unpickled_into_this_one(index_copy: Path) -> None:
    """A Readout whose hits had other fields kept them: they are searched afresh."""
    reader = _reader(index_copy)
    reader.complete(reader.first(""))
    older = OpeningCache(index_copy, 200)
    assert older.load() is not None
    version, shapes, *rest = older.settings
    older.settings = (version, shapes[:2] + (shapes[2][:-1],) + shapes[3:], *rest)  # Hit without its last field
    assert older.load() is None


async def test_an_early_reindex_takes_the_place_of_the_start_up_check(make_app, settle, index_copy: Path) -> None:
    app = make_app(index_dir=index_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.action_reindex()
        assert screen._startup_check is None  # not run again once the first results are drawn
        await settle(pilot)
        assert screen._startup_check is None

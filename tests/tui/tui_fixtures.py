"""Fixtures for the app's tests: one seed index per session, an isolated
state folder per test, the factory, and ``settle`` -- waiting on the app's
workers instead of sleeping.

A plugin each test module names (``pytest_plugins = ["tui_fixtures"]``)
rather than a ``conftest.py``: the suite's own tests import helpers with
``from conftest import ...``, and a second ``conftest`` module here would
shadow that one whenever both folders are collected in one run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest
from textual.pilot import Pilot

from index.config import Config
from tui_support import FRESHNESS, SEEDS, settle as _settle


@pytest.fixture(scope="session")
def tui_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, indexed once for the whole session (about half a second)."""
    from index.indexer import Indexer
    from index.store import Store

    path = tmp_path_factory.mktemp("tui-index") / "ix"
    Indexer(Store(path), workers=1).run([SEEDS])
    return path


@pytest.fixture()
def tui_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """History and saved searches go here, never to the user's folder."""
    path = tmp_path / "state"
    monkeypatch.setenv("READOUT_STATE_DIR", str(path))
    return path


@pytest.fixture()
def tui_config() -> Config:
    # A long debounce: the timer never fires on its own in a test; ``settle`` runs it.
    return Config(corpus=(SEEDS,), theme="textual-dark", search_limit=200, debounce_ms=60_000)


@pytest.fixture()
def make_app(tui_index: Path, tui_state_dir: Path, tui_config: Config) -> Callable[..., Any]:
    """``build_app`` on the seed index, with a frozen freshness phrase.

    The opening results an earlier app kept in the shared index are deleted
    first (``kept_opening=True`` keeps them), so every test starts the way
    its own app does, whichever tests ran before it; test_tui_opening.py
    tests the start from kept results."""
    from tui.app import build_app
    from tui.core import OpeningCache

    def make(kept_opening: bool = False, **overrides: Any):
        overrides.setdefault("state_dir", tui_state_dir)
        overrides.setdefault("freshness_text", FRESHNESS)
        cfg = overrides.pop("config", tui_config)
        corpus = overrides.pop("corpus", [SEEDS])
        index_dir = overrides.pop("index_dir", tui_index)
        if not kept_opening:
            (Path(index_dir) / OpeningCache.FILE).unlink(missing_ok=True)
        return build_app(cfg, corpus, index_dir, **overrides)

    return make


@pytest.fixture()
def settle() -> Callable[[Pilot], Awaitable[None]]:
    return _settle

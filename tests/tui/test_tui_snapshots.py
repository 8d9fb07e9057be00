"""Snapshots of the main states at 80x24 (and the narrow and wide layouts).

They run on a frozen copy of the seed index (``tui_frozen``), a fixed
index age, and no background indexing, so they change only when the UI
does.  Update after a deliberate UI change with:
    .venv/bin/python -m pytest tests/tui/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from tui_support import settle
from tui_frozen import FrozenStore

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)


@pytest.fixture()
def frozen(make_app) -> Callable[..., Any]:
    def make(**overrides: Any):
        return make_app(store=FrozenStore(), auto_index=False, **overrides)

    return make


def keys(*presses: str):
    """A ``run_before``: settle, then each key (``text:...`` types the text), settling after each."""

    async def run(pilot) -> None:
        await settle(pilot)
        for key in presses:
            if key.startswith("text:"):
                await pilot.press(*key.removeprefix("text:"))
            else:
                await pilot.press(key)
            await settle(pilot)

    return run


def test_start(snap_compare, frozen) -> None:
    assert snap_compare(frozen(), terminal_size=(80, 24), run_before=keys())


def test_results(snap_compare, frozen) -> None:
    assert snap_compare(frozen(), terminal_size=(80, 24), run_before=keys("text:Raimondo", "enter"))


def test_event_open_with_highlights(snap_compare, frozen) -> None:
    assert snap_compare(frozen(initial_query="Raimondo"), terminal_size=(80, 24), run_before=keys("enter", "j", "enter"))


def test_help(snap_compare, frozen) -> None:
    assert snap_compare(frozen(), terminal_size=(80, 24), run_before=keys("enter", "question_mark"))


def test_error(snap_compare, frozen) -> None:
    assert snap_compare(frozen(initial_query="Raimondo"), terminal_size=(80, 24), run_before=keys("text: foo:bar"))


def test_narrow_40x12(snap_compare, frozen) -> None:
    assert snap_compare(frozen(initial_query="Raimondo"), terminal_size=(40, 12), run_before=keys("enter"))


def test_wide_120x40(snap_compare, frozen) -> None:
    assert snap_compare(frozen(initial_query="Raimondo"), terminal_size=(120, 40), run_before=keys("enter", "j"))

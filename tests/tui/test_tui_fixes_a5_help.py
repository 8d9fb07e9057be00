"""The help screen: every query form the index reads, every key, and wrapped
lines that keep their indent at 80 columns (they ran back to the left edge)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.store import Store
from tui.screens.help import KEY_COLUMN, KEYS, SYNTAX, SYNTAX_INDENT, HelpScreen, help_text

from tui_support import screen_text

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)


@pytest.mark.parametrize("example", [example for example, _what in SYNTAX])
def test_every_example_is_a_query_the_index_reads(tui_index: Path, example: str) -> None:
    store = Store(tui_index)
    store.search(example, limit=1)  # raises QueryError for a form the index does not read


@pytest.mark.parametrize("query", ["date:2023*", "date:[to 2023-05-31]", "cameo:04*", "text:tariffs", "when:2023-05*", "id:x"])
def test_the_forms_named_in_the_descriptions_are_read_too(tui_index: Path, query: str) -> None:
    Store(tui_index).search(query, limit=1)


def test_help_names_the_month_form_open_ranges_every_field_and_the_keys() -> None:
    text = help_text(80).plain
    for needle in ("date:2023-05*", "date:[2023-05-01 to]", "cameo:042", "body:tariffs", "title:summit", "article:", "when:"):
        assert needle in text, needle
    sections = {group: dict(keys) for group, keys in KEYS}
    assert "d" in sections["Saved searches (ctrl+o)"] and "enter" in sections["Saved searches (ctrl+o)"]
    assert "g / G" in sections["Source"]


def hanging(lines: list[str]) -> None:
    """Every line of the help that continues a wrapped description starts in its description's column."""
    keys = {key for _group, entries in KEYS for key, _what in entries}
    examples = {example for example, _what in SYNTAX}
    in_syntax = False
    for line in lines:
        if line == "Query syntax":
            in_syntax = True
        elif line.startswith("Status:"):
            break  # its own wrapped line is indented under its first word
        if not line.startswith("  "):
            continue
        body = line.strip()
        if in_syntax:
            if body in examples:
                assert line == f"  {body}", line
            else:
                assert line.startswith(" " * SYNTAX_INDENT) and line[SYNTAX_INDENT] != " ", line
        elif not any(line.startswith(f"  {key}  ") for key in keys):
            assert line.startswith(" " * KEY_COLUMN) and line[KEY_COLUMN] != " ", f"no hanging indent: {line!r}"


@pytest.mark.parametrize("width", [74, 76, 92, 50])
def test_wrapped_lines_keep_a_hanging_indent(width: int) -> None:
    lines = help_text(width).plain.splitlines()
    assert max(len(line) for line in lines) <= width
    if width <= 80:
        assert sum(1 for line in lines if line.startswith(" " * KEY_COLUMN)) >= 3, "some descriptions do wrap"
    hanging(lines)


async def test_the_help_drawn_at_80_columns_keeps_the_indent(make_app, settle) -> None:
    app = make_app()
    async with app.run_test(size=(80, 70)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        static = app.screen.query_one("#help-text")
        drawn = str(static.render()).splitlines()
        assert max(len(line) for line in drawn) <= static.content_region.width, "no line is wrapped again by the widget"
        hanging(drawn)
        screen = screen_text(app).splitlines()
        row = next(n for n, line in enumerate(screen) if "filter: narrow the query" in line)
        left = screen[row].index("f ")
        assert screen[row + 1][left - 2 + KEY_COLUMN :].startswith("cursor"), "the continuation sits under its description"
        assert screen[row + 1][left : left - 2 + KEY_COLUMN].strip() == ""

"""Without colour (``NO_COLOR``) every entity kind keeps a look of its own.

Organisations and places were both plain text, grey once Textual made the
screen monochrome: the legend could not tell them apart.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from tui.styles import ENTITY_LABELS, Palette, legend
from tui.widgets.source_view import SourceView

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

KINDS = ("person", "org", "place", "title", "date")


def attributes(style: Style | None) -> Style:
    assert style is not None
    return style.without_color


def assert_kinds_differ(palette: Palette) -> None:
    looks = {kind: attributes(palette.entity(kind)) for kind in KINDS}
    for kind, look in looks.items():
        assert look, f"{kind} has no attribute that survives without colour"
        assert look != attributes(palette.match) and look != attributes(palette.current_match), f"{kind} looks like a match"
    for a, b in combinations(KINDS, 2):
        assert looks[a] != looks[b], f"{a} and {b} look the same without colour: {looks[a]}"
    assert attributes(palette.entity("country")) == looks["place"], "a country is a place"


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox"])
async def test_every_entity_kind_differs_without_colour(make_app, settle, monkeypatch, theme: str) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await settle(pilot)
        assert app.no_color
        assert_kinds_differ(app.palette)


def test_the_default_palette_too() -> None:
    assert_kinds_differ(Palette())


async def test_the_legend_as_drawn_without_colour_tells_the_kinds_apart(make_app, settle, monkeypatch) -> None:
    """The legend goes through the app's monochrome filter as the terminal gets it."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(initial_query="Raimondo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.query_one(SourceView).display
        rendered = Console(width=200, color_system="truecolor").render(legend(app.palette))
        segments = [Segment(s.text, s.style or Style(), s.control) for s in rendered]
        for line_filter in app._filters:
            segments = line_filter.apply(segments, app.screen.background_colors[1])
        drawn: dict[str, Style] = {}
        for segment in segments:
            text = segment.text.strip()
            for kind, label in ENTITY_LABELS.items():
                if text == label:
                    drawn[kind] = (segment.style or Style()).without_color
        assert set(drawn) == set(ENTITY_LABELS)
        for a, b in combinations(drawn, 2):
            assert drawn[a] != drawn[b], f"{a} and {b} are drawn alike without colour"

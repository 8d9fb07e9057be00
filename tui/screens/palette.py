"""The command palette (``ctrl+p``) with a footer of its own keys.

Textual's palette is a modal screen: while it is open the main screen's
footer stayed in view, offering keys that did nothing there.  This one
docks its own key bar over it; the commands are ``tui.commands``'.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette

from tui.widgets.key_bar import KeyBar

LEAD_KEYS: tuple[tuple[str, str], ...] = (("⏎", "Run"), ("↑↓", "Choose"))
"""Keys the palette's input and list handle themselves (no binding of theirs is shown)."""


class ReadoutPalette(CommandPalette):
    """Textual's command palette, with the key bar every Readout screen has."""

    BINDINGS = [Binding("escape", "escape", "Close", key_display="esc")]

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield KeyBar(lead=LEAD_KEYS)

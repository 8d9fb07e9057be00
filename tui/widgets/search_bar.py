"""The search bar: search as you type, with history on up/down."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from tui.history import Recall

PLACEHOLDER = 'Search: words, "a phrase", person:Raimondo, type:meeting, date:[2023-05-01 to 2023-05-31]'


class SearchBar(Input):
    """A one-line query box; up/down walk the query history (kept between runs)."""

    BINDINGS = [
        Binding("enter", "screen.submit_search", "Go"),
        Binding("up", "older", "History", key_display="↑↓"),
        Binding("down", "newer", "Newer query", show=False),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, recall: Recall, value: str = "", id: str | None = "search") -> None:
        super().__init__(value=value, placeholder=PLACEHOLDER, compact=True, id=id, select_on_focus=False)
        self.recall = recall
        self._recalled: str | None = None

    async def _on_key(self, event: events.Key) -> None:
        """Run a bound key (backspace, ctrl+u, arrows, enter…) at once, in order.

        Textual types a printable key as soon as the bar gets it, but runs a
        binding only once the key has bubbled up to the app; keys that arrive
        together (fast typing, a slow SSH link) were then applied out of order:
        ``Raimo⌫ondo`` gave ``Raimoond``.  Focus changes made by those keys
        take effect at once (see ``MainScreen.action_submit_search``).
        """
        if self.app.focused is not self:
            # Typed ahead of a focus change (``⏎`` or ``esc`` then more keys, in
            # one read): the key is for the widget that has the focus now.
            event.stop()
            event.prevent_default()
            (self.app.focused or self.app.screen)._forward_event(events.Key(event.key, event.character))
            return
        if event.key == "slash" and not self.value:
            # ``/`` is the key that goes to the search bar: pressed in the
            # bar, empty (as at start-up), it is that key, not a query's start
            event.stop()
            event.prevent_default()
            return
        if not event.is_printable:
            # Handled here and not passed up: a key that reaches the app while
            # the bar has focus was then sent elsewhere before the focus moved
            # here, and the app hands it to the bar (``ReadoutApp._on_key``).
            event.stop()
            event.prevent_default()
            await self.app._check_bindings(event.key)

    def _show(self, value: str | None) -> None:
        if value is None:
            self.app.bell()
            return
        self._recalled = value
        self.value = value
        self.cursor_position = len(value)

    def action_older(self) -> None:
        """Put the previous query in the bar (it is searched like a typed one)."""
        self._show(self.recall.older(self.value))

    def action_newer(self) -> None:
        self._show(self.recall.newer())

    def action_help(self) -> None:
        """F1 (``?`` would be typed into the query)."""
        self.app.action_help()

    def _on_input_changed(self, event: Input.Changed) -> None:
        # Typing after walking the history starts a fresh walk next time.
        if event.value != self._recalled:
            self.recall.reset()
            self._recalled = None

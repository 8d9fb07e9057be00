"""The status line: result counts on the left, the index's freshness on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import ProgressBar, Static


class StatusLine(Horizontal):
    """One line; a progress bar appears while the index is being updated.

    The bar is mounted only while indexing: an idle indeterminate bar still
    animates, and would keep the app busy for nothing.
    """

    def compose(self) -> ComposeResult:
        yield Static(Text(), id="status-results", markup=False)
        yield Static(Text(), id="status-index", markup=False)

    def results(self, text: Text | str) -> None:
        self.query_one("#status-results", Static).update(text if isinstance(text, Text) else Text(text))

    def index(self, text: Text | str) -> None:
        self.query_one("#status-index", Static).update(text if isinstance(text, Text) else Text(text))

    @property
    def bar(self) -> ProgressBar | None:
        try:
            return self.query_one(ProgressBar)
        except NoMatches:
            return None

    def progress(self, done: int | None, total: int | None) -> None:
        """Show the progress bar (``total`` None: activity of unknown length)."""
        bar = self.bar
        if bar is None:
            bar = ProgressBar(total=None, show_eta=False, show_percentage=False, id="index-progress")
            self.mount(bar, before="#status-index")
        bar.update(total=total if total else None, progress=done or 0)

    def progress_done(self) -> None:
        bar = self.bar
        if bar is not None:
            bar.remove()

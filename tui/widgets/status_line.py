"""The status line: result counts on the left, the index's freshness on the right."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import ProgressBar, Static


class _Counts(Static):
    """The result counts; runs the callbacks waiting for them to be drawn."""

    def __init__(self) -> None:
        super().__init__(Text(), id="status-results", markup=False)
        self.when_drawn: list[Callable[[], object]] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        waiting, self.when_drawn = self.when_drawn, []
        for callback in waiting:
            self.call_later(callback)  # after this screen update is written out
        return lines


class StatusLine(Horizontal):
    """One line; a progress bar appears while the index is being updated.

    The bar is mounted only while indexing: an idle indeterminate bar still
    animates, and would keep the app busy for nothing.
    """

    def compose(self) -> ComposeResult:
        yield _Counts()
        yield Static(Text(), id="status-index", markup=False)

    def results(self, text: Text | str, when_drawn: Callable[[], object] | None = None) -> None:
        """Show the counts; ``when_drawn`` runs once they (and whatever was
        updated with them) are on the screen."""
        counts = self.query_one(_Counts)
        if when_drawn is not None:
            counts.when_drawn.append(when_drawn)
        counts.update(text if isinstance(text, Text) else Text(text))

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

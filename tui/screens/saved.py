"""Saved searches (``ctrl+o``), each with its live count in the current index."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from index.results import IndexUnreadable, QueryError
from tui.core import Reader, counted
from tui.history import History
from tui.styles import one_line
from tui.widgets.key_bar import KeyBar


class SavedScreen(ModalScreen[str | None]):
    """Pick a saved search to run it; ``d`` forgets one.  Dismisses with the query."""

    BINDINGS = [
        # a priority binding, so the footer shows it (the list's own enter is hidden); it does what the list's would
        Binding("enter", "run", "Run", key_display="⏎", priority=True),
        Binding("d,delete", "forget", "Delete"),
        Binding("escape,q", "close", "Close", key_display="esc"),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
    ]

    class Counted(Message):
        """A saved search's live count, from the counting thread."""

        def __init__(self, query: str, label: str) -> None:
            super().__init__()
            self.query = query
            self.label = label

    def __init__(self, history: History, reader: Reader) -> None:
        super().__init__()
        self.history = history
        self.reader = reader
        self.counts: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="saved"):
            yield OptionList(id="saved-list", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#saved").border_title = "Saved searches"
        self._fill()
        self.query_one("#saved-list").focus()
        self._count()

    def _fill(self) -> None:
        options = self.query_one("#saved-list", OptionList)
        keep = options.highlighted
        prompts = []
        for saved in self.history.saved:
            prompt = Text(one_line(saved.name))
            prompt.append(f"   {self.counts.get(saved.query, '…')}", style="dim")
            prompts.append(Option(prompt, id=saved.query))
        if not prompts:
            prompts.append(Option(Text("No saved searches yet: press ctrl+s to save the current one."), disabled=True))
        options.set_options(prompts)
        if self.history.saved:
            options.highlighted = min(keep or 0, len(self.history.saved) - 1)

    @work(thread=True, exclusive=True, group="saved-counts", exit_on_error=False)
    def _count(self) -> None:
        """Count every saved search in a thread (the counts are live, not stored)."""
        worker = get_current_worker()
        for saved in list(self.history.saved):
            if worker.is_cancelled:
                return
            try:
                events, articles = self.reader.counts(saved.query)
                label = f"{counted(events, 'event')} · {counted(articles, 'article')}"
            except QueryError:
                label = "query no longer valid"
            except IndexUnreadable:
                label = "no index"
            self.post_message(self.Counted(saved.query, label))

    def on_saved_screen_counted(self, message: Counted) -> None:
        self.counts[message.query] = message.label
        self._fill()

    @on(OptionList.OptionSelected, "#saved-list")
    def _run(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_run(self) -> None:
        """``⏎``: run the highlighted search (a click runs one through ``_run``)."""
        option = self.query_one("#saved-list", OptionList).highlighted_option
        if option is not None and option.id and not option.disabled:
            self.dismiss(option.id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_forget(self) -> None:
        option = self.query_one("#saved-list", OptionList).highlighted_option
        if option is not None and option.id:
            self.history.unsave(option.id)
            self._fill()

    def action_down(self) -> None:
        self.query_one("#saved-list", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#saved-list", OptionList).action_cursor_up()

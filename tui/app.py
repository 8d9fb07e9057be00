"""The Readout app: a small ``App``, the one factory, and ``run_app`` for the CLI.

``build_app`` is the only way an app is made -- by ``readout`` and by
every test -- so tests exercise the configuration users get; its keyword
overrides exist for tests (a state folder, a frozen clock, no background
indexing) and change nothing else.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import Callable, Mapping, Sequence

from textual import events
from textual.app import App, InvalidThemeError
from textual.binding import Binding
from textual.command import CommandPalette
from textual.widgets import Input

from index.config import Config
from index.results import SearchBackend
from tui.clipboard import passthrough
from tui.commands import ReadoutCommands
from tui.core import OpeningCache, Reader, relative_age
from tui.history import History
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.palette import ReadoutPalette
from tui.styles import Palette
from tui.widgets.search_bar import SearchBar


class ReadoutApp(App[int]):
    """Holds what every screen shares: settings, the index reader, history, styles."""

    CSS_PATH = "readout.tcss"
    TITLE = "Readout"
    COMMANDS = App.COMMANDS | {ReadoutCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", show=False),
        Binding("q", "quit", "Quit", show=False),
        Binding("ctrl+p", "command_palette", "Palette", key_display="^p", priority=True),
    ]

    def __init__(
        self,
        *,
        config: Config,
        corpus: Sequence[Path],
        index_dir: Path,
        reader: Reader,
        history: History,
        debounce_ms: int,
        auto_index: bool,
        clock: Callable[[], float],
        freshness_text: str | None,
        initial_query: str,
    ) -> None:
        super().__init__()
        self.config = config
        self.corpus = list(corpus)
        self.index_dir = Path(index_dir)
        self.reader = reader
        self.history = history
        self.debounce = max(0, debounce_ms) / 1000
        self.auto_index = auto_index
        self.clock = clock
        self.freshness_text = freshness_text
        self.initial_query = initial_query
        self._palettes: dict[str, Palette] = {}
        self._heap_frozen = False
        self._theme_problem = ""
        try:
            self.theme = config.theme
        except InvalidThemeError:
            self._theme_problem = f"Unknown theme {config.theme!r} in config.yaml; using textual-dark."

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.initial_query)

    def on_mount(self) -> None:
        if self._theme_problem:
            self.notify(self._theme_problem, severity="warning", markup=False)

    def tidy_heap(self) -> None:
        """Collect garbage now, while a search's results are all on screen and
        the user reads them, rather than whenever Python decides to: a full
        collection took 50-80 ms at 19k stories, and came in the middle of
        painting the next results every other search.  The first time after
        the index was opened, what start-up built (modules, widgets, the
        index's structures: it lives as long as the app) is then frozen out of
        later collections -- not before: the opening results kept from the last
        start are drawn before Whoosh is even imported.  ``on_unmount`` hands
        it back (tests run many apps in one process)."""
        gc.collect()
        if not self._heap_frozen and self.reader.opened:
            self._heap_frozen = True
            gc.freeze()
        self.resume_collector()

    @staticmethod
    def resume_collector() -> None:
        """Turn the garbage collector back on: ``readout`` starts with it off
        (see ``tui/__main__.py``).  Called once the first results are drawn,
        or the first search failed, or a second has passed, whichever is first."""
        gc.enable()

    def on_unmount(self) -> None:
        # A re-index still running would hold the process until it finished
        # (its thread is joined at exit): it stops now, leaving the index as it was.
        self.reader.close()
        self.resume_collector()
        if self._heap_frozen:
            self._heap_frozen = False
            gc.unfreeze()

    @property
    def palette(self) -> Palette:
        """Rich styles for the current theme (see ``tui.styles``)."""
        if self.theme not in self._palettes:
            self._palettes[self.theme] = Palette.from_variables(self.theme_variables)
        return self._palettes[self.theme]

    def freshness(self, last_modified: float) -> str:
        """How old the index is, in words (frozen by ``freshness_text`` in tests)."""
        if self.freshness_text is not None:
            return self.freshness_text
        if not last_modified:
            return "index not read yet"
        return f"index updated {relative_age(self.clock() - last_modified)}"

    async def _on_key(self, event: events.Key) -> None:
        """Keys typed ahead of a focus change (``/`` then a query and ``⏎``, in
        one read) were sent to the widget focused before; they bubble up here
        once the search bar has the focus.  The bar takes them, in order,
        rather than the list acting on them as commands (``a`` would have
        switched to the Articles tab).  The bar passes up none of its own keys,
        and no input passes up a printable key, so these came from elsewhere."""
        focused = self.focused
        if event.is_forwarded and (isinstance(focused, SearchBar) or (event.is_printable and isinstance(focused, Input))):
            event.prevent_default()
            event.stop()
            focused._forward_event(events.Key(event.key, event.character))

    def action_command_palette(self) -> None:
        """Textual's palette, with a footer of its own keys (``tui.screens.palette``)."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ReadoutPalette(id="--command-palette"))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def copy_to_clipboard(self, text: str) -> None:
        """OSC 52 (Textual's), plus pass-through copies inside tmux or screen."""
        super().copy_to_clipboard(text)
        driver = self._driver
        if driver is not None:
            for sequence in passthrough(text, os.environ):
                driver.write(sequence)


def build_app(
    config: Config,
    corpus: Sequence[Path],
    index_dir: Path,
    *,
    state_dir: Path | None = None,
    clock: Callable[[], float] = time.time,
    freshness_text: str | None = None,
    auto_index: bool = True,
    debounce_ms: int | None = None,
    search_limit: int | None = None,
    initial_query: str = "",
    store: SearchBackend | None = None,
) -> ReadoutApp:
    """The app for ``corpus`` and the index in ``index_dir``.

    Keyword overrides (for tests): ``state_dir`` for history and saved
    searches (else ``$READOUT_STATE_DIR`` or the user's data folder),
    ``clock``/``freshness_text`` to freeze the index-age phrase,
    ``auto_index=False`` to skip the background corpus check, ``store`` to
    read another backend (anything with ``Store``'s reading methods).
    """
    limit = search_limit or config.search_limit
    if store is not None:
        reader = Reader(store, limit=limit)  # type: ignore[arg-type]
    else:
        reader = Reader(
            limit=limit,
            open_store=lambda: _whoosh_store(Path(index_dir)),
            opening=OpeningCache(Path(index_dir), limit),
        )
    return ReadoutApp(
        config=config,
        corpus=corpus,
        index_dir=Path(index_dir),
        reader=reader,
        history=History(state_dir),
        debounce_ms=config.debounce_ms if debounce_ms is None else debounce_ms,
        auto_index=auto_index,
        clock=clock,
        freshness_text=freshness_text,
        initial_query=initial_query,
    )


def mouse_wanted(environ: Mapping[str, str]) -> bool:
    """The mouse, except inside GNU screen: once an application asks for mouse
    reports, screen holds a lone Escape back until the next key comes, so
    ``esc`` did nothing and took the key after it (a long-standing screen bug;
    kakoune and neovim met it too).  Everything here has a key."""
    return not environ.get("STY")


def _whoosh_store(index_dir: Path) -> SearchBackend:
    """The Whoosh index in ``index_dir``: imported here, in the worker that first reads it."""
    from index.store import Store

    return Store(index_dir)


def run_app(config: Config, corpus: list[Path], index_dir: Path) -> int:
    """Run the app in this terminal; the exit code for ``readout``."""
    app = build_app(config, corpus, index_dir)
    app.run(mouse=mouse_wanted(os.environ))
    return app.return_code or 0

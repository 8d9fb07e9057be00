"""The help screen (``?``): every key, and the query syntax with examples.

The syntax listed is what ``index.store`` reads (a test checks each example
parses); the text is wrapped by hand to the box's width, so a long line
keeps its indent instead of running back to the left edge.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.key_bar import KeyBar
from tui.widgets.scrolling import scroll_now, shown_scroll_bindings

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Anywhere",
        (
            ("/", "search: type a query; results follow as you type"),
            ("tab / shift+tab", "next / previous pane (search, list, source)"),
            ("?  or  f1", "this help"),
            ("ctrl+p", "command palette: every action, saved searches, history"),
            ("ctrl+s", "save the current search"),
            ("ctrl+o", "saved searches, with their live counts"),
            ("ctrl+r", "re-index the corpus now (normally automatic)"),
            ("q", "quit (ctrl+q from anywhere, even while typing)"),
        ),
    ),
    (
        "Search bar",
        (
            ("up / down", "older / newer queries (kept between runs)"),
            ("enter", "search now and go to the results"),
            ("escape", "go to the results"),
        ),
    ),
    (
        "Lists",
        (
            ("e  a  p", "Events, Articles, entities (People, places, organisations) tab"),
            ("j / k, arrows", "move; g / G first / last; pgup / pgdn"),
            ("enter", "open: read the event's sentence in its article"),
            ("s", "sort: events by relevance, date, status, type, place, participants"),
            ("f", "filter: narrow the query to the entity under the cursor (on an event: its participants)"),
            ("y", "copy the selected event as a citation, through the terminal (OSC 52: works over SSH; in tmux: set -g set-clipboard on)"),
            ("escape", "back to the search bar"),
        ),
    ),
    (
        "Source",
        (
            ("n / N", "next / previous match of the query"),
            ("j / k, space / b", "scroll; page down / up"),
            ("g / G", "top / end of the article"),
            ("y", "copy the event being read"),
            ("escape", "back to the list"),
        ),
    ),
    (
        "Saved searches (ctrl+o)",
        (
            ("enter", "run the search under the cursor"),
            ("d", "delete it from the saved searches"),
            ("escape", "close"),
        ),
    ),
)

SYNTAX: tuple[tuple[str, str], ...] = (
    ("Raimondo tariffs", "both words, anywhere (title, text, people, places, organisations)"),
    ('"trade talks"', "a phrase"),
    ("Raim*", "a prefix"),
    ("Raimondo OR Tai", "either; AND is the default; NOT excludes"),
    ('person:"Gina Raimondo" person:"Wang Wentao"', "events with both people (who: also works)"),
    ("place:Detroit", "where it happened (where:, location:, country:)"),
    ("org:APEC", "an organisation"),
    ("type:meeting", "meeting, visit, call, talks or summit"),
    ("status:planned", "occurred, planned, proposed, postponed or cancelled"),
    ("date:2023-05-25", "events that may fall on that day, articles of that day (when: too)"),
    ("date:2023-05*", "a month (date:2023* a year)"),
    ("date:[2023-05-01 to 2023-05-31]", "a range: events whose dates overlap it, articles published in it"),
    ("date:[2023-05-01 to]", "an open range: from that day on (date:[to 2023-05-31]: up to it)"),
    ("cameo:042", "events by CAMEO code (cameo:04* all of 040-046)"),
    ("title:summit", "words of the headline only"),
    ("body:tariffs", "words of the article's text only (text:)"),
    ("article:000_a5c58ae0fba963d3", "one article (id:)"),
)

KEY_COLUMN = 20
"""Where a key's description starts (its wrapped lines too)."""
SYNTAX_INDENT = 6
"""Where an example's description starts (its wrapped lines too)."""
NARROW = KEY_COLUMN + 24
"""Below this width a key's description goes under the key, indented like the syntax's."""


def _wrapped(text: Text, words: str, width: int, indent: int, first_room: int | None = None, style: str = "") -> None:
    """Append ``words`` wrapped to ``width`` columns, every line after the first
    indented by ``indent`` (a hanging indent); the first line has ``first_room``
    columns (default: ``width - indent``, after an indent the caller wrote)."""
    room = max(8, width - indent)
    lines = textwrap.wrap(words, width=max(8, first_room if first_room is not None else room), break_on_hyphens=False) or [""]
    text.append(lines[0] + "\n", style=style)
    rest = " ".join(lines[1:])
    for line in textwrap.wrap(rest, width=room, break_on_hyphens=False):
        text.append(" " * indent + line + "\n", style=style)


def help_text(width: int = 80) -> Text:
    """The help, wrapped to ``width`` columns with hanging indents: a wrapped
    description stays in its column instead of running back to the left edge."""
    width = max(width, 20)
    text = Text()
    text.append("Readout", style="bold")
    _wrapped(text, " — find every meeting between two people, read the sentence it came from.", width, 0, first_room=width - len("Readout"))
    for group, keys in KEYS:
        text.append(f"\n{group}\n", style="bold underline")
        for key, what in keys:
            if width >= NARROW:
                text.append(f"  {key:<{KEY_COLUMN - 2}}", style="bold")
                _wrapped(text, what, width, KEY_COLUMN)
            else:
                text.append(f"  {key}\n", style="bold")
                text.append(" " * SYNTAX_INDENT)
                _wrapped(text, what, width, SYNTAX_INDENT)
    text.append("\nQuery syntax\n", style="bold underline")
    for example, what in SYNTAX:
        text.append("  ")
        _wrapped(text, example, width, 4, first_room=width - 2, style="bold")
        text.append(" " * SYNTAX_INDENT)
        _wrapped(text, what, width, SYNTAX_INDENT)
    text.append("\n")
    _wrapped(text, "Status: ● occurred  ○ planned  ◇ proposed  ◐ postponed  ✕ cancelled", width, 8, first_room=width)
    text.append("\nescape, q or ? closes this help.", style="dim")
    return text


class _HelpText(Static):
    """The help text, wrapped again whenever its width changes (see ``help_text``)."""

    _wrapped_at: int | None = None

    def on_resize(self) -> None:
        width = self.content_region.width
        if width and width != self._wrapped_at:
            self._wrapped_at = width
            self.update(help_text(width))


class _HelpScroll(VerticalScroll, can_focus=False):
    """The help text's scroller; the screen's keys scroll it."""


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; scrolls on small terminals.  Its footer offers
    its own keys: the main screen's do nothing here."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="esc"),
        *shown_scroll_bindings(),
    ]

    def compose(self) -> ComposeResult:
        with _HelpScroll(id="help"):
            yield _HelpText(help_text(), id="help-text", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"

    def action_scroll(self, how: str) -> None:
        scroll_now(self.query_one("#help", VerticalScroll), how)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

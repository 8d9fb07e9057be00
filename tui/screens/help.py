"""The help screen (``?``): every key, and the query syntax with examples."""

from __future__ import annotations

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
            ("y", "copy the event being read"),
            ("escape", "back to the list"),
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
    ("date:2023-05-25", "events that may fall on that day"),
    ("date:[2023-05-01 to 2023-05-31]", "a date range (either end may be left open)"),
    ("title:summit", "words of the headline only"),
    ("article:000_a5c58ae0fba963d3", "one article (id:)"),
)


def help_text() -> Text:
    text = Text()
    text.append("Readout", style="bold")
    text.append(" — find every meeting between two people, read the sentence it came from.\n")
    for group, keys in KEYS:
        text.append(f"\n{group}\n", style="bold underline")
        for key, what in keys:
            text.append(f"  {key:<18}", style="bold")
            text.append(f"{what}\n")
    text.append("\nQuery syntax\n", style="bold underline")
    for example, what in SYNTAX:
        text.append(f"  {example}\n", style="bold")
        text.append(f"      {what}\n")
    text.append("\nStatus: ● occurred  ○ planned  ◇ proposed  ◐ postponed  ✕ cancelled\n")
    text.append("\nescape, q or ? closes this help.", style="dim")
    return text


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
            yield Static(help_text(), id="help-text", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"

    def action_scroll(self, how: str) -> None:
        scroll_now(self.query_one("#help", VerticalScroll), how)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

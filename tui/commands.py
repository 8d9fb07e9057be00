"""The command palette (``ctrl+p``): every action, saved searches, recent queries.

Queries are shown as plain ``Text``: a query like ``date:[2023-05-01 to
2023-05-31]`` must not be read as markup.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Iterator

from rich.style import Style
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider

from tui.styles import one_line

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Search", "Go to the search bar  (/)", "focus_search"),
    ("Open", "Read the selected event or article in its source  (enter)", "open"),
    ("Back", "Back to the list or the search bar  (escape)", "back"),
    ("Events tab", "Show the events  (e)", "tab('events')"),
    ("Articles tab", "Show the articles  (a)", "tab('articles')"),
    ("Entities tab", "Show people, organisations and places  (p)", "tab('entities')"),
    ("Sort", "Change the order of the current list  (s)", "sort"),
    ("Filter on selection", "Narrow the query to the entity or event participants under the cursor  (f)", "filter"),
    ("Copy citation", "Copy the selected event as a citation  (y)", "copy"),
    ("Next match", "Jump to the next match in the source  (n)", "next_match"),
    ("Previous match", "Jump to the previous match in the source  (N)", "previous_match"),
    ("Save search", "Save the current query  (ctrl+s)", "save_search"),
    ("Saved searches", "List saved searches with their live counts  (ctrl+o)", "saved"),
    ("Clear search", "Empty the search bar: every event, newest first", "clear_search"),
    ("Re-index", "Bring the index up to date with the corpus now  (ctrl+r)", "reindex"),
    ("Help", "Keys and query syntax  (?)", "app.help"),
    ("Quit", "Leave Readout  (q)", "app.quit"),
)
"""(title, help, action on the main screen) for every action of the app."""

MATCH_STYLE = Style(bold=True, underline=True)
HISTORY_SHOWN = 15


def _highlight(matcher: Matcher, candidate: str) -> Text:
    """``candidate`` as plain text with the fuzzy-matched letters styled."""
    text = Text(candidate)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        text.stylize(MATCH_STYLE, offset, offset + 1)
    return text


class ReadoutCommands(Provider):
    """Actions of the main screen, then saved searches, then recent queries."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Any]]]:
        screen = self.screen
        run_action = getattr(screen, "run_action", None)
        run_query = getattr(screen, "browse_query", None)
        if run_action is None or run_query is None or not hasattr(screen, "search_bar"):
            return
        for title, help_text, action in ACTIONS:
            yield title, help_text, partial(run_action, action)
        history = getattr(self.app, "history", None)
        if history is None:
            return
        for saved in history.saved:
            yield f"Saved: {one_line(saved.name)}", "Run this saved search", partial(run_query, saved.query)
        seen = {s.query for s in history.saved}
        for query in reversed(history.queries[-HISTORY_SHOWN:]):
            if query not in seen:
                seen.add(query)
                yield f"Recent: {one_line(query)}", "Run this query again", partial(run_query, query)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(Text(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), callback, text=title, help=help_text)

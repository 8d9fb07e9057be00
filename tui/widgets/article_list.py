"""The Articles tab: title, date, source and a snippet with the matched words."""

from __future__ import annotations

from typing import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core import ArticleRow
from tui.styles import Palette, inert, one_line, snippet_text

SORTS: tuple[str, ...] = ("relevance", "newest")
SNIPPET_CHARS = 240


def _cut(pieces: Sequence[tuple[str, Sequence]], limit: int) -> list[tuple[str, Sequence]]:
    """Snippets trimmed to about ``limit`` characters in all (spans kept valid)."""
    out, used = [], 0
    for text, spans in pieces:
        room = limit - used
        if room <= 20:
            break
        if len(text) > room:
            text = text[:room].rstrip() + "…"
            spans = [s for s in spans if s.end <= room]
        out.append((text, spans))
        used += len(text)
    return out


class ArticleList(OptionList):
    """Matching articles, best first (or, after ``s``, the newest of them all first)."""

    BINDINGS = [
        Binding("enter", "screen.open", "Open", key_display="⏎"),  # also while its results are on their way
        Binding("escape", "screen.back", "Back", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, id: str | None = "article-list") -> None:
        super().__init__(id=id, markup=False)
        self.rows: list[ArticleRow] = []
        self._source: list[ArticleRow] = []
        self.sort_name = "relevance"
        self.palette = Palette()

    def show(self, rows: Sequence[ArticleRow], palette: Palette | None = None, keep: bool = True) -> None:
        """Replace the rows; with ``keep``, the selected article stays selected."""
        if palette is not None:
            self.palette = palette
        kept = self.selected() if keep else None
        self._source = list(rows)
        self._fill(kept.hit.doc_id if kept else None)

    def _fill(self, keep_id: str | None) -> None:
        self.rows = list(self._source)  # in the search's order (``sort_name`` is passed to it)
        options: list[Option | None] = []
        for n, row in enumerate(self.rows):
            options.append(Option(self._row_prompt(row), id=str(n)))
            options.append(None)
        self.set_options(options[:-1] if options else [])
        index = next((n for n, r in enumerate(self.rows) if r.hit.doc_id == keep_id), 0)
        self.highlighted = index if self.rows else None

    def _row_prompt(self, row: ArticleRow) -> Text:
        p = self.palette
        hit = row.hit
        text = Text(one_line(hit.title) or "(untitled)", style=p.heading, overflow="ellipsis")
        meta = " · ".join(x for x in (hit.date[:10], one_line(row.publisher), one_line(hit.article)) if x)
        text.append("\n")
        text.append(meta, style=p.muted)
        pieces = _cut([(inert(t), s) for t, s in row.snippets], SNIPPET_CHARS)
        if pieces:
            text.append("\n")
            text.append_text(snippet_text(pieces, p))
        return text

    def selected(self) -> ArticleRow | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self.rows):
            return None
        return self.rows[self.highlighted]

    def cycle_sort(self) -> str:
        """The next order; the rows come with the search in that order."""
        self.sort_name = SORTS[(SORTS.index(self.sort_name) + 1) % len(SORTS)]
        return self.sort_name

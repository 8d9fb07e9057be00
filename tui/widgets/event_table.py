"""The Events tab: one row per extracted event, in the search's order, status at a glance."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.events import Resize
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable

from index.results import SORTS, Hit
from tui.styles import Palette, cell, status_text

_SORT_COLUMN = {"newest": "date", "oldest": "date", "status": "status", "type": "type", "place": "place", "participants": "participants"}

DATE_W, TYPE_W, STATUS_W, PLACE_W, MIN_PEOPLE = 10, 7, 11, 14, 18


def _event(hit: Hit) -> dict[str, Any]:
    return dict(hit.event or {})


class _PassStyles:
    """A component's styles during one render pass: the Rich style worked out once."""

    def __init__(self, styles: Any) -> None:
        self._styles = styles
        self._rich: Style | None = None

    @property
    def rich_style(self) -> Style:
        if self._rich is None:
            self._rich = self._styles.rich_style
        return self._rich

    def __getattr__(self, name: str) -> Any:
        return getattr(self._styles, name)


class EventTable(DataTable):
    """Date, type, participants, place, status; ``s`` changes the order.

    The order is the search's (``sort_name`` is passed to it): the rows are
    the first hits of every match in that order, so the table only shows
    them, and asks for them again (``SortChosen``) when the order changes.
    """

    class SortChosen(Message):
        """A column header was clicked: search again in ``sort_name``'s order."""

    BINDINGS = [
        Binding("enter", "screen.open", "Open", key_display="⏎"),  # also while its results are on their way
        Binding("escape", "screen.back", "Back", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
    ]

    def __init__(self, id: str | None = "event-table") -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.hits: list[Hit] = []
        self._source: list[Hit] = []
        self.sort_name = "relevance"
        self.palette = Palette()
        self._width = 0
        self._pass_styles: dict[Any, Any] | None = None

    # showing -------------------------------------------------------------------------

    def show(self, hits: Sequence[Hit], palette: Palette | None = None, keep: bool = True) -> None:
        """Replace the rows (keeping the selected event selected if it is still there)."""
        if palette is not None:
            self.palette = palette
        selected = self.selected() if keep else None
        self._source = list(hits)
        self.hits = list(hits)
        self._render_rows(selected.doc_id if selected else None)

    def _columns(self) -> list[tuple[str, str, int]]:
        """The columns that fit: participants gets the room; type, then place, go first."""
        width = (self.region.width or self.app.size.width) - 1  # the vertical scrollbar
        columns = [("date", "date", DATE_W), ("type", "type", TYPE_W), ("participants", "participants", 0), ("place", "place", PLACE_W), ("status", "status", STATUS_W)]
        fixed = lambda cols: sum(w + 2 for _, _, w in cols if w) + 2  # noqa: E731  (cell padding)
        for drop in ("type", "place"):
            if width - fixed(columns) >= MIN_PEOPLE:
                break
            columns = [c for c in columns if c[0] != drop]
        people = max(8, width - fixed(columns))
        return [(key, label, w or people) for key, label, w in columns]

    def _render_rows(self, keep_id: str | None = None) -> None:
        self._width = self.region.width
        columns = self._columns()
        self.clear(columns=True)
        sorted_on = _SORT_COLUMN.get(self.sort_name)
        arrow = "▲" if self.sort_name == "oldest" else "▼"
        for key, label, width in columns:
            header = Text(label, style="bold")
            if key == sorted_on:
                header.append(f" {arrow}")
            self.add_column(header, key=key, width=width)
        widths = {key: width for key, _, width in columns}
        cursor = 0
        for n, hit in enumerate(self.hits):
            self.add_row(*self._cells(hit, widths), key=str(n))
            if keep_id and hit.doc_id == keep_id:
                cursor = n
        if self.hits:
            self.move_cursor(row=cursor, animate=False)

    def _cells(self, hit: Hit, widths: dict[str, int]) -> list[Text]:
        e = _event(hit)
        p = self.palette
        cells = []
        for key, width in widths.items():
            if key == "date":
                when = e.get("date") or {}
                # an undated article's event: its window's start, marked as estimated
                shown = f"~{hit.date[:7]}" if when.get("estimated") else hit.date[:10]
                cells.append(cell(shown, width, "" if when and not when.get("estimated") else p.muted))
            elif key == "type":
                cells.append(cell(e.get("type", ""), width))
            elif key == "participants":
                cells.append(cell(", ".join(e.get("participants") or ()), width, p.person))
            elif key == "place":
                cells.append(cell(e.get("location") or "", width, p.place))
            elif key == "status":
                cells.append(status_text(e.get("status", ""), p))
        return cells

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the lines in ``crop``, looking styles up once for all of them.

        ``DataTable`` asks for its own and its components' Rich styles on
        every line, and each answer walks the widget's ancestors: a third of
        the time a screenful took.  Nothing can change them during one pass.
        """
        self._pass_styles = {}
        try:
            return super().render_lines(crop)
        finally:
            self._pass_styles = None

    def _memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        memo = self._pass_styles
        if memo is None:
            return compute()
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    @property
    def rich_style(self) -> Style:
        return self._memo("rich_style", lambda: super(EventTable, self).rich_style)

    @property
    def background_colors(self) -> tuple[Color, Color]:
        return self._memo("background_colors", lambda: super(EventTable, self).background_colors)

    def get_component_styles(self, *names: str) -> Any:
        if self._pass_styles is None:
            return super().get_component_styles(*names)
        return self._memo(names, lambda: _PassStyles(super(EventTable, self).get_component_styles(*names)))

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool = False, hover: bool = False) -> list[list[Segment]]:
        """A body cell drawn straight from its one-line ``Text``.

        ``DataTable`` draws every cell through Rich's padding and line
        cropping, about half a millisecond each: a screenful of rows took
        20 ms, twice per search (the focus moving to the list, then the
        results).  Our cells are single lines cut to their column, so the same
        segments come from ``Text.render`` and two pads.  Anything else (the
        header, a cell wider than its column) goes the general way.
        """
        if row_index < 0 or column_index < 0 or self.fixed_rows or self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        row = self.rows.get(row_key) if row_key is not None else None
        cells = self._get_row_renderables(row_index).cells
        value = cells[column_index] if column_index < len(cells) else None
        pad = self.cell_padding
        inner = width - 2 * pad
        if row is None or row.height != 1 or type(value) is not Text or "\n" in value.plain or value.cell_len > inner or inner < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component, post = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
        )
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component
        blank = Style()
        line = [Segment(" " * pad, blank)] if pad else []
        console = self.app.console
        pieces = [s for s in value.render(console, end="") if s.text]
        if value.style:  # Text.render leaves the base style to __rich_console__
            pieces = list(Segment.apply_style(pieces, console.get_style(value.style, default=Style.null())))
        line.extend(pieces)
        room = inner - value.cell_len
        if room > 0:
            line.append(Segment(" " * room, blank))
        if pad:
            line.append(Segment(" " * pad, blank))
        lines = [list(Segment.apply_style(line, pre, post))]
        self._cell_render_cache[key] = lines
        return lines

    def _on_resize(self, event: Resize) -> None:
        if self.hits and self.region.width != self._width:
            self.call_after_refresh(self._render_rows, self.selected().doc_id if self.selected() else None)

    # choosing --------------------------------------------------------------------------

    def selected(self) -> Hit | None:
        if not self.hits or not 0 <= self.cursor_row < len(self.hits):
            return None
        return self.hits[self.cursor_row]

    def cycle_sort(self) -> str:
        """The next order in ``SORTS``, shown in the header; the rows come with the search in that order."""
        self.sort_name = SORTS[(SORTS.index(self.sort_name) + 1) % len(SORTS)]
        self._render_rows(self.selected().doc_id if self.selected() else None)
        return self.sort_name

    def sort_by_column(self, key: str) -> str:
        """Sort on a clicked column header (newest first for dates)."""
        order = {"date": "newest" if self.sort_name != "newest" else "oldest"}.get(key, key)
        if order in SORTS and order != self.sort_name:
            self.sort_name = order
            self._render_rows(self.selected().doc_id if self.selected() else None)
            self.post_message(self.SortChosen())
        return self.sort_name

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by_column(str(event.column_key.value))

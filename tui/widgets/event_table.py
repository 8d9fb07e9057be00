"""The Events tab: one row per extracted event, sortable, status at a glance."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import DataTable

from index.store import Hit
from tui.styles import Palette, cell, status_text

SORTS: tuple[str, ...] = ("relevance", "newest", "oldest", "status", "type", "place", "participants")
"""What ``s`` cycles through."""

_STATUS_ORDER = {"occurred": 0, "planned": 1, "proposed": 2, "postponed": 3, "cancelled": 4}
_SORT_COLUMN = {"newest": "date", "oldest": "date", "status": "status", "type": "type", "place": "place", "participants": "participants"}

DATE_W, TYPE_W, STATUS_W, PLACE_W, MIN_PEOPLE = 10, 7, 11, 14, 18


def _event(hit: Hit) -> dict[str, Any]:
    return dict(hit.event or {})


def _sort_key(name: str) -> Callable[[Hit], Any]:
    if name in ("newest", "oldest"):
        return lambda h: h.date or ""
    if name == "status":
        return lambda h: (_STATUS_ORDER.get(_event(h).get("status", ""), 9), h.date or "")
    if name == "type":
        return lambda h: (_event(h).get("type", ""), h.date or "")
    if name == "place":
        return lambda h: ((_event(h).get("location") or "\uffff").lower(), h.date or "")
    if name == "participants":
        return lambda h: ([p.lower() for p in _event(h).get("participants") or ()], h.date or "")
    raise ValueError(name)


def sort_hits(hits: Sequence[Hit], sort: str) -> list[Hit]:
    """Hits in display order for ``sort`` (``relevance`` keeps the index's order)."""
    if sort == "relevance":
        return list(hits)
    ordered = sorted(hits, key=_sort_key(sort), reverse=sort == "newest")
    return ordered


class EventTable(DataTable):
    """Date, type, participants, place, status; ``s`` changes the order."""

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

    # showing -------------------------------------------------------------------------

    def show(self, hits: Sequence[Hit], palette: Palette | None = None, keep: bool = True) -> None:
        """Replace the rows (keeping the selected event selected if it is still there)."""
        if palette is not None:
            self.palette = palette
        selected = self.selected() if keep else None
        self._source = list(hits)
        self.hits = sort_hits(self._source, self.sort_name)
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
                cells.append(cell(hit.date[:10], width, "" if e.get("date") else p.muted))
            elif key == "type":
                cells.append(cell(e.get("type", ""), width))
            elif key == "participants":
                cells.append(cell(", ".join(e.get("participants") or ()), width, p.person))
            elif key == "place":
                cells.append(cell(e.get("location") or "", width, p.place))
            elif key == "status":
                cells.append(status_text(e.get("status", ""), p))
        return cells

    def _on_resize(self, event: Resize) -> None:
        if self.hits and self.region.width != self._width:
            self.call_after_refresh(self._render_rows, self.selected().doc_id if self.selected() else None)

    # choosing --------------------------------------------------------------------------

    def selected(self) -> Hit | None:
        if not self.hits or not 0 <= self.cursor_row < len(self.hits):
            return None
        return self.hits[self.cursor_row]

    def cycle_sort(self) -> str:
        """Next order in ``SORTS``; the selected event stays selected."""
        self.sort_name = SORTS[(SORTS.index(self.sort_name) + 1) % len(SORTS)]
        selected = self.selected()
        self.hits = sort_hits(self._source, self.sort_name)
        self._render_rows(selected.doc_id if selected else None)
        return self.sort_name

    def sort_by_column(self, key: str) -> str:
        """Sort on a clicked column header (newest first for dates)."""
        order = {"date": "newest" if self.sort_name != "newest" else "oldest"}.get(key, key)
        if order in SORTS:
            selected = self.selected()
            self.sort_name = order
            self.hits = sort_hits(self._source, self.sort_name)
            self._render_rows(selected.doc_id if selected else None)
        return self.sort_name

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by_column(str(event.column_key.value))

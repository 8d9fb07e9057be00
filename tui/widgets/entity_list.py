"""The Entities tab: people, organisations and places counted over the results.

Each count is the number of matching articles naming the entity (or, for a
query only events match, such as ``type:visit``, of matching events): what
narrowing on it (``enter``) then finds on that tab.  A line above the list
says which.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.styles import Palette, one_line

GROUPS: tuple[tuple[str, str], ...] = (("person", "People"), ("org", "Organisations"), ("place", "Places"))
SORTS: tuple[str, ...] = ("count", "name")
SEP = "\x1f"


class EntityList(OptionList):
    """Choosing an entry (``enter`` or ``f``) narrows the query to it."""

    BINDINGS = [
        Binding("enter", "screen.open", "Narrow", key_display="⏎"),  # also while its results are on their way
        Binding("escape", "screen.back", "Back", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, id: str | None = "entity-list") -> None:
        super().__init__(id=id, markup=False)
        self.facets: Mapping[str, Sequence[tuple[str, int]]] = {}
        self.counted = "article"
        """What the counts count, ``article`` or ``event``: the matching ones naming each entity."""
        self.sort_name = "count"
        self.palette = Palette()
        self._width = 0

    def show(self, facets: Mapping[str, Sequence[tuple[str, int]]], palette: Palette | None = None, keep: bool = True, counted: str = "article") -> None:
        """Replace the entries; with ``keep``, the selected one stays selected.
        ``counted``: the counts are of matching articles, or of events."""
        if palette is not None:
            self.palette = palette
        kept = self.selected() if keep else None
        self.facets = facets
        self.counted = counted
        self._fill(kept)

    def count(self) -> int:
        return sum(len(v) for v in self.facets.values())

    def _fill(self, keep: tuple[str, str] | None) -> None:
        p = self.palette
        options: list[Option] = []
        self._width = self.region.width
        width = max(20, (self.region.width or self.app.size.width) - 3)  # padding, scrollbar
        if any(self.facets.get(kind) for kind, _ in GROUPS):
            options.append(Option(Text(f"Counts: matching {self.counted}s that name each", style=p.muted, overflow="ellipsis", no_wrap=True), disabled=True))
        for kind, heading in GROUPS:
            entries = list(self.facets.get(kind) or ())
            if not entries:
                continue
            if self.sort_name == "name":
                entries.sort(key=lambda e: e[0].lower())
            options.append(Option(Text(heading, style=p.heading), disabled=True))
            for name, n in entries:
                label = one_line(name)
                number = str(n)
                room = width - len(number) - 3
                if len(label) > room:
                    label = label[: max(room - 1, 1)] + "…"
                prompt = Text("  ")
                prompt.append(label, style=p.entity(kind))
                prompt.append(" " * max(1, width - 2 - len(label) - len(number)))
                prompt.append(number, style=p.muted)
                options.append(Option(prompt, id=f"{kind}{SEP}{name}"))
        self.set_options(options)
        target = None
        for index, option in enumerate(options):
            if option.disabled:
                continue
            if target is None or (keep and option.id == f"{keep[0]}{SEP}{keep[1]}"):
                target = index
                if keep is None or option.id == f"{keep[0]}{SEP}{keep[1]}":
                    break
        self.highlighted = target

    def _on_resize(self, event: Resize) -> None:
        if self.facets and self.region.width != self._width:
            self.call_after_refresh(self._fill, self.selected())

    def selected(self) -> tuple[str, str] | None:
        option = self.highlighted_option
        if option is None or option.disabled or not option.id:
            return None
        kind, _, name = option.id.partition(SEP)
        return kind, name

    def cycle_sort(self) -> str:
        keep = self.selected()
        self.sort_name = SORTS[(SORTS.index(self.sort_name) + 1) % len(SORTS)]
        self._fill(keep)
        return self.sort_name

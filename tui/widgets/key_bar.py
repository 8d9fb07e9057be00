"""The footer: the keys that apply right now, on one line.

Textual's ``Footer`` rebuilds a widget per key on every focus change; this
bar draws one ``Text`` from the same information (``Screen.active_bindings``,
filtered by each screen's ``check_action``), which keeps focus changes cheap
and lets the keys that matter most come first at 80 columns.

Every screen has its own (help, saved searches and the palette too, docked
over the main screen's): a modal screen takes all the keys, so the main
screen's footer offered keys that did nothing there.
"""

from __future__ import annotations

from itertools import groupby
from typing import Sequence

from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widgets import Input, Static

TYPED_NAMES = frozenset({"slash", "question_mark", "space"})


def typed(key: str) -> bool:
    """Is ``key`` a character the search bar types (so not a command there)?"""
    return len(key) == 1 or key in TYPED_NAMES


class KeyBar(Static):
    """``/ Search  ⏎ Open  y Copy …``; disabled keys dimmed, hidden ones left out.

    ``lead``: (key, description) pairs shown first, for keys that a widget
    handles without a binding of its own to show (``⏎`` in the palette's input).
    """

    def __init__(self, id: str | None = "keys", lead: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(Text(), id=id, markup=False)
        self._pending = False
        self.lead = tuple(lead)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)
        self._changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, screen: Screen) -> None:
        if not self._pending and self.is_attached:
            self._pending = True  # several updates in a row: draw once
            self.call_after_refresh(self._draw)

    def _draw(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        variables = self.app.theme_variables
        key_style = Style(bold=True, color=variables.get("text-accent") or None)
        text = Text(no_wrap=True, overflow="ellipsis")
        typing = isinstance(self.app.focused, Input)
        shown = [
            (b.binding, b.enabled)
            for b in self.screen.active_bindings.values()
            if b.binding.show and not (typing and typed(b.binding.key))
        ]
        by_action: dict[str, tuple] = {}
        for binding, enabled in shown:
            by_action.setdefault(binding.action, (binding, enabled))
        entries: list[tuple[str, str, bool]] = [(keys, description, True) for keys, description in self.lead]
        for group, items in groupby(by_action.values(), key=lambda item: item[0].group):
            items = list(items)
            if group is not None and len(items) > 1:
                keys = ("" if group.compact else " ").join(self.app.get_key_display(b) for b, _ in items)
                entries.append((keys, group.description, any(enabled for _, enabled in items)))
            else:
                entries.extend((self.app.get_key_display(b), b.description, enabled) for b, enabled in items)
        # Two spaces between keys, or one when that is what it takes to show them all
        # (at 80 columns the last key, ^p Palette, was cut).
        room = self.content_region.width or self.app.size.width
        wide = sum(len(k) + 1 + len(d) for k, d, _ in entries) + 2 * max(0, len(entries) - 1)
        gap = "  " if wide <= room else " "
        for keys, description, enabled in entries:
            if text:
                text.append(gap)
            dim = Style(dim=True) if not enabled else Style()
            text.append(keys, style=key_style + dim)
            text.append(f" {description}", style=dim)
        self.update(text)

    def on_resize(self) -> None:
        self._changed(self.screen)

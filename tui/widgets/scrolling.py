"""Keyboard scrolling that never drops a key.

Textual's ``scroll_down`` and friends defer the scroll until after a refresh
and start from the *target* of the previous scroll only once it is set, so
several keys arriving together (a held key, a slow SSH link) moved one line.
Here every scroll happens at once, from where the previous one ended.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.widget import Widget

HOW = ("down", "up", "page_down", "page_up", "home", "end")

SCROLL_BINDINGS = [
    Binding("j,down", "scroll('down')", "Down", show=False),
    Binding("k,up", "scroll('up')", "Up", show=False),
    Binding("space,pagedown", "scroll('page_down')", "Page down", show=False),
    Binding("b,pageup", "scroll('page_up')", "Page up", show=False),
    Binding("g,home", "scroll('home')", "Top", show=False),
    Binding("G,end", "scroll('end')", "Bottom", show=False),
]
"""The keys of a pane read by scrolling (the source, help): each calls its ``action_scroll``."""

_SHOWN = {
    "scroll('up')": ("↑", Binding.Group("Scroll", compact=True)),
    "scroll('down')": ("↓", None),
    "scroll('page_up')": ("pgup", Binding.Group("Page")),
    "scroll('page_down')": ("pgdn", None),
    "scroll('home')": ("g", Binding.Group("Top/end")),
    "scroll('end')": ("G", None),
}


def shown_scroll_bindings() -> list[Binding]:
    """``SCROLL_BINDINGS`` for a screen whose footer offers them, in pairs:
    ``↑↓ Scroll  pgup pgdn Page  g G Top/end`` (the same keys do the same)."""
    by_action = {b.action: b for b in SCROLL_BINDINGS}
    shown = []
    group = None
    for action, (display, own_group) in _SHOWN.items():
        group = own_group or group
        shown.append(replace(by_action[action], show=True, key_display=display, group=group))
    return shown


def scroll_now(widget: Widget, how: str) -> None:
    """Scroll ``widget`` one line, one page, or to an end, immediately."""
    if how not in HOW:
        raise ValueError(f"how must be one of {HOW}, not {how!r}")
    page = max(1, widget.scrollable_content_region.height)
    y = widget.scroll_target_y
    target = {
        "down": y + 1,
        "up": y - 1,
        "page_down": y + page,
        "page_up": y - page,
        "home": 0,
        "end": widget.max_scroll_y,
    }[how]
    widget.scroll_to(y=max(0, min(target, widget.max_scroll_y)), animate=False, immediate=True)

"""The one place where spans from ``index/`` become Rich styles.

Everything the app shows from an article (titles, snippets, names,
sentences, the article itself) passes through here as plain text and
comes out as ``rich.text.Text`` -- never as markup -- so ``[bold]`` or an
escape sequence in a story is shown as inert characters.  Colours come
from the current Textual theme, so every theme (and ``NO_COLOR``, which
Textual turns into monochrome) keeps kinds and statuses apart; each style
also carries an attribute (bold, reverse, underline, a glyph) that
survives without colour -- and the entity kinds each a different one
(``ENTITY_ATTRIBUTES``), or organisations and places were the same grey.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from rich.style import Style
from rich.text import Text

from index.model import Span

# --- making text inert -------------------------------------------------------------------

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_INERT_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}
_INERT_TABLE.update({0x09: " ", 0x0A: "\n", 0x7F: "\u2421"})
_INERT_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_INERT_TABLE.update({ord(c): "\ufffd" for c in _BIDI})


def inert(text: str, keep_newlines: bool = True) -> str:
    """``text`` with every control character swapped for a visible one.

    One code point in, one code point out, so spans stay valid.  ESC shows
    as the symbol for ESC, so an escape sequence can never act on the
    terminal; tabs become spaces (they would shift wrapped offsets).
    """
    out = text.translate(_INERT_TABLE)
    return out if keep_newlines else out.replace("\n", " ")


def one_line(text: str) -> str:
    """Inert text on one line, runs of white space collapsed (for cells)."""
    return " ".join(inert(text).split())


# --- the palette -------------------------------------------------------------------------------

STATUS_GLYPHS: Mapping[str, str] = {
    "occurred": "●",
    "planned": "○",
    "proposed": "◇",
    "postponed": "◐",
    "cancelled": "✕",
}
"""A glyph per event status: planned vs occurred tells apart without colour."""

ENTITY_ATTRIBUTES: Mapping[str, Style] = {
    "person": Style(bold=True),
    "org": Style(bold=True, italic=True),
    "place": Style(underline=True),
    "title": Style(italic=True),
    "date": Style(italic=True, underline=True),
}
"""What tells each entity kind apart without colour (``NO_COLOR``, a monochrome terminal)."""

ENTITY_LABELS: Mapping[str, str] = {
    "person": "person",
    "org": "organisation",
    "place": "place",
    "title": "title",
    "date": "date",
}


def _color(variables: Mapping[str, str], name: str, fallback: str) -> str | None:
    """A theme variable as a Rich colour string (Textual colours may carry alpha)."""
    from textual.color import Color

    value = variables.get(name, fallback)
    try:
        return Color.parse(value).hex6
    except Exception:
        try:
            return Color.parse(fallback).hex6
        except Exception:
            return None


@dataclass(frozen=True)
class Palette:
    """Rich styles for everything Readout highlights, derived from a theme."""

    person: Style = ENTITY_ATTRIBUTES["person"] + Style(color="#57A5E2")
    org: Style = ENTITY_ATTRIBUTES["org"] + Style(color="#8AD4A1")
    place: Style = ENTITY_ATTRIBUTES["place"] + Style(color="#FFC473")
    title: Style = ENTITY_ATTRIBUTES["title"] + Style(color="#5684A5")
    date: Style = ENTITY_ATTRIBUTES["date"] + Style(color="#FFC473")
    match: Style = Style(bold=True, reverse=True)
    current_match: Style = Style(bold=True, reverse=True, underline=True, color="#FEA62B")
    evidence: Style = Style(bgcolor="#173048")
    furniture: Style = Style(dim=True, italic=True)
    muted: Style = Style(dim=True)
    heading: Style = Style(bold=True)
    error: Style = Style(bold=True, color="#D17E92")
    statuses: Mapping[str, Style] = field(
        default_factory=lambda: {
            "occurred": Style(bold=True, color="#8AD4A1"),
            "planned": Style(color="#FFC473"),
            "proposed": Style(italic=True, color="#57A5E2"),
            "postponed": Style(color="#5684A5"),
            "cancelled": Style(strike=True, color="#D17E92"),
        }
    )

    @classmethod
    def from_variables(cls, v: Mapping[str, str]) -> "Palette":
        """Styles from a Textual theme's variables (``App.theme_variables``)."""
        c = lambda name, fallback: _color(v, name, fallback)  # noqa: E731
        return cls(
            person=ENTITY_ATTRIBUTES["person"] + Style(color=c("text-primary", "#57A5E2")),
            org=ENTITY_ATTRIBUTES["org"] + Style(color=c("text-success", "#8AD4A1")),
            place=ENTITY_ATTRIBUTES["place"] + Style(color=c("text-warning", "#FFC473")),
            title=ENTITY_ATTRIBUTES["title"] + Style(color=c("text-secondary", "#5684A5")),
            date=ENTITY_ATTRIBUTES["date"] + Style(color=c("text-accent", "#FFC473")),
            match=Style(bold=True, reverse=True),
            current_match=Style(bold=True, reverse=True, underline=True, color=c("accent", "#FEA62B")),
            evidence=Style(bgcolor=c("primary-background-lighten-1", "#173048")),
            furniture=Style(dim=True, italic=True),
            muted=Style(color=c("foreground-muted", "#9E9E9E")),
            heading=Style(bold=True),
            error=Style(bold=True, color=c("text-error", "#D17E92")),
            statuses={
                "occurred": Style(bold=True, color=c("text-success", "#8AD4A1")),
                "planned": Style(color=c("text-warning", "#FFC473")),
                "proposed": Style(italic=True, color=c("text-primary", "#57A5E2")),
                "postponed": Style(color=c("text-secondary", "#5684A5")),
                "cancelled": Style(strike=True, color=c("text-error", "#D17E92")),
            },
        )

    def entity(self, kind: str) -> Style | None:
        """The style of an entity mention of ``kind`` (countries look like places)."""
        return {
            "person": self.person,
            "org": self.org,
            "place": self.place,
            "country": self.place,
            "title": self.title,
            "date": self.date,
        }.get(kind)

    def status(self, status: str) -> Style:
        return self.statuses.get(status, self.muted)


# --- small pieces ---------------------------------------------------------------------------------


def status_text(status: str, palette: Palette) -> Text:
    """``● occurred`` / ``○ planned``...: glyph and word, styled by status."""
    glyph = STATUS_GLYPHS.get(status, "·")
    return Text(f"{glyph} {one_line(status)}", style=palette.status(status), no_wrap=True, overflow="ellipsis")


def cell(value: str, width: int | None = None, style: Style | str = "") -> Text:
    """A single-line table cell, cut with an ellipsis to ``width``."""
    text = Text(one_line(value), style=style, no_wrap=True, overflow="ellipsis")
    if width is not None and text.cell_len > width:
        text.truncate(max(width, 1), overflow="ellipsis")
    return text


def highlighted(text: str, spans: Iterable[Span], style: Style) -> Text:
    """``text`` (made inert) with ``spans`` styled."""
    out = Text(inert(text))
    n = len(text)
    for span in spans:
        start, end = max(0, span.start), min(n, span.end)
        if start < end:
            out.stylize(style, start, end)
    return out


def snippet_text(pieces: Sequence[tuple[str, Sequence[Span]]], palette: Palette) -> Text:
    """Hit snippets on one line each, matched words styled as matches."""
    text = Text()
    for n, (piece, spans) in enumerate(pieces):
        if n:
            text.append(" … ", style=palette.muted)
        text.append_text(highlighted(piece.replace("\n", " "), spans, palette.match))
    return text


def legend(palette: Palette) -> Text:
    """The key to the source pane's colours."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for kind, label in ENTITY_LABELS.items():
        style = palette.entity(kind)
        text.append(label, style=style)
        text.append("  ")
    text.append(" evidence ", style=palette.evidence)
    text.append("  ")
    text.append("match", style=palette.match)
    return text


# --- an article ------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")


@dataclass(frozen=True)
class Reflowed:
    """An article's text laid out for reading, and where each offset went."""

    text: str
    positions: tuple[int, ...]
    """``positions[i]``: where character ``i`` of the original text now is."""

    def span(self, span: Span) -> tuple[int, int]:
        last = len(self.positions) - 1
        return self.positions[min(span.start, last)], self.positions[min(span.end, last)]


def reflow(body: str) -> Reflowed:
    """One paragraph per line in (the index's cleaned form), a blank line between
    paragraphs out; the terminal then wraps each paragraph to the pane's width."""
    out: list[str] = []
    positions: list[int] = []
    length = 0
    leading = len(body) - len(body.lstrip())
    positions.extend([0] * leading)
    cursor = leading
    for m in _SEPARATOR.finditer(body, leading):
        start, end = m.span()
        chunk = body[cursor:start]
        positions.extend(range(length, length + len(chunk)))
        out.append(chunk)
        length += len(chunk)
        joint = "" if end == len(body) else "\n\n"
        positions.extend([length] * (end - start))
        out.append(joint)
        length += len(joint)
        cursor = end
    chunk = body[cursor:]
    positions.extend(range(length, length + len(chunk)))
    out.append(chunk)
    length += len(chunk)
    positions.append(length)
    return Reflowed("".join(out), tuple(positions))


def article_text(
    body: str,
    mentions: Iterable[tuple[str, Span]],
    furniture: Iterable[Span],
    matches: Sequence[Span],
    evidence: Iterable[Span],
    palette: Palette,
    current: int | None = None,
) -> tuple[Text, Reflowed]:
    """The article as ``Text``: reflowed, made inert, every highlight layered.

    Layers, bottom to top: furniture, evidence sentences, entities by kind,
    search matches, the current match (the one ``n``/``N`` moved to).
    """
    flowed = reflow(body)
    text = Text(inert(flowed.text))

    def paint(span: Span, style: Style | None) -> None:
        if style is None:
            return
        start, end = flowed.span(span)
        if start < end:
            text.stylize(style, start, end)

    for span in furniture:
        paint(span, palette.furniture)
    for span in evidence:
        paint(span, palette.evidence)
    for kind, span in mentions:
        paint(span, palette.entity(kind))
    for n, span in enumerate(matches):
        paint(span, palette.current_match if n == current else palette.match)
    return text, flowed


def wrapped_line(plain: str, offset: int, width: int) -> int:
    """The screen line (0-based) that ``offset`` of ``plain`` wraps to at ``width``.

    Uses the same line breaking as Textual's own text rendering.
    """
    try:
        from rich._wrap import divide_line
    except ImportError:  # pragma: no cover - rich moved it
        divide_line = None
    width = max(width, 1)
    y = 0
    start = 0
    for line in plain.split("\n"):
        end = start + len(line)
        breaks = divide_line(line, width, fold=True) if divide_line else list(range(width, len(line), width))
        if offset <= end:
            return y + sum(1 for b in breaks if b <= offset - start)
        y += len(breaks) + 1
        start = end + 1
    return y

"""The source pane: one article, reflowed, with everything that matters marked.

A header (title, date, source, id, and the event being read), a legend of
the highlight colours, then the text: entities by kind, the search terms,
the chosen event's evidence sentences (scrolled into view); ``n``/``N``
step through the matches.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from index.model import Span
from index.results import StoredArticle
from tui.clipboard import event_date, written_about
from tui.styles import Palette, Reflowed, article_text, legend, one_line, status_text, wrapped_line
from tui.widgets.scrolling import SCROLL_BINDINGS, scroll_now

EMPTY = "Choose an event or an article and press enter to read it here."
CONTEXT_LINES = 2
"""Lines shown above the sentence or match scrolled to."""


class _Scroll(VerticalScroll, can_focus=False):
    """The scrolling part of the pane (the header stays put above it)."""


class SourceView(Vertical, can_focus=True):
    """The article being read; focusable, so it scrolls from the keyboard."""

    BINDINGS = SCROLL_BINDINGS

    def __init__(self, id: str | None = "source") -> None:
        super().__init__(id=id)
        self.article: StoredArticle | None = None
        self.event: Mapping[str, Any] | None = None
        self.matches: list[Span] = []
        self.current: int | None = None
        self.palette = Palette()
        self._flowed: Reflowed | None = None
        self.body_text = Text()
        """The article as last drawn (plain ``Text``, styles as spans)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(EMPTY), id="source-header", markup=False)
        yield Static(Text(), id="source-legend", markup=False)
        with _Scroll(id="source-scroll"):
            yield Static(Text(), id="source-body", markup=False)

    def on_mount(self) -> None:
        self.add_class("-empty")

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one("#source-scroll", VerticalScroll)

    def action_scroll(self, how: str) -> None:
        scroll_now(self.scroller, how)

    # showing -----------------------------------------------------------------------------

    def show(
        self,
        article: StoredArticle,
        matches: Sequence[Span] = (),
        event: Mapping[str, Any] | None = None,
        palette: Palette | None = None,
    ) -> None:
        """Show ``article``; scroll to ``event``'s evidence, else to the first match."""
        if palette is not None:
            self.palette = palette
        self.article = article
        self.event = event
        self.matches = sorted(matches, key=lambda s: (s.start, s.end))
        self.current = 0 if event is None and self.matches else None
        self._redraw()
        sentence = self._sentence()
        target = sentence.start if sentence else (self.matches[0].start if self.matches else None)
        self.scroller.scroll_home(animate=False)
        if target is not None:
            self.call_after_refresh(self.scroll_to_offset, target)

    def clear(self, message: str = EMPTY) -> None:
        self.article = None
        self.event = None
        self.matches = []
        self.current = None
        self.query_one("#source-header", Static).update(Text(message))
        self.add_class("-empty")
        self.body_text = Text()
        self.query_one("#source-body", Static).update(self.body_text)

    def restyle(self, palette: Palette) -> None:
        """Redraw with a new theme's colours."""
        self.palette = palette
        if self.article is not None:
            self._redraw()

    def _evidence(self) -> list[Span]:
        if not self.event:
            return []
        spans = []
        for item in self.event.get("evidence") or ():
            start, end = item.get("span", (0, 0))
            if 0 <= start <= end:
                spans.append(Span(start, end))
        if not spans and self.event.get("span"):
            start, end = self.event["span"]
            spans.append(Span(start, end))
        return spans

    def _sentence(self) -> Span | None:
        """The sentence to scroll to: the event's own (the one its citation
        quotes), else its first evidence in the text."""
        if not self.event:
            return None
        span = self.event.get("span")
        if span and 0 <= span[0] <= span[1]:
            return Span(span[0], span[1])
        evidence = self._evidence()
        return min(evidence, key=lambda s: s.start) if evidence else None

    def _redraw(self) -> None:
        article = self.article
        if article is None:
            return
        p = self.palette
        lines = [Text(one_line(article.title) or "(untitled)", style=p.heading)]
        meta = " · ".join(x for x in (article.published[:10] or written_about(article.dated_by), one_line(article.source), one_line(article.dateline), one_line(article.id)) if x)
        info = Text(meta, style=p.muted)
        if self.matches:
            n = len(self.matches)
            where = f"match {self.current + 1}/{n}" if self.current is not None else f"{n} match{'es' if n != 1 else ''}"
            info.append(f" · {where} (n/N)", style=p.muted)
        lines.append(info)
        if self.event:
            e = self.event
            line = status_text(e.get("status", ""), p)
            line.append(f" {one_line(e.get('type', ''))} · ")
            line.append(", ".join(one_line(x) for x in e.get("participants") or ()), style=p.person)
            line.append(f" · {event_date(e)}")
            if e.get("location"):
                line.append(" · ")
                line.append(one_line(e["location"]), style=p.place)
            lines.append(line)
        for line in lines:
            line.no_wrap = True
            line.overflow = "ellipsis"
        self.query_one("#source-header", Static).update(Text("\n").join(lines))
        self.query_one("#source-legend", Static).update(legend(p))
        self.remove_class("-empty")
        self.body_text, self._flowed = article_text(
            article.text,
            [(m.kind, m.span) for m in article.mentions],
            article.furniture,
            self.matches,
            self._evidence(),
            p,
            current=self.current,
        )
        self.query_one("#source-body", Static).update(self.body_text)

    # moving --------------------------------------------------------------------------------

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the text at ``offset`` of the article is near the top."""
        if self._flowed is None:
            return
        body = self.query_one("#source-body", Static)
        position = self._flowed.positions[min(offset, len(self._flowed.positions) - 1)]
        line = wrapped_line(self._flowed.text, position, body.size.width)
        self.scroller.scroll_to(y=max(0, line - CONTEXT_LINES), animate=False)

    def step(self, direction: int) -> bool:
        """Move to the next (1) or previous (-1) match; False if there are none."""
        if not self.matches:
            return False
        if self.current is None:
            self.current = 0 if direction > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + direction) % len(self.matches)
        self._redraw()
        self.call_after_refresh(self.scroll_to_offset, self.matches[self.current].start)
        return True

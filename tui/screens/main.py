"""The main screen: search bar, list tabs, source pane, status line, footer.

It owns the coordination the panes should not know about: debounced
search in a thread worker, opening an article in another, background
re-indexing in a third; each posts a message back and the handlers here
put the results on screen.  A result from an outdated request (the query
changed meanwhile) is dropped by its generation number.

A search comes in two parts.  The first (hits and exact totals) fills the
Events table, the list in view and the counts; once that is on screen the
worker goes on to the entity counts and source names, which fill the other
lists, and the source pane previews the selection.  Until then the worker
and the preview would only slow the painting of what the user is waiting for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Mapping

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static, TabbedContent, TabPane
from textual.widgets._tabbed_content import ContentTabs
from textual.worker import get_current_worker

from index.results import Hit, IndexUnreadable, QueryError, StoredArticle
from tui import core
from tui.clipboard import article_citation, citation
from tui.core import FIRST_EVENTS, SNIPPET_ROWS, ArticleRow, Reader, Results
from tui.history import Recall
from tui.indexing import IndexNews, keep_current
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_list import EntityList
from tui.widgets.event_table import EventTable
from tui.widgets.key_bar import KeyBar
from tui.widgets.search_bar import SearchBar
from tui.widgets.source_view import SourceView
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.app import ReadoutApp

LIST_IDS = {"events": "#event-table", "articles": "#article-list", "entities": "#entity-list"}
TAB_KEYS = Binding.Group("Tabs", compact=True)
MATCH_KEYS = Binding.Group("Match", compact=True)
CHECKED_ACTIONS = {"sort", "filter", "copy", "next_match", "previous_match", "open"}
"""Actions that apply only to some selections (``check_action``)."""
PAINT_WAIT_S = 1.0
"""Longest a search worker waits for its first part to be painted before going on."""
HOLD_PAINT_S = 0.1
"""Longest ``enter`` holds back painting the focus move, waiting for the results."""
STARTUP_HOLD_PAINT_S = 0.3
"""Longest the first frame waits for the first results (see ``_hold_paint``)."""
STARTUP_CHECK_LATEST_S = 1.0
"""The start-up index check begins once the first results are drawn, or after this."""
TIDY_AFTER_S = 0.05
"""How long after a search's frame is drawn the heap is tidied (``_tidy``)."""


# --- searching in an order ------------------------------------------------------------------
#
# An order other than relevance is the search's, not the list's: the index
# sorts every match and hands out the first ``limit`` (the newest of 1,058,
# not of the 200 best).  ``Reader`` searches by relevance, so these put the
# lists' hits in order around its two parts.


def _article_rows(reader: Reader, query: str, sort: str) -> tuple[tuple[ArticleRow, ...], int]:
    """The article hits of ``query`` in order ``sort``, snippets located, and their total (source names come with ``Reader.complete``)."""
    store = reader.store
    page = store.search(query, kind="article", limit=reader.limit, snippets=SNIPPET_ROWS, sort=sort)
    rows = tuple(
        ArticleRow(hit, tuple((s.text, tuple(s.highlights) or tuple(store.match_spans(query, s.text))) for s in hit.snippets))
        for hit in page.hits
    )
    return rows, page.total


def first_in_order(reader: Reader, results: Results, event_sort: str, article_sort: str, articles: bool) -> Results:
    """A search's first part (``Reader.first``: by relevance) with each list
    not in relevance order fetched in its order: a screenful of events, and
    the articles if their tab is in view (``articles``)."""
    changes: dict[str, Any] = {}
    if event_sort != "relevance":
        limit = reader.limit if results.complete else min(reader.limit, FIRST_EVENTS)
        page = reader.store.search(results.query, kind="event", limit=limit, snippets=False, sort=event_sort)
        changes.update(events=page.hits, event_total=page.total)
    if article_sort != "relevance" and (articles or results.complete):
        rows, total = _article_rows(reader, results.query, article_sort)
        changes.update(articles=rows, article_total=total, articles_listed=True)
    if not changes:
        return results
    # never kept as the opening screen's (that is by relevance); the opening
    # screen kept whole goes on to ``Reader.complete`` too, for the rows' sources
    return replace(results, folder_state=None, complete=False, **changes)


def rest_in_order(reader: Reader, results: Results, event_sort: str, article_sort: str) -> Results:
    """A first part from ``first_in_order`` with every hit of its ordered
    lists, so that ``Reader.complete`` fetches neither again by relevance."""
    changes: dict[str, Any] = {}
    if event_sort != "relevance" and len(results.events) < min(reader.limit, results.event_total):
        page = reader.store.search(results.query, kind="event", limit=reader.limit, snippets=False, sort=event_sort)
        changes.update(events=page.hits, event_total=page.total)
    if article_sort != "relevance" and not results.articles_listed:
        rows, total = _article_rows(reader, results.query, article_sort)
        changes.update(articles=rows, article_total=total, articles_listed=True)
    return replace(results, **changes) if changes else results


def _sentence_start(event: Mapping[str, Any]) -> int | None:
    """Where the event's sentence (the one the source pane scrolls to) starts in its article."""
    span = event.get("span")
    if span and 0 <= span[0] <= span[1]:
        return int(span[0])
    starts = [item["span"][0] for item in event.get("evidence") or () if item.get("span") and item["span"][0] >= 0]
    return min(starts) if starts else None


# --- messages from the workers -------------------------------------------------------------


class SearchDone(Message):
    def __init__(self, generation: int, results: Results) -> None:
        super().__init__()
        self.generation = generation
        self.results = results


class SearchFailed(Message):
    def __init__(self, generation: int, query: str, reason: str, missing_index: bool = False) -> None:
        super().__init__()
        self.generation = generation
        self.query = query
        self.reason = reason
        self.missing_index = missing_index


class ArticleLoaded(Message):
    def __init__(self, generation: int, article: StoredArticle | None, matches: list, event: Mapping[str, Any] | None, focus: bool) -> None:
        super().__init__()
        self.generation = generation
        self.article = article
        self.matches = matches
        self.event = event
        self.focus = focus


class CitationReady(Message):
    def __init__(self, text: str, what: str) -> None:
        super().__init__()
        self.text = text
        self.what = what


class IndexState(Message):
    """News from the index worker."""

    def __init__(self, news: IndexNews) -> None:
        super().__init__()
        self.news = news


@dataclass
class Reading:
    """What the source pane was asked to show."""

    article_id: str
    event: Mapping[str, Any] | None


class MainScreen(Screen[None]):
    """Search, browse, read: the whole workflow on one screen."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (81, "-wide")]
    """80 columns and fewer: the source pane opens full width over the list."""
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    """Under 20 lines the legend goes, leaving room for the text."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("enter", "open", "Open", key_display="⏎"),
        Binding("escape", "back", "Back"),
        Binding("y", "copy", "Copy"),
        Binding("f", "filter", "Filter"),
        Binding("s", "sort", "Sort"),
        Binding("n", "next_match", "Next match", group=MATCH_KEYS),
        Binding("N", "previous_match", "Previous match", group=MATCH_KEYS),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
        Binding("e", "tab('events')", "Events", group=TAB_KEYS),
        Binding("a", "tab('articles')", "Articles", group=TAB_KEYS),
        Binding("p", "tab('entities')", "Entities", group=TAB_KEYS),
        Binding("ctrl+s", "save_search", "Save", show=False),
        Binding("ctrl+o", "saved", "Saved", show=False),
        Binding("ctrl+r", "reindex", "Re-index", show=False),
    ]

    def __init__(self, initial_query: str = "") -> None:
        super().__init__(classes=" ".join(self._breakpoint_classes()))
        self.initial_query = initial_query
        self.query_text = initial_query
        """The query whose results are on screen (or being fetched)."""
        self.results: Results | None = None
        self.shown_query: str | None = None
        self.reading: Reading | None = None
        self._search_generation = 0
        self._article_generation = 0
        self._debounce: Timer | None = None
        self._indexing = False
        self._index_note = ""
        self._last_modified = 0.0
        self._keys_state: tuple[object, ...] = ()
        self._open_when_ready = False
        """``enter`` came before the results of the query typed: open the first when they come."""
        self._filled: dict[str, str] = {}
        """List tab -> the query whose results it shows."""
        self._painted = threading.Event()
        """Set once the first part of the current search is on screen (see ``_search``)."""
        self._paint_hold: Any = None
        self._paint_hold_timer: Timer | None = None
        self._startup_check: str | None = None
        """The index check waiting for the first results (see ``_check_after_start``)."""
        self._query_failed = False
        """The query in the bar could not be read: the lists keep the last results, and they stay usable."""
        self._to_top: set[str] = set()
        """Lists whose cursor goes to the first row when their next results come (after ``s``)."""
        self._keep_place: tuple[str, float] | None = None
        """(article id, scroll offset) to return to when that article is shown again (after a re-index)."""

    def _breakpoint_classes(self) -> list[str]:
        """The breakpoint classes for the terminal's size, set from the start:
        Textual sets them on the first resize, and setting them then restyled
        every widget a second time before the first frame."""
        try:
            width, height = self.app.size
        except Exception:  # no app yet (a screen built outside one): Textual sets them on resize
            return []
        found = []
        for breakpoints, dimension in ((self.HORIZONTAL_BREAKPOINTS, width), (self.VERTICAL_BREAKPOINTS, height)):
            passed = [name for start, name in sorted(breakpoints) if dimension >= start]
            if passed:
                found.append(passed[-1])
        return found

    @property
    def readout(self) -> "ReadoutApp":
        return self.app  # type: ignore[return-value]

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(Recall(self.readout.history), value=self.initial_query)
        yield Static(Text(), id="query-error", markup=False)
        with Horizontal(id="panes"):
            with TabbedContent(id="lists", initial="events"):
                with TabPane("Events", id="events"):
                    yield EventTable()
                with TabPane("Articles", id="articles"):
                    yield ArticleList()
                with TabPane("Entities", id="entities"):
                    yield EntityList()
            yield SourceView()
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        for tabs in self.query(ContentTabs):
            tabs.can_focus = False  # tab moves between panes; e / a / p switch tabs
        self.query_one("#query-error").display = False
        self.readout.theme_changed_signal.subscribe(self, lambda _theme: self.restyle())
        self.search_bar.focus()
        kept = self.readout.reader.kept_opening(self.initial_query)
        shown = False
        if kept is not None:  # the opening screen kept from the last start: in the very first frame
            self._search_generation += 1
            try:
                self.on_search_done(SearchDone(self._search_generation, kept))
                shown = True
            except Exception:  # kept by another Readout in a shape this one cannot show: search instead
                self.readout.reader.opening.forget()
        if not shown:
            self._hold_paint(STARTUP_HOLD_PAINT_S)
            self.run_query(self.initial_query, record=False)
        self._startup_check = "check" if self.readout.auto_index else "summary"
        self.set_timer(STARTUP_CHECK_LATEST_S, self._check_after_start)
        self.set_interval(30, self._show_freshness)

    @property
    def startup_check_pending(self) -> bool:
        """Is the start-up index check still waiting for the first results to be drawn?"""
        return self._startup_check is not None

    def _check_after_start(self) -> None:
        """The start-up look at the index, once the first results are on
        screen (or after ``STARTUP_CHECK_LATEST_S``): checking the corpus
        competed with the first search and the first paint for the one
        interpreter lock, and nobody reads the index's age before the results."""
        mode = self._startup_check
        if mode is not None:
            self.check_index(mode)

    flush_startup_check = _check_after_start
    """Begin the waiting start-up check now (the timers would, soon)."""

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def source(self) -> SourceView:
        return self.query_one(SourceView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#lists", TabbedContent)

    @property
    def active_tab(self) -> str:
        return self.tabs.active or "events"

    def active_list(self) -> Widget:
        return self.query_one(LIST_IDS[self.active_tab])

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def restyle(self) -> None:
        """Redraw lists and source with the current theme's colours."""
        palette = self.readout.palette
        if self.results is not None:
            self._show_results(self.results, redraw=True)
        self.source.restyle(palette)

    # --- searching ------------------------------------------------------------------------

    @on(Input.Changed, "SearchBar")
    def _typed(self, event: Input.Changed) -> None:
        """Search as you type, once the keys pause for ``debounce_ms``."""
        if event.value == self.query_text or event.value != self.search_bar.value:
            return  # already searched (enter came first), or an older state of the bar
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(self.readout.debounce, self.flush_search)

    def action_submit_search(self) -> None:
        """``enter`` in the search bar: search now and go to the results.

        A screen action rather than ``Input.Submitted``: the message would be
        handled after keys already typed ahead (``⏎⏎`` to search and open),
        which the bar would then take for itself.  Focus moves at once
        (``set_focus``, not ``focus()``, which waits its turn) for the same reason.
        """
        self._hold_paint()
        self.run_query(self.search_bar.value)
        self.set_focus(self.active_list())

    def _hold_paint(self, at_most: float = HOLD_PAINT_S) -> None:
        """Paint the focus moving to the list together with the results, not
        before them: a frame of the old list, focused, cost as much to draw as
        the results (a full screen) and slowed the search it competed with.
        At start-up likewise: the first frame is the one with results, not an
        empty one drawn just before.  Keys are still handled meanwhile;
        painting resumes when the results are shown, or after ``at_most``
        seconds at the latest."""
        if self._paint_hold is None:
            self._paint_hold = self.app.batch_update()
            self._paint_hold.__enter__()
            self._paint_hold_timer = self.set_timer(at_most, self._release_paint)

    def _release_paint(self) -> None:
        hold, self._paint_hold = self._paint_hold, None
        if self._paint_hold_timer is not None:
            self._paint_hold_timer.stop()
            self._paint_hold_timer = None
        if hold is not None:
            hold.__exit__(None, None, None)

    def on_unmount(self) -> None:
        self._release_paint()

    def flush_search(self) -> None:
        """Run the search the debounce timer is waiting to run, now."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
            self.run_query(self.search_bar.value, record=False)

    @property
    def search_pending(self) -> bool:
        return self._debounce is not None

    def run_query(self, query: str, record: bool = True) -> None:
        """Show ``query`` in the bar and search for it in a worker."""
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self.query_text = query
        if self.search_bar.value != query:
            self.search_bar.value = query
            self.search_bar.cursor_position = len(query)
        if record:
            self.readout.history.record(query)
        self._query_failed = False
        self._start_search(query)

    def _start_search(self, query: str) -> None:
        """Search for ``query`` in a worker, in the lists' current orders."""
        self._search_generation += 1
        self._painted.set()  # the previous search's worker need not wait any more
        self._painted = threading.Event()
        event_sort = self.query_one(EventTable).sort_name
        article_sort = self.query_one(ArticleList).sort_name
        self._search(query, self._search_generation, self._painted, self.active_tab == "articles", event_sort, article_sort)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, generation: int, painted: threading.Event, articles: bool, event_sort: str = "relevance", article_sort: str = "relevance") -> None:
        """The first part of the search (with the article hits if their tab
        is in view), then, once it is painted, the rest; each list in its order."""
        worker = get_current_worker()
        reader = self.readout.reader
        try:
            results = reader.first(query, articles=articles and article_sort == "relevance")
            results = first_in_order(reader, results, event_sort, article_sort, articles)
            if worker.is_cancelled:
                return
            self.post_message(SearchDone(generation, results))
            if results.complete:  # the opening screen, kept from the last start
                return
            painted.wait(PAINT_WAIT_S)
            if worker.is_cancelled:
                return
            results = reader.complete(rest_in_order(reader, results, event_sort, article_sort))
        except QueryError as error:
            self.post_message(SearchFailed(generation, query, str(error)))
            return
        except IndexUnreadable as error:
            self.post_message(SearchFailed(generation, query, str(error), missing_index=not reader.exists()))
            return
        except Exception as error:  # a bug in the index must not take the app down
            self.post_message(SearchFailed(generation, query, f"search failed: {type(error).__name__}: {error}"))
            return
        if not worker.is_cancelled:
            self.post_message(SearchDone(generation, results))

    def on_search_done(self, message: SearchDone) -> None:
        if message.generation != self._search_generation:
            return
        self.results = message.results
        if message.results.query == self.query_text:  # (not the last results sorted again under a query that could not be read)
            self.query_one("#query-error").display = False
        generation = message.generation
        if message.results.complete:  # the rest of a search, or the opening screen kept from the last start
            when_drawn: Callable[[], object] = lambda: self._complete_drawn(generation)  # noqa: E731
        else:
            when_drawn = lambda: self._first_part_painted(generation)  # noqa: E731
        self._show_results(message.results, when_drawn=when_drawn)
        if self._open_when_ready and not self.results_behind:
            self._open_when_ready = False
            self.action_open()
        self._release_paint()

    def _complete_drawn(self, generation: int) -> None:
        self._first_part_painted(generation)  # no first part came before the kept opening results
        self.set_timer(TIDY_AFTER_S, self._tidy)

    def _tidy(self) -> None:
        """After a search, once its frame is out: collect garbage, and (the
        first time) look at the index.  Not at once: the frame reaches the
        terminal from Textual's writer thread, which waits while a collection
        holds the interpreter lock (the opening screen showed 60-100 ms late)."""
        self.readout.tidy_heap()
        self._check_after_start()

    def _first_part_painted(self, generation: int) -> None:
        """The first part of a search is on screen: let the worker go on, and preview."""
        if generation != self._search_generation:
            return
        self._painted.set()
        if not self.narrow and self.reading is None:
            self._preview()

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.generation != self._search_generation:
            return
        self._painted.set()
        self._release_paint()
        self._check_after_start()
        self._open_when_ready = False
        self._query_failed = not message.missing_index and self.results is not None
        error = self.query_one("#query-error", Static)
        if message.missing_index:
            note = "No index yet: it is being built from the corpus; results appear when it is ready." if self._indexing or self.readout.auto_index else message.reason
        else:
            kept = f" — still showing the results of {self.results.query!r}" if self.results and self.results.query else ""
            note = f"⚠ {message.reason}{kept}"
        error.update(Text(note, style=self.readout.palette.error))
        error.display = True

    def _show_results(self, results: Results, redraw: bool = False, when_drawn: Callable[[], object] | None = None) -> None:
        """Fill the tabs; a list's cursor stays put only when its query is the same one.

        The first part of a search (``results.complete`` false) fills the
        Events table and the list in view; the other lists are filled when
        the rest comes.  ``redraw`` draws every list again (a new theme).
        """
        self.shown_query = results.query
        active = self.active_tab
        for name in ("events", "articles", "entities"):
            if not (redraw or results.complete or name in ("events", active)):
                continue
            if name == "events" and self._filled.get(name) == results.query and not redraw and self.query_one(EventTable)._source == list(results.events):
                continue  # the same hits (the rest of a search): keep the rows drawn
            if name == "articles" and not results.articles_listed:
                continue
            self._fill(name, results, keep=self._filled.get(name) == results.query)
        for name in ("articles", "entities"):
            if not (results.complete or name == active) or (name == "articles" and not results.articles_listed):
                self._filled.pop(name, None)
        self.tabs.get_tab("events").label = f"Events {results.event_total}"
        self.tabs.get_tab("articles").label = f"Articles {results.article_total}"
        self.tabs.get_tab("entities").label = "Entities" if results.complete else "Entities …"  # a count of names would be the list's cap
        self._show_counts(when_drawn)
        self._update_keys()

    def _fill(self, name: str, results: Results, keep: bool) -> None:
        """Draw one list tab from ``results`` and note which query it shows
        (the entities of a first part are not the query's yet, nor are the
        article hits a first part did not list)."""
        palette = self.readout.palette
        if name in self._to_top and (name != "articles" or results.articles_listed):
            self._to_top.discard(name)  # the first row of a new order, not the row that was selected
            keep = False
        if name == "events":
            self.query_one(EventTable).show(results.events, palette, keep=keep)
        elif name == "articles":
            self.query_one(ArticleList).show(results.articles, palette, keep=keep)
        else:
            self.query_one(EntityList).show(results.facets, palette, keep=keep, counted="article" if results.article_total else "event")
        if name == "articles" and not results.articles_listed:
            return
        self._filled[name] = results.query if (results.complete or name != "entities") else ""

    def _fill_tab(self) -> None:
        """A tab brought into view before the rest of a search came: fill it with what there is."""
        results = self.results
        if results is None or self._filled.get(self.active_tab) == results.query:
            return
        self._fill(self.active_tab, results, keep=False)

    def _show_counts(self, when_drawn: Callable[[], object] | None = None) -> None:
        results = self.results
        if results is None:
            return
        text = Text()
        text.append(core.counted(results.event_total, "event"), style="bold")
        text.append(" · ")
        text.append(core.counted(results.article_total, "article"), style="bold")
        shown = len(results.events)
        if shown < results.event_total:
            text.append(f" · first {shown}")
        sort = self._current_sort()
        if sort not in ("relevance", "count"):
            text.append(f" · by {sort}")
        if not results.event_total and not results.article_total:
            text.append(" · no matches: try fewer words (? shows the syntax)")
        self.status.results(text, when_drawn)

    def _current_sort(self) -> str:
        return getattr(self.active_list(), "sort_name", "relevance")

    # --- reading --------------------------------------------------------------------------

    def _selected(self) -> tuple[str, Hit | None, tuple[str, str] | None]:
        """(tab, event-or-article hit, entity) under the list cursor."""
        tab = self.active_tab
        if tab == "events":
            return tab, self.query_one(EventTable).selected(), None
        if tab == "articles":
            row = self.query_one(ArticleList).selected()
            return tab, row.hit if row else None, None
        return tab, None, self.query_one(EntityList).selected()

    def _load(self, hit: Hit, focus: bool) -> None:
        self.reading = Reading(hit.article, hit.event)
        self._keep_place = None
        self._article_generation += 1
        self._load_article(hit.article, self.shown_query if self.shown_query is not None else self.query_text, hit.event, self._article_generation, focus)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: str, query: str, event: Mapping[str, Any] | None, generation: int, focus: bool) -> None:
        reader = self.readout.reader
        try:
            article = reader.article(article_id)
            matches = reader.matches(query, article) if article is not None else []
        except Exception:
            article, matches = None, []
        self.post_message(ArticleLoaded(generation, article, matches, event, focus))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if message.generation != self._article_generation:
            return
        keep_place, self._keep_place = self._keep_place, None
        if message.article is None:
            self.source.clear("That article is not in the index any more (was the corpus re-indexed?).")
        else:
            current = self.source.current
            self.source.show(message.article, message.matches, message.event, self.readout.palette)
            if keep_place is not None and keep_place[0] == message.article.id:
                self._return_to(keep_place[1], current)
        if message.focus:
            if self.narrow:
                self.add_class("-reading")
            self.source.focus()
        self._update_keys()

    def _return_to(self, scroll_y: float, current: int | None) -> None:
        """Back where the reader was in the article shown again (the same
        match current, the same scroll offset), not at its evidence."""
        source = self.source
        if current is not None and current < len(source.matches):
            source.current = current
            source.restyle(source.palette)  # redraws the match as current
        # after the pane's own scroll to the evidence, which waits for the same refresh
        source.call_after_refresh(lambda: source.scroller.scroll_to(y=scroll_y, animate=False))

    def _preview(self) -> None:
        """Wide layout: the source pane follows the list cursor (once a
        search's first part is on screen: ``_first_part_painted``)."""
        if not self._painted.is_set():
            return
        _tab, hit, _entity = self._selected()
        if hit is None:
            return
        shown, event = self.source.article, self.source.event
        if shown is not None and shown.id == hit.article and (event or {}).get("id") == (hit.event or {}).get("id"):
            return  # already showing it (a redraw of the list moved the cursor to the same row)
        reading = self.reading
        if reading is not None and reading.article_id == hit.article and (reading.event or {}).get("id") == (hit.event or {}).get("id"):
            return  # being opened (enter): a preview must not take its place
        self._load(hit, focus=False)
        self.reading = None  # a preview; enter makes it a reading

    @on(DataTable.RowHighlighted, "EventTable")
    @on(OptionList.OptionHighlighted, "ArticleList")
    def _cursor_moved(self) -> None:
        if not self.narrow and self.results is not None:
            self._preview()
        self._update_keys()

    @on(DataTable.RowSelected, "EventTable")
    @on(OptionList.OptionSelected, "ArticleList")
    @on(OptionList.OptionSelected, "EntityList")
    def _chosen(self, event: Message) -> None:
        event.stop()
        self.action_open()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._fill_tab()
        self._show_counts()
        if not self.narrow:
            self._preview()
        self._update_keys()

    # --- actions --------------------------------------------------------------------------

    def _update_keys(self) -> None:
        """Refresh the footer, but only when what ``check_action`` answers changed
        (a footer refresh rebuilds it: not something to do on every cursor move)."""
        tab, hit, entity = self._selected()
        state = (tab, hit is not None, entity is not None, self.source.article is not None, bool(self.source.matches), self.has_class("-reading"), self.narrow)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys apply now: False hides a key, None shows it disabled."""
        if action not in CHECKED_ACTIONS or not self.is_mounted:
            return True
        try:
            self.query_one(SourceView)
        except NoMatches:  # asked before the panes exist
            return True
        focused = self.focused
        # (In the search bar letters are typed, not acted on: the bar takes
        # them, and the footer leaves their keys out; the palette still runs
        # these actions from there.)
        reading_full = self.has_class("-reading")
        if action in ("sort", "filter") and reading_full:
            return False  # the list is hidden: go back to it first
        tab, hit, entity = self._selected()
        showing = self.source.article is not None and (not self.narrow or reading_full)
        if action in ("next_match", "previous_match"):
            return bool(showing and self.source.matches)
        if action == "copy":
            return True if hit is not None or (showing and focused is self.source) else None
        if action == "filter":
            return True if (tab == "events" and hit is not None) or entity is not None else None
        if action == "open":
            if focused is self.source:
                return False
            return True if hit is not None or entity is not None or self.results_behind else None
        return True

    def action_focus_search(self) -> None:
        self.remove_class("-reading")
        self.set_focus(self.search_bar)

    def action_tab(self, name: str) -> None:
        self.remove_class("-reading")
        self.tabs.active = name
        self.set_focus(self.active_list())

    @property
    def results_behind(self) -> bool:
        """Is the list in view still showing an older query's results (a search,
        or for the entities the rest of one, is on its way)?  Not when the
        query in the bar could not be read: the last results stay, to use."""
        if self.search_pending:
            return True
        wanted = self.shown_query if self._query_failed else self.query_text
        return self.shown_query != wanted or self._filled.get(self.active_tab) != wanted

    def action_open(self) -> None:
        if self.results_behind:
            self._open_when_ready = True  # open what the new query finds, not a row of the old one
            return
        tab, hit, entity = self._selected()
        if entity is not None:
            self.action_filter()
        elif hit is not None:
            self.readout.history.record(self.query_text)
            self._load(hit, focus=True)

    def action_back(self) -> None:
        focused = self.focused
        if self.has_class("-reading") or focused is self.source:
            self.remove_class("-reading")
            self.set_focus(self.active_list())
        elif isinstance(focused, Input):
            self.set_focus(self.active_list())
        else:
            self.set_focus(self.search_bar)

    def action_sort(self) -> None:
        """The list's next order: for events and articles the search's, so
        the first rows are the first of every match (the newest of them
        all, not of the hits fetched); the cursor goes to the first row."""
        widget = self.active_list()
        cycle = getattr(widget, "cycle_sort", None)
        if cycle is None:
            return
        cycle()  # the column header and the status line say which order
        if isinstance(widget, EntityList):
            widget.highlighted = next((n for n, option in enumerate(widget.options) if not option.disabled), None)
        else:
            self._to_top.add(self.active_tab)
            self._search_again()
        self._show_counts()

    @on(EventTable.SortChosen)
    def _sort_chosen(self) -> None:
        self._to_top.add("events")
        self._search_again()
        self._show_counts()

    def _search_again(self) -> None:
        """The search of the lists again, in their new orders: the query being
        typed (it is searched now), or the one on screen (when the bar's could
        not be read, the lists' results are sorted, the bar left as it is)."""
        if self.search_pending:
            self.flush_search()
        elif self._query_failed and self.shown_query is not None:
            self._start_search(self.shown_query)
        else:
            self._start_search(self.query_text)

    def action_filter(self) -> None:
        tab, hit, entity = self._selected()
        if entity is not None:
            query = core.narrow(self.query_text, *entity)
        elif tab == "events" and hit is not None and hit.event:
            if hit.event.get("participants"):
                query = core.narrow_on_event(self.query_text, hit.event)
            elif hit.event.get("location"):
                query = core.narrow(self.query_text, "place", hit.event["location"])
                if query != self.query_text:
                    self.notify("This event names no one: narrowed on its place.", timeout=3)
            else:
                self.notify("This event names no one and no place to narrow on.", timeout=3)
                return
        else:
            self.notify("f narrows on an entity (Entities tab) or on an event's participants (Events tab).", timeout=3)
            return
        if query == self.query_text:
            self.notify("The query already names that.", timeout=2)
            return
        self.run_query(query)

    def action_copy(self) -> None:
        tab, hit, _entity = self._selected()
        event: Mapping[str, Any] | None = None
        article_id = ""
        reading = self.source.article is not None and (self.focused is self.source or self.has_class("-reading"))
        if reading and self.source.article is not None:
            event, article_id = self.source.event, self.source.article.id
        elif hit is not None:
            event, article_id = hit.event, hit.article
        if not article_id:
            self.notify("Select an event first.", timeout=2)
            return
        self._cite(article_id, event)

    @work(thread=True, exclusive=True, group="copy", exit_on_error=False)
    def _cite(self, article_id: str, event: Mapping[str, Any] | None) -> None:
        try:
            article = self.readout.reader.article(article_id)
        except Exception:
            article = None
        title = article.title if article else ""
        source = article.source if article else ""
        published = article.published if article else ""
        if event:
            self.post_message(CitationReady(citation(event, title, source, published), "event"))
        else:
            url = article.url if article else ""
            self.post_message(CitationReady(article_citation(title, article_id, source, published, url), "article"))

    def on_citation_ready(self, message: CitationReady) -> None:
        self.readout.copy_to_clipboard(message.text)
        first = message.text.splitlines()[0] if message.text else ""
        self.notify(first, title=f"Copied {message.what} citation", timeout=3, markup=False)

    def action_next_match(self) -> None:
        self._from_the_evidence(1)
        self.source.step(1)

    def action_previous_match(self) -> None:
        self._from_the_evidence(-1)
        self.source.step(-1)

    def _from_the_evidence(self, direction: int) -> None:
        """An event opened shows its sentence, with no match current yet:
        ``n`` then goes to the first match from that sentence on, ``N`` to
        the last one before it -- not to the first or last of the article."""
        source = self.source
        if source.current is not None or not source.matches or not source.event:
            return
        at = _sentence_start(source.event)
        if at is None:
            return
        following = next((n for n, span in enumerate(source.matches) if span.start >= at), len(source.matches))
        # ``step`` moves one on from ``current``: leave it one before the match wanted
        source.current = following - 1 if direction > 0 else following

    def action_save_search(self) -> None:
        query = self.search_bar.value.strip()
        if not query:
            self.notify("Type a query first, then ctrl+s saves it.", timeout=2)
        elif self.readout.history.save(query):
            self.notify(query, title="Search saved (ctrl+o lists saved searches)", timeout=2, markup=False)
        else:
            self.notify(query, title="Already saved", timeout=2, markup=False)

    def action_saved(self) -> None:
        from tui.screens.saved import SavedScreen

        def chosen(query: str | None) -> None:
            if query:
                self.browse_query(query)

        self.app.push_screen(SavedScreen(self.readout.history, self.readout.reader), chosen)

    def browse_query(self, query: str) -> None:
        """Run ``query`` (a saved or recent one) and go to its results."""
        self.remove_class("-reading")
        self.run_query(query)
        self.set_focus(self.active_list())

    def action_clear_search(self) -> None:
        self.run_query("", record=False)
        self.set_focus(self.search_bar)

    def action_reindex(self) -> None:
        if self._indexing:
            self.notify("The index is being updated already.", timeout=2)
            return
        self.check_index("force")

    # --- the layout ---------------------------------------------------------------------

    def on_resize(self) -> None:
        """Reading full width is a narrow layout's state: wider, the list is
        back beside the source (and its keys with it); narrower again while
        the source has the focus, the source is what is shown.  Once
        ``Screen`` has set the breakpoint classes for the new size (after
        this handler): a source hidden meanwhile would lose the focus."""
        self.call_later(self._fit_reading)

    def _fit_reading(self) -> None:
        if not self.narrow:
            self.remove_class("-reading")
        elif self.focused is self.source and self.source.article is not None:
            self.add_class("-reading")
        self._update_keys()

    # --- the index ------------------------------------------------------------------------

    def check_index(self, mode: str = "check") -> None:
        """Look at the index in the background: ``summary`` (just read its state),
        ``check`` (re-index if the corpus changed) or ``force`` (re-index now).
        The old index stays usable throughout."""
        self._indexing = mode != "summary"
        self._startup_check = None  # this look replaces the one waiting for the first results
        self.readout.resume_collector()
        self._index_worker(mode)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _index_worker(self, mode: str) -> None:
        app = self.readout
        keep_current(
            app.reader,
            app.index_dir,
            app.corpus,
            lambda news: self.post_message(IndexState(news)),
            mode=mode,
            workers=app.config.workers,
            people=app.config.people,
        )

    def on_index_state(self, message: IndexState) -> None:
        news = message.news
        if news.summary is not None:
            self._last_modified = news.summary.last_modified
        if news.state == "checking":
            self._index_note = "checking the corpus…"
        elif news.state == "fresh":
            self._indexing = False
            self._index_note = ""
        elif news.state in ("missing", "damaged"):
            self._indexing = False
            self._index_note = f"{'no' if news.state == 'missing' else 'damaged'} index (ctrl+r builds it)"
        elif news.state in ("progress", "waiting"):
            self._indexing = True
            doing = "building the index" if news.building else "re-indexing"
            self._index_note = f"{doing}: {news.detail}" if news.state == "progress" else news.detail
            if news.total:
                self._index_note += f" {news.done}/{news.total}"
            self.status.progress(news.done, news.total)
        elif news.state == "done":
            self._indexing = False
            self._index_note = ""
            self.status.progress_done()
            self.notify(news.detail, title="Index updated", timeout=4)
            self.run_query(self.query_text, record=False)
            if self.reading is not None:
                shown = self.source.article
                if shown is not None and shown.id == self.reading.article_id:
                    self._keep_place = (shown.id, self.source.scroller.scroll_y)  # the same article again: stay where the reader is
                self._article_generation += 1
                self._load_article(self.reading.article_id, self.query_text, self.reading.event, self._article_generation, False)
        elif news.state == "failed":
            self._indexing = False
            self._index_note = "index update failed (ctrl+r retries)"
            self.status.progress_done()
            self.notify(news.detail, title="Could not update the index", severity="error", timeout=8, markup=False)
        self._show_freshness()

    def _show_freshness(self) -> None:
        if self._index_note:
            self.status.index(Text(self._index_note))
            return
        phrase = self.readout.freshness(self._last_modified)
        self.status.index(Text(phrase, style=self.readout.palette.muted))

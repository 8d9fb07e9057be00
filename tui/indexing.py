"""Keeping the index in step with the corpus from inside the app.

UI-free: ``keep_current`` runs in a worker thread and tells the screen how
it is going through a callback.  The indexer commits atomically, so the
index the app reads stays whole (and searchable) until the new one is in.

Quitting must not wait for a re-index (19k stories take a minute): the app
closes its ``Reader`` (``Reader.closing``), which is the indexer's stop
event, so a run in progress ends within a story or two, commits nothing,
and the next start finds the corpus still changed and re-indexes.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from index.results import IndexUnreadable
from tui.core import IndexSummary, Reader, counted

MODES = ("summary", "check", "force")

_TRACKER_LOCK = threading.Lock()


class _NoDescriptor:
    """A stream that writes where ``stream`` writes but has no file descriptor."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def fileno(self) -> int:
        raise OSError("no file descriptor")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker so worker processes can be spawned.

    Inside the app ``sys.stderr`` is Textual's print capture, whose
    ``fileno()`` is -1; the tracker passes that descriptor to the process it
    spawns, and the spawn fails with "bad value(s) in fds_to_keep" -- every
    re-index with worker processes failed.  A stream whose ``fileno()``
    raises is skipped by the tracker, so it is started with one (the child
    inherits descriptor 2 either way).  Once running it is reused.
    """
    from multiprocessing import resource_tracker

    with _TRACKER_LOCK:
        try:
            usable = sys.stderr is not None and sys.stderr.fileno() >= 0
        except (OSError, ValueError, AttributeError):
            usable = False
        if usable:
            resource_tracker.ensure_running()
            return
        stream = sys.stderr
        sys.stderr = _NoDescriptor(stream)
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = stream


@dataclass(frozen=True)
class IndexNews:
    """One step: ``checking``, ``fresh``, ``missing``, ``damaged``, ``progress``,
    ``waiting``, ``done`` or ``failed``."""

    state: str
    detail: str = ""
    done: int | None = None
    total: int | None = None
    summary: IndexSummary | None = None
    building: bool = False
    """True when there was no usable index: a first build, not an update."""


def keep_current(
    reader: Reader,
    index_dir: Path,
    corpus: Sequence[Path],
    report: Callable[[IndexNews], None],
    mode: str = "check",
    workers: int | None = None,
    people: Sequence[Path] = (),
    stop: threading.Event | None = None,
) -> None:
    """``summary``: only say how the index is; ``check``: re-index if the corpus
    (or the index format) changed; ``force``: re-index now.  A damaged index
    is rebuilt from scratch when re-indexing.

    ``stop`` (by default ``reader.closing``, set when the app quits) ends the
    work early and quietly: nothing is reported, since nobody is left to read it."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    stop = reader.closing if stop is None else stop
    if stop.is_set():
        return
    try:
        exists = reader.exists()
        summary: IndexSummary | None = None
        damaged = False
        if exists:
            try:
                summary = reader.summary()
            except IndexUnreadable:
                damaged = True
        if exists and not damaged and mode != "force":
            if mode == "summary":
                report(IndexNews("fresh", summary=summary))
                return
            report(IndexNews("checking", summary=summary))
            from index.fingerprint import extraction_fingerprint  # light: no pipeline loaded

            if not (reader.outdated(extraction_fingerprint(tuple(people))) or reader.corpus_changed(corpus)):
                report(IndexNews("fresh", summary=summary))
                return
        elif mode == "summary":
            report(IndexNews("damaged" if damaged else "missing"))
            return
        building = not exists or damaged
        if stop.is_set():
            return
        report(IndexNews("progress", "starting", building=building))
        from index.indexer import Indexer, IndexStopped  # only now: it loads the whole pipeline
        from index.store import Store

        if (workers or 0) != 1:
            start_resource_tracker()
        indexer = Indexer(
            Store(index_dir),
            workers=workers,
            extra_people=tuple(people),
            progress=lambda what, done, total: report(IndexNews("progress", what, done, total, building=building)),
            on_wait=lambda: report(IndexNews("waiting", "waiting for another `readout index` to finish")),
            stop=stop,
        )
        try:
            result = indexer.run(list(corpus), rebuild=damaged)
        except IndexStopped:
            return
        reader.refresh()
        detail = (
            f"{counted(result.articles_indexed, 'article')} indexed, {result.articles_removed} removed, "
            f"{counted(result.events, 'event')} found"
        )
        report(IndexNews("done", detail, summary=reader.summary()))
    except Exception as error:  # reported, never raised: the app keeps the old index
        report(IndexNews("failed", f"{type(error).__name__}: {error}"))

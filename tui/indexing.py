"""Keeping the index in step with the corpus from inside the app.

UI-free: ``keep_current`` runs in a worker thread and tells the screen how
it is going through a callback.  The indexer commits atomically, so the
index the app reads stays whole (and searchable) until the new one is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from index.store import IndexUnreadable
from tui.core import IndexSummary, Reader

MODES = ("summary", "check", "force")


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
) -> None:
    """``summary``: only say how the index is; ``check``: re-index if the corpus
    (or the index format) changed; ``force``: re-index now.  A damaged index
    is rebuilt from scratch when re-indexing."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
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
            if not (reader.outdated() or reader.corpus_changed(corpus)):
                report(IndexNews("fresh", summary=summary))
                return
        elif mode == "summary":
            report(IndexNews("damaged" if damaged else "missing"))
            return
        building = not exists or damaged
        report(IndexNews("progress", "starting", building=building))
        from index.indexer import Indexer  # only now: it loads the whole pipeline
        from index.store import Store

        indexer = Indexer(
            Store(index_dir),
            workers=workers,
            extra_people=tuple(people),
            progress=lambda what, done, total: report(IndexNews("progress", what, done, total, building=building)),
            on_wait=lambda: report(IndexNews("waiting", "waiting for another `readout index` to finish")),
        )
        result = indexer.run(list(corpus), rebuild=damaged)
        reader.refresh()
        detail = f"{result.articles_indexed} articles (re)indexed, {result.articles_removed} removed, {result.events} events found"
        report(IndexNews("done", detail, summary=reader.summary()))
    except Exception as error:  # reported, never raised: the app keeps the old index
        report(IndexNews("failed", f"{type(error).__name__}: {error}"))

"""Keep an index equal to a corpus: full builds and incremental updates.

The index is a cache of the corpus.  A run reads only the files whose
fingerprint changed (and, inside a changed collection, only the stories
whose content changed), deletes what is gone, and commits once at the end:
a run killed at any point leaves the previous commit readable, and the
next run finds the same differences and completes the work.  A run can
also be stopped on purpose (``Indexer.stop``, an event set from another
thread -- the app sets it when it quits): it is checked between stories and
while waiting on the workers, the worker processes are terminated and the
uncommitted write is dropped, so the index stays as it was.

With enough work (``PARALLEL_MIN`` stories or more) and more than one
worker, each worker process extracts its share of the stories *and*
indexes them into a segment of its own; the committing writer adopts those
segments.  The parent only reads the corpus and sends stories out, so
extraction and Whoosh's indexing both run on every core and no extraction
result is ever copied between processes.
"""

from __future__ import annotations

import inspect
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import threading
import time
import traceback
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from index.knowledge import Knowledge, default_knowledge
from index.load import SourceFile, discover, expected_records, read_source
from index.model import Article, Extraction, Problem
from index.fingerprint import extraction_fingerprint
from index.pipeline import extract
from index.store import IndexBusy, Store, documents_for

ProgressCallback = Callable[[str, int, int], None]
"""(what, done, total): called as work proceeds."""

PARALLEL_MIN = 200
"""Stories to (re)index before worker processes pay for themselves."""
CHUNK = 32
"""Stories sent to a worker at a time."""
WORKER_LIMITMB = 128
"""Whoosh's in-memory posting buffer per worker before it spills to disk."""


class IndexStopped(Exception):
    """The run was stopped (``Indexer.stop`` was set) before it committed: the index is as it was."""


@dataclass
class IndexReport:
    articles_read: int = 0
    articles_indexed: int = 0
    articles_unchanged: int = 0
    articles_removed: int = 0
    events: int = 0
    sources_changed: int = 0
    sources_removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "skipped"]


def _reader_skips_known() -> bool:
    """Can ``read_source`` skip stories whose hash we already hold (``known=``)?

    A loader that accepts ``known`` (a callable ``(article_id, content_hash) -> bool``)
    yields a cheap ``Known`` record for those stories instead of cleaning them:
    an incremental run then parses only what changed.
    """
    try:
        return "known" in inspect.signature(read_source).parameters
    except (TypeError, ValueError):
        return False


# --- worker processes ------------------------------------------------------------------


def _segment_worker(index_dir: str, extra_people: tuple[Path, ...], limitmb: int, jobs: Any, results: Any, parent: int | None = None) -> None:
    """Extract and index the stories sent on ``jobs`` into one new segment.

    A worker whose parent is gone (killed: SIGKILL, the OOM killer) stops
    instead of waiting for work forever.
    """
    builder = None
    try:
        # Ctrl+C in a terminal reaches the whole process group: the parent decides
        # when workers stop (it terminates them), so one key gives one clean stop.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        kb = default_knowledge(extra_people)
        builder = Store(Path(index_dir)).segment_builder(limitmb=limitmb)
        while True:
            try:
                chunk = jobs.get(timeout=1.0)
            except queue.Empty:
                if parent is not None and os.getppid() != parent:
                    raise SystemExit("the indexing process is gone") from None
                continue
            if chunk is None:
                break
            events = 0
            for article, source in chunk:
                extraction = extract(article, kb)
                builder.add(documents_for(extraction, source))
                events += len(extraction.events)
            results.put(("progress", len(chunk), events))
        results.put(("done", builder.finish()))
    except BaseException:  # report everything, even KeyboardInterrupt, then stop
        if builder is not None:
            builder.cancel()
        try:
            results.put(("error", traceback.format_exc()))
        except Exception:
            pass


class _Workers:
    """Worker processes each writing a segment; the parent feeds them stories."""

    def __init__(
        self, store: Store, count: int, extra_people: tuple[Path, ...], on_progress: Callable[[int, int], None], stopped: Callable[[], None]
    ) -> None:
        # fork is cheapest (the knowledge base is inherited), but only safe
        # with no other thread running (the app indexes from a thread).
        method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        self.jobs = ctx.Queue(maxsize=count * 4)
        self.results = ctx.Queue()
        self.on_progress = on_progress
        self.stopped = stopped
        """Raises ``IndexStopped`` once the run is to stop; called wherever the parent waits."""
        self.segments: list[Any] = []
        self.finished = 0
        self.stopped_all = False
        self.procs = [
            ctx.Process(target=_segment_worker, args=(str(store.path), extra_people, WORKER_LIMITMB, self.jobs, self.results, os.getpid()), daemon=True)
            for _ in range(count)
        ]
        for proc in self.procs:
            proc.start()

    def _drain(self, timeout: float) -> None:
        try:
            message = self.results.get(timeout=timeout)
        except queue.Empty:
            if self.finished < len(self.procs) and not any(p.is_alive() for p in self.procs):
                # a worker can die without a word (killed, out of memory)
                try:
                    message = self.results.get(timeout=1.0)
                except queue.Empty:
                    raise RuntimeError("the indexing worker processes stopped unexpectedly") from None
            else:
                return
        self._handle(message)

    def _put(self, item: Any) -> None:
        """Queue ``item`` for the workers, handling their messages while the queue is full."""
        while True:
            self.stopped()
            try:
                self.jobs.put(item, timeout=0.2)
                return
            except queue.Full:
                self._drain(0.05)

    def send(self, chunk: list[tuple[Article, str]]) -> None:
        self._put(chunk)
        while True:  # pass on what has arrived, without waiting
            try:
                message = self.results.get_nowait()
            except queue.Empty:
                break
            self._handle(message)

    def _handle(self, message: tuple[Any, ...]) -> None:
        if message[0] == "progress":
            self.on_progress(message[1], message[2])
        elif message[0] == "done":
            self.finished += 1
            self.segments.append(message[1])
        else:
            raise RuntimeError(f"an indexing worker failed:\n{message[1]}")

    def finish(self) -> list[Any]:
        for _ in self.procs:
            self._put(None)
        while self.finished < len(self.procs):
            self.stopped()
            self._drain(0.1)
        for proc in self.procs:
            proc.join(timeout=10)
        return [s for s in self.segments if s is not None]

    def stop(self) -> None:
        """End the workers now; their unfinished segments are never adopted.

        Stories still queued for them would keep this process from exiting:
        the queue's feeder thread blocks writing to a pipe no worker reads,
        and the queue joins that thread at exit (``readout index`` hung after
        Ctrl+C).  They are drained, and the join is cancelled in case a worker
        died holding the queue's read lock.
        """
        if self.stopped_all:
            return
        self.stopped_all = True
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        deadline = time.monotonic() + 2.0
        for proc in self.procs:
            proc.join(timeout=max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=1.0)
        try:
            while True:
                self.jobs.get(timeout=0.05)
        except Exception:  # empty, or a lock a terminated worker held: the join is cancelled below
            pass
        for q in (self.jobs, self.results):
            q.cancel_join_thread()
            q.close()


class _Extraction:
    """Where the stories to (re)index go: this process, or worker segments."""

    def __init__(self, indexer: "Indexer", writer: Any, store: Store, report: IndexReport) -> None:
        self.indexer = indexer
        self.writer = writer
        self.store = store
        self.report = report
        self.buffer: list[tuple[Article, str]] = []
        self.workers: _Workers | None = None
        self.sent = 0
        self.done = 0
        self.expected = 0
        """Stories the sources are expected to hold (``expected_records``), for an honest progress total."""

    def put(self, article: Article, source: str) -> None:
        self.buffer.append((article, source))
        if self.workers is None:
            if self.indexer.workers > 1 and len(self.buffer) >= PARALLEL_MIN:
                self.workers = _Workers(self.store, self.indexer.workers, self.indexer.extra_people, self._worker_progress, self.indexer.check_stop)
                self._flush()
        elif len(self.buffer) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        assert self.workers is not None
        # counted as sent before sending: the workers' progress (another thread) reads
        # sent + buffer meanwhile, and counted a chunk twice while it was in both
        buffer, self.buffer = self.buffer, []
        self.sent += len(buffer)
        for start in range(0, len(buffer), CHUNK):
            self.workers.send(buffer[start : start + CHUNK])

    def _worker_progress(self, stories: int, events: int) -> None:
        self.done += stories
        self.report.articles_indexed += stories
        self.report.events += events
        self.indexer.progress("extracting", self.done, self.total())

    def total(self) -> int:
        """Stories to extract in this run: the sources' expected count less those found unchanged, never below what was sent."""
        return max(self.sent + len(self.buffer), self.done, self.expected - self.report.articles_unchanged)

    def close(self) -> None:
        if self.workers is None:
            self._run_here()
            return
        try:
            self._flush()
            for segment in self.workers.finish():
                self.writer.adopt(segment)
        except BaseException:
            self.workers.stop()
            raise

    def abort(self) -> None:
        if self.workers is not None:
            self.workers.stop()

    def _run_here(self) -> None:
        items, self.buffer = self.buffer, []
        total = len(items)
        self.indexer.progress("extracting", 0, total)
        kb = self.indexer.kb
        for n, (article, source) in enumerate(items, start=1):
            self.indexer.check_stop()
            extraction: Extraction = extract(article, kb)
            self.writer.add(documents_for(extraction, source))
            self.report.articles_indexed += 1
            self.report.events += len(extraction.events)
            if n % 50 == 0 or n == total:
                self.indexer.progress("extracting", n, total)


def _swap_in(staging: Path, target: Path) -> None:
    """Put a complete fresh build in place of the index, in one step where the system can.

    On Linux the two folders are exchanged atomically (``renameat2``), so a
    reader never finds the index missing, even if the run is killed right
    then.  Elsewhere: two renames, the old index moved aside first.
    """
    if target.exists() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the previous index
        return
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``RENAME_EXCHANGE``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # an old C library
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


class Indexer:
    """Brings one index folder in line with one set of corpus paths."""

    def __init__(
        self,
        store: Store,
        kb: Knowledge | None = None,
        workers: int | None = None,
        extra_people: tuple[Path, ...] = (),
        progress: ProgressCallback | None = None,
        wait_seconds: float = 30.0,
        on_wait: Callable[[], None] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.store = store
        self._kb = kb
        self.extra_people = extra_people
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.progress = progress or (lambda what, done, total: None)
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait
        self.stop = stop if stop is not None else threading.Event()
        """Set it (from any thread) to stop a run: ``run`` then raises ``IndexStopped``
        within a story or two, having committed nothing."""

    def check_stop(self) -> None:
        """Raise ``IndexStopped`` if the run is to stop."""
        if self.stop.is_set():
            raise IndexStopped("indexing was stopped; the index is as it was before this run")

    @property
    def kb(self) -> Knowledge:
        """The knowledge base, loaded when a story is first extracted here."""
        if self._kb is None:
            self._kb = default_knowledge(self.extra_people)
        return self._kb

    def run(self, paths: Sequence[Path], rebuild: bool = False) -> IndexReport:
        started = time.perf_counter()
        report = IndexReport()
        self.check_stop()
        with self._run_lock():
            staging = self.store.path.with_name(self.store.path.name + ".building")
            if staging.exists():  # left by a killed fresh build; nobody else builds now (we hold the lock)
                shutil.rmtree(staging, ignore_errors=True)
            sources, problems = discover(paths)
            report.problems.extend(problems)
            self._ids: dict[str, str] = {}
            self._current = {s.key for s in sources}
            fingerprint = extraction_fingerprint(tuple(self.extra_people))
            if rebuild or not self.store.exists() or not self.store.schema_current(fingerprint):
                # a new schema or a changed extractor: every stored event may be stale, so all are built again
                self._build_fresh(sources, report)
            else:
                self._update(sources, report)
        report.seconds = time.perf_counter() - started
        return report

    @contextmanager
    def _run_lock(self) -> Iterator[None]:
        """One run at a time per index folder, fresh builds included (their staging folder is shared).

        An OS lock on ``<index>.lock`` beside the folder: released by the
        system when a run dies, however it dies.
        """
        from whoosh.util.filelock import FileLock

        target = self.store.path
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target.with_name(target.name + ".lock")))
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while not lock.acquire(blocking=False):
            if time.monotonic() >= deadline:
                raise IndexBusy(f"another `readout index` is writing {target}; try again when it has finished")
            if self.on_wait and not told:
                self.on_wait()
                told = True
            self.stop.wait(0.2)
            self.check_stop()
        try:
            yield
        finally:
            lock.release()

    # a fresh build goes to a new folder, swapped in when complete --------------------

    def _build_fresh(self, sources: list[SourceFile], report: IndexReport) -> None:
        target = self.store.path
        # a writer outside our run lock (holding the index's own lock) finishes first: the folder it writes is swapped away
        held = self.store.write_lock(wait_seconds=self.wait_seconds, on_wait=self.on_wait) if self.store.exists() else nullcontext()
        with held:
            staging = target.with_name(target.name + ".building")
            if staging.exists():
                shutil.rmtree(staging)
            try:
                fresh = Store(staging, extractor=extraction_fingerprint(tuple(self.extra_people)))
                fresh.create()
                with fresh.writer(wait_seconds=self.wait_seconds, on_wait=self.on_wait) as writer:
                    self._index_sources(writer, fresh, sources, {}, report)
                fresh.refresh()
            except BaseException:  # a full disk, a read-only folder, Ctrl-C: leave no half-built copy behind
                shutil.rmtree(staging, ignore_errors=True)
                raise
            _swap_in(staging, target)
        self.store.refresh()

    def _note_id(self, article_id: str, source: str, store: Store, report: IndexReport, new: bool) -> None:
        """Report an article id that another file uses too (both stay indexed and searchable)."""
        other = self._ids.setdefault(article_id, source)
        if other == source and new and store is self.store:  # an incremental run: a new story may clash with an unchanged one
            found = store.article(article_id)
            if found is not None and found.path != source and found.path in self._current:
                other = found.path
        if other != source:
            report.problems.append(
                Problem(source, f"article id {article_id!r} is also in {other}; both are kept (article:{article_id} finds both)", severity="warning")
            )

    def _update(self, sources: list[SourceFile], report: IndexReport) -> None:
        with self.store.writer(wait_seconds=self.wait_seconds, on_wait=self.on_wait) as writer:
            known = self.store.sources()
            current = {s.key for s in sources}
            for gone in sorted(set(known) - current):
                report.articles_removed += len(self.store.article_hashes(gone))
                writer.delete_source(gone)
                report.sources_removed += 1
            changed = [s for s in sources if known.get(s.key) != s.fingerprint]
            self._index_sources(writer, self.store, changed, known, report)

    def _index_sources(self, writer, store: Store, sources: list[SourceFile], known: dict[str, str], report: IndexReport) -> None:
        total = len(sources)
        self.progress("reading", 0, total)
        extraction = _Extraction(self, writer, store, report)
        extraction.expected = sum(expected_records(s) for s in sources) if self.workers > 1 else 0
        skips = _reader_skips_known()
        try:
            for done, source in enumerate(sources, start=1):
                previous = store.article_hashes(source.key) if source.key in known else {}
                seen: set[str] = set()
                readable = False
                if skips and previous:
                    prefix = f"{source.key}\x1f"
                    items = read_source(source, known=lambda article_id, digest: previous.get(prefix + article_id) == digest)
                else:
                    items = read_source(source)
                for item in items:
                    self.check_stop()
                    if isinstance(item, Problem):
                        report.problems.append(item)
                        continue
                    readable = True
                    report.articles_read += 1
                    key = f"{source.key}\x1f{item.id}"
                    if key in seen:
                        report.problems.append(Problem(source.key, f"duplicate article id {item.id!r} in the same file; the later one is skipped", severity="warning"))
                        continue
                    seen.add(key)
                    self._note_id(item.id, source.key, store, report, new=previous.get(key) != item.content_hash)
                    if previous.get(key) == item.content_hash:
                        report.articles_unchanged += 1
                        continue
                    if key in previous:
                        writer.delete_article(key)
                    extraction.put(item, source.key)
                for key in set(previous) - seen:
                    writer.delete_article(key)
                    report.articles_removed += 1
                if readable or source.key not in known:
                    writer.mark_source(source.key, source.fingerprint)
                else:  # unreadable now: drop what we had, so the index equals a fresh build
                    writer.delete_source(source.key)
                    writer.mark_source(source.key, source.fingerprint)
                report.sources_changed += 1
                self.progress("reading", done, total)
            extraction.close()
            self.check_stop()  # the last moment: from here on the run commits
        except BaseException:
            extraction.abort()
            raise
        self.progress("committing", 0, 1)

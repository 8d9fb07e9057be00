"""Keep an index equal to a corpus: full builds and incremental updates.

The index is a cache of the corpus.  A run reads only the files whose
fingerprint changed (and, inside a changed collection, only the stories
whose content changed), deletes what is gone, and commits once at the end:
a run killed at any point leaves the previous commit readable, and the
next run finds the same differences and completes the work.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from index.knowledge import Knowledge, default_knowledge
from index.load import SourceFile, discover, read_source
from index.model import Article, Extraction, Problem
from index.pipeline import extract
from index.store import Store, documents_for

ProgressCallback = Callable[[str, int, int], None]
"""(what, done, total): called as work proceeds."""


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


def default_index_dir(corpus: Sequence[Path]) -> Path:
    """The user's cache folder, keyed by the (resolved) corpus paths."""
    from platformdirs import user_cache_dir

    key = "\n".join(sorted(str(Path(p).expanduser().resolve()) for p in corpus))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return Path(user_cache_dir("readout", appauthor=False)) / f"index-{digest}"


_WORKER_KB: Knowledge | None = None


def _init_worker(extra_people: tuple[Path, ...]) -> None:
    global _WORKER_KB
    _WORKER_KB = default_knowledge(extra_people)


def _extract_in_worker(article: Article) -> Extraction:
    return extract(article, _WORKER_KB)


def extract_many(articles: list[Article], kb: Knowledge, workers: int, extra_people: tuple[Path, ...] = ()) -> Iterator[Extraction]:
    """Extract in ``workers`` processes when there is enough work to pay."""
    if workers <= 1 or len(articles) < 200:
        for article in articles:
            yield extract(article, kb)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(extra_people,)) as pool:
        yield from pool.map(_extract_in_worker, articles, chunksize=64)


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
    ) -> None:
        self.store = store
        self.kb = kb or default_knowledge(extra_people)
        self.extra_people = extra_people
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.progress = progress or (lambda what, done, total: None)
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait

    def run(self, paths: Sequence[Path], rebuild: bool = False) -> IndexReport:
        started = time.perf_counter()
        report = IndexReport()
        sources, problems = discover(paths)
        report.problems.extend(problems)
        if rebuild or not self.store.exists() or not self.store.schema_current():
            self._build_fresh(sources, report)
        else:
            self._update(sources, report)
        report.seconds = time.perf_counter() - started
        return report

    # a fresh build goes to a new folder, swapped in when complete --------------------

    def _build_fresh(self, sources: list[SourceFile], report: IndexReport) -> None:
        target = self.store.path
        staging = target.with_name(target.name + ".building")
        if staging.exists():
            shutil.rmtree(staging)
        fresh = Store(staging)
        fresh.create()
        with fresh.writer(wait_seconds=self.wait_seconds, on_wait=self.on_wait) as writer:
            self._index_sources(writer, fresh, sources, {}, report)
        old = target.with_name(target.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
        self.store.refresh()

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
        pending: list[tuple[Article, str]] = []
        self.progress("reading", 0, total)
        for done, source in enumerate(sources, start=1):
            previous = store.article_hashes(source.key) if source.key in known else {}
            seen: set[str] = set()
            readable = False
            for item in read_source(source):
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
                if previous.get(key) == item.content_hash:
                    report.articles_unchanged += 1
                    continue
                if key in previous:
                    writer.delete_article(key)
                pending.append((item, source.key))
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
        articles = [a for a, _ in pending]
        sources_of = [s for _, s in pending]
        self.progress("extracting", 0, len(articles))
        for n, extraction in enumerate(extract_many(articles, self.kb, self.workers, self.extra_people), start=1):
            writer.add(documents_for(extraction, sources_of[n - 1]))
            report.articles_indexed += 1
            report.events += len(extraction.events)
            if n % 50 == 0 or n == len(articles):
                self.progress("extracting", n, len(articles))
        self.progress("committing", 0, 1)

"""Stopping a run on purpose: ``Indexer.stop`` (the app sets it when it
quits) and Ctrl+C in ``readout index``.

A stopped run must end promptly, leave no worker process behind, and leave
the index whole, readable and as it was (it is a cache: the next run sees
the corpus still changed and does the work).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

from index.indexer import PARALLEL_MIN, Indexer, IndexStopped
from index.store import Store

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT / "tests" / "data" / "reuters25.jsonl", ROOT / "tests" / "data" / "reuters_dev30.jsonl"]
READOUT = Path(sys.executable).with_name("readout")
PROMPT_S = 3.0
"""A stopped run must be over within this (the work left takes many times longer)."""


def write_corpus(path: Path, copies: int, marker: str) -> int:
    """The Reuters test stories ``copies`` times over (ids made unique), each ending in ``marker``."""
    stories = [json.loads(line) for source in STORIES for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for story in stories:
                story = dict(story, id=f"{story['id']}-{n}", body=f"{story['body']}\n\nFiled with {marker}.")
                out.write(json.dumps(story) + "\n")
                count += 1
    return count


def stop_when(indexer: Indexer, what: str, at_least: int) -> Callable[[], float]:
    """Set ``indexer.stop`` from its own progress once ``what`` reaches ``at_least``; returns when it was set."""
    when: list[float] = []

    def progress(step: str, done: int, total: int) -> None:
        if step == what and done >= at_least and not when:
            when.append(time.monotonic())
            indexer.stop.set()

    indexer.progress = progress
    return lambda: when[0]


def assert_old_index(ix: Path, articles: int) -> None:
    store = Store(ix)
    assert store.count("", "article") == articles
    assert store.count("oldmarker", "article") == articles, "the old stories are all there"
    assert store.count("newmarker", "article") == 0, "nothing of the stopped run was committed"
    assert not ix.with_name(ix.name + ".building").exists(), "no half-built copy is left"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """An index of 220 stories, built once for the module."""
    base = tmp_path_factory.mktemp("stop")
    corpus = base / "corpus"
    corpus.mkdir()
    old = write_corpus(corpus / "wire.jsonl", 4, "oldmarker")
    assert old >= PARALLEL_MIN, "enough work for the worker processes"
    Indexer(Store(base / "ix"), workers=1).run([corpus])
    return base, old


@pytest.fixture()
def changed_corpus(built: tuple[Path, int], tmp_path: Path) -> tuple[Path, Path, int]:
    """A copy of that index, and a corpus that differs from it in every story."""
    base, old = built
    shutil.copytree(base / "ix", tmp_path / "ix")
    (tmp_path / "corpus").mkdir()
    assert write_corpus(tmp_path / "corpus" / "wire.jsonl", 4, "newmarker") == old
    return tmp_path / "corpus", tmp_path / "ix", old


@pytest.mark.parametrize("rebuild", [False, True], ids=["update", "fresh-build"])
@pytest.mark.parametrize("in_thread", [False, True], ids=["main-thread", "app-thread"])
def test_worker_processes_stop_promptly_and_the_old_index_stays(changed_corpus, rebuild: bool, in_thread: bool) -> None:
    """In a thread (as the app runs it) the workers are spawned, in the main thread forked."""
    corpus, ix, old = changed_corpus
    indexer = Indexer(Store(ix), workers=2)
    set_at = stop_when(indexer, "extracting", 32)
    outcome: list[BaseException | float] = []

    def run() -> None:
        try:
            indexer.run([corpus], rebuild=rebuild)
            outcome.append(AssertionError("the run was not stopped"))
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome.append(error)
        outcome.append(time.monotonic())

    if in_thread:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join(120)
        assert not thread.is_alive(), "the run ended"
    else:
        run()
    error, ended = outcome
    assert isinstance(error, IndexStopped), error
    assert ended - set_at() < PROMPT_S, f"stopped {ended - set_at():.2f} s after the stop was set"
    assert not multiprocessing.active_children(), "no worker process is left"
    assert_old_index(ix, old)
    if rebuild or in_thread:
        return
    # the corpus still looks changed: the next run does the whole work
    report = Indexer(Store(ix), workers=2).run([corpus])
    assert report.articles_indexed == old
    assert Store(ix).count("newmarker", "article") == old and Store(ix).count("oldmarker", "article") == 0


def test_a_run_in_this_process_stops_between_stories(changed_corpus) -> None:
    corpus, ix, old = changed_corpus
    indexer = Indexer(Store(ix), workers=1)
    set_at = stop_when(indexer, "extracting", 50)
    with pytest.raises(IndexStopped):
        indexer.run([corpus])
    assert time.monotonic() - set_at() < PROMPT_S
    assert_old_index(ix, old)


def test_a_run_waiting_for_another_writer_stops(changed_corpus) -> None:
    from whoosh.util.filelock import FileLock

    corpus, ix, old = changed_corpus
    other = FileLock(str(ix.with_name(ix.name + ".lock")))
    assert other.acquire(blocking=False)
    try:
        indexer = Indexer(Store(ix), workers=1, wait_seconds=60)
        indexer.on_wait = indexer.stop.set
        started = time.monotonic()
        with pytest.raises(IndexStopped):
            indexer.run([corpus])
        assert time.monotonic() - started < PROMPT_S
    finally:
        other.release()
    assert_old_index(ix, old)


def test_a_stop_set_before_the_run_does_nothing(changed_corpus) -> None:
    corpus, ix, old = changed_corpus
    stop = threading.Event()
    stop.set()
    with pytest.raises(IndexStopped):
        Indexer(Store(ix), workers=2, stop=stop).run([corpus], rebuild=True)
    assert_old_index(ix, old)


@pytest.mark.skipif(not READOUT.exists(), reason="the readout console script is not installed")
def test_ctrl_c_in_readout_index_exits_at_once_with_the_index_intact(tmp_path: Path) -> None:
    """Ctrl+C hung: the stories queued for the terminated workers kept a
    queue's feeder thread writing to a pipe nobody read, and the process
    joined that thread at exit."""
    import pexpect

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ix = tmp_path / "ix"
    old = write_corpus(corpus / "wire.jsonl", 1, "oldmarker")
    Indexer(Store(ix), workers=1).run([corpus])
    write_corpus(corpus / "wire.jsonl", 80, "newmarker")  # 4,400 stories: several seconds of work
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    child = pexpect.spawn(
        str(READOUT), ["index", str(corpus), "--index", str(ix), "--workers", "2"], env=env, dimensions=(24, 100), encoding=None,
        # a shell without job control starts background jobs with SIGINT ignored, and Python then
        # keeps ignoring it: give the child the terminal's default, as an interactive shell would
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        child.expect(re.compile(rb"extracting.*?[1-9]\d*/\d+"), timeout=60)
        sent = time.monotonic()
        child.sendintr()
        child.expect(pexpect.EOF, timeout=20)
        took = time.monotonic() - sent
        child.close()
    finally:
        if child.isalive():
            child.kill(9)
    assert took < PROMPT_S, f"readout index took {took:.1f} s to exit after Ctrl+C"
    assert child.exitstatus == 130, (child.exitstatus, child.signalstatus)
    assert b"interrupted" in (child.before or b"")
    assert_old_index(ix, old)

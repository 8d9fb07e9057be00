"""Faults (issue 6): killed runs, two indexers at once, damaged index files, a
full disk, a read-only index folder, files changing while they are indexed.

After every fault: the index opens (or is absent, if none was ever complete),
one more ``readout index`` makes it equal to a fresh build, every readable
article of the corpus is in it (by count and by id), and the corpus is byte
for byte what it was.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from index.indexer import Indexer
from index.knowledge import default_knowledge
from index.model import Problem
from index.store import IndexBusy, IndexUnreadable, QueryError, Store

from conftest import needs_shared
from test_robustness_support import (
    ROOT,
    assert_index_holds_corpus,
    drop_root_powers,
    fingerprint_tree,
    indexed_articles,
    normalised,
    readable_articles,
    readout,
)

SLICE = ROOT / "tests" / "data" / "reuters25.jsonl"
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"


def small_corpus(root: Path, in_collection: int = 10, as_files: int = 6) -> Path:
    """Stories of the Reuters slice as one collection and as text files with sidecars."""
    root.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for line in SLICE.read_text(encoding="utf-8").splitlines()]
    (root / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records[:in_collection]) + "\n", encoding="utf-8")
    for r in records[in_collection : in_collection + as_files]:
        (root / f"{r['id']}.txt").write_text(r["body"], encoding="utf-8")
        (root / f"{r['id']}.meta.yaml").write_text(f"title: {json.dumps(r['title'])}\ndate: {r['date']}\n", encoding="utf-8")
    return root


def assert_equal_to_a_fresh_build(index_dir: Path, corpus: Path | list[Path], scratch: Path, leftovers: bool = True) -> None:
    """The index equals a fresh build of the corpus, holds every readable article, and nothing is left beside it."""
    paths = corpus if isinstance(corpus, list) else [corpus]
    Indexer(Store(scratch), workers=1).run(paths, rebuild=True)
    assert normalised(Store(index_dir)) == normalised(Store(scratch))
    assert_index_holds_corpus(Store(index_dir), paths)
    if leftovers:
        beside = sorted(p.name for p in index_dir.parent.iterdir() if p.name.startswith(index_dir.name + "."))
        assert not [name for name in beside if name.endswith((".building", ".old"))], beside


# --- SIGKILL at random points ------------------------------------------------------------


def run_killed(index_dir: Path, corpus: Path, delay: float, rebuild: bool = False) -> tuple[bool, float]:
    """Run the indexer in a forked child and SIGKILL it after ``delay`` seconds.

    Forking keeps the loaded knowledge base, so a run starts at once and the
    kill lands anywhere in it: reading, extracting, committing, swapping.
    Returns whether it was killed (False: it finished first) and how long it ran.
    """
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: index, and leave without running the parent's cleanup
        code = 1
        try:
            Indexer(Store(index_dir), workers=1, wait_seconds=10).run([corpus], rebuild=rebuild)
            code = 0
        finally:
            os._exit(code)
    deadline = started + delay
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0, "the indexer failed"
            return False, time.monotonic() - started
        time.sleep(0.002)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return True, time.monotonic() - started


KILLS = int(os.environ.get("READOUT_KILL_ITERATIONS", "16"))
"""Runs killed by the loop below (CI: 16; set more to soak)."""


def mutate(corpus: Path, step: int) -> None:
    """One change a user makes between runs: edit, add, delete, rewrite a line."""
    texts = sorted(p for p in corpus.glob("*.txt"))
    kind = step % 5
    if kind == 0 and texts:
        texts[0].write_text(texts[0].read_text(encoding="utf-8") + f"\nThe envoy will visit Paris next week (edit {step}).\n", encoding="utf-8")
    elif kind == 1:
        (corpus / f"added-{step}.txt").write_text(f"Ministers met in Rome on Monday, story {step}.", encoding="utf-8")
    elif kind == 2 and texts:
        texts[-1].unlink()
        texts[-1].with_name(texts[-1].name[:-4] + ".meta.yaml").unlink(missing_ok=True)
    elif kind == 3:
        lines = (corpus / "wire.jsonl").read_text(encoding="utf-8").splitlines()
        record = json.loads(lines[step % len(lines)])
        record["body"] += f" Talks resumed in Geneva (line edit {step})."
        lines[step % len(lines)] = json.dumps(record)
        (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        with open(corpus / "wire.jsonl", "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": f"late-{step}", "body": f"The summit opened in Lima, report {step}."}) + "\n")


def test_sigkill_at_random_points_never_leaves_an_unusable_index(tmp_path: Path) -> None:
    default_knowledge()  # loaded once, inherited by every forked run
    corpus = small_corpus(tmp_path / "corpus", in_collection=6, as_files=5)
    index_dir = tmp_path / "ix"
    rng = random.Random(20240606)
    # how long each kind of run takes uninterrupted, so that kills land anywhere inside one
    took = {"fresh build": run_killed(index_dir, corpus, delay=120)[1]}
    took["rebuild"] = run_killed(index_dir, corpus, delay=120, rebuild=True)[1]
    mutate(corpus, 99)
    took["update"] = run_killed(index_dir, corpus, delay=120)[1]
    assert_index_holds_corpus(Store(index_dir), [corpus])
    killed = {"fresh build": 0, "rebuild": 0, "update": 0}
    finished = 0

    for step in range(KILLS):
        kind = "fresh build" if step % 4 == 0 else ("rebuild" if step % 4 == 2 else "update")
        if kind == "fresh build":  # into an empty folder: afterwards no index, or a complete one
            shutil.rmtree(index_dir, ignore_errors=True)
            old = None
        else:
            if not Store(index_dir).exists():
                Indexer(Store(index_dir), workers=1).run([corpus])
            old = set(indexed_articles(Store(index_dir)))
        mutate(corpus, step)
        new, _ = readable_articles([corpus])
        before = fingerprint_tree(corpus)
        was_killed, ran = run_killed(index_dir, corpus, delay=rng.uniform(0.0, took[kind]), rebuild=kind == "rebuild")
        if was_killed:
            killed[kind] += 1
        else:
            finished += 1
            took[kind] = ran
        assert fingerprint_tree(corpus) == before  # the corpus is only ever read
        store = Store(index_dir)
        if kind == "fresh build" and not store.exists():
            continue
        now = indexed_articles(store)  # it opens: never IndexUnreadable
        assert set(now) in ({*new}, old) and len(now) == len(set(now)), step
        assert store.doc_count("article") == len(now)
        if step % 5 == 4:  # now and then a run completes, as a user's next run would
            Indexer(Store(index_dir), workers=1).run([corpus])

    Indexer(Store(index_dir), workers=1).run([corpus])  # one more run ...
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh", leftovers=False)  # ... equals a fresh build
    print(f"SIGKILL loop: killed {killed}, finished before the kill {finished}; uninterrupted runs take {took}")
    assert sum(killed.values()) >= KILLS * 0.6


def test_the_staging_folder_of_a_killed_fresh_build_is_removed_by_the_next_run(tmp_path: Path) -> None:
    default_knowledge()
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    pid = os.fork()
    if pid == 0:  # a --rebuild killed while it writes its staging folder
        import index.indexer as indexer_module

        real_extract = indexer_module.extract

        def extract_then_die(article, kb=None):
            if (tmp_path / "ix.building").exists():
                os._exit(137)
            return real_extract(article, kb)

        indexer_module.extract = extract_then_die
        try:
            Indexer(Store(index_dir), workers=1).run([corpus], rebuild=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert (tmp_path / "ix.building").is_dir()
    Indexer(Store(index_dir), workers=1).run([corpus])  # an ordinary run, not a rebuild
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh")


def wire_of(n: int, path: Path) -> Path:
    """``n`` Reuters stories as one collection: enough for the parallel workers."""
    with gzip.open(REUTERS, "rt", encoding="utf-8") as source, open(path, "w", encoding="utf-8") as out:
        for line in itertools.islice(source, n):
            out.write(line)
    return path


@needs_shared
def test_killing_readout_index_leaves_the_previous_index_usable(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    wire_of(210, corpus / "wire.jsonl")  # enough for the worker processes to start
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([SLICE])
    before_index = indexed_articles(Store(index_dir))
    before = fingerprint_tree(corpus)
    rng = random.Random(7)
    for when in ("starting", "workers"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "index", "--workers", "2", "--index", str(index_dir), str(SLICE), str(corpus)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        if when == "starting":
            time.sleep(rng.uniform(0.3, 2.0))
        else:  # once the worker processes run, at a random moment of their work
            deadline = time.monotonic() + 60
            while len(_group(proc.pid)) < 3 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # worker processes it may have left (see the next test)
        except ProcessLookupError:
            pass
        now = indexed_articles(Store(index_dir))
        assert now == before_index or set(now) == readable_articles([SLICE, corpus])[0]
    assert fingerprint_tree(corpus) == before
    Indexer(Store(index_dir), workers=1).run([SLICE, corpus])
    assert_index_holds_corpus(Store(index_dir), [SLICE, corpus])


@needs_shared
def test_killing_readout_index_leaves_no_worker_processes_behind(tmp_path: Path) -> None:
    wire = wire_of(300, tmp_path / "wire.jsonl")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "index", "--workers", "2", "--index", str(tmp_path / "ix"), str(wire)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_group(proc.pid)) < 3 and proc.poll() is None:
        time.sleep(0.02)
    assert len(_group(proc.pid)) >= 3, "the workers never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline and _group(proc.pid):
        time.sleep(0.2)
    left = _group(proc.pid)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)
    assert left == [], f"orphaned worker processes: {left}"


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a one-step swap of two folders is Linux's renameat2")
def test_a_kill_during_the_swap_of_a_fresh_build_leaves_an_index(tmp_path: Path) -> None:
    default_knowledge()
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    mutate(corpus, 1)
    pid = os.fork()
    if pid == 0:  # the child dies, as if SIGKILLed, right after the first step of putting the new index in place
        import index.indexer as indexer_module

        names = {index_dir.name, index_dir.name + ".old", index_dir.name + ".building"}

        def then_die(step):
            def wrapped(src, dst, *args, **kwargs):
                result = step(src, dst, *args, **kwargs)
                if result is not False and {Path(src).name, Path(dst).name} & names:  # a move of an index folder
                    os._exit(137)
                return result

            return wrapped

        indexer_module.os.replace = then_die(os.replace)
        if hasattr(indexer_module, "_exchange"):
            indexer_module._exchange = then_die(indexer_module._exchange)
        try:
            Indexer(Store(index_dir), workers=1).run([corpus], rebuild=True)
        finally:
            os._exit(0)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 137
    assert Store(index_dir).doc_count("article") >= 16  # readers find an index: the old one or the new
    Indexer(Store(index_dir), workers=1).run([corpus])
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh")


# --- two indexers at once ----------------------------------------------------------------------


def test_a_second_readout_index_waits_for_the_first(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    mutate(corpus, 1)
    with Store(index_dir).writer():  # another indexer is writing
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "index", "--index", str(index_dir), str(corpus)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        said = proc.stderr.readline()  # blocks until it says something
        time.sleep(0.5)
        assert proc.poll() is None  # still waiting
    assert said.strip() == f"Another `readout index` is writing {index_dir}; waiting for it to finish…"
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh")


def test_a_second_indexer_gives_up_with_a_clear_message(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    with Store(index_dir).writer():
        with pytest.raises(IndexBusy, match=f"another `readout index` is writing {index_dir}"):
            Indexer(Store(index_dir), workers=1, wait_seconds=0.5).run([corpus])
    assert_index_holds_corpus(Store(index_dir), [corpus])


def test_a_fresh_build_waits_for_a_writer_before_swapping_the_index_away(tmp_path: Path) -> None:
    """A rebuild (or a changed extractor) builds a new folder and swaps it in: a writer that holds the
    index's own lock, not the run lock, must finish first, or it would be writing into a folder swapped away."""
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    with Store(index_dir).writer():
        with pytest.raises(IndexBusy, match=f"another `readout index` is writing {index_dir}"):
            Indexer(Store(index_dir), workers=1, wait_seconds=0.5).run([corpus], rebuild=True)
    assert not index_dir.with_name(index_dir.name + ".building").exists()
    assert_index_holds_corpus(Store(index_dir), [corpus])
    Indexer(Store(index_dir), workers=1, wait_seconds=0.5).run([corpus], rebuild=True)  # once the writer is gone, it goes ahead
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh")


def test_two_fresh_builds_at_once_neither_crashes_nor_corrupts(tmp_path: Path) -> None:
    default_knowledge()
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"

    def build() -> int:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                Indexer(Store(index_dir), workers=1, wait_seconds=30).run([corpus])
                code = 0
            except IndexBusy:
                code = 2
            finally:
                os._exit(code)
        return pid

    first = build()
    deadline = time.monotonic() + 30
    while not (tmp_path / "ix.building").exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    second = build()
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in (first, second)]
    assert sorted(codes) in ([0, 0], [0, 2]), codes  # 1: it crashed
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh")


# --- damaged index files ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list]:
    """A built index of the small corpus, its corpus, and its documents (to compare rebuilds with)."""
    root = tmp_path_factory.mktemp("damage")
    corpus = small_corpus(root / "corpus", in_collection=6, as_files=3)
    Indexer(Store(root / "ix"), workers=1).run([corpus])
    return root / "ix", corpus, normalised(Store(root / "ix"))


def damage(index_dir: Path, part: str, how: str) -> None:
    (target,) = index_dir.glob(f"*.{part}")
    data = target.read_bytes()
    if how == "truncate":
        target.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        target.write_bytes(bytes((n * 37 + 11) % 256 for n in range(len(data))))
    elif how == "empty":
        target.write_bytes(b"")
    else:
        target.unlink()


@pytest.mark.parametrize("how", ["truncate", "garbage", "empty", "delete"])
@pytest.mark.parametrize("part", ["toc", "seg"])
def test_a_damaged_index_is_detected_and_rebuilt_on_request(built_index, tmp_path: Path, part: str, how: str) -> None:
    good, corpus, documents = built_index
    index_dir = tmp_path / "ix"
    shutil.copytree(good, index_dir)
    damage(index_dir, part, how)
    before = fingerprint_tree(corpus)
    if part == "toc" and how == "delete":  # no table of contents: no index at all, and a run builds one
        assert not Store(index_dir).exists()
    else:
        for attempt in (lambda: Store(index_dir).search("trade"), lambda: Store(index_dir).count("trade"),
                        lambda: Indexer(Store(index_dir), workers=1).run([corpus])):
            with pytest.raises(IndexUnreadable, match=f"the index in {index_dir} is damaged .*; run `readout index --rebuild`"):
                attempt()
    Indexer(Store(index_dir), workers=1).run([corpus], rebuild=True)
    assert normalised(Store(index_dir)) == documents
    assert_index_holds_corpus(Store(index_dir), [corpus])
    assert fingerprint_tree(corpus) == before


def test_readout_reports_a_damaged_index_in_one_line_and_rebuilds_it(built_index, tmp_path: Path) -> None:
    good, corpus, documents = built_index
    index_dir = tmp_path / "ix"
    shutil.copytree(good, index_dir)
    damage(index_dir, "seg", "truncate")
    before = fingerprint_tree(corpus)
    for args in (("search", "--index", str(index_dir), "trade"), ("index", "--index", str(index_dir), str(corpus))):
        out = readout(*args)
        assert out.returncode == 2 and "Traceback" not in out.stderr and out.stdout == ""
        (line,) = out.stderr.strip().splitlines()
        assert line.startswith(f"readout: error: the index in {index_dir} is damaged") and line.endswith("run `readout index --rebuild` to rebuild it from the corpus")
    rebuilt = readout("index", "--rebuild", "--index", str(index_dir), str(corpus))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert normalised(Store(index_dir)) == documents
    assert fingerprint_tree(corpus) == before


def test_bytes_damaged_inside_the_index_give_results_or_a_clear_message(built_index, tmp_path: Path) -> None:
    built_index = built_index[0]
    (segment,) = built_index.glob("*.seg")
    size = segment.stat().st_size
    outcomes: dict[str, int] = {}
    for seed in range(60):
        rng = random.Random(seed)
        copy = tmp_path / f"ix{seed}"
        shutil.copytree(built_index, copy)
        damaged = bytearray((copy / segment.name).read_bytes())
        start = rng.randrange(0, size - 32)
        damaged[start : start + 32] = bytes(rng.randrange(256) for _ in range(32))
        (copy / segment.name).write_bytes(bytes(damaged))
        try:
            store = Store(copy)
            for query in ("trade", "type:visit", '"trade talks"', "date:[1987-01-01 to 1987-12-31]", "*", "person:Yeut*"):
                store.search(query, limit=50)
                store.count(query)
                store.facets(query)
            store.article("reuters-180")
            store.all_documents()
            outcome = "results"
        except (IndexUnreadable, QueryError):
            outcome = "clear message"
        except Exception as error:  # noqa: BLE001 - what the user would see as a traceback
            outcome = f"exception {type(error).__name__}"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        shutil.rmtree(copy)
    assert set(outcomes) <= {"results", "clear message"}, outcomes


# --- a full disk, a read-only folder ------------------------------------------------------------

ENOSPC_DRIVER = textwrap.dedent(
    """
    # Run `readout` with every file Whoosh writes failing with ENOSPC after a budget of bytes.
    import errno, os, sys
    import whoosh.filedb.filestore as filestore

    budget = [int(os.environ["ENOSPC_AFTER_BYTES"])]

    class Full:
        def __init__(self, handle):
            self._handle = handle
        def write(self, data):
            if len(data) > budget[0]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            budget[0] -= len(data)
            return self._handle.write(data)
        def __getattr__(self, name):
            return getattr(self._handle, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self._handle.close()

    def opener(path, mode="r", *args, **kwargs):
        handle = open(path, mode, *args, **kwargs)
        return Full(handle) if any(c in mode for c in "wa+") else handle

    filestore.open = opener
    from tui.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.parametrize("rebuild", [False, True], ids=["update", "rebuild"])
def test_a_full_disk_is_a_clear_message_and_the_old_index_stays_usable(tmp_path: Path, rebuild: bool) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    before_index = indexed_articles(Store(index_dir))
    mutate(corpus, 1)
    before = fingerprint_tree(corpus)
    driver = tmp_path / "enospc.py"
    driver.write_text(ENOSPC_DRIVER, encoding="utf-8")
    for budget in ((0, 20_000, 200_000) if rebuild else (0, 500, 2_000)):  # bytes written before the disk is full
        args = [sys.executable, str(driver), "index", "--index", str(index_dir), str(corpus)] + (["--rebuild"] if rebuild else [])
        out = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "ENOSPC_AFTER_BYTES": str(budget)}, timeout=120)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        assert out.stderr.strip() == out.stderr.strip().splitlines()[0]
        assert f"cannot write the index in {index_dir}" in out.stderr and "No space left on device" in out.stderr
        assert indexed_articles(Store(index_dir)) == before_index  # the old index, whole and usable
        assert readout("search", "--index", str(index_dir), "trade").returncode == 0
        assert not (tmp_path / "ix.building").exists()
    assert fingerprint_tree(corpus) == before
    assert readout("index", "--index", str(index_dir), str(corpus)).returncode == 0  # space again
    assert_equal_to_a_fresh_build(index_dir, corpus, tmp_path / "fresh")


def _make_read_only(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


def _make_writable(folder: Path) -> None:
    folder.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o644)


def test_a_read_only_index_folder_is_a_clear_message_and_stays_usable(tmp_path: Path) -> None:
    preexec = drop_root_powers()
    corpus = small_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    before_index = indexed_articles(Store(index_dir))
    mutate(corpus, 1)
    _make_read_only(index_dir)
    try:
        out = readout("index", "--index", str(index_dir), str(corpus), preexec_fn=preexec)
        found = readout("search", "--index", str(index_dir), "--json", "trade", preexec_fn=preexec)
    finally:
        _make_writable(index_dir)
    assert found.returncode == 0 and found.stdout.strip(), found.stderr  # still searchable
    assert indexed_articles(Store(index_dir)) == before_index
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert out.stderr.strip() == f"readout: error: cannot write the index in {index_dir} (Permission denied); the index is as it was before this run"


def test_a_read_only_parent_folder_fails_a_rebuild_clearly(tmp_path: Path) -> None:
    preexec = drop_root_powers()
    corpus = small_corpus(tmp_path / "corpus")
    parent = tmp_path / "cache"
    index_dir = parent / "ix"
    Indexer(Store(index_dir), workers=1).run([corpus])
    before_index = indexed_articles(Store(index_dir))
    parent.chmod(0o555)
    try:
        out = readout("index", "--rebuild", "--index", str(index_dir), str(corpus), preexec_fn=preexec)
    finally:
        parent.chmod(0o755)
    assert indexed_articles(Store(index_dir)) == before_index
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert f"cannot write the index in {index_dir}" in out.stderr and "Permission denied" in out.stderr


def test_unreadable_corpus_files_and_folders_are_reported_and_the_rest_indexed(tmp_path: Path) -> None:
    preexec = drop_root_powers()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"The envoy met the minister in Lima ({name}).", encoding="utf-8")
    secret = corpus / "secret"
    secret.mkdir()
    (secret / "hidden.txt").write_text("Talks in Oslo.", encoding="utf-8")
    locked = sorted(corpus.glob("*.txt"))[0]
    expected = readable_articles([corpus])[0]
    before = fingerprint_tree(corpus)
    locked.chmod(0)
    secret.chmod(0)
    try:
        out = readout("index", "--index", str(tmp_path / "ix"), str(corpus), preexec_fn=preexec)
    finally:
        locked.chmod(0o644)
        secret.chmod(0o755)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert f"skipped {locked}: permission denied" in out.stderr
    assert f"skipped {secret}: permission denied" in out.stderr
    lost = {(str(locked), locked.stem), (str(secret / "hidden.txt"), "hidden")}
    assert set(indexed_articles(Store(tmp_path / "ix"))) == expected - lost
    assert fingerprint_tree(corpus) == before


# --- files that change while they are indexed ------------------------------------------------------


def test_files_deleted_or_rewritten_while_being_indexed(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    texts = sorted(corpus.glob("*.txt"))
    # after the Nth file is read: rewrite one already read, delete / rewrite / empty one about to be, append to the collection
    assert len(texts) == 6 and sorted(corpus.iterdir())[-1].name == "wire.jsonl"  # read in this order
    victims = {1: ("rewrite", texts[0]), 2: ("delete", texts[2]), 3: ("rewrite", texts[3]), 4: ("truncate", texts[4]), 5: ("collection", corpus / "wire.jsonl")}

    def meddle(what: str, done: int, total: int) -> None:
        """Called after each file is read: change one that is about to be read, or was just read."""
        if what != "reading" or done not in victims:
            return
        action, path = victims[done]
        if action == "delete":
            path.unlink()
        elif action == "rewrite":
            path.write_text(f"Rewritten: the presidents met in Hanoi ({path.stem}).", encoding="utf-8")
        elif action == "truncate":
            path.write_bytes(b"")
        else:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps({"id": "appended", "body": "Appended: talks in Manila."}) + "\n")

    store = Store(tmp_path / "ix")
    report = Indexer(store, workers=1, progress=meddle).run([corpus])
    problems = [str(p) for p in report.problems]
    assert all(isinstance(p, Problem) for p in report.problems)
    assert any("disappeared" in p or "no such file" in p for p in problems), problems
    # one more run makes the index equal to a fresh build of the corpus as it now is
    Indexer(Store(store.path), workers=1).run([corpus])
    assert_equal_to_a_fresh_build(store.path, corpus, tmp_path / "fresh")
    assert Store(store.path).count("Hanoi") == 2 and Store(store.path).count("article:appended") == 1

"""Readout's benchmark: ``python -m benchmarks`` (or ``python benchmarks/run.py``).

Measures, on the Reuters-21578 corpus (19,043 stories) and on a 10x corpus
derived from it (190,430 stories with new ids):

* extraction throughput, stories per second, in one process and in two;
* a full build (``readout index --rebuild``): wall time, CPU time and the
  peak memory of the whole process tree;
* an incremental update after 10 stories change, and after 10 are deleted;
* query latency, p50 and p95, over a fixed set of queries (each: the top 20
  with highlighted snippets and the exact total), and the same queries in
  the same run against SQLite FTS5 and a plain in-memory scan;
* the app in a pseudo-terminal: start to a usable screen, and Enter to
  results painted.

Every figure is the median over repeated runs, with min and max.  One table
is printed and a JSON file written (``bench-out/bench-<mode>.json``).
``--quick`` runs a 3,000-story slice in under two minutes; the full run
takes about 10-15 minutes on two cores (590 s in the last recorded run).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import shutil
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Sequence

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpora
from benchmarks.baselines import Fts5, Scan, rows
from benchmarks.measure import figure, machine, percentile, run_measured
from benchmarks.queries import QUERIES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl.gz"

BARS: tuple[tuple[str, str, float, str], ...] = (
    # figure, comparison, limit, what
    ("extract_1proc_sps", ">=", 100, "extraction, one process (stories/s)"),
    ("build_19k_s", "<=", 90, "full build, 19k (s)"),
    ("build_190k_s", "<=", 900, "full build, 190k (s)"),
    ("build_190k_peak_mb", "<=", 1536, "full build, 190k, peak memory (MB)"),
    ("update_changed_s", "<=", 3, "update, 10 changed, 19k (s)"),
    ("query_19k_p95_ms", "<=", 25, "query p95, 19k (ms)"),
    ("query_190k_p95_ms", "<=", 150, "query p95, 190k (ms)"),
    ("query_19k_p50_vs_fts5", "<=", 10, "query p50 / FTS5 p50, 19k"),
    ("app_start_s", "<=", 0.8, "app start, 19k (s)"),
    ("app_start_seeds_s", "<=", 0.5, "app start, seeds (s)"),
    ("app_search_ms", "<=", 100, "Enter to results painted, 19k (ms)"),
)


# --- helpers -------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_env(out: Path) -> dict[str, str]:
    """The environment for the commands we run: caches and state kept in ``out``."""
    env = dict(os.environ)
    env.update(
        {
            "XDG_CACHE_HOME": str(out / "home" / "cache"),
            "XDG_DATA_HOME": str(out / "home" / "data"),
            "READOUT_STATE_DIR": str(out / "home" / "state"),
            "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
            "TERM": "xterm-256color",
        }
    )
    env.pop("READOUT_INDEX", None)
    env.pop("READOUT_CONFIG", None)
    return env


def readout(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def summary_numbers(stdout: str) -> dict[str, int]:
    """The counts ``readout index`` prints."""
    out = {}
    for key, pattern in (
        ("read", r"articles read\s+(\d+)"),
        ("indexed", r"\(re\)indexed\s+(\d+)"),
        ("unchanged", r"unchanged\s+(\d+)"),
        ("removed", r"removed\s+(\d+)"),
        ("events", r"events found\s+(\d+)"),
        ("skipped", r"skipped\s+(\d+)"),
    ):
        m = re.search(pattern, stdout)
        if m:
            out[key] = int(m.group(1))
    m = re.search(r"seconds\s+([\d.]+)", stdout)
    if m:
        out["seconds"] = float(m.group(1))  # type: ignore[assignment]
    return out


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --- extraction ----------------------------------------------------------------------------------


def _extract_events(article: Any) -> int:
    from index.knowledge import default_knowledge
    from index.pipeline import extract

    return len(extract(article, default_knowledge()).events)


def _warm(_: int) -> int:
    from index.knowledge import default_knowledge

    default_knowledge()
    return os.getpid()


def sample_articles(corpus: Path, count: int) -> list[Any]:
    """``count`` stories spread evenly over the corpus, read and cleaned (not timed)."""
    from index.load import read_source
    from index.model import Problem

    everything = [a for a in read_source(corpus) if not isinstance(a, Problem)]
    step = max(1, len(everything) // count)
    return everything[::step][:count]


def bench_extraction(corpus: Path, count: int, repeats: int) -> dict[str, Any]:
    from index.knowledge import default_knowledge
    from index.pipeline import extract

    log(f"extraction: reading a sample of {count * 2} stories")
    articles = sample_articles(corpus, count * 2)
    one, two = articles[:count], articles
    kb = default_knowledge()
    extract(one[0], kb)
    single = []
    for r in range(repeats):
        gc.collect()
        started = time.perf_counter()
        for article in one:
            extract(article, kb)
        single.append(len(one) / (time.perf_counter() - started))
        log(f"extraction, 1 process, run {r + 1}: {single[-1]:.0f} stories/s")
    double = []
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        list(pool.map(_warm, range(4)))
        for r in range(repeats):
            started = time.perf_counter()
            list(pool.map(_extract_events, two, chunksize=16))
            double.append(len(two) / (time.perf_counter() - started))
            log(f"extraction, 2 processes, run {r + 1}: {double[-1]:.0f} stories/s")
    return {
        "extract_1proc_sps": figure(single, "stories/s", 1),
        "extract_2proc_sps": figure(double, "stories/s", 1),
        "extract_sample": {"stories": len(one), "stories_2proc": len(two)},
    }


# --- builds and updates ------------------------------------------------------------------------------


def build(corpus: Path, index_dir: Path, env: dict[str, str], workers: int) -> dict[str, Any]:
    if index_dir.exists():
        shutil.rmtree(index_dir)
    cpu0 = child_cpu()
    run = run_measured(readout("index", "--rebuild", "--index", str(index_dir), "--workers", str(workers), str(corpus)), env=env, cwd=ROOT)
    if run.returncode != 0:
        raise RuntimeError(f"readout index failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return {"seconds": run.seconds, "cpu": child_cpu() - cpu0, "peak_mb": run.peak_mb, "counts": summary_numbers(run.stdout), "index_mb": folder_mb(index_dir)}


def bench_build(label: str, corpus: Path, index_dir: Path, env: dict[str, str], repeats: int, workers: int) -> dict[str, Any]:
    runs = []
    for r in range(repeats):
        log(f"build {label}, run {r + 1}/{repeats}: {corpus.name}")
        result = build(corpus, index_dir, env, workers)
        runs.append(result)
        log(f"build {label}: {result['seconds']:.1f} s wall, {result['cpu']:.0f} s CPU, {result['peak_mb']:.0f} MB peak, {result['counts']}")
    return {
        f"build_{label}_s": figure([r["seconds"] for r in runs], "s", 1),
        f"build_{label}_cpu_s": figure([r["cpu"] for r in runs], "s", 1),
        f"build_{label}_peak_mb": figure([r["peak_mb"] for r in runs], "MB", 0),
        f"build_{label}_info": {"counts": runs[-1]["counts"], "index_mb": round(runs[-1]["index_mb"], 1)},
    }


def bench_updates(original: Path, work: Path, index_dir: Path, env: dict[str, str], repeats: int) -> dict[str, Any]:
    """10 stories changed; the original restored; 10 deleted; restored again -- ``repeats`` times.
    Each timed update sees exactly its 10 stories differ (the restores are not timed)."""
    records = list(corpora.records(original))
    changed, changed_core, deleted, deleted_core = [], [], [], []

    def update(expect: str) -> tuple[float, float]:
        run = run_measured(readout("index", "--index", str(index_dir), str(work)), env=env, cwd=ROOT)
        if run.returncode != 0:
            raise RuntimeError(f"readout index (update) failed:\n{run.stderr[-3000:]}")
        counts = summary_numbers(run.stdout)
        log(f"update ({expect}): {run.seconds:.2f} s wall, indexer {counts.get('seconds')} s, {counts}")
        return run.seconds, float(counts.get("seconds", run.seconds))

    for r in range(repeats):
        corpora.rewrite_changed(records, work, seed=100 + r)
        wall, core = update("10 changed")
        changed.append(wall)
        changed_core.append(core)
        corpora.write_records(work, records)
        update("restored")
        corpora.rewrite_deleted(records, work, seed=200 + r)
        wall, core = update("10 deleted")
        deleted.append(wall)
        deleted_core.append(core)
        corpora.write_records(work, records)
        corpora.mark_clean(original, work)
        update("restored")
    return {
        "update_changed_s": figure(changed, "s", 2),
        "update_changed_indexer_s": figure(changed_core, "s", 2),
        "update_deleted_s": figure(deleted, "s", 2),
        "update_deleted_indexer_s": figure(deleted_core, "s", 2),
    }


# --- queries ----------------------------------------------------------------------------------------------


def _latencies(run_one: Callable[[Any], Any], queries: Sequence[Any], passes: int, before: Callable[[], None] = lambda: None) -> tuple[list[list[float]], list[Any]]:
    """Seconds per query per pass, and the answers of the last pass."""
    per_pass: list[list[float]] = []
    answers: list[Any] = []
    for _ in range(passes):
        times, answers = [], []
        for q in queries:
            before()
            started = time.perf_counter()
            answer = run_one(q)
            times.append(time.perf_counter() - started)
            answers.append(answer)
        per_pass.append(times)
    return per_pass, answers


def _p(per_pass: list[list[float]], p: float) -> list[float]:
    return [percentile(times, p) * 1000 for times in per_pass]


def bench_queries(label: str, index_dir: Path, passes: int, with_baselines: bool = True) -> dict[str, Any]:
    from index.store import Store

    store = Store(index_dir)
    store.search("warm up the searcher", limit=20)
    log(f"queries {label}: {len(QUERIES)} queries x {passes} passes")
    per_pass, pages = _latencies(lambda q: store.search(q.q, limit=20), QUERIES, passes, before=store.forget_queries)
    detail = {
        q.q: {"category": q.category, "total": page.total, "ms": round(statistics.median(p[i] for p in per_pass) * 1000, 2)}
        for i, (q, page) in enumerate(zip(QUERIES, pages))
    }
    out: dict[str, Any] = {
        f"query_{label}_p50_ms": figure(_p(per_pass, 50), "ms", 2),
        f"query_{label}_p95_ms": figure(_p(per_pass, 95), "ms", 2),
        f"query_{label}_max_ms": figure([max(t) * 1000 for t in per_pass], "ms", 2),
    }
    if not with_baselines:
        out[f"query_{label}_detail"] = detail
        return out
    log(f"queries {label}: loading FTS5 and the scan with the same documents")
    documents = list(rows(store.iter_documents()))
    started = time.perf_counter()
    fts = Fts5()
    fts.load(documents)
    fts_load = time.perf_counter() - started
    scan = Scan()
    scan.load(documents)
    del documents
    fts_pass, fts_answers = _latencies(fts.search, QUERIES, passes)
    scan_pass, scan_answers = _latencies(scan.search, QUERIES, max(1, min(passes, 3)))
    for q, (total, _), (scan_total, _) in zip(QUERIES, fts_answers, scan_answers):
        detail[q.q]["fts5_total"] = total
        detail[q.q]["scan_total"] = scan_total
    for i, q in enumerate(QUERIES):
        detail[q.q]["fts5_ms"] = round(statistics.median(p[i] for p in fts_pass) * 1000, 2)
        detail[q.q]["scan_ms"] = round(statistics.median(p[i] for p in scan_pass) * 1000, 2)
    readout_p50 = statistics.median(_p(per_pass, 50))
    readout_p95 = statistics.median(_p(per_pass, 95))
    out.update(
        {
            f"fts5_{label}_p50_ms": figure(_p(fts_pass, 50), "ms", 2),
            f"fts5_{label}_p95_ms": figure(_p(fts_pass, 95), "ms", 2),
            f"scan_{label}_p50_ms": figure(_p(scan_pass, 50), "ms", 2),
            f"scan_{label}_p95_ms": figure(_p(scan_pass, 95), "ms", 2),
            f"query_{label}_p50_vs_fts5": figure([r / f for r, f in zip(_p(per_pass, 50), _p(fts_pass, 50))], "x", 2),
            f"query_{label}_p95_vs_fts5": figure([r / f for r, f in zip(_p(per_pass, 95), _p(fts_pass, 95))], "x", 2),
            f"query_{label}_p50_vs_scan": figure([readout_p50 / s for s in _p(scan_pass, 50)], "x", 3),
            f"query_{label}_p95_vs_scan": figure([readout_p95 / s for s in _p(scan_pass, 95)], "x", 3),
            f"query_{label}_detail": detail,
            f"fts5_{label}_load_s": round(fts_load, 1),
        }
    )
    return out


# --- the app -----------------------------------------------------------------------------------------------


APP_QUERIES = ("Yeutter", "oil prices", '"trade talks"', "person:Yeutter", "type:meeting status:planned", "oil date:[1987-03-01 to 1987-03-31]")


SEEDS = ROOT / "seeds"
SEED_STARTS = 9
"""Starts on the seeds: cheap, and a start is short enough for the machine's noise to matter."""


def compile_bytecode() -> None:
    """Write the project's bytecode caches, as Python does on a first run.

    Python writes them itself unless told not to, and this machine's
    environment tells it not to (``PYTHONDONTWRITEBYTECODE=1``): every start
    would then compile ``index/`` and ``tui/`` from source again, about a
    fifth of a start that no user's second run pays."""
    import compileall

    for package in ("index", "tui"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def bench_app(index_dir: Path, corpus: Path, env: dict[str, str], starts: int, out: Path) -> dict[str, Any]:
    from benchmarks.app import AppMissing, app_available, measure
    from index.store import Store
    from tui.core import OpeningCache

    why = app_available()
    if why:
        log(f"app: skipped: {why}")
        return {"app_skipped": why}
    compile_bytecode()
    store = Store(index_dir)
    expected = {q: (store.count(q, kind="event"), store.count(q, kind="article")) for q in APP_QUERIES}
    opening = (store.doc_count("event"), store.doc_count("article"))
    seeds_index = out / "index-seeds"
    built = run_measured(readout("index", "--index", str(seeds_index), str(SEEDS)), env)
    if built.returncode != 0:
        log(f"app: the seeds index failed: {built.stderr[-500:]}")
        return {"app_skipped": "seeds index failed"}
    seeds = Store(seeds_index)
    seeds_opening = (seeds.doc_count("event"), seeds.doc_count("article"))
    def forget(index: Path) -> Callable[[], None]:
        return lambda: (index / OpeningCache.FILE).unlink(missing_ok=True)

    try:
        # a start shows the opening results the previous one kept (tui.core.OpeningCache):
        # the first start after a build has none, and is measured apart
        fresh = measure(index_dir, corpus, (), {}, opening, env, starts=starts, before_start=forget(index_dir))
        seeds_fresh = measure(seeds_index, SEEDS, (), {}, seeds_opening, env, starts=SEED_STARTS, before_start=forget(seeds_index))
        kept = {name: (index / OpeningCache.FILE).exists() for name, index in (("19k", index_dir), ("seeds", seeds_index))}
        if not all(kept.values()):  # the starts below would not be from kept results
            log(f"app: no kept opening results for {[n for n, k in kept.items() if not k]}: those starts search first")
        times = measure(index_dir, corpus, APP_QUERIES, expected, opening, env, starts=starts)
        seed_times = measure(seeds_index, SEEDS, (), {}, seeds_opening, env, starts=SEED_STARTS)
    except (AppMissing, TimeoutError) as error:
        log(f"app: skipped: {error}")
        return {"app_skipped": str(error)[:2000]}
    log(f"app: start {['%.2f' % t for t in times['start']]} s (first after a build {['%.2f' % t for t in fresh['start']]} s), Enter to painted {['%.0f' % (t * 1000) for t in times['search']]} ms")
    log(f"app: start on the seeds {['%.2f' % t for t in seed_times['start']]} s (first after a build {['%.2f' % t for t in seeds_fresh['start']]} s)")
    return {
        "app_start_kept": kept,
        "app_start_s": figure(times["start"], "s", 3),
        "app_start_first_s": figure(fresh["start"], "s", 3),
        "app_start_seeds_s": figure(seed_times["start"], "s", 3),
        "app_start_seeds_first_s": figure(seeds_fresh["start"], "s", 3),
        "app_search_ms": figure([t * 1000 for t in times["search"]], "ms", 1),
    }


# --- the report ----------------------------------------------------------------------------------------------


def verdicts(figures: dict[str, Any], quick: bool = False) -> list[dict[str, Any]]:
    out = []
    for name, op, limit, what in BARS:
        if quick:  # the slice's figures are named for it (build_3k_s), the app's are not
            what = what.replace("19k", "3k slice")
            name = name.replace("19k", "3k") if name.replace("19k", "3k") in figures else name
        value = figures.get(name)
        median = value.get("median") if isinstance(value, dict) else None
        if median is None:
            status = "not measured"
        else:
            ok = median >= limit if op == ">=" else median <= limit
            status = "holds" if ok else "FAILS"
        out.append({"figure": name, "what": what, "bar": f"{op} {limit:g}", "median": median, "status": status})
    return out


def table(results: dict[str, Any]) -> str:
    figures = results["figures"]
    lines = []
    width = max(len(k) for k in figures) + 2
    lines.append(f"{'figure':<{width}}{'median':>11}{'min':>11}{'max':>11}  {'n':>2}  unit")
    for name, value in figures.items():
        if not isinstance(value, dict) or "median" not in value:
            continue
        if value["median"] is None:
            lines.append(f"{name:<{width}}{'-':>11}")
            continue
        lines.append(f"{name:<{width}}{value['median']:>11g}{value['min']:>11g}{value['max']:>11g}  {value['n']:>2}  {value['unit']}")
    lines.append("")
    lines.append("bars (median):")
    for v in results["bars"]:
        shown = "-" if v["median"] is None else f"{v['median']:g}"
        lines.append(f"  {v['what']:<42} {v['bar']:>8}  {shown:>10}  {v['status']}")
    return "\n".join(lines)


def record(results: dict[str, Any], path: Path = ROOT / "benchmarks" / "baseline.json") -> None:
    """Keep a run's medians (and its bars) as the committed reference figures."""
    stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    stored[results["mode"]] = {
        "recorded": results["started"],
        "machine": results["machine"],
        "seconds": results["seconds"],
        "figures": {k: {x: v[x] for x in ("median", "min", "max", "n", "unit")} for k, v in results["figures"].items() if isinstance(v, dict) and "median" in v},
        "bars": results["bars"],
    }
    path.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 3,000-story slice, no 10x corpus: under two minutes")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the Reuters JSON lines (default: ../shared/corpus/reuters21578.jsonl.gz)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out", help="derived corpora, indexes and results (default: bench-out/)")
    parser.add_argument("--repeat", type=int, default=None, help="runs per figure (default 3; --quick: 1 for builds)")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes for builds (default 2)")
    parser.add_argument("--skip", action="append", default=[], choices=["extract", "build", "update", "query", "app", "190k"], help="leave a part out (repeatable)")
    parser.add_argument("--json", type=Path, default=None, help="where to write the JSON (default: OUT/bench-<mode>.json)")
    parser.add_argument("--record", action="store_true", help="also keep the medians in benchmarks/baseline.json (key full or quick)")
    args = parser.parse_args(argv)

    if not args.corpus.exists():
        print(f"benchmark: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    out = args.out.resolve()
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    env = bench_env(out)
    quick = args.quick
    repeat = args.repeat or 3
    mode = "quick" if quick else "full"
    started = time.perf_counter()
    results: dict[str, Any] = {"mode": mode, "machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"), "figures": {}}
    figures = results["figures"]
    skip = set(args.skip)
    label = "3k" if quick else "19k"

    source = corpora.spread(args.corpus, out / "corpus" / "reuters-3k.jsonl.gz", 3000) if quick else args.corpus
    work = corpora.working_copy(source, out / "corpus" / f"work-{label}.jsonl.gz")
    index_dir = out / f"index-{label}"

    if "extract" not in skip:
        figures.update(bench_extraction(source, 300 if quick else 1000, repeat))
    if "build" not in skip or not index_dir.exists():
        figures.update(bench_build(label, work, index_dir, env, 1 if quick else repeat, args.workers))
    if "update" not in skip:
        figures.update(bench_updates(source, work, index_dir, env, 1 if quick else repeat))
    if "query" not in skip:
        figures.update(bench_queries(label, index_dir, 3 if quick else 5))
    if "app" not in skip:
        figures.update(bench_app(index_dir, work, env, 2 if quick else repeat, out))
    if not quick and "190k" not in skip:
        big = corpora.tenfold(args.corpus, out / "corpus" / "reuters-x10.jsonl.gz")
        big_index = out / "index-190k"
        figures.update(bench_build("190k", big, big_index, env, 1, args.workers))
        if "query" not in skip:
            figures.update(bench_queries("190k", big_index, 3))

    results["seconds"] = round(time.perf_counter() - started, 1)
    try:
        results["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    results["bars"] = verdicts(figures, quick)
    target = args.json or out / f"bench-{mode}.json"
    target.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.record:
        record(results)
    print(table(results))
    print(f"\n{mode} run: {results['seconds']:.0f} s; load average {results['machine'].get('loadavg_start')} -> {results['machine'].get('loadavg_end')}; JSON: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A fast guard against speed regressions (the full benchmark is ``python -m benchmarks``).

Two workloads, each timed against SQLite FTS5 answering queries over the
same documents in the same test, so a slow or busy machine slows both and
the ratio stays put:

* extraction of the 30 test stories (seeds and the Reuters slice);
* the seed queries: top 20 with snippets and the exact total.

The test fails when a ratio is more than twice the committed one
(``benchmarks/baseline.json``, key ``ci``).  After a deliberate change,
record new ratios with ``READOUT_PERF_RECORD=1 python -m pytest
tests/test_perf_regression.py`` and commit the file.
"""

from __future__ import annotations

import json
import os
import sys
import time

import pytest

from conftest import REUTERS_SLICE, ROOT, SEEDS

if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

BASELINE = ROOT / "benchmarks" / "baseline.json"
TOLERANCE = 2.0
REPEATS = 7


def best_of(fn, repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` runs: the least disturbed by whatever else runs."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.fixture(scope="module")
def workload(tmp_path_factory: pytest.TempPathFactory):
    from benchmarks.baselines import Fts5, rows
    from index.indexer import Indexer
    from index.knowledge import default_knowledge
    from index.load import load_articles
    from index.model import Article
    from index.store import Store

    if not Fts5.available():
        pytest.skip("this Python's SQLite has no FTS5")
    articles = [a for a in load_articles([SEEDS, REUTERS_SLICE]) if isinstance(a, Article)]
    index_dir = tmp_path_factory.mktemp("perf") / "ix"
    Indexer(Store(index_dir), workers=1).run([SEEDS, REUTERS_SLICE])
    store = Store(index_dir)
    fts = Fts5()
    fts.load(rows(store.iter_documents()))
    return articles, store, fts, default_knowledge()


def fts5_seconds(fts) -> float:
    from benchmarks.queries import SEED_QUERIES_FTS5

    return best_of(lambda: [fts.search(q) for q in SEED_QUERIES_FTS5])


def measured(workload) -> dict[str, float]:
    from benchmarks.queries import SEED_QUERIES
    from index.pipeline import extract

    articles, store, fts, kb = workload
    for a in articles:  # warm: caches, compiled patterns
        extract(a, kb)
    store.search("warm up", limit=20)

    def queries() -> None:
        for q in SEED_QUERIES:
            store.forget_queries()
            store.search(q, limit=20)

    yardstick = fts5_seconds(fts)
    extraction = best_of(lambda: [extract(a, kb) for a in articles], repeats=3)
    search = best_of(queries)
    yardstick = min(yardstick, fts5_seconds(fts))
    return {
        "extraction_vs_fts5": round(extraction / yardstick, 3),
        "queries_vs_fts5": round(search / yardstick, 3),
        "fts5_ms": round(yardstick * 1000, 3),
        "extraction_stories_per_s": round(len(articles) / extraction, 1),
        "query_ms": round(search / len(SEED_QUERIES) * 1000, 3),
    }


def test_extraction_and_seed_queries_are_not_slower_than_recorded(workload) -> None:
    now = measured(workload)
    recorded = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    if os.environ.get("READOUT_PERF_RECORD"):
        recorded["ci"] = {**now, "recorded": time.strftime("%Y-%m-%d"), "tolerance": TOLERANCE}
        BASELINE.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    reference = recorded.get("ci")
    assert reference, f"no reference figures in {BASELINE}: record them with READOUT_PERF_RECORD=1"
    for key in ("extraction_vs_fts5", "queries_vs_fts5"):
        limit = reference[key] * TOLERANCE
        if now[key] > limit:  # one more look before failing: a burst of load elsewhere
            now = measured(workload)
        assert now[key] <= limit, (
            f"{key} is {now[key]} (committed {reference[key]}, limit {limit:.3f}): "
            f"{now} — a speed regression, or record new figures if it is intended"
        )


def test_exact_totals_and_ranking_match_whoosh(workload) -> None:
    """The set-based counting and ranking give what Whoosh's own matchers give."""
    import math

    from benchmarks.queries import SEED_QUERIES
    from index.store import Store

    _, store, _, _ = workload
    plain = Store(store.path)
    plain.fast_ranking = False
    for q in (*SEED_QUERIES, "China OR Japan", "trade NOT China", '"trade talks" Raimondo', "Raimon* trade", "NOT China"):
        for kind in (None, "event", "article"):
            fast, slow = store.search(q, kind=kind, limit=50, snippets=False), plain.search(q, kind=kind, limit=50, snippets=False)
            assert fast.total == slow.total == store.count(q, kind=kind), (q, kind)
            # the same scores rank by rank; equal scores may sum in another order, so
            # ties (duplicate stories) are compared as sets
            assert len(fast.hits) == len(slow.hits), (q, kind)
            assert all(math.isclose(a.score, b.score, rel_tol=1e-9) for a, b in zip(fast.hits, slow.hits)), (q, kind)
            assert _by_score(fast.hits) == _by_score(slow.hits), (q, kind)


def _by_score(hits) -> list[tuple[float, frozenset[str]]]:
    groups: dict[float, set[str]] = {}
    for h in hits:
        groups.setdefault(round(h.score, 6), set()).add(h.doc_id)
    return sorted((score, frozenset(ids)) for score, ids in groups.items())

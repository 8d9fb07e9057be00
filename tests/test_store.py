"""Stage 7: the Whoosh index — queries, exact totals, spans, incremental runs, locks."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.indexer import Indexer
from index.store import IndexBusy, IndexUnreadable, QueryError, Store

from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def store(seed_index: Path) -> Store:
    return Store(seed_index)


def test_fielded_queries_find_events(store: Store) -> None:
    page = store.search("person:Raimondo", kind="event")
    assert page.total >= 1 and all("Gina Raimondo" in h.event["participants"] for h in page.hits)
    calls = store.search("type:call status:occurred", kind="event")
    assert calls.total >= 1 and all(h.event["type"] == "call" and h.event["status"] == "occurred" for h in calls.hits)


def test_date_ranges_match_event_windows(store: Store) -> None:
    may_june = store.search("date:[2023-05-01 to 2023-06-30]", kind="event", limit=100)
    assert may_june.total >= 3
    for hit in may_june.hits:
        d = hit.event["date"]
        assert d["start"] <= "2023-06-30" and d["end"] >= "2023-05-01"
    assert store.count("date:[1990-01-01 to 1990-12-31]", kind="event") == 0


def test_phrases_prefixes_and_stemming(store: Store) -> None:
    assert store.count('"trade talks"') >= 1
    assert store.count("Raimon*", kind="article") == store.count("Raimondo", kind="article") >= 2
    assert store.count("meetings", kind="article") == store.count("meeting", kind="article")


def test_totals_are_exact_even_when_the_page_is_short(store: Store) -> None:
    page = store.search("China", limit=2)
    assert len(page.hits) == 2
    everything = store.search("China", limit=1000)
    assert page.total == everything.total == len(everything.hits)


def test_snippet_highlights_are_spans_on_the_matched_words(store: Store) -> None:
    page = store.search("Detroit", kind="article")
    spans = [(s.text, h) for hit in page.hits for s in hit.snippets for h in s.highlights]
    assert spans and all(text[h.start : h.end] == "Detroit" for text, h in spans)


def test_malformed_queries_raise_a_clear_error(store: Store) -> None:
    with pytest.raises(QueryError, match="unknown field"):
        store.search("nosuchfield:x")


def test_article_comes_back_with_its_mentions_and_events(store: Store) -> None:
    art = store.article("000_a5c58ae0fba963d3")
    assert art is not None and art.published.startswith("2023-05-19")
    assert all(art.text[m.span.start : m.span.end] == m.text for m in art.mentions)
    assert art.events and all(art.text[e["span"][0] : e["span"][1]] == e["sentence"] for e in art.events)
    assert store.match_spans("Raimondo", art.text)


def test_facets_count_people_places_and_orgs(store: Store) -> None:
    facets = store.facets("", kind="event")
    people = dict(facets["person"])
    assert people.get("Xi Jinping", 0) >= 3


def normalised(store: Store) -> list[tuple]:
    docs = []
    for d in store.all_documents():
        d = {k: v for k, v in d.items() if k not in ("fingerprint",)}
        docs.append(tuple(sorted((k, json.dumps(v, sort_keys=True, default=str)) for k, v in d.items())))
    return sorted(docs)


def test_incremental_update_equals_a_fresh_build(corpus_copy: Path, tmp_path: Path) -> None:
    incremental = Store(tmp_path / "inc")
    report = Indexer(incremental, workers=1).run([corpus_copy])
    assert report.articles_indexed == 5
    # change one story, delete one, add one; touch one without changing it
    changed = corpus_copy / "001_b4f25d39a69e000e.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe envoy will visit Paris next week.\n", encoding="utf-8")
    (corpus_copy / "003_2762076c22bc2cc4.txt").unlink()
    (corpus_copy / "new.txt").write_text("Ministers met in Rome on Monday.", encoding="utf-8")
    os.utime(corpus_copy / "004_95c03e7fd1e33f56.txt")
    report = Indexer(incremental, workers=1).run([corpus_copy])
    assert (report.articles_indexed, report.articles_removed, report.articles_unchanged) == (2, 1, 1)
    fresh = Store(tmp_path / "fresh")
    Indexer(fresh, workers=1).run([corpus_copy])
    assert normalised(incremental) == normalised(fresh)
    # and a run with nothing changed reads nothing
    assert Indexer(incremental, workers=1).run([corpus_copy]).articles_read == 0


def test_sources_no_longer_given_are_removed(corpus_copy: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    extra = tmp_path / "extra.txt"
    extra.write_text("The envoy met the minister.", encoding="utf-8")
    Indexer(store, workers=1).run([corpus_copy, extra])
    assert store.doc_count("article") == 6
    Indexer(store, workers=1).run([corpus_copy])
    assert store.doc_count("article") == 5


def test_a_second_writer_is_told_the_index_is_busy(seed_index: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    Indexer(store, workers=1).run([SEEDS])
    with store.writer():
        with pytest.raises(IndexBusy, match="another `readout index`"):
            Indexer(Store(store.path), workers=1, wait_seconds=0.3).run([SEEDS, ROOT / "tests" / "data" / "reuters25.jsonl"])


def test_a_damaged_index_is_reported_and_rebuilt_on_request(tmp_path: Path) -> None:
    store = Store(tmp_path / "ix")
    Indexer(store, workers=1).run([SEEDS])
    for toc in store.path.glob("*.toc"):
        toc.write_bytes(b"garbage")
    with pytest.raises(IndexUnreadable, match="--rebuild"):
        Store(store.path).count("China")
    Indexer(Store(store.path), workers=1).run([SEEDS], rebuild=True)
    assert Store(store.path).count("China", kind="article") >= 4


def test_a_killed_indexing_run_leaves_the_previous_index_readable(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    Indexer(Store(index_dir), workers=1).run([SEEDS])
    before = Store(index_dir).doc_count("article")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay in (0.3, 0.8, 1.5):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "index", "--index", str(index_dir), str(SEEDS), str(ROOT / "tests" / "data" / "reuters25.jsonl")],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert Store(index_dir).doc_count("article") in (before, before + 25)
    Indexer(Store(index_dir), workers=1).run([SEEDS, ROOT / "tests" / "data" / "reuters25.jsonl"])
    assert Store(index_dir).doc_count("article") == before + 25


def test_a_changed_extractor_or_people_file_rebuilds_every_story(corpus_copy: Path, tmp_path: Path) -> None:
    """The index records which extractor wrote it; stored events from another one are stale."""
    store = Store(tmp_path / "ix")
    assert Indexer(store, workers=1).run([corpus_copy]).articles_indexed == 5
    assert Indexer(store, workers=1).run([corpus_copy]).articles_indexed == 0  # nothing changed: nothing read
    people = tmp_path / "people.yaml"
    people.write_text("people:\n  - name: Anna Berg\n    country: \"NO\"\n    roles:\n      - {office: foreign_minister, title: Foreign Minister, from: 2020-01-01}\n", encoding="utf-8")
    report = Indexer(store, workers=1, extra_people=(people,)).run([corpus_copy])
    assert report.articles_indexed == 5  # the people file changes what extraction finds
    meta = json.loads((tmp_path / "ix" / "readout.json").read_text(encoding="utf-8"))
    meta["extractor"] = "written-by-an-older-readout"
    (tmp_path / "ix" / "readout.json").write_text(json.dumps(meta), encoding="utf-8")
    assert Indexer(store, workers=1, extra_people=(people,)).run([corpus_copy]).articles_indexed == 5
    assert Indexer(store, workers=1, extra_people=(people,)).run([corpus_copy]).articles_indexed == 0


def test_parties_named_by_country_are_places_in_the_facets(corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "talks.txt").write_text("Japan and the United States kick off trade talks in Tokyo tomorrow.", encoding="utf-8")
    store = Store(tmp_path / "ix")
    Indexer(store, workers=1).run([corpus_copy])
    hits = store.search("article:talks", kind="event").hits
    assert hits and set(hits[0].event["participants"]) == {"JP", "US"}
    facets = store.facets("article:talks", kind="event")
    assert not any(len(name) == 2 and name.isupper() for name, _ in facets["person"])
    assert {"Japan", "United States"} <= {name for name, _ in facets["place"]}


def test_progress_of_a_collection_knows_its_total_from_the_start(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"s{n}", "date": "1987-03-01", "body": f"Minister Anna Berg met Minister Lars Holm in Oslo on story {n}."}) for n in range(300)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    Indexer(Store(tmp_path / "ix"), workers=2, progress=lambda what, done, total: seen.append((what, done, total))).run([tmp_path / "c.jsonl"])
    extracting = [(done, total) for what, done, total in seen if what == "extracting"]
    assert extracting and extracting[-1] == (300, 300)
    assert {total for _, total in extracting} == {300}, extracting[:5]


def test_totals_stay_exact_when_searches_share_decoded_postings(seed_index: Path) -> None:
    """One commit's searches reuse decoded postings: a phrase checked for one query must not answer another."""
    import gc

    queries = ['"trade talks"', '"next week"', "talks", '"Commerce Secretary"', '"trade talks" Raimondo', '"the two"', "Raimondo"]
    fresh = {q: (Store(seed_index).search(q, kind="event").total, Store(seed_index).count(q, kind="article")) for q in queries}
    shared = Store(seed_index)
    for _ in range(3):
        for q in queries + list(reversed(queries)):
            shared.forget_queries()
            gc.collect()  # let query objects die, so their ids are reused
            assert (shared.search(q, kind="event", limit=5).total, shared.count(q, kind="article")) == fresh[q], q


def test_an_event_search_does_not_narrow_the_next_article_search(seed_index: Path) -> None:
    """Cached match sets are never narrowed in place by the search that made them."""
    shared = Store(seed_index)
    for q in ('person:"Gina Raimondo"', '"trade talks"', "Raimondo"):
        fresh = Store(seed_index).count(q, kind="article")
        shared.search(q, kind="event", limit=3)
        assert shared.search(q, kind="article").total == shared.count(q, kind="article") == fresh >= 1, q


def test_stored_fields_that_lost_a_key_are_a_damaged_index_not_a_crash(seed_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(seed_index)
    article_id = store.search("", kind="article", limit=1).hits[0].article
    assert store.article(article_id) is not None
    with store._reading() as view:
        reader_type = type(view.searcher.reader())
    real = reader_type.stored_fields

    def damaged(self, docnum):  # a segment whose stored fields lost a key
        fields = dict(real(self, docnum))
        fields.pop("article_key", None)
        return fields

    monkeypatch.setattr(reader_type, "stored_fields", damaged)
    with pytest.raises(IndexUnreadable, match="damaged"):
        Store(seed_index).article(article_id)

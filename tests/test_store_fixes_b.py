"""Store fixes from a review: sorting is the search's (every match, not a
page), values of ``date:``/``type:``/``status:`` are checked, and entity
counts mean one thing that narrowing on the entity finds again."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.indexer import Indexer
from index.model import EVENT_STATUSES, EVENT_TYPES
from index.store import QueryError, Store

from test_robustness_support import readout


@pytest.fixture(scope="module")
def store(seed_index: Path) -> Store:
    return Store(seed_index)


# --- sorting: the whole result set, by the index -----------------------------------------------

STATUS_ORDER = list(EVENT_STATUSES)


def _every(store: Store, query: str, kind: str) -> list:
    page = store.search(query, kind=kind, limit=10_000, snippets=False)
    assert len(page.hits) == page.total
    return list(page.hits)


@pytest.mark.parametrize("query", ["", "China", "Xi OR Biden", "type:visit OR type:call", "date:[2023-01-01 to 2023-12-31]"])
def test_newest_and_oldest_are_of_every_match_not_of_a_page(store: Store, query: str) -> None:
    hits = _every(store, query, "event")
    assert len(hits) > 3
    dates = sorted(h.date for h in hits)
    for limit in (1, 3):
        newest = store.search(query, kind="event", limit=limit, sort="newest", snippets=False)
        oldest = store.search(query, kind="event", limit=limit, sort="oldest", snippets=False)
        assert newest.total == oldest.total == len(hits)
        assert [h.date for h in newest.hits] == dates[::-1][:limit]
        assert [h.date for h in oldest.hits] == dates[:limit]
    # a page further on continues the same order
    second = store.search(query, kind="event", limit=2, offset=2, sort="oldest", snippets=False)
    assert [h.date for h in second.hits] == dates[2:4]


def test_articles_sort_by_date_over_every_match(store: Store) -> None:
    dates = sorted(h.date for h in _every(store, "China", "article"))
    assert store.search("China", kind="article", limit=1, sort="newest").hits[0].date == dates[-1]
    assert store.search("China", kind="article", limit=1, sort="oldest").hits[0].date == dates[0]


@pytest.mark.parametrize(
    "sort, key",
    [
        ("status", lambda e, d: (STATUS_ORDER.index(e["status"]), d)),
        ("type", lambda e, d: (e["type"], d)),
        ("place", lambda e, d: ((e.get("location") or "\uffff").lower(), d)),
        ("participants", lambda e, d: ([p.lower() for p in e.get("participants") or ()], d)),
    ],
)
def test_grouped_orders_are_of_every_match(store: Store, sort: str, key) -> None:
    hits = _every(store, "", "event")
    wanted = [key(h.event, h.date) for h in sorted(hits, key=lambda h: key(h.event, h.date))]
    page = store.search("", kind="event", limit=5, sort=sort, snippets=False)
    assert [key(h.event, h.date) for h in page.hits] == wanted[:5]
    assert page.total == len(hits)


def test_relevance_stays_the_default_and_an_unknown_order_is_a_mistake(store: Store) -> None:
    assert [h.doc_id for h in store.search("China", kind="event", limit=5).hits] == [
        h.doc_id for h in store.search("China", kind="event", limit=5, sort="relevance").hits
    ]
    with pytest.raises(ValueError, match="unknown sort"):
        store.search("China", sort="colour")


# --- field values: checked, and named when wrong ----------------------------------------------------


@pytest.mark.parametrize(
    "query, named, listed",
    [
        ("date:yesterday", "yesterday", "2023-05-25"),
        ("date:2023-05-", "2023-05-", "2023-05-25"),
        ("Biden date:[2023-13-99 to", "2023-13-99", "2023-05-25"),
        ("date:[2023-05-01 to 2023-02-30]", "2023-02-30", "2023-05-25"),
        ("date:[2023-05-0", "unfinished range", "to"),
        ("type:banana", "banana", ", ".join(EVENT_TYPES[:-1])),
        ("status:maybe", "maybe", ", ".join(EVENT_STATUSES[:-1])),
        ("Raimondo NOT status:maybe", "maybe", "occurred"),
        ("type:ban*", "ban*", "summit"),
    ],
)
def test_a_malformed_value_of_a_known_field_is_a_clear_error(store: Store, query: str, named: str, listed: str) -> None:
    for call in (store.search, store.count, store.facets):
        with pytest.raises(QueryError) as raised:
            call(query)
        message = str(raised.value)
        assert named in message and listed in message and "\n" not in message


def test_good_values_are_read_as_meant(store: Store) -> None:
    assert store.count("type:Visit", kind="event") == store.count("type:visit", kind="event") > 0
    assert store.count("status:PLANNED", kind="event") == store.count("status:planned", kind="event") > 0
    assert store.count("type:vis*", kind="event") == store.count("type:visit", kind="event")
    # a month or a year is the range it names (it used to find nothing)
    assert store.count("date:2023-05", kind="event") == store.count("date:[2023-05-01 to 2023-05-31]", kind="event") > 0
    assert store.count("date:2023", kind="event") == store.count("date:[2023-01-01 to 2023-12-31]", kind="event") > 0
    assert store.count("date:2023-5-25", kind="event") == store.count("date:2023-05-25", kind="event") > 0


def test_a_date_range_being_typed_searches_or_says_what_is_wrong(store: Store) -> None:
    """Every state of the bar while typing a range: results, or a message -- never a
    silent 'nothing found' for a range that is only unfinished."""
    final = "Biden date:[2023-05-01 to 2023-12-31]"
    for end in range(len("Biden "), len(final) + 1):
        query = final[:end]
        try:
            total = store.count(query, kind="event")
        except QueryError as error:
            assert str(error) and "\n" not in str(error)
            continue
        if "date:" in query and query.rstrip() != "Biden date:":
            assert total > 0, query
    assert store.count("Biden date:[2023-05-01 to", kind="event") > 0


@pytest.mark.parametrize("query", ["date:yesterday", "type:banana", "status:maybe", "date:[2023-13-99 to"])
def test_readout_search_reports_a_bad_value_like_an_unknown_field(seed_index: Path, query: str) -> None:
    out = readout("search", "--index", str(seed_index), query)
    unknown = readout("search", "--index", str(seed_index), "nosuch:x")
    assert out.returncode == unknown.returncode == 2
    assert out.stdout == "" and len(out.stderr.strip().splitlines()) == 1
    assert out.stderr.startswith("readout: error: query") and query.split(":")[1].strip("[")[:6] in out.stderr


# --- entity counts: matching articles naming each ------------------------------------------------------


def _narrowed(query: str, kind: str, name: str) -> str:
    return f'{query} {kind}:"{name}"'.strip()


@pytest.mark.parametrize("query", ["", "China", "Raimondo", "talks"])
def test_an_entity_count_is_what_narrowing_on_it_finds_among_articles(store: Store, query: str) -> None:
    facets = store.facets(query)
    assert any(facets.values())
    for kind, entries in facets.items():
        for name, n in entries:
            assert store.count(_narrowed(query, kind, name), kind="article") == n, (kind, name)


def test_a_query_only_events_match_counts_events(store: Store) -> None:
    query = "type:visit"
    assert store.count(query, kind="article") == 0
    facets = store.facets(query)
    assert facets["person"]
    for kind, entries in facets.items():
        for name, n in entries:
            assert store.count(_narrowed(query, kind, name), kind="event") == n, (kind, name)


def test_counts_never_add_events_to_articles(store: Store) -> None:
    articles = store.count("Raimondo", kind="article")
    people = dict(store.facets("Raimondo")["person"])
    assert people["Gina Raimondo"] <= articles


def test_country_parties_are_found_by_place_as_they_are_counted(corpus_copy: Path, tmp_path: Path) -> None:
    (corpus_copy / "talks.txt").write_text("Japan and the United States kick off trade talks in Tokyo tomorrow.", encoding="utf-8")
    store = Store(tmp_path / "ix")
    Indexer(store, workers=1).run([corpus_copy])
    query = "type:talks article:talks"
    places = dict(store.facets(query)["place"])
    assert places.get("Japan") == 1
    assert store.count(_narrowed(query, "place", "Japan"), kind="event") == 1


def test_spellings_of_one_name_differing_in_case_are_one_entry(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for n, (day, spelling) in enumerate([("02", "de"), ("03", "De"), ("04", "de")]):
        (corpus / f"{n}.txt").write_text(
            f"---\ndate: 1987-03-{day}\n---\nEC Commissioner Willy {spelling} Clercq met Japanese officials in Brussels, trade sources said.\n",
            encoding="utf-8",
        )
    store = Store(tmp_path / "ix")
    Indexer(store, workers=1).run([corpus])
    stored = {name for d in store.iter_documents("article") for name in d["facets"]["person"]}
    assert stored == {"Willy de Clercq", "Willy De Clercq"}, "the corpus names him both ways"
    people = store.facets("trade")["person"]
    assert [p for p in people if "clercq" in p[0].lower()] == [("Willy de Clercq", 3)]
    assert store.count('trade person:"Willy de Clercq"', kind="article") == 3

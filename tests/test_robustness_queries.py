"""Queries (issue 6): whatever a user types, search gives results or a clear
error message (``QueryError``), never an exception.

Property-based: hypothesis draws arbitrary strings and strings built from the
query language's own pieces (fields that exist and that do not, quotes,
brackets, ranges, operators, wildcards, dates), and every entry point the app
and the command line use is called with them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from index.store import QueryError, SearchPage, Store

from test_robustness_support import readout, unsafe_in

FIELDS = ["person", "who", "place", "where", "org", "type", "status", "date", "when", "cameo", "article", "id", "title", "body",
          "text", "nosuch", "Person", "DATE", "kind", "doc_id", "source", "data", "facets", "sort_date", "content_hash", ""]
WORDS = ["Raimondo", "China", "talks", "meet*", "Nakaso*", "Tokyo", "visit", "planned", "041", "2023-05-01", "2023-05*", "2023",
         "*", "?", "~", "^2", "a", "É", "外交", "\x00", "\u202e", "\x1b[31m", "-", "+", "!", "\\", "/", "''", "x" * 300]
PUNCT = ['"', "(", ")", "[", "]", "{", "}", ":", " to ", " TO ", " AND ", " OR ", " NOT ", " ", ">", "<", ">=", "=", "'", ","]


def _piece() -> st.SearchStrategy[str]:
    field = st.sampled_from(FIELDS).map(lambda f: f + ":" if f else "")
    return st.one_of(
        st.tuples(field, st.sampled_from(WORDS)).map("".join),
        st.sampled_from(PUNCT),
        # (the first and last days Python can hold are in test_date_ranges_at_the_ends_of_time)
        st.tuples(st.just("date:"), st.sampled_from("[{"), st.sampled_from(["2023-06-30", "2023-05-01", "2023", "x", "", "1900-01-01", "2023-13-45"]),
                  st.sampled_from([" to ", " TO ", " ", "to"]), st.sampled_from(["2023-05-01", "2023-06-30", "", "2024", "y", "10000-01-01", "2100-12"]), st.sampled_from("]}")).map("".join),
        st.text(max_size=8),
    )


QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(list('abc"()[]{}:*?~^-+!\\/ ') + ["to", "AND", "OR", "NOT", "date:", "person:", "nosuch:"]), max_size=30).map("".join),
    st.lists(_piece(), max_size=10).map("".join),
)


@pytest.fixture(scope="module")
def store(seed_index: Path) -> Store:
    return Store(seed_index)


def _either_results_or_a_clear_error(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        return error


@settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=QUERIES, kind=st.sampled_from([None, "article", "event"]))
@example(query="date:[2023-06-30 to 2023-05-01]", kind="event")
@example(query='"trade talks', kind=None)
@example(query="person:(Raimondo OR", kind=None)
@example(query="nosuch:field", kind=None)
@example(query="date:[to]", kind="event")
@example(query=" OR ".join(["a*"] * 300), kind=None)
@example(query="\x00\x1b]52;c;ZXZpbA==\x07", kind=None)
def test_any_query_gives_results_or_a_clear_error(store: Store, query: str, kind) -> None:
    page = _either_results_or_a_clear_error(store.search, query, kind=kind, limit=5)
    count = _either_results_or_a_clear_error(store.count, query, kind=kind)
    assert isinstance(page, QueryError) == isinstance(count, QueryError)
    if isinstance(page, SearchPage):
        assert isinstance(count, int) and count >= 0 and len(page.hits) == min(5, page.total)
        for hit in page.hits:
            for snippet in hit.snippets:
                for span in snippet.highlights:
                    assert 0 <= span.start <= span.end <= len(snippet.text)
    _either_results_or_a_clear_error(store.facets, query, kind=kind)
    store.match_spans(query, "The minister met Gina Raimondo in Detroit for trade talks on 2023-05-25.")


def test_queries_on_fields_that_do_not_exist_name_the_field(store: Store) -> None:
    for query in ("nosuch:x", "Raimondo colour:red", "PERSONS:Tai"):
        with pytest.raises(QueryError, match="unknown field"):
            store.search(query)


def test_unbalanced_quotes_and_brackets_still_search(store: Store) -> None:
    for query in ('"trade talks', "(Raimondo", "Raimondo)", "person:(Raimondo", "[Raimondo", "Raimondo]", "{China"):
        page = _either_results_or_a_clear_error(store.search, query)
        assert isinstance(page, QueryError) or page.total >= 1, query


@pytest.mark.parametrize("query", ["date:{9999-12-31 TO 2023]", "date:{9999-12-31 to]", "date:[2023 TO 0001-01-01}", "date:[ to 0001-01-01}"])
def test_date_ranges_at_the_ends_of_time(store: Store, query: str) -> None:
    _either_results_or_a_clear_error(store.search, query)
    _either_results_or_a_clear_error(store.count, query)


def test_a_reversed_date_range_reads_as_the_range_it_means(store: Store) -> None:
    forward = store.count("date:[2023-05-01 to 2023-06-30]", kind="event")
    assert forward >= 1
    assert store.count("date:[2023-06-30 to 2023-05-01]", kind="event") == forward
    assert store.count("date:[2023-06 to 2023-05]", kind="event") == forward


@pytest.mark.parametrize(
    "query",
    ['"trade talks', "nosuch:x", "date:[2023-06-30 to 2023-05-01]", "(((", "\x1b[2J\x1b]0;pwned\x07", "person:(", "*" * 50, "date:[x to y]"],
)
def test_readout_search_answers_every_query_in_one_clear_way(seed_index: Path, query: str) -> None:
    out = readout("search", "--index", str(seed_index), "--json", query)
    assert "Traceback" not in out.stderr
    assert out.returncode in (0, 2), out.stderr
    if out.returncode == 2:
        assert out.stdout == "" and len(out.stderr.strip().splitlines()) == 1 and out.stderr.startswith("readout: error: query")
    else:
        for line in out.stdout.splitlines():
            json.loads(line)
    assert not unsafe_in((out.stdout + out.stderr).replace("\n", ""))


def test_a_query_being_typed_reads_as_far_as_it_goes(store: Store) -> None:
    """Search as you type passes through 'Raimondo AND' and 'date:[2023 to': they are not empty results."""
    assert store.search("Raimondo AND", kind="event").total == store.search("Raimondo", kind="event").total >= 1
    assert store.search("Raimondo AND NOT", kind="event").total == store.search("Raimondo", kind="event").total
    assert store.search("date:[2023 to", kind="event").total == store.search("date:[2023 to]", kind="event").total >= 1

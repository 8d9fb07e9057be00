"""Stage 2b: a story sent in lower case is read with its capitals restored."""

from index.pipeline import extract
from index.truecase import is_lower_case_story, truecase

from conftest import article

LOWER = (
    "venezuela is seeking a flexible attitude from its creditor banks, finance minister\n"
    "carlos perez told a press conference in caracas.\n"
    "    he declined to comment on meetings this week in new york\n"
    "between public finances director jorge marcano and the banks' advisory committee."
)


def test_capitals_come_back_at_the_same_places(kb) -> None:
    cased = truecase(LOWER, kb)
    assert cased is not None and len(cased) == len(LOWER) and cased.lower() == LOWER.lower()
    for words in ("Venezuela is seeking", "Carlos Perez told", "in Caracas", "He declined", "New York", "Jorge Marcano and"):
        assert words in cased
    assert "minister\nCarlos" in cased and "said" not in cased.replace("Said", "?")


def test_a_story_with_capitals_is_left_alone(kb) -> None:
    assert truecase("Venezuela is seeking a flexible attitude from its creditor banks, Finance Minister Carlos Perez said.", kb) is None
    assert not is_lower_case_story("Short.")


def test_what_is_found_quotes_the_original_words() -> None:
    found = extract(article(LOWER, "1987-02-26"))
    people = {m.canonical: m.text for m in found.mentions if m.kind == "person"}
    assert people.get("Jorge Marcano") == "jorge marcano"
    meeting = [e for e in found.events if e.type == "meeting"]
    assert meeting and "Jorge Marcano" in meeting[0].participants and meeting[0].sentence.startswith("he declined")

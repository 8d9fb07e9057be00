"""Temporal phrases resolve from the publication date and the tense."""

from datetime import date, timedelta

import pytest

from index.timex import find_time_expressions

FRIDAY = date(2023, 5, 19)
MONDAY = date(2025, 10, 27)


def resolve(kb, text: str, published: date, tense: str):
    found = find_time_expressions(text, 0, len(text), published, kb)
    assert found, f"no temporal phrase found in {text!r}"
    window = found[0].window(tense)
    return found[0].text, (window[0].isoformat(), window[1].isoformat())


@pytest.mark.parametrize(
    "text, published, tense, words, window",
    [
        ("He will fly there next week.", FRIDAY, "future", "next week", ("2023-05-21", "2023-05-27")),
        ("They met last week in Vienna.", FRIDAY, "past", "last week", ("2023-05-07", "2023-05-13")),
        ("Prices rose next month.", FRIDAY, "future", "next month", ("2023-06-01", "2023-06-30")),
        ("They will meet on Thursday.", MONDAY, "future", "on Thursday", ("2025-10-30", "2025-10-30")),
        ("They met on Thursday.", MONDAY, "past", "on Thursday", ("2025-10-23", "2025-10-23")),
        ("Negotiators met over the weekend.", MONDAY, "past", "over the weekend", ("2025-10-25", "2025-10-26")),
        ("A meeting later this week.", MONDAY, "future", "later this week", ("2025-10-27", "2025-11-01")),
        ("He will meet her on either May 25 or 26.", FRIDAY, "future", "May 25 or 26", ("2023-05-25", "2023-05-26")),
        ("The visit runs April 13-16.", date(2023, 4, 1), "future", "April 13-16", ("2023-04-13", "2023-04-16")),
        ("He arrives this evening.", FRIDAY, "future", "this evening", ("2023-05-19", "2023-05-19")),
        ("They met last November in Bali.", date(2023, 6, 15), "past", "last November", ("2022-11-01", "2022-11-30")),
        ("Talks began early this week.", MONDAY, "past", "early this week", ("2025-10-26", "2025-10-29")),
        ("They meet next Wednesday.", FRIDAY, "future", "next Wednesday", ("2023-05-24", "2023-05-24")),
        ("They meet next Wednesday.", MONDAY, "future", "next Wednesday", ("2025-10-29", "2025-11-05")),
        ("They meet next Monday.", MONDAY, "future", "next Monday", ("2025-11-03", "2025-11-03")),
        ("The summit is in September.", date(2023, 6, 15), "future", "in September", ("2023-09-01", "2023-09-30")),
        ("He visited in February.", date(2023, 5, 19), "past", "in February", ("2023-02-01", "2023-02-28")),
        ("Officials met on March 3, 1987.", date(1987, 3, 10), "past", "March 3, 1987", ("1987-03-03", "1987-03-03")),
        ("They spoke yesterday.", FRIDAY, "past", "yesterday", ("2023-05-18", "2023-05-18")),
        ("Visits over the past six months.", date(2023, 10, 28), "past", "over the past six months", ("2023-04-28", "2023-10-28")),
        ("He paid a brief weekend visit to Abidjan.", date(1987, 6, 29), "past", "weekend", ("1987-06-27", "1987-06-28")),
        ("Prospects are slim for a summer meeting.", date(1987, 6, 29), "future", "summer", ("1987-06-01", "1987-08-31")),
        ("They will meet next spring.", date(1987, 6, 29), "future", "next spring", ("1988-03-01", "1988-05-31")),
        ("They met last winter.", date(1987, 6, 29), "past", "last winter", ("1986-12-01", "1987-02-28")),
        ("He visits Washington later in the month.", date(1987, 4, 17), "future", "later in the month", ("1987-04-17", "1987-04-30")),
        ("Proposals made at the 1986 Tokyo Summit.", date(1987, 4, 7), "future", "1986", ("1986-01-01", "1986-12-31")),
    ],
)
def test_phrase_resolves_to_a_window(kb, text, published, tense, words, window) -> None:
    assert resolve(kb, text, published, tense) == (words, window)


def test_the_modal_may_is_not_the_month(kb) -> None:
    text = "The official may meet deputies."
    assert find_time_expressions(text, 0, len(text), FRIDAY, kb) == []


def test_relative_phrases_need_a_publication_date(kb) -> None:
    text = "They meet next week, and met on March 3, 1987."
    found = find_time_expressions(text, 0, len(text), None, kb)
    assert [f.text for f in found] == ["March 3, 1987"]


def test_a_fall_in_prices_is_no_season(kb) -> None:
    assert find_time_expressions("The fall in the dollar continued.", 0, 31, date(1987, 6, 29), kb) == []


def test_a_superlative_span_of_years_is_no_date(kb) -> None:
    text = "It was the first visit by a Soviet leader to China in 30 years, and prices were the lowest in five years."
    assert find_time_expressions(text, 0, len(text), FRIDAY, kb) == []
    text = "He will visit Tokyo in two weeks."
    assert [t.text for t in find_time_expressions(text, 0, len(text), FRIDAY, kb)] == ["in two weeks"]


def test_a_clock_time_is_the_storys_day(kb) -> None:
    for text in (
        "The meeting is expected to begin around 3 p.m. local time.",
        "Reagan will meet senators at 1115 est, Dole said.",
        "The ministers will resume talks at 10.00 local time.",
        "A full council meeting is set for 1900 hours local.",
    ):
        found = find_time_expressions(text, 0, len(text), FRIDAY, kb)
        assert [(f.past, f.future) for f in found] == [((FRIDAY, FRIDAY), (FRIDAY, FRIDAY))], text
    for text in ("The index rose 3 pct to 1900 points.", "The budget sets aside funds for 1987 local elections."):
        assert find_time_expressions(text, 0, len(text), FRIDAY, kb) == [], text


def test_soon_is_within_the_month_ahead_but_not_as_soon_as(kb) -> None:
    for text in ("Shultz is likely to visit Moscow soon for talks.", "An IMF team would visit La Paz shortly."):
        found = find_time_expressions(text, 0, len(text), FRIDAY, kb)
        assert [(f.past, f.future) for f in found] == [(None, (FRIDAY, FRIDAY + timedelta(days=30)))], text
    for text in ("He will leave as soon as possible.", "Soon after the meeting he left.", "It came too soon."):
        assert find_time_expressions(text, 0, len(text), FRIDAY, kb) == [], text


def test_the_end_of_the_month_is_this_months_last_days(kb) -> None:
    assert resolve(kb, "He will visit Washington at the end of the month.", date(1987, 4, 14), "future") == ("the end of the month", ("1987-04-21", "1987-04-30"))
    found = find_time_expressions("Banks will act at the end of the quarter.", 0, 40, date(1987, 3, 22), kb)
    assert [t.text for t in found] == [], "the quarter's end is not read as a month"

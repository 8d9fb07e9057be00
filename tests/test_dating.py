"""An article that comes without a date is dated from its own clues, as a window.

The people here are invented (a fact base of their own), so no test leans on
who really held an office; the rules are those of news writing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import article
from index.dating import estimate_publication, find_clues
from index.knowledge import build_knowledge
from index.pipeline import extract

PEOPLE = """people:
  - {name: Astrid Vollmer, country: DE, roles: [{office: foreign_minister, title: Foreign Minister, from: 2019-03-01, to: 2024-09-30}]}
  - {name: Tomas Arlo, country: ES, roles: [{office: trade_minister, title: Trade Minister, from: 2022-06-01, to: null}]}
  - {name: Mirela Dunca, country: RO, roles: [{office: head_of_government, title: Prime Minister, from: 2024-02-01, to: null}]}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("dating") / "people.yaml"
    path.write_text(PEOPLE, encoding="utf-8")
    return build_knowledge([Path(path)])


def window(kb, text: str, dateline: str = "") -> tuple[str, str] | None:
    found = estimate_publication(text, kb, dateline)
    return (found.earliest.isoformat(), found.latest.isoformat()) if found else None


def test_a_stamped_date_is_the_day(kb) -> None:
    text = "Ministers meet\nPublished: March 3, 2024\nForeign ministers will meet next week in Madrid."
    assert window(kb, text) == ("2024-03-03", "2024-03-03")


def test_a_date_in_a_sentence_is_no_stamp(kb) -> None:
    found = estimate_publication("The accord signed on March 3, 2024 was praised by Foreign Minister Astrid Vollmer.", kb)
    assert found is None or found.earliest != found.latest


def test_an_office_held_on_the_day_fences_the_years(kb) -> None:
    assert window(kb, "Romanian Prime Minister Mirela Dunca said talks would go on.") == ("2024-02-01", "2026-12-31")
    # an office held for more than four years leaves the day too loose to be worth a window
    assert window(kb, "Spanish Trade Minister Tomas Arlo said talks would go on.") is None


def test_a_weekday_with_its_date_picks_the_year_among_those_the_offices_allow(kb) -> None:
    # Oct 27 is a Friday in 2017 and 2023 only, of the years Arlo and Vollmer were both in office
    text = "Officials said Friday (Oct 27) that Foreign Minister Astrid Vollmer and Trade Minister Tomas Arlo would meet."
    earliest, latest = window(kb, text)  # type: ignore[misc]
    assert earliest >= "2023-10-25" and latest <= "2023-11-03"


def test_a_title_the_story_gets_wrong_tells_nothing(kb) -> None:
    assert not [c for c in find_clues("Defence Minister Tomas Arlo spoke.", kb) if "Arlo" in c.reason]


def test_a_former_holder_tells_nothing_of_the_day(kb) -> None:
    assert not [c for c in find_clues("Former Foreign Minister Astrid Vollmer spoke.", kb) if "Vollmer" in c.reason]


def test_a_day_still_to_come_lies_after_the_story(kb) -> None:
    text = "Prime Minister Mirela Dunca will meet Trade Minister Tomas Arlo on May 25."
    found = estimate_publication(text, kb)
    assert found is not None
    assert found.latest.month == 5 and found.latest.day == 25  # written before a May 25 ...
    assert found.earliest >= date(2024, 2, 1)  # ... while Dunca was in office
    assert found.best.month in (5,) and found.best.day >= 15  # most likely shortly before


@pytest.mark.parametrize(
    "text, coming",
    [
        ("They seek a deal to avoid tariffs due to come into effect on November 1.", True),
        ("Talks resumed since the president began his second term in January.", False),
        ("The next ordinary meeting will be convened in Vienna on December 9.", True),
        ("The won has gained 5.1 pct since the beginning of 2022.", False),
        ("The minister leaves on April 7 to attend the meetings.", True),
    ],
)
def test_the_tense_nearest_a_date_says_which_side_of_the_story_it_lies(kb, text: str, coming: bool) -> None:
    clues = [c for c in find_clues(text, kb) if "to come" in c.reason or "past" in c.reason]
    assert clues, text
    assert all(("to come" in c.reason) == coming for c in clues), [c.reason for c in clues]


def test_a_wire_dateline_gives_the_day_and_the_offices_the_year(kb) -> None:
    text = "Prime Minister Mirela Dunca and Trade Minister Tomas Arlo met here for talks."
    assert window(kb, text, "BUCHAREST, March 13") == ("2024-03-13", "2026-03-13")


def test_no_clue_or_too_loose_a_clue_gives_no_estimate(kb) -> None:
    assert window(kb, "The talks went on late into the night.") is None
    assert window(kb, "Prices rose in 1985 and again after that.") is None


def test_an_undated_story_resolves_next_week_against_every_day_it_can_have_been_written(kb) -> None:
    text = "Trade Minister Tomas Arlo will visit Lisbon next week, officials said on Friday (Oct 27)."
    found = extract(article(text, published=None), kb)
    assert found.article.published is None  # nothing a user gave us is changed
    assert found.dated_by is not None and found.dated_by.earliest.year == 2023
    visit = next(e for e in found.events if e.type == "visit")
    assert visit.date is not None and visit.date.estimated
    # written between Oct 25 and Nov 3, 2023: "next week" lies somewhere in Oct 29 .. Nov 11
    assert visit.date.start <= date(2023, 10, 29) and visit.date.end >= date(2023, 11, 4)
    assert visit.to_json()["date"]["estimated"] is True


def test_a_dated_story_is_read_as_of_its_date_alone(kb) -> None:
    text = "Trade Minister Tomas Arlo will visit Lisbon next week, officials said on Friday (Oct 27)."
    found = extract(article(text, published="2023-10-27"), kb)
    visit = next(e for e in found.events if e.type == "visit")
    assert found.dated_by is None and visit.date is not None and not visit.date.estimated
    assert (visit.date.start, visit.date.end) == (date(2023, 10, 29), date(2023, 11, 4))
    assert "estimated" not in visit.to_json()["date"]


def test_a_gathering_placed_or_timed_by_the_story_fences_its_day(kb) -> None:
    clues = [c for c in find_clues("Leaders will gather at the G7 summit in Hiroshima next month, officials said.", kb) if "G7" in c.reason]
    assert len(clues) == 1 and "to come" in clues[0].reason
    assert clues[0].ranges[0][1] == date(2023, 5, 19)  # written before the Hiroshima summit opened


def test_two_editions_in_one_host_country_are_told_apart_by_the_other_clues(kb) -> None:
    # South Korea hosted APEC in 2005 and in 2025; Dunca's office (from 2024) leaves only the second
    text = "Prime Minister Mirela Dunca will attend the APEC summit in South Korea later this week."
    reasons = [c.reason for c in find_clues(text, kb) if "APEC" in c.reason]
    assert reasons == ["APEC 2025 Gyeongju (2025-10-31) to come"], reasons
    found = estimate_publication(text, kb)
    assert found is not None and found.latest <= date(2025, 10, 31)


def test_a_member_country_named_beside_a_series_picks_no_edition(kb) -> None:
    text = "The Louvre pact is an agreement between the Group of Seven countries including the United States and West Germany."
    assert not [c for c in find_clues(text, kb) if "G7" in c.reason]


@pytest.mark.parametrize(
    "head",
    [
        "Published: 12:34 PM, June 18, 2023",
        "Updated June 18, 2023 at 4:05 AM GMT+8",
        "2023-06-18T04:05:00Z",
        "By Jane Doe | June 18, 2023",
        "Posted on 18 Jun 2023",
        "Last modified on Sun 18 Jun 2023 12.01 BST",
    ],
)
def test_the_ways_web_pages_stamp_their_date(kb, head: str) -> None:
    assert window(kb, f"Talks resume\n{head}\nMinisters will meet next week.") == ("2023-06-18", "2023-06-18")


def test_a_dateline_with_a_region_after_the_city(kb) -> None:
    clues = [c.reason for c in find_clues("WOODSIDE, California, Nov 15 (Reuters) - The leaders met.", kb)]
    assert any(r.startswith("dateline") for r in clues), clues


@pytest.mark.parametrize(
    "text, coming",
    [
        ("Officials sought to steady relations ahead of the U.S. presidential election in November.", True),
        ("China announced export controls on two metals, taking effect Aug. 1.", True),
    ],
)
def test_an_abbreviation_is_no_sentence_end_and_taking_effect_is_ahead(kb, text: str, coming: bool) -> None:
    clues = [c for c in find_clues(text, kb) if "to come" in c.reason or "past" in c.reason]
    assert clues and all(("to come" in c.reason) == coming for c in clues), [c.reason for c in clues]


def test_an_underlings_title_is_not_the_office_and_a_date_pushed_back_to_is_ahead(kb) -> None:
    assert not [c for c in find_clues("Vice Foreign Minister Astrid Vollmer said the talks would go on.", kb) if "Vollmer" in c.reason and c.weight >= 3]
    clues = [c.reason for c in find_clues("A source said the visit had been pushed back to March 10 so as not to lend it legitimacy.", kb)]
    assert "March 10 still to come" in clues, clues


def test_a_dateline_on_a_line_of_its_own_gives_the_day(kb) -> None:
    text = "Leaders agree deals\n\nBUCHAREST, March 13\n\nPrime Minister Mirela Dunca and Trade Minister Tomas Arlo met for talks."
    assert window(kb, text) == ("2024-03-13", "2026-03-13")



def test_two_years_that_fit_alike_give_a_window_over_both_not_none() -> None:
    """A spike of clues on two New Year's days a year apart: neither year wins, so the window holds both."""
    from index.knowledge import default_knowledge

    text = (
        "President Luiz Inacio Lula da Silva, who took office on Jan. 1, received President Nicolas Maduro on Monday. "
        "His adviser met Maduro in Caracas in March. In January, Maduro called off a trip to a summit. "
        "It was his first visit since 2015. Relations were cut in 2019, and elections are due in 2024."
    )
    found = estimate_publication(text, default_knowledge())
    assert found is not None
    assert found.earliest <= date(2023, 5, 29) <= found.latest and found.earliest.year < found.latest.year


def test_a_leader_named_with_his_countrys_possessive_held_office_that_day() -> None:
    from index.knowledge import default_knowledge

    found = estimate_publication("Brazil's Luiz Inacio Lula da Silva met Argentina's Javier Milei at the summit.", default_knowledge())
    assert found is not None and found.earliest >= date(2023, 12, 10)


def test_a_landmark_day_is_no_day_near_the_story(kb) -> None:
    clues = find_clues("Prime Minister Mirela Dunca, who took office on Feb. 1, met Tomas Arlo. She returned to power on March 3.", kb)
    assert not any("Feb. 1" in c.reason or "March 3" in c.reason for c in clues), [c.reason for c in clues]

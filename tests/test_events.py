"""Stage 6: events — status, type, parties, place and date — on sentences
written for the test (not taken from the seeds)."""

import pytest

from index.pipeline import extract

from conftest import article


def events(text: str, published: str = "2024-03-06", dateline: str = ""):
    return extract(article(text, published, dateline=dateline)).events


def one(text: str, **kw):
    found = events(text, **kw)
    assert len(found) == 1, [(e.type, e.participants, e.sentence) for e in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Oslo on Monday.", "occurred"),
        ("Foreign Minister Anna Berg will meet her Danish counterpart Lars Holm in Oslo next week.", "planned"),
        ("Foreign Minister Anna Berg is expected to meet her Danish counterpart Lars Holm next week.", "planned"),
        ("Foreign Minister Anna Berg is seeking a meeting with her Danish counterpart Lars Holm.", "proposed"),
        ("Foreign Minister Anna Berg may meet her Danish counterpart Lars Holm rather than the premier.", "proposed"),
        ("Foreign Minister Anna Berg postponed a planned trip to Oslo.", "postponed"),
        ("Foreign Minister Anna Berg has cancelled a visit to Oslo.", "cancelled"),
        ("Foreign Minister Anna Berg called off her visit to Oslo.", "cancelled"),
    ],
)
def test_status_comes_from_the_words_that_govern_the_trigger(sentence: str, status: str) -> None:
    assert one(sentence).status == status


def test_negated_engagements_are_not_events() -> None:
    assert events("Foreign Minister Anna Berg did not meet her Danish counterpart Lars Holm.") == ()


def test_a_courtesy_call_is_a_meeting_and_a_phone_call_a_call() -> None:
    assert one("Foreign Minister Anna Berg paid a courtesy call on President Karl Stein.").type == "meeting"
    call = one("Foreign Minister Anna Berg held a phone call with President Karl Stein on Tuesday.")
    assert (call.type, call.cameo, set(call.participants)) == ("call", "041", {"Anna Berg", "Karl Stein"})


def test_negotiations_between_delegations_are_talks_and_a_forum_is_a_summit() -> None:
    assert one("Trade negotiators from Chile and Peru held trade talks in Lima on Friday.").type == "talks"
    summit = one("Finance ministers of the Group of Seven will meet in Rome next month.")
    assert (summit.type, summit.location) == ("summit", "Rome")


def test_dates_resolve_from_the_publication_date_and_tense() -> None:
    planned = one("Foreign Minister Anna Berg will visit Oslo on Thursday.")  # 2024-03-06 is a Wednesday
    assert (planned.date.start.isoformat(), planned.date.text) == ("2024-03-07", "on Thursday")
    past = one("Foreign Minister Anna Berg visited Oslo on Thursday.")
    assert past.date.start.isoformat() == "2024-02-29"


def test_here_is_the_dateline_city_and_the_place_is_the_engagements() -> None:
    visit = one("Foreign Minister Anna Berg arrived here on Monday for a two-day visit.", dateline="OSLO, March 6")
    assert visit.location == "Oslo"
    meeting = one("Foreign Minister Anna Berg, who flew in from Paris, met President Karl Stein in Berlin.")
    assert meeting.location == "Berlin"


def test_a_meeting_on_the_sidelines_of_a_gathering_is_where_the_gathering_is() -> None:
    found = events("Premier Jon Lee met President Karl Stein on the sidelines of a G20 summit last November in Bali.", "2023-06-15")
    meeting = next(e for e in found if e.type == "meeting")
    assert (meeting.location, meeting.date.start.isoformat(), meeting.status) == ("Bali", "2022-11-01", "occurred")
    assert any(e.type == "summit" for e in found)


def test_one_event_per_engagement_with_every_evidence_sentence() -> None:
    text = (
        "Foreign Minister Anna Berg will visit Oslo next week. "
        "Officials said the visit would focus on energy. "
        "Berg is expected to visit Oslo for two days."
    )
    visits = [e for e in events(text) if e.type == "visit"]
    assert len(visits) == 1 and len(visits[0].evidence) >= 2


def test_page_furniture_yields_nothing() -> None:
    text = "READ ALSO: President Karl Stein meets Foreign Minister Anna Berg in Oslo\n\nMarkets were calm."
    assert events(text) == ()


def test_spans_point_into_the_text() -> None:
    a = article("Foreign Minister Anna Berg met President Karl Stein in Berlin on Monday. Markets rose.")
    for e in extract(a).events:
        assert a.text[e.span.start : e.span.end] == e.sentence


def test_a_second_verb_after_and_shares_the_first_ones_modal() -> None:
    found = events("Foreign Minister Anna Berg will hold talks with President Karl Stein and meet Prime Minister Olga Lind.")
    assert {e.status for e in found} == {"planned"}, [(e.participants, e.status) for e in found]
    assert any("Olga Lind" in e.participants for e in found)


def test_the_visit_later_in_a_story_is_the_visit_already_reported() -> None:
    text = (
        "President Karl Stein of Norland begins a three-day state visit to Sweden on Tuesday.\n\n"
        "Stein will meet Prime Minister Olga Lind during the visit, his first to Sweden.\n\n"
        "Stein's trip follows several visits to Norland by Swedish officials in recent months."
    )
    found = events(text)
    visits = [e for e in found if e.type == "visit" and "Karl Stein" in e.participants]
    assert len(visits) == 1, [(e.participants, e.status, e.location, e.sentence) for e in found]
    assert (visits[0].status, visits[0].location, len(visits[0].evidence)) == ("planned", "Sweden", 3)


def test_reported_doubt_makes_a_trip_proposed_not_planned() -> None:
    found = events("Foreign Minister Anna Berg visited Rome on Monday.\n\nShe said it was unclear if she would go to Oslo on Friday.")
    assert [(e.type, e.location, e.status) for e in found] == [("visit", "Rome", "occurred"), ("visit", "Oslo", "proposed")]


def test_a_foreign_visitors_tour_leg_is_where_the_story_was_filed_and_its_purpose_is_no_event() -> None:
    found = events(
        "Danish Foreign Minister Lars Holm met Norwegian Prime Minister Olga Lind on the second leg of a tour to discuss fishing rights.",
        dateline="OSLO, March 6",
    )
    assert sorted((e.type, e.location) for e in found) == [("meeting", "Oslo"), ("visit", "Oslo")], [(e.type, e.participants, e.location) for e in found]
    assert all("Lars Holm" in e.participants for e in found)


def test_my_meeting_in_a_quote_includes_the_speaker_and_a_round_keeps_its_bilateral_apart() -> None:
    text = (
        "Foreign Minister Anna Berg said she was pleased after a day of meetings with President Karl Stein and Prime Minister Olga Lind.\n\n"
        '"Stein left my meeting this morning to attend a cabinet meeting," she said.'
    )
    found = events(text)
    parties = sorted(tuple(sorted(e.participants)) for e in found if e.type == "meeting")
    assert parties == [("Anna Berg", "Karl Stein"), ("Anna Berg", "Karl Stein", "Olga Lind")], [(e.participants, e.sentence) for e in found]


def test_the_place_a_meeting_is_in_is_no_party_and_a_dated_placed_summit_stands_alone() -> None:
    found = events("Arab states are due to meet at a summit in Amman on November 8.", published="1987-10-19")
    assert [(e.type, e.location, e.status, e.participants, e.date.start.isoformat()) for e in found] == [("summit", "Amman", "planned", (), "1987-11-08")]


def test_to_before_a_verb_is_no_destination() -> None:
    visit = one("Officials said the purpose of Foreign Minister Anna Berg's visit would be to discuss relaxed U.S. rules.")
    assert visit.location is None
    assert one("Foreign Minister Anna Berg is due to visit Denmark this week.").location == "Denmark"


def test_a_relative_clause_dates_the_gathering_it_follows() -> None:
    found = events("OPEC president Ali Saad told reporters here ahead of his departure on Sunday for the conference, which starts June 25.", published="1987-06-19")
    summit = next(e for e in found if e.type == "summit")
    assert (summit.date.start.isoformat(), summit.date.text) == ("1987-06-25", "June 25")


def test_a_stop_takes_the_day_of_the_meetings_held_there_and_a_foreign_host_is_not_met_on_it() -> None:
    text = (
        "U.S. Commerce Secretary Karl Stein will stop in Hong Kong to meet British officials.\n\n"
        "Stein will meet South Korean President Chun Doo-hwan on Monday to discuss trade.\n\n"
        "In Hong Kong, Stein will hold meetings on April 27 with Governor David Wilson."
    )
    found = events(text, published="1987-04-17")
    stop = next(e for e in found if e.type == "visit")
    assert (stop.location, stop.date.start.isoformat()) == ("Hong Kong", "1987-04-27")
    chun = next(e for e in found if "Chun Doo-hwan" in e.participants)
    assert chun.location != "Hong Kong" and chun.date.start.isoformat() == "1987-04-20"


def test_a_stopover_on_the_way_keeps_the_main_clauses_time() -> None:
    found = events("Oil Minister Ali Saad arrived last night after a brief stopover in Riyadh, where he met Saudi Oil Minister Hisham Nazer.", published="1987-03-10")
    assert {(e.type, e.location, e.date and e.date.start.isoformat()) for e in found} >= {("visit", "Riyadh", "1987-03-09"), ("meeting", "Riyadh", "1987-03-09")}, [(e.type, e.location, e.date) for e in found]


def test_the_meeting_also_attended_by_someone_is_the_meeting_already_reported() -> None:
    text = (
        "News of a meeting between Finance Minister Anna Berg and Finance Minister Lars Holm on Monday calmed markets.\n\n"
        "The announcement of the meeting, also attended by central bank governor Olga Lind, was made in Oslo."
    )
    found = [e for e in events(text) if e.type == "meeting"]
    assert [sorted(e.participants) for e in found] == [["Anna Berg", "Lars Holm", "Olga Lind"]]


def test_domestic_talks_and_met_demands_are_no_engagements() -> None:
    assert events("He said the administration ignored the progress made when it talks with Congress.") == ()
    assert events("Tokyo is striving to meet U.S. complaints about its trade practices.") == ()


def test_a_summit_between_two_leaders_is_their_meeting_even_with_place_and_time_between() -> None:
    found = one("The talks will lay groundwork for a summit in Ottawa next month between President Karl Stein and Prime Minister Olga Lind.")
    assert (found.type, found.location) == ("meeting", "Ottawa")


def test_a_trigger_word_inside_a_title_is_no_engagement() -> None:
    assert events("Australia's Minister for Trade Negotiations Michael Duffy is optimistic that progress is possible on farm subsidies.") == ()


def test_a_verb_after_and_takes_the_sentences_subject_and_talks_placed_elsewhere_get_no_guessed_place() -> None:
    text = (
        "Trade Minister Michael Duffy said the talks went well.\n\n"
        "Duffy is on a two-day visit to Malaysia after talks in North and South America, the EC and Thailand, and leaves for Indonesia on Wednesday."
    )
    found = events(text, published="1987-10-20", dateline="KUALA LUMPUR, Oct 20")
    leaving = next(e for e in found if e.location == "Indonesia")
    assert (leaving.type, leaving.status, leaving.participants, leaving.date.start.isoformat()) == ("visit", "planned", ("Michael Duffy",), "1987-10-21")
    talks = next(e for e in found if e.type == "talks")
    assert talks.location is None


def test_here_a_little_after_the_trigger_is_the_datelines_city() -> None:
    found = one("Regional bankers will meet with Foreign Minister Anna Berg and her deputy here tomorrow.", dateline="OSLO, March 6")
    assert found.location == "Oslo"


def test_asked_if_is_doubt_and_preparing_to_depart_is_planned() -> None:
    asked = one("Asked if President Karl Stein would discuss the issue with Foreign Minister Anna Berg, the spokesman said he had no idea.")
    assert asked.status == "proposed"
    summit = next(e for e in events("President Karl Stein, preparing to depart for the Venice economic summit on Wednesday, said allies must act.", published="1987-06-01") if e.type == "summit")
    assert (summit.status, summit.date.start.isoformat()) == ("planned", "1987-06-03")


def test_an_economic_summit_meeting_is_the_gathering_with_its_own_dates() -> None:
    found = events("The President would announce the decision just before the June 8-10 economic summit meeting in Venice.", published="1987-04-27")
    assert [(e.type, e.location, e.date.start.isoformat(), e.date.end.isoformat()) for e in found] == [("summit", "Venice", "1987-06-08", "1987-06-10")]


def test_debt_rescheduling_negotiations_are_talks_not_a_postponement() -> None:
    found = events("Bolivia's agreement opened the door to rescheduling negotiations with the Paris Club and Argentina and Brazil.")
    assert [(e.type, e.status, e.participants) for e in found] == [("talks", "occurred", ("BO", "AR", "BR"))], [(e.type, e.status, e.participants) for e in found]


def test_during_his_visit_is_the_visit_of_a_party_of_the_meeting() -> None:
    text = (
        "Former Foreign Minister Anna Berg made the recommendation soon after returning from a visit to Washington, "
        "designed to pave the way for Prime Minister Karl Stein's visit to Tokyo next Wednesday.\n\n"
        "Berg met President Olga Lind during her visit."
    )
    met = next(e for e in events(text) if e.type == "meeting")
    assert met.location != "Tokyo" and (met.date is None or met.date.start.isoformat() != "2024-03-13")


def test_meetings_with_ones_own_aides_or_family_are_no_diplomacy() -> None:
    assert events("President Karl Stein's statement followed a meeting with his top economic advisers.") == ()
    assert events("President Karl Stein left the palace to visit his wife at the hospital.") == ()


def test_an_invitation_to_visit_makes_the_invitee_the_visitor() -> None:
    found = events("Chief of staff Lars Holm noted President Karl Stein's invitation to Prime Minister Olga Lind to visit Norway, made at their first summit in Geneva in November, 1985.", published="1987-04-13")
    visit = next(e for e in found if e.type == "visit")
    assert visit.participants == ("Olga Lind",)
    summit = next(e for e in found if e.type == "summit")
    assert (summit.location, summit.date.start.isoformat(), summit.status) == ("Geneva", "1985-11-01", "occurred")


def test_he_said_is_the_speaker_not_a_party_and_negotiations_with_a_country_are_talks() -> None:
    text = "Foreign Minister Anna Berg arrived in Oslo on Monday.\n\nShe said France was continuing negotiations with Iran."
    talks = next(e for e in events(text) if e.sentence.startswith("She said"))
    assert (talks.type, talks.participants) == ("talks", ("FR", "IR"))


def test_a_relative_clause_after_the_trigger_does_not_date_it() -> None:
    found = one("Finance Minister Anna Berg said progress had been made in talks between Britain and Japan that would lead to membership for three banks next year.", published="1987-06-02")
    assert (found.status, found.date) == ("occurred", None)


def test_following_as_a_preposition_is_no_next_weekend() -> None:
    found = one("Following weekend talks here between Japanese and British officials, Finance Minister Anna Berg told reporters they had succeeded.", published="1987-06-02", dateline="LONDON, June 2")
    assert found.status == "occurred" and (found.date is None or found.date.end.isoformat() <= "1987-06-02")


def test_the_possessor_of_a_visit_is_its_visitor() -> None:
    text = "Prime Minister Yasuhiro Nakasone arrives on Wednesday.\n\nA vote on a bill sponsored by Congressman Richard Gephardt is expected to come during Nakasone's visit."
    visit = next(e for e in events(text, published="1987-04-26") if e.sentence.startswith("A vote"))
    assert visit.participants == ("Yasuhiro Nakasone",)


def test_expected_here_is_a_planned_visit_to_the_dateline_city() -> None:
    found = events("Iranian Oil Minister Gholamreza Aqazadeh is expected here on Friday for talks with his Algerian counterpart Belkacem Nabi.", published="1987-03-04", dateline="ALGIERS, March 4")
    assert {(e.type, e.status, e.location, e.date.start.isoformat()) for e in found} == {("visit", "planned", "Algiers", "1987-03-06"), ("meeting", "planned", "Algiers", "1987-03-06")}


def test_a_visit_from_a_date_and_starting_on_a_date_begins_then() -> None:
    one_visit = one("Prime Minister Karl Stein will make an official week-long visit to the United States from April 29.", published="1987-03-27")
    assert one_visit.date.start.isoformat() == "1987-04-29"
    text = "Prime Minister Karl Stein told his party to draft a package in early April in time for his visit to Washington starting on April 29, officials said."
    assert one(text, published="1987-03-27").date.start.isoformat() == "1987-04-29"


def test_meetings_during_a_trip_abroad_are_where_the_trip_went() -> None:
    text = (
        "Former Foreign Minister Anna Berg made the recommendation at a meeting with Prime Minister Karl Stein soon after returning from a U.S. visit.\n\n"
        "Berg met President Ronald Reagan during her visit."
    )
    met = next(e for e in events(text, published="1987-04-26", dateline="OSLO, April 26") if "Ronald Reagan" in e.participants)
    assert met.location == "United States"


def test_an_arrival_from_elsewhere_is_a_visit_to_the_dateline_city_that_day() -> None:
    text = "Norwegian Foreign Minister Anna Berg met her counterpart today.\n\nBerg, accompanied by senior advisers, arrived from Helsinki aboard an air force plane."
    visit = next(e for e in events(text, published="1987-04-13", dateline="MOSCOW, April 13") if e.type == "visit")
    assert (visit.location, visit.date.start.isoformat(), visit.date.end.isoformat()) == ("Moscow", "1987-04-12", "1987-04-13")


def test_come_to_light_is_no_visit() -> None:
    assert events("Foreign Minister Anna Berg is expected to protest about a spying network that has come to light at the embassy.") == ()


def test_talks_with_soviet_counterparts_have_both_countries_as_parties() -> None:
    found = one("Analysts were confident, even though U.S. officials did not make an offer when they held grain talks with Soviet counterparts earlier this week.", published="1987-02-26")
    assert (found.type, found.participants, found.status) == ("talks", ("US", "SU"), "occurred")


def test_countries_in_the_subject_are_the_parties_and_later_mentions_fold_in() -> None:
    text = (
        "Japan and the U.S. kick off top-level trade talks tomorrow amid signs of irritation.\n\n"
        "The talks, held annually to review U.S./Japan economic relations, are expected to be tough, officials back from China said."
    )
    talks = [e for e in events(text, published="1987-03-02") if e.type == "talks"]
    assert [(sorted(e.participants), e.date.start.isoformat(), len(e.evidence)) for e in talks] == [(["JP", "US"], "1987-03-03", 2)], [(e.participants, e.date, e.sentence) for e in talks]


def test_end_week_is_the_last_days_of_the_storys_week() -> None:
    visit = one("Secretary of State George Shultz will make a one day stop-over in Tokyo at end-week.", published="1987-03-02")
    assert (visit.status, visit.date.start.isoformat(), visit.date.end.isoformat()) == ("planned", "1987-03-04", "1987-03-07")


def test_the_place_after_the_parties_names_is_the_meetings_place() -> None:
    found = one("U.S. Treasury Secretary James Baker met West German Finance Minister Gerhard Stoltenberg and Bundesbank President Karl Otto Poehl today in West Germany.", published="1987-10-19", dateline="WASHINGTON, Oct 19")
    assert found.location == "West Germany"


def test_a_place_modifying_another_engagement_is_that_ones() -> None:
    found = events("Prime Minister Yasuhiro Nakasone hopes to meet President Ronald Reagan in late April to prepare for the Venice economic summit in June.", published="1987-03-20")
    meeting = next(e for e in found if e.type == "meeting")
    summit = next(e for e in found if e.type == "summit")
    assert meeting.location is None and summit.location == "Venice"


def test_meet_with_several_words_before_targets_is_no_meeting_and_visiting_a_titled_person_is_a_meeting() -> None:
    assert events("House Speaker Jim Wright has called for a tax to raise the money needed to meet legal deficit reduction targets.") == ()
    found = one("Tomorrow, Foreign Minister Anna Berg is to meet the press before visiting Agriculture Secretary Richard Lyng.")
    assert (found.type, set(found.participants)) == ("meeting", {"Anna Berg", "Richard Lyng"})


def test_and_will_have_talks_takes_the_subject_of_the_sentence() -> None:
    found = events("World Bank President Barber Conable arrived here on Saturday and will have talks with President Suharto tomorrow.", published="1987-03-23", dateline="JAKARTA, March 23")
    talks = next(e for e in found if e.type in ("meeting", "talks"))
    assert set(talks.participants) == {"Barber Conable", "Suharto"} and talks.status == "planned"


def test_a_named_round_or_club_is_no_country_party() -> None:
    found = events("Agriculture official Dan Amstutz said the U.S. places a high priority on the Uruguay round of global trade talks.")
    assert all("UY" not in e.participants for e in found), [(e.type, e.participants) for e in found]


def test_modern_phrasings_set_to_travel_she_after_said_and_a_seat_of_government() -> None:
    scholz = one("German Chancellor Olaf Scholz is set to travel to Beijing next month, a government spokesperson said.", published="2022-10-14")
    assert (scholz.type, scholz.status, scholz.location, scholz.date.start.isoformat()) == ("visit", "planned", "Beijing", "2022-11-01")
    yellen = next(e for e in events("Treasury Secretary Janet Yellen said she hopes to travel to China soon.", published="2023-05-20") if e.type == "visit")
    assert (yellen.participants, yellen.status, yellen.location) == (("Janet Yellen",), "proposed", "China")
    macron = one("French President Emmanuel Macron hosted Indian Prime Minister Narendra Modi at the Elysee Palace on Friday.", published="2023-07-15")
    assert macron.location == "Paris"


def test_welcoming_a_person_is_a_meeting_and_a_virtual_meeting_is_a_call() -> None:
    welcomed = one("Indian Prime Minister Narendra Modi welcomed Australian Prime Minister Anthony Albanese in New Delhi on Saturday.", published="2023-03-11")
    assert (welcomed.type, welcomed.location) == ("meeting", "New Delhi")
    assert events("President Karl Stein welcomed the decision of the court.") == ()
    call = one("President Karl Stein and Prime Minister Olga Lind held a virtual meeting on Monday evening.", dateline="OSLO, March 6")
    assert (call.type, call.cameo, call.location) == ("call", "041", None)


def test_a_new_clause_after_a_comma_keeps_its_own_time_and_near_names_a_place() -> None:
    text = "Prime Minister Yasuhiro Nakasone will visit Washington next month.\n\nFaced with the possibility that he might have to go to the U.S. empty-handed, Nakasone today ordered his party to draft measures."
    visits = [e for e in events(text, published="1987-03-27") if e.type == "visit"]
    assert [(e.date.start.isoformat(), len(e.evidence)) for e in visits] == [("1987-04-01", 2)], [(e.date, e.sentence) for e in visits]
    met = one("In highly publicised talks with President Jose Sarney near Sao Paulo last Saturday, business leaders said they wanted less interference.", published="1987-03-25")
    assert met.location == "Sao Paulo"


def test_a_measure_calling_on_someone_to_hold_talks_proposes_them() -> None:
    found = one("The amendment calls on Secretary of State George Shultz to enter into talks with Japan.", published="1987-06-18")
    assert found.status == "proposed"


def test_a_title_for_a_region_is_no_place_and_yesterdays_meeting_of_two_foreigners_is_not_in_the_dateline_city() -> None:
    team = events("The IMF team, led by assistant director for Africa Paul Acquah, is due to meet President Karl Stein on March 23.", published="1987-03-16")
    assert all(e.location != "Africa" for e in team), [(e.type, e.location) for e in team]
    text = "Brazilian Finance Minister Dilson Funaro arrived on Tuesday.\n\nTheir comments echoed those of British Chancellor of the Exchequer Nigel Lawson, who met Funaro yesterday."
    met = next(e for e in events(text, published="1987-03-03", dateline="BONN, March 3") if "Nigel Lawson" in e.participants)
    assert met.location != "Bonn"


def test_evidence_is_in_reading_order_once_each() -> None:
    import json

    from conftest import REUTERS_SLICE
    from index.load import make_article

    checked = 0
    for line in REUTERS_SLICE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in extract(make_article(record["id"], record["body"], record, "slice", "h")).events:
            spans = [(e.span.start, e.span.end) for e in event.evidence]
            assert spans == sorted(set(spans)), (event.id, spans)
            checked += len(spans) > 1
    assert checked >= 5


def test_an_authority_to_negotiate_is_no_talks() -> None:
    assert events("The bill would extend President Karl Stein's authority to negotiate a new trade agreement through January 1993.", published="1987-03-13") == ()


def test_spoken_with_someone_by_phone_is_a_call_earlier_in_the_day() -> None:
    call = one("President Emmanuel Macron told reporters he had spoken with Chancellor Olaf Scholz by phone earlier in the day.", published="2023-02-01")
    assert (call.type, set(call.participants), call.date.start.isoformat()) == ("call", {"Emmanuel Macron", "Olaf Scholz"}, "2023-02-01")


def test_a_summit_with_one_leader_is_their_meeting_and_during_the_trip_is_the_subjects_trip() -> None:
    found = events("Prime Minister Fumio Kishida will travel to Washington next week for a summit with President Joe Biden.", published="2022-01-10")
    assert {(e.type, tuple(sorted(e.participants))) for e in found} == {("visit", ("Fumio Kishida",)), ("meeting", ("Fumio Kishida", "Joe Biden"))}
    trip = one("The White House said President Joe Biden would not meet Chinese President Xi Jinping during the trip.", published="2023-06-01")
    assert (trip.type, trip.participants) == ("visit", ("Joe Biden",))


def test_he_at_the_start_is_the_storys_topic_and_during_a_stopover_places_the_talks() -> None:
    text = "West German President Richard von Weizsaecker arrived in Argentina on Monday.\n\nHe held brief talks on Sunday with Brazilian President Jose Sarney during a stopover in Brasilia."
    found = events(text, published="1987-03-16", dateline="BUENOS AIRES, March 16")
    stop = next(e for e in found if e.type == "visit" and e.location == "Brasilia")
    talks = next(e for e in found if e.type == "talks")
    assert stop.participants == ("Richard von Weizsaecker",) and talks.location == "Brasilia"


def test_in_time_for_a_visit_is_ahead_and_a_visit_the_announcement_follows_happened() -> None:
    planned = one("Prime Minister Yasuhiro Nakasone said he had told his party to prepare a package in time for his visit to Washington starting on April 29.", published="1987-03-31")
    assert (planned.status, planned.date.start.isoformat()) == ("planned", "1987-04-29")
    past = one("The announcement follows a visit to Seoul by U.S. Commerce Secretary Malcolm Baldrige.", published="1987-04-27")
    assert past.status == "occurred"


def test_countries_named_near_a_summit_are_not_its_parties() -> None:
    summit = next(e for e in events("President Ronald Reagan said the threat from attacks by Iran and Iraq was high on the agenda of next week's Venice summit.", published="1987-06-02") if e.type == "summit")
    assert summit.participants == () and summit.location == "Venice"


def test_a_call_by_phone_or_one_person_calling_another() -> None:
    phoned = one("Foreign Minister Anna Berg said she talked with U.S. Secretary Karl Stein over the telephone on Monday.")
    assert (phoned.type, phoned.status, set(phoned.participants)) == ("call", "occurred", {"Anna Berg", "Karl Stein"})
    called = one("Foreign Minister Anna Berg said President Karl Stein called Berg early this week to discuss the border.")
    assert (called.type, called.status, set(called.participants)) == ("call", "occurred", {"Anna Berg", "Karl Stein"})
    assert called.date is not None and called.date.text == "early this week"
    # "called X a ...": naming, not phoning; "called for": a demand
    assert events("President Karl Stein called Berg a reliable partner.") == ()
    assert [e.type for e in events("President Karl Stein called for talks.")] == ["talks"]  # talks called for; no call


def test_a_negated_verb_governing_the_engagement_drops_it() -> None:
    assert events("Foreign Minister Anna Berg said she would not be conducting formal negotiations with Denmark's Lars Holm next month.") == ()
    assert one("Foreign Minister Anna Berg said she would be conducting formal negotiations with Denmark's Lars Holm next month.").type == "talks"


def test_a_habit_is_not_an_engagement() -> None:
    assert events("Foreign Minister Anna Berg told reporters she talks with Denmark's Lars Holm from time to time.") == ()
    assert one("Foreign Minister Anna Berg met Denmark's Lars Holm on Monday.").status == "occurred"


def test_the_first_official_to_visit_is_the_visit_already_reported_and_set_for_plans_it() -> None:
    found = events(
        "Undersecretary of State Karl Stein will visit Oslo next week for meetings with officials. "
        "He is the first senior official to visit Norway since President Anna Berg announced last week new tariffs. "
        "A spokeswoman said the trip is set for March 12 to 14.",
        published="2024-03-06",
    )
    visits = [e for e in found if e.type == "visit"]
    assert len(visits) == 1, [(e.status, e.participants, e.sentence) for e in visits]
    visit = visits[0]
    assert (visit.status, visit.participants, visit.location) == ("planned", ("Karl Stein",), "Oslo")
    assert (str(visit.date.start), str(visit.date.end)) == ("2024-03-12", "2024-03-14")
    assert len(visit.evidence) == 3


def test_people_after_since_are_not_parties_and_a_speaker_after_an_appositive_is_not_one() -> None:
    visit = one("Undersecretary Karl Stein is the highest-ranking official to visit Norway since President Anna Berg took office.")
    assert visit.participants == ("Karl Stein",)
    talks = one("Talks between France and Iran on a loan have made progress, Karl Stein, head of a parliamentary committee said.")
    assert (talks.type, set(talks.participants)) == ("talks", {"FR", "IR"})


def test_a_speaker_who_says_she_and_another_talked_took_part() -> None:
    talks = one("Prime Minister Anna Berg said she and Danish Premier Lars Holm had set trade targets during talks earlier today.")
    assert set(talks.participants) == {"Anna Berg", "Lars Holm"}


def test_who_said_something_in_a_phone_call_took_part_and_so_did_who_reports_it() -> None:
    call = one("President Karl Stein said Danish Premier Lars Holm said in a telephone conversation on Tuesday that trade came first.")
    assert (call.type, set(call.participants)) == ("call", {"Karl Stein", "Lars Holm"})
    told = one("Spokesman Per Lund said President Karl Stein made a telephone call on Tuesday.")
    assert told.participants == ("Karl Stein",), "who reports a call is no party to it"
    assert events("Finance Minister Per Lund said in a telephone call from Paris that the offering would come on Monday.") == (), "a call to the reporter"
    visit = one("Defence Secretary Per Lund said during a visit to Norway last month that the deal was close.", published="2024-03-06")
    assert (visit.participants, visit.location, visit.date.text) == (("Per Lund",), "Norway", "last month")


def test_a_schedule_in_apposition_plans_the_talks() -> None:
    talks = one("Two rounds of talks between President Karl Stein and Premier Lars Holm, scheduled for Thursday and Friday, come after new tariffs.", published="2024-03-04")
    assert (talks.type, talks.status, str(talks.date.start), str(talks.date.end)) == ("talks", "planned", "2024-03-07", "2024-03-08")


def test_talks_opened_today_are_under_way_and_with_officials_are_talks() -> None:
    talks = one("Agriculture Secretary Karl Stein opens talks with Danish government officials today.", published="2024-03-04")
    assert (talks.type, talks.status) == ("talks", "occurred")


def test_a_gathering_named_by_its_kind_is_an_event_without_named_members() -> None:
    gathering = one("A communique issued at the end of a two-day ministerial meeting said the bloc hoped for more investment.", published="2024-03-04")
    assert (gathering.type, gathering.participants) == ("summit", ())
    assert events("Summit Energy Inc said it extended its offer to April 3.") == ()
    assert events("After a meeting of leaders of the ruling party, the spokesman said credits were obtained.") == ()


def test_who_describes_the_subject_in_apposition_is_no_party_and_a_charge_daffaires_is_a_title() -> None:
    meeting = one("Foreign Minister Karl Stein, a close aide to President Anna Berg, met Danish Charge d'Affaires Lars Holm on Monday.")
    assert set(meeting.participants) == {"Karl Stein", "Lars Holm"}


def test_a_blocs_ministers_meeting_is_a_gathering() -> None:
    found = events("EC farm ministers gave their support to a scheme at a meeting in Luxembourg on Tuesday. Farm ministers will meet again on November 16.", published="2024-03-06")
    assert sorted((e.type, e.status, e.participants) for e in found) == [("summit", "occurred", ()), ("summit", "planned", ())]
    assert events("Cabinet ministers met on Tuesday to discuss the budget.") == ()


def test_boardroom_meetings_in_a_company_story_are_no_diplomacy() -> None:
    story = (
        "Acme Corp <ACM> said its board will weigh the takeover offer of 40 dlrs per share. "
        "Chairman Karl Stein discussed the offer with Lars Holm in a telephone conversation on Monday. "
        "Shareholders hold a stake of 30 pct."
    )
    assert events(story) == ()
    assert [e.type for e in events("Trade Minister Karl Stein of Norway spoke by telephone with Danish Foreign Minister Lars Holm on Monday about the takeover offer.")] == ["call"]


def test_a_bloc_negotiating_with_a_country_is_a_party_and_between_x_and_the_y_is_one_phrase() -> None:
    talks = one("Top-level talks last week between the European Community (EC) and the United States failed to resolve the dispute.", published="1987-06-29")
    assert (talks.type, set(talks.participants), talks.date.text) == ("talks", {"European Community", "US"}, "last week")


def test_a_time_between_two_coordinated_engagements_is_the_first_ones() -> None:
    found = events(
        "The talks followed an earlier round here last September and the first direct talks between the EC and the Soviet Union in January.",
        published="1987-03-20",
    )
    dated = [e for e in found if e.participants]
    assert [(set(e.participants), e.date.text) for e in dated] == [({"European Community", "SU"}, "in January")]
    shared = events("Oil Minister Karl Stein of Norway is expected here on Friday for talks with his Danish counterpart Lars Holm.", published="2024-03-06")
    assert [(e.type, e.date.text) for e in shared] == [("visit", "on Friday"), ("meeting", "on Friday")]


def test_two_gatherings_in_one_sentence_stay_two() -> None:
    found = events("EC farm ministers will meet tomorrow evening, after the end of a two-day summit meeting of heads of government.", published="1987-06-29")
    assert [e.type for e in found] == ["summit", "summit"]


def test_a_plan_under_a_condition_is_proposed() -> None:
    meeting = one("If the offer is accepted, Foreign Minister Karl Stein will meet Danish Premier Lars Holm in Oslo next week.", published="2024-03-06")
    assert meeting.status == "proposed"
    assert one("Foreign Minister Karl Stein will meet Danish Premier Lars Holm in Oslo next week.", published="2024-03-06").status == "planned"


def test_a_speaker_in_apposition_met_who_closes_it_and_said_a_spokesman_is_the_spokesmans() -> None:
    meeting = one("Defence Minister Karl Stein, briefing reporters after a separate meeting with Danish Premier Lars Holm, said relations were good.", published="2024-03-06")
    assert set(meeting.participants) == {"Karl Stein", "Lars Holm"}
    said = one("Foreign Minister Karl Stein met Danish Premier Lars Holm, said a spokesman.")
    assert set(said.participants) == {"Karl Stein", "Lars Holm"}


def test_the_talks_after_a_meeting_in_the_same_story_are_that_meeting() -> None:
    meeting = one("Defence Minister Karl Stein, briefing reporters after a separate meeting with Danish Premier Lars Holm, said the talks went well.", published="2024-03-06")
    assert (meeting.type, set(meeting.participants)) == ("meeting", {"Karl Stein", "Lars Holm"})


def test_a_speaker_who_met_someone_in_his_apposition_met_them() -> None:
    met = one("Japanese Finance Minister Kiichi Miyazawa, after meeting Treasury Secretary James Baker, said they agreed.", published="1987-04-10")
    assert set(met.participants) == {"Kiichi Miyazawa", "James Baker"}
    assert events("The ministers also continued talks on policy and one, Canadian Finance Minister Michael Wilson, said it was good.") == ()


def test_a_meeting_said_to_be_unlikely_is_only_proposed() -> None:
    gathering = one("A senior official said an early meeting of Group of Seven finance ministers was unlikely after the market fall.", published="1987-10-22")
    assert (gathering.type, gathering.status) == ("summit", "proposed")


def test_debt_talks_of_a_country_with_its_creditor_banks_name_the_country() -> None:
    talks = one("Debt rescheduling talks between the Philippines government and its bank advisory committee were postponed until Thursday.", published="1987-03-11")
    assert (talks.type, talks.status, talks.participants) == ("talks", "postponed", ("PH",))
    assert one("The G-7 meeting is unlikely to change sentiment, dealers said.", published="1987-03-11").status != "proposed", "unlikely to change: not the meeting's doubt"


def test_discussions_with_someone_returned_from_a_place_and_a_blocs_conference_here() -> None:
    talks = one("Prime Minister Karl Stein said he hopes to have frank discussions with Danish Premier Lars Holm.", published="2024-03-06")
    assert (talks.type, talks.status, set(talks.participants)) == ("talks", "proposed", {"Karl Stein", "Lars Holm"})
    back = one("Foreign Minister Karl Stein, who has just returned from Washington, said trade was the issue.", published="2024-03-06")
    assert (back.type, back.status, back.location) == ("visit", "occurred", "Washington")
    conference = one("According to the communique issued at the end of the OPEC conference here, output will be cut.", published="1987-06-27", dateline="VIENNA, June 27")
    assert (conference.type, conference.location) == ("summit", "Vienna")
    assert events("OPEC conference president Karl Stein said prices were stable.") == ()
    assert events("Officials said discussions on the budget continued.") == ()


def test_a_noun_engagement_as_subject_takes_its_own_auxiliary_past_its_complement() -> None:
    found = events(
        "Undersecretary Karl Stein will visit Oslo next week. "
        "The Stein discussions with Deputy Foreign Minister Lars Holm and other senior Norwegian officials will focus on aid.",
        published="2024-03-06",
    )
    talks = [e for e in found if e.type == "talks"]
    assert [(e.status, set(e.participants)) for e in talks] == [("planned", {"Karl Stein", "Lars Holm"})]


def test_his_talks_are_the_storys_mans_and_their_summit_his_and_his_partners() -> None:
    talks = events("Defense Secretary Karl Stein said Norway would buy more. In his talks with Danish Defence Minister Lars Holm, he said, he made a pitch for the jets.")
    assert [set(e.participants) for e in talks] == [{"Karl Stein", "Lars Holm"}]


def test_talks_with_a_country_are_talks_and_held_today_they_are_under_way() -> None:
    talks = one("President Karl Stein said Norway would offer a draft treaty at talks with the Soviet Union in Geneva tomorrow.", published="1987-03-03")
    assert (talks.type, set(talks.participants)) == ("talks", {"NO", "SU"})
    today = one("Foreign Minister Karl Stein meets Danish Premier Lars Holm today.", published="1987-04-07")
    assert (today.type, today.status) == ("meeting", "occurred")


def test_an_opening_conditions_engagement_lends_no_parties_to_the_main_clause() -> None:
    found = events(
        "If the talks go well, Ugandan President Yoweri Museveni is likely to have a meeting with Kenyan leader Daniel arap Moi on Friday.",
        published="1987-06-02",
    )
    meeting = [e for e in found if e.type == "meeting"]
    assert [(e.status, set(e.participants)) for e in meeting] == [("proposed", {"Yoweri Museveni", "Daniel arap Moi"})]


def test_a_time_in_what_was_said_does_not_date_the_visit_it_was_said_on() -> None:
    visit = one("Oil Minister Karl Stein of Norway, during a brief visit to London, told Reuters in an interview that in February output fell.", published="1987-03-05")
    assert (visit.type, visit.location) == ("visit", "London")
    assert visit.date is None or visit.date.span is None  # no phrase of the sentence dates it (at most: the story's day)


def test_presidents_meeting_somewhere_and_the_next_meeting_of_the_conference_are_gatherings() -> None:
    presidents = one("Recently three Latin American presidents meeting in Montevideo called for stable interest rates.", published="1987-06-01")
    assert (presidents.type, presidents.participants, presidents.location) == ("summit", (), "Montevideo")
    conference = one("The next ordinary meeting of the conference will be convened in Vienna on December 9.", published="1987-06-27")
    assert (conference.type, conference.status, conference.location) == ("summit", "planned", "Vienna")
    assert events("The bank approved the loan at a meeting of its executive board today.", published="1987-03-17") == ()


def test_undated_news_of_the_day_in_a_wire_story_is_that_day_or_the_one_before() -> None:
    news = one("After an emergency meeting of NATO ambassadors, a statement was issued.", published="1987-03-27", dateline="BRUSSELS, March 27")
    assert (news.type, str(news.date.start), str(news.date.end)) == ("summit", "1987-03-26", "1987-03-27")
    old = one("Foreign Minister Karl Stein had met Danish Premier Lars Holm in Brussels.", published="1987-03-27", dateline="BRUSSELS, March 27")
    assert old.date is None, "a pluperfect puts it before the story's day"


def test_an_offer_made_at_talks_does_not_propose_them_and_a_hedged_predicate_keeps_the_visit_planned() -> None:
    talks = one("President Karl Stein said Norway would offer a draft treaty at talks with the Soviet Union in Geneva tomorrow.", published="1987-03-03")
    assert talks.status == "planned"
    offered = one("Foreign Minister Karl Stein offered talks with Danish Premier Lars Holm.", published="1987-03-03")
    assert offered.status == "proposed"
    visit = one("Prime Minister Karl Stein's visit to Oslo next week could coincide with a vote on the trade bill.", published="1987-03-03")
    assert visit.status == "planned"
    maybe = one("The meeting with Danish Premier Lars Holm could take place next week, Foreign Minister Karl Stein said.", published="1987-03-03")
    assert maybe.status == "proposed"


def test_an_engagement_under_consideration_is_proposed() -> None:
    visit = one("An official said a visit to Moscow by U.S. Secretary of State Karl Stein was under consideration.", published="1987-03-01")
    assert (visit.type, visit.status) == ("visit", "proposed")


def test_two_surnames_joined_before_an_engagement_are_its_parties() -> None:
    met = one("He said the offer was consistent with the position at the earlier Reagan-Gorbachev summit in Geneva in November 1985.", published="1987-03-03")
    assert (met.type, set(met.participants), met.location) == ("meeting", {"Ronald Reagan", "Mikhail Gorbachev"}, "Geneva")


def test_a_visit_for_talks_makes_the_host_country_the_other_party() -> None:
    found = events("A Norwegian mission led by Trade Minister Karl Stein will visit Denmark tomorrow for talks on fishing.", published="1987-06-02")
    talks = [e for e in found if e.type == "talks"]
    assert [set(e.participants) for e in talks] == [{"Karl Stein", "DK"}]


def test_wage_talks_in_a_labour_story_and_welcoming_someones_action_are_no_diplomacy() -> None:
    story = (
        "The union and the employers failed to agree on wages. "
        "Union official Karl Stein blamed the failure of the negotiations on the employers. "
        "Workers may strike next week."
    )
    assert events(story) == ()
    assert events("The communique welcomed President Karl Stein's firm action on trade.") == ()
    assert [e.type for e in events("Foreign Minister Lars Holm welcomed President Karl Stein to Oslo on Monday.")] == ["meeting"]


def test_what_two_leaders_agreed_at_a_white_house_summit_was_agreed_at_their_meeting_there() -> None:
    met = one("Japanese Prime Minister Fumio Kishida and U.S. President Joe Biden agreed to upgrade their alliance at a White House summit on Wednesday.", published="2024-04-11")
    assert (met.type, met.status, set(met.participants), met.location) == ("meeting", "occurred", {"Fumio Kishida", "Joe Biden"}, "Washington")
    proposal = one("North Korea said it agreed to a South Korean proposal for talks between the prime ministers of the two countries.", published="1987-03-29")
    assert proposal.status != "occurred", "a proposal for talks: not talks held"


def test_a_trip_by_a_countrys_officials_and_talks_between_two_blocs() -> None:
    trip = one("The talks come despite a recent trip to Japan by senior Nigerian officials.", published="1987-03-23")
    assert (trip.type, trip.participants, trip.location) == ("visit", ("NG",), "Japan")
    blocs = one("The European Community (EC) and Soviet-led Comecon ended talks here, delegates said.", published="1987-03-20", dateline="GENEVA, March 20")
    assert (blocs.type, set(blocs.participants), blocs.location) == ("talks", {"European Community", "Council for Mutual Economic Assistance"}, "Geneva")


def test_his_trip_after_a_sentence_naming_him_and_a_named_economic_summit_is_in_its_city() -> None:
    trip = one("The poll was bad news for Labour leader Neil Kinnock. It showed that his popularity had slumped after his trip to Washington last week.", published="1987-03-30")
    assert (trip.participants, trip.location, trip.date.text) == (("Neil Kinnock",), "Washington", "last week")
    summit = one("The proposal may not be made final until the Venice Economic Summit in June.", published="1987-04-07")
    assert (summit.type, summit.location) == ("summit", "Venice")


def test_she_talks_is_a_verb_and_calling_an_election_is_no_call() -> None:
    assert events('"She talks and I listen," Foreign Minister Karl Stein said.') == ()
    assert events("Prime Minister Karl Stein might be persuaded to call an early election.") == ()
    met = one("Administrator William Bailey met French Agriculture Minister Francois Guillaume in Paris.")
    assert set(met.participants) == {"William Bailey", "Francois Guillaume"}


def test_a_gathering_is_no_ones_and_the_last_one_is_not_this_one() -> None:
    found = events(
        "Finance Minister Karl Stein spoke on Monday. This week's meeting came after three Latin American presidents meeting in Montevideo called for lower rates. "
        "It was called to review developments since the last ministerial meeting in February 1986.",
        published="1987-06-01",
    )
    summits = sorted((e.location or "", e.date.text if e.date else "") for e in found if e.type == "summit")
    assert ("Montevideo", "") in summits and any(text == "in February 1986" for _, text in summits), summits
    gathering = one("The next ordinary meeting of the conference will be convened in Vienna on December 9.", published="1987-06-27")
    assert gathering.participants == ()


def test_a_countrys_delegation_visiting_names_the_country() -> None:
    visit = one("A Japanese trade delegation will visit Washington next week.", published="1987-03-16")
    assert (visit.type, visit.status, visit.participants, visit.location) == ("visit", "planned", ("JP",), "Washington")
    found = events("An Argentine mission is now in the United States concluding negotiations with creditor banks.", published="1987-03-16")
    assert sorted((e.type, e.status, e.participants) for e in found) == [("talks", "occurred", ("AR",)), ("visit", "occurred", ("AR",))]


def test_paving_the_way_for_a_dated_visit_far_back_in_the_sentence_plans_it() -> None:
    found = events(
        "The talks, held annually at sub-cabinet level to review relations, will pave the way for American Secretary of State Karl Stein's one day stop-over here at end-week.",
        published="1987-03-02", dateline="TOKYO, March 2",
    )
    visit = [e for e in found if e.type == "visit"]
    assert [(e.status, e.location) for e in visit] == [("planned", "Tokyo")]


def test_a_summit_of_two_named_countries_is_their_meeting() -> None:
    summit = one("It is unlikely an offer will be made during the U.S./Soviet summit expected to be held next month, officials said.", published="1987-10-19")
    assert (summit.type, set(summit.participants), summit.status) == ("meeting", {"US", "SU"}, "planned")
    gathering = one("Leaders will gather at the Group of Seven summit in Venice in June.", published="1987-03-02")
    assert gathering.type == "summit"


def test_a_month_named_in_a_past_proposal_is_the_last_one() -> None:
    talks = one("In February, Norwegian Energy Minister Karl Stein was invited to Oslo for talks with Danish Premier Lars Holm.", published="1987-03-25")
    assert talks.date is not None and (talks.date.start.isoformat(), talks.date.end.isoformat()) == ("1987-02-01", "1987-02-28")


def test_someone_who_is_or_was_here_visited_the_dateline_city() -> None:
    visit = next(e for e in events("Trade Minister Karl Stein, who is here to meet government leaders, said progress was slow.", published="1987-03-26", dateline="TOKYO, March 26") if e.type == "visit")
    assert (visit.type, visit.status, visit.participants, visit.location) == ("visit", "occurred", ("Karl Stein",), "Tokyo")
    past = [e for e in events('"When Mr. Karl Stein was here he said wheat was not on the agenda," Lyng said.', published="1987-10-19", dateline="WASHINGTON, Oct 19") if e.type == "visit"]
    assert [(e.participants, e.location, e.date) for e in past] == [(("Karl Stein",), "Washington", None)]
    assert events("The recession is here, Karl Stein said.", published="1987-10-19", dateline="LONDON, Oct 19") == ()


def test_a_mission_to_a_place_is_a_visit_by_whoever_goes_or_the_country_that_sends_it() -> None:
    trip = one("Prime Minister Karl Stein sets out Wednesday on a tough mission to Washington.", published="1987-04-27")
    assert (trip.type, trip.status, trip.participants, trip.location) == ("visit", "planned", ("Karl Stein",), "Washington")
    assert trip.date is not None and trip.date.start.isoformat() == "1987-04-29"
    sent = one("Norway will send a trade mission to Japan in May.", published="1987-03-04")
    assert (sent.type, sent.participants, sent.location) == ("visit", ("NO",), "Japan")
    assert events("Bank President Karl Stein said his agency plans to send a mission to Brazil next week.", published="1987-04-06") == ()
    assert [e.type for e in events("Karl Stein began a mission to rescue the talks with Lars Holm.", published="1987-04-06")] != ["visit"]


def test_the_place_a_visit_ended_in_and_the_place_one_travels_to_attend_a_gathering() -> None:
    visit = one("Trade Minister Karl Stein repeated the threat before leaving Tokyo yesterday at the end of a four-day visit.", published="1987-04-10", dateline="WASHINGTON, April 10")
    assert (visit.type, visit.location) == ("visit", "Tokyo")
    found = events("Finance Minister Karl Stein will leave for Washington on Monday to attend the International Monetary Fund's Interim Committee meeting.", published="1987-04-04", dateline="OSLO, April 4")
    assert [(e.type, e.location) for e in found if e.type == "summit"] == [("summit", "Washington")]


def test_companies_negotiating_are_business_not_diplomacy() -> None:
    assert events("Nordic Steel Corp <NSC.OL> is negotiating a joint venture with Hungary to assemble cars there.", published="1987-03-10") == ()
    assert events("Oslo Airlines <OSL.OL> said it is negotiating for a minority stake in a British courier service.", published="1987-03-10") == ()
    talks = one("Finance Minister Karl Stein made the proposal to a 12-bank advisory committee, chaired by Nordic Trust Co, as talks with Norway's creditor banks entered a second week.", published="1987-03-10")
    assert talks.type == "talks"
    assert events("Deputy oil ministers of the six-nation Gulf Co-operation Council ended a meeting here on Monday.", published="1987-03-03", dateline="BAHRAIN, March 3") != ()


def test_words_that_look_like_engagements_but_are_not() -> None:
    assert events("President Karl Stein urged parliament to pass a budget that meets the Gramm-Rudman deficit target of 108 billion dlrs.", published="1987-03-20") == ()
    assert events("The remarks of Finance Minister Karl Stein answered a call on Monday by 20 members of parliament who asked for cuts.", published="1987-04-28") == ()
    assert events("The committee had come to no agreement on new revenues, Chairman Karl Stein said.", published="1987-03-11") == ()


def test_was_in_is_past_and_a_later_time_of_another_act_does_not_date_the_engagement() -> None:
    visit = one("Oil executive Karl Stein was in Houston to attend the summer petroleum congress.", published="1987-06-16", dateline="HOUSTON, June 16")
    assert (visit.status, visit.location) == ("occurred", "Houston")
    trip = one("Finance Minister Karl Stein's trip follows the decision by Norway 10 days ago to suspend interest payments.", published="1987-03-02")
    assert trip.date is None or trip.date.text != "10 days ago"
    meeting = [e for e in events("Foreign Minister Karl Stein met Danish Premier Lars Holm on Friday. The meeting had been arranged last week, the spokesman said.", published="1987-03-02")]
    assert [(e.date.text if e.date else None) for e in meeting] == ["on Friday"]


def test_a_pair_after_one_title_are_two_people_and_as_part_of_keeps_the_place() -> None:
    tour = one("Sen. Karl Stein and John Warner, in Kuwait as part of a Gulf Arab tour, said officials appeared ready.", published="1987-06-02", dateline="KUWAIT, June 2")
    assert (set(tour.participants), tour.location) == ({"Karl Stein", "John Warner"}, "Kuwait")


def test_an_engagement_taken_as_arranged_is_not_hedged_by_what_is_hoped_of_it() -> None:
    made_at = one("He said the offer would be made at a meeting later this month between Foreign Minister Karl Stein and Danish Premier Lars Holm.", published="1987-10-19")
    assert made_at.status == "planned"
    hoped = one("Prime Minister Karl Stein said he hopes his visit to Washington later this week will help resolve trade problems.", published="1987-04-27")
    assert hoped.status == "planned"
    past = one("Finance ministers of the Group of Seven called for more aid at a meeting here last Friday.", published="1987-04-06", dateline="PARIS, April 6")
    assert past.status == "occurred"
    assert one("Foreign Minister Karl Stein hopes to meet Danish Premier Lars Holm next week.", published="1987-04-27").status == "proposed"
    assert one("Arab states are due to meet at a summit in Amman on November 8.", published="1987-10-19").status == "planned"


def test_a_forums_scheduled_session_is_a_gathering_of_its_own() -> None:
    found = events("OPEC may be forced to meet before a scheduled June session to readdress its production agreement, analysts said.", published="1987-02-26")
    session = [e for e in found if e.status == "planned"]
    assert [(e.type, e.date.start.isoformat() if e.date else None) for e in session] == [("summit", "1987-06-01")]
    assert events("The bank's board met in a regular session on Monday.", published="1987-02-26") == ()


def test_a_forum_expected_to_meet_gathers_and_before_a_month_is_until_then() -> None:
    opec = one("Analyst Karl Stein, editor of Mideast reports, expects OPEC to meet before June, although not immediately.", published="1987-02-26")
    assert (opec.type, opec.participants) == ("summit", ())
    assert opec.date is not None and (opec.date.start.isoformat(), opec.date.end.isoformat()) == ("1987-02-26", "1987-05-31")
    g5 = one("The bilateral discussions foreshadow full-blown talks of the Group of Five industrial countries.", published="1987-04-08")
    assert (g5.type, g5.status) == ("summit", "planned")
    assert events("Prime Minister Karl Stein must call a poll before June, 1988.", published="1987-04-08") == ()


def test_more_status_time_and_place_scope_rules() -> None:
    knox = [e for e in events("He said he had discussed the loan request with Bank Vice-President Karl Stein, who is currently in Buenos Aires.", published="1987-03-13") if e.type == "visit"]
    assert [(e.status, e.location) for e in knox] == [("occurred", "Buenos Aires")]
    assert [e for e in events("Leader Karl Stein repeated that no Libyan forces are in Chad.", published="1987-03-29") if e.type == "visit"] == []
    found = events("Prime Minister Karl Stein left Bonn yesterday after talks with Chancellor Lars Holm ahead of her visit to Moscow next week.", published="1987-03-25")
    talks = [e for e in found if e.type in ("meeting", "talks")]
    assert talks and all(e.location != "Moscow" and (e.date is None or e.date.text != "next week") for e in talks)
    flown = [e for e in events("She had flown to West Germany from talks with French President Lars Holm in Normandy earlier in the day.", published="1987-03-25") if e.type in ("meeting", "talks")]
    assert flown and all(e.location != "West Germany" for e in flown)
    said = one("Director Karl Stein, in Brazil for talks with agriculture officials, said he invited President Lars Holm to speak in Rome October 16.", published="1987-03-20")
    assert said.date is None or said.date.span is None
    delayed = one("Finance Secretary Karl Stein said the fund had been delayed by his government's negotiations to reschedule its debt.", published="1987-03-20")
    assert delayed.status == "occurred"
    assert events("House Speaker Karl Stein suggested a tax to meet the fiscal 1988 budget deficit target of 108 billion dlrs.", published="1987-03-04") == ()
    venice = events("President Karl Stein will visit Rome during a trip to Europe in June to attend the Venice summit meeting of the major industrialized countries.", published="1987-03-04")
    assert "summit" in [e.type for e in venice]


def test_a_place_belongs_to_the_state_of_its_day() -> None:
    old = [e for e in events("Secretary of State Karl Stein would go to Moscow next month for talks on arms control.", published="1987-03-14") if e.type == "talks"]
    new = [e for e in events("Secretary of State Karl Stein would go to Moscow next month for talks on arms control.", published="2023-03-14") if e.type == "talks"]
    assert "SU" in old[0].participants and "RU" in new[0].participants


def test_a_month_that_names_something_else_and_phrases_that_are_no_engagement() -> None:
    talks = [e for e in events("Finance Minister Karl Stein, who will host the informal talks, said ministers would discuss markets in the light of the February agreement.", published="1987-03-20") if e.type == "talks"]
    assert [(e.status, e.date) for e in talks] == [("planned", None)]
    assert events("Bankers said swaps of debt for equity, a development that has already met with success in Chile and Mexico, would grow.", published="1987-03-20") == ()
    assert events("Prime Minister Karl Stein urged his mostly American audience to help Canada take the fight to Congress.", published="1987-03-20") == ()
    assert events("Pressure mounted on Prime Minister Karl Stein to call a June election.", published="1987-04-07") == ()
    audience = one("President Karl Stein will have an audience with Pope John Paul II on June 6.", published="1987-03-04")
    assert audience.type == "meeting"
    board = events("Secretary Karl Stein spoke after a weekend meeting of the board of governors at which the reform issue was put off until next June.", published="1987-03-23")
    assert all(e.status != "postponed" for e in board)


def test_receiving_things_targets_met_and_audiences_of_listeners_are_no_meetings() -> None:
    assert events("Director Karl Stein said he received a telex from Oslo on Monday.", published="1987-03-06") == ()
    assert events("Official Karl Stein said the deficit reduction targets will not be met this year.", published="1987-03-06") == ()
    assert events("The nominee will inherit an agency challenged by a host of uncertainties, President Karl Stein said.", published="1987-06-18") == ()
    assert events("His audience at a Tehran mosque included President Karl Stein.", published="1987-03-06") == ()
    assert events("After meeting with aides over the weekend, President Karl Stein is preparing a television address.", published="1987-03-02") == ()
    kohl = one("Chancellor Karl Stein received Soviet Foreign Minister Lars Holm yesterday.", published="1987-06-18")
    assert kohl.type == "meeting"
    suspended = one("Talks between Finance Minister Karl Stein and the bank advisory committee were suspended on January 16.", published="1987-03-06")
    assert suspended.status == "postponed"


def test_calling_on_someone_in_person_is_a_meeting() -> None:
    on = one("Former Secretary Karl Stein is to call on President Lars Holm on Monday in Oslo.", published="1987-06-20")
    assert on.type == "meeting"
    paid = one("Finance Minister Karl Stein paid a call in Washington to Fund director Lars Holm.", published="1987-02-27")
    assert paid.type == "meeting"
    phone = one("President Karl Stein made a telephone call to Chancellor Lars Holm on Monday.", published="1987-06-20")
    assert phone.type == "call"


def test_a_debtor_country_and_its_creditors_hold_talks() -> None:
    paris = one("Norway met the Paris Club of western creditor nations for renewed talks on rescheduling its debt, diplomatic sources said.", published="1987-03-31", dateline="PARIS, March 31")
    assert (paris.type, paris.participants, paris.status) == ("talks", ("NO",), "occurred")
    banks = one("Norway and its bank advisory committee completed another round of debt rescheduling talks and will meet again on Saturday.", published="1987-03-20")
    assert (banks.type, banks.participants, banks.status) == ("talks", ("NO",), "planned")
    moved = one("Officials are rescheduling the meeting between Foreign Minister Karl Stein and Premier Lars Holm.", published="1987-03-20")
    assert moved.status == "postponed"


def test_the_two_countries_are_the_pair_the_story_is_about() -> None:
    text = (
        "Speculation that Norway will offer subsidized fish to Denmark has grown. Norway and Denmark deny it. "
        "Rumors have coursed through markets since officials from the two countries held their customary fisheries talks in February."
    )
    talks = [e for e in events(text, published="1987-04-01") if e.type == "talks"]
    assert [(set(e.participants), e.date.start.isoformat() if e.date else None) for e in talks] == [({"NO", "DK"}, "1987-02-01")]
    labour = "Norway and Denmark trade fish. Norway and Denmark deny it. Union sources said talks with the state government broke down, but the two sides are scheduled to meet later today."
    assert [e for e in events(labour, published="1987-04-07") if set(e.participants) == {"NO", "DK"} and e.type == "meeting"] == []


def test_a_speakers_also_said_absence_and_negotiating_powers() -> None:
    said = one("Bank President Karl Stein also said that Norwegian authorities have opened negotiations already with commercial banks.", published="1987-03-12")
    assert (said.type, said.participants) == ("talks", ("NO",))
    assert events("The person most associated with the stance is Finance Minister Karl Stein, who was not present at yesterday's meeting.", published="1987-03-22") == ()
    assert events("Congressmen said the bill ties President Karl Stein's hands and they will seek to restore his negotiating powers.", published="1987-03-22") == ()
    assert events("Officials of five Norwegian commercial banks are expected to meet tomorrow to seek agreement on cutting interest rates.", published="1987-03-18") == ()
    assert events("Officials of Fuerzas Electricas de Cataluna S.A., the Spanish electricity company, will hold talks with banks on Tuesday.", published="1987-06-19") == ()


def test_a_relative_clause_before_the_verb_is_an_aside() -> None:
    found = events("Economy Minister Karl Stein, who leaves for Moscow on Tuesday, met President Lars Holm.", published="1987-03-09", dateline="CAIRO, March 9")
    met = [e for e in found if e.type == "meeting"]
    assert [(set(e.participants), e.location, e.date is None or e.date.text != "on Tuesday") for e in met] == [({"Karl Stein", "Lars Holm"}, "Cairo", True)]
    trip = [e for e in events("During his trip to Washington, which runs from April 26 to 29, Economics Minister Karl Stein will meet Secretary Lars Holm.", published="1987-04-20") if e.type == "meeting"]
    assert trip[0].date is not None and trip[0].date.start.isoformat() == "1987-04-26"
    arrived = [e for e in events("Bank President Karl Stein, who flew to Indonesia yesterday from Tokyo, will meet with President Lars Holm.", published="1987-03-23") if e.type == "meeting"]
    assert [(set(e.participants), e.location, e.date) for e in arrived] == [({"Karl Stein", "Lars Holm"}, "Indonesia", None)]


def test_a_time_before_the_speech_verb_and_recommendations() -> None:
    case = one("Speaking to a forum late yesterday, Yeutter said the case was resolved at a meeting with Argentine Agriculture Secretary Karl Stein.", published="1987-04-01")
    assert case.date is None
    assert one("Finance Minister Karl Stein said the World Bank has recommended that he meet Danish Premier Lars Holm in the second half of May.", published="1987-04-04").status == "proposed"
    radio = one("Ambassador Karl Stein told Israel Radio: \"A Soviet delegation will come to Israel soon.\"", published="1987-04-04")
    assert (radio.type, radio.participants, radio.location) == ("visit", ("SU",), "Israel")
    assert events("Reagan made the comments at a photo session with William Webster, his nominee.", published="1987-03-04") == ()


def test_fronted_speaking_phrases_idioms_and_talks_between_a_debtor_and_its_banks() -> None:
    found = events("Bank President Karl Stein arrived in Jakarta on Saturday. Speaking to reporters after talks with President Lars Holm, he said he expected more.", published="1987-03-23")
    assert [set(e.participants) for e in found if e.type == "meeting"] == [{"Karl Stein", "Lars Holm"}]
    assert events("Party members urged Prime Minister Karl Stein to go to the country a year early.", published="1987-04-04") == ()
    banks = one("Britain also believed an IMF program would help along negotiations between Norway and the commercial banks, the statement said.", published="1987-03-04")
    assert banks.participants == ("NO",)


def test_visiting_delegations_and_a_visit_which_starts_on_friday() -> None:
    group = one("The accord was reached between Oil Minister Karl Stein and a visiting Ghanaian delegation headed by Foreign Minister Lars Holm.", published="1987-04-07")
    assert (group.type, set(group.participants)) == ("visit", {"GH", "Lars Holm"})
    friday = one("The strike was designed to cause it embarrassment during the four-day visit of West German President Karl Stein, which starts on Friday.", published="1987-03-17", dateline="LA PAZ, March 17")
    assert (friday.status, friday.location, friday.date.start.isoformat()) == ("planned", "La Paz", "1987-03-20")
    assert events("Prime Minister Karl Stein said he would then go to the Senate.", published="1987-04-07") == ()
    assert events('Union president Karl Stein said the union is ready to go to "war" against the automakers.', published="1987-04-13") == ()


def test_a_firm_negotiating_is_business() -> None:
    assert events("Official Karl Stein said a big Japanese electronic firm is negotiating with his agency for Thai tax incentives.", published="1987-04-17") == ()
    assert events("Domestic investors remained sidelined ahead of the G-7 meeting this week.", published="1987-04-06") != ()


def test_g5_and_g6_are_forums_and_pledges_are_met_not_meetings() -> None:
    g5 = one("Dealers said they were awaiting comments after the G-5 meeting from Treasury Secretary Karl Stein.", published="1987-04-07")
    assert g5.type == "summit"
    assert events("The tax breaks would discourage spending, needed to meet government pledges to stimulate growth, Prime Minister Karl Stein said.", published="1987-03-20") == ()
    assert events("Karl Stein was named chairman and chief executive of Summit, the company said.", published="1987-03-11") == ()


def test_gatherings_of_nations_noun_phrases_and_a_dateline_in_the_body() -> None:
    venice = one("The 13th annual top-level meeting of the major industrial democracies will take place in Venice next week.", published="1987-06-01")
    assert (venice.type, venice.status) == ("summit", "planned")
    feb = one("Officials are cautious as the G-7 finance ministers meeting is set to review their February Paris accord.", published="1987-04-08")
    assert feb.date is None and feb.status == "planned"
    assert events("Commission President Karl Stein said he met with strong objections from some government heads.", published="1987-03-10") == ()
    assert events("Japanese steel mills and several Canadian exporters have had several rounds of negotiations on coal prices this year.", published="1987-03-10") == ()
    rome = [e for e in events("ROME - Foreign Minister Karl Stein discussed the Middle East with Soviet officials at a committee meeting here.", published="1987-04-07", dateline="WASHINGTON, April 7") if e.type == "meeting"]
    assert [(e.participants[0], e.location) for e in rome] == [("Karl Stein", "Rome")]
    garcia = [e for e in events("Energy Minister Karl Stein arrived. He spoke to reporters at the presidential palace after meeting President Lars Holm.", published="1987-04-24") if e.type == "meeting"]
    assert set(garcia[0].participants) == {"Karl Stein", "Lars Holm"}


def test_a_left_out_verb_gives_a_second_engagement_and_a_bare_visit_takes_the_place_told_before() -> None:
    found = events("There were two previous state tours of Britain by Saudi monarchs. King Karl visited in 1967 and King Lars in 1981.", published="1987-03-22")
    visits = sorted((e.participants, e.location, e.date.start.year if e.date else None) for e in found if e.participants != ("SA",))
    assert visits == [(("King Karl",), "Britain", 1967), (("King Lars",), "Britain", 1981)]
    met = events("Foreign Minister Karl Stein met Premier Lars Holm on Monday and President Anna Berg on Tuesday.", published="1987-03-24")
    assert sorted((set(e.participants) == {"Karl Stein", "Lars Holm"} or set(e.participants) == {"Karl Stein", "Anna Berg"}, e.date.text) for e in met) == [(True, "on Monday"), (True, "on Tuesday")]


def test_talks_during_a_trip_dated_by_its_departure_happen_where_it_goes() -> None:
    text = (
        "Prime Minister Karl Stein sets out Wednesday on a tough mission to Washington. "
        "Two rounds of talks between President Lars Holm and Stein, scheduled for Thursday and Friday, come amid tensions."
    )
    talks = [e for e in events(text, published="1987-04-27") if e.type in ("talks", "meeting")]
    assert [e.location for e in talks] == ["Washington"]


def test_a_visit_here_under_way_on_the_storys_day_has_happened() -> None:
    lyng = one("Officials do not expect any Japanese concessions during Agriculture Secretary Karl Stein's two-week visit here.", published="1987-04-17", dateline="TOKYO, April 17")
    assert (lyng.status, lyng.location) == ("occurred", "Tokyo")
    text = (
        "Prime Minister Karl Stein arrived in Washington on Sunday. "
        "Secretary Lars Holm said he had no plans to meet with Norwegian officials during Stein's visit here."
    )
    visits = [e for e in events(text, published="1987-10-19", dateline="WASHINGTON, Oct 19") if e.type == "visit"]
    assert [e.status for e in visits] == ["occurred"]


def test_a_visit_before_returning_home_on_a_date_is_until_then() -> None:
    found = events("Trade Minister Karl Stein, who will also be visiting South Korea before returning to London on April 11, said talks were hard.", published="1987-04-04")
    korea = [e for e in found if e.location == "South Korea"]
    assert [(e.date.start.isoformat(), e.date.end.isoformat()) for e in korea] == [("1987-04-04", "1987-04-11")]


def test_leaving_later_for_a_place_a_bloc_talking_with_one_country_and_the_end_of_a_month() -> None:
    trip = one("Finance Minister Karl Stein said the package would come before he leaves next week for Washington.", published="1987-04-03")
    assert (trip.type, trip.location, trip.status) == ("visit", "Washington", "planned")
    hungary = one("European Community foreign ministers agreed to formal talks on signing an economic pact with Hungary.", published="1987-04-28")
    assert (hungary.type, hungary.participants) == ("talks", ("HU",))
    ozal = [e for e in events("Prime Minister Karl Stein arrived. He spoke to reporters after talks with Turkey's ambassador to Athens.", published="1987-03-29") if e.type in ("talks", "meeting")]
    assert ozal and "Karl Stein" in ozal[0].participants
    g7 = one("The Group of Seven held its last meeting at the end of September in Washington.", published="1987-10-19")
    assert (g7.date.start.isoformat(), g7.date.end.isoformat()) == ("1987-09-21", "1987-09-30")


def test_a_gathering_that_opened_is_where_the_story_is_filed_and_an_attendee_goes_where_he_travels() -> None:
    ec = one("Leaders of the European Community began their two-day summit, with reform of the group's finances heading the agenda, officials said.", published="1987-06-29", dateline="BRUSSELS, June 29")
    assert (ec.type, ec.location) == ("summit", "Brussels")
    found = events("Finance Minister Karl Stein said the package would come before he leaves next week for Washington. The Finance Minister leaves on April 7 to attend the IMF and World Bank meetings.", published="1987-04-03")
    assert [e.location for e in found if e.type == "summit"] == ["Washington"]


def test_a_gathering_said_to_be_unlikely_stays_proposed_whatever_its_date() -> None:
    for sentence in (
        "A meeting of European Union farm ministers is unlikely to be held next week, a spokesman said.",
        "The summit is unlikely to take place next month, officials said.",
    ):
        found = events(sentence)
        assert found and all(e.status == "proposed" for e in found), [(e.type, e.status) for e in found]


def test_his_visit_inside_a_who_clause_is_the_antecedents() -> None:
    text = "Energy Minister Paul Ostrander arrived in Lisbon on Monday. Ostrander, who is scheduled to meet President Ana Ferro during his 24-hour official visit, said he would discuss trade."
    visits = [e for e in events(text) if e.type == "visit"]
    assert visits and all("Ana Ferro" not in e.participants for e in visits), [(e.participants, e.sentence) for e in visits]
    assert any("Paul Ostrander" in e.participants for e in visits)


def test_a_gathering_named_without_its_city_is_where_that_edition_met() -> None:
    # the calendar of gatherings: OPEC's June 1987 conference met in Vienna, the IMF committees of April 1987 in Washington
    opec = one("Prices rose ahead of next week's OPEC meeting, traders said.", published="1987-06-18")
    assert (opec.type, opec.location) == ("summit", "Vienna")
    imf = one("The remarks come before next week's meeting of the IMF's Interim Committee.", published="1987-04-01")
    assert imf.location == "Washington"


def test_a_gathering_with_no_edition_in_its_dates_gets_no_place_from_the_calendar() -> None:
    found = one("Prices rose ahead of next week's OPEC meeting, traders said.", published="1991-03-06")
    assert found.location is None


def test_an_engagement_with_no_foreign_party_is_no_diplomacy() -> None:
    assert not [e for e in events("U.S. Commerce Secretary Alan Greenbaum cut short a scheduled trip to Dallas.") if e.type == "visit"]
    assert not events("French President Paul Marchand will meet French Finance Minister Luc Berthier on Tuesday.")
    # a foreign side is implied abroad; a foreigner's trip is a visit
    assert events("U.S. Trade Representative Tom Carver and U.S. Agriculture Secretary Ann Lowe held talks in Tokyo last week.")
    assert [e for e in events("French President Paul Marchand will visit Dallas next week.") if e.type == "visit"]


def test_a_speakers_own_engagement_told_with_said_at_the_end_of() -> None:
    found = events("Soviet Deputy Premier Ivan Petrov said at the end of a brief visit here his country wanted more trade.", published="1987-03-11", dateline="PARIS, March 11")
    visits = [e for e in found if e.type == "visit"]
    assert visits and visits[0].participants == ("Ivan Petrov",) and visits[0].location == "Paris"
    talks = events("Treasury Secretary John Marsh told reporters after talks with Japanese Finance Minister Ken Ito that the dollar was stable.", published="1987-03-11")
    assert talks and {"John Marsh", "Ken Ito"} <= set(talks[0].participants)


def test_a_named_side_and_the_unnamed_countries_it_met() -> None:
    found = one("Spanish Foreign Minister Ana Ruiz held talks with Japanese officials on Monday.")
    assert found.participants == ("Ana Ruiz", "JP")
    # the object ends at "over"; a country's possessive ("Argentina's creditor banks") is no party
    assert one("Spanish Trade Minister Ana Ruiz will begin talks with the United States over rice, Japan's staple food.").participants == ("Ana Ruiz", "US")
    debt = [e for e in events("Argentine Economy Minister Juan Sol went to Washington for talks with Argentina's creditor banks.") if e.type == "talks"]
    assert debt and "AR" not in debt[0].participants


def test_talks_in_an_after_adverbial_of_a_past_verb_were_over_by_then() -> None:
    text = "Prime Minister Karl Stein left Bonn yesterday after talks with Chancellor Lars Holm ahead of her visit to Moscow next week."
    talks = [e for e in events(text, published="1987-03-25") if e.type in ("meeting", "talks")]
    assert [e.status for e in talks] == ["occurred"]
    planned = [e for e in events("Prime Minister Karl Stein will leave for Moscow after talks with Chancellor Lars Holm on Friday.", published="1987-03-25") if e.type in ("meeting", "talks")]
    assert planned and planned[0].status == "planned"


def test_a_forums_ministers_carrying_on_their_talks_is_the_forums_gathering() -> None:
    found = one("European Union farm ministers resume discussions in Luxembourg tomorrow on price proposals.", dateline="BRUSSELS, March 6")
    assert (found.type, found.status, found.location) == ("summit", "planned", "Luxembourg")
    assert one("OPEC oil ministers ended their talks in Vienna yesterday.").type == "summit"
    assert not events("The ministers resume discussions on the budget tomorrow.")  # no forum named: nobody to say who


def test_a_place_after_a_later_trip_noun_is_the_trips() -> None:
    text = "Prime Minister Karl Stein met President Ana Ferro on Monday. The meeting capped months of efforts, including trips to Lisbon by Finance Minister Luc Berthier."
    meetings = [e for e in events(text) if e.type in ("meeting", "summit")]
    assert meetings and all(e.location != "Lisbon" for e in meetings), [(e.type, e.location) for e in meetings]
    assert [e for e in events(text) if e.type == "visit" and e.location == "Lisbon"], "the trips keep their place"


def test_a_reported_clause_has_its_own_subject_and_two_trips_stay_two() -> None:
    text = "Ferro told Stein that Finance Minister Luc Berthier would travel to Japan in the coming days, and that Foreign Minister Ana Ruiz would visit in the coming weeks."
    visits = sorted((e.participants, e.location) for e in events(text) if e.type == "visit")
    assert visits == [(("Ana Ruiz",), "Japan"), (("Luc Berthier",), "Japan")], visits


def test_a_teller_and_the_person_told_during_a_meeting_met_on_the_main_clauses_day() -> None:
    text = "Prime Minister Karl Stein told President Ana Ferro on Tuesday that his country would not be for sale, during a cordial but pointed first meeting in the Oval Office."
    found = one(text)
    assert (found.type, set(found.participants), found.location) == ("meeting", {"Karl Stein", "Ana Ferro"}, "Washington")
    assert found.date is not None and found.date.text == "on Tuesday"
    # a time the sentence gives to what was said is not the meeting's
    said = events("Minister Karl Stein today said problems remained, and officials said an announcement would be made at the end of talks.")
    assert all(e.date is None or e.date.text != "today" for e in said)


def test_a_place_named_by_what_it_is_and_a_speakers_own_talks() -> None:
    assert one("Prime Minister Karl Stein and President Ana Ferro held three hours of talks on the Indonesian island of Bali on Monday.").location == "Bali"
    assert one("Prime Minister Karl Stein and President Ana Ferro will meet in the Sardinian resort of Porto Cervo next week.").location != "Porto"
    talks = one("Prime Minister Karl Stein said at a joint news conference in the Rose Garden after talks with President Ana Ferro in the Oval Office.")
    assert set(talks.participants) == {"Karl Stein", "Ana Ferro"}
    met = one("President Karl Stein said he agreed to lower tariffs after meeting President Ana Ferro in Seoul on Thursday.")
    assert set(met.participants) == {"Karl Stein", "Ana Ferro"}


def test_an_undated_story_places_no_gathering_by_a_calendar_it_cannot_date() -> None:
    from conftest import article
    from index.pipeline import extract

    # Bessent's office fences 2025-2026; "the G20 summit next week" could be the Johannesburg or the Miami edition
    text = "Treasury Secretary Scott Bessent will attend the G20 summit next week, officials said."
    found = [e for e in extract(article(text, published=None)).events if e.type == "summit"]
    assert found and all(e.location is None for e in found)
    dated = [e for e in extract(article(text, published="2025-11-17")).events if e.type == "summit"]
    assert dated and dated[0].location == "Johannesburg"


def test_a_summit_of_the_countries_is_a_summit_but_the_summit_nations_are_not_one() -> None:
    found = one("Prime Minister Karl Stein and President Ana Ferro will hold the first trilateral summit of the three countries' leaders in Lisbon on April 11.")
    assert found.type == "summit" and found.location == "Lisbon"
    assert not events("The summit nations agreed to cut tariffs.")


def test_speaking_with_a_named_person_is_a_call_speaking_to_reporters_is_not() -> None:
    found = one("Secretary of State Antony Blinken said he had spoken by phone on Friday with Foreign Minister Ana Ferro.", published="2023-02-03")
    assert (found.type, set(found.participants)) == ("call", {"Antony Blinken", "Ana Ferro"})
    assert one("Prime Minister Karl Stein spoke with President Ana Ferro on Tuesday.").type == "call"
    assert not events("Prime Minister Karl Stein spoke to reporters on Friday.")


def test_an_accepted_invitation_is_planned() -> None:
    found = [e for e in events("President Karl Stein has accepted an invitation from President Ana Ferro for a state visit to Portugal.") if e.type == "visit"]
    assert found and found[0].status == "planned"
    offered = [e for e in events("President Ana Ferro invited President Karl Stein for a state visit to Portugal.") if e.type == "visit"]
    assert offered and offered[0].status == "proposed"


def test_a_gatherings_host_and_attendees_are_its_parties_and_its_topic_no_place() -> None:
    found = one("Prime Minister Karl Stein will host the G7 leaders' summit in Kananaskis from June 15 to 17, a gathering President Ana Ferro is expected to attend.")
    assert found.type == "summit" and set(found.participants) == {"Karl Stein", "Ana Ferro"}
    topic = [e for e in events("Prime Minister Karl Stein will host European leaders in London on Sunday for a summit on Ukraine.") if e.type == "summit"]
    assert topic and topic[0].location == "London"
    call = one("The official said the two sides had discussed working towards a phone call between President Karl Stein and President Ana Ferro in the coming months.")
    assert call.status == "proposed"


def test_meeting_a_countrys_unnamed_counterparts_adds_that_country() -> None:
    found = one("Treasury Secretary Karl Stein and Commerce Secretary Ana Ferro would meet their Chinese counterparts shortly.")
    assert found.participants == ("Karl Stein", "Ana Ferro", "CN") and found.status == "planned"


def test_a_surname_pair_finds_a_family_name_first_and_no_one_out_of_his_time() -> None:
    text = "Finance Minister Chung In-yong will visit Washington. The dates for the Baker-Chung meeting have yet to be set."
    found = [e for e in events(text, published="1987-03-30") if e.type == "meeting"]
    assert found and "Chung In-yong" in found[0].participants
    assert not any("Chung Eui-yong" in e.participants for e in events(text, published="1987-03-30"))


def test_who_hosted_the_talks_is_a_party_of_them() -> None:
    found = one("Belgian Finance Minister Karl Stein, who hosted the talks, indicated that French Finance Minister Luc Berthier's proposals were welcome.")
    assert "Karl Stein" in found.participants


def test_the_two_leaders_are_the_pair_just_reported() -> None:
    text = "Prime Minister Karl Stein flew to Lisbon on Monday. He met President Ana Ferro on Tuesday. The two leaders agreed to meet again in June."
    planned = [e for e in events(text, published="2023-11-15") if e.status == "planned"]
    assert planned and set(planned[0].participants) == {"Karl Stein", "Ana Ferro"}


def test_modern_copy_places_pronouns_pairs_and_spellings() -> None:
    # a place after "before flying to" is the next leg's
    met = one("On Friday morning, before flying to Lisbon, President Karl Stein met President Ana Ferro in Porto.", published="2022-07-15")
    assert met.location == "Porto"
    # "at Riyadh's Diriyah Palace" is in Riyadh
    assert one("Foreign Minister Karl Stein and Foreign Minister Ana Ferro met at Riyadh's Diriyah Palace on Tuesday.").location == "Riyadh"
    # ", where he met": the main clause's traveller
    text = "President Ana Ferro arrived in Madrid. Prime Minister Karl Stein made a surprise visit to Kyiv on Tuesday, where he met President Luc Berthier."
    meeting = [e for e in events(text, published="2023-03-21") if e.type == "meeting"]
    assert meeting and set(meeting[0].participants) == {"Karl Stein", "Luc Berthier"}


def test_talks_after_which_two_leaders_announce_are_theirs_and_on_their_day() -> None:
    found = events("President Karl Stein and Prime Minister Anna Berg on Thursday announced a trade deal after talks at the White House.")
    talks = [e for e in found if e.type in ("talks", "meeting")]
    assert len(talks) == 1, found
    assert set(talks[0].participants) == {"Karl Stein", "Anna Berg"}
    assert (talks[0].date.start.isoformat(), talks[0].date.text) == ("2024-02-29", "on Thursday")


def test_triggers_are_read_in_order_and_a_company_being_in_a_country_is_no_visit() -> None:
    text = (
        "Prime Minister Anna Berg arrived in Washington on Monday. "
        "In New York on Tuesday, she met carmaker chief executive Karl Stein, who later told reporters that he expected Tesla Inc to be in India soon."
    )
    found = [e for e in events(text) if "New York" in e.sentence]
    assert [(e.type, set(e.participants)) for e in found] == [("meeting", {"Anna Berg", "Karl Stein"})]


def test_talks_that_will_be_in_a_city_are_talks_not_a_visit() -> None:
    found = events("The last of the talks will be in Oslo next Wednesday between Foreign Minister Anna Berg and her Danish counterpart Lars Holm.")
    assert [(e.type, set(e.participants), e.location) for e in found] == [("talks", {"Anna Berg", "Lars Holm"}, "Oslo")]


def test_a_time_after_paving_the_way_dates_what_is_prepared() -> None:
    text = "Officials said Foreign Minister Anna Berg voiced objections during a meeting with Lars Holm charged with paving the way for the state visit which begins next Monday."
    meeting = next(e for e in events(text) if e.type == "meeting")
    assert meeting.date is None or meeting.date.text != "next Monday", meeting.date


def test_an_undated_engagement_in_the_lead_of_a_story_without_dateline_is_of_the_day() -> None:
    text = (
        "Leaders agree to meet yearly.\n\n"
        "Norwegian Prime Minister Anna Berg and Danish Prime Minister Lars Holm agreed on Friday to hold summits every year.\n\n"
        "Anna Berg and Lars Holm met at the royal palace for their first stand-alone summit, having previously met only at gatherings.\n\n"
        "They later toured the harbour."
    )
    met = next(e for e in events(text) if e.type == "meeting" and "royal palace" in e.sentence)
    assert met.date is not None and (met.date.start.isoformat(), met.date.end.isoformat()) == ("2024-03-05", "2024-03-06")


def test_an_undated_engagement_told_as_background_gets_no_day() -> None:
    text = "Talks on trade.\n\nPrime Minister Anna Berg, who had met Lars Holm in Oslo, spoke on Friday.\n\nThey had met earlier in talks that failed."
    assert all(e.date is None or e.date.text != "met" for e in events(text))


def test_a_year_naming_something_else_does_not_date_the_meeting() -> None:
    found = one(
        "Standing next to Vladimir Putin, President Donald Trump on Monday declined to say Russia had meddled in the 2016 American election after the two leaders met for two hours.",
        published="2018-07-16",
    )
    assert found.date is not None and found.date.text == "on Monday"


def test_the_two_ministers_are_the_two_just_named_when_no_engagement_was() -> None:
    text = (
        "Defence Minister Anna Berg told her Danish counterpart Lars Holm that the border must stay open. "
        "The two Ministers met in Oslo on Friday evening on the sidelines of a meeting of Defence Ministers of NATO."
    )
    met = next(e for e in events(text) if e.type == "meeting")
    assert (set(met.participants), met.location) == ({"Anna Berg", "Lars Holm"}, "Oslo")


def test_a_visit_postponed_after_a_relative_clause_keeps_its_original_day() -> None:
    found = one("Prime Minister Anna Berg's state visit to Denmark, which was due to begin on Sunday, has been postponed because of strikes.", published="2024-03-08")
    assert (found.status, found.location, found.date.start.isoformat()) == ("postponed", "Denmark", "2024-03-10")


def test_her_first_in_person_meeting_since_a_war_began_is_hers_and_of_the_day() -> None:
    met = one(
        'Prime Minister Anna Berg on Friday told Danish Prime Minister Lars Holm that "today\'s era is not of war", '
        "in her first in-person meeting with the Danish leader since Russia launched its offensive in Ukraine in February.",
        published="2024-03-08",
        dateline="SAMARKAND",
    )
    assert set(met.participants) == {"Anna Berg", "Lars Holm"}
    assert met.location == "Samarkand"  # not Ukraine: the place of the war the "since" clause dates
    assert met.date is not None and met.date.start.isoformat() >= "2024-03-07"  # not today's era, not February


def test_a_visit_is_not_dated_by_what_began_since() -> None:
    found = events(
        "Prime Minister Anna Berg arrived in Oslo on Monday for a two-day visit. "
        "The visit is her first to Norway since Russia launched its invasion of Ukraine in February 2022, and her first trip abroad since she won a third term in June.",
        published="2024-07-09",
    )
    assert all(e.date is None or e.date.start.year == 2024 and e.date.start.month == 7 for e in found), [(e.date, e.sentence[:40]) for e in found]


def test_an_unnamed_other_side_is_its_country() -> None:
    talks = one("Central bank head Karl Stein held private talks here yesterday with the president of the Peruvian central bank.", published="1987-04-23")
    assert set(talks.participants) == {"Karl Stein", "PE"}
    met = one("Finance Minister Karl Stein met last night with Brazilian officials.", published="1987-04-08")
    assert set(met.participants) == {"Karl Stein", "BR"}
    named = events("Finance Minister Karl Stein held talks with the visiting Polish leader Lars Holm.", published="1987-04-08")
    talks = next(e for e in named if e.type in ("meeting", "talks"))
    assert set(talks.participants) == {"Karl Stein", "Lars Holm"}  # the visitor is the other party, named: no "PL" beside him


def test_a_meeting_during_the_visit_under_way_is_there_and_then() -> None:
    text = (
        "Energy Secretary Karl Stein arrived in Oslo on Monday after a tour of the Gulf and the Middle East. "
        "Stein, who is scheduled to meet King Harald during his 24-hour official visit, said on arrival he would discuss regional issues."
    )
    found = events(text, published="1987-10-19", dateline="OSLO, Oct 19")
    meeting = next(e for e in found if e.type == "meeting")
    assert (meeting.location, meeting.date.start.isoformat()) == ("Oslo", "1987-10-19")
    visits = [e for e in found if e.type == "visit" and e.location == "Oslo"]
    assert len(visits) == 1 and visits[0].status == "occurred" and len(visits[0].evidence) == 2  # the arrival and "his official visit": one


def test_he_would_call_two_leaders_is_a_planned_call_to_each() -> None:
    text = "President Karl Stein met the king on Thursday. Stein said he would call Prime Minister Anna Berg and Chancellor Lars Holm from his plane on the way home."
    calls = sorted(tuple(e.participants) for e in events(text) if e.type == "call")
    assert calls == [("Karl Stein", "Anna Berg"), ("Karl Stein", "Lars Holm")]
    assert all(e.status == "planned" for e in events(text) if e.type == "call")


def test_what_was_told_to_a_meeting_and_a_founding_year_do_not_date_it() -> None:
    told = events(
        "Finance Minister Karl Stein met Commission President Lars Holm here yesterday. Holm told the meeting the authority would put forward proposals in October.",
        published="1987-04-05", dateline="KNOKKE, April 5",
    )
    assert told and all(e.date is None or e.date.text != "in October" for e in told)
    at_it = one("Chinese ambassador Karl Stein told a meeting of Pakistani industrialists on Thursday that trade would grow.", published="1987-04-12")
    assert at_it.date is not None and at_it.date.text == "on Thursday"
    founded = events("Oil ministers from Norway, Denmark and Sweden will be on hand for the fifth meeting of the informal group of Nordic exporters, formed in 1983, it said.", published="1987-03-25", dateline="OSLO, March 25")
    assert founded and all(e.date is None or e.date.text != "in 1983" for e in founded)


def test_leaders_meet_on_thursday_is_ahead_and_a_summit_which_began_is_under_way() -> None:
    meet = one("APEC leaders formally meet on Thursday and Friday, with President Karl Stein as host.", published="2023-11-15")
    assert (meet.status, meet.date.start.isoformat()) == ("planned", "2023-11-16")
    began = events("Prime Minister Anna Berg will join the summit's final day on Sunday. The summit, which began on Friday, is hosted by Chancellor Lars Holm.", published="2023-05-20")
    assert any(e.status == "occurred" and e.date is not None and e.date.start.isoformat() == "2023-05-19" for e in began), [(e.status, e.date) for e in began]


def test_he_expected_to_speak_to_is_the_speakers_own_call() -> None:
    call = one("President Karl Stein said his country would support a halt to strikes, and that he expected to speak to Chancellor Lars Holm soon.")
    assert set(call.participants) == {"Karl Stein", "Lars Holm"}


def test_during_his_stay_in_the_city_is_the_dateline_city() -> None:
    met = one("Prime Minister Anna Berg is also expected to meet President Lars Holm during his stay in the city.", published="2023-11-16", dateline="SAN FRANCISCO, Nov. 16")
    assert met.location == "San Francisco"


def test_a_trip_for_a_summit_makes_the_traveller_an_attendee() -> None:
    found = events("Chancellor Karl Stein will travel to Rio de Janeiro next week for a summit of the Group of 20 major economies.", published="2024-11-15")
    summit = next(e for e in found if e.type == "summit")
    assert summit.participants == ("Karl Stein",)


def test_current_talks_are_under_way_and_moves_for_a_summit_propose_it() -> None:
    talks = one("Venezuela is seeking a flexible attitude from its creditor banks in current talks to reschedule its debt, Finance Minister Karl Stein said.", published="1987-02-26")
    assert talks.status == "occurred"
    summit = one("Finance Minister Karl Stein said there were moves for a meeting with Prime Minister Lars Holm.", published="1987-04-28")
    assert summit.status == "proposed"


def test_who_had_attended_a_gathering_was_there_and_al_surnames_shorten() -> None:
    found = events("Oil Minister Mana Said al-Karim arrived in Cairo. It said Karim, who had just attended the OPEC ministerial meeting in Vienna, would stay for several days.", published="1987-06-30")
    summit = next(e for e in found if e.type == "summit")
    assert (summit.participants, summit.location) == (("Mana Said al-Karim",), "Vienna")


def test_a_summit_that_has_been_dominated_by_talks_is_under_way() -> None:
    found = events("President Karl Stein will attend the summit. The summit has been dominated by lengthy talks on the budget.", published="1987-06-29")
    assert any(e.type == "summit" and e.status == "occurred" and "dominated" in e.sentence for e in found), [(e.type, e.status, e.sentence) for e in found]
    hopes = events("Prime Minister Karl Stein said his hopes for a quick budget in time for his trip to Oslo have been shattered.", published="1987-03-26")
    assert all(e.status != "occurred" for e in hopes if e.type == "visit")


def test_on_arriving_here_is_the_speakers_own_arrival_in_the_dateline_city() -> None:
    text = "Commerce Secretary Karl Stein said sales were rising. He told reporters at the airport on arriving here for talks that transfers to China had increased."
    visit = next(e for e in events(text, published="1987-04-21", dateline="PEKING, April 21") if e.type == "visit")
    assert (visit.participants, visit.location, visit.status) == (("Karl Stein",), "Peking", "occurred")


def test_a_passive_welcome_names_its_host_and_the_one_welcomed_goes_on_to_meet() -> None:
    found = events(
        "Foreign Minister Anna Berg arrived in Oslo on Monday. "
        "She was then welcomed at the royal palace by Prime Minister Lars Holm, before meeting King Harald.",
        published="2024-03-05",
    )
    pairs = {frozenset(e.participants) for e in found if e.type == "meeting"}
    assert frozenset({"Anna Berg", "Lars Holm"}) in pairs and frozenset({"Anna Berg", "King Harald"}) in pairs, pairs


def test_what_a_meeting_was_about_is_no_party_to_it() -> None:
    e = one("Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday and raised the detention of journalist Erik Sund.")
    assert set(e.participants) == {"Anna Berg", "Lars Holm"}, e.participants


def test_an_eventual_meeting_is_proposed() -> None:
    assert one("Foreign Minister Anna Berg said she was working on an eventual meeting with Prime Minister Lars Holm.").status == "proposed"


def test_a_place_on_the_way_elsewhere_is_not_where_they_met_but_a_fronted_place_is() -> None:
    found = events("On Friday morning, before flying to Oslo, Foreign Minister Anna Berg met Prime Minister Lars Holm in Bergen.", published="2024-03-09")
    assert [e.location for e in found if e.type == "meeting"] == ["Bergen"], [(e.type, e.location) for e in found]
    found = events("Foreign Minister Anna Berg will see Lars Holm before travelling to Oslo for a meeting of Nordic foreign ministers.")
    assert "Oslo" in [e.location for e in found if e.type in ("meeting", "summit")], [(e.type, e.location) for e in found]
    e = one("In Bergen on Monday, Prime Minister Lars Holm hosted an emergency meeting with Foreign Minister Anna Berg.", published="2024-03-06")
    assert e.location == "Bergen", e.location
    spoken = events("In Bergen, Prime Minister Lars Holm said the Oslo talks with Foreign Minister Anna Berg had failed.", published="2024-03-06")
    assert spoken and all(e.location != "Bergen" for e in spoken), [(e.location, e.sentence) for e in spoken]


def test_a_relative_clause_of_schedule_dates_the_engagement_itself() -> None:
    e = one("Foreign Minister Anna Berg postponed a visit to Oslo that had been planned for Wednesday.", published="2024-03-04")
    assert (e.status, str(e.date.start), str(e.date.end)) == ("postponed", "2024-03-06", "2024-03-06"), e.date
    e = one("Prime Minister Lars Holm cancelled talks with Anna Berg that had been scheduled for May 16.", published="2024-05-20")
    assert (e.status, str(e.date.start)) == ("cancelled", "2024-05-16"), e.date


def test_a_later_mention_with_its_own_auxiliary_is_not_the_earlier_engagement() -> None:
    found = events(
        "Finance Minister Lars Holm held talks with creditor governments in Paris today. "
        "He said the talks with commercial bank creditors on the second phase of the refinancing will follow in April.",
        published="2024-03-06",
    )
    assert sorted(e.status for e in found if e.type == "talks") == ["occurred", "planned"], [(e.status, e.sentence) for e in found]


def test_nouns_of_cancelling_postponing_and_willingness_govern_the_engagement() -> None:
    found = events("Foreign Minister Anna Berg cut short her tour, scrapping a planned visit to Oslo.")
    assert [e.status for e in found if e.location == "Oslo"] == ["cancelled"], [(e.status, e.location) for e in found]
    e = one("The summit forced the postponement of a visit to Oslo by Foreign Minister Anna Berg.")
    assert e.status == "postponed", e.status
    e = one("Prime Minister Lars Holm reiterated his willingness to meet Foreign Minister Anna Berg.")
    assert e.status == "proposed", e.status


def test_a_reported_future_of_the_talks_is_dated_by_its_own_day_not_the_day_it_was_told() -> None:
    e = one("A spokesman told reporters later on Tuesday that the talks between Foreign Minister Anna Berg and Prime Minister Lars Holm would take place in Oslo on Sunday.", published="2024-03-05")
    assert (e.status, str(e.date.start)) == ("planned", "2024-03-10"), (e.status, e.date)


def test_a_new_clause_after_and_has_its_own_subject_and_him_is_the_other_one_named() -> None:
    found = events("European leaders had tried to shape Lars Holm's approach before the summit, and on Thursday Foreign Minister Anna Berg met Prime Minister Erik Sund in London.", published="2024-03-09")
    assert {frozenset(e.participants) for e in found if e.type == "meeting"} == {frozenset({"Anna Berg", "Erik Sund"})}, [(e.type, e.participants) for e in found]
    found = events("Anna Berg and Lars Holm held formal talks in Oslo on Tuesday, a day after Holm hosted him for an informal dinner at his residence.", published="2024-03-06")
    assert all(len(e.participants) == 2 for e in found), [(e.type, e.participants) for e in found]


def test_flying_somewhere_for_a_gathering_puts_the_gathering_there_and_he_flies() -> None:
    found = events(
        "Prime Minister Anna Berg arrived in Bergen on Saturday. He will hold talks with Premier Lars Holm in Oslo on Tuesday, "
        "before flying to the Cook Islands for the Pacific Islands Forum leaders' meeting later in the week.",
        published="2024-03-04",
    )
    flight = [e for e in found if e.type == "visit" and e.location == "Cook Islands"]
    assert flight and flight[0].participants == ("Anna Berg",), [(e.type, e.participants, e.location) for e in found]
    assert all(e.location != "Pacific" for e in found), [(e.type, e.location) for e in found]


def test_the_official_who_opened_chaired_or_spoke_after_a_gathering_took_part() -> None:
    found = events(
        "Finance ministers of the Nordic Council opened a two-day meeting in Oslo today, officials said. "
        "Opening the meeting, Anna Berg, Norway's Minister of Finance, said the region's economies were strong.",
        published="2024-03-06",
    )
    assert [e.participants for e in found if e.type == "summit"] == [("Anna Berg",)], [(e.type, e.participants) for e in found]
    found = events("At a news conference after today's Group of Seven meeting, Finance Minister Anna Berg said the ministers agreed.", published="2024-03-06")
    assert [e.participants for e in found if e.type == "summit"] == [("Anna Berg",)], [(e.type, e.participants) for e in found]
    found = events("At the Group of Seven summit last year, leaders agreed on a plan. Finance Minister Anna Berg said today the plan was working.", published="2024-03-06")
    summits = [e for e in found if e.type == "summit"]
    assert summits and all("Anna Berg" not in e.participants for e in summits), [(e.type, e.participants) for e in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan's Export-Import Bank agreed a loan to meet Indonesia's share of the projects, Finance Minister Anna Berg said.",
        "Foreign Minister Anna Berg said she met with strong objections from some EC government heads to her plan.",
        "Foreign Minister Anna Berg said a significant proportion of the shares would go to institutions.",
    ],
)
def test_idioms_of_meeting_and_going_are_no_engagement(sentence: str) -> None:
    assert events(sentence) == (), [(e.type, e.participants) for e in events(sentence)]


def test_later_today_is_still_to_come_and_a_probable_meeting_is_proposed() -> None:
    assert one("EC farm ministers and Foreign Minister Anna Berg meet Prime Minister Lars Holm later today.").status == "planned"
    assert one("Markets watch for a probable meeting between Foreign Minister Anna Berg and Prime Minister Lars Holm later today.").status == "proposed"
    assert one("Foreign Minister Anna Berg met Prime Minister Lars Holm later today.").status == "occurred"


def test_an_intent_governs_its_own_verb_only() -> None:
    assert one("Norway intends to negotiate further agreements with Prime Minister Lars Holm of Denmark.").status == "planned"
    found = events("Foreign Minister Anna Berg said Norway intends to carry out the policies announced at the Oslo meeting with Prime Minister Lars Holm last month.", published="2024-03-06")
    assert [e.status for e in found] == ["occurred"], [(e.status, e.sentence) for e in found]


def test_intergovernmental_bodies_gather_and_their_ministers_carry_on_talks() -> None:
    e = one("The International Coffee Organization executive board meets tomorrow in London.", published="2024-03-05")
    assert (e.type, e.status, e.location, str(e.date.start)) == ("summit", "planned", "London", "2024-03-06"), e
    found = events(
        "European Community (EC) farm ministers early today ended talks aimed at saving the dairy pact. "
        "The ministers will resume talks at 10.00 local time.",
        published="2024-03-05",
    )
    assert sorted(e.status for e in found) == ["occurred", "planned"], [(e.type, e.status, e.sentence) for e in found]


def test_a_relative_clause_tells_where_and_when_the_engagement_is_to_be() -> None:
    e = one("We are coordinating an eventual meeting of the Nordic presidents and Prime Minister Lars Holm, which could take place in Bergen in May.", published="2024-03-05")
    assert (e.status, e.location, e.date and e.date.text) == ("proposed", "Bergen", "in May"), e


def test_an_intergovernmental_bodys_mission_is_a_party_to_its_visit_but_a_bank_of_business_is_not() -> None:
    e = one("Since Poland rejoined the IMF last June, IMF and World Bank teams have visited Warsaw on fact-finding missions.", published="1987-03-02")
    assert (set(e.participants), e.location, e.date) == ({"International Monetary Fund", "World Bank"}, "Warsaw", None), e
    e = one("An IMF mission would visit Manila in July to review performance.", published="1987-03-02")
    assert (e.participants, e.status, e.location) == (("International Monetary Fund",), "planned", "Manila"), e
    assert events("A Citibank team visited Warsaw last week.", published="1987-03-02") == ()


def test_a_return_abroad_is_a_visit_made_for_the_talks_after_it_but_going_home_is_not() -> None:
    found = events(
        "Canadian and Egyptian negotiators failed to agree during talks last week, but the Canadian team will return to Cairo for further negotiations.",
        published="1987-03-02", dateline="CAIRO, March 2",
    )
    kinds = sorted((e.type, e.status, e.participants) for e in found)
    assert ("visit", "planned", ("CA",)) in kinds and ("talks", "planned", ("CA", "EG")) in kinds, kinds
    home = events("British Trade Minister Alan Clark will visit Seoul before returning to London on April 11.", published="1987-04-01")
    assert [e.location for e in home if e.type == "visit"] == ["Seoul"], [(e.type, e.location) for e in home]


def test_a_hedge_on_one_member_of_a_list_and_talks_as_a_means() -> None:
    e = one("Officials from Norway, Denmark and, perhaps, Sweden will meet in Oslo tomorrow to discuss fisheries.", published="2024-03-05")
    assert e.status == "planned", e.status
    e = one("Norway is seeking through negotiations with Denmark to settle the fishing dispute, Foreign Minister Anna Berg said.", published="2024-03-05")
    assert e.status == "occurred", e.status


def test_a_meeting_with_the_advisory_committee_is_a_countrys_debt_talks() -> None:
    e = one("Peruvian officials held their last formal meeting with the advisory committee in New York in January.", published="1987-03-11")
    assert (e.type, e.participants, e.location) == ("talks", ("PE",), "New York"), e


def test_a_speakers_own_meetings_with_a_countrys_officials() -> None:
    found = events(
        "Mario Rodriguez Montero, president of a regional trade committee, said he was aware of the deficit. "
        "Rodriguez made the comment at a news conference after two days of meetings with U.S. officials on trade bills.",
        published="1987-06-19", dateline="WASHINGTON, June 19",
    )
    assert [(e.type, e.participants) for e in found] == [("meeting", ("Mario Rodriguez Montero", "US"))], [(e.type, e.participants) for e in found]


def test_events_come_in_reading_order() -> None:
    found = events(
        "Canadian and Egyptian negotiators failed to agree during talks last week, but the Canadian team will return to Cairo for further negotiations.",
        published="1987-03-02", dateline="CAIRO, March 2",
    )
    assert [e.trigger.start for e in found] == sorted(e.trigger.start for e in found), [(e.type, e.status) for e in found]
    assert found[0].status == "occurred"


def test_talks_a_traveller_sets_out_for_are_still_ahead() -> None:
    """'arrived in X for talks', 'was heading for X for talks': the trip happened, its talks are to come."""
    found = events("Norwegian Oil Minister Karl Stein arrived in Copenhagen at the head of a large delegation for talks on fishing quotas, the news agency said.", published="1987-03-06")
    kinds = {e.type: e for e in found}
    assert kinds["visit"].status == "occurred" and kinds["visit"].location == "Copenhagen"
    assert (kinds["talks"].status, kinds["talks"].location, set(kinds["talks"].participants)) == ("planned", "Copenhagen", {"Karl Stein", "DK"})
    heading = {e.type: e for e in events("Economy Minister Karl Stein of Norway was heading for Copenhagen for talks with creditor banks.", published="1987-04-05")}
    assert heading["visit"].location == "Copenhagen" and heading["talks"].status == "planned"
    done = {e.type: e for e in events("Norwegian Oil Minister Karl Stein visited Copenhagen last week for talks on fishing quotas.", published="1987-03-06")}
    assert done["talks"].status == "occurred", "a finished visit's talks took place"


def test_a_trips_purpose_to_discuss_is_talks_with_the_host() -> None:
    found = {e.type: e for e in events("Finance Minister Karl Stein of Norway has left for Copenhagen to discuss his country's request for a loan, officials said.", published="1987-03-30")}
    assert found["visit"].status == "occurred"
    assert (found["talks"].status, found["talks"].location, set(found["talks"].participants)) == ("planned", "Copenhagen", {"Karl Stein", "DK"})
    planned = [e for e in events("Prime Minister Karl Stein of Norway will visit Copenhagen on April 29 to discuss fishing.", published="1987-04-10") if e.type == "talks"]
    assert [(e.status, e.date.start.isoformat()) for e in planned] == [("planned", "1987-04-29")]


def test_heading_for_a_destination_is_a_trip_but_not_for_a_recession_or_a_summit() -> None:
    assert [e.type for e in events("Minister Karl Stein of Norway said the economy was heading for a recession.", published="1987-04-05")] == []
    found = events("President Karl Stein of Norway, preparing to depart for the Venice economic summit on Wednesday, said allies must act.", published="1987-06-01")
    assert [e.type for e in found] == ["summit"] and "Karl Stein" in found[0].participants


def test_a_leaders_ministers_talks_with_their_counterparts_are_their_own_engagement() -> None:
    text = (
        "Norwegian President Karl Stein begins a four-day state visit to Denmark on Tuesday. "
        "Stein will be accompanied by his trade, defence and oil ministers, who will hold talks with their Danish counterparts."
    )
    retinue = [e for e in events(text, published="1987-03-22") if e.type == "talks"]
    assert [(set(e.participants), e.status, e.location) for e in retinue] == [({"NO", "DK"}, "planned", "Denmark")]


def test_debt_talks_with_creditors_are_talks() -> None:
    found = one("Finance Minister Karl Stein of Norway will use the plan as the basis for negotiations with creditors next month.", published="1987-06-18")
    assert (found.type, found.status, found.participants) == ("talks", "planned", ("Karl Stein",))


def test_receiving_support_or_a_negotiating_front_is_no_engagement() -> None:
    assert events("Senator Karl Stein's statement received bipartisan support from Sen. Lars Holm, who agreed with the plan.", published="1987-03-25") == ()
    assert events("Cuba's call for a joint negotiating front is not being promoted by Brazil or Peru.", published="1987-03-19") == ()
    received = one("President Karl Stein received visiting Danish Foreign Minister Lars Holm on Monday.", published="1987-03-25")
    assert (received.type, set(received.participants)) == ("meeting", {"Karl Stein", "Lars Holm"})


def test_an_analyst_quoted_after_a_quote_is_not_at_the_meeting() -> None:
    found = one('"Something will be done at the (G-5 and G-7) meeting to calm people," said Karl Stein of Merrill Lynch Economics.', published="1987-04-06")
    assert (found.type, found.participants) == ("summit", ())


def test_a_trip_to_attend_a_gathering_and_for_talks() -> None:
    found = {e.type: e for e in events(
        "Officials said Finance Minister Karl Stein of Norway would leave for Washington on Monday to attend the International Monetary Fund's (IMF) Interim Committee meeting and for talks with U.S. officials.",
        published="1987-04-03",
    )}
    assert found["summit"].participants == ("Karl Stein",)
    assert (set(found["talks"].participants), found["talks"].status, found["talks"].location) == ({"Karl Stein", "US"}, "planned", "Washington")


def test_heads_to_before_a_verb_is_no_trip() -> None:
    assert events("Investment firm Stein Holm said it signed an agreement for an investment group it heads to acquire Roberts Industries. It said Ronald J. Stein will become vice chairman of Roberts and J. Thomas Holm chairman.", published="1987-04-01") == ()
    trip = one("Foreign Minister Karl Stein of Norway heads to Copenhagen on Friday.", published="1987-04-01")
    assert (trip.type, trip.location) == ("visit", "Copenhagen")


def test_gatherings_of_development_banks_the_security_council_and_states() -> None:
    adb = one("Delegates from 46 countries are gathering in Osaka for the 20th meeting of the Asian Development Bank.", published="1987-04-26")
    assert (adb.type, adb.participants) == ("summit", ())
    abuja = one("A conference to assess the economic recovery of African states begins in Abuja on June 15, officials said.", published="1987-06-01")
    assert (abuja.type, abuja.status, abuja.date.start.isoformat()) == ("summit", "planned", "1987-06-15")
    council = one("Members of the Security Council met behind closed doors on Monday.", published="1987-10-20")
    assert (council.type, council.status) == ("summit", "occurred")
    assert [e.type for e in events("The conference reiterated the necessity of member countries' strict adherence to the agreement.", published="1987-06-29")] == []
    cabinet = [e.type for e in events("President Karl Stein met members of the National Security Council on Monday.", published="1987-10-20")]
    assert "summit" not in cabinet


def test_what_he_said_after_a_gathering_is_not_the_gatherings() -> None:
    found = one("Addressing businessmen during the Inter-American Development Bank (IADB) meeting here, he said the two sides will meet again next Thursday in New York.", published="1987-03-23", dateline="MIAMI, March 23")
    assert (found.type, found.status, found.location) == ("summit", "occurred", "Miami")


def test_leaving_early_tomorrow_morning_for_a_city() -> None:
    trip = next(e for e in events("Diplomatic sources said Finance Minister Karl Stein of Norway would leave early tomorrow morning for Zurich.", published="1987-03-03") if e.type == "visit")
    assert (trip.location, trip.status, trip.date.start.isoformat()) == ("Zurich", "planned", "1987-03-04")


def test_a_side_named_only_by_its_country() -> None:
    met = one("EC Commissioner Karl Stein has met top Chinese leaders in Peking.", published="1987-03-31")
    assert set(met.participants) == {"Karl Stein", "CN"}
    found = {e.type: e for e in events("Trade Secretary Karl Stein of Norway said he would go to Wellington for talks with New Zealand, which had a surplus in trade.", published="1987-03-24")}
    assert (found["visit"].location, set(found["talks"].participants), found["talks"].status) == ("Wellington", {"Karl Stein", "NZ"}, "planned")


def test_the_speakers_own_trip_and_a_gathering_delegates_are_gathering_for() -> None:
    found = {e.type: e for e in events('"On Tuesday I shall be going to Washington for meetings of the (IMF) Interim Committee," Finance Minister Karl Stein of Norway said.', published="1987-04-03")}
    assert (found["visit"].participants, found["visit"].location, found["visit"].status) == (("Karl Stein",), "Washington", "planned")
    assert found["summit"].participants == ("Karl Stein",)
    assert [e.type for e in events('"We are going to meet the demands of our members," Karl Stein said.', published="1987-04-03")] == []
    gathering = one("Delegates from 46 countries are gathering for the 20th meeting of the Asian Development Bank in Osaka.", published="1987-04-26")
    assert gathering.status == "planned"


def test_a_forums_board_meeting_and_a_leaders_annual_meeting_are_no_company_meetings() -> None:
    board = one("Exporters will consult ahead of an ICO executive board meeting scheduled for April 1, officials said.", published="1987-03-10")
    assert (board.type, board.status, board.date.start.isoformat()) == ("summit", "planned", "1987-04-01")
    annual = one("President Karl Stein will hold his annual meeting, on April 5-6 in Oslo, with Prime Minister Lars Holm.", published="1987-03-16")
    assert (annual.type, set(annual.participants), annual.location) == ("meeting", {"Karl Stein", "Lars Holm"}, "Oslo")
    assert events("Shareholders will vote on the merger at the company's annual meeting in May.", published="1987-03-16") == ()
    assert events("Coffee Institute president Karl Stein said he will not attend the ICO executive board meeting.", published="1987-03-25") == ()


def test_his_meeting_with_a_foreigner_is_the_foreigner_just_named() -> None:
    text = (
        "Trade is the most urgent problem facing the two countries, Norwegian Foreign Minister Karl Stein said. "
        "Stein told the club the talks must end soon. Stein said fishing was the second issue. "
        "On Wednesday, Danish Prime Minister Lars Holm announced a new fund for the environment. "
        "Some saw the move as a gesture in advance of his annual meeting, on April 5-6 in Oslo, with Norwegian Prime Minister Erik Berg."
    )
    meeting = next(e for e in events(text, published="1987-03-20") if e.date and e.date.text == "April 5-6")
    assert set(meeting.participants) == {"Lars Holm", "Erik Berg"}


def test_governments_signing_or_reaching_an_accord_held_talks() -> None:
    signed = one("Norway and Denmark have signed an agreement on rescheduling 145 mln crowns worth of credits, the ministry said.", published="1987-03-05")
    assert (signed.type, signed.status, set(signed.participants)) == ("talks", "occurred", {"NO", "DK"})
    planned = one("Egypt and the Soviet Union are expected to sign an agreement in Moscow next week settling Cairo's debt.", published="1987-03-18")
    assert (planned.status, planned.location, set(planned.participants)) == ("planned", "Moscow", {"EG", "SU"})
    creditors = one("Yugoslavia has reached an agreement with Western creditors on refinancing its debt.", published="1987-03-30")
    assert creditors.participants == ("YU",)
    assert events("Acme Corp said it signed an agreement to buy Beta Inc for 45 mln dlrs.", published="1987-03-05") == ()
    assert events("Kenya has signed an agreement with British and German interests to establish a shipping line.", published="1987-03-05") == ()
    assert events("Washington signed a three-year accord with Taipei last year limiting textile exports.", published="1987-03-15") == ()


def test_a_forums_talks_are_its_gathering_but_a_lenders_talks_are_not() -> None:
    ico = one("He said ICO quota talks broke down last month because consumers lack the political will.", published="1987-03-24")
    assert (ico.type, ico.status, ico.participants) == ("summit", "occurred", ())
    assert [e.type for e in events("Zambia has just completed a new round of IMF talks on its foreign exchange system.", published="1987-04-01")] != ["summit"]
    assert events("The carrier would offer a stake to British and Commonwealth in the negotiations on the airline.", published="1987-03-19") == ()


def test_a_debtors_talks_with_its_lenders() -> None:
    club = one("Bolivian negotiators had achieved considerable success in recent discussions with the Paris Club, he said.", published="1987-03-12")
    assert (club.type, club.participants) == ("talks", ("BO",))
    fund = one("Zambia held talks with the IMF last week on a new loan.", published="1987-04-01")
    assert (fund.participants, fund.date.text) == (("ZM",), "last week")
    assert events("Shares rose after recent discussions with analysts, the company said.", published="1987-03-12") == ()


def test_talks_told_as_under_way_have_begun() -> None:
    going = one("The debt talks in New York are being headed by Finance Minister Karl Stein of Norway and are expected to last for several days.", published="1987-02-26")
    assert going.status == "occurred"
    continuing = [e for e in events("He said some creditors had agreed to waive penalties and negotiations were continuing with Denmark and Sweden.", published="1987-03-12") if e.type == "talks"]
    assert [e.status for e in continuing] == ["occurred"]


def test_the_present_after_when_and_a_stay_for_a_gathering_tell_the_future() -> None:
    when = one("President Karl Stein said he would sign an agreement with Prime Minister Lars Holm when they meet in Oslo.", published="2025-02-27")
    assert (when.status, set(when.participants)) == ("planned", {"Karl Stein", "Lars Holm"})
    stay = one("President Karl Stein is staying on in Denmark for the Nordic Council summit in Copenhagen on Friday and Saturday.", published="2025-10-30")
    assert (stay.status, stay.date.start.isoformat()) == ("planned", "2025-10-31")


def test_should_urges_an_engagement_but_should_be_in_expects_a_visit() -> None:
    urged = one('Karl Stein told Reuters: "Finance ministers should meet soon to limit the damage caused by the dollar\'s fall."', published="1987-10-20")
    assert urged.status == "proposed"
    expected = next(e for e in events("Oil Minister Karl Stein of Norway should be in Lima on a visit at a nearby date, officials said.", published="1987-03-20") if e.type == "visit")
    assert expected.status == "planned"


def test_the_subject_who_discussed_in_talks_or_told_of_his_meeting_took_part() -> None:
    talks = one("French Finance Minister Karl Stein discussed the need to control public spending in talks here today with British Chancellor Lars Holm, a spokesman said.", published="1987-03-27", dateline="LONDON, March 27")
    assert set(talks.participants) == {"Karl Stein", "Lars Holm"}
    text = (
        "Finance Minister Karl Stein of Norway said he was surprised by criticism voiced by Danish Finance Minister Lars Holm. "
        "Holm had criticised Norway's policies over the weekend. Holm said rates were too high. "
        "Stein told the trade association that his meeting on Monday with Holm had resolved differences."
    )
    meeting = next(e for e in events(text, published="1987-10-20") if e.type == "meeting")
    assert set(meeting.participants) == {"Karl Stein", "Lars Holm"}


def test_talks_between_a_minister_and_a_minister_without_portfolio() -> None:
    talks = one("The commission was agreed during talks between Foreign Trade Minister Karl Stein and Danish minister without portfolio Lars Holm, the ministry said.", published="1987-03-05")
    assert set(talks.participants) == {"Karl Stein", "Lars Holm"}


def test_treaties_signed_by_leaders_named_with_their_countries() -> None:
    treaties = one("Norway and Denmark signed two cooperation treaties today, officials said.", published="1987-03-24")
    assert (treaties.type, treaties.status, set(treaties.participants)) == ("talks", "occurred", {"NO", "DK"})
    leaders = one("Prime Ministers Zhao Ziyang of China and Anibal Cavaco Silva of Portugal signed an agreement to end Portuguese rule of Macao in 1999.", published="1987-03-26")
    assert (leaders.status, set(leaders.participants), leaders.date.start.isoformat()) == ("occurred", {"Zhao Ziyang", "Anibal Cavaco Silva"}, "1987-03-25")
    agencies = one("Chile will open talks next month with international lending agencies on its official debts.", published="1987-03-10")
    assert (agencies.status, agencies.participants) == ("planned", ("CL",))
    gathering = [e for e in events("Speaking here after a meeting of the 11-nation Cartagena group, Finance Minister Karl Stein of Norway said the debt was a problem.", published="1987-05-31") if e.type == "summit"]
    assert len(gathering) == 1


def test_a_foreigners_talks_in_a_capital_are_with_its_government() -> None:
    talks = one("U.S. Secretary of State George Shultz said the spy case had cast a heavy shadow over his scheduled talks in Moscow next week.", published="1987-04-09")
    assert set(talks.participants) == {"George Shultz", "SU"}
    debt = one("The debt talks in New York are being headed by Argentine Finance Minister Mario Brodersohn.", published="1987-02-26")
    assert debt.participants == ("Mario Brodersohn",), "debt talks in New York are with the banks, not the United States"


def test_a_pair_of_nations_talks_but_not_their_war() -> None:
    talks = one("Chief negotiator Karl Stein said Soviet-American talks on cutting medium-range missiles had made a breakthrough.", published="1987-03-05")
    assert set(talks.participants) >= {"SU", "US"}
    war = [e for e in events("Iran was seeking to avoid ostracism over the Iraq-Iran war by Arab states due to meet at a summit in Amman on November 8.", published="1987-10-20")]
    assert all(not {"IR", "IQ"} <= set(e.participants) for e in war)


def test_review_mends_lenders_absence_arrival_and_the_first_person() -> None:
    imf = one("Finance Minister Karl Stein of Norway will begin his IMF talks in Washington next week.", published="1987-03-09")
    assert "US" not in imf.participants, "IMF talks in Washington are with the Fund, not the United States"
    assert events("Finance Minister Karl Stein of Norway can't attend the ICO executive board meeting.", published="1987-03-09") == ()
    arrival = one("Finance Minister Karl Stein of Norway should arrive in Lima next week.", published="1987-03-09")
    assert arrival.status == "planned"
    trip = [e for e in events('"I shall be going to Washington on Tuesday," Finance Minister Karl Stein of Norway said.', published="1987-04-03") if e.type == "visit"]
    assert [e.participants for e in trip] == [("Karl Stein",)]

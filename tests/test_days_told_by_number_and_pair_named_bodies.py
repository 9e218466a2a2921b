""""on day two of a three-day working visit", "a working visit to the Republic of X that began on Monday, 18
September", a standing body named after the pair whatever its field ("the A-B Hydrotechnical Commission ended its
26th session"), not a business council, and Svalbard as a place of Norway. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions


def test_day_two_of_a_three_day_visit():
    text = ("Chile and Greece sign fisheries protocol\n\nATHENS (AWA) - Greek Minister of Rural Development Kostas "
            "Tsiaras received Chile's Minister of Agriculture Esteban Valenzuela at the ministry in Athens today, on "
            "day two of a three-day working visit by the Chilean minister.")
    visits = [v for v in event_mentions(text, "visit", "2024-09-19") if v["host"] == "GRC"]
    assert visits and {(v["start"], v["end"]) for v in visits} == {("2024-09-18", "2024-09-20")}, visits


def test_a_visit_that_began_on_a_day_told_after_the_country():
    text = ("Minister back from Greece\n\nSantiago, 21 September 2024\n\nThe Minister of Agriculture, Esteban "
            "Valenzuela, returned to the country yesterday after a working visit to the Hellenic Republic that began "
            "on Wednesday, 18 September.")
    (v,) = [v for v in event_mentions(text, "visit", "2024-09-21") if v["host"] == "GRC"]
    assert (v["start"], v["end"]) == ("2024-09-18", "2024-09-20"), v


def test_a_commission_named_after_the_pair_ends_its_numbered_session():
    text = ("Hungary and Slovakia to dredge the Danube\n\nKOMAROM, 9 November 2023 - The Hungarian-Slovak Danube "
            "Commission ended its 14th session in Komarom on Wednesday.")
    found = event_mentions(text, "council_session", "2023-11-09")
    assert [(s["title"], s["start"], s["status"]) for s in found] == [
        ("14th session of the Hungarian-Slovak Danube Commission", "2023-11-08", "occurred")]


def test_a_business_council_named_after_the_pair_is_no_standing_body_of_the_states():
    text = ("Firms meet\n\nASTANA, 9 November 2023 - The next session of the Kazakhstan-Singapore Business Council "
            "will be held in Singapore.")
    assert event_mentions(text, "council_session", "2023-11-09") == []


def test_svalbard_is_a_place_of_norway_not_a_third_party():
    text = ("Spain and Norway talk cod\n\nMADRID, 19 November 2024 - Spanish Agriculture Minister Luis Planas met "
            "Norway's Fisheries Minister Marianne Sivertsen Naess in Madrid on Tuesday to discuss cod quotas in the "
            "waters around Svalbard.")
    meetings = event_mentions(text, "meeting", "2024-11-19")
    assert meetings and all(set(m["countries"]) == {"ESP", "NOR"} for m in meetings), meetings

"""Projects told the way project news tells them: a named section of a road, a plant contracted by its size, a
hospital a loan builds, a satellite named after its head noun; and what is no project: a company whose name starts
like a road, a named hospital a minister visits. Also a visit whose host is not the stop before it, and a visit
told to have ended today. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions


def _projects(text: str, dct: str) -> dict[str, dict]:
    return {p["name"]: p for p in mentions(text, "project", dct)}


def test_a_named_section_of_a_highway_is_the_project_told_with_the_highway_an_alias():
    text = ("SKOPJE, 2 May 2023 - Prime Minister Dimitar Kovachevski today opened the Kichevo-Ohrid section of the "
            "Skopje-Ohrid motorway, built with a Chinese loan.")
    found = _projects(text, "2023-05-02")
    assert "Kichevo-Ohrid section of the Skopje-Ohrid motorway" in found, found
    assert "Skopje-Ohrid motorway" in found["Kichevo-Ohrid section of the Skopje-Ohrid motorway"]["aliases"]


def test_a_company_named_like_a_road_is_no_project():
    text = ("The contractor, Sinohydro Road and Bridge Corporation, said the works on the new bypass would be "
            "finished next year.")
    assert not any("Sinohydro" in n for n in _projects(text, "2023-05-02")), _projects(text, "2023-05-02")


def test_a_plant_contracted_by_its_size_is_an_agreed_project():
    text = ("TASHKENT, 12 March 2024 - Uzbekistan and the Emirati developer Masdar on Tuesday signed an investment "
            "agreement for a 500-megawatt solar park in the Samarkand region.")
    found = _projects(text, "2024-03-12")
    assert any("solar park" in n and found[n]["status"] == "agreed" for n in found), found


def test_a_hospital_a_loan_builds_is_a_project_and_a_named_hospital_visited_is_not():
    built = ("DHAKA, 4 April 2023 - Bangladesh and the Kuwait Fund on Monday signed a loan of 40 million dollars to "
             "build a new general hospital in Sylhet.")
    assert any("hospital" in n for n in _projects(built, "2023-04-04")), _projects(built, "2023-04-04")
    visited = ("Minister Rahman also visited the Sylhet Osmani Medical College Hospital, where Japan has helped fund "
               "a new dialysis unit.")
    assert not any("Hospital" in n for n in _projects(visited, "2023-04-04")), _projects(visited, "2023-04-04")


def test_a_satellite_named_after_its_head_noun_is_a_project():
    text = ("COLOMBO, June 18 - Sri Lanka's first satellite, Raavana-1, began its orbit on Monday after it was "
            "released from the International Space Station.")
    assert "Raavana-1" in _projects(text, "2019-06-18"), _projects(text, "2019-06-18")


def test_the_stop_before_the_visit_is_not_its_host():
    text = ("Samarkand, 2 November 2023 - President Shavkat Mirziyoyev and President Emmanuel Macron yesterday held "
            "talks in Samarkand, where the French leader arrived on an official visit after a stop in Kazakhstan.")
    visits = event_mentions(text, "visit", "2023-11-02")
    assert visits and {(v["guest"], v["host"]) for v in visits} == {("FRA", "UZB")}, visits


def test_a_visit_told_to_have_ended_today_ends_today():
    text = ("Samarkand, 2 November 2023 - President Shavkat Mirziyoyev and President Emmanuel Macron yesterday held "
            "talks in Samarkand, where the French leader arrived on an official visit.\n\nThe French President also "
            "toured the old city. The visit ended today.")
    visits = event_mentions(text, "visit", "2023-11-02")
    assert visits and {(v["start"], v["end"]) for v in visits} == {("2023-11-01", "2023-11-02")}, visits

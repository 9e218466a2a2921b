"""Projects told by how far along they are ("N percent complete"), names with "and" inside, and road
numbers that look like amounts: forms of real reports, in sentences written for these tests."""
from __future__ import annotations

import pytest

from dyad.nlp.pipeline import extract_facts


def _kinds(text: str, kind: str) -> list[dict]:
    return [f for f in extract_facts(text, "2023-06-14") if f["kind"] == kind]


def test_a_named_thing_said_to_be_percent_complete_is_a_project_under_construction() -> None:
    text = ("Kenya will import 40 megawatts from Uganda once the Karuma Hydropower Station expansion project, "
            "now 85 percent complete, is commissioned.")
    projects = _kinds(text, "project")
    assert len(projects) == 1 and projects[0]["name"].startswith("Karuma Hydropower Station")
    assert projects[0]["status"] == "under_construction"
    assert projects[0]["project_type"] == "facility"
    unnamed = _kinds(text.replace("Karuma Hydropower Station", "Karuma plant's"), "project")
    assert [p["status"] for p in unnamed] == ["under_construction"]


def test_a_relative_clause_on_the_countries_describes_the_project_before() -> None:
    text = ("The ministers reviewed the electricity interconnection project between the two countries, which is "
            "45 percent complete and should carry 300 megawatts next year.")
    names = [p["name"] for p in _kinds(text, "project")]
    assert len(names) == 1 and names[0].startswith("electricity interconnection project")


def test_per_cent_complete_on_a_redevelopment() -> None:
    text = "They agreed on support for the Lae Maritime Academy redevelopment, which is 25 per cent complete."
    names = [p["name"] for p in _kinds(text, "project")]
    assert names == ["Lae Maritime Academy redevelopment"]


def test_the_same_works_named_again_by_a_description_are_not_a_second_project() -> None:
    text = ("The presidents discussed the Kazungula Road Bridge over the Zambezi River. "
            "The 900-metre bridge is about 60 percent complete.")
    projects = _kinds(text, "project")
    assert len(projects) == 1 and "Kazungula" in projects[0]["name"]


def test_a_where_noun_is_not_the_project() -> None:
    text = ("They reviewed work at the new customs post at Malaba, on the Kenyan side, which officials said is "
            "30% complete.")
    assert not any("side" in p["name"] for p in _kinds(text, "project"))


def test_economic_and_trade_zone_is_one_name_but_two_countries_are_not() -> None:
    zone = _kinds("The Sino-Thai Rayong Economic and Trade Cooperation Zone, in operation since 2006, "
                  "hosts 200 firms.", "project")
    assert [p["name"] for p in zone] == ["Sino-Thai Rayong Economic and Trade Cooperation Zone"]
    pair = _kinds("Both sides praised China and Pakistan Economic Corridor projects.", "project")
    assert [p["name"] for p in pair] == ["Pakistan Economic Corridor"]
    bri = _kinds("Both sides praised Belt and Road cooperation.", "project")
    assert not any(p["name"] == "Belt and Road" for p in bri)


def test_a_road_number_is_not_a_rand_amount_but_rand_amounts_still_are() -> None:
    metrics = _kinds("The deal is worth R5 billion and links the R6 expressway to the N4 road.", "metric")
    values = sorted(m["value"] for m in metrics if m["unit"] == "ZAR")
    assert values == [5_000_000_000]


def test_raise_it_to_measures_what_the_amount_before_measured() -> None:
    metrics = _kinds("Trade between the two countries reached KSh 40 billion in 2022. The presidents agreed to "
                     "raise it to KSh 90 billion by 2026.", "metric")
    target = [m for m in metrics if m["metric_type"] == "target"]
    assert [(m["subject"], m["deadline"]) for m in target] == [("trade", "2026")]


def test_an_advance_of_n_percent_is_a_completion_figure() -> None:
    metrics = _kinds("The construction of the Binational Border Centre of Kasumbalesa registers an advance of "
                     "65 percent.", "metric")
    assert [m["metric_type"] for m in metrics] == ["observation"]
    assert "Kasumbalesa" in (metrics[0]["subject"] or "") or "Border Centre" in (metrics[0]["subject"] or "")


def test_a_shared_gas_field_named_before_its_head_is_a_project() -> None:
    projects = _kinds("The talks focused on the Rovuma Basin gas field, which the two countries share.", "project")
    assert [(p["name"], p["project_type"]) for p in projects] == [("Rovuma Basin gas field", "facility")]


def test_an_acronym_between_a_name_and_its_head_is_an_alias() -> None:
    projects = _kinds("The talks focused on the Greater Sunrise (GS) liquefied natural gas project, which "
                      "straddles their maritime border.", "project")
    assert [(p["name"], p["aliases"]) for p in projects] == [("Greater Sunrise liquefied natural gas project",
                                                              ["GS"])]


@pytest.mark.parametrize(("text", "instrument", "sectors"), [
    ("The two governments signed a memorandum on halal product certification.", "memorandum", ["other"]),
    ("The ministers adopted a plan of action for 2025-2030.", "program", ["diplomacy"]),
    ("The ministers signed an action plan for 2026-2028.", "program", ["diplomacy"]),
])
def test_instruments_signed_on_a_field_outside_the_vocabulary_are_kept(text: str, instrument: str,
                                                                       sectors: list[str]) -> None:
    agreements = _kinds(text, "agreement")
    assert [(a["instrument"], a["sectors"], a["status"]) for a in agreements] == [(instrument, sectors, "signed")]


def test_an_instrument_only_expected_later_in_the_sentence_is_not_taken_for_signed() -> None:
    text = ("The works run under a memorandum signed by the three states last year, and the concession agreement "
            "with the operator is expected to be concluded by June.")
    assert not any("concession" in (a["title"] or "") for a in _kinds(text, "agreement"))


def test_the_figure_compared_with_is_measured_last_year_and_measures_the_same_thing() -> None:
    text = ("Nairobi and Kampala agreed on Monday to lift two-way trade to $5 billion by 2028, up from $3.1 billion "
            "last year.")
    metrics = sorted(_kinds(text, "metric"), key=lambda m: m["value"])
    assert [(m["metric_type"], m["subject"], m["as_of"][:4]) for m in metrics][0] == ("observation", "two-way trade",
                                                                                      "2022")
    assert metrics[1]["metric_type"] == "target" and metrics[1]["deadline"] == "2028"


def test_the_year_after_a_figure_does_not_date_the_visit_told_with_it() -> None:
    text = ("Uganda and Kenya agreed on Monday to lift two-way trade to $5 billion by 2028, up from $3.1 billion "
            "last year, as President William Ruto hosted Ugandan President Yoweri Museveni.")
    visits = [e for e in _kinds(text, "event") if e["event_type"] == "visit"]
    assert [v["start"] for v in visits] == ["2023-06-12"]


def test_memoranda_listed_each_with_on_after_a_comma() -> None:
    text = ("They signed three memoranda of understanding, on fisheries, on tourism marketing and on cooperation "
            "in disaster management.")
    fields = sorted(a["field"] for a in _kinds(text, "agreement"))
    assert fields == ["disaster management", "fisheries", "tourism marketing"]


def test_an_exchange_of_notes_for_a_grant_and_fuel_and_leather_fields() -> None:
    grant = _kinds("The two governments signed an exchange of notes for a grant of 2.5 billion yen for the "
                   "rehabilitation of Beira port.", "agreement")
    assert [a["title"] for a in grant] == ["exchange of notes for a grant for the rehabilitation of Beira port"]
    both = _kinds("They signed an agreement on the supply of aviation fuel and a memorandum on cooperation in "
                  "leather and allied products.", "agreement")
    assert sorted(a["sectors"][0] for a in both) == ["energy", "industry"]

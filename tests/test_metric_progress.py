"""Metrics told the way real reports tell them: a project's completion percentage, people counted by
nationality, a fund's capital at its founding, a comparison's base year, a year before 'grew ... and
reached', a currency written with a country-prefixed dollar sign, houses counted."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


def metrics(text: str, published: str = "2024-09-12") -> list[dict]:
    return [f for f in extract_facts(text, published) if f["kind"] == "metric"]


def by_value(text: str, value: float, published: str = "2024-09-12") -> dict:
    found = [m for m in metrics(text, published) if m["value"] == value]
    assert len(found) == 1, metrics(text, published)
    return found[0]


def test_percent_complete_is_an_observed_completion():
    text = ("Chile and Argentina noted that construction of the new tunnel at Agua Negra is 45 percent complete "
            "and is expected to open in 2027.")
    m = by_value(text, 45)
    assert (m["unit"], m["metric_type"]) == ("percent", "observation")
    assert m["subject"].startswith("completion of the") and "tunnel" in m["subject"]


def test_completion_rate_of_a_road():
    text = ("The Kashgar-Osh highway, 600 kilometres long, has reached a completion rate of 52%, according to "
            "the Kyrgyz Ministry of Transport, and should be delivered in 2026.")
    m = by_value(text, 52)
    assert m["metric_type"] == "observation"
    assert m["subject"] == "completion of the Kashgar-Osh highway"


def test_completion_in_a_relative_clause():
    text = ("Peru and Bolivia reviewed the upgrading of the Desaguadero bridge, which is 30 per cent complete "
            "and will be finished in December.")
    m = by_value(text, 30)
    assert m["metric_type"] == "observation"
    assert "Desaguadero bridge" in m["subject"]


def test_a_percent_without_progress_or_relation_word_is_not_kept():
    assert metrics("Ghana and Togo held talks in Lome; turnout at the local election was 45 percent.") == []


def test_people_counted_by_nationality_who_visited():
    text = "Before the pandemic, about 130,000 South Koreans visited Vietnam every year."
    m = by_value(text, 130000)
    assert (m["unit"], m["subject"], m["period"]) == ("people", "South Korea visitors", "annual")


def test_a_nationality_without_a_movement_verb_is_no_count():
    assert [m for m in metrics("In 2023, 5,000 Egyptians and Sudanese met in Aswan to discuss water.")
            if m["unit"] == "people"] == []


def test_capital_at_founding_is_observed_in_the_founding_year():
    text = ("Mongolia and Japan said the joint fund, set up last year with authorized capital of 40 million "
            "US dollars, has financed nine projects.")
    m = by_value(text, 40_000_000)
    assert (m["metric_type"], m["as_of"]) == ("observation", "2023")


def test_base_year_of_a_comparison_is_not_the_period_measured():
    text = "Trade between Kenya and Tanzania reached $1.9 billion in 2023, an increase of 9 percent over 2022."
    m = by_value(text, 9)
    assert m["as_of"] == "2023"


def test_year_before_grew_and_reached_dates_the_figure():
    text = ("According to the minister, trade turnover between Serbia and Hungary in 2023 grew by 7 percent and "
            "reached 6.1 billion euros.")
    m = by_value(text, 6_100_000_000)
    assert (m["unit"], m["as_of"], m["period"]) == ("EUR", "2023", "annual")


def test_namibian_dollar_sign():
    m = by_value("Trade between Namibia and Botswana stood at N$2.7 billion in 2023.", 2_700_000_000)
    assert (m["unit"], m["as_of"]) == ("NAD", "2023")


def test_houses_are_counted():
    text = ("China and Cambodia reviewed the housing programme, under which more than 12,000 houses have been "
            "completed in Siem Reap.")
    m = by_value(text, 12000)
    assert (m["unit"], m["metric_type"]) == ("count", "observation")


def test_an_increase_in_apposition_is_not_the_subject():
    text = "Non-oil trade between Qatar and Oman reached QAR 4.2 billion in 2023, an increase of 7 percent over 2022."
    money = by_value(text, 4_200_000_000)
    assert (money["subject"], money["period"]) == ("non-oil trade", "annual")
    assert by_value(text, 7)["subject"] == "non-oil trade"

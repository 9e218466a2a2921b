"""A figure whose own sentence tells a day of the last two weeks is of that day ("under an arrangement signed on
Tuesday", "the minister said on Monday", "landed yesterday carrying 8 tonnes"); the dateline's day, a bound
("since Monday") or a day nearer another figure is not its day. Sentences written for these tests."""

from __future__ import annotations

from support import mentions

DCT = "2024-03-07"  # a Thursday


def _as_of(text: str, value: float) -> str | None:
    found = [m for m in mentions(text, "metric", DCT) if m["value"] == value]
    assert found, mentions(text, "metric", DCT)
    return found[0]["as_of"]


def test_money_given_under_an_arrangement_signed_on_a_weekday_is_of_that_day():
    text = ("SUVA - Australia will give Fiji A$20 million in direct budget support over the next two years under an "
            "arrangement signed in Suva on Tuesday.")
    assert _as_of(text, 20_000_000) == "2024-03-05"


def test_a_target_a_minister_gave_on_a_weekday_is_of_that_day():
    text = ("Uzbekistan and Turkey aim to lift bilateral trade to $5 billion by 2027, Trade Minister Laziz Kudratov "
            "said on Monday after talks in Ankara.")
    assert _as_of(text, 5_000_000_000) == "2024-03-04"


def test_relief_flown_in_yesterday_is_of_yesterday():
    text = ("A Chilean Air Force aircraft landed in Lima yesterday carrying 8 tonnes of relief supplies for the "
            "flooded north of Peru.")
    assert _as_of(text, 8) == "2024-03-06"


def test_the_datelines_day_is_not_the_figures_day():
    text = ("LIMA, March 7, 2024 - Peru and Chile signed 12 cooperation documents on Tuesday during the visit of "
            "President Gabriel Boric.")
    assert _as_of(text, 12) == "2024-03-05"


def test_a_day_that_bounds_a_period_is_not_the_figures_day():
    text = ("About 300 Peruvian citizens have left the country since Monday, the foreign ministry in Lima said in a "
            "statement.")
    assert _as_of(text, 300) != "2024-03-04"

"""What a figure is as of: the month a part-year ends ("the first quarter of 2024" -> March, "the first five months
of this year" -> May), the end of a span ("between 2010 and 2022", "from April 2000 to September 2023"); and a
five-month total is no annual flow. Sentences written for these tests."""

from __future__ import annotations

from support import mentions

DCT = "2024-06-15"


def _metrics(text: str) -> dict[float, dict]:
    return {m["value"]: m for m in mentions(text, "metric", DCT)}


def test_a_quarter_is_as_of_its_last_month():
    text = ("Peruvian exports to Korea reached US$ 1.2 billion in 2023. In the first quarter of 2024 they totalled "
            "US$ 310 million.")
    assert _metrics(text)[310_000_000]["as_of"] == "2024-03", _metrics(text)


def test_the_first_months_of_this_year_are_as_of_the_last_of_them_and_not_annual():
    text = ("In the first five months of this year, two-way trade between Peru and Korea totalled 2.1 billion USD, "
            "up 4 percent year-on-year.")
    m = _metrics(text)[2_100_000_000]
    assert (m["as_of"], m["period"]) == ("2024-05", None), m


def test_a_span_of_years_is_as_of_its_end():
    between = "Korean investment in Peru accumulated about US$ 480 million between 2010 and 2022, the agency said."
    assert _metrics(between)[480_000_000]["as_of"] == "2022", _metrics(between)
    from_to = ("Cumulative investment from Korea into Peru amounted to USD 1.9 billion from April 2000 to September "
               "2023.")
    assert _metrics(from_to)[1_900_000_000]["as_of"] == "2023-09", _metrics(from_to)

"""Head counts newsrooms give on people-to-people ties: "Around 12,000 Vietnamese students" (a word of measure
before the number, a demonym after it: no model designation), tourist arrivals, visas and work permits issued, and
the month of the figure's own clause further on ("were enrolled in Australian institutions in September"); as far
off after a comma, a date belongs to another verb. Sentences written for these tests."""

from __future__ import annotations

from support import mentions

HEAD = "Britain and Vietnam deepen education ties\n\n"


def _metrics(text: str, dct: str = "2024-11-13") -> list[tuple]:
    return [(m["value"], m["unit"], m.get("as_of")) for m in mentions(HEAD + text, "metric", dct)]


def test_a_count_after_a_word_of_measure_and_before_a_demonym():
    assert (12000, "people", "2024-11-13") in _metrics(
        "Around 12,000 Vietnamese students are studying in Britain this academic year.")


def test_tourist_arrivals_visas_and_work_permits_are_counted():
    assert (230000, "people", "2023") in _metrics(
        "Britain recorded some 230,000 Vietnamese tourist arrivals last year.")
    assert (20000, "count", "2023") in _metrics("More than 20,000 student visas were issued to Vietnamese last year.")
    assert (5200, "count", "2023") in _metrics("Britain issued about 5,200 new work permits to Vietnamese last year.")


def test_the_month_further_on_in_the_figures_own_clause_dates_it():
    assert (62000, "people", "2024-09") in _metrics(
        "About 62,000 Vietnamese students were enrolled in British institutions in September.")


def test_a_date_after_a_comma_belongs_to_another_verb():
    found = _metrics("The Hanoi metro line, which was to have been financed with a British loan of about 1.5 billion "
                     "US dollars, was cancelled by the government of the then prime minister in September 2020.")
    assert [f for f in found if f[0] == 1_500_000_000 and f[2] == "2020-09"] == [], found

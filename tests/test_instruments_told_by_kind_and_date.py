"""Instruments told only by their kind and the date they were signed, in a story about something else ("the
plant is being built under an intergovernmental agreement signed in 2010"), are filed under what their sentence
is about; a loan "of" a lender is finance whatever it funds. Sentences written for these tests."""

from __future__ import annotations

from support import mentions


def _agreements(text: str, dct: str) -> list[dict]:
    return mentions(text, "agreement", dct)


def test_an_intergovernmental_agreement_signed_in_a_year_under_which_a_plant_is_built():
    text = ("MINSK, 3 November 2021 - Astravets is the first nuclear power plant in Belarus.\n\nThe plant was built "
            "under an intergovernmental agreement signed by the two countries in 2011.")
    found = _agreements(text, "2021-11-03")
    assert [(a["signed"], a["sectors"]) for a in found] == [("2011", ["energy"])], found


def test_signed_a_separate_agreement_in_a_year_takes_the_field_of_its_sentence():
    text = ("The company will now focus on carbon capture and storage, an area where the two countries signed a "
            "separate cooperation agreement in 2022.")
    found = _agreements(text, "2024-05-02")
    assert [(a["signed"], "environment" in a["sectors"]) for a in found] == [("2022", True)], found


def test_a_bare_instrument_with_no_field_around_it_is_not_kept():
    text = "The two leaders recalled a joint communique and an agreement signed in 2016 in the capital."
    assert not [a for a in _agreements(text, "2024-05-02") if a["signed"] == "2016" and a.get("title") is None]


def test_a_joint_declaration_about_a_power_line_is_an_energy_text():
    text = ("The minister noted that the interconnector had been supported by both governments since a joint "
            "declaration signed in 2019.")
    found = _agreements(text, "2024-04-18")
    assert [(a["instrument"], a["sectors"]) for a in found] == [("declaration", ["energy"])], found


def test_a_loan_of_a_development_agency_is_finance_whatever_it_funds():
    text = ("TASHKENT, 2 November 2023 - The sides also signed an agreement on a loan of the French Development "
            "Agency for the modernisation of water supply in Samarkand.")
    found = _agreements(text, "2023-11-02")
    assert found and all("finance" in a["sectors"] for a in found), found

"""Agreements as long reports list and recall them: every item of a list a colon opens after the signing verb,
"sealed" as a signing verb, immigration as a field, "signed in 2006, still in force", and the day of a signing
the story dates ("In talks on Friday ... then signed"). Sentences written for these tests."""

from __future__ import annotations

from support import mentions

DCT = "2021-10-21"


def agreements(text: str, dct: str = DCT) -> list[dict]:
    return mentions(text, "agreement", dct)


def test_every_item_of_a_long_list_after_a_colon():
    ags = agreements("LOME, Oct 20 - The two presidents then attended the signing of five agreements: a military "
                     "cooperation framework agreement, an investment promotion and protection agreement, an energy "
                     "memorandum of understanding, a tourism cooperation agreement and a memorandum on culture.")
    assert sorted(s for a in ags for s in a["sectors"]) == ["culture", "energy", "investment", "security",
                                                             "tourism"], ags


def test_an_instrument_sealed_is_signed():
    (a,) = agreements("MADRID, Oct 21 - Spain and Senegal sealed a circular migration memorandum of understanding in "
                      "Dakar yesterday.")
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == ("memorandum", ["other"], "signed",
                                                                         "2021-10-20"), a


def test_an_agreement_signed_years_ago_and_still_in_force():
    ags = agreements("The new text complements the framework agreement on cooperation in immigration matters signed "
                     "by the two countries in 2006, still in force.")
    assert [(a["status"], a["signed"]) for a in ags] == [("in_force", "2006")], ags


def test_a_signing_dated_by_the_story_dates_its_instruments():
    text = ("ADDIS ABABA, Oct 21 - Kenya's president arrived in Addis Ababa on Tuesday for a three-day visit.\n\n"
            "In talks with Prime Minister Abiy Ahmed on Wednesday, President William Ruto offered cooperation in "
            "agriculture. The two foreign ministers then signed an agricultural cooperation memorandum of "
            "understanding.")
    ags = agreements(text)
    assert [a["signed"] for a in ags] == ["2021-10-20"], ags


def test_an_instrument_establishing_a_mechanism_is_about_it():
    ags = agreements("The ministers then signed three agreements: a memorandum of understanding establishing a "
                     "mechanism of political consultations for the two foreign ministries, an agreement on culture and "
                     "a memorandum on sport.")
    assert any(a["instrument"] == "memorandum" and a["sectors"] == ["diplomacy"] for a in ags), ags


def test_a_protocol_on_fish_for_export_is_agriculture_and_trade():
    (a,) = agreements("They signed a protocol on health requirements for Norwegian salmon exported to China.")
    assert {"agriculture", "trade"} <= set(a["sectors"]), a


def test_the_following_joint_statement_issued_today():
    ags = agreements("OTTAWA, May 24, 2023 - Canada and the Kingdom of Saudi Arabia issued the following joint "
                     "statement today:", "2023-05-24")
    assert [(a["instrument"], a["signed"]) for a in ags] == [("joint_statement", "2023-05-24")], ags

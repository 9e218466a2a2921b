"""Dates told across time: "on Monday, exactly one year after they signed the agreement" is a signing a year
before that Monday; "voters approved the X Agreement" on Sunday, then "signed the agreement in Jakarta on 16
December 2018" later on, is a text signed in 2018. Sentences written for these tests."""

from __future__ import annotations

from support import mentions


def test_exactly_one_year_after_they_signed_dates_the_signing_a_year_back():
    text = ("WARSAW - Prime Minister Donald Tusk was in Kyiv on Monday for the anniversary, exactly one year after he "
            "and President Volodymyr Zelensky signed the Agreement on Security Cooperation between Poland and Ukraine "
            "in the same city.")
    found = mentions(text, "agreement", "2025-07-09")
    assert [a["signed"] for a in found] == ["2024-07-07"], found


def test_a_signing_told_later_dates_a_text_first_told_by_its_approval():
    text = ("OSLO - On Sunday, a majority of voters approved the Comprehensive Economic Partnership Agreement between "
            "the EFTA States and Malaysia.\n\nThe timeline tells how long the road was. Minister Jan Christian Vestre "
            "signed the agreement in Kuala Lumpur on 3 November 2022 with the trade minister of Malaysia.")
    found = mentions(text, "agreement", "2024-03-11")
    assert [a["signed"] for a in found if "EFTA" in (a.get("title") or "")] == ["2022-11-03"], found

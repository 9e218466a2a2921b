"""An instrument told by what it does ("signed a memorandum of understanding that will allow the coast guard and the
navy to coordinate patrols", "... in London on Wednesday to share inspection data") is filed under the sectors its
purpose names; coast guards, navies and patrols are security; an instrument whose purpose names no sector is left to
the other rules. Sentences written for these tests."""

from __future__ import annotations

from support import mentions

DCT = "2023-05-18"  # a Thursday


def _agreements(sentence: str) -> list[dict]:
    return mentions(f"Title\n\nBELMOPAN, 18 May 2023 - {sentence}\n", "agreement", DCT)


def test_a_memorandum_that_will_let_two_forces_coordinate_patrols_is_on_security():
    found = _agreements("Belize and Honduras on Tuesday signed a memorandum of understanding that will allow the "
                        "Belize Coast Guard and the Honduran Navy to coordinate patrols.")
    assert any(a["instrument"] == "memorandum" and "security" in a["sectors"] and a["signed"] == "2023-05-16"
               for a in found), found


def test_a_memorandum_signed_in_a_city_on_a_weekday_to_share_data_is_read():
    found = _agreements("Belize and Honduras signed a memorandum of understanding in London on Wednesday to share "
                        "inspection data and improve port state control.")
    assert any(a["instrument"] == "memorandum" and "transport" in a["sectors"] and a["signed"] == "2023-05-17"
               for a in found), found


def test_a_memorandum_whose_purpose_names_no_field_is_not_invented():
    found = _agreements("Belize and Honduras signed a memorandum of understanding on Tuesday to work together "
                        "more closely.")
    assert not found, found


def test_two_ministers_who_signed_a_letter_of_intent_held_a_signing():
    text = ("Title\n\nFREETOWN, 23 November 2023 - Irish Minister of State Sean Fleming met Sierra Leone's Minister "
            "of Health Austin Demby yesterday.\n\nThe two Ministers signed a Letter of Intent on Maternal and Newborn "
            "Health.")
    signings = [e for e in mentions(text, "event", "2023-11-23") if e["event_type"] == "signing"]
    assert signings and signings[0]["start"].startswith("2023-11"), signings

"""Instruments told as the subject of a passive signing: "A grant agreement of $15 million for a vocational training
centre in X was signed on Tuesday" (an amount between the instrument and its object), the second item of a list
whose verb follows ("A memorandum on A and a grant agreement for B were also signed"); not "An agreement to this
effect was signed" (told before) nor a list cut short at a comma. Sentences written for these tests."""

from __future__ import annotations

from support import mentions

HEAD = "Korea and Senegal sign loan framework\n\nDAKAR, June 3 (Yonhap) -- Yoon and Faye held talks on Monday.\n\n"


def _titles(text: str) -> list[tuple]:
    return [(a.get("title"), a.get("sectors")) for a in mentions(HEAD + text, "agreement", "2024-06-04")]


def test_an_instrument_with_an_amount_told_as_the_subject_of_a_passive_signing():
    assert ("grant agreement for a vocational training centre", ["education"]) in _titles(
        "A grant agreement of $15 million for a vocational training centre in Thies was signed on Tuesday.")


def test_the_second_item_of_a_list_whose_signing_verb_follows():
    found = _titles("A memorandum of understanding on cooperation in fisheries and a grant agreement of $15 million "
                    "for a vocational training centre in Thies were also signed at the ceremony.")
    assert ("grant agreement for a vocational training centre", ["education"]) in found, found


def test_an_agreement_to_this_effect_is_told_before():
    assert [t for t in _titles("An agreement to this effect was signed at the Ministry of Finance on Tuesday.")
            if t[0] and "effect" in t[0]] == []


def test_a_list_cut_short_at_a_comma_makes_no_title():
    found = _titles("A memorandum of understanding on developing micro, small and medium enterprises was signed as "
                    "well, the minister added.")
    assert not [t for t in found if t[0] and t[0].endswith("micro")], found

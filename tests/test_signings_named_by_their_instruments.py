"""A signing told with the instrument it signed is named after it ("signing of the memorandum of understanding on
trade and investment promotion"), not a bare "signing ceremony". Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions


def test_a_signing_takes_the_name_of_what_it_signed():
    text = ("LIMA, 9 October 2023 - The Swiss agency Switzerland Global Enterprise and PromPeru signed a memorandum of "
            "understanding on trade and investment promotion on Monday.")
    signings = event_mentions(text, "signing", "2023-10-10")
    assert [s["title"] for s in signings] == [
        "signing of the memorandum of understanding on trade and investment promotion"], signings


def test_a_signing_of_several_instruments_names_the_first_and_counts_the_rest():
    text = ("NAIROBI, 3 May 2024 - Kenya and Finland on Friday signed an Agreement on Economic Cooperation, a "
            "memorandum on forestry and a memorandum on education at State House.")
    titles = [s["title"] for s in event_mentions(text, "signing", "2024-05-03")]
    assert titles == ["signing of the Agreement on Economic Cooperation and 2 other documents"], titles

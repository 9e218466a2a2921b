"""Instruments of grant aid and loans, named after the project they pay for ("an Exchange of Notes concerning
grant aid of up to 2.3 billion yen for the Project for the Construction of X"): the sum is not part of the
instrument's name, and the project's name runs on over the phrases that say what it is. Sentences written for
these tests."""

from __future__ import annotations

from support import mentions

DCT = "2024-06-12"


def test_a_sum_inside_a_described_title_is_left_out_of_it():
    ags = mentions("The two ministers signed an Exchange of Notes concerning grant aid of up to 2.3 billion yen for "
                   "the Project for the Construction of Bridges on the Northern Highway in Laos.", "agreement", DCT)
    assert [a["title"] for a in ags] == ["Exchange of Notes concerning grant aid for the Project for the Construction "
                                         "of Bridges on the Northern Highway"], ags


def test_a_loan_worth_a_sum_keeps_what_it_is_for():
    ags = mentions("Vientiane and Seoul signed an Exchange of Notes concerning a loan worth $40 million for the "
                   "upgrading of the water supply in Pakse.", "agreement", DCT)
    assert [a["title"] for a in ags] == ["Exchange of Notes concerning a loan for the upgrading of the water supply "
                                         "in Pakse"], ags


def test_a_project_named_from_its_head_runs_over_its_phrases():
    projects = mentions("Japan will finance the Project for the Rehabilitation of Irrigation Canals at Savannakhet, "
                        "the embassy said, and work will start next year.", "project", DCT)
    assert [p["name"] for p in projects] == ["Project for the Rehabilitation of Irrigation Canals at Savannakhet"]


def test_a_line_of_credit_is_no_named_project():
    projects = mentions("India announced a new Line of Credit of US$ 300 million for railways in Laos.",
                        "project", DCT)
    assert not [p for p in projects if p["name"].startswith("Line of Credit")], projects


def test_a_project_head_written_in_capitals_is_read_whatever_its_case():
    # the heads are matched case-insensitively; a head whose own form has capitals once stopped the article
    projects = mentions("The Congo LNG project began exporting gas in December, the ministry said.", "project", DCT)
    assert all(p["name"] for p in projects)


def test_a_programme_named_with_its_acronym_before_the_kind():
    projects = mentions("The dike is part of the Greater Dhaka Flood Protection (GDFP) programme, launched in 2016 "
                        "with Dutch support.", "project", DCT)
    assert [(p["name"], p["aliases"], p["project_type"]) for p in projects] == [
        ("Greater Dhaka Flood Protection", ["GDFP"], "program")], projects

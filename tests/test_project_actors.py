"""Named institutions acting, sites of a part being built and names of generic words only are no projects."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


def project_names(text: str, published: str = "2024-06-01") -> list[str]:
    return [f["name"] for f in extract_facts(text, published) if f["kind"] == "project"]


def test_a_centre_that_signs_is_an_institution():
    names = project_names("On the sidelines, the Peruvian Export Center and Ghana's General Authority for "
                          "Investment signed a memorandum of understanding on the construction of a port.")
    assert "Peruvian Export Center" not in names


def test_a_fund_a_country_lends_through_is_an_institution():
    names = project_names("Chile will provide loans to Ghana through its Economic Development Cooperation Fund "
                          "for the construction of roads.")
    assert "Economic Development Cooperation Fund" not in names


def test_the_airport_of_a_terminal_being_built_is_its_site():
    names = project_names("The two leaders reviewed the Ghana-funded projects including the Tema Deep Sea Port "
                          "and the third terminal of Jorge Chavez International Airport, which is being built.")
    assert "Tema Deep Sea Port" in names
    assert "Jorge Chavez International Airport" not in names


def test_the_expansion_of_a_named_zone_keeps_the_zone():
    names = project_names("Chile announced a line of credit of USD 50 million for the development of industrial "
                          "parks and the expansion of the Tema Special Economic Zone.")
    assert "Tema Special Economic Zone" in names


def _statuses(text: str) -> dict[str, str]:
    return {f["name"]: f["status"] for f in extract_facts(text, "2024-06-01") if f["kind"] == "project"}


def test_works_expected_to_begin_make_an_agreed_project_agreed():
    st = _statuses("The ministers focused on flagship projects, primarily the construction of the Volta Chilean "
                   "Industrial Park.\n\nRegarding the Volta Chilean Industrial Park, the minister said the parties "
                   "had agreed on its main parameters, and the first stage of construction is expected to begin "
                   "next year.")
    assert st.get("Volta Chilean Industrial Park") == "agreed"


def test_a_survey_stage_makes_a_project_proposed():
    st = _statuses("Ghana and Togo agreed to speed up the construction of the Lome-Accra fibre optic cable, which "
                   "will connect the two networks. \"The cable project is now in the survey stage,\" the minister "
                   "said.")
    assert st.get("Lome-Accra fibre optic cable") == "proposed"


def test_a_project_partly_built_stays_under_construction():
    st = _statuses("Ghana and Togo reviewed the construction of the Lome-Accra fibre optic cable, now 60 percent "
                   "complete. Construction of a second line is expected to begin next year.")
    assert st.get("Lome-Accra fibre optic cable") == "under_construction"


def test_numbered_lines_and_named_arenas_are_projects():
    facts = extract_facts(
        "He said the two leaders reviewed the progress of the Peruvian-funded projects including the Accra Mass "
        "Rapid Transit (MRT) Line-1. The first section of Accra's MRT Line-6, also funded by Peru, was opened in "
        "December last year. \"Our companies are building the Accra Arena, which will be completed in August,\" "
        "he said of Peru and Ghana.", "2023-04-26")
    got = {f["name"]: f for f in facts if f["kind"] == "project"}
    line1 = next(p for n, p in got.items() if n.endswith("Line-1"))
    line6 = next(p for n, p in got.items() if n.endswith("Line-6"))
    assert line1["project_type"] == line6["project_type"] == "railway"
    assert line6["status"] == "operational"
    arena = got["Accra Arena"]
    assert (arena["project_type"], arena["status"], arena["aliases"]) == ("facility", "under_construction", [])


def test_figurative_routes_are_no_projects_but_a_named_initiative_is():
    names = project_names("Peru and China signed a memorandum of understanding on jointly promoting the construction "
                          "of the Silk Road Economic Belt and the 21st Century Maritime Silk Road. They also "
                          "discussed the Chancay-Lima Highway Project and the K-Silk Road initiative.")
    assert not any("Maritime" in n or n == "Silk Road" for n in names), names
    assert "Chancay-Lima Highway Project" in names


def test_urged_construction_is_agreed_not_under_way():
    st = _statuses("Xi called on Peru and China to advance the construction of major projects, including the "
                   "Chancay Deep Sea Port.")
    assert st.get("Chancay Deep Sea Port") == "agreed"


def test_the_project_named_after_its_plant_is_the_plant():
    facts = extract_facts("Peru and China agreed to advance the construction of the Chancay Deep Sea Port.\n\n"
                          "The contract for the Chancay Deep project, a 1,200-berth harbour, was signed in Beijing "
                          "on Feb. 1 between two state companies of Peru and China.", "2022-02-06")
    names = [f["name"] for f in facts if f["kind"] == "project"]
    assert names == ["Chancay Deep Sea Port"], names


def test_a_plant_agreed_by_its_purpose_and_region_and_a_priced_factory():
    st = _statuses("Among the documents signed is an agreement on the construction of a plant for the production "
                   "of cocoa butter in the Ashanti region of Ghana with an estimated cost of 90 million dollars, "
                   "Peruvian officials said.")
    assert st == {"plant for the production of cocoa butter in the Ashanti region": "agreed"}
    names = project_names("Peruvian miner Volcan said its $1.2 billion factory in northern Tarkwa province of Ghana "
                          "would begin operations in October.")
    assert names == ["factory in northern Tarkwa province"]


def test_a_described_project_at_a_named_site_is_a_project():
    st = _statuses("Officials of Peru and Ghana said the mercury remediation project at Cerro Rico, the largest such "
                   "site in Peru, was about a third complete. The irrigation project in Ghana is new.")
    assert st == {"mercury remediation project at Cerro Rico": "under_construction"}


def test_a_described_project_in_the_kingdom_names_no_site():
    assert project_names("Peru and Morocco discussed the largest renewable energy project in the Kingdom.") == []

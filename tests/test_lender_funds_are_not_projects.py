"""One state's development fund lending or giving ("a loan from the Saudi Fund for Development") is an
institution, not an undertaking; a fund of the pair ("the Azerbaijan-Kyrgyzstan Development Fund", "a Joint
Cooperation Fund") or one being set up is. Sentences written for these tests."""

from __future__ import annotations

from support import mentions


def _names(text: str) -> list[str]:
    return [p["name"] for p in mentions(text, "project", "2024-03-01")]


def test_a_states_development_fund_that_lends_is_no_project():
    names = _names("BISHKEK - The Abu Dhabi Fund for Development signed a loan of 30 million dollars for the water "
                   "supply project.")
    assert not any("Fund" in n for n in names), names
    names = _names("KAMPALA - The road is financed by the Economic Development Cooperation Fund of Korea.")
    assert not any("Fund" in n for n in names), names


def test_a_fund_of_the_pair_is_a_project():
    names = _names("ASTANA - The Kazakhstan-Uzbekistan Development Fund, set up in 2023, has approved ten projects.")
    assert any("Kazakhstan-Uzbekistan Development Fund" in n for n in names), names

"""Facilities one country keeps or funds in another: "France has kept a permanent military base in Abu Dhabi",
"Australia will fund a new maritime surveillance centre in Koror", "the UK Joint Logistics Support Base at Duqm",
"India financed a solar power plant on Romainville Island". Sentences written for these tests."""

from __future__ import annotations

from support import mentions


def _names(text: str, dct: str = "2024-03-01") -> list[str]:
    return [p["name"] for p in mentions(text, "project", dct)]


def test_a_base_a_country_keeps_in_another_is_a_project():
    names = _names("DOHA - Turkey has kept a permanent military base in Doha since 2015.")
    assert any("military base in Doha" in n for n in names), names


def test_a_surveillance_centre_a_country_funds_is_a_project():
    names = _names("SUVA - New Zealand will fund a new maritime surveillance centre in Lautoka.")
    assert any("surveillance centre in Lautoka" in n for n in names), names


def test_a_named_base_is_a_project():
    names = _names("MUSCAT - The deal expands the UK Joint Logistics Support Base at Duqm, opened last year.")
    assert "UK Joint Logistics Support Base" in names, names


def test_a_plant_financed_on_an_island_is_a_project():
    names = _names("VICTORIA - India financed a one-megawatt solar power plant on Praslin Island.")
    assert any("solar power plant on Praslin Island" in n for n in names), names

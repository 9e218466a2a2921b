"""A quote's speaker is linked to a person record by name: a full name that no record carries is not handed to
another person who only shares its surname key, and the okina of Polynesian names ("Mataʻafa") folds like an
apostrophe, so every spelling of one surname meets under one key."""

from __future__ import annotations

from dyad.resolve.blocks import person_key
from dyad.resolve.links import canonical_person


def test_the_okina_folds_like_an_apostrophe():
    assert person_key("Fiamē Naomi Mataʻafa") == person_key("Fiame Naomi Mata'afa") == person_key("Mata’afa")


def test_a_full_name_is_not_given_to_another_person_sharing_the_key():
    people = {person_key("Ali Al Afa"): [{"name": "Eng. Ali Al Afa", "aliases": ["Eng. Ali Al Afa"]}]}
    assert canonical_person(people, "Sione Naomi Afa") == "Sione Naomi Afa"


def test_a_surname_or_a_name_of_the_same_initial_still_finds_its_person():
    people = {person_key("Recep Tayyip Erdoğan"): [{"name": "Recep Tayyip Erdoğan",
                                                     "aliases": ["Recep Tayyip Erdoğan", "Erdoğan"]}]}
    assert canonical_person(people, "Erdogan") == "Recep Tayyip Erdoğan"
    assert canonical_person(people, "R. T. Erdogan") == "Recep Tayyip Erdoğan"

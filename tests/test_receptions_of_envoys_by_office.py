"""Receptions told by office rather than by name: a resident envoy ("received the Japanese envoy",
"received the ambassador and company executives"), a host told by title ("the Prime Minister received"),
a host named by the first word of a surname of two ("Mr. Mwenze" after "Olivier Mwenze Mukaleng"); and a
minister's site visit at home, which is no visit between states (issue 13). Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-03-08"  # a Friday


def events(text: str, kind: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == kind]


def test_envoy_told_by_nationality_is_the_ambassador_named_before():
    text = ("ACCRA, 8 March 2024 - The Minister of Roads, Francis Asenso-Boakye, and the Ambassador of Japan to "
            "Ghana, Mochizuki Hisanobu, attended the ceremony at the Kasoa interchange on Thursday.\n\n"
            "Later in the day, President Nana Akufo-Addo received the Japanese envoy at Jubilee House.")
    meets = events(text, "meeting")
    assert len(meets) == 1, meets
    assert set(meets[0]["participants"]) == {"Nana Akufo-Addo", "Mochizuki Hisanobu"}
    assert set(meets[0]["countries"]) == {"GHA", "JPN"}


def test_host_told_by_title_receives_the_ambassador():
    text = ("The Prime Minister of Mozambique, Adriano Maleiane, chaired the ceremony, attended by the "
            "Ambassador of China, Wang Hejun.\n\nBefore the ceremony, the Prime Minister received the Chinese "
            "ambassador at his office, where they discussed the new fishing port.")
    meets = events(text, "meeting")
    assert len(meets) == 1, meets
    assert set(meets[0]["participants"]) == {"Adriano Maleiane", "Wang Hejun"}


def test_host_named_by_the_first_word_of_a_two_word_surname():
    text = ("The Minister of Mines of Zambia, Paul Chanda Kabuswe, opened the mining week in Kitwe on Monday.\n\n"
            "On Wednesday, back in Lusaka, Mr. Chanda received the Ambassador of India, Rajesh Kumar, to discuss "
            "the copper smelter loan.")
    meets = events(text, "meeting")
    assert len(meets) == 1, meets
    assert set(meets[0]["participants"]) == {"Paul Chanda Kabuswe", "Rajesh Kumar"}
    assert meets[0]["start"] == "2024-03-06"


def test_a_ministers_site_visit_at_home_is_no_visit_of_the_contractors_country():
    text = ("Minister sets new deadline for the Batoka dam after site visit\n\n"
            "The Minister of Energy of Zimbabwe, Edgar Moyo, has given the Chinese contractor building the dam "
            "until June 2026 to finish the spillway, after a visit to the site in Binga district last week.")
    assert events(text, "visit") == []


def test_host_of_a_ministry_release_takes_the_country_of_its_dateline():
    text = ("Press Release\nMinistry of Higher Education\n\nHanoi, 8 March 2024 - Minister of Education and Training "
            "Hoang Minh Tuan received the Minister of Higher Education of the Republic of Chile, Aisen Etcheverry, "
            "at the ministry's office in Hanoi on Thursday.")
    meets = events(text, "meeting")
    assert len(meets) == 1, meets
    assert set(meets[0]["countries"]) == {"VNM", "CHL"}
    assert set(meets[0]["participants"]) == {"Hoang Minh Tuan", "Aisen Etcheverry"}
    assert meets[0]["start"] == "2024-03-07"

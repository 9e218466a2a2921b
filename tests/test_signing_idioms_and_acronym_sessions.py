"""A signing idiom newsrooms use ("put pen to a memorandum": a signed instrument) and a numbered session of a body
told by its acronym with a capitalised ordinal ("The Second Meeting of the JCBC will be held in X in 2026").
Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions

HEAD = ("China and Namibia\n\nWINDHOEK, Jan 7 - Chinese Foreign Minister Wang Yi held talks with Namibian Foreign "
        "Minister Peya Mushelenga on Monday.\n\n")


def test_put_pen_to_a_memorandum_is_a_signing():
    text = HEAD + "The ministers also put pen to a memorandum of understanding on higher education."
    signings = event_mentions(text, "signing", "2025-01-07")
    assert [s["start"] for s in signings if "higher education" in s["title"]] == ["2025-01-06"], signings
    (a,) = [a for a in mentions(text, "agreement", "2025-01-07") if a.get("field") == "higher education"]
    assert (a["status"], a["signed"]) == ("signed", "2025-01-06"), a


def test_a_numbered_meeting_of_a_body_told_by_its_acronym():
    text = ("Philippines and PNG\n\nMANILA, March 13 - The Philippines-Papua New Guinea Joint Commission on Bilateral "
            "Cooperation (JCBC) met in Pasay on Wednesday. The Second Meeting of the JCBC will be held in Port Moresby "
            "in 2026.")
    found = event_mentions(text, "council_session", "2025-03-13")
    assert ("planned", "2026", "Port Moresby") in {(s["status"], s["start"], s["location"]) for s in found}, found

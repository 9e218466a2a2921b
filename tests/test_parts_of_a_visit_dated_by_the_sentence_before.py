"""Undated parts of a visit take the day the sentence before has just told: "On Monday X was received by Y,
then held talks with Z. The two leaders adopted a declaration and witnessed the signing of N documents.
Only a few were described: an agreement on A ..." are all Monday, not the day of the lead's news (the
departure on Tuesday) (issue 13). Text written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

TEXT = ("Tokayev in Rome: eleven documents and a declaration\n\nThe Tiber Weekly | Analysis | 19 January 2024\n\n"
        "By Paolo Ricci\n\nWhen Kassym-Jomart Tokayev left Rome on Tuesday, his aides were quick to count the "
        "documents of the "
        "trip. The Kazakh President's official visit to Italy, the first at that level since 2018, was short on "
        "ceremony.\n\n"
        "On Monday Tokayev was received by President Sergio Mattarella at the Quirinal, then held talks with "
        "Prime Minister Giorgia Meloni at Palazzo Chigi. The two leaders adopted a joint declaration on an "
        "enhanced partnership and witnessed the signing of eleven documents. Only a few were described in "
        "detail: an agreement on the avoidance of double taxation and a memorandum on vocational training.")
DCT = "2024-01-19"  # a Friday weekly


def test_the_signing_is_on_the_day_of_the_talks_told_just_before():
    signings = [f for f in extract_facts(TEXT, DCT) if f["kind"] == "event" and f["event_type"] == "signing"]
    assert signings and {s["start"] for s in signings} == {"2024-01-15"}, signings


def test_instruments_listed_after_the_ceremony_are_signed_that_day():
    agreements = [f for f in extract_facts(TEXT, DCT) if f["kind"] == "agreement"]
    fields = {(a.get("title") or a.get("field")): a["signed"] for a in agreements}
    assert fields.get("agreement on the avoidance of double taxation") == "2024-01-15", fields
    assert fields.get("vocational training") == "2024-01-15", fields
    assert fields.get("joint declaration on an enhanced partnership") == "2024-01-15", fields

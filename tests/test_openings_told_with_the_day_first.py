"""An opening told with its day before the object ("inaugurated Wednesday a new intensive care unit at X, funded
by ...") names the facility alone. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions


def test_the_day_before_the_object_is_no_part_of_the_facility_opened():
    text = ("AMMAN: Health Minister Firas Hawari and Italian Ambassador Luciano Pezzotti inaugurated Wednesday a new "
            "12-bed intensive care unit at the Irbid Government Hospital, funded by the Italian government.")
    titles = [e["title"] for e in event_mentions(text, "opening", "2023-05-11")]
    assert titles == ["opening of new 12-bed intensive care unit at the Irbid Government Hospital"], titles


def test_one_side_opening_what_a_partner_built_is_the_pairs_opening():
    text = ("China-built motorway section opens in Montenegro\n\nPODGORICA - Prime Minister Dritan Abazovic today "
            "opened the Smokovac-Matesevac section of the Bar-Boljare highway, the first motorway in Montenegro.\n\n"
            "The section was built by a Chinese contractor with a loan from China's Export-Import Bank.")
    openings = event_mentions(text, "opening", "2022-07-13")
    assert [(sorted(o["countries"]), o["start"]) for o in openings] == [(["CHN", "MNE"], "2022-07-13")], openings


def test_a_tender_launched_is_no_opening():
    text = ("BRASILIA - The ministers of Brazil and Argentina discussed the second bridge over the Uruguay river. "
            "The tender for the bridge is expected to be launched next year, Minister Alexandre Silveira said.")
    assert not event_mentions(text, "opening", "2024-10-01")

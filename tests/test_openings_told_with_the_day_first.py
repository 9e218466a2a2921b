"""An opening told with its day before the object ("inaugurated Wednesday a new intensive care unit at X, funded
by ...") names the facility alone. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions


def test_the_day_before_the_object_is_no_part_of_the_facility_opened():
    text = ("AMMAN: Health Minister Firas Hawari and Italian Ambassador Luciano Pezzotti inaugurated Wednesday a new "
            "12-bed intensive care unit at the Irbid Government Hospital, funded by the Italian government.")
    titles = [e["title"] for e in event_mentions(text, "opening", "2023-05-11")]
    assert titles == ["opening of new 12-bed intensive care unit at the Irbid Government Hospital"], titles

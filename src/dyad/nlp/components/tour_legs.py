"""The other legs of a tour the article's traveller is on: "his Central Asian tour, which began in Uzbekistan
on May 16", "the tour also took him to A, B and C", "arrived in Dakar on Wednesday from Nouakchott,
Mauritania" (the leg before). Each is a visit of the traveller to that country, dated when the text says."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.components.context import country_mentions, nearest_date, status_of
from dyad.nlp.components.util import source, span_text, text_of
from dyad.nlp.gazetteer import gazetteer

# "the tour, which began in X", "the tour also took him to X, Y and Z", "a tour that will take her to X"
TOUR_LEG_RE = re.compile(
    r"\btour\b[^.;]{0,60}?\b(?P<verb>began|begins|started|starts|opened|(?:also\s+)?took\s+(?:him|her|them)|"
    r"(?:will\s+)?(?:also\s+)?take\s+(?:him|her|them)|(?:also\s+)?included|includes|will\s+include)\s+"
    r"(?:in\s+|to\s+)?(?P<places>[A-Z][^.;]{1,120})")
# "arrived in Dakar on Wednesday evening from Nouakchott, Mauritania": the leg before
ARRIVED_FROM_RE = re.compile(r"\b(?:arrived|landed)\s+(?:in|at)\s+[^.;]{1,80}?\bfrom\s+(?P<places>[A-Z][^.;]{1,60})")
TOUR_WORDS_RE = re.compile(r"\b(?:tour|leg|swing)\b", re.I)


def tour_legs(doc: Doc, visits: list[dict]) -> list[dict]:
    """Visits to the other stops of the traveller's tour, told around the visit the article follows."""
    text = text_of(doc)
    told = [v for v in visits if v.get("participants") and v.get("status") == "occurred"]
    if not told or not TOUR_WORDS_RE.search(text):
        return []
    main = told[0]
    guest, traveller = main["guest"], main["participants"][0]
    hosts = {v["host"] for v in visits if v["guest"] == guest}
    out: list[dict] = []
    for rx in (ARRIVED_FROM_RE, TOUR_LEG_RE):  # the leg before, dated by the arrival, first
        for m in rx.finditer(text):
            places = m.group("places")
            cut = re.search(r",\s+(?:where|which|who|when|before|after|and\s+(?:will|then))\b|"
                            r"\s+(?:on|in)\s+(?:the\s+)?(?:\d|January|February|March|April|May|June|July|August|September|October|"
                            r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", places)
            span_end = m.start("places") + (cut.start() if cut else len(places))
            stops = country_mentions(doc, m.start("places"), span_end, ("name", "capital", "city"))
            if rx is ARRIVED_FROM_RE:
                stops = stops[-1:]  # "from Nouakchott, Mauritania": one place, named twice
            sent = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if sent is None:
                continue
            sent = sent.sent
            for stop in stops:
                host = stop["alpha3"]
                if host == guest or host in hosts:
                    continue
                hosts.add(host)
                start, end = None, None
                if rx is TOUR_LEG_RE and len(stops) == 1:
                    start, end, _ = nearest_date(doc, sent, stop["start"])
                if rx is ARRIVED_FROM_RE:
                    arrived, _e, _t = nearest_date(doc, sent, m.start())
                    start, end = (arrived[:7], arrived) if arrived else (None, None)  # left that day; came earlier
                verb = m.groupdict().get("verb") or "arrived"
                status = "planned" if re.match(r"will\b", verb) else \
                    status_of(span_text(sent), start, end, doc._.dct, None, "past")
                if status == "unknown":
                    status = "occurred"
                if not start and status == "occurred":
                    # "The tour also took him to A, B and C": legs of the tour told, in the month of its dated leg
                    dated = next((v["start"] for v in visits if v.get("participants") == [traveller]
                                  and v.get("start")), None)
                    start = dated[:7] if dated else None
                out.append({
                    "cue": "tour", "kind": "event", "event_type": "visit",
                    "title": f"{traveller} visit to {gazetteer().name_of(host) or host}",
                    "status": status, "start": start, "end": end,
                    "location": stop["text"] if stop.get("form") in ("capital", "city") else None,
                    "countries": [guest, host], "guest": guest, "host": host, "level": None,
                    "participants": [traveller], "refers_back": False, "recalled": True,
                    "ref": f"visit:{guest}>{host}", "sources": [source(sent.start_char, sent.end_char)],
                })
    return out

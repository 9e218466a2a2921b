"""Receptions: "X received Y", "Y was received by X", a delegation received, the visitor told by office.

A mixin of the event extractor, below the meetings it serves: a reception is a meeting of a host and a
guest of the other side, told by the host's verb, by a passive with its agent, or by a delegation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    GUEST_BY_OFFICE_RE,
    RELATIVE_CLAUSE,
    before_dct,
    clause_tense,
    country_mentions,
    dates_in,
    full_name,
    person_country,
    persons_in,
    role_antecedent,
    status_of,
)
from dyad.nlp.components.util import dateline_place, dyad_of, patterns, source, span_text, text_of
from dyad.nlp.components.visit_patterns import NON_VISIT_RE, PASSIVE_HOST_RE, WELCOMED_GUEST_GAP_RE, is_welcome

DATA = patterns("events")

# "was received by Y", "was also received on 9 July by Y"
# ("He will also be received by Prime Minister X on Friday", "is scheduled to be received by X": one to come)
RECEIVED_BY_RE = re.compile(r"\b(?:was|were|(?:will|would)(?:\s+also)?\s+be|is\s+to\s+be|had\s+been|has\s+been|"
                            r"(?:is|are|was|were)\s+(?:scheduled|due|expected|set)\s+to\s+be|"
                            r"have\s+been)\s+(?:\w+\s+)?"
                            r"(?:received|welcomed|hosted)(?:\s+(?!by\b)[\w\-]+){0,8}?"
                            r"\s+by\b")
# "received a parliamentary delegation of the National Assembly of C", "welcomed a Vietnamese delegation led by"
DELEGATION_RE = re.compile(r"\b(?:received|receives|welcomed|welcomes|hosted|hosts|met\s+with|met)\s+(?:a|an|the)\s+"
                           r"(?P<words>(?:[\w\-]+\s+){0,3}?delegation\s+(?:of|from|led\s+by|headed\s+by)\b"
                           r"[^.;]{0,120})")


def home_country(doc: Doc, main: dict | None) -> str | None:
    """The story's home side: the host of the visit it follows, else the country the report is filed from."""
    filed = dateline_place(doc)
    return (main or {}).get("host") or (filed[1] if filed else None)


# "President X received Y": the host meets the guest (a reception, told without "talks" or "met")
RECEIVES_RE = re.compile(r"\b(?:" + "|".join(DATA["reception_verbs"]) + r")\b")
# "His Highness received ...", "His Majesty received ...": the host named by his style alone
# (the subject opens the clause and only a word of time may stand between it and the verb)
_SUBJECT_LEAD = r"(?:^|,\s+|\bthen\s+|\balso\s+)"
_SUBJECT_TAIL = r"\s+(?:(?:also|later|then|today|yesterday|earlier)\s+)?$"
HONORIFIC_SUBJECT_RE = re.compile(_SUBJECT_LEAD + r"(?:His|Her)\s+(?:Highness|Majesty|Excellency)" + _SUBJECT_TAIL)
# (the title may close on a comma before the name: "received the Prime Minister of the Democratic Republic of Sao
# Tome and Principe, Patrice Trovoada")
TITLE_GAP_RE = re.compile(r"\s+(?:(?:[A-Z][\w\-]*|of|and|for|the)\s+){2,16}(?:[A-Z][\w\-]*,\s+)?")


# "Later, the Prime Minister received ...": the host told by office alone, right before the verb
HOST_BY_TITLE_RE = re.compile(_SUBJECT_LEAD + r"[Tt]he\s+(?P<office>President|Prime\s+Minister|King|Emir|Sultan|"
                              r"Chancellor|Premier|Vice[\s\-]President|Foreign\s+Minister)" + _SUBJECT_TAIL)
# "received the Japanese envoy", "received the ambassador and ...": a resident envoy told by office
ENVOY_BY_OFFICE_RE = re.compile(r"\s+the\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<office>(?i:ambassador|envoy|"
                                r"high\s+commissioner))\b")


class ReceptionFinder:
    """Receptions of the pair (a mixin of the meeting finder)."""

    def _guest_by_adjective(self, doc: Doc, t, main: dict) -> bool:  # type: ignore[no-untyped-def]
        """"Later, the Kuwaiti minister met with his Omani counterpart": the subject is the visitor the story
        follows, told by the guest country's adjective and an office."""
        if t.dep_ != "nsubj" or t.lower_ not in ("minister", "president", "premier", "speaker", "envoy") or \
                t.i - t.left_edge.i != 2 or t.left_edge.lower_ != "the":
            return False
        hit = self.gaz.country_of(doc[t.i - 1].text)
        return bool(hit and hit[1] == "adjective" and hit[0] == main.get("guest"))

    @staticmethod
    def pronoun_antecedent(doc: Doc, sent: Span) -> dict | None:
        """The person a sentence-opening "He"/"She" stands for: the one named as the subject of the sentence
        before ("The new foreign minister, X, chose Djibouti for his first trip. He held talks with Y")."""
        if sent[0].lower_ not in ("he", "she") or sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        subject = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        a, b = doc[subject.left_edge.i].idx, subject.right_edge.idx + len(subject.right_edge.text)
        # (the subject's: "In Lisbon, the Tanaiste will hold talks with the minister, X. He ..." is not X)
        told = persons_in(doc, a, b)
        return told[0] if told else None

    @staticmethod
    def sentence_date(doc: Doc, sent: Span) -> str | None:
        """The one past date a sentence gives outside its relative clauses ("X, who took over in July, chose
        Djibouti for his first trip in September" -> September), or None."""
        clauses = [(r.start(), r.end()) for r in RELATIVE_CLAUSE.finditer(text_of(doc), sent.start_char, sent.end_char)]
        dates = {t.iso_date() for t in dates_in(doc, sent.start_char, sent.end_char)
                 if t.iso_date() and not any(a <= t.start < b for a, b in clauses)
                 and not before_dct(doc._.dct, t.iso_date())}
        return dates.pop() if len(dates) == 1 else None

    def reception_by_verb(self, doc: Doc, sent: Span,
                          main: dict | None) -> tuple[re.Match, tuple[str, str], str] | None:
        """"President X received Y", "X welcomed Y at the palace", "His Highness received the Kenyan President":
        the verb match, (host, guest) and the host's country, or None."""
        rv = RECEIVES_RE.search(span_text(sent))
        if rv and not NON_VISIT_RE.match(span_text(sent)[rv.end():rv.end() + 60]) and \
                not PASSIVE_HOST_RE.search(span_text(sent)[:rv.start()]):
            # (the host's own country known: "X, Crown Prince of Abu Dhabi and Deputy Supreme Commander of the
            # Armed Forces, today received Y")
            hosts = [p for p in persons_in(doc, sent.start_char, sent.start_char + rv.start())
                     if person_country(doc, p)]
            by_title = HOST_BY_TITLE_RE.search(span_text(sent)[:rv.start()])
            if not hosts and by_title:
                # "Before the ceremony, the Prime Minister received ...": the one of that office named before
                earlier = role_antecedent(doc, by_title.group("office"), sent.start_char, home_country(doc, main))
                hosts = [earlier] if earlier and person_country(doc, earlier) else []
            # ("received in audience on Wednesday 8 June 2022, at the Presidential Palace, Dr X": farther)
            # ("received at the ministry's headquarters in Riyadh today the Minister of X, Y", "received at the
            # Jubilee House the Deputy Prime Minister of C, Y", "received this Friday at the Palace of the
            # Revolution the Prime Minister of C, Y": a place first)
            reach = 120 if re.match(r"\s+in\s+audience\b", span_text(sent)[rv.end():]) else \
                160 if re.match(r"\s+(?:(?:today|yesterday|(?:on|this|last)\s+\w+day)\s+)?at\s+(?:the\s+)?"
                                r"[\w'\u2019\s]{3,60}?\b(?:(?:today|yesterday|on\s+\w+day)\s+)?(?:the|his|her)\s",
                                span_text(sent)[rv.end():]) else 60
            guests = [p for p in persons_in(doc, sent.start_char + rv.end(), sent.end_char)
                      if p["sources"][0]["start"] - (sent.start_char + rv.end()) <= reach
                      # ("received Deputy Prime Minister and Minister for Trade and Industry of the Republic of
                      # Singapore Gan Kim Yong": a long title, nothing else, before the name)
                      or TITLE_GAP_RE.fullmatch(text_of(doc)[sent.start_char + rv.end():p["sources"][0]["start"]])]
            if is_welcome(rv.group(0)):
                # "welcomed the decision of President X", "welcomed Prime Minister X's visit": a guest
                # welcomed has only titles before the name, and is no possessor; "At the outset, X warmly
                # welcomed Y" after their meeting was told is the meeting's opening courtesy
                guests = [p for p in guests if WELCOMED_GUEST_GAP_RE.fullmatch(
                    text_of(doc)[sent.start_char + rv.end():p["sources"][0]["start"]])
                    and not re.match(r"['\u2019]s\b", text_of(doc)[p["sources"][0]["end"]:])]
                if re.search(r"\b(?:" + "|".join(DATA["arrival_places"]) + r")\b", span_text(sent), re.I):
                    guests = []  # "welcomed X at the airport": an arrival, not a meeting
            told_by_office = GUEST_BY_OFFICE_RE.match(span_text(sent)[rv.end():])
            if not guests and main and main.get("participants") and main.get("status") != "planned" and re.match(
                    r"\s+(?:the|his|her)\s+(?:visiting|guest|distinguished\s+guest)\b", span_text(sent)[rv.end():]):
                # "His Majesty granted an audience to the visiting Prime Minister": the visitor the story follows
                guests = [p for p in doc._.persons or [] if full_name(doc, p) == main["participants"][0]][:1]
            if not guests and told_by_office and self.gaz.country_of(told_by_office.group("adj")):
                # "His Highness received the Kenyan President": the president of that country named before
                side = self.gaz.country_of(told_by_office.group("adj"))[0]
                earlier = role_antecedent(doc, told_by_office.group("office"), sent.start_char, side)
                guests = [earlier] if earlier and person_country(doc, earlier) == side else []
            envoy = ENVOY_BY_OFFICE_RE.match(span_text(sent)[rv.end():])
            if not guests and envoy:
                # "received the Japanese envoy at the palace", "received the ambassador and company executives":
                # the envoy named before (of that country when told)
                told = self.gaz.country_of(envoy.group("adj")) if envoy.group("adj") else None
                side = told[0] if told and told[1] == "adjective" else None
                office = "high commissioner" if "commissioner" in envoy.group("office").lower() else "ambassador"
                earlier = role_antecedent(doc, office, sent.start_char, side)
                if earlier and person_country(doc, earlier) and (side is None or person_country(doc, earlier) == side):
                    guests = [earlier]
            # ("Minister of Education X received the Minister of ... of the Republic of C, Y": a host whose country
            # the release leaves to its dateline)
            unplaced = [p for p in persons_in(doc, sent.start_char, sent.start_char + rv.start())
                        if not person_country(doc, p)] if guests and not hosts else []
            home = home_country(doc, main)
            if hosts and guests and None not in {person_country(doc, hosts[-1]), person_country(doc, guests[0])} \
                    and person_country(doc, hosts[-1]) != person_country(doc, guests[0]):
                return rv, (full_name(doc, hosts[-1]), full_name(doc, guests[0])), person_country(doc, hosts[-1])
            elif hosts and guests and person_country(doc, guests[0]) is None and \
                    person_country(doc, hosts[-1]) in dyad_of(doc) and len(dyad_of(doc)) == 2:
                # "President X received Dr Y and her delegation": a guest whose country the text told only
                # with her delegation ("a delegation of the Parliament of C led by Speaker Dr Y"): the other side
                return rv, (full_name(doc, hosts[-1]), full_name(doc, guests[0])), person_country(doc, hosts[-1])
            elif unplaced and home and home != person_country(doc, guests[0]):
                # "Prince X, Minister of Energy, received the Hungarian minister": a host whose country the
                # text leaves to the story (the visit's host, or where the report is filed)
                return rv, (full_name(doc, unplaced[-1]), full_name(doc, guests[0])), home
            elif not hosts and guests and person_country(doc, guests[0]) and HONORIFIC_SUBJECT_RE.search(
                    span_text(sent)[:rv.start()]):
                # "Earlier, His Highness received President X of C": the story's host, told by his style
                leader = self._leaders_of(doc, [home]) if home else []
                if home and leader and home != person_country(doc, guests[0]):
                    return rv, (leader[0], full_name(doc, guests[0])), home
        return None

    def _received_by(self, doc: Doc, sent: Span, main: dict | None) -> tuple[re.Match, tuple[str, str], str] | None:
        """"X was (also) received (on 9 July) by Y": Y the host, X the subject of the passive verb, read
        from the parse: a person, "he"/"she" (the visitor the story follows) or a title ("the Prime
        Minister", the person named before with that office)."""
        rb = RECEIVED_BY_RE.search(span_text(sent))
        if not rb or re.search(r"\b(?:formally|officially|ceremonially)\s+welcomed\b", rb.group(0)):
            return None  # ("will be formally welcomed at Government House by X": the welcome ceremony)
        hosts = persons_in(doc, sent.start_char + rb.end(), sent.end_char)
        if not hosts:
            return None
        host = hosts[0]
        # ("was also received by Governor-General Sir X at Government House": an office the gazetteer does not
        # place; the host is of the visit's host country, or of the place the report is filed from)
        host_country = person_country(doc, host) or home_country(doc, main)
        if host_country is None:
            return None
        verb = next((t for t in sent if sent.start_char + rb.start() <= t.idx < sent.start_char + rb.end()
                     and t.lower_ in ("received", "welcomed", "hosted")), None)
        subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")] if verb is not None else []
        if verb is not None and not subj and verb.dep_ == "conj":
            subj = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        guest_name, guest_country = None, None
        if subj:
            s = subj[0]
            who = [p for p in persons_in(doc, doc[s.left_edge.i].idx, s.idx + len(s.text))]
            opener = self.pronoun_antecedent(doc, sent) if s.i == sent.start else None
            if who:
                guest_name, guest_country = full_name(doc, who[-1]), person_country(doc, who[-1])
            elif opener is not None:
                guest_name, guest_country = full_name(doc, opener), person_country(doc, opener)
            elif s.lower_ in ("he", "she") and main and main.get("participants"):
                guest_name, guest_country = main["participants"][0], main["guest"]
            elif s.lower_ in ("he", "she") and main and main.get("guest"):
                # "The Mauritanian Prime Minister had arrived ... He was received by X": the guest's side named last
                last = [p for p in persons_in(doc, max(0, sent.start_char - 1500), sent.start_char)
                        if person_country(doc, p) == main["guest"]]
                if last:
                    guest_name, guest_country = full_name(doc, last[-1]), main["guest"]
            elif s.pos_ in ("NOUN", "PROPN"):
                side = next((v["guest"] for v in doc._.visits or [] if v.get("guest")), None)
                phrase = doc[s.left_edge.i:s.i + 1].text
                adj = re.match(r"(?:[Tt]he\s+)?([A-Z][a-z]+)\s+(?=\w)", phrase)
                hit = self.gaz.country_of(adj.group(1)) if adj else None
                if hit and hit[1] == "adjective":
                    side, phrase = hit[0], phrase[adj.end():]  # "the Maltese minister": Malta's minister
                p = role_antecedent(doc, phrase, sent.start_char, side)
                if p:
                    guest_name, guest_country = full_name(doc, p), person_country(doc, p)
        if guest_name is None:
            guests = persons_in(doc, sent.start_char, sent.start_char + rb.start())
            if not guests:
                return None
            guest_name, guest_country = full_name(doc, guests[-1]), person_country(doc, guests[-1])
        pair = dyad_of(doc)
        if guest_country is None and guest_name and len(pair) == 2 and host_country in pair:
            # the guest's country not told with the name here: the other side of the article's pair
            guest_country = pair[0] if pair[1] == host_country else pair[1]
        if guest_country is None or guest_country == host_country:
            return None
        arrival = re.search(r"\b(?:" + "|".join(DATA["arrival_places"]) + r")\b", span_text(sent), re.I)
        if arrival and (arrival.start() > rb.start() or re.search(
                r"\b(?:landed|arrived|touched\s+down)\b", span_text(sent)[:rb.start()])):
            # "was received by X at the airport", "was welcomed at the airport by X": a welcome on arrival,
            # not a meeting
            return None
        return rb, (full_name(doc, host), guest_name), host_country

    def delegation_reception(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        """"The Speaker received a parliamentary delegation of the National Assembly of C", "X welcomed a
        Vietnamese delegation led by ...": a meeting of the host's side with the delegation's country."""
        m = DELEGATION_RE.search(span_text(sent))
        if not m:
            return []
        a = sent.start_char + m.start()
        guests = country_mentions(doc, sent.start_char + m.start("words"), sent.start_char + m.end(),
                                  ("name", "adjective"))
        if not guests:
            return []
        guest = guests[0]["alpha3"]
        hosts = [person_country(doc, p) for p in persons_in(doc, sent.start_char, a)]
        host = next((h for h in reversed(hosts) if h), None) or home_country(doc, main)
        if not host:
            pair = [c for c in (main or {}).get("countries") or dyad_of(doc) if c != guest]
            host = pair[0] if len(pair) == 1 else None
        if not host or host == guest:
            return []
        start, end, own, _countries, ref = self._context(doc, sent, main, a)
        text = span_text(sent)
        status = status_of(text, start, end, doc._.dct, text[m.start():m.end()], clause_tense(doc, a))
        if status == "unknown":
            status = "occurred" if re.match(r"(?:received|welcomed|hosted|met)\b", m.group(0)) else status
        places = [c["text"] for c in country_mentions(doc, sent.start_char, sent.end_char, ("capital", "city"))
                  if c["alpha3"] == host]
        location = self._place_after(span_text(sent), m.start()) or (places[0] if places else None)
        who = self.gaz.name_of(guest) or guest
        names = [full_name(doc, p) for p in persons_in(doc, sent.start_char, sent.end_char)]
        return [{
            "cue": "delegation",
            "kind": "event", "event_type": "meeting", "title": f"reception of a {who} delegation",
            "status": status, "start": start, "end": None, "location": location,
            "countries": [host, guest], "guest": None, "host": None, "level": None,
            "participants": sorted(set(names)), "object_key": f"meeting:delegation:{guest}>{host}:{start or ''}",
            "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]

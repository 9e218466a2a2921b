"""Council sessions told without the body's full name next to the session noun.

- by the acronym the article defined: "the Bi-National Commission (BNC) ... The 6th Session of the
  BNC will be held in Zimbabwe next year";
- by the body's head noun alone, recalled: "the commitments of the previous cabinet, held in Cobija in
  2018" (the body named before in the article);
- as the next joint meeting of two governments: "The next joint meeting of the governments will take
  place in 2021";
- as a session agreed for a body named in the sentence: "agreed to reactivate the X Commission ...
  with a session in Panama City in September", "asked the X Commission to meet in Lima in May";
- as the coming meeting of a working group: "the Joint Working Group on Defence Cooperation will meet in
  New Delhi early next year", "convene a meeting of the A-B working group on energy in Belgrade", "set up a
  joint working group that will meet for the first time in X" (a group told only as set up, or as meeting
  "twice a year", has no meeting to date).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import clause_tense, dates_in, nearest_date, status_of
from dyad.nlp.components.sessions import BODY, ORDINALS
from dyad.nlp.components.util import dyad_of, nth_word, patterns, source, span_text, text_of
from dyad.text.names import synonym_key

DATA = patterns("events")
_ORD = r"(?P<ord>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d+(?:st|nd|rd|th))"
_SESSION = r"(?i:session|meeting|sitting)"
# ("the A-B Permanent Joint Commission for Cooperation (PJCC)": the body's field may stand before the acronym)
ACRONYM_DEF_RE = re.compile(BODY + r"(?:\s+(?:for|on|of)\s+(?:[A-Z][\w\-]*\s+(?:and\s+)?){0,3}[A-Z][\w\-]*)?"
                            r"\s*\((?P<acr>[A-Z]{2,6})\)")
# ("The previous session of the BNC was held in Pretoria"; "the next session of the JPC")
# ("The Second Meeting of the JCBC will be held in Port Moresby in 2026": the ordinal capitalised too)
ACRONYM_SESSION_RE = re.compile(r"\b(?i:the\s+)(?:(?i:" + _ORD + r")|(?P<rel>(?i:previous|last|next)))\s+" + _SESSION
                                + r"\s+of\s+the\s+(?P<acr>[A-Z]{2,6})\b")
# "The 12th session will be held in Abuja in 2026": the body named before, its session by number
BARE_SESSION_RE = re.compile(r"\b[Tt]he\s+" + _ORD + r"\s+(?:session|sitting)\b(?!\s+of\b)"
                             r"(?=[^.;]{0,30}\b(?:will|would|is\s+to|is\s+due|was|took\s+place|is\s+expected|held|"
                             r"convened)\b)")
# "the previous cabinet, held in Cobija in 2018": a head noun in lower case after "previous"/"last"
RECALLED_RE = re.compile(r"\b(?:the|its)\s+(?:previous|last|preceding)\s+(?P<head>"
                         + "|".join(h.lower() for h in DATA["council_heads"]) + r"|session|meeting)\b"
                         r"(?P<held>,?\s+(?:which\s+was\s+)?held\s+in\s+[A-Z])")
NEXT_JOINT_RE = re.compile(r"\b[Tt]he\s+next\s+joint\s+(?:meeting|session|sitting)\s+of\s+(?:the\s+)?"
                           r"(?:two\s+|both\s+)?"
                           r"(?:governments|cabinets)\b")
# "... the X Commission, which has not met since 2017, with a session in Panama City in September";
# "the X Commission to meet in Lima in May"
AGREED_SESSION_RE = re.compile(r"\b(?:with|through|by\s+holding)\s+a\s+(?:new\s+|first\s+|fresh\s+)?(?:session|meeting)"
                               r"\s+in\s+(?=[A-Z])|\b(?:to|would|will)\s+(?:meet|convene)\s+(?:again\s+)?in\s+(?=[A-Z])")
NAMED_BODY_RE = re.compile(r"\b(?:[Tt]he|its|their)\s+" + BODY + r"\b")
# a working group, capitalised or not, with the pair and the field it works on ("the India-Sweden Joint Working
# Group on Trade and Investment", "a joint working group of health officials", "the new geothermal working group")
_GROUP = (r"(?P<body>(?:[A-Z][\w\-\u2013]*\s+){0,4}?(?:(?i:joint|bilateral|intergovernmental|inter-governmental|"
          r"new|technical|expert)\s+){0,3}(?:[a-z][\w\-]*\s+)?(?:[Ww]orking\s+[Gg]roup|WG)"
          r"(?:\s+(?:on|of|for)\s+(?:(?!in\b|at\b)[\w\-]+\s+(?:and\s+)?){0,3}?(?!in\b|at\b)[\w\-]+)?)")
_GROUP_END = r"(?=\s+(?:in|at|by|before|during|next|later|early|this|will|would|is|was|to|which|that)\b|[,.;]|$)"
# "the X working group will meet in Y", "..., which is to meet for the first time by video conference"
GROUP_MEETS_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+" + _GROUP + r"(?:,?\s+(?:which|that))?\s+(?:(?:will|would|should|is\s+to|are\s+to|"
    r"is\s+(?:expected|due|set|scheduled)\s+to)\s+(?:next\s+)?(?:meet|convene|hold\s+its\s+(?P<ord>first|next|second|"
    r"third)\s+(?:meeting|session))|(?:is|was)\s+(?:expected|due|set|scheduled)\s+to\s+meet)\b"
    r"(?P<when>\s+for\s+the\s+(?P<first>first)\s+time)?(?!\s+(?:twice|once|every|regularly|monthly|quarterly|"
    r"annually|each|several|at\s+least)\b)")
# "hold the next meeting of the X Working Group in Stockholm", "host the working group's first meeting"
GROUP_MEETING_RE = re.compile(
    r"\b(?:the|a)\s+(?:(?P<ord>first|next|second|third)\s+)?(?:meeting|session)\s+of\s+(?:the|a|an)\s+" + _GROUP
    + _GROUP_END + r"|\b[Tt]he\s+" + _GROUP.replace("?P<body>", "?P<body2>") + r"['\u2019]s\s+(?P<ord2>first|next)\s+"
    r"(?:meeting|session)\b")


# a body the two sides agree to set up, then its first meeting told in a place: "agreed to set up a joint working group
# on downstream cooperation. Its first meeting is planned in Baghdad in January", "a joint working committee, with
# the first meeting to be held in Thimphu in October", "the committee will hold its first meeting in Kathmandu"
NEW_BODY_RE = re.compile(r"\b(?:set\s+up|setting\s+up|establish(?:ed|es|ing)?|creat(?:e|ed|es|ing)|form(?:ed|s|ing)?|"
                         r"launch(?:ed|es|ing)?)\s+(?:a|an|the)\s+(?P<body>(?:new\s+)?(?:[A-Za-z][\w\-]*\s+){0,4}?"
                         r"(?:[Ww]orking\s+[Gg]roup|[Ww]orking\s+[Cc]ommittee|[Cc]ommittee|[Cc]ommission|[Tt]ask\s+[Ff]orce)"
                         r"(?:\s+(?:on|for)\s+(?:(?!in\b|with\b|and\b|whose\b|which\b)[\w\-]+\s+){0,4}?"
                         r"(?!in\b|with\b|and\b|whose\b|which\b)[\w\-]+)?)(?=\s*[,.;]|\s+(?:and|with|whose|which|that)\b)")
FIRST_MEETING_RE = re.compile(r"\b(?:(?:[Ii]ts|whose|with\s+the|[Tt]he)\s+first\s+(?:meeting|session)\s+(?:is|was|will|"
                              r"would|should|to|due|planned|expected|scheduled)\b[^.;]{0,40}?|(?:will|would|should|is\s+to)\s+"
                              r"(?:hold\s+its\s+first\s+(?:meeting|session)|meet\s+for\s+the\s+first\s+time)\s+)"
                              r"in\s+(?=[A-Z])")


def session_record(doc: Doc, main: dict | None, title: str, status: str, start: str | None, location: str | None,
                   key: str, body: str, span: tuple[int, int]) -> dict:
    """A council session of the article's pair (the visit's countries when a visit is told)."""
    return {
        "kind": "event", "event_type": "council_session", "title": title, "status": status,
        "start": start, "end": None, "location": location,
        "countries": list(main["countries"]) if main else dyad_of(doc),
        "guest": None, "host": None, "level": None, "participants": [],
        "object_key": key, "parent": None, "body": body, "sources": [source(*span)],
    }


class SessionForms:
    """More forms of council sessions (a mixin of the event extractor)."""

    def session_forms(self, doc: Doc, sent: Span, main: dict | None, found: list[dict]) -> list[dict]:
        out: list[dict] = []
        keys = {f["object_key"] for f in found}
        text = span_text(sent)

        def add(m: re.Match, body: str, ordinal: int | None, title: str, key: str,
                status: str | None = None) -> None:
            if key in keys or not body:
                return
            keys.add(key)
            a, b = sent.start_char + m.start(), sent.start_char + m.end()
            start, _e, t = nearest_date(doc, sent, a)
            if status == "planned" and start and len(start) == 7 and doc._.dct and start < doc._.dct[:7] and \
                    t is not None and not re.search(r"\d{4}", t.text):
                start = f"{int(start[:4]) + 1}{start[4:]}"  # "a session in September", said in June: the coming one
            if status is None:
                status = status_of(text, start, None, doc._.dct, text[m.start():m.end() + 80], clause_tense(doc, a))
            if status == "unknown":
                status = "planned" if re.search(r"\b(?:will|would|is to|to be|next)\b", text) else status
            out.append(session_record(doc, main, title, status, start, self._place_after(text, m.start()), key, body,
                                      (a, b)))

        for m in ACRONYM_SESSION_RE.finditer(text):
            body = self._acronym_body(doc, m.group("acr"), sent.start_char + m.start())
            if not body:
                continue
            if m.group("rel"):
                rel = "previous" if m.group("rel").lower() in ("previous", "last") else "next"
                add(m, body, None, f"{rel} session of the {body}", f"council:{rel}:{synonym_key(body)}",
                    "occurred" if rel == "previous" else "planned")
                continue
            word = m.group("ord").lower()
            ordinal = ORDINALS.get(word) or (int(re.match(r"\d+", word).group(0)) if word[:1].isdigit() else None)
            nth = nth_word(ordinal or 0)
            add(m, body, ordinal, f"{nth} session of the {body}", f"council:{ordinal}:{synonym_key(body)}")
        for m in BARE_SESSION_RE.finditer(text):
            body = re.sub(r"^(?i:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d+(?:st|nd|rd|th))\s+",
                          "", self.last_body or "")
            word = m.group("ord").lower()
            ordinal = ORDINALS.get(word) or (int(re.match(r"\d+", word).group(0)) if word[:1].isdigit() else None)
            if body and ordinal:
                nth = nth_word(ordinal)
                add(m, body, ordinal, f"{nth} session of the {body}", f"council:{ordinal}:{synonym_key(body)}")
        for m in RECALLED_RE.finditer(text):
            body = re.sub(r"^(?i:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\s+", "",
                          self.last_body or "")
            if body and (m.group("head") in ("session", "meeting") or m.group("head") in body.lower()):
                add(m, body, None, f"previous session of the {body}", f"council:previous:{synonym_key(body)}",
                    "occurred")
        for m in NEXT_JOINT_RE.finditer(text):
            body = "joint meeting of the governments"
            add(m, body, None, f"next {body}", f"council:next:{synonym_key(body)}", "planned")
        for m in AGREED_SESSION_RE.finditer(text):
            named = [b for b in NAMED_BODY_RE.finditer(text[:m.start()])
                     if any(w in b.group("body") for w in DATA["council_markers"])
                     and len(b.group("body").split()) >= 2]
            if not named:
                continue
            body = re.sub(r"^the\s+", "", named[-1].group("body"))
            self.last_body = body
            if any(synonym_key(f.get("body") or "") == synonym_key(body) and f["status"] != "occurred" and
                   f["sources"][0]["start"] >= sent.start_char for f in found):
                continue  # "the Commission would meet in Dodoma": told already as that body's session
            add(m, body, None, f"session of the {body}", f"council:next:{synonym_key(body)}", "planned")
        for m in FIRST_MEETING_RE.finditer(text):
            # the body set up in this sentence before the meeting, or in the sentence before
            before = text[:m.start()]
            told = list(NEW_BODY_RE.finditer(before))
            if not told and sent.start > 0:
                told = list(NEW_BODY_RE.finditer(span_text(doc[sent.start - 1].sent)))
            if told:
                body = re.sub(r"^(?i:new)\s+", "", told[-1].group("body").strip())
                add(m, body, 1, f"first meeting of the {body}", f"council:1:{synonym_key(body)}", "planned")
        out += self._working_groups(doc, sent, main, keys)
        return out

    def _working_groups(self, doc: Doc, sent: Span, main: dict | None, keys: set) -> list[dict]:
        """The coming meeting of a working group, dated by the first date after the mention ("agreed on
        Wednesday that the group will meet in New Delhi early next year": next year, not Wednesday)."""
        text = span_text(sent)
        out: list[dict] = []
        if not re.search(r"[Ww]orking\s+[Gg]roup", text):
            return out
        for rx in (GROUP_MEETS_RE, GROUP_MEETING_RE):
            for m in rx.finditer(text):
                body = m.groupdict().get("body") or m.groupdict().get("body2") or ""
                body = re.sub(r"^(?i:new)\s+", "", body.strip())
                word = (m.groupdict().get("ord") or m.groupdict().get("ord2") or m.groupdict().get("first") or "")
                word = word.lower()
                if rx is GROUP_MEETING_RE and re.search(r"\b(?:was|were|had)\s+(?:held|convened)\b|\bheld\s+on\b",
                                                        text[m.end():m.end() + 60]):
                    continue  # a meeting told as held: the past is told elsewhere, with its own day
                key = f"council:{ORDINALS.get(word) or word or 'next'}:{synonym_key(body)}"
                if key in keys or not body:
                    continue
                keys.add(key)
                a, b = sent.start_char + m.start(), sent.start_char + m.end()
                ahead = dates_in(doc, b, sent.end_char)
                start = ahead[0].iso_date() if ahead else nearest_date(doc, sent, a)[0]
                lead = f"{word} meeting" if word in ("first", "next") else "meeting"
                out.append(session_record(doc, main, f"{lead} of the {body}", "planned", start,
                                          self._place_after(text, m.start()), key, body, (a, b)))
        return out

    @staticmethod
    def _acronym_body(doc: Doc, acr: str, before: int) -> str | None:
        """The council an acronym stands for, defined earlier in the article ("the X Commission (BNC)")."""
        for d in ACRONYM_DEF_RE.finditer(text_of(doc)[:before]):
            body = re.sub(r"^(?:[Tt]he)\s+", "", d.group("body").strip())
            if d.group("acr") == acr and any(w in body for w in DATA["council_markers"]):
                lead = re.match(r"(?i:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\s+", body)
                return body[lead.end():] if lead else body
        return None

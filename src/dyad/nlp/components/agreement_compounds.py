"""Instruments named by a compound noun ("signed a free trade agreement", "an air services agreement and a
visa waiver agreement", "a power supply agreement under which ..."): the words before the head noun are the
instrument's field; they must name a sector, and a signing verb must govern the phrase. And texts named by a
quoted title after their kind ("adopted a joint vision document, "A Partnership for the Future"")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from dyad.nlp.components.agreement_patterns import sectors_of
from dyad.nlp.components.util import span_text

if TYPE_CHECKING:
    from dyad.nlp.components.agreements import AgreementExtractor

# "a free trade agreement", "an air services agreement": one to three lower-case words before the head
COMPOUND_INSTRUMENT = re.compile(
    r"\b(?:a|an|the|new)\s+(?:(?:new|bilateral|landmark|comprehensive|long-awaited)\s+)?"
    r"(?P<field>(?-i:[a-z][a-z\-]+)(?:\s+(?-i:[a-z][a-z\-]+)){0,2}"
    # "a comprehensive partnership and strategic cooperation agreement": two fields joined by "and"
    r"(?:\s+and(?:\s+(?-i:[a-z][a-z\-]+)){1,3})?)\s+"
    r"(?P<noun>agreement|memorandum|deal|accord|pact|contract|treaty|protocol)\b", re.I)
# "..., for which the two governments signed a loan agreement": what the relative pronoun stands for
FOR_WHICH = re.compile(r"\b(?:an?|the)\s+(?P<what>[^,;]{3,120}?),\s+for\s+which\s+[^,;]{0,60}$")
# a compound joined to a list before it
JOINED_ON = re.compile(r",\s+(?:as\s+well\s+as|along\s+with|together\s+with|and|plus)\s+$")
# (or negotiates: "agreed to negotiate a bilateral investment treaty")
SIGNING_VERB = re.compile(r"\b(?:signed|signing|sign|signs|concluded|conclude|inked|ink|sealed|exchanged|reached|"
                          r"signatures|negotiate|negotiating)\b", re.I)
# words that describe the instrument, not its field ("a framework agreement", "a draft agreement")
NOT_FIELD_WORDS = {"framework", "draft", "final", "new", "separate", "similar", "previous", "historic", "key",
                   "major", "first", "second", "joint", "bilateral", "trilateral", "cooperation", "partnership",
                   "important", "strategic", "intergovernmental", "interstate", "general", "basic", "umbrella",
                   "preliminary", "outline", "interim", "formal", "broader", "wider", "one", "two", "three"}

# "adopted a joint vision document, "A Partnership for the Future"": the kind of text, then its quoted name
QUOTED_TITLE = re.compile(r"\b(?P<verb>adopted|signed|issued|released|endorsed|adopt|sign|issue)\s+(?:a|an|the)\s+"
                          r"(?:new\s+|joint\s+)*(?P<noun>vision\s+document|vision\s+statement|document|declaration|"
                          r"statement|roadmap|road\s+map|action\s+plan|communiqu[e\u00e9]|charter|agenda)\s*,?\s*"
                          r"(?:titled\s+|entitled\s+|called\s+)?[\"\u201c](?P<title>[^\"\u201d]{4,100}?)[\"\u201d]",
                          re.I)


def compound_instruments(ex: AgreementExtractor, doc: Doc, sent: Span, main: dict | None,
                         found: list[dict]) -> list[dict]:
    out: list[dict] = []
    taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in found]
    for m in COMPOUND_INSTRUMENT.finditer(span_text(sent)):
        a, b = sent.start_char + m.start("field"), sent.start_char + m.end("noun")
        if any(x < b and a < y for x, y in taken):
            continue  # already read as a title, a description or a list
        before = span_text(sent)[:m.start()]
        verb = SIGNING_VERB.search(before[max(0, m.start() - 80):])
        if verb is None and JOINED_ON.search(before):
            # "signed 12 agreements covering A, B and C, as well as a financial protocol": the last
            # item of a long list, governed by the verb at its head
            verb = SIGNING_VERB.search(before)
        if verb is None and re.search(r",\s+$", before):
            # "attended the signing of five agreements: a ..., an ..., a tourism cooperation agreement and ...":
            # an item of a long list the colon opens after the verb
            head = SIGNING_VERB.search(before)
            verb = head if head and ":" in before[head.end():] else None
        if verb is None:
            continue  # "the free trade agreement would help exporters": no instrument signed here
        words = m.group("field").split()
        while words and words[0].lower() in NOT_FIELD_WORDS and "and" not in words:
            words = words[1:]  # "a framework investment agreement": the field is investment
        field = " ".join(words)
        sectors = sectors_of(field)
        fa = sent.start_char + m.end("field") - len(field)
        purpose = FOR_WHICH.search(span_text(sent)[:m.start()])
        if purpose and field in ("loan", "credit", "financing", "grant") and sectors_of(purpose.group("what")):
            # "a rail bridge across the Mekong, for which the two governments signed a loan agreement": the
            # loan is for the thing the relative pronoun stands for
            what = re.sub(r"^(?:the\s+)?(?:early\s+)?(?:construction|building)\s+of\s+", "", purpose.group("what"))
            field = f"{field} for {what}"
            sectors = list(dict.fromkeys(sectors_of(what) + sectors))
        if not field or not sectors:
            continue
        out.append(ex._common(doc, sent, main, fa, None, m.group("noun"), field, sectors,
                              (fa, sent.start_char + m.end("field"))))
        taken.append((a, b))
    return out


def quoted_titles(ex: AgreementExtractor, doc: Doc, sent: Span, main: dict | None,
                  found: list[dict]) -> list[dict]:
    """"adopted a joint vision document, "A Partnership for the Future"": a text named by a quoted title
    after the noun that says what kind of text it is."""
    out = []
    taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in found]
    for m in QUOTED_TITLE.finditer(span_text(sent)):
        a, b = sent.start_char + m.start("title"), sent.start_char + m.end("title")
        if any(x < b and a < y for x, y in taken):
            continue
        title = m.group("title").strip()
        sectors = sectors_of(title) or sectors_of(m.group("noun")) or ["diplomacy"]
        out.append(ex._common(doc, sent, main, sent.start_char + m.start(), title, m.group("noun"), None,
                              sectors, (a, b), done=m.group("verb").lower().endswith("ed")))
    return out


# "under an intergovernmental agreement signed by the two countries in 2010", "a contract signed in 2014", "the two
# countries signed a separate cooperation agreement in 2024": an instrument told only by its kind and the date it was
# signed, in a story about something else (a plant, a line, a field of work)
BARE_SIGNED = re.compile(
    r"\b(?:an?|the)\s+(?P<words>(?:(?:intergovernmental|interstate|bilateral|separate|framework|cooperation|"
    r"construction|concession|financing|loan|supply|joint)\s+){0,3})"
    r"(?P<noun>agreements?|contracts?|declaration|memorandum(?:\s+of\s+understanding)?|protocol|treaty|arrangement)"
    r"(?P<rest>\s+signed\b[^.;:()]{0,50}?|)\s+(?:in|on|last)\s+(?=[A-Z0-9]|last\b|this\b)", re.I)
SIGNED_BEFORE = re.compile(r"\b(?:signed|concluded|inked)\s+$", re.I)


def backdrop_instruments(ex: AgreementExtractor, doc: Doc, sent: Span, main: dict | None,
                         found: list[dict]) -> list[dict]:
    """Instruments named only by their kind and signing date ("under an intergovernmental agreement signed in
    2010"): filed under the sectors their sentence names, else the sentence before's; none when neither names
    one."""
    out: list[dict] = []
    text = span_text(sent)
    for m in BARE_SIGNED.finditer(text):
        a, b = sent.start_char + m.start(), sent.start_char + m.end("noun")
        told = [f for f in found if f["sources"][0]["start"] < b and a < f["sources"][0]["end"]]
        if told:
            for f in told:
                if f.get("sectors") == ["diplomacy"] and re.fullmatch(r"(?:joint\s+)?declaration",
                                                                      f.get("title") or ""):
                    # "supported by both governments since a joint declaration signed in 2019": what the sentence is
                    # about is the field of a declaration that names none
                    f["sectors"] = sectors_of(text)[:2] or f["sectors"]
            continue
        if not m.group("rest").strip() and not SIGNED_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue  # neither "an agreement signed in 2010" nor "signed an agreement in 2024"
        when = next((t for t in doc._.timexes or [] if sent.start_char + m.end() <= t.start
                     < sent.start_char + m.end() + 3 and (t.iso_date() or "")), None)
        iso = when.iso_date() if when is not None else ""
        if not iso or not doc._.dct or iso[:len(doc._.dct)] > doc._.dct[:len(iso)]:
            continue  # signed, so not after the report
        prev = doc[sent.start - 1].sent if sent.start > 0 else None
        sectors = sectors_of(m.group("words")) or sectors_of(text) or (sectors_of(span_text(prev)) if prev else [])
        if not sectors or sectors == ["diplomacy"]:
            continue
        rec = ex._common(doc, sent, main, a, None, m.group("noun"), None, sectors[:2], (a, b), done=True)
        rec["plural"] = m.group("noun").lower().endswith("s")
        out.append(rec)
    return out


# "signed a memorandum of understanding that will allow the coast guard and the navy to coordinate patrols", "signed
# a memorandum of understanding in London on Wednesday to share inspection data": an instrument told by what it does
PURPOSE_SIGNED = re.compile(
    r"\b(?:signed|concluded|inked)\s+(?:an?|the)\s+(?P<noun>memorandum(?:\s+of\s+(?:understanding|cooperation))?|"
    r"agreement|protocol|letter\s+of\s+intent|arrangement|MoU)"
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})?"
    r"(?:\s+(?:on\s+[A-Z][a-z]+day|yesterday|today))?"
    r"\s+(?:(?:that|which)\s+(?:will|would)\s+|to\s+)"
    r"(?P<what>(?:allow|enable|share|strengthen|coordinate|promote|develop|expand|boost|improve|facilitate|support|"
    r"set\s+up|create|build|combat|fight|exchange|provide|train|protect|increase|deepen|step\s+up|speed\s+up|"
    r"simplify|recognise|recognize|open|launch)\b[^.;:]{3,140})")


def purpose_instruments(ex: AgreementExtractor, doc: Doc, sent: Span, main: dict | None,
                        found: list[dict]) -> list[dict]:
    """An instrument signed and told by its purpose ("to share inspection data", "that will allow X to
    coordinate patrols"): filed under the sectors the purpose names; none when it names none."""
    out: list[dict] = []
    taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in found]
    for m in PURPOSE_SIGNED.finditer(span_text(sent)):
        a, b = sent.start_char + m.start("noun"), sent.start_char + m.end("what")
        if any(x < b and a < y for x, y in taken):
            continue
        what = re.split(r",\s+(?:which|who|while|but|as|and\s+(?:the|a)\b)", m.group("what"))[0].strip()
        sectors = [s for s in sectors_of(what) if s != "other"]
        if not sectors:
            continue
        end = sent.start_char + m.start("what") + len(what)
        out.append(ex._common(doc, sent, main, a, None, m.group("noun"), what, sectors[:2], (a, end), done=True))
        taken.append((a, end))
    return out

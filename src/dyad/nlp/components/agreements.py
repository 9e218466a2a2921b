"""Agreements: titled instruments ("Agreement on ...", "Joint Statement ...", "Decision
No. 2 approving ..."), instruments named by what they do ("a trilateral agreement to
build ..."), and field-only mentions split one per field ("agreements in healthcare and
law enforcement" -> two). Each gets instrument, sectors, parties, status and date."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyad.nlp.components.agreement_compounds import (
    backdrop_instruments,
    compound_instruments,
    purpose_instruments,
    quoted_titles,
)
from dyad.nlp.components.agreement_context import (
    INTRO_SIGNED,
    PLURAL_COLON,
    in_year_span,
    name_signings,
    named_parties,
    signed_told_later,
)
from dyad.nlp.components.agreement_items import list_items
from dyad.nlp.components.agreement_patterns import (
    ACRONYM_USE,
    AMOUNT_BETWEEN,
    FRESH_LIST,
    GENERIC,
    HEAD_ALT,
    HEADS,
    JOINT_CITED,
    JOINT_ISSUED,
    JOINT_STATEMENT,
    LISTED_DOCS,
    LOWER_INSTRUMENT,
    NAMED_KIND,
    NOT_FIELDS,
    PLURAL_TRIGGER,
    ROADMAP,
    SESSION_RECORD,
    SIGNED_IDIOM,
    SIGNED_PARTICIPLE,
    SIGNED_SUBJECT,
    VISION,
    instrument_of,
    matches_with_inner,
    overlapping_matches,
    sectors_of,
)
from dyad.nlp.components.agreement_titles import TitledAgreements
from dyad.nlp.components.bullets import bullet_intro, bullet_lines
from dyad.nlp.components.context import (
    YEARS_AFTER_RE,
    before_dct,
    clause_tense,
    full_name,
    has_cue,
    nearest_date,
    persons_in,
    visit_part_date,
)
from dyad.nlp.components.util import dyad_of, source, span_text, text_of
from dyad.nlp.components.visit_story import story_visit
from dyad.nlp.gazetteer import gazetteer
from dyad.nlp.told import told_event_date

PLACE_TAIL = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})$")
CAPITAL_TAIL = re.compile(r"\s+in\s+the\s+(?:[A-Z][\w\-]*\s+)?capital$")


def names_a_century(t) -> bool:  # type: ignore[no-untyped-def]
    """"the 21st Century Maritime Silk Road": a century inside a name is no date that cuts it."""
    return re.search(r"[Cc]entury", t.text) is not None


def without_place(doc: Doc, start: int, text: str) -> str:
    """"a memorandum on cocoa marketing in Accra": where it was signed is not what it is about. A
    trailing "in/at <city>" (a place spaCy or the gazetteer knows, not a country: "investment in
    Pakistan" is the topic) or "in the <Kazakh> capital" is cut."""
    cut = CAPITAL_TAIL.search(text)
    if cut:
        return text[:cut.start()]
    m = PLACE_TAIL.search(text)
    if not m:
        return text
    place = m.group("place")
    known = gazetteer().country_of(place)
    if known:
        return text[:m.start()] if known[1] in ("capital", "city", "seat") else text
    a = start + m.start("place")
    if any(e.label_ == "GPE" and e.start_char == a for e in doc.ents):
        return text[:m.start()]
    return text


# "the X Agreement signed in 2021", "the X Treaty, which was concluded on 3 May 1996": the instrument's own day
# "A memorandum on X and a grant agreement for Y were also signed": a list of subjects of a passive signing
PASSIVE_SIGNED_AFTER_RE = re.compile(r"\b(?:were|was)\s+(?:also\s+|jointly\s+|formally\s+)?(?:signed|concluded|inked|"
                                     r"exchanged)\b")
SIGNED_AFTER_TITLE_RE = re.compile(r"\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:signed|concluded|inked|"
                                   r"ratified)(?:\s+(?:by|between)\s+[^,.;]{0,30}?)?\s+(?:in|on)\s+")
# an instrument whose own signing the sentence tells ("The ministers also signed a memorandum on ...")
SIGNED_BEFORE = re.compile(r"\b(?:signed|concluded|inked|exchanged|initialled|sign|signing|adopted|approved|"
                           r"(?:signatures?|names?|pen)\s+to)\b"
                           r"(?![^.;]*\b(?:not|yet)\b)", re.I)


class AgreementExtractor(TitledAgreements):
    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts if doc._.facts is not None else []
        main = story_visit(doc, doc._.visits or [])
        # Signing ceremonies dated to the day, by where they are told: an undated instrument
        # told after one was signed there.
        self.signings = sorted((f["sources"][0]["start"], f["start"]) for f in facts
                               if f.get("kind") == "event" and f.get("event_type") == "signing"
                               and f.get("start") and len(f["start"]) == 10)
        self.acronyms = {m.group(1) for m in ACRONYM_USE.finditer(text_of(doc))}
        for sent in doc.sents:
            found = self.titled(doc, sent, main)
            found += self.by_acronym(doc, sent, main, found)
            found += self.described(doc, sent, main, found)
            found += self.field_only(doc, sent, main, found)
            found += compound_instruments(self, doc, sent, main, found)
            found += quoted_titles(self, doc, sent, main, found)
            found += backdrop_instruments(self, doc, sent, main, found)
            found += purpose_instruments(self, doc, sent, main, found)
            for rec in found:
                if rec.pop("listed", False) and rec["status"] == "unknown":
                    # "witnessed the signing of a memorandum on A and a framework arrangement under
                    # which ...": the next item of a list read by another rule
                    self._continue_list(rec, [r for r in found if r is not rec], rec["sources"][0]["start"])
            self._acronym_aliases(text_of(doc), found)
            facts.extend(found)
        facts.extend(self.bulleted_fields(doc, main, facts))
        signed_told_later(doc, facts)
        name_signings(facts)
        _name_bare_heads(facts)
        doc._.facts = facts
        return doc

    # ------------------------------------------------------------------ shared
    def _common(self, doc: Doc, sent: Span, main: dict | None, anchor: int, title: str | None,
                noun: str, field: str | None, sectors: list[str], span: tuple[int, int],
                done: bool = False) -> dict:
        """The record of one instrument; ``done`` when its own participle says it was issued or signed."""
        start, _end, t = nearest_date(doc, sent, anchor)
        if t is not None and (span[0] <= t.start < span[1] or re.search(r"\d\s*[\u2013-]\s*$",
                                                                         text_of(doc)[max(0, t.start - 3):t.start])):
            start, t = None, None  # a date inside the title ("Program ... for 2024-2030") is not the signing
        # Only a date close to the instrument dates its signing; a later clause may date something else.
        own = t is not None and (anchor - 80 < t.start < anchor + 80 or span[0] - 80 < t.start < span[1] + 80 or (
            # "on Monday, exactly one year after they signed the X": the date, shifted, is the signing's
            t.end <= anchor and YEARS_AFTER_RE.search(text_of(doc)[t.end:anchor]) is not None))
        rel = re.search(r",\s*(?:which|that|who)\b(?P<clause>.*)$", text_of(doc)[span[1]:t.start]) \
            if t is not None and t.start >= span[1] else None
        signed_in_rel = bool(rel and re.search(r"\b(?:signed|concluded|inked|adopted|ratified|agreed)\b",
                                               rel.group("clause")))
        if own and rel and not signed_in_rel:
            own, start = False, None  # "an Agreement on X, which replaces the agreement of 1997": another date
        elif signed_in_rel and not re.search(r"[;:]", rel.group("clause")):
            own = True  # "the X Agreement (XA), which the two ministers signed in Oslo in May": however far
        signed_at = next((x for x in doc._.timexes or [] if span[1] <= x.start < span[1] + 60 and x.iso_date()
                          and SIGNED_AFTER_TITLE_RE.fullmatch(text_of(doc)[span[1]:x.start])), None)
        if signed_at is not None:
            # "to review the X Agreement signed in 2021": the participle right after the instrument dates it
            start, t, own, done = signed_at.iso_date(), signed_at, True, True
        instrument = instrument_of(noun)
        clause = span_text(sent)
        intro = bullet_intro(text_of(doc), anchor)
        if intro and INTRO_SIGNED.search(intro):
            # "Eleven instruments were then signed, notably:" governs each bullet under it
            clause = f"{intro} {clause}"
            done = done or not re.search(r"\b(?:will|shall|to be|expected|due)\b", intro, re.I)
        verb_start = max(sent.start_char, anchor - 40)
        verb = re.search(r"\b(?:signed|exchanged|concluded|inked|adopted|issued|approved|reached|signing|released|"
                         r"launched|unveiled|(?:put|affixed)\s+their\s+signatures\s+to)\b",
                         text_of(doc)[verb_start:anchor + 1])
        tense = clause_tense(doc, verb_start + verb.start()) if verb else clause_tense(doc, anchor)
        # Modality that bears on the instrument: before it in its sentence ("are expected to sign a
        # loan agreement") or in its own predicate ("... will be signed"), not in a clause that
        # describes it ("a memorandum, which officials said would support school meals").
        after = text_of(doc)[span[1]:min(sent.end_char, span[1] + 100)]
        before = text_of(doc)[sent.start_char:anchor]
        # a relative clause about something told before is no modality of this text ("the exchange of the FTA,
        # which officials said would remove duties ..., together with three memoranda on ...")
        before = re.sub(r",\s+(?:which|who)\b[^,;]*,", ",", before)
        # "agreed to launch negotiations on an Acquisition and Cross-Servicing Agreement": not yet signed
        negotiated = re.search(r"\bnegotiat\w*\s+(?:(?:on|over|of|for|towards?)\b|(?:an?|the)\s)[^.;]*$", before,
                               re.I)
        planned_cue = bool(negotiated) or has_cue(before, "planned_cues") or bool(re.search(
            r"\b(?:will|shall|would|is|are|is expected to|are expected to|is due to|are due to)\s+be\s+"
            r"(?:signed|concluded|adopted|finali[sz]ed|ratified|prepared|drafted)\b|"
            r"\b(?:is|are)\s+being\s+(?:prepared|drafted|negotiated|finali[sz]ed)\b", after, re.I)) or bool(
            # "among the documents being finalised were a memorandum on ...": not signed yet
            re.search(r"\bbeing\s+(?:prepared|drafted|negotiated|finali[sz]ed)\b", before, re.I)) or bool(
            # "the presidents should also sign off on a memorandum", "now hope to sign an agreement"
            re.search(r"\b(?:should|hopes?\s+to|aims?\s+to|wants?\s+to|seeks?\s+to)\s+(?:also\s+)?sign\b", before,
                      re.I))
        if done or (tense == "past" and verb and not negotiated):
            status = "signed"
        elif planned_cue and not re.search(r"\b(?:signed|exchanged|concluded|adopted)\b", clause, re.I):
            status = "planned"
        elif re.search(r"\b(?:could|should|might|may|tasked with|preparing|proposed|propose)\b", clause, re.I) \
                and instrument in ("roadmap", "program"):
            status = "planned"
        else:
            status = "signed" if (re.search(r"\b(?:signed|exchanged|concluded|inked|sealed|adopted|reached|issued|"
                                            r"approved|released|launched|unveiled|witnessed\s+the\s+(?:signing|exchange)|"
                                            + SIGNED_IDIOM + r")\b|"
                                            # "the session closed with the signing, chaired by ..., of ..."
                                            r"\bthe\s+signing\s*(?:,|of\b)",
                                            clause, re.I)
                                  or (main and main.get("status") == "occurred")) else "unknown"
        own_clause = text_of(doc)[anchor:min(sent.end_char, span[1] + 60)]
        lead_in = text_of(doc)[max(sent.start_char, anchor - 40):anchor + 1]
        if not done and tense != "past" and not verb and \
                not re.search(r"\b(?:signed|concluded|inked|adopted|reached)\b", own_clause) and \
                re.search(r"\bunder\s+(?:(?:an?|the)\b[\w\s\-]{0,30})?$", lead_in):
            status = "in_force"  # "exports power under a memorandum providing for ...": a text in force
        signed = None
        if status == "signed":
            # "At the council, ..." / "Following the meeting, ...": the told event dates the signing
            # (the signing told in this very sentence, dated by the story: "In talks on Friday, ... The ministers
            # then signed ...")
            here = next((f["start"] for f in doc._.facts or [] if f["kind"] == "event" and
                         f["event_type"] == "signing" and len(f.get("start") or "") == 10 and
                         sent.start_char <= f["sources"][0]["start"] < sent.end_char), None)
            # ("... witnessed the signing of fourteen documents. Only a few were described: an agreement on X":
            # the ceremony told in the sentence before)
            prev_start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
            just_before = next((d for pos, d in reversed(self.signings) if prev_start <= pos < sent.start_char), None)
            inherited = here or told_event_date(text_of(doc), sent.start_char, doc._.facts or []) or just_before or \
                (visit_part_date(main, doc._.dct) if main else None)
            if inherited and main and inherited == main.get("start") and main.get("end") and \
                    main["end"] != inherited:
                told = [d for pos, d in self.signings if pos <= sent.end_char and main["start"] <= d <= main["end"]]
                # Signed on one day of a multi-day visit: the day of the signing ceremony told
                # before it, or else just the month.
                inherited = told[-1] if told else inherited[:7]
            if not inherited:
                # Without a visit: the day of a signing the article has told so far, else the report's
                # month (not its day: the signing may predate it).
                told = [d for pos, d in self.signings if pos <= sent.end_char]
                inherited = told[-1] if told else None
            # a date after the report's is no day of a signing told as done ("signed an agreement on the delivery
            # of gas to Hungary in 2024", reported in December 2023): what the text provides for
            later = own and before_dct(doc._.dct, start)
            signed = start if own and not later else inherited or ((doc._.dct or "")[:7] or None)
        if status == "signed" and own and re.match(r"[^.;]{0,80}?,\s+(?:still|which\s+is\s+still|now)\s+in\s+force\b",
                                                   text_of(doc)[span[1]:min(sent.end_char, span[1] + 120)]):
            status = "in_force"  # "the agreement ... signed by the two countries in 2006, still in force"
        parties = list(main["countries"]) if main else dyad_of(doc)
        named = named_parties(doc, span[0], span[1])
        if named and set(named) != set(parties):
            # "Chile and Bolivia adopted the X Declaration" in a Chile-Peru story: another pair's text
            parties = named
            main = None
        signatories = [full_name(doc, p) for p in persons_in(doc, sent.start_char, sent.end_char)] \
            if re.search(r"\bsigned\b", clause, re.I) else []
        return {
            "kind": "agreement", "title": title, "field": field, "instrument": instrument, "sectors": sectors,
            "parties": sorted(parties), "signed": signed, "status": status, "event": None,
            "event_ref": f"signing:{main['ref']}:" if main and status == "signed" and not own else None,
            "signatories": sorted(set(signatories)), "sources": [source(*span)],
        }

    # ------------------------------------------------------------------ described
    def described(self, doc: Doc, sent: Span, main: dict | None, found: list[dict]) -> list[dict]:
        out = []
        taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in found]
        for rx in (NAMED_KIND, LOWER_INSTRUMENT, ROADMAP, JOINT_STATEMENT, JOINT_ISSUED, JOINT_CITED, SIGNED_PARTICIPLE,
                   VISION, SIGNED_SUBJECT):
            # the instruments of a list each start a match ("an agreement on A and a protocol amending B")
            text = span_text(sent)
            for m in (matches_with_inner(rx, text) if rx is LOWER_INSTRUMENT else rx.finditer(text)):
                a, b = sent.start_char + m.start("title"), sent.start_char + m.end("title")
                if any(x < b and a < y for x, y in taken):
                    continue
                if rx is LOWER_INSTRUMENT and m.group("listed") == "and" and not re.match(
                        # ("... and a grant agreement of $15 million for a training centre": an amount between)
                        r"(?:\s+" + AMOUNT_BETWEEN + r"(?=for\s))?"
                        r"\s*(?:between|with|to|for|amending|extending|establishing|creating|forming|under\s+which|"
                        r"waiving|exempting|of\s+the\s+(?:\w+\s+){0,2}(?:session|meeting))\b",
                        span_text(sent)[m.end("noun"):]) \
                        and not (m.group("noun").lower() in ("programme", "program") and
                                 re.match(r"\s+of\s", span_text(sent)[m.end("noun"):])):
                    continue  # "... and a memorandum on research": a field the field rule reads
                if rx is LOWER_INSTRUMENT and m.group("listed") == "," and re.match(r"an?\s", m.group("title")) and \
                        re.search(r"\bthe\s+(?:[A-Z][\w\-]*\s+(?:(?:and|of|on|for|the|in)\s+)*)*(?:" + HEAD_ALT +
                                  r")\s*$", span_text(sent)[:m.start("listed")]):
                    # "the Canada-Mexico Action Plan, a three-year roadmap covering trade": its apposition ("a X
                    # Agreement, an agreement on Y" is a list)
                    continue
                if rx is LOWER_INSTRUMENT and m.group("listed") and not re.search(
                        r"\b(?:signed|signing|concluded|inked|included|includes|include|including|exchanged|adopted|"
                        r"signatures\s+to|"
                        r"comprises|comprised|comprising|consists of|consisted of|cover|covers|covered)\b|"
                        + LISTED_DOCS, (bullet_intro(text_of(doc), a) or "") + span_text(sent)[:m.start()], re.I) \
                        and not PASSIVE_SIGNED_AFTER_RE.search(span_text(sent)[m.start("title"):]):
                    continue  # ", a financing agreement for ..." is listed only after a signing verb
                if rx is JOINT_STATEMENT and m.group("verb").lower() in ("and", "including", "included", "includes") \
                        and not re.search(
                        r"\b(?:signed|issued|adopted|released|approved|inked|concluded|exchanged)\b|" + LISTED_DOCS,
                        span_text(sent)[:m.start()], re.I):
                    continue  # "... and a joint statement" needs the verb that governs both
                if rx is SIGNED_SUBJECT and re.match(r"[Aa]n?\s", m.group("title")) and (
                        not re.match(r"\s+(?:was|were)\s", span_text(sent)[m.end("title"):])
                        or re.search(r"\bto\s+(?:this|that)\s+(?:effect|end)\b", m.group("title"))
                        or not re.match(r"[Aa]n?\s+[a-z][\w\-]*\s+" + m.group("noun"), m.group("title"))):
                    # "A memorandum on developing micro, small and ... was signed": a list cut short; "An agreement on
                    # X was signed": its field, which the field rule reads ("a grant agreement ..." is named by kind)
                    continue
                raw = m.group("title")
                under = re.search(r"\s+(?:" + m.group("noun") + r")\s+under\s+which\b", raw) if rx is LOWER_INSTRUMENT \
                    else None
                if under and sectors_of(raw[:under.start()]):
                    continue  # "a power supply agreement under which ...": named by its field, read as a compound
                title = re.sub(r"^(?:a|an|the)\s+", "", raw, flags=re.I).strip()
                a += len(raw) - len(raw.lstrip()) + (len(raw.strip()) - len(title))  # span starts at the title
                # "a loan agreement of about 100 billion yen for X": the amount is a metric, not the title
                # (the evidence span still runs over it)
                amount = re.search(r"\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+)?[$\u20ac\u00a3\u00a5]?[\d.,]+\s+"
                                   r"(?:(?:million|billion|trillion)\s+)?[\w.]+(?=\s+(?:to|on|for)\s)", title)
                amount_len = len(amount.group(0)) if amount else 0
                if amount:
                    title = title[:amount.start()] + title[amount.end():]
                title = re.split(r",?\s+(?:in\s+an?\s+(?:deal|transaction|contract)\s+)?(?:worth|valued\s+at)\s+"
                                 r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?[$\u20ac\u00a3\u00a5\d]|"
                                 r"(?<!under)\s+(?:so that|which|that|in order|because|while|together with|along with|"
                                 r"alongside|as well as)\b|\s+" + PASSIVE_SIGNED_AFTER_RE.pattern + "|"
                                 r"\s+and\s+(?:a|an|the)\s+(?:[a-z\-]+\s+)?(?:memorand\w*|"
                                 r"agreements?|protocols?|contracts?|treat\w+|deals?|roadmaps?|(?:work\s+)?plans?|programmes?|"
                                 r"declarations?)\b", title)[0]
                for t in [] if rx is NAMED_KIND else doc._.timexes or []:  # "Vision 2035" keeps its year
                    if a < t.start < a + len(title) and not re.search(r"\b(?:the|their|its|our|this|that)\s+$",
                                                                      text_of(doc)[a:t.start]) \
                            and not in_year_span(text_of(doc), t) and not names_a_century(t):
                        # "memorandum on the Development Road in April" ("the 1996 agreement" stays)
                        title = re.sub(r"\s+(?:in|on|at|during|last|this|next|for|from|of|to|until|by|before|after|"
                                       r"within)\s*$", "",
                                       text_of(doc)[a:t.start].rstrip())
                        break
                title = without_place(doc, a, title)
                sectors = sectors_of(title)
                if SESSION_RECORD.match(title) and not sectors:
                    # "the protocol of the 13th meeting of the commission": the fields the commission is named
                    # for ("... Intergovernmental Commission on Trade and Economic Cooperation")
                    told = [f["sources"][0]["start"] for f in doc._.facts or [] if f.get("kind") == "event"
                            and f.get("event_type") == "council_session" and f.get("sources")]
                    bodies = [re.split(r"[.;]", text_of(doc)[at:at + 160])[0] for at in told]
                    sectors = next((sectors_of(b) for b in bodies if sectors_of(b)), [])
                if rx in (JOINT_STATEMENT, JOINT_ISSUED, JOINT_CITED) or SESSION_RECORD.match(title):
                    sectors = sectors or ["diplomacy"]  # a session's protocol records the whole session
                lead = re.split(r",\s+(?:and|but|while|whereas)\s+|;",
                                span_text(sent)[max(0, m.start("title") - 45):m.start("title")])[-1]
                if not sectors and rx is LOWER_INSTRUMENT and SIGNED_BEFORE.search(lead) \
                        and len(title.split()) >= 3:
                    # "signed a memorandum on halal product certification": a field the vocabulary lacks; a plan
                    # of action with no field is the relationship's own
                    sectors = ["diplomacy"] if instrument_of(m.group("noun")) in ("program", "roadmap") and \
                        not re.search(r"\b(?:on|in)\s", title) else ["other"]
                if not sectors and rx is NAMED_KIND:
                    # "the UK-India Vision 2035, a ten-year roadmap for the partnership": the relationship's own
                    sectors = sectors_of(span_text(sent)[m.end("title"):m.end() + 60]) or ["diplomacy"]
                if not sectors and rx is SIGNED_SUBJECT:
                    # "The contract for the X project, a 1,200-megawatt nuclear plant, was signed": the apposition
                    # tells the field
                    after = span_text(sent)[m.end("title"):m.end("title") + 90]
                    sectors = sectors_of(after.split(" was ")[0]) or ["other"]
                if not sectors:
                    continue
                noun = m.groupdict().get("noun") or re.match(r"\w+(?: map| plan)?", title).group(0)
                if rx is SIGNED_PARTICIPLE:
                    noun = title  # "a power sales agreement" is a contract
                if rx in (JOINT_STATEMENT, JOINT_ISSUED, JOINT_CITED):
                    noun = "joint " + noun
                span_end = a + len(title) + (amount_len if amount and amount.start() < len(title) else 0)
                rec = self._common(doc, sent, main, a, title, noun, None, sectors, (a, span_end),
                                   done=rx in (JOINT_ISSUED, JOINT_CITED))
                if m.groupdict().get("listed"):
                    self._continue_list(rec, [*found, *out], a)
                    rec["listed"] = True
                out.append(rec)
                taken.append((a, max(span_end, a + 1)))
                if rx is NAMED_KIND:
                    taken.append((a, sent.start_char + m.end()))  # its apposition ("a ten-year roadmap") is itself
        return out

    @staticmethod
    def _continue_list(rec: dict, before: list[dict], a: int) -> None:
        """", and a memorandum on X" is the next item of a list the same verb governs ("witnessed the
        signing of a loan agreement ..., and a memorandum ..."): its status and date are the first's."""
        prev = [r for r in before if r["sources"][0]["end"] <= a]
        if prev:
            last = max(prev, key=lambda r: r["sources"][0]["start"])
            for k in ("status", "signed", "event_ref"):
                rec[k] = last[k]

    # ------------------------------------------------------------------ field-only
    def field_only(self, doc: Doc, sent: Span, main: dict | None, found: list[dict]) -> list[dict]:
        out = []
        taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in found]
        lists: set[int] = set()
        spans: list[tuple[int, int]] = []  # lists already read: an instrument named inside one is its item
        for m in overlapping_matches(PLURAL_TRIGGER, span_text(sent)):
            a = sent.start_char + m.start()
            if any(x <= a < y for x, y in taken):
                continue
            list_start = sent.start_char + m.start("list")
            if list_start in lists or any(x < a < y for x, y in spans):
                continue  # "contracts and agreements in A, B": one list, named by its first noun
            lists.add(list_start)
            if m.group("cover") and not re.search(r"(?:s|memoranda)$", m.group("noun"), re.I):
                continue  # "the energy agreement covers transit and storage": one text's content, not a list
            if any(list_start <= t.start < list_start + 2 for t in doc._.timexes or []):
                continue  # "agreements on Friday covering ...": a date, not a list of fields
            if m.group("mid").strip() and m.group("list")[:1].isupper():
                continue  # "the memorandum was signed in Nicosia by ...": a place, not a field
            another = m.group("list").find(" and another ")
            if another > 0 and re.match(r"(?:amending|establishing|creating|extending)\b", m.group("list")):
                # "protocols on amending the agreement on A and another on B": two instruments, each
                # named by what it does
                single = instrument_of(m.group("noun"))
                word = {"program": "programme"}.get(single, single)
                conn = re.match(r"\w+", span_text(sent)[m.start("list") - 4:m.start("list")].split()[-1]).group(0)
                first = m.group("list")[:another]
                rest = re.match(r"\s+and\s+another\s+(?:on\s+)?([^,;]+?)(?=\s+dated\b|,|$)",
                                m.group("list")[another:])
                for piece, offset in ((first, 0), (rest.group(1) if rest else None, None)):
                    if not piece:
                        continue
                    s = list_start + (offset if offset is not None else m.group("list").find(piece, another))
                    out.append(self._common(doc, sent, main, a, f"{word} {conn} {piece}", m.group("noun"), None,
                                            sectors_of(piece), (s, s + len(piece))))
                spans.append((list_start, sent.start_char + m.end("list")))
                continue
            many = bool(re.search(r"(?:s|memoranda)$", m.group("noun"), re.I))
            items = list_items(doc, list_start, sent.start_char + m.end("list"), many)
            if items:
                spans.append((list_start, max(e for _, (_, e) in items)))
            noun = m.group("noun")
            if noun.lower() in ("documents", "document"):
                noun = "other"  # "signed documents in education": which instrument is not said
            list_id = f"{sent.start_char}:{m.start()}"
            fielded = sum(1 for item, _ in items if sectors_of(item))
            for item, (s, e) in items:
                if any(s <= t.start < s + 2 for t in doc._.timexes or []):
                    continue  # "agreements on Friday covering ...": a date, not a field
                for t in doc._.timexes or []:
                    if s < t.start < e and not names_a_century(t):
                        cut = text_of(doc)[s:t.start]
                        cut = re.sub(r"\s+(?:in|on|by|at|from|since|during|until|before|after|next|last|this)\s*$",
                                     "", cut.rstrip())
                        item, e = cut.strip(), s + len(cut.strip())
                        break
                placed = without_place(doc, s, item)
                item, e = placed, s + len(placed)
                if not item or item.lower() in GENERIC or NOT_FIELDS.match(item):
                    continue
                sectors = sectors_of(item)
                if not sectors and len(items) >= 3 and 2 * fielded > len(items) and len(item.split()) <= 4 and \
                        not re.search(r"\b[A-Z]", item) and any(t.pos_ == "NOUN" or t.tag_ == "VBG" for t in
                                                                 doc.char_span(s, e, alignment_mode="expand") or []):
                    # "MoC on agriculture, MoC on metro rail, MoC on ship recycling": an item of a list of
                    # instruments whose field the vocabulary lacks is still an instrument
                    sectors = ["other"]
                if not sectors:
                    continue
                title, span = None, (s, e)
                singular = not (noun.lower().endswith("s") or noun.lower().startswith("memoranda"))
                if singular and len(items) == 1 and (item.lower().startswith("the ") or len(item.split()) >= 4
                                                     or re.search(r"\b[A-Z]", item)):
                    # "a memorandum on the financing of the Great Sea Interconnector", "a memorandum of
                    # understanding on critical minerals supply chain cooperation": one specific instrument,
                    # named by its whole phrase (and still filed under its field)
                    title, span = text_of(doc)[a:e], (a, e)
                    item = re.sub(r"^the\s+", "", item)
                if m.group("between"):
                    # "Cooperation programmes between the foreign ministries and the defence ministries
                    # were signed": one instrument per pair of parties, named by its parties
                    pre = re.search(r"\b(cooperation|partnership|exchange|work|action)\s+$",
                                    span_text(sent)[:m.start()],
                                    re.I)
                    single = re.sub(r"(?:me)?s$", "", noun.lower()) + ("me" if noun.lower().startswith("programme")
                                                                          else "")
                    title = f"{pre.group(1).lower() + ' ' if pre else ''}{single} between {item}"
                rec = self._common(doc, sent, main, a, title, noun, item, sectors, span)
                if re.search(r",\s+(?:and\s+)?(?:a|an)\s+$", text_of(doc)[max(0, a - 10):a]):
                    self._continue_list(rec, [*found, *out], a)  # "..., and a memorandum of cooperation on X"
                rec["list_id"] = list_id
                # "agreements in X" may recap instruments told before; "a memorandum on X" is one of its own
                rec["plural"] = noun.lower().endswith("s") or noun.lower().startswith("memoranda")
                if FRESH_LIST.search(span_text(sent)[max(0, m.start() - 40):m.start()]):
                    rec["plural"] = False  # "the remaining documents were memorandums on A and B": new texts
                out.append(rec)
        return out

    def bulleted_fields(self, doc: Doc, main: dict | None, facts: list[dict]) -> list[dict]:
        """"the exchange of two Memoranda of Understanding:" over bullets "- on cooperation in X;": one
        instrument per bullet that gives only its field."""
        out: list[dict] = []
        text = text_of(doc)
        taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in facts if f.get("kind") == "agreement"]
        for m in PLURAL_COLON.finditer(text):
            for s, e in bullet_lines(text, m.end()):
                lead = re.match(r"(?:on|in|for|concerning|regarding)\s+", text[s:e], re.I)
                if not lead or any(x < e and s < y for x, y in taken):
                    continue
                items = list_items(doc, s + lead.end(), e, many=False)
                span = doc.char_span(s, e, alignment_mode="expand")
                for item, (a, b) in items[:1]:
                    sectors = sectors_of(item)
                    if not sectors or span is None or item.lower() in GENERIC:
                        continue
                    out.append(self._common(doc, span.sent, main, a, None, m.group("noun"), item, sectors, (a, b)))
        return out

@Language.factory("dyad_agreements")
def make_agreement_extractor(nlp: Language, name: str) -> AgreementExtractor:
    return AgreementExtractor()


def _name_bare_heads(facts: list[dict]) -> None:
    """"the Joint Statement" told in an article that names one "Joint Statement of the Fifth Summit"
    is that text: the bare head takes the full title (with two candidates it stays as it is)."""
    heads = {h.lower() for h in HEADS}
    named = [f for f in facts if f.get("kind") == "agreement" and f.get("title")]
    for f in named:
        t = f["title"].lower()
        if t not in heads:
            continue
        fuller = {g["title"] for g in named if g["title"].lower().startswith(t + " ")
                  and g["instrument"] == f["instrument"]}
        if len(fuller) == 1:
            f["title"] = fuller.pop()

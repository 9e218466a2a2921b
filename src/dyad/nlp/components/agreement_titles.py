"""Instruments named by a title ("Agreement on ...", "Treaty of Friendship, Partnership and Cooperation",
"Decision No. 2 approving ...") and by the acronym the article gives one (a mixin of the agreement extractor, which
provides ``_common``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.agreement_context import cut_trailing_date
from dyad.nlp.components.agreement_patterns import (
    ACRONYM_DEF,
    ANNIV_RE,
    CLAUSE_WORDS,
    FUNCTION,
    HEAD_ALT,
    HEAD_RE,
    HEADS,
    MONTHS,
    PARTICIPLES,
    STOP_LEFT,
    TOKEN_RE,
    WEEKDAYS,
    instrument_of,
    sectors_of,
)
from dyad.nlp.components.context import before_dct
from dyad.nlp.components.util import ACRONYM_AFTER, acronym_of, span_text, text_of
from dyad.nlp.gazetteer import gazetteer

# "Treaty of Friendship, Partnership and Cooperation": a list in title case inside an instrument's name
_TITLE_WORDS = r"[A-Z][\w\-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w\-]+)*"
TITLE_CASE_LIST_RE = re.compile(r"[ \t]*,[ \t]*" + _TITLE_WORDS + r"(?:[ \t]*,[ \t]*" + _TITLE_WORDS
                                + r")*,?[ \t]+and[ \t]+" + _TITLE_WORDS)
# "of up to 1.46 billion yen", "worth $20 million", "amounting to EUR 5 million" inside a described title
AMOUNT_IN_TITLE_RE = re.compile(
    r"\s+(?:of|worth|totall?ing|amounting\s+to)\s+(?:up\s+to\s+|about\s+|some\s+|nearly\s+|over\s+)?"
    r"(?:[A-Z]{0,3}[$\u20ac\u00a3\u00a5]\s?|[A-Z]{3}\s)?\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|mn))?"
    r"(?:\s+(?:[A-Z][a-z]+\s+)?(?:yen|dollars?|euros?|pounds?|yuan|renminbi|won|rupees?|riyals?|dirhams?|"
    r"tenge|soms?|roubles?|rubles?|francs?|[A-Z]{3}))?(?=\s+(?:for|to|on|in)\b)")

class TitledAgreements:
    """Titled instruments and their acronyms."""

    def titled(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        out = []
        text = span_text(sent)
        for m in HEAD_RE.finditer(text):
            head = m.group("head")
            if head == "Decision" and not m.group("no"):
                continue
            start, end = self._extend_left(text, m.start()), self._extend_right(text, m.end(), bool(m.group("no")))
            title = text[start:end].strip()
            # a bare head, or one named by its parties ("Memorandum of Understanding between A and B on
            # cooperation in ..."): the lower-case field after it is the rest of its name
            if title in HEADS or title == head or re.search(r"\bbetween\b", title):
                comp = re.match(r"\s+(?:on|for|concerning|regarding|to|of(?=\s+(?!the\b|a\b|an\b|their\b|its\b|"
                                r"our\b|this\b|these\b|those\b|both\b)[a-z]))\s+[a-z](?:[^.;:()]|\.(?=\d))*?"
                                r"(?=\s+(?:was|were|is|are|has|had|will|which|that|who)\b|[.;:()]|$|,\s+(?:and\s+)?"
                                r"(?:(?:a|an|the)\s+)?(?:" + HEAD_ALT + r")\b|\s+and\s+(?:(?:a|an|the)\s+)?(?:"
                                + HEAD_ALT + r")\b)", text[end:])
                if comp:
                    end += comp.end()
                    for t in doc._.timexes or []:
                        if sent.start_char + start < t.start < sent.start_char + end:
                            # "a Declaration of friendship ... on Monday": the date is the signing's
                            cut = re.sub(r"\s+(?:on|in|at|last|this|next|during|from)\s*$", "",
                                         text[start:t.start - sent.start_char].rstrip())
                            end = start + len(cut)
                            break
                    title = text[start:end].strip()
            # "grant aid of up to 1.46 billion yen for the X Project": the sum is what the instrument gives,
            # not part of its name
            title = AMOUNT_IN_TITLE_RE.sub("", title)
            cut = cut_trailing_date(doc, sent.start_char + start, title)
            if cut != title:
                title, end = cut, start + len(cut)  # "the X Declaration last November"
            dated = next((t for t in doc._.timexes or [] if sent.start_char + start < t.start < sent.start_char + end
                          and t.end >= sent.start_char + end - 1 and t.iso_date() and
                          re.search(r"\s+of\s+$", text_of(doc)[sent.start_char + start:t.start])), None)
            if dated is not None:
                # "the Panmunjom Declaration of April 27": the day it was signed, not part of its name
                cut = re.sub(r"\s+of\s+$", "", text_of(doc)[sent.start_char + start:dated.start])
                title, end = cut, start + len(cut)
            words = title.split()
            if len(words) < 2:
                continue  # a bare "Agreement" is a reference, not a title
            a, b = sent.start_char + start, sent.start_char + end
            noun = "decision" if head == "Decision" else head
            sectors = sectors_of(title) or self._described_sectors(text[end:]) or (["diplomacy"] if instrument_of(
                noun) in ("treaty", "joint_statement", "decision", "charter", "declaration") else [])
            rec = self._common(doc, sent, main, a, title, noun, None, sectors, (a, b))
            kind = re.match(r",\s*(?:a|an)\s+(?:[\w\-]+\s+){0,2}?(?P<n>roadmap|road map|programme|program|treaty|"
                            r"memorandum|protocol|declaration|charter)\b", text[end:])
            if kind:
                rec["instrument"] = instrument_of(kind.group("n"))  # "the X Action Plan, a three-year roadmap"
            if dated is not None and before_dct(dated.iso_date(), doc._.dct):
                rec["signed"], rec["status"] = dated.iso_date(), "signed"
            year_before = re.search(r"\b(?:the|its|their|a)\s+((?:19|20)\d\d)\s+$", text[:start])
            if year_before and before_dct(year_before.group(1), doc._.dct) and rec["status"] in ("unknown", "signed"):
                # "the 2008 Treaty of Friendship": signed that year, whatever the sentence is about
                rec["signed"], rec["status"], rec["event_ref"] = year_before.group(1), "signed", None
            anniv = ANNIV_RE.search(text[:start])
            if anniv:
                # "the 20th anniversary of the Treaty ...": signed N years before the anniversary.
                ref_year = (rec.get("signed") or (main or {}).get("start") or doc._.dct or "")[:4]
                told = rec.get("signed") or ""
                if ref_year.isdigit() and not (len(told) > 4 and before_dct(told, doc._.dct) and
                                               int(told[:4]) < int((doc._.dct or "9999")[:4]) - 1):
                    rec["signed"] = str(int(ref_year) - int(anniv.group(1)))
                # (the Treaty "signed in Bonn on 17 June 1991" keeps the day it is told with)
                rec["status"] = "in_force"
                rec["event_ref"] = None
                rec["signatories"] = []
            out.append(rec)
        return out

    def by_acronym(self, doc: Doc, sent: Span, main: dict | None, found: list[dict]) -> list[dict]:
        """"the Strategic Trade and Investment Partnership (STIP) between Kenya and the United States"
        where the article also says "the STIP agreement": a named instrument its acronym calls one."""
        out = []
        taken = [(f["sources"][0]["start"], f["sources"][0]["end"]) for f in found]
        for m in ACRONYM_DEF.finditer(span_text(sent)):
            acr = m.group("acr")
            a, b = sent.start_char + m.start("name"), sent.start_char + m.start("name") + len(m.group("name").rstrip())
            if acr not in self.acronyms or any(x < b and a < y for x, y in taken):
                continue
            title = m.group("name").strip()
            if gazetteer().country_of(title) or len(title.split()) < 2:
                continue
            rec = self._common(doc, sent, main, a, title, "agreement", None, sectors_of(title), (a, b))
            rec["aliases"] = [acr]
            out.append(rec)
        return out

    @staticmethod
    def _acronym_aliases(text: str, found: list[dict]) -> None:
        """"the Mutual Logistics Support Agreement (MLSA)": an acronym defined right after a title whose
        words it abbreviates is the instrument's alias, kept so that later mentions by acronym join it."""
        for rec in found:
            if not rec.get("title") or rec.get("aliases"):
                continue
            m = ACRONYM_AFTER.match(text, rec["sources"][0]["end"])
            if m and acronym_of(rec["title"], m.group("acr")):
                rec["aliases"] = [m.group("acr")]

    @staticmethod
    def _described_sectors(after: str) -> list[str]:
        """Sectors from what the sentence says the instrument is or does, right after its title: "the
        Action Plan, a three-year roadmap covering trade, energy and security"; "an Agreement (ACSA),
        which would let the two militaries share fuel"."""
        m = re.match(r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:which|that|a|an|the|under which)\b|\s+(?:covering|which|that|"
                     r"allowing|to allow|under which)\b)[^.;]{0,160}", after)
        found = sectors_of(m.group(0)) if m else []
        return [x for x in found if x != "diplomacy"]

    def _extend_left(self, text: str, pos: int) -> int:
        """The capitalised words of a title before its head, across the small words of title case
        ("Acquisition and Cross-Servicing Agreement", "General Security of Military Information
        Agreement"), but not across a country ("Japan and Philippine ...") or a determiner."""
        start = cursor = pos
        for m in reversed(list(re.finditer(r"[\w\-\u2019'&]+\s+", text[:pos]))):
            word = m.group(0).strip()
            if m.end() != cursor:
                break
            if word[:1].isupper() and word not in STOP_LEFT:
                if cursor != start and gazetteer().country_of(word):
                    break
                start = cursor = m.start()
                continue
            if word in ("and", "of", "for", "on", "&") and cursor == start and start != pos:
                cursor = m.start()
                continue
            break
        return start

    def _extend_right(self, text: str, pos: int, numbered: bool) -> int:
        """Consume 'on the Establishment of a Joint ...', 'commemorating the 20th anniversary of ...'."""
        end = pos
        last_good = pos
        lower_run = 0
        i = pos
        allow_comma = numbered
        while i < len(text):
            m = re.match(r"[ \t]*(,[ \t]*)?(" + TOKEN_RE.pattern + r")", text[i:])  # never across a line break
            if not m:
                break
            comma, tok = m.group(1), m.group(2)
            amount = AMOUNT_IN_TITLE_RE.match(text, i)
            if amount and not comma:
                i = amount.end()  # "grant aid of up to 1.46 billion yen for the ...": read on past the sum
                continue
            firm = re.match(r"[ \t]+(?:S\.p\.A\.|S\.A\.|N\.V\.|B\.V\.|Ltd\.|Inc\.|Co\.|Corp\.)(?=[\s,;])", text[i:])
            if firm and not comma:
                i += firm.end()  # "Snam S.p.A. on cooperation ...": a company's legal form, not the title's end
                last_good = i
                continue
            paren = re.match(r"[ \t]*\([A-Z][A-Za-z&.\-]{1,10}\)", text[i:])
            if paren and not comma and re.match(r"\s+(?:and|on|of|for)\s", text[i + paren.end():]):
                # "... of the Republic of Azerbaijan (SOCAR) and Snam S.p.A. on ...": a party's acronym inside
                # the title; one closing the title stays out of it
                i += paren.end()
                continue
            enum = TITLE_CASE_LIST_RE.match(text[i:]) if comma and re.search(r"\b(?:of|on)\s", text[pos:i]) \
                and text[:i].split()[-1][:1].isupper() else None
            if enum and not any(gazetteer().country_of(w) for w in re.findall(r"[A-Z][\w\-]+", enum.group(0))):
                # "Treaty of Friendship, Partnership and Cooperation": a list in title case is the title's own
                i += enum.end()
                last_good = i
                continue
            if comma and not (allow_comma and tok.lower() in PARTICIPLES):
                break
            if tok.lower() == "and" and re.match(r"\s*and\s+(?:(?:on|in|for|to|with)\s+)?(?:a|an|the)\s", text[i:]) \
                    and not (re.search(r"\bbetween\b", text[pos:i]) and " and " not in text[pos:i]):
                break  # "... for 2024-2030 and an Agreement on ...": the next item of a list
            if tok.lower() == "and" and re.match(r"\s*and\s+(?:" + HEAD_ALT + r")\b", text[i:]) and any(
                    w[:1].islower() and w.lower() not in FUNCTION for w in text[pos:i].split()):
                break  # "Memorandum of Cooperation on metro rail and Memorandum of Cooperation on ...": the next
            if tok.lower() in ("in", "at", "on") and re.match(r"\s*(?:in|at|on)\s+(?:the\s+)?([A-Z][\w\-]+)", text[i:]):
                nxt = re.match(r"\s*(?:in|at|on)\s+(?:the\s+)?([A-Z][\w\-]+)", text[i:]).group(1)
                if gazetteer().country_of(nxt) or nxt in MONTHS or nxt in WEEKDAYS:
                    break  # "... Relations in Tashkent in December 2022": place and date, not title
            allow_comma = False
            if tok[:1].isupper() or re.match(r"\d", tok) or tok == "No.":
                lower_run = 0
                i += m.end()
                last_good = i
                continue
            if tok.lower() in FUNCTION or tok.lower() in PARTICIPLES:
                i += m.end()
                continue
            if tok[:1].islower() and tok.isalpha() and lower_run < 3 and tok.lower() not in CLAUSE_WORDS:
                lower_run += 1
                i += m.end()
                continue
            break
        end = last_good
        return end

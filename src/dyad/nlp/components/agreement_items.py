"""The items of a list of fields after a plural instrument ("memoranda on A, B and C"): each item with its
span, cut where the list ends."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.components.agreement_patterns import sectors_of
from dyad.nlp.components.util import text_of

# an instrument noun repeated before each item of a list of fields
REPEATED_NOUN = (r"(?:(?:an?\s+)?(?:MoUs?|MoCs?|[Mm]emorand(?:um|a|ums)(?:\s+of\s+(?:understanding|cooperation))?|"
                 r"[Aa]greements?|[Pp]rotocols?)\s+)?")


def list_items(doc: Doc, start: int, end: int, many: bool = True) -> list[tuple[str, tuple[int, int]]]:
    """Split 'A, B, and C' into fields, stopping where the clause's verb begins; "A and B" of one
    instrument ("a memorandum on fisheries and maritime cooperation", not ``many``) is one field."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    stop = end
    for i, tok in enumerate(span):
        prev = span[i - 1] if i else None
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG",) and tok.dep_ not in ("compound", "amod") or (
                tok.tag_ == "VBG" and prev is not None and prev.text in (",", "and")):
            stop = tok.idx
            break
        # a spaced dash or a bracket ends the list; "defence-industrial" and "cross-border" do not
        if tok.text == "(" and re.match(r"\([A-Z][A-Za-z&.\-]{1,10}\)", text_of(doc)[tok.idx:tok.idx + 14]):
            continue  # "between X and the Malaysian Investment Development Authority (MIDA), on ...": a name's acronym
        if tok.text in ("-", "\u2013", "\u2014", "(") and i and (tok.text == "(" or span[i - 1].whitespace_):
            stop = tok.idx
            break
    chunk = text_of(doc)[start:stop].rstrip(" ,")
    # "a memorandum on green maritime cooperation between the Ministry of Trade, Industry and Fisheries and the
    # Ministry of Ports, Shipping and Waterways": the parties' names are no items
    if not re.search(r"(?:,\s+(?:and\s+)?|\s+and\s+)" + REPEATED_NOUN + r"(?:on|in)\s+", chunk):
        # (not in "namely on A, on cooperation between the X Centre (XC) and its counterpart, on B": one item's)
        chunk = re.split(r"\s+between\s+(?:the\s+|its\s+|their\s+)?(?=[A-Z])", chunk)[0]
    chunk = re.sub(r"\s+(?:that|which|who|whose|to)$", "", chunk)  # "requirements that opens ..."
    chunk = re.sub(r",?\s+(?:and|or)$", "", chunk)  # "... of the cable and [setting a timetable]"
    instrument_next = re.search(r",?\s+(?:and\s+)?(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:memorand\w*|agreements?|"
                                r"protocols?|accords?|deals?|roadmaps?|treat\w+|contracts?|programmes?|programs?|"
                                r"plans?|communiqu\w+|declarations?|arrangements?)\b", chunk, re.I)
    if instrument_next:
        chunk = chunk[:instrument_next.start()]
    cut = re.search(r",?\s+(?:as well as|along with|together with|alongside|including|which|that|who)(?:\s+|$)|"
                    r",?\s+(?:and|while|but)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?"
                    r"(?:agreements?|memorand\w+|"
                    r"accords?|protocols?|documents?)\b", chunk)
    if cut:
        chunk = chunk[:cut.start()]
    # "a memorandum on A and another on B": two instruments, one field each (same length: offsets hold)
    another = re.search(r"\s+and\s+another\s+(?:on|in|for|concerning)\s+", chunk) is not None
    chunk = re.sub(r"\s+and\s+another\s+(?:on|in|for|concerning)\s+",
                   lambda x: "," + " " * (len(x.group(0)) - 1), chunk)
    parts: list[tuple[str, int]] = []
    pos = 0
    # "on A, on B and on C": the repeated preposition marks the items; "and" inside one stays
    # ("mutual legal assistance in criminal matters" is one item: a bare "in" does not repeat)
    # ("MoU on A, MoU on B and MoU on C": the instrument itself may repeat before the preposition)
    # ("in the fields of youth and sports and of tourism": "of" repeated after "the fields of")
    joint = r"(?:,\s+(?:and\s+)?|\s+and\s+)" + REPEATED_NOUN + r"(?:on|in|of)\s+"
    repeated = re.search(joint, chunk) is not None
    pieces = re.split("(" + joint + ")", chunk) if repeated else chunk.split(",")
    if repeated:
        for k in range(0, len(pieces), 2):
            parts.append((pieces[k], start + pos))
            pos += len(pieces[k]) + (len(pieces[k + 1]) if k + 1 < len(pieces) else 0)
    else:
        for piece in chunk.split(","):
            parts.append((piece, start + pos))
            pos += len(piece) + 1
    out = []
    for piece, offset in parts:
        lead = len(piece) - len(piece.lstrip())
        text = piece.strip()
        if text.lower().startswith("and "):
            text, lead = text[4:], lead + 4
        text = re.sub(r"^(?:the|a|an)\s+", "", text)
        # "a memorandum on cooperation in semiconductors": the field is what the cooperation is in
        text = re.sub(r"^(?:cooperation|collaboration|partnership)\s+(?:in|on)\s+(?:the\s+(?:fields?|areas?|"
                      r"spheres?)\s+of\s+)?(?=\w)", "", text)
        if not text:
            continue
        subparts = [text]
        if " and " in text and not repeated and (many or (len(parts) > 1 and not another)):
            left, right = text.split(" and ", 1)
            # "trade and economic cooperation" is one field; "labour migration and housing" two
            if sectors_of(left) and sectors_of(right) and (set(sectors_of(left)) != set(sectors_of(right))
                                                           or sectors_of(left) == ["other"]):
                subparts = [left, right]
            elif many and len(parts) >= 3 and re.match(r"(?:the|a|an)\s", right) and sectors_of(right) and \
                    not re.search(r"\b(?:of|for|on|in|with|between)$", left):
                subparts = [left, right]  # "..., social inclusion and the fight against climate change": two items
        for sp in subparts:
            sp = re.sub(r"^(?:the|a|an)\s+", "", sp)  # "A and the B"
            # "between the academies of the two ministries": the parties' owners are not the field
            sp = re.sub(r"\s+of\s+the\s+(?:two|both)\s+(?:countries|sides|nations|states|governments|"
                        r"(?:foreign\s+)?ministries)$", "", sp)
            if not sp:
                continue
            s = text_of(doc).find(sp, offset)
            out.append((sp, (s, s + len(sp))))
    return out

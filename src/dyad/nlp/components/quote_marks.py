"""Quotation marks: the pairs of marks in a text, paragraph by paragraph, as Quote spans.

Curly “...” (the closer may be a straight " or missing before the paragraph end in sloppy copy),
straight "...", «...» and single '...' / ‘...’ (only when closed in the paragraph, since the marks
double as apostrophes). A quotation left open at a paragraph end and carried on by an opening mark
at the next paragraph is linked to it (one quotation over two paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass

CURLY_OPEN = "\u201c\u201e"
CURLY_CLOSE = "\u201d"
GUILLEMET_OPEN = "\u00ab"
GUILLEMET_CLOSE = "\u00bb"
SINGLE_OPEN = "'\u2018"
SINGLE_CLOSE = "'\u2019"
ELLIPSIS_EDGES = " \t\n.\u2026"


@dataclass
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset after the closing mark (the paragraph end when it is missing)
    start: int  # first quoted character kept
    end: int  # after the last quoted character kept
    closed: bool
    speech: bool = True
    speaker: str | None = None
    cont: Quote | None = None  # the next paragraph's quotation that carries this unclosed one on
    carried: bool = False  # this quotation carries the previous paragraph's unclosed one on


# ---------------------------------------------------------------------------- finding marks
def find_quotes(text: str) -> list[Quote]:
    """Pairs of quotation marks, one Quote per pair, scanned paragraph by paragraph."""
    out: list[Quote] = []
    pos = 0
    for para in text.split("\n"):
        _scan_paragraph(text, pos, pos + len(para), out)
        pos += len(para) + 1
    _link_paragraphs(text, out)
    return out


def _link_paragraphs(text: str, quotes: list[Quote]) -> None:
    """A quotation running over paragraphs: the first paragraph ends with no closing mark and
    the next one opens with a (double) opening mark, the newsroom convention for carrying
    one speaker's words on. The two are one quotation."""
    for a, b in zip(quotes, quotes[1:], strict=False):
        if a.closed or a.carried or text[a.open] in SINGLE_OPEN or text[b.open] in SINGLE_OPEN:
            continue
        gap = text[a.close:b.open]
        if "\n" in gap and not gap.strip():
            a.cont, b.carried = b, True


def _scan_paragraph(text: str, start: int, end: int, out: list[Quote]) -> None:
    opener: str | None = None
    o = -1
    i = start
    while i < end:
        ch = text[i]
        if opener is None:
            if ch in CURLY_OPEN or ch == GUILLEMET_OPEN or ch == '"':
                opener, o = ch, i
            elif ch == CURLY_CLOSE and _looks_like_opener(text, i, end):
                opener, o = CURLY_OPEN[0], i  # sloppy copy: ” used as the opening mark
            elif ch in SINGLE_OPEN and _single_opens(text, i, start, end):
                opener, o = ch, i
        elif opener in SINGLE_OPEN:
            # single marks double as apostrophes: only a mark after a word and before a
            # non-letter closes, and a quotation never closed is dropped (it was an apostrophe)
            if ch in SINGLE_CLOSE and _single_closes(text, i, end):
                _add(text, out, o, i, i + 1, True)
                opener = None
        else:
            closes = (
                (opener in CURLY_OPEN and ch in (CURLY_CLOSE, '"'))
                or (opener == GUILLEMET_OPEN and ch == GUILLEMET_CLOSE)
                or (opener == '"' and ch in ('"', CURLY_CLOSE))
            )
            if closes:
                _add(text, out, o, i, i + 1, True)
                opener = None
            elif opener in CURLY_OPEN and ch in CURLY_OPEN:
                # A new opening mark inside an open curly quote: the first one was never closed.
                _add(text, out, o, i, i, False)
                opener, o = ch, i
        i += 1
    if opener is not None and opener not in SINGLE_OPEN:
        _add(text, out, o, end, end, False)


def _single_opens(text: str, i: int, start: int, end: int) -> bool:
    """A ' or ‘ opening a quotation: at a paragraph start or after a space, dash, colon or
    bracket, before a letter ("'We", not "Ukraine's" or "'90s")."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in "(:[\u2014\u2013") and after.isalpha()


def _single_closes(text: str, i: int, end: int) -> bool:
    """A ' or ’ closing a quotation: after a word or punctuation, before a space, punctuation
    or the paragraph end. A mark that may be a plural possessive ("our countries' ties") closes
    only when no other closing mark follows in the paragraph."""
    before = text[i - 1]
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace() or after.isalnum():
        return False
    if before in "sS" and after == " " and text[i + 2:i + 3].islower():
        return not any(text[k] in SINGLE_CLOSE and _single_closes(text, k, end) for k in range(i + 1, end))
    return True


def _looks_like_opener(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in ":(") and not after.isspace()


def _add(text: str, out: list[Quote], o: int, inner_end: int, close: int, closed: bool) -> None:
    s, e = o + 1, inner_end
    while s < e and text[s] in ELLIPSIS_EDGES:
        s += 1
    while e > s and text[e - 1] in ELLIPSIS_EDGES + ",;:":
        e -= 1
    # keep a closing full stop that belongs to the words ("... next year.")
    if e < inner_end and text[e] == "." and text[e:inner_end].strip() == "." and e > s:
        e += 1
    if e > s:
        out.append(Quote(o, close, s, e, closed))

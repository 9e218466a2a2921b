"""The entity tagger's spans of a doc, read once (doc.ents rebuilds its tuple on every access), with names cut at
a hyphen made whole."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents rebuilds its tuple on every access; the components read it many times."""
    cached = doc.user_data.get("dyad_ents")
    if cached is None:
        cached = doc.user_data["dyad_ents"] = tuple(_whole_hyphenated(doc, e) for e in doc.ents)
    return cached


def _whole_hyphenated(doc: Doc, ent: Span) -> Span:
    """"Ahn Duk-geun" tagged as "Ahn Duk-": a name cut at its hyphen runs on to the word glued after it."""
    last = ent[-1]
    if last.text in ("-", "\u2010", "\u2011") and not last.whitespace_ and ent.end < len(doc) and \
            doc[ent.end].is_alpha and not any(e.start <= ent.end < e.end for e in doc.ents if e is not ent):
        return Span(doc, ent.start, ent.end + 1, label=ent.label)
    return ent

"""The entity tagger's spans of a doc, read once (doc.ents rebuilds its tuple on every access)."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents rebuilds its tuple on every access; the components read it many times."""
    cached = doc.user_data.get("dyad_ents")
    if cached is None:
        cached = doc.user_data["dyad_ents"] = tuple(doc.ents)
    return cached

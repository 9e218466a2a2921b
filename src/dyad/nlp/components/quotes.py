"""Quotes extraction (in progress)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyad_quotes")
def extract_quotes(doc: Doc) -> Doc:
    return doc

"""Agreements extraction (in progress)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyad_agreements")
def extract_agreements(doc: Doc) -> Doc:
    return doc

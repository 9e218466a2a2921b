"""Metrics extraction (in progress)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyad_metrics")
def extract_metrics(doc: Doc) -> Doc:
    return doc

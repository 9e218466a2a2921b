"""Events extraction (in progress)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyad_events")
def extract_events(doc: Doc) -> Doc:
    return doc

"""Projects extraction (in progress)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyad_projects")
def extract_projects(doc: Doc) -> Doc:
    return doc

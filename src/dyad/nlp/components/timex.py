"""Time expressions of the article, normalised against its publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.components.util import text_of
from dyad.nlp.timex import find_timexes


@Language.component("dyad_timex")
def tag_timexes(doc: Doc) -> Doc:
    doc._.timexes = find_timexes(text_of(doc), doc._.dct)
    return doc

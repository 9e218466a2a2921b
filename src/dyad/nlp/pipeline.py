"""The dyad pipeline: spaCy's English model plus one component per extraction job.

    countries -> timex -> entities -> events -> agreements -> projects -> quotes -> metrics

Each component reads what earlier ones left on the ``Doc`` (``doc._.*``) and appends
fact mentions (plain dicts in facts-v1 shape, with character ``sources``) to
``doc._.facts``. The document date travels in ``doc._.dct`` so relative dates resolve.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.confidence import annotate
from dyad.nlp.model import load_base_model

COMPONENTS = (
    "dyad_countries",
    "dyad_timex",
    "dyad_entities",
    "dyad_events",
    "dyad_agreements",
    "dyad_projects",
    "dyad_quotes",
    "dyad_metrics",  # after quotes: a number inside a quotation is stated by its speaker
)

for _name, _default in (("dct", None), ("doc_id", None), ("countries", None), ("timexes", None),
                        ("persons", None), ("facts", None), ("visits", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@dataclass
class ArticleInput:
    doc_id: str
    text: str
    published: str | None


def _register() -> None:
    # Importing the modules registers their factories with spaCy.
    from dyad.nlp.components import (  # noqa: F401
        agreements,
        countries,
        entities,
        events,
        metrics,
        projects,
        quotes,
        timex,
    )


def tune_tokenizer(nlp: Language) -> None:
    """Split quotation marks glued to words ('emphasized:“Kazakhstan', 'Aliyev”'):
    copy-edited wire text often drops the space, which hides names and quotes."""
    from spacy.util import compile_infix_regex

    extra = [r"(?<=[\w.,;:!?])[“”«»\"](?=\w)", r"(?<=\w)[:;,](?=[“«\"])",
             r"(?<=[.,!?])[”»\"](?=\w)"]
    infixes = list(nlp.Defaults.infixes or []) + extra
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@Language.component("dyad_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Headlines, datelines and paragraphs end at line breaks; the parser, which runs
    after this and respects preset boundaries, would otherwise glue a headline to the lead."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_ + tok.text):
            doc[i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


def build_pipeline(components: Iterable[str] = COMPONENTS) -> Language:
    _register()
    nlp = load_base_model()
    tune_tokenizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyad_line_breaks", before="parser")
    for name in components:
        nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=1)
def pipeline() -> Language:
    return build_pipeline()


def make_doc(nlp: Language, article: ArticleInput) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.dct = article.published
    doc._.doc_id = article.doc_id
    doc._.facts = []
    return doc


def analyse(articles: Iterable[ArticleInput], nlp: Language | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Run the full pipeline over articles, yielding processed Docs in input order."""
    nlp = nlp or pipeline()
    docs = (make_doc(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        # Cached spans point back at their Doc: a reference cycle that only the slowest garbage
        # collection frees, so memory grew with every article. Drop them once the components are done.
        doc.user_data.pop("dyad_ents", None)
        annotate(doc._.facts or [], doc._.doc_id)
        yield doc


def extract_facts(text: str, published: str | None = None, doc_id: str = "doc") -> list[dict]:
    """Convenience for tests and the REPL: the fact mentions of one text."""
    doc = next(analyse([ArticleInput(doc_id, text, published)]))
    return list(doc._.facts)

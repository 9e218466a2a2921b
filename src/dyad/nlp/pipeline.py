"""The dyad pipeline: spaCy's English model plus one component per extraction job.

    countries -> timex -> entities -> events -> agreements -> projects -> quotes -> metrics

Each component reads what earlier ones left on the ``Doc`` (``doc._.*``) and appends
fact mentions (plain dicts in facts-v1 shape, with character ``sources``) to
``doc._.facts``. The document date travels in ``doc._.dct`` so relative dates resolve.

Every document is bounded (``dyad.nlp.limits``): a text over ``chunk_chars`` is split at
paragraph boundaries into chunks processed one by one, offsets mapped back to the full text;
a sentence is cut every ``max_sentence_tokens`` tokens before the parser; and extraction has a
time budget per document, after which the document keeps what was extracted so far,
``doc._.truncated`` is True and ``doc._.warnings`` says what was skipped.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.confidence import annotate
from dyad.nlp.limits import Limits, load_limits
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
                        ("persons", None), ("facts", None), ("visits", None),
                        # bounds: the time budget ran out (what was skipped is in warnings); chunks processed
                        ("truncated", False), ("warnings", None), ("chunks", 1)):
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
             r"(?<=[.,!?])[”»\"](?=\w)",
             # "U.Khurelsukh", "K.Tokayev": an initial glued to a surname (agency style) is two tokens
             r"(?<=\b[A-Z]\.)(?=[A-Z][a-z])"]
    infixes = list(nlp.Defaults.infixes or []) + extra
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@Language.factory("dyad_line_breaks", default_config={"max_sentence_tokens": Limits.max_sentence_tokens})
def make_line_breaks(nlp: Language, name: str, max_sentence_tokens: int) -> LineBreaks:
    return LineBreaks(max_sentence_tokens)


class LineBreaks:
    """Headlines, datelines and paragraphs end at line breaks; the parser, which runs after this
    and respects preset boundaries, would otherwise glue a headline to the lead. A run of
    ``max_sentence_tokens`` tokens without a break gets one (a text with no full stop would be
    one sentence of any length otherwise). A full stop after an abbreviation (data:
    patterns/sentences.json) followed by no capitalised word ends no sentence."""

    def __init__(self, max_sentence_tokens: int) -> None:
        from dyad.nlp.components.util import patterns

        self.max_sentence_tokens = max_sentence_tokens
        self.abbreviations = frozenset(patterns("sentences")["abbreviations"])

    def __call__(self, doc: Doc) -> Doc:
        run = 0
        cap = self.max_sentence_tokens
        abbreviations = self.abbreviations
        for i, tok in enumerate(doc[:-1]):
            run += 1
            if "\n" in tok.text or "\n" in tok.whitespace_ or run >= cap:
                doc[i + 1].is_sent_start = True
                if i + 2 < len(doc) and doc[i + 1].is_alpha and doc[i + 2].is_alpha and run < cap:
                    # a line's second word never starts a sentence ("Vladimir | Putin held talks ...":
                    # the parser sometimes cuts a paragraph's opening name in two)
                    doc[i + 2].is_sent_start = False
                run = 0
            elif tok.text == "." and i and doc[i - 1].lower_ in abbreviations and not doc[i + 1].is_title:
                doc[i + 1].is_sent_start = False  # "at 15.30 hrs. (local time), at ...": no sentence ends here
        return doc


def build_pipeline(components: Iterable[str] = COMPONENTS, limits: Limits | None = None) -> Language:
    _register()
    limits = limits or load_limits()
    nlp = load_base_model()
    tune_tokenizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyad_line_breaks", before="parser",
                     config={"max_sentence_tokens": limits.max_sentence_tokens})
    for name in components:
        nlp.add_pipe(name, last=True)
    return nlp


@lru_cache(maxsize=1)
def pipeline() -> Language:
    return build_pipeline()


# spaCy's tokenizer peels prefixes and suffixes off a string one at a time, copying the rest each
# time: a run of 4,000 '*' or '=' without a space takes 8 s, and the time grows with the square of
# the run. Runs this long are never words: they are cut into pieces of LONG_RUN_PIECE characters
# without the tokenizer. Shorter strings (words, URLs) are tokenized as usual.
LONG_RUN = re.compile(r"\S{100,}")
LONG_RUN_PIECE = 50


def tokenize(nlp: Language, text: str) -> Doc:
    """nlp.make_doc(text), in time linear in the text whatever its runs of non-space characters."""
    if not LONG_RUN.search(text):
        return nlp.make_doc(text)
    docs: list[Doc] = []
    pos = 0
    for m in LONG_RUN.finditer(text):
        if m.start() > pos:
            docs.append(nlp.make_doc(text[pos:m.start()]))
        words = [m.group(0)[k:k + LONG_RUN_PIECE] for k in range(0, len(m.group(0)), LONG_RUN_PIECE)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def make_doc(nlp: Language, article: ArticleInput) -> Doc:
    if len(article.text) > nlp.max_length:
        nlp.make_doc(article.text)  # spaCy's own error (E088): the caller chunks such texts
    doc = tokenize(nlp, article.text)
    doc._.dct = article.published
    doc._.doc_id = article.doc_id
    doc._.facts = []
    return doc


def analyse(articles: Iterable[ArticleInput], nlp: Language | None = None, batch_size: int = 16,
            limits: Limits | None = None) -> Iterator[Doc]:
    """Run the full pipeline over articles, yielding processed Docs in input order.

    Articles up to ``limits.chunk_chars`` go through the models in batches; a longer one is
    split into chunks (``split_chunks``) and comes back as one Doc of its full text. Each Doc
    has ``doc._.truncated`` (the time budget ran out) and ``doc._.warnings`` (why)."""
    nlp = nlp or pipeline()
    limits = limits or load_limits()
    if limits.chunk_chars > nlp.max_length:  # spaCy refuses longer texts (E088)
        limits = replace(limits, chunk_chars=nlp.max_length)
    batch: list[ArticleInput] = []
    for article in articles:
        if len(article.text) > limits.chunk_chars:
            yield from _run_batch(nlp, batch, batch_size, limits)
            batch = []
            yield _run_chunked(nlp, article, limits)
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, batch_size, limits)
            batch = []
    yield from _run_batch(nlp, batch, batch_size, limits)


def _is_extractor(name: str) -> bool:
    """dyad's extraction components (timed against the budget); the rest are spaCy's models and
    the line-break step, which are linear in the text and bounded by chunks."""
    return name.startswith("dyad_") and name != "dyad_line_breaks"


def _run_batch(nlp: Language, batch: list[ArticleInput], batch_size: int, limits: Limits) -> Iterator[Doc]:
    if not batch:
        return
    docs = [make_doc(nlp, a) for a in batch]
    spent = [0.0] * len(docs)
    for name, proc in nlp.pipeline:
        if not _is_extractor(name):
            docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            continue
        for k, doc in enumerate(docs):
            if doc._.truncated:
                continue
            if spent[k] >= limits.time_budget_seconds:
                _truncate(nlp, doc, name, limits)
                continue
            t0 = time.perf_counter()
            docs[k] = proc(doc)
            spent[k] += time.perf_counter() - t0
    for k, doc in enumerate(docs):
        doc.user_data["dyad_extraction_seconds"] = spent[k]
        # Cached spans point back at their Doc: a reference cycle that only the slowest garbage
        # collection frees, so memory grew with every article. Drop them once the components are done.
        doc.user_data.pop("dyad_ents", None)
        annotate(doc._.facts or [], doc._.doc_id)
        yield doc


def _truncate(nlp: Language, doc: Doc, at: str, limits: Limits) -> None:
    names = [n for n in nlp.pipe_names if _is_extractor(n)]
    skipped = names[names.index(at):] if at in names else []
    doc._.truncated = True
    doc._.warnings = list(doc._.warnings or []) + [
        f"time budget of {limits.time_budget_seconds:g} s spent: skipped {', '.join(skipped) or 'nothing'}"
        + "; stored with what was extracted so far"]


def split_chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) pieces of text, each at most max_chars long, cut after the last
    paragraph break (a blank line, else a line break) in the piece's second half, else after
    its last sentence end, else at its last space, else at max_chars."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > max_chars:
        lo, hi = pos + max_chars // 2, pos + max_chars
        cut = -1
        for sep in ("\n\n", "\n", ". ", "? ", "! ", " "):
            k = text.rfind(sep, lo, hi)
            if k >= 0:
                cut = k + len(sep)
                break
        if cut < 0:
            cut = hi
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def _run_chunked(nlp: Language, article: ArticleInput, limits: Limits) -> Doc:
    """One long text, chunk by chunk, merged back into a Doc of the whole text. Facts, persons,
    countries and time expressions keep offsets into the full text. The time budget is for the
    extraction of all chunks together; chunks after it is spent are tokenized only."""
    spent = 0.0
    text = article.text
    pieces = split_chunks(text, limits.chunk_chars)
    docs: list[Doc] = []
    facts: list[dict] = []
    persons: list[dict] = []
    countries: list[dict] = []
    timexes: list = []
    shifted: set[int] = set()
    warnings: list[str] = []
    truncated = skipping = False
    for k, (a, b) in enumerate(pieces):
        left = limits.time_budget_seconds - spent
        if left <= 0:
            docs.append(tokenize(nlp, text[a:b]))
            if not skipping:
                truncated = skipping = True
                warnings.append(f"time budget of {limits.time_budget_seconds:g} s spent after chunk {k} of "
                                f"{len(pieces)}: characters {a:,} to {len(text):,} not analysed; "
                                "stored with what was extracted so far")
            continue
        budget = replace(limits, time_budget_seconds=left)
        doc = next(_run_batch(nlp, [ArticleInput(article.doc_id, text[a:b], article.published)], 1, budget))
        spent += doc.user_data.get("dyad_extraction_seconds", 0.0)
        if doc._.truncated:
            truncated = True
            warnings += [w + f" (chunk {k + 1} of {len(pieces)})" for w in doc._.warnings or []]
        for f in (doc._.facts or []) + (doc._.persons or []):  # persons are facts too: each source once
            for s in f.get("sources") or []:
                if id(s) not in shifted:
                    shifted.add(id(s))
                    s["start"] += a
                    s["end"] += a
        facts += doc._.facts or []
        persons += doc._.persons or []
        countries += [{**c, "start": c["start"] + a, "end": c["end"] + a} for c in doc._.countries or []]
        timexes += [replace(t, start=t.start + a, end=t.end + a) for t in doc._.timexes or []]
        doc.user_data.clear()  # caches and extension values: read above, not needed in the merged Doc
        docs.append(doc)
    merged = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data", "tensor", "spans"])
    merged._.dct = article.published
    merged._.doc_id = article.doc_id
    merged._.facts = facts
    merged._.persons = persons
    merged._.countries = countries
    merged._.timexes = timexes
    merged._.truncated = truncated
    merged._.warnings = warnings
    merged._.chunks = len(pieces)
    merged.user_data["dyad_extraction_seconds"] = spent
    return merged


def extract_facts(text: str, published: str | None = None, doc_id: str = "doc") -> list[dict]:
    """Convenience for tests and the REPL: the fact mentions of one text."""
    doc = next(analyse([ArticleInput(doc_id, text, published)]))
    return list(doc._.facts)

"""Which country pairs a record is about.

Quotes carry no countries of their own. A quote belongs to the pair its article is about (the
pair most of the article's records concern, or both countries named in its title), narrowed by
the event it was said at (same article, date within the event) and by its speaker's country —
never to every pair of the speaker's country. ``assign_quote_countries`` stores the result in
the quotes' ``countries`` column so every list, filter, count and index treats quotes like the
other kinds. Call it after a resolution changed quotes (before ``reindex_records``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document, Entity, Evidence, Mention, Quote

PAIR_KINDS = ("event", "agreement", "project", "metric")
FIRST_REPORTS = 8  # a quote's reports are read this many at a time, earliest first


def _codes(countries: str | None) -> list[str]:
    return sorted({c for c in (countries or "").split("|") if c})


def within(d: str | None, start: str | None, end: str | None) -> bool:
    """A (partial) ISO date overlaps the period start..end (partial dates are periods)."""
    if not d or not start:
        return False
    return d + "~" >= start and d <= (end or start) + "~"


def said_during(d: str | None, start: str | None, end: str | None, slack_days: int = 2) -> bool:
    """A quote dated ``d`` was said during the event start..end: within it, or dated up to
    ``slack_days`` after it (reports often carry the next day's date, the day they were published)."""
    if within(d, start, end):
        return True
    from datetime import date, timedelta

    last = end or start
    if not d or not last or len(d) != 10 or len(last) != 10:
        return False
    try:
        dd, ld = date.fromisoformat(d), date.fromisoformat(last)
    except ValueError:
        return False
    return ld < dd <= ld + timedelta(days=slack_days)


def doc_pair_counts(session: Session, doc_ids: Iterable[int]) -> dict[int, Counter[str]]:
    """Per document (row id): how many of its bilateral records concern each pair."""
    ids = sorted(set(doc_ids))
    out: dict[int, Counter[str]] = {i: Counter() for i in ids}
    for kind in PAIR_KINDS:
        model = RECORD_MODELS[kind]
        for i in range(0, len(ids), 500):
            q = (select(Mention.document_id, model.id, model.countries)
                 .join(Evidence, Evidence.mention_id == Mention.id)
                 .join(model, (Evidence.record_kind == kind) & (Evidence.record_id == model.id))
                 .where(Mention.document_id.in_(ids[i:i + 500])).distinct())
            for doc, _rid, countries in session.execute(q):
                codes = _codes(countries)
                if len(codes) == 2:
                    out[doc][f"{codes[0]}-{codes[1]}"] += 1
    return out


def doc_topics(counts: Counter[str], title: str | None, names: dict[str, str]) -> list[str]:
    """The pairs an article is about, best first: those with at least half as many records as
    the top pair, and any pair whose two countries its title names."""
    if not counts:
        return []
    # Ties in pair order, never in the order the records were read (which differs between a
    # full resolution and an increment).
    ranked = sorted(counts.items(), key=lambda pn: (-pn[1], pn[0]))
    top = ranked[0][1]
    about = [p for p, n in ranked if n * 2 >= top]
    low = (title or "").lower()
    for p, _n in ranked:
        a, b = p.split("-")
        if p not in about and names.get(a, "~").lower() in low and names.get(b, "~").lower() in low:
            about.append(p)
    return about


def _country_names(codes: Iterable[str]) -> dict[str, str]:
    import pycountry

    out = {}
    for code in codes:
        c = pycountry.countries.get(alpha_3=code)
        if c:
            out[code] = getattr(c, "common_name", None) or c.name
    return out


class _DocTopics:
    """The pairs each document is about and its events, computed on demand, a few documents at a
    time: a quote reported by hundreds of articles is placed by its first ones."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.topics: dict[int, list[str]] = {}
        self.events: dict[int, list[tuple[str | None, str | None, str]]] = {}

    def ensure(self, docs: list[int]) -> None:
        todo = sorted({d for d in docs if d not in self.topics})
        for i in range(0, len(todo), 500):
            self._compute(todo[i:i + 500])

    def _compute(self, todo: list[int]) -> None:
        counts = doc_pair_counts(self.session, todo)
        titles = dict(self.session.execute(select(Document.id, Document.title).where(Document.id.in_(todo))).all())
        names = _country_names({c for cnt in counts.values() for p in cnt for c in p.split("-")})
        for d in todo:
            self.topics[d] = doc_topics(counts[d], titles.get(d), names)
            self.events[d] = []
        # Events of those documents, to place a quote at the event it was said during.
        Event = RECORD_MODELS["event"]
        eq = (select(Mention.document_id, Event.date_start, Event.date_end, Event.countries)
              .join(Evidence, Evidence.mention_id == Mention.id)
              .join(Event, (Evidence.record_kind == "event") & (Evidence.record_id == Event.id))
              .where(Mention.document_id.in_(todo)).distinct())
        found: dict[int, set[tuple[str | None, str | None, str]]] = {}
        for doc, start, end, countries in self.session.execute(eq):
            codes = _codes(countries)
            if len(codes) == 2:
                found.setdefault(doc, set()).add((start, end, f"{codes[0]}-{codes[1]}"))
        for doc, events in found.items():
            self.events[doc] = _event_order(events)


def _event_order(events: Iterable[tuple[str | None, str | None, str]]) -> list[tuple[str | None, str | None, str]]:
    return sorted(events, key=lambda e: (e[0] or "", e[1] or "", e[2]))


class PairsInHand:
    """The same knowledge as ``_DocTopics`` (per document: its records' pairs and its events),
    gathered from the records a full resolution builds, kind after kind, so its quotes are placed
    as they are built, without reading every record back. Documents are keyed by ``doc_id``."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.event_sets: dict[str, set[tuple[str | None, str | None, str]]] = {}
        self.persons: dict[str, tuple[str, str | None]] = {}  # label -> (record id, country)
        self.titles: dict[str, str | None] = {}
        self.topics: dict[str, list[str]] = {}
        self.events: dict[str, list[tuple[str | None, str | None, str]]] = {}

    def add_record(self, kind: str, countries: str | None, start: str | None, end: str | None,
                   docs: Iterable[str]) -> None:
        codes = _codes(countries)
        if kind not in PAIR_KINDS or len(codes) != 2:
            return
        pair = f"{codes[0]}-{codes[1]}"
        for d in set(docs):
            self.counts.setdefault(d, Counter())[pair] += 1
            if kind == "event":
                self.event_sets.setdefault(d, set()).add((start, end, pair))

    def add_person(self, record_id: str, label: str | None, country: str | None) -> None:
        """A person record; of namesakes, the lowest record id gives the country (as the query does)."""
        if label and (label not in self.persons or record_id < self.persons[label][0]):
            self.persons[label] = (record_id, country)

    def ensure(self, docs: list[str]) -> None:
        todo = [d for d in docs if d not in self.topics]
        if not todo:
            return
        names = _country_names({c for d in todo for p in self.counts.get(d, ()) for c in p.split("-")})
        for d in todo:
            self.topics[d] = doc_topics(self.counts.get(d, Counter()), self.titles.get(d), names)
            self.events[d] = _event_order(self.event_sets.get(d, ()))

    def place(self, data: dict, reports: Iterable[tuple[str | None, str]]) -> str:
        """The ``countries`` column of a quote reported in ``reports`` ((published, doc_id) pairs)."""
        docs = [d for _, d in sorted(set((p or "", d) for p, d in reports))]
        person = self.persons.get(data.get("speaker") or "")
        candidates = _quote_pairs(data.get("date"), docs, self, person[1] if person else None)  # type: ignore[arg-type]
        if not candidates:
            return ""
        a, b = candidates[0].split("-")
        return f"|{a}|{b}|"


def _quote_pairs(date: str | None, docs: list, known: _DocTopics | PairsInHand, country: str | None) -> list[str]:
    """The pairs a quote may belong to, best first, from its documents in report order; stops at
    the first documents that give one (later reports cannot change the first candidate)."""
    candidates: list[str] = []
    for i in range(0, len(docs), FIRST_REPORTS):
        chunk = docs[i:i + FIRST_REPORTS]
        known.ensure(chunk)
        for d in chunk:
            topics = known.topics.get(d, [])
            at_event = [p for s, e, p in known.events.get(d, []) if said_during(date, s, e)]
            for p in at_event + topics:
                if p not in candidates and p in topics + at_event:
                    candidates.append(p)
        kept = [p for p in candidates if country in p.split("-")] if country else candidates
        if kept:
            return kept
    return []


def assign_quote_countries(session: Session, ids: Iterable[str] | None = None) -> int:
    """Set ``countries`` of quotes ``ids`` (all when None) to the pair they are about; returns
    how many quotes got a pair."""
    if ids is None:
        wanted = list(session.scalars(select(Quote.id).order_by(Quote.id)))
    else:
        wanted = sorted(set(ids))
    quotes: list[tuple[str, dict]] = []
    for i in range(0, len(wanted), 500):
        quotes.extend(session.execute(select(Quote.id, Quote.data).where(Quote.id.in_(wanted[i:i + 500]))).all())
    if not quotes:
        return 0
    docs_of: dict[str, set[int]] = {}
    quote_ids = [qid for qid, _ in quotes]
    for i in range(0, len(quote_ids), 500):
        ev = (select(Evidence.record_id, Mention.document_id).join(Mention, Evidence.mention_id == Mention.id)
              .where(Evidence.record_kind == "quote", Evidence.record_id.in_(quote_ids[i:i + 500])))
        for rid, doc in session.execute(ev):
            docs_of.setdefault(rid, set()).add(doc)
    # Reports in content order (publication date, then name), never in the order they were stored.
    all_docs = sorted(set().union(*docs_of.values())) if docs_of else []
    order: dict[int, tuple[str, str]] = {}
    for i in range(0, len(all_docs), 500):
        for d, published, doc_id in session.execute(select(Document.id, Document.published, Document.doc_id)
                                                    .where(Document.id.in_(all_docs[i:i + 500]))):
            order[d] = (published or "", doc_id)
    speakers = sorted({(data or {}).get("speaker") for _, data in quotes} - {None, ""})
    person_country: dict[str, str | None] = {}
    for i in range(0, len(speakers), 500):
        # Of namesakes, the lowest record id gives the country.
        for label, data in session.execute(select(Entity.label, Entity.data)
                                           .where(Entity.subtype == "person", Entity.label.in_(speakers[i:i + 500]))
                                           .order_by(Entity.id)):
            person_country.setdefault(label, (data or {}).get("country"))
    known = _DocTopics(session)
    docs_in_order = {qid: sorted(docs_of.get(qid, ()), key=lambda d: order.get(d, ("", ""))) for qid in quote_ids}
    # The first reports of every quote in a few big queries (most quotes are placed by them);
    # the later reports of a quote they do not place are read on demand.
    known.ensure(sorted({d for docs in docs_in_order.values() for d in docs[:FIRST_REPORTS]}))
    assigned = 0
    values: list[dict] = []
    for qid, data in quotes:
        data = data or {}
        candidates = _quote_pairs(data.get("date"), docs_in_order[qid], known,
                                  person_country.get(data.get("speaker") or ""))
        if candidates:
            a, b = candidates[0].split("-")
            values.append({"qid": qid, "pair": f"|{a}|{b}|"})
            assigned += 1
        else:
            values.append({"qid": qid, "pair": ""})
    table = Quote.__table__
    session.flush()  # pending ORM changes first: this writes past the ORM
    for i in range(0, len(values), 5000):
        session.connection().execute(update(table).where(table.c.id == bindparam("qid"))
                                     .values(countries=bindparam("pair")), values[i:i + 5000])
    for quote in session.identity_map.values():  # objects already loaded see the new pairs
        if isinstance(quote, Quote):
            session.expire(quote, ["countries"])
    return assigned

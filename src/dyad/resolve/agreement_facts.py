"""Resolution of agreements: which mentions are one instrument (its title, a shorter or longer form of it, its
acronym, its field told across reports, an instrument announced and then signed) and the record built from them."""

from __future__ import annotations

import re
from collections import Counter

from dyad.resolve.base import M, UnionFind, most_common
from dyad.resolve.facts import countries_compatible, latest_status, most_precise
from dyad.text.dates import overlaps
from dyad.text.names import bag_key, plain, words

GENERIC_TITLE_WORDS = {"joint", "statement", "declaration", "communique", "agreement", "memorandum", "protocol",
                       "roadmap", "treaty", "understanding", "final", "bilateral"}


def _agreement_key(m: M) -> tuple:
    d = m.data
    if d.get("title") and not set(words(d["title"])) <= GENERIC_TITLE_WORDS:
        return ("title", bag_key(d["title"]))
    if d.get("title"):
        # "a joint statement": a title every summit has names one instrument per article
        return ("generic", m.doc_id, bag_key(d["title"]))
    return ("field", m.doc_id, tuple(sorted(d.get("sectors") or [])), plain(d.get("field")), d.get("instrument"))


def cluster_agreements(ms: list[M]) -> list[list[M]]:
    ms = sorted(ms, key=lambda m: m.order)
    uf = UnionFind(len(ms))
    first: dict[tuple, int] = {}
    for i, m in enumerate(ms):
        key = _agreement_key(m)
        if key in first:
            j = first[key]
            if countries_compatible(ms[j].data.get("parties"), m.data.get("parties")) and \
                    overlaps(ms[j].data.get("signed"), m.data.get("signed")) is not False:
                uf.union(i, j)
        else:
            first[key] = i
    # "an agreement on the protection of investments" (announced) and the "Agreement on ... Protection of
    # Investments" (signed) are one instrument: a field whose words all occur in a title of the same parties.
    titled = [(j, bag_key(x.data["title"])) for j, x in enumerate(ms) if x.data.get("title")]
    for i, m in enumerate(ms):
        d = m.data
        if d.get("title") or not d.get("field"):
            continue
        fkey = bag_key(d["field"])
        for j, tkey in titled:
            same_doc = ms[j].doc_id == m.doc_id
            if fkey and fkey <= tkey and (len(fkey) >= 2 or same_doc) and \
                    countries_compatible(ms[j].data.get("parties"), d.get("parties")) and \
                    (not same_doc or d.get("list_id") is None):
                uf.union(i, j)
                break
    # A later field-only mention that only repeats a sector an earlier agreement of the same
    # article already covers ("new agreements in investment cooperation ..." after the
    # investment framework agreement) recaps it rather than adding an instrument.
    for i, m in enumerate(ms):
        d = m.data
        if d.get("title") or not d.get("sectors") or d.get("plural") is False:
            continue
        for j in range(i):
            o = ms[j].data
            if ms[j].doc_id != m.doc_id or (o.get("list_id") and o.get("list_id") == d.get("list_id")):
                continue
            if set(d["sectors"]) <= set(o.get("sectors") or []) and o.get("status") == d.get("status") and \
                    ms[j].start < m.start and o.get("list_id") != d.get("list_id"):
                uf.union(i, j)
                break
    _short_title_of_long(ms, uf)
    _same_field_across_reports(ms, uf)
    _same_topic(ms, uf)
    _by_acronym(ms, uf)
    _announced_then_signed(ms, uf)
    return [[ms[i] for i in g] for g in uf.groups()]


def _short_title_of_long(ms: list[M], uf: UnionFind) -> None:
    """"the Treaty on Good Neighbourship and Friendly Cooperation" is "the Treaty between the Federal Republic
    of Germany and the Republic of Poland on Good Neighbourship and Friendly Cooperation": a title whose
    words (four or more) all occur in a longer title of the same instrument, parties and date."""
    titled = [(i, set(words(m.data["title"]))) for i, m in enumerate(ms) if m.data.get("title")]
    for i, short in titled:
        if len(short) < 4:
            continue
        for j, long in titled:
            a, b = ms[i].data, ms[j].data
            if i != j and short < long and a.get("instrument") == b.get("instrument") and \
                    countries_compatible(a.get("parties"), b.get("parties")) and \
                    overlaps(a.get("signed"), b.get("signed")) is not False:
                uf.union(i, j)
                break


# Words that name the kind of instrument or place it among the parties, not what it is about.
INSTRUMENT_WORDS = {"agreement", "treaty", "accord", "pact", "convention", "program", "programme", "roadmap",
                    "road", "map", "deal", "contract", "memorandum", "understanding", "protocol", "declaration",
                    "statement", "joint", "charter", "framework", "plan"}
PLACING_WORDS = {"two", "countries", "country", "state", "states", "bilateral", "common", "mutual", "next", "year",
                 "years", "new", "historic", "draft", "intergovernmental", "interstate", "government",
                 "governments", "dedicated", "landmark", "comprehensive"}
FAMILY = {"treaty": "treaty", "agreement": "treaty", "program": "program", "roadmap": "program"}
BETWEEN_RE = re.compile(r"\s+between\s+.+?(?=\s+on\s+|$)", re.I)
PERIOD_RE = re.compile(r"\s+(?:for|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:\d|period\b).*$", re.I)


def _topic(text: str | None) -> frozenset[str]:
    """What an instrument is about: its title or field without the instrument's kind, the parties
    ("between the two states"), its period ("for the next 10 years", "for 2024-2026") or numbers."""
    if not text:
        return frozenset()
    text = PERIOD_RE.sub("", BETWEEN_RE.sub("", text))
    return frozenset(w for w in bag_key(text) if w not in INSTRUMENT_WORDS and w not in PLACING_WORDS
                     and not w.isdigit())


def _same_field_across_reports(ms: list[M], uf: UnionFind) -> None:
    """"a memorandum on rice trade" in a preview and "an MoU on trade in rice" in the report of the
    visit are one instrument: untitled, same field words, same kind of instrument and parties, and
    signing dates both known and overlapping (an undated field names no instrument precisely enough
    to join across articles, a year too loose)."""
    seen: dict[tuple, list[int]] = {}
    for i, m in enumerate(ms):
        d = m.data
        if d.get("title") or not d.get("field") or len(d.get("signed") or "") < 7 or \
                (d.get("list_id") and d.get("plural")):
            continue  # a bare year is too loose to tell two memoranda on one field apart
        key = (bag_key(d["field"]), FAMILY.get(d.get("instrument") or "", d.get("instrument")))
        if not key[0]:
            continue
        for j in seen.get(key, []):
            o = ms[j]
            if o.doc_id != m.doc_id and countries_compatible(o.data.get("parties"), d.get("parties")) and \
                    overlaps(o.data["signed"], d["signed"]) is True:
                uf.union(i, j)
                break
        seen.setdefault(key, []).append(i)


def _dates_close(a: str | None, b: str | None) -> bool:
    """Signing dates that may be one: overlapping, or a bare year one off the other ("signed last year"
    in a report early in a year, of an instrument signed the December before)."""
    if overlaps(a, b) is not False:
        return True
    if a and b and (len(a) == 4 or len(b) == 4):
        return abs(int(a[:4]) - int(b[:4])) <= 1
    return False


def _same_topic(ms: list[M], uf: UnionFind) -> None:
    """One instrument told in different words: "the Treaty on Allied Relations" / "an agreement on allied
    relations between the two states"; "the Strategic Partnership and Alliance Program for the next 10
    years" / "the Program of strategic partnership and alliance for 2024"; within one article, "the
    agreement on demarcating the common border" / "... the Uzbek-Kazakh state border and the drafts of
    final documents" (one topic inside the other), "the Plan of Action" / "the Plan of Action for 2025-2029"."""
    info = []
    for i, m in enumerate(ms):
        d = m.data
        if d.get("list_id") and d.get("plural"):
            continue
        topic = _topic(d.get("title") or d.get("field"))
        if len(topic) >= 2 or (d.get("title") and topic):
            info.append((i, topic, FAMILY.get(d.get("instrument") or "", d.get("instrument"))))
    for x, (i, ti, fi) in enumerate(info):
        for j, tj, fj in info[x + 1:]:
            a, b = ms[i], ms[j]
            if fi != fj or uf.find(i) == uf.find(j) or \
                    not countries_compatible(a.data.get("parties"), b.data.get("parties")) or \
                    not _dates_close(a.data.get("signed"), b.data.get("signed")):
                continue
            if a.doc_id == b.doc_id:
                if a.data.get("list_id") and a.data.get("list_id") == b.data.get("list_id"):
                    continue  # items of one list are distinct instruments
                small, big = (ti, tj) if len(ti) <= len(tj) else (tj, ti)
                if small <= big and (len(small) >= 2 or _title_prefix(a, b)):
                    uf.union(i, j)
            elif ti == tj and len(ti) >= 2 and a.data.get("title") and b.data.get("title"):
                uf.union(i, j)


def _title_prefix(a: M, b: M) -> bool:
    """"the Plan of Action" and "the Plan of Action for 2025-2029": one title begins the other."""
    ta, tb = plain(a.data.get("title")).split(), plain(b.data.get("title")).split()
    if not ta or not tb:
        return False
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long[:len(short)] == short


def _by_acronym(ms: list[M], uf: UnionFind) -> None:
    """"the Mutual Logistics Support Agreement (MLSA)" and "the MLSA agreement": an instrument named by
    the acronym another mention of the same parties defines."""
    defined: dict[str, list[int]] = {}
    for i, m in enumerate(ms):
        for a in m.data.get("aliases") or []:
            if a.isupper():
                defined.setdefault(a.lower(), []).append(i)
    if not defined:
        return
    for i, m in enumerate(ms):
        title_words = set(words(m.data.get("title"))) - GENERIC_TITLE_WORDS
        if len(title_words) != 1:
            continue
        for j in defined.get(next(iter(title_words)), []):
            if i != j and countries_compatible(ms[j].data.get("parties"), m.data.get("parties")) and \
                    overlaps(ms[j].data.get("signed"), m.data.get("signed")) is not False:
                uf.union(i, j)
                break


ANNOUNCING_WORDS = {"next", "new", "further", "additional", "another", "upcoming", "forthcoming", "latest",
                    "future", "planned", "proposed"}


def _announced_then_signed(ms: list[M], uf: UnionFind) -> None:
    """An instrument announced in one article ("expected to sign agreements covering education,
    including a framework agreement on green hydrogen") is the one a later article reports signed
    ("documents in education", "Framework Agreement on Cooperation in Green Hydrogen"): same
    parties, a later report, shared sectors, and the announced words found in the signed one."""
    for i, m in enumerate(ms):
        d = m.data
        if d.get("status") != "planned" or not d.get("sectors"):
            continue
        # "the next tranche" announced is "the third tranche" signed: words that only place the
        # instrument relative to the report do not have to be found again.
        told = set(words(d.get("title") or d.get("field"))) - ANNOUNCING_WORDS
        best, best_score = None, 0.0
        for j, o in enumerate(ms):
            od = o.data
            if o.doc_id == m.doc_id or od.get("status") != "signed" or (o.published or "") < (m.published or "") \
                    or not countries_compatible(od.get("parties"), d.get("parties")):
                continue
            if not set(d["sectors"]) & set(od.get("sectors") or []):
                continue
            if d.get("title") and od.get("title") and not told <= set(words(od["title"])):
                continue  # a described instrument must be found in the signed title
            signed_words = set(words(od.get("title") or od.get("field")))
            score = len(told & signed_words) / max(1, len(told)) + (set(d["sectors"]) == set(od["sectors"])) * 0.5
            if score > best_score:
                best, best_score = j, score
        if best is not None and best_score >= 0.5:
            uf.union(i, best)


def merge_agreement(members: list[M]) -> dict:
    d = [m.data for m in members]
    titles = [x.get("title") for x in d if x.get("title")]
    told = Counter(titles)
    title = max(told, key=lambda t: (len(t), told[t])) if titles else None
    sectors: list[str] = []
    for x in d:
        for s in x.get("sectors") or []:
            if s not in sectors:
                sectors.append(s)
    return {
        "title": title,
        "aliases": sorted((set(titles) | {a for x in d for a in x.get("aliases") or []}
                           | {BETWEEN_RE.sub("", t) for t in titles}) - {title}),
        "field": most_common(x.get("field") for x in d),
        # The kind a proper title gives ("the Treaty on Allied Relations") over a description's ("an
        # agreement on allied relations").
        "instrument": most_common(x.get("instrument") for x in d if (x.get("title") or "")[:1].isupper())
        or most_common(x.get("instrument") for x in d) or "other",
        "sectors": sectors,
        "parties": sorted({p for x in d for p in x.get("parties") or []}),
        "signed": most_precise([x.get("signed") for x in d]),
        "status": latest_status(members, "agreement"),
        "event": None,
        "event_ref": most_common(x.get("event_ref") for x in d),
        "signatories": sorted({s for x in d for s in x.get("signatories") or []}),
    }


# ------------------------------------------------------------------ projects

"""Resolution of events, agreements, projects, metrics and quotes.

Each kind has a ``cluster_*`` function deciding which mentions denote one real thing
and a ``merge_*`` function building the record from them. Decisions rely only on the
mentions' content (never their insertion order), so ingest order cannot change results.
"""

from __future__ import annotations

import re
from collections import Counter

from dyad.resolve.base import M, UnionFind, most_common
from dyad.text.dates import interval, overlaps, span_overlaps
from dyad.text.names import bag_key, plain, project_core, synonym_key, words

STATUS_RANK = {"event": ["unknown", "planned", "cancelled", "occurred"],
               "project": ["unknown", "proposed", "agreed", "under_construction", "operational"],
               "agreement": ["unknown", "planned", "signed", "in_force"]}


def most_precise(dates: list[str | None]) -> str | None:
    ds = [d for d in dates if d]
    if not ds:
        return None
    seen = Counter(ds)
    return max(seen, key=lambda d: (len(d), seen[d]))


def _countries_compatible(a: list[str] | None, b: list[str] | None) -> bool:
    sa, sb = set(a or []), set(b or [])
    if not sa or not sb:
        return True
    return sa <= sb or sb <= sa or len(sa & sb) >= 2


def _latest_status(members: list[M], kind: str) -> str:
    """The status the latest source reports; among equally recent sources, the most advanced."""
    rank = STATUS_RANK[kind]
    known = [m for m in members if m.data.get("status") and m.data["status"] != "unknown"]
    if not known:
        return "unknown"
    def score(m: M) -> tuple:
        status = m.data["status"]
        return ((m.published or ""), rank.index(status) if status in rank else 0)
    # An event once reported as occurred stays occurred even if an older announcement says planned.
    statuses = {m.data["status"] for m in known}
    if kind == "event" and "occurred" in statuses:
        return "occurred"
    return max(known, key=score)["status"] if False else max(known, key=score).data["status"]


def history(members: list[M]) -> list[dict]:
    out = []
    for m in sorted(members, key=lambda m: m.order):
        status = m.data.get("status")
        if status and status != "unknown":
            if not out or out[-1]["status"] != status:
                out.append({"status": status, "reported": m.published, "doc": m.doc_id, "mention": m.id})
    return out


# ------------------------------------------------------------------ events
def _events_match(a: M, b: M) -> bool:
    da, db = a.data, b.data
    if da.get("event_type") != db.get("event_type"):
        return False
    if not _countries_compatible(da.get("countries"), db.get("countries")):
        return False
    for f in ("guest", "host"):
        if da.get(f) and db.get(f) and da[f] != db[f]:
            return False
    ov = span_overlaps(da.get("start"), da.get("end"), db.get("start"), db.get("end"))
    if ov is False and da["event_type"] == "visit" and _one_visit_told_on_two_days(a, b):
        ov = True
    if ov is False:
        return False
    if da["event_type"] == "visit":
        if da.get("guest") and db.get("guest"):
            # Across reports, "the visit" an article does not date is the one under way when
            # it was published; never another of the pair's many visits.
            return ov is True or a.doc_id == b.doc_id or (
                bool(da.get("refers_back") or db.get("refers_back")) and _reported_during(a, b))
        return a.doc_id == b.doc_id and ov is not False
    na, nb = da.get("object_key"), db.get("object_key")
    if da["event_type"] == "meeting" and _other_people(da, db):
        return False
    if na and nb and _sessions_of_other_numbers(na, nb):
        return False  # "council:1:x joint commission" and "council:2:x joint commission": two sessions
    if na and nb:
        if na == nb or bool(set(na.split()) & set(nb.split())):
            return True
        # "meeting:talks:visit:SAU>EGY:2024-10-15" and "...:" (the same talks, one side undated
        # within the visit): the time check above has already ruled out a clash.
        (ba, _, ta), (bb, _, tb) = na.rpartition(":"), nb.rpartition(":")
        if bool(ba) and ba == bb and (not ta or not tb) and da["event_type"] in ("meeting", "signing"):
            return True
        return a.doc_id != b.doc_id and (_talks_told_in_two_formats(na, nb) or _same_people_same_visit(da, db))
    if a.doc_id == b.doc_id:
        return ov is not False and (da.get("parent_visit") == db.get("parent_visit"))
    return False


def _sessions_of_other_numbers(na: str, nb: str) -> bool:
    """Two council sessions told with their numbers, and the numbers differ."""
    pa, pb = na.split(":"), nb.split(":")
    return len(pa) > 2 and len(pb) > 2 and pa[0] == pb[0] == "council" and pa[1].isdigit() and pb[1].isdigit() \
        and pa[1] != pb[1]


def _surnames_shared(da: dict, db: dict) -> int | None:
    """How many surnames two events' participants share, when each names two or more people (else None)."""
    pa, pb = da.get("participants") or [], db.get("participants") or []
    if len(pa) < 2 or len(pb) < 2:
        return None
    sa, sb = ({(plain(n).split() or [""])[-1] for n in p} for p in (pa, pb))
    return len(sa & sb)


def _other_people(da: dict, db: dict) -> bool:
    """Two meetings each told with two or more people, no more than one of them in common: the visitor's
    meeting with the president and his talks with the prime minister the same day are two meetings."""
    shared = _surnames_shared(da, db)
    return shared is not None and shared < 2


def _same_people_same_visit(da: dict, db: dict) -> bool:
    """Across reports, a meeting of the same two people during the same visit ("meeting:talks:visit:KHM>CHN:..."),
    told one with each in one report and alone in the other (the dates were checked by the caller)."""
    if da["event_type"] != "meeting":
        return False
    ka, kb = (d.get("object_key", "").split(":") for d in (da, db))
    if len(ka) < 4 or len(kb) < 4 or ka[2] != "visit" or ka[2:4] != kb[2:4]:
        return False
    shared = _surnames_shared(da, db)
    return shared is not None and shared >= 2


MAX_VISIT_DAYS = 31
VISIT_TOLD_DAYS = 3  # a preview's "arrives today" and a report's "wrapped up on Wednesday"


def _one_visit_told_on_two_days(a: M, b: M) -> bool:
    """A preview dates a visit by its first day ("expected in Bishkek today"), the report by its
    last ("wrapped up the visit on Tuesday"): across articles, day dates a few days apart, no end
    given, the same guest and host, the same level and a visitor in common are one visit."""
    da, db = a.data, b.data
    if a.doc_id == b.doc_id or da.get("end") or db.get("end") or not (da.get("guest") and db.get("guest")):
        return False
    if da.get("level") and db.get("level") and da["level"] != db["level"]:
        return False
    if not set(da.get("participants") or []) & set(db.get("participants") or []):
        return False
    x, y = _days(da.get("start"), False), _days(db.get("start"), False)
    return x is not None and y is not None and abs(x - y) <= VISIT_TOLD_DAYS


TALKS_FORMATS = {"one-on-one", "expanded"}


def _talks_told_in_two_formats(na: str, nb: str) -> bool:
    """A preview's "the presidents will hold talks" is the report's "tete-a-tete talks" of the same
    visit: keys "meeting:<format>:<visit>:<day>" that differ only in that one side names no format
    (the dates were checked by the caller)."""
    pa, pb = na.split(":", 2), nb.split(":", 2)
    if len(pa) < 3 or len(pb) < 3 or pa[0] != "meeting" or pb[0] != "meeting":
        return False
    formats = {pa[1], pb[1]}
    return "talks" in formats and formats <= TALKS_FORMATS | {"talks"} and \
        pa[2].rpartition(":")[0] == pb[2].rpartition(":")[0] != ""


def _days(d: str | None, last: bool) -> int | None:
    iv = interval(d)
    if not iv or len(d or "") < 10:
        return None
    y, m, day = iv[1] if last else iv[0]
    return y * 372 + m * 31 + day


def _reported_during(a: M, b: M) -> bool:
    """One side undated, the other dated: was the undated one published within a month of
    the dated event?"""
    undated, dated = (a, b) if not a.data.get("start") else (b, a)
    if undated.data.get("start") or not dated.data.get("start"):
        return False
    told = _days(undated.published, False)
    lo = _days(dated.data["start"], False)
    hi = _days(dated.data.get("end") or dated.data["start"], True)
    return None not in (told, lo, hi) and lo - MAX_VISIT_DAYS <= told <= hi + MAX_VISIT_DAYS  # type: ignore[operator]


def cluster_events(ms: list[M]) -> list[list[M]]:
    """Pairs that match join, except that a visit never grows past a month: a record whose
    reports span more than that is two visits, whatever chain of mentions links them."""
    ms = sorted(ms, key=lambda m: m.order)
    uf = UnionFind(len(ms))
    span: dict[int, tuple[int, int] | None] = {}
    for i, m in enumerate(ms):
        lo, hi = _days(m.data.get("start"), False), _days(m.data.get("end") or m.data.get("start"), True)
        span[i] = (lo, hi if hi is not None else lo) if lo is not None else None
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            if not _events_match(ms[i], ms[j]):
                continue
            ri, rj = uf.find(i), uf.find(j)
            if ri == rj:
                continue
            si, sj = span[ri], span[rj]
            joined = (min(si[0], sj[0]), max(si[1], sj[1])) if si and sj else (si or sj)
            if ms[i].data.get("event_type") == "visit" and joined and joined[1] - joined[0] > MAX_VISIT_DAYS:
                continue
            uf.union(ri, rj)
            span[uf.find(ri)] = joined
    return [[ms[i] for i in g] for g in uf.groups()]


def merge_event(members: list[M]) -> dict:
    d = [m.data for m in members]
    occurred = [m for m in members if m.data.get("status") == "occurred"]
    dated = [m for m in members if m.data.get("start")]
    # The most precise start; among equally precise ones the earliest (a range's first day).
    start = most_precise([x.data.get("start") for x in dated])
    if start:
        same_precision = sorted(x.data["start"] for x in dated if len(x.data["start"]) == len(start))
        start = same_precision[0]
    end_cands = [x.data.get("end") for x in dated if x.data.get("end") and len(x.data["end"]) >= len(start or "")
                 and x.data["end"] >= (start or "")]
    countries = most_common([tuple(x.get("countries") or []) for x in d]) or ()
    all_c: list[str] = []
    for x in d:
        for c in x.get("countries") or []:
            if c not in all_c:
                all_c.append(c)
    participants = sorted({p for x in d for p in x.get("participants") or []})
    title = max((x.get("title") for x in d if x.get("title")), key=lambda t: (len(t) < 120, len(t)), default=None)
    del countries, occurred
    return {
        "event_type": d[0]["event_type"],
        "title": title,
        "status": _latest_status(members, "event"),
        "start": start,
        "end": max(end_cands) if end_cands else None,
        "location": most_common(x.get("location") for x in d),
        "countries": all_c,
        "guest": most_common(x.get("guest") for x in d),
        "host": most_common(x.get("host") for x in d),
        "level": most_common(x.get("level") for x in d),
        "participants": participants,
        "aliases": sorted({x["title"] for x in d if x.get("title")}),
    }


# ------------------------------------------------------------------ agreements
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
            if _countries_compatible(ms[j].data.get("parties"), m.data.get("parties")) and \
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
                    _countries_compatible(ms[j].data.get("parties"), d.get("parties")) and \
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
                    _countries_compatible(a.get("parties"), b.get("parties")) and \
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
            if o.doc_id != m.doc_id and _countries_compatible(o.data.get("parties"), d.get("parties")) and \
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
                    not _countries_compatible(a.data.get("parties"), b.data.get("parties")) or \
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
            if i != j and _countries_compatible(ms[j].data.get("parties"), m.data.get("parties")) and \
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
                    or not _countries_compatible(od.get("parties"), d.get("parties")):
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
        "status": _latest_status(members, "agreement"),
        "event": None,
        "event_ref": most_common(x.get("event_ref") for x in d),
        "signatories": sorted({s for x in d for s in x.get("signatories") or []}),
    }


# ------------------------------------------------------------------ projects
def cluster_projects(ms: list[M]) -> list[list[M]]:
    """Mentions sharing a name key (synonym or distinctive core) are one project, unless that would join
    projects of different types: every key may point at several groups ("Trans-Caspian" names a corridor
    and a pipeline), and the mention joins each compatible one."""
    ms = sorted(ms, key=lambda m: m.order)
    uf = UnionFind(len(ms))
    index: dict[str, list[int]] = {}
    types: dict[int, set] = {i: {m.data.get("project_type")} - {None, "other"} for i, m in enumerate(ms)}
    for i, m in enumerate(ms):
        names = {m.data["name"], *(m.data.get("aliases") or [])}
        for n in names:
            for key in {synonym_key(n), "core:" + project_core(n)}:
                if not key or key == "core:":
                    continue
                for j in index.setdefault(key, []):
                    ri, rj = uf.find(i), uf.find(j)
                    if ri != rj and len(types[ri] | types[rj]) <= 1:
                        uf.union(i, j)
                        types[uf.find(i)] = types[ri] | types[rj]
                # One member per group is enough to meet it again: a key named in thousands of
                # articles keeps a list as long as its groups, not its mentions.
                seen_roots: set[int] = set()
                kept = []
                for j in [*index[key], i]:
                    if uf.find(j) not in seen_roots:
                        seen_roots.add(uf.find(j))
                        kept.append(j)
                index[key] = kept
    return [[ms[i] for i in g] for g in uf.groups()]


def merge_project(members: list[M]) -> dict:
    d = [m.data for m in members]
    names = [x["name"] for x in d]
    # The most frequent full name; ties to a proper name over a description, then the longer one.
    named = Counter(names)
    aliased = Counter(a for x in d for a in set(x.get("aliases") or []))
    name = max(names, key=lambda n: (named[n] + aliased[n], n[:1].isupper(), len(n)))
    aliases = sorted({a for x in d for a in [x["name"], *(x.get("aliases") or [])]} - {name})
    milestones: list[dict] = []
    for x in d:
        for ms in x.get("milestones") or []:
            if not any(ms["date"] == y["date"] and ms["description"] == y["description"] for y in milestones):
                milestones.append(ms)
    types = [x.get("project_type") for x in d if x.get("project_type") not in (None, "other")]
    return {
        "name": name,
        "aliases": aliases,
        "project_type": most_common(types) or "other",
        "countries": sorted({c for x in d for c in x.get("countries") or []}),
        "status": _latest_status(members, "project"),
        "milestones": sorted(milestones, key=lambda m: m.get("date") or ""),
    }


# ------------------------------------------------------------------ metrics
def cluster_metrics(ms: list[M]) -> list[list[M]]:
    ms = sorted(ms, key=lambda m: m.order)
    uf = UnionFind(len(ms))
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            a, b = ms[i].data, ms[j].data
            if (a.get("value") == b.get("value") and a.get("unit") == b.get("unit")
                    and a.get("metric_type") == b.get("metric_type")
                    and _countries_compatible(a.get("countries"), b.get("countries"))
                    and (ms[i].doc_id == ms[j].doc_id or bag_key(a.get("subject")) & bag_key(b.get("subject")))
                    and overlaps(a.get("deadline"), b.get("deadline")) is not False
                    and not _observed_apart(ms[i], ms[j])):
                uf.union(i, j)
    return [[ms[i] for i in g] for g in uf.groups()]


def _observed_apart(a: M, b: M) -> bool:
    """Two reports of one figure observed in different years ("trade reached $3bn in 2022",
    "... in 2023") are two observations. A figure the text does not date is as of its report
    or event, to the day; such a default never separates."""
    da, db = a.data, b.data
    if a.doc_id == b.doc_id or da.get("metric_type") != "observation" or db.get("metric_type") != "observation":
        return False
    ya, yb = da.get("as_of") or "", db.get("as_of") or ""
    explicit = 4 <= len(ya) <= 7 and 4 <= len(yb) <= 7
    return explicit and ya[:4] != yb[:4]


def merge_metric(members: list[M]) -> dict:
    d = [m.data for m in members]
    subjects = [x.get("subject") for x in d if x.get("subject")]
    return {
        "metric_type": most_common(x.get("metric_type") for x in d),
        "subject": max(subjects, key=len) if subjects else None,
        "value": d[0].get("value"),
        "unit": d[0].get("unit"),
        "period": most_common(x.get("period") for x in d),
        "as_of": min((x.get("as_of") for x in d if x.get("as_of")), default=None),
        "deadline": most_precise([x.get("deadline") for x in d]),
        "stated_by": most_common(x.get("stated_by") for x in d),
        "countries": sorted({c for x in d for c in x.get("countries") or []}),
    }


# ------------------------------------------------------------------ quotes
def cluster_quotes(ms: list[M]) -> list[list[M]]:
    ms = sorted(ms, key=lambda m: m.order)
    uf = UnionFind(len(ms))
    toks = [set(words(m.data.get("text"))) for m in ms]
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            if toks[i] and toks[j] and len(toks[i] & toks[j]) / min(len(toks[i]), len(toks[j])) >= 0.8:
                uf.union(i, j)
    return [[ms[i] for i in g] for g in uf.groups()]


def merge_quote(members: list[M]) -> dict:
    d = [m.data for m in members]
    return {
        "speaker": most_common(x.get("speaker") for x in d),
        "text": max((x.get("text") or "" for x in d), key=len),
        "date": most_precise([x.get("date") for x in d]),
    }

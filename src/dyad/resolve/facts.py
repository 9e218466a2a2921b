"""Resolution of events, projects, metrics and quotes (agreements: agreement_facts.py).

Each kind has a ``cluster_*`` function deciding which mentions denote one real thing
and a ``merge_*`` function building the record from them. Decisions rely only on the
mentions' content (never their insertion order), so ingest order cannot change results.
"""

from __future__ import annotations

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


def countries_compatible(a: list[str] | None, b: list[str] | None) -> bool:
    sa, sb = set(a or []), set(b or [])
    if not sa or not sb:
        return True
    return sa <= sb or sb <= sa or len(sa & sb) >= 2


def latest_status(members: list[M], kind: str) -> str:
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
    if not countries_compatible(da.get("countries"), db.get("countries")):
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
        "status": latest_status(members, "event"),
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
        "status": latest_status(members, "project"),
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
                    and countries_compatible(a.get("countries"), b.get("countries"))
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

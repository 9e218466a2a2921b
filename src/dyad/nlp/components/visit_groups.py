"""Visits: the mentions of one guest->host pair in an article made one visit (the best date, level and status
shared), or split into several when they tell another visit (another date, status or traveller)."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.nlp.components.context import dateline_day
from dyad.nlp.components.util import text_of
from dyad.nlp.components.visit_story import days_apart, lead_dates, lead_end


def one_per_pair(doc: Doc, out: list[dict]) -> list[dict]:
    """One visit per guest->host in an article: repeat mentions share the best date and level; mentions that
    are another visit of the same pair leave under a ref of their own."""
    lead = lead_end(doc)
    # the day of the lead's news ("Turkey and Senegal on Thursday signed seven agreements")
    news_day = next((t.iso_date() for t in lead_dates(doc, max(lead, min(len(text_of(doc)), 700)))
                     if len(t.iso_date() or "") == 10), None)
    by_ref: dict[str, list[dict]] = {}
    for v in out:
        by_ref.setdefault(v["ref"], []).append(v)
    for group in list(by_ref.values()):
        for other in other_visits(group):
            by_ref[other[0]["ref"]] = other
    for group in by_ref.values():
        dated = [v for v in group if v["start"]]
        best = max(dated, key=lambda v: (len(v["start"]), v["end"] is not None)) if dated else None
        level = next((v["level"] for v in group if v["level"]), None)
        statuses = [v["status"] for v in group if v["status"] != "unknown"]
        status = statuses[0] if statuses else "unknown"
        if best and best["status"] != "unknown":
            status = best["status"]
        if best is None and status == "occurred" and doc._.dct and not any(v.get("recalled") for v in group):
            # A visit the report tells as done, with no date of its own and not recalled from
            # the past ("who arrived in the capital for a state visit"): the month of the report.
            # ("Astana, 16 October 2023. X held talks with Y, who has arrived on a state visit": the dateline's day)
            day = dateline_day(doc, group[0]["sources"][0]["start"])
            for v in group:
                v["start"] = day or doc._.dct[:7]
        landed = sorted(v["start"] for v in dated if v.get("arrival") and len(v["start"]) == 10)
        if best and len(best["start"]) == 10 and best["end"] is None and landed and \
                landed[0] < best["start"] and days_apart(landed[0], best["start"]) <= 2:
            # "arrived on Wednesday evening" before the talks of Thursday: the visit runs from the arrival
            best = {**best, "start": landed[0], "end": best["start"]}
        # What dates the visit when it is one day with no end: an arrival ("arrived on Wednesday
        # evening"), a reception told further down ("On Monday evening, X was received by the King";
        # not the lead's "received X on 22 June for the consultations"), or the visit itself.
        dated_by = None
        if best and len(best["start"]) == 10 and not best["end"]:
            dated_by = "arrival" if best.get("arrival") else \
                "reception" if best["cue"] == "hosted" and best["sources"][0]["start"] >= lead else None
        for v in group:
            v.pop("arrival", None)
            v["level"] = v["level"] or level
            if best:
                v["start"], v["end"] = best["start"], best["end"]
                v["dated_by"], v["lead_day"] = dated_by, news_day
            v["status"] = status
            if level and f" {level} visit" not in v["title"]:
                v["title"] = v["title"].replace(" visit to", f" {level} visit to")
    return out


def other_visits(group: list[dict]) -> list[list[dict]]:
    """Mentions of one guest->host pair that are another visit: dated apart from the first and
    told with another status ("who visited Canberra in August last year" beside "invited him to
    make a state visit next year"). They leave the group under a ref of their own."""
    from dyad.text.dates import overlaps

    first = next((v for v in group if v["start"] and v["status"] != "unknown"), None)
    if first is None:
        return []
    apart: dict[str, list[dict]] = {}
    for v in group:
        # (the same status too when both are dated to months apart: "signed in Manila in January"
        # beside "his official visit to Manila in April last year")
        if v["status"] == "planned" and first["status"] == "occurred" and len(v["start"] or "") == 10 and \
                len(first["start"]) == 10 and first["start"] < v["start"] and \
                days_apart(first["start"], v["start"]) <= 7 and set(v.get("participants") or []) & \
                set(first.get("participants") or []):
            continue  # "is scheduled to be received by the Vice President on Wednesday": the visit goes on
        under_way = next((o for o in group if o["status"] == "occurred" and len(o["start"] or "") == 10
                          and len(o.get("end") or "") == 10 and len(v["start"] or "") == 10
                          and o["start"] < v["start"] <= o["end"]), None)
        if v["status"] == "planned" and under_way:
            # "Tomorrow the minister is to visit a prison in Bangkok": a day of the visit under way, which
            # keeps its own dates
            v["start"], v["end"], v["status"] = under_way["start"], under_way["end"], "occurred"
            continue
        if v["start"] and v["status"] != "unknown" and not overlaps(v["start"], first["start"]) and (
                v["status"] != first["status"] or not overlaps(v["start"][:7], first["start"][:7])):
            key = next((k for k, g in apart.items() if overlaps(v["start"], g[0]["start"])), v["start"])
            apart.setdefault(key, []).append(v)
        elif (not v["start"] or len(v["start"]) < len(first["start"] or "")) and v["status"] == "planned" and \
                first["status"] == "occurred" and v.get("participants") and first.get("participants") and \
                not set(v["participants"]) & set(first["participants"]):
            # "an invitation to Chancellor Y to visit Chile" beside "the visit of then Chancellor X to Santiago
            # in January 2023"; "Prime Minister Y is expected to visit later this year" after minister X's visit
            # that week: another traveller, a visit still to come
            apart.setdefault("planned", []).append(v)
    for key, vs in apart.items():
        for v in vs:
            group.remove(v)
            v["ref"] = f"{v['ref']}@{key}"
    return list(apart.values())

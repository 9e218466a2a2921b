"""Server-rendered HTML pages. Each page also answers ``?format=json`` with the data it shows."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from dyad.store.queries import (
    dyad_view,
    entity_view,
    facts_in_document,
    get_document,
    kb_stats,
    search_view,
)
from dyad.web.deps import Format, SessionDep, not_found, page
from dyad.web.feed import pair_feed
from dyad.web.figures import figure_charts
from dyad.web.pairs import (
    PAIR_STATUSES,
    PAIR_TYPES,
    canonical_pair,
    csv_response,
    pair_filters,
    timeline_page,
)
from dyad.web.records import install_record_pages, redirect_alias
from dyad.web.render import STATIC, bar_chart, document_record_view, highlight, render, timeline_chart

__all__ = ["STATIC", "install_pages"]

PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")


def install_pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, session: SessionDep, format: Format = None, all: bool = False) -> Response:
        return page("index.html", kb_stats(session), format, request, show_all=all)

    @app.get("/dyad/{pair}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(pair: str, request: Request, session: SessionDep, format: Format = None,
             tpage: Annotated[int, Query(ge=0, le=10000)] = 0) -> Response:
        m = PAIR.match(pair)
        if not m:
            return not_found(f"{pair!r} is not a country pair such as KAZ-AZE", format, request)
        a, b = m.group(1).upper(), m.group(2).upper()
        if a == b:
            return not_found(f"{pair!r} names one country twice", format, request)
        if pair != f"{min(a, b)}-{max(a, b)}":
            return canonical_pair(request, a, b)
        try:
            filters = pair_filters(request)
        except ValueError as exc:
            return page("error.html", {"error": str(exc)}, format, request, status=422)
        view = dyad_view(session, a, b, filters=filters)
        if not any(view["total_counts"].values()) and not view["multilateral_projects"]:
            return not_found(f"no records for {a}-{b}", format, request)
        view["filters"] = asdict(filters)
        if format == "csv":
            return csv_response(view, f"{a}-{b}")
        events, pager = timeline_page(view["events"], tpage)
        for key, n in (("earlier", pager["page"] + 1), ("later", pager["page"] - 1)):
            if 0 <= n < pager["pages"]:
                u = request.url.include_query_params(tpage=n)
                pager[key] = f"{u.path}?{u.query}"
        charts = figure_charts(view["observations"], view["targets"], view["today"])
        return page("dyad.html", view, format, request, timeline=timeline_chart(events), pager=pager,
                    sectors=bar_chart({k: len(v) for k, v in view["agreements_by_sector"].items()}),
                    charts=charts, query=request.url.query, types=PAIR_TYPES, statuses=PAIR_STATUSES)

    @app.get("/dyad/{pair}/feed.atom", include_in_schema=False)
    def dyad_feed(pair: str, request: Request, session: SessionDep) -> Response:
        m = PAIR.match(pair)
        if not m or m.group(1).upper() == m.group(2).upper():
            return Response(f"{pair!r} is not a country pair such as KAZ-AZE", status_code=404,
                            media_type="text/plain")
        a, b = sorted((m.group(1).upper(), m.group(2).upper()))
        if pair != f"{a}-{b}":
            return RedirectResponse(f"/dyad/{a}-{b}/feed.atom", status_code=308)
        xml = pair_feed(session, a, b, str(request.base_url).rstrip("/"))
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @app.get("/dyad/{pair}/figures.svg", include_in_schema=False)
    def dyad_figures(pair: str, session: SessionDep) -> Response:
        m = PAIR.match(pair)
        if not m:
            return Response("not a pair", status_code=404, media_type="text/plain")
        a, b = sorted((m.group(1).upper(), m.group(2).upper()))
        view = dyad_view(session, a, b)
        charts = figure_charts(view["observations"], view["targets"], view["today"])
        return Response(render("figures.svg", charts=charts, a=a, b=b), media_type="image/svg+xml")

    @app.get("/entity/{rid}", response_class=HTMLResponse, include_in_schema=False)
    def entity(rid: str, request: Request, session: SessionDep, format: Format = None) -> Response:
        view = entity_view(session, rid)
        if view is None:
            moved = redirect_alias(session, "entity", rid, request)
            return moved or not_found(f"no entity {rid!r}", format, request)
        return page("entity.html", view, format, request)

    # :path because document ids are file names: dots and even slashes occur.
    @app.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document(doc_id: str, request: Request, session: SessionDep, format: Format = None) -> Response:
        doc = get_document(session, doc_id)
        if doc is None:
            return not_found(f"no document {doc_id!r}", format, request)
        facts = facts_in_document(session, doc)
        data = {"document": document_record_view(doc), "facts": facts}
        if format == "json":
            data["document"]["text"] = doc.text
            return JSONResponse(data)
        return page("document.html", data, format, request, tokens=highlight(doc.text, facts, doc.doc_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, session: SessionDep, q: str = "", kind: str = "", pair: str = "",
               year: str = "", format: Format = None) -> Response:
        q = q.strip()
        results = search_view(session, q, kind=kind or None, pair=pair or None, year=year or None) if q \
            else {"q": "", "total": 0, "items": [], "facets": {}}
        return page("search.html", results, format, request)

    install_record_pages(app)

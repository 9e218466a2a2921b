"""Server-rendered HTML pages. Each page also answers ``?format=json`` with the data it shows."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.orm import Session

from dyad.store.queries import (
    dyad_view,
    entity_view,
    facts_in_document,
    get_document,
    kb_stats,
    search_all,
)
from dyad.web.render import STATIC, bar_chart, document_record_view, highlight, render, timeline_chart

__all__ = ["STATIC", "install_pages"]

PAIR = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")
Format = Annotated[str | None, Query(description="json for the data behind the page")]


def _session(request: Request):  # type: ignore[no-untyped-def]
    with request.app.state.factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(_session)]


def page(template: str, data: dict[str, Any], fmt: str | None, request: Request, status: int = 200,
         **extra: Any) -> Response:
    """The page as HTML, or its data as JSON when ``?format=json``."""
    if fmt == "json":
        return JSONResponse(data, status_code=status)
    json_url = request.url.include_query_params(format="json")
    html = render(template, json_url=str(json_url.path) + "?" + json_url.query, **data, **extra)
    return HTMLResponse(html, status_code=status)


def not_found(message: str, fmt: str | None, request: Request) -> Response:
    return page("error.html", {"error": message}, fmt, request, status=404)


def install_pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, session: SessionDep, format: Format = None) -> Response:
        return page("index.html", kb_stats(session), format, request)

    @app.get("/dyad/{pair}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(pair: str, request: Request, session: SessionDep, format: Format = None) -> Response:
        m = PAIR.match(pair)
        if not m:
            return not_found(f"{pair!r} is not a country pair such as KAZ-AZE", format, request)
        a, b = m.group(1).upper(), m.group(2).upper()
        view = dyad_view(session, a, b)
        if not any(view["counts"][k] for k in ("event", "agreement", "project", "metric", "quote")):
            return not_found(f"no records for {a}-{b}", format, request)
        return page("dyad.html", view, format, request, timeline=timeline_chart(view["events"]),
                    sectors=bar_chart({k: len(v) for k, v in view["agreements_by_sector"].items()}))

    @app.get("/entity/{rid}", response_class=HTMLResponse, include_in_schema=False)
    def entity(rid: str, request: Request, session: SessionDep, format: Format = None) -> Response:
        view = entity_view(session, rid)
        if view is None:
            return not_found(f"no entity {rid!r}", format, request)
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
    def search(request: Request, session: SessionDep, q: str = "", format: Format = None) -> Response:
        q = q.strip()
        results = search_all(session, q) if q else {}
        return page("search.html", {"q": q, "results": results}, format, request)

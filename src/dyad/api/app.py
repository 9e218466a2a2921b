"""The HTTP server: a JSON API (OpenAPI at /openapi.json) beside server-rendered HTML pages.

Datasette is the model: every page is linkable and has a JSON twin (``?format=json``), and the JSON API
runs the same queries as the CLI (``dyad.store.queries``) so the three never disagree.
"""

# No `from __future__ import annotations`: FastAPI must evaluate the per-kind dependency annotations
# (which close over a local variable) when the routes are defined.
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker

from dyad.api.cache import ResponseCache
from dyad.api.security import HostCheck, SecurityHeaders, allowed_hosts_for
from dyad.export.facts import iter_facts
from dyad.store.db import base_generation, open_db
from dyad.store.queries import PLURALS, Filters, get_record, list_records

ALPHA3 = re.compile(r"^[A-Za-z]{3}$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# `type` vocabularies from facts-v1; an unknown value is a typo worth a 422, not an empty page.
TYPES: dict[str, set[str]] = {
    "entity": {"person", "organization", "country", "place"},
    "event": {"visit", "meeting", "signing", "opening", "council_session", "other"},
    "agreement": {"treaty", "agreement", "memorandum", "joint_statement", "declaration", "decision",
                  "protocol", "roadmap", "program", "charter", "contract", "other"},
    "project": {"corridor", "railway", "road", "cable", "pipeline", "facility", "fund", "program", "other"},
    "metric": {"target", "observation"},
    "quote": set(),
    "document": set(),
}
TYPE_FIELD = {"entity": "entity_type", "event": "event_type", "agreement": "instrument",
              "project": "project_type", "metric": "metric_type"}
MAX_LIMIT = 1000
# Far beyond any knowledge base, far below what a 64-bit SQL integer holds (a bigger one was a 500).
MAX_OFFSET = 1_000_000_000
DATE_FIELD = {"document": "published", "entity": "none", "event": "start", "agreement": "signed",
              "metric": "as_of", "project": "none", "quote": "date"}


def bad_param(name: str, msg: str, value: Any) -> RequestValidationError:
    """A 422 shaped like FastAPI's own, so clients see one error format whatever the check."""
    error = {"type": "value_error", "loc": ("query", name), "msg": msg, "input": value}
    return RequestValidationError([error])


def check_date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    m = PARTIAL_DATE.match(value)
    ok = bool(m)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            date(year, month, day)
        except ValueError:
            ok = False
    if not ok:
        raise bad_param(name, f"{name} must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD", value)
    return value


def check_countries(values: list[str]) -> list[str]:
    for v in values:
        if not ALPHA3.match(v):
            raise bad_param("country", "country must be an ISO 3166-1 alpha-3 code such as KAZ", v)
    return [v.upper() for v in values]


def make_filters(kind: str) -> Callable[..., Filters]:
    """The query parameters of one list endpoint, validated, as a Filters."""

    # async although it does no I/O: FastAPI runs sync dependencies in the thread pool, and a thread
    # hop per dependency per request is measurable at 200 requests/s (see bench/api_load.py).
    async def filters(
        country: Annotated[list[str], Query(description="ISO alpha-3; repeatable, all must be present")]
        = [],  # noqa: B006 - FastAPI copies defaults per request
        date_from: Annotated[str | None, Query(alias="from", description="ISO date, partial allowed")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="ISO date, partial allowed")] = None,
        type: Annotated[str | None, Query(description=f"{TYPE_FIELD.get(kind, 'not supported')}")] = None,
        q: Annotated[str | None, Query(description="case-insensitive text search")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        min_confidence: Annotated[float | None, Query(ge=0, le=1, description="leave out records whose "
                                                      "confidence is below this (0-1)")] = None,
    ) -> Filters:
        codes = check_countries(country)
        lo, hi = check_date("from", date_from), check_date("to", date_to)
        if lo and hi and lo > hi + "~":
            raise bad_param("to", "to must not be before from", date_to)
        if type:
            if not TYPES[kind]:
                raise bad_param("type", f"type is not supported for {kind} records", type)
            if type not in TYPES[kind]:
                raise bad_param("type", f"type must be one of {', '.join(sorted(TYPES[kind]))}", type)
        return Filters(countries=codes, date_from=lo, date_to=hi, type=type or None, q=q or None,
                       limit=limit, offset=offset, min_confidence=min_confidence)

    return filters


def _add_kind_routes(app: FastAPI, plural: str, kind: str) -> None:
    dates = DATE_FIELD[kind]

    # Sync handlers (SQLAlchemy is sync; they run in the thread pool). The session is opened here rather
    # than in a yield-dependency, which would cost a second thread hop per request. JSONResponse skips
    # jsonable_encoder: the records are plain JSON already.
    def list_kind(request: Request, f: Annotated[Filters, Depends(make_filters(kind))]) -> Response:
        cache: ResponseCache = request.app.state.cache
        key = (kind, repr(f))
        with request.app.state.factory() as session:
            generation = base_generation(session)  # first: a body is never labelled newer than its data
            etag = f'"{generation}-{hashlib.sha1(key[1].encode()).hexdigest()[:12]}"'
            if request.headers.get("if-none-match") == etag:
                return Response(status_code=304, headers={"ETag": etag})
            body = cache.get(key, generation)
            if body is None:
                total, items = list_records(session, kind, f)
                body = JSONResponse({"total": total, "limit": f.limit, "offset": f.offset, "items": items}).body
                cache.put(key, generation, body)
        return Response(body, media_type="application/json", headers={"ETag": etag, "Cache-Control": "no-cache"})

    def one(rid: str, request: Request) -> Response:
        with request.app.state.factory() as session:
            rec = get_record(session, kind, rid)
            if rec is None and kind != "document":  # an id the record had before: 308 to its current one
                from dyad.web.records import redirect_alias

                moved = redirect_alias(session, kind, rid, request, api=True)
                if moved is not None:
                    return moved
        if rec is None:
            raise HTTPException(404, f"no {kind} with id {rid!r}")
        return JSONResponse(rec)

    app.add_api_route(f"/api/{plural}", list_kind, methods=["GET"], tags=[plural], name=f"list_{plural}",
                      summary=f"List {plural} (facts-v1 records)",
                      description=f"Date filters apply to `{dates}`." if dates != "none"
                      else "Date filters apply to the record's first date.")
    # :path because document ids are file names and may contain dots or slashes.
    app.add_api_route(f"/api/{plural}/{{rid:path}}", one, methods=["GET"], tags=[plural], name=f"get_{kind}",
                      summary=f"One {kind} by id")


def create_app(db_url: str | None = None, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The application over the database at ``db_url`` (default: $DYAD_DB or sqlite:///dyad.db).

    ``allowed_hosts``: the Host header names answered (any port); others get 400. ``serve`` passes the
    loopback names when bound to loopback (see dyad.api.security). Every response carries the
    security headers."""
    factory: sessionmaker[Session] = open_db(db_url)
    # No /docs or /redoc: FastAPI serves them from a CDN and the UI must work without network access.
    app = FastAPI(title="dyad", version="1", docs_url=None, redoc_url=None,
                  description="A resolved, sourced, temporal knowledge base of relations between states. "
                  "Records follow the facts-v1 format.")
    app.state.factory = factory
    app.state.cache = ResponseCache()

    @app.get("/api/facts", tags=["export"], summary="The whole knowledge base as facts-v1 JSON Lines",
             response_class=StreamingResponse,
             responses={200: {"content": {"application/x-ndjson": {}}}})
    def facts(country: Annotated[list[str], Query(description="ISO alpha-3; repeatable, all must be present")]
              = [],  # noqa: B006 - FastAPI copies defaults per request
              ) -> StreamingResponse:
        codes = check_countries(country)

        def lines() -> Iterator[str]:
            # Its own session: the stream outlives the request handler, and with it any dependency.
            with factory() as session:
                batch: list[str] = []
                for rec in iter_facts(session, countries=codes):
                    batch.append(json.dumps(rec, ensure_ascii=False) + "\n")
                    if len(batch) >= 200:  # fewer, larger chunks: less per-chunk overhead
                        yield "".join(batch)
                        batch = []
                if batch:
                    yield "".join(batch)

        return StreamingResponse(lines(), media_type="application/x-ndjson")

    for plural, kind in PLURALS.items():
        _add_kind_routes(app, plural, kind)

    from dyad.web.pages import STATIC, install_pages

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    install_pages(app)
    # Added last = outermost: the 400 of the Host check carries the security headers too.
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def run(db_url: str | None, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db_url, allowed_hosts=allowed_hosts_for(host)), host=host, port=port, log_level="info")

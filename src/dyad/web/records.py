"""A page and a JSON twin for every record (/event/ID, /agreement/ID, ... ; /entity/ID is in
pages.py), country pages, corrections from the record page, and the "what's new" API.

Ids that a record had before (merges, re-resolution) answer 308 to the record's current URL.
"""

import hashlib
import hmac
import secrets
from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from dyad.store.queries import country_view, search_view
from dyad.store.views import changes_since, follow_alias, record_view
from dyad.web.deps import Format, SessionDep, not_found, page

RECORD_KINDS = ["event", "agreement", "project", "metric", "quote"]
PLURAL = {"entity": "entities", "event": "events", "agreement": "agreements", "project": "projects",
          "metric": "metrics", "quote": "quotes"}
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def record_url(kind: str, rid: str) -> str:
    return f"/{kind}/{quote(rid, safe='')}"


def redirect_alias(session: Session, kind: str, rid: str, request: Request, api: bool = False) -> Response | None:
    """308 to the current URL of a record known under an older id, or None."""
    current = follow_alias(session, kind, rid)
    if current is None:
        return None
    url = f"/api/{PLURAL[kind]}/{quote(current, safe='')}" if api else record_url(kind, current)
    if request.url.query:
        url += "?" + request.url.query
    return RedirectResponse(url, status_code=308)


def csrf_token(app: FastAPI, rid: str) -> str:
    secret: bytes = app.state.csrf_secret
    return hmac.new(secret, f"correct:{rid}".encode(), hashlib.sha256).hexdigest()


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    return host in LOOPBACK


def install_record_pages(app: FastAPI) -> None:
    if not hasattr(app.state, "csrf_secret"):
        app.state.csrf_secret = secrets.token_bytes(32)

    def make_handler(kind: str):  # type: ignore[no-untyped-def]
        def handler(rid: str, request: Request, session: SessionDep, format: Format = None) -> Response:
            view = record_view(session, kind, rid)
            if view is None:
                moved = redirect_alias(session, kind, rid, request)
                return moved or not_found(f"no {kind} {rid!r}", format, request)
            local = _is_local(request)
            return page("record.html", view, format, request, local=local,
                        csrf=csrf_token(request.app, rid) if local else None)
        return handler

    for kind in RECORD_KINDS:
        app.add_api_route(f"/{kind}/{{rid}}", make_handler(kind), methods=["GET"], include_in_schema=False,
                          name=f"{kind}_page")

    @app.post("/correct/{rid}", include_in_schema=False)
    async def correct(rid: str, request: Request) -> Response:
        """A correction from a record page: local clients only, with the page's CSRF token.
        The form is parsed here (urlencoded) rather than by FastAPI, which would need another package."""
        if not _is_local(request):
            return JSONResponse({"detail": "corrections are accepted from this machine only"}, status_code=403)
        body = await request.body()
        if len(body) > 20_000:
            return JSONResponse({"detail": "form too large"}, status_code=413)
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        if not hmac.compare_digest(form.get("csrf", "").encode(), csrf_token(request.app, rid).encode()):
            return JSONResponse({"detail": "invalid or missing CSRF token"}, status_code=403)
        origin = request.headers.get("origin")
        if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
            return JSONResponse({"detail": "cross-origin correction refused"}, status_code=403)
        return await run_in_threadpool(_apply_form, request.app.state.factory, rid, form)

    @app.get("/corrections", include_in_schema=False)
    def corrections(request: Request, session: SessionDep, format: Format = None) -> Response:
        from dyad.resolve.corrections import list_corrections

        return page("corrections.html", {"corrections": list_corrections(session)}, format, request)

    @app.get("/country/{code}", include_in_schema=False)
    def country(code: str, request: Request, session: SessionDep, format: Format = None) -> Response:
        if len(code) != 3 or not code.isalpha():
            return not_found(f"{code!r} is not an ISO alpha-3 country code", format, request)
        if code != code.upper():
            return RedirectResponse(f"/country/{code.upper()}", status_code=308)
        view = country_view(session, code)
        if view is None:
            return not_found(f"no records for {code}", format, request)
        return page("country.html", view, format, request)

    @app.get("/api/changes", tags=["changes"], summary="Records new or updated since a time")
    def changes(request: Request,
                since: Annotated[str, Query(description="ISO date or date-time, e.g. 2025-10-22T08:00:00")],
                limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> JSONResponse:
        from dyad.api.app import bad_param

        try:
            date.fromisoformat(since[:10])
            from datetime import datetime

            datetime.fromisoformat(since)
        except ValueError as exc:
            raise bad_param("since", "since must be an ISO date or date-time", since) from exc
        with request.app.state.factory() as session:
            items = changes_since(session, since, limit=limit)
        return JSONResponse({"since": since, "total": len(items), "items": items})

    @app.get("/api/search", tags=["search"], summary="Full-text search with facets by kind, pair and year")
    def api_search(request: Request, q: Annotated[str, Query(description="words; all must occur")],
                   kind: str | None = None, pair: str | None = None, year: str | None = None,
                   limit: Annotated[int, Query(ge=1, le=500)] = 50,
                   offset: Annotated[int, Query(ge=0)] = 0) -> JSONResponse:
        with request.app.state.factory() as session:
            return JSONResponse(search_view(session, q, kind=kind or None, pair=pair or None, year=year or None,
                                            limit=limit, offset=offset))


def _apply_form(factory: Any, rid: str, form: dict[str, str]) -> Response:
    from dyad.resolve.corrections import CorrectionError, find_record, reject_record, set_field

    action, note = form.get("action"), form.get("note") or None
    try:
        with factory() as session:
            kind, _ = find_record(session, rid)
        if action == "set":
            set_field(factory, rid, form.get("field", ""), form.get("value", ""), note=note)
            return RedirectResponse(record_url(kind, rid), status_code=303)
        if action == "reject":
            reject_record(factory, rid, note=note)
            return RedirectResponse("/corrections", status_code=303)
    except CorrectionError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=422)
    return JSONResponse({"detail": "action must be set or reject"}, status_code=422)

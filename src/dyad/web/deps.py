"""What every page handler shares: the session dependency, ``?format=``, and page rendering.

No ``from __future__ import annotations`` here or in modules using these: FastAPI reads the
annotations at route definition."""

from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.orm import Session

from dyad.web.render import render

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



"""What a resolution must refresh after it changed records: the pairs quotes belong to, then
the full-text index. One entry point so the resolver needs one call."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from dyad.store.relevance import assign_quote_countries
from dyad.store.search import rebuild_search_index, reindex_records


def refresh_derived(session: Session, changed: Mapping[str, Iterable[str]] | None = None) -> None:
    """``changed``: record ids per kind (documents under "document") that a resolution created,
    changed or deleted; None means everything."""
    if changed is None:
        assign_quote_countries(session)
        rebuild_search_index(session)
        return
    if changed.get("quote"):
        changed = dict(changed)
        changed["quote"] = list(changed["quote"])
        assign_quote_countries(session, changed["quote"])
    for kind, ids in changed.items():
        reindex_records(session, kind, ids)

"""Read queries shared by the CLI, the API and the web pages."""

from __future__ import annotations

from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document


def kb_stats(session: Session) -> dict:
    kinds = {"document": session.scalar(select(func.count(Document.id))) or 0}
    for kind, model in RECORD_MODELS.items():
        kinds[kind] = session.scalar(select(func.count()).select_from(model)) or 0
    pairs: dict[str, dict[str, int]] = {}
    for kind, model in RECORD_MODELS.items():
        if kind == "entity":
            continue
        for (countries,) in session.execute(select(model.countries)):
            codes = [c for c in (countries or "").split("|") if c]
            for a, b in combinations(sorted(codes), 2):
                pairs.setdefault(f"{a}-{b}", {}).setdefault(kind, 0)
                pairs[f"{a}-{b}"][kind] += 1
    ordered = dict(sorted(pairs.items(), key=lambda kv: -sum(kv[1].values())))
    return {"kinds": kinds, "pairs": ordered}

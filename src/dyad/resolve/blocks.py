"""Blocking keys: which stored mentions a new mention could possibly denote the same thing as.

Every mention gets one or more keys computed from its own content alone (kind, country
pair, year, name keys). Two mentions that share no key, directly or through a chain of
mentions that do, are never compared: a *resolution unit* is a connected component of
the mention/key graph. Resolution clusters each unit on its own, so

- a new article re-resolves only the units its mentions fall in (the cost does not grow
  with the base), and
- the knowledge base is a function of the set of stored mentions, whatever their order:
  a unit is a component of a graph defined by the mentions, and clustering a unit looks
  at nothing outside it.

The keys are also the false-merge guards of last resort: events of different years or
country pairs, metrics of different values, agreements of different parties can never
end up in one record, whatever else the archive holds.
"""

from __future__ import annotations

from dyad.text.names import plain, project_core, surname_key, synonym_key, translit_key


def _pair(codes: list[str] | None) -> str:
    cs = sorted({c for c in (codes or [])[:2] if c})
    return "-".join(cs) if cs else "?"


def _year(date: str | None) -> str | None:
    return date[:4] if date and len(date) >= 4 and date[:4].isdigit() else None


def person_key(name: str | None) -> str:
    """The key persons are blocked and looked up by: the surname, transliteration-folded."""
    return "ent:person:" + surname_key(name or "")


def blocking_keys(kind: str, data: dict, published: str | None, doc_id: str | None = None) -> list[str]:
    """The keys of one mention (of document ``doc_id``); the first is its primary block."""
    if kind == "entity":
        etype = data.get("entity_type") or "other"
        name = data.get("name") or ""
        if etype == "person":
            keys = [person_key(name)]
            if data.get("leader"):
                # Spellings of one leader ("el-Sisi", "al-Sisi") meet at the gazetteer's name.
                keys.append(person_key(data["leader"]))
            words = plain(name).split()
            if doc_id is not None and words:
                # "Jiang" after "Ambassador Jiang Zaidong": within one article a bare name may be
                # a family name written first.
                keys.append(f"ent:person-first:{doc_id}:{words[0] if len(words) > 1 else words[-1]}")
            return _unique(keys)
        if etype == "country":
            return [f"ent:country:{data.get('country') or plain(name)}"]
        if etype == "organization":
            return _unique([f"ent:org:{translit_key(n)}" for n in [name, *(data.get("aliases") or [])]
                            if translit_key(n)] or [f"ent:org:{plain(name)}"])
        return [f"ent:{etype}:{plain(name)}"]
    if kind == "event":
        etype = data.get("event_type") or "other"
        codes = [data["guest"], data["host"]] if data.get("guest") and data.get("host") else data.get("countries")
        # An undated mention is placed in its report's year: events are told within months of
        # happening, and a year bound keeps an archive's many visits of one pair apart.
        year = _year(data.get("start")) or _year(published) or "?"
        return [f"evt:{etype}:{_pair(codes)}:{year}"]
    if kind == "agreement":
        parties = data.get("parties")
        if parties:
            return [f"agr:{_pair(parties)}"]
        return [f"agr:?:{_year(published) or '?'}"]
    if kind == "project":
        keys = []
        for n in [data.get("name") or "", *(data.get("aliases") or [])]:
            for k in (synonym_key(n), project_core(n)):
                if k:
                    keys.append(f"prj:{k}")
        return _unique(keys) or ["prj:?"]
    if kind == "metric":
        return [f"met:{_pair(data.get('countries'))}:{data.get('metric_type')}:{data.get('value')}:{data.get('unit')}"]
    if kind == "quote":
        speaker = data.get("speaker")
        if speaker:
            return ["quo:" + surname_key(speaker)]
        return [f"quo:?:{(published or '')[:7]}"]
    return [f"{kind}:?"]


def _unique(keys: list[str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        if k not in out:
            out.append(k[:256])
    return out


__all__ = ["blocking_keys", "person_key"]

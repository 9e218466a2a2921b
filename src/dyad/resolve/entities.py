"""Entity resolution: persons (full names absorb surname-only and titled mentions),
organisations (variant names of one body), places and countries."""

from __future__ import annotations

from collections import Counter

from dyad.resolve import tally
from dyad.resolve.base import M, UnionFind, most_common
from dyad.text.names import NAME_PARTICLES, plain, surname, synonym_key, translit_key


def _person_key(name: str) -> str:
    return plain(name)


def cluster_entities(mentions: list[M]) -> list[list[M]]:
    by_type: dict[str, list[M]] = {}
    for m in mentions:
        by_type.setdefault(m.data.get("entity_type", "other"), []).append(m)
    clusters: list[list[M]] = []
    for etype, ms in sorted(by_type.items()):
        if etype == "person":
            clusters.extend(cluster_persons(ms))
        elif etype == "country":
            clusters.extend(_group(ms, lambda m: m.data.get("country") or plain(m.data["name"])))
        elif etype == "organization":
            clusters.extend(_group_variants(ms))
        else:
            clusters.extend(_group(ms, lambda m: plain(m.data["name"])))
    return clusters


def _group(ms: list[M], keyfn) -> list[list[M]]:  # type: ignore[no-untyped-def]
    groups: dict[str, list[M]] = {}
    for m in sorted(ms, key=lambda m: m.order):
        groups.setdefault(keyfn(m), []).append(m)
    return list(groups.values())


def _group_variants(ms: list[M]) -> list[list[M]]:
    """Organisations: same name up to synonyms or transliteration, and compatible country."""
    ms = sorted(ms, key=lambda m: m.order)
    uf = UnionFind(len(ms))
    index: dict[tuple[str, str], int] = {}
    for i, m in enumerate(ms):
        names = {m.data["name"], *(m.data.get("aliases") or [])}
        for name in names:
            for key in (("syn", synonym_key(name)), ("tr", translit_key(name))):
                if not key[1]:
                    continue
                if key in index:
                    j = index[key]
                    cj, ci = ms[j].data.get("country"), m.data.get("country")
                    if not (cj and ci and cj != ci):
                        uf.union(i, j)
                else:
                    index[key] = i
    return [[ms[i] for i in g] for g in uf.groups()]


PATRONYMIC_LINKS = {"bin", "bint", "ibn", "binti"}  # "son/daughter of": the name after is the father's


def cluster_persons(ms: list[M]) -> list[list[M]]:
    """Full names group by name; a surname-only mention joins the one full name with that
    surname (same document first, then the whole base; country must not clash)."""
    ms = sorted(ms, key=lambda m: m.order)

    def words(name: str) -> int:  # "Al Kuwari", "van der Leyen": one surname with its particles
        return len([w for w in plain(name).split() if w not in NAME_PARTICLES])

    full = [m for m in ms if words(m.data["name"]) >= 2]
    single = [m for m in ms if words(m.data["name"]) < 2]
    groups: dict[str, list[M]] = {}
    for m in full:
        groups.setdefault(_person_key(m.data["name"]), []).append(m)
    _join_shorter_forms(groups)
    by_surname: dict[str, list[str]] = {}
    first_surname: dict[str, list[str]] = {}  # "Castro" of "Xiomara Castro Sarmiento": paternal, then maternal
    for key in groups:
        ws = key.split()
        if len(ws) >= 3 and ws[-2] in PATRONYMIC_LINKS:
            continue  # "Mohammed bin Salman": Salman is his father's name, no surname a bare "Salman" stands for
        by_surname.setdefault(surname(key), []).append(key)
        if len(ws) >= 3 and ws[-2] not in NAME_PARTICLES:
            first_surname.setdefault(ws[-2], []).append(key)
    facts = {k: _GroupFacts(g) for k, g in groups.items()}
    orphans: dict[str, list[M]] = {}
    for m in single:
        cands = by_surname.get(surname(m.data["name"]), []) or first_surname.get(_person_key(m.data["name"]), [])
        if len(cands) > 1:
            same_doc = [k for k in cands if m.doc_id in facts[k].docs]
            cands = same_doc if len(same_doc) == 1 else cands
        if len(cands) > 1 and m.data.get("role"):
            # "President Japarov" is the Japarov who is President, not the one who chairs the cabinet.
            head = m.data["role"].split()[0].lower()
            by_role = [k for k in cands if any(r.startswith(head) for r in facts[k].roles)]
            cands = by_role or cands
        if len(cands) > 1 and m.data.get("country"):
            cands = [k for k in cands if facts[k].country() in (None, m.data["country"])]
        if not cands:
            # "Jiang" after "Ambassador Jiang Zaidong": a family name written first
            cands = [k for k in groups if k.split()[0] == _person_key(m.data["name"]) and m.doc_id in facts[k].docs]
        if len(cands) == 1:
            groups[cands[0]].append(m)
            facts[cands[0]].add(m)
        else:
            orphans.setdefault(_person_key(m.data["name"]), []).append(m)
    out = _join_same_leader(list(groups.values()))
    for group in orphans.values():
        # A bare surname no full name explains is kept only with evidence it is a person.
        if any(not x.data.get("surname_only") for x in group):
            out.append(group)
    return out


class _GroupFacts:
    """What the surname-only mentions are matched on, per full-name group, kept as members join
    (a leader's group holds thousands of mentions: no rescan per mention)."""

    def __init__(self, members: list[M]) -> None:
        self.docs: set[str] = set()
        self.roles: set[str] = set()
        self.countries: dict[str, list] = {}  # repr -> [count, first position, value]
        self.size = 0
        for m in members:
            self.add(m)

    def add(self, m: M) -> None:
        self.docs.add(m.doc_id)
        self.roles.add((m.data.get("role") or "").lower())
        c = m.data.get("country")
        if c not in (None, "", []):
            seen = self.countries.setdefault(repr(c), [0, self.size, c])
            seen[0] += 1
        self.size += 1

    def country(self) -> str | None:
        """As ``most_common`` of the members' countries: most frequent, then first listed."""
        if not self.countries:
            return None
        return min(self.countries.values(), key=lambda v: (-v[0], v[1]))[2]


def _shorter_form(short: str, long: str) -> bool:
    """"Ishaq Dar" of "Mohammad Ishaq Dar" (a tail of the full name), "Recep Erdogan" of "Recep
    Tayyip Erdogan" (first and last name with the middle names left out), "Bernardo Arevalo" of
    "Bernardo Arevalo de Leon" (given name and first surname; a dynasty's name left off)."""
    a, b = short.split(), long.split()
    if len(a) < 2 or len(b) <= len(a):
        return False
    if b[-len(a):] == a and b[-len(a) - 1] in PATRONYMIC_LINKS:
        return False  # "Salman bin Abdulaziz" in "Mohammed bin Salman bin Abdulaziz": the father, not the son
    return b[-len(a):] == a or (a[0] == b[0] and a[-1] == b[-1] and len(a) == 2) or \
        (b[:len(a)] == a and len(b) - len(a) <= 2)


def _join_shorter_forms(groups: dict[str, list[M]]) -> None:
    """A shorter form of one full name of the same country joins it (in place); never when two
    full names could own it."""
    keys = sorted(groups, key=lambda k: len(k.split()))
    for short in keys:
        if short not in groups:
            continue
        country = most_common(x.data.get("country") for x in groups[short])
        owners = [k for k in groups if _shorter_form(short, k)
                  and (country is None or most_common(x.data.get("country") for x in groups[k]) in (None, country))]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(short))


def _join_same_leader(groups: list[list[M]]) -> list[list[M]]:
    """Spellings of one head of state or government ("el-Sisi" / "al-Sisi", "Chimed" /
    "Chimediin Saikhanbileg") are one person when the gazetteer knows them as the same leader."""
    uf = UnionFind(len(groups))
    seen: dict[str, int] = {}
    for i, group in enumerate(groups):
        for m in group:
            leader = m.data.get("leader")
            if leader:
                if leader in seen:
                    uf.union(seen[leader], i)
                else:
                    seen[leader] = i
    return [[m for i in g for m in groups[i]] for g in uf.groups()]


def merge_entity(members: list[M]) -> dict:
    etype = members[0].data.get("entity_type")
    if tally.is_single_key_type(etype):
        # One record per unit: merged from a summary a new report can be added to (resolve/tally.py).
        summary = tally.tally_of(members)
        return {**tally.entity_of(summary, etype), "_tally": summary}
    names = [m.data["name"] for m in members]
    if etype == "person":
        named = Counter(names)
        name = max(named, key=lambda n: (len(n.split()), named[n], n))
    else:
        name = most_common(names)
    aliases = sorted({a for m in members for a in (m.data.get("aliases") or [m.data["name"]])} | {name})
    roles = [m.data.get("role") for m in members if m.data.get("role")]
    held = Counter(roles)
    role = max(held, key=lambda r: (tally.role_rank(r), held[r], len(r))) if roles else None
    return {
        "entity_type": etype,
        "name": name,
        "aliases": aliases,
        "country": most_common(m.data.get("country") for m in members),
        "role": role,
    }


def drop_ambiguous_surnames(persons: list[dict]) -> None:
    """A bare surname shared by two people in the base identifies neither; keep full names."""
    owners: dict[str, int] = {}
    for p in persons:
        owners[surname(p["name"])] = owners.get(surname(p["name"]), 0) + 1
    for p in persons:
        if owners[surname(p["name"])] > 1 and len(p["name"].split()) > 1:
            p["aliases"] = [a for a in p["aliases"] if len(a.split()) > 1 or a == p["name"]]

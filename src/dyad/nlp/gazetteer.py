"""World-knowledge gazetteers: countries (names, adjectives, demonyms, capitals, cities,
seats of government), leaders with their terms, and state organisations.

The data lives in ``dyad/data/*.json``; this module only indexes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

DATA = Path(__file__).resolve().parent.parent / "data"


def load_json(name: str) -> object:
    with open(DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


def fold(s: str) -> str:
    """Case-, apostrophe- and dash-insensitive key for lookups."""
    s = s.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s.strip().lower())


@dataclass
class Leader:
    name: str
    aliases: list[str]
    country: str | None
    role: str
    start: str | None
    end: str | None

    def in_office(self, date: str | None) -> bool:
        if not date:
            return self.end is None
        d = date[: max(len(self.start or ""), 4)]
        if self.start and d < self.start[: len(d)]:
            return False
        return not (self.end and d > self.end[: len(d)])

    def began_by(self, date: str | None) -> bool:
        """The term had begun at ``date`` (True without a date or a known start)."""
        if not date or not self.start:
            return True
        d = date[: max(len(self.start), 4)]
        return d >= self.start[: len(d)]


@dataclass
class Gazetteer:
    country_names: dict[str, str] = field(default_factory=dict)  # canonical short name by alpha-3
    # surface form -> (alpha-3, form kind: name|adjective|demonym|capital|city|seat)
    country_forms: dict[str, tuple[str, str]] = field(default_factory=dict)
    leaders: list[Leader] = field(default_factory=list)
    leader_index: dict[str, list[Leader]] = field(default_factory=dict)
    organizations: dict[str, dict] = field(default_factory=dict)  # folded alias -> org record
    renamed: dict[str, str] = field(default_factory=dict)  # folded former name -> current name
    former_names: dict[str, list[str]] = field(default_factory=dict)  # current name -> former names
    capital_names: dict[str, list[dict]] = field(default_factory=dict)  # alpha-3 -> capitals by period
    capitals: dict[str, str] = field(default_factory=dict)  # alpha-3 -> its capital today
    world_regions: set[str] = field(default_factory=set)  # folded names of continents and regions

    def country_of(self, form: str) -> tuple[str, str] | None:
        """(alpha-3, form kind) of a country name, adjective, demonym or capital, else None."""
        # asked tens of times per sentence for the same few words: remembered
        cache = self.__dict__.setdefault("_country_cache", {})
        if form not in cache:
            if len(cache) > 100000:
                cache.clear()
            bare = form.removesuffix("'s").removesuffix("\u2019s")
            cache[form] = self.country_forms.get(fold(bare)) or \
                self.country_forms.get(fold(re.sub(r"^the ", "", bare, flags=re.I))) or \
                (self._plain_forms().get(unidecode(fold(bare))) if bare[:1].isupper() else None)
            # (a name written without its accents: "Male" for "Malé", "Bogota" for "Bogotá")
        return cache[form]

    def _plain_forms(self) -> dict[str, tuple[str, str]]:
        """The country forms without diacritics (built once; the first form of a spelling wins)."""
        plain = self.__dict__.get("_plain")
        if plain is None:
            plain = self.__dict__["_plain"] = {}
            for key, hit in self.country_forms.items():
                plain.setdefault(unidecode(key), hit)
        return plain

    def name_of(self, alpha3: str | None) -> str | None:
        return self.country_names.get(alpha3 or "")

    def leader(self, name: str, date: str | None = None) -> Leader | None:
        """The leader known by ``name`` (full name or surname) in office at ``date``, if unique."""
        # asked for every name candidate of every article: remembered (the gazetteer does not change)
        cache = self.__dict__.setdefault("_leader_cache", {})
        key = (name, date)
        if key not in cache:
            if len(cache) > 50000:
                cache.clear()
            cache[key] = self._find_leader(name, date)
        return cache[key]

    def _find_leader(self, name: str, date: str | None) -> Leader | None:
        cands = self.leader_index.get(fold(name), [])
        parts = fold(name).split()
        if not cands and len(parts) >= 2:
            # "Chimed Saikhanbileg" for "Chimediin Saikhanbileg": the surname, and a given name
            # that is a spelling of the known one (same first four letters).
            cands = [c for c in self.leader_index.get(parts[-1], [])
                     if fold(c.name).split()[0][:4] == parts[0][:4] and len(parts[0]) >= 4]
        if not cands and len(parts) >= 3:
            # "Salman bin Abdulaziz" for "Salman bin Abdulaziz Al Saud": a long name that the known
            # one continues (dynastic and family suffixes are often dropped).
            prefix = fold(name) + " "
            cands = [c for key, cs in self.leader_index.items() if key.startswith(prefix) for c in cs]
        if not cands and len(parts) >= 3:
            # "Stergomena Lawrence Tax" for "Stergomena Tax": a middle name the gazetteer leaves out;
            # "King Abdullah II bin Al Hussein" for "Abdullah II": the known name continued by a patronym
            cands = self.leader_index.get(f"{parts[0]} {parts[-1]}", [])
            cut = next((k for k in range(2, len(parts)) if parts[k] in ("bin", "ibn", "bint", "ben")), None)
            if not cands and cut:
                cands = self.leader_index.get(" ".join(parts[:cut]), [])
        if not cands:
            return None
        current = [c for c in cands if c.in_office(date)] if date else []
        if len(parts) == 1 and date and not current:
            # "Minister Blair" in 2024 is not Tony Blair: a surname alone names no one who left office more
            # than five years before the article (one who has yet to take office may be meant)
            horizon = f"{int(date[:4]) - 5:04d}{date[4:]}"
            cands = [c for c in cands if not c.end or c.end >= horizon or (c.start or "") > date]
            if not cands:
                return None
        pool = current or cands
        persons = {c.name for c in pool}
        if len(persons) != 1:
            return None
        # Prefer the head-of-state/government role held at that date; out of office, the last role
        # held before it (a later office is not yet theirs), the most recent first.
        return sorted(pool, key=lambda c: (not c.in_office(date), not c.began_by(date),
                                           _neg(c.end or "9999"), role_rank(c.role)))[0]

    def office_holder(self, alpha3: str, office: str, date: str | None) -> Leader | None:
        """Who held ``office`` ("President", "Prime Minister"; "Head of State": the president or monarch)
        of a country at ``date``, when the gazetteer knows exactly one."""
        office = office.lower()
        heads = ("president", "king", "queen", "emir", "sultan") if office in ("head of state", "leader") else (office,)
        country = (self.name_of(alpha3) or "").lower()
        # The office of the country itself ("President of Cambodia", "... of Bolivia (interim)"), not one of
        # its chambers or regions ("President of the Senate of Cambodia", "President of Republika Srpska").
        offices = tuple(f"{h} of {the}{country}" for h in heads for the in ("", "the "))
        found = {lead.name: lead for lead in self.leaders if lead.country == alpha3 and lead.in_office(date)
                 and any(r == o or r.startswith(o + " (") for r in (lead.role.lower(),) for o in offices)}
        return next(iter(found.values())) if len(found) == 1 else None

    def is_world_region(self, name: str) -> bool:
        """A continent or region ("Africa", "the Middle East"): no place a bilateral event is held."""
        return fold(name) in self.world_regions

    def current_name(self, place: str) -> str | None:
        """The name a renamed city has now ("Nur-Sultan" -> "Astana"), None if not known as renamed."""
        return self.renamed.get(fold(place))

    def capital_of(self, alpha3: str | None, date: str | None) -> str | None:
        """A country's capital at ``date``: by its name then if it was renamed, else today's."""
        return self.capital_at(alpha3, date) or self.capitals.get(alpha3 or "")

    def capital_at(self, alpha3: str | None, date: str | None) -> str | None:
        """What a country's capital was called at ``date`` ("the Kazakh capital" in 2021: Nur-Sultan)."""
        periods = self.capital_names.get(alpha3 or "")
        if not periods or not date:
            return None
        for p in periods:
            if (not p.get("from") or date >= p["from"][:len(date)]) and (not p.get("to") or date < p["to"][:len(date)]):
                return p["name"]
        return None

    def organization(self, name: str) -> dict | None:
        return self.organizations.get(fold(name))


def _neg(date: str) -> tuple[int, ...]:
    """A sort key putting later ISO dates first."""
    return tuple(-int(x) for x in date.split("-"))


HEAD_OFFICES = ("president", "prime minister", "chancellor", "king", "emir")


def role_rank(role: str, offices: tuple[str, ...] = (*HEAD_OFFICES, "minister")) -> int:
    """The place of a role's office in ``offices`` (heads first), 9 when it holds none of them."""
    r = role.lower()
    for i, word in enumerate(offices):
        if r.startswith(word):
            return i
    return 9


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    countries = load_json("countries.json") if (DATA / "countries.json").exists() else {}
    assert isinstance(countries, dict)
    # Order matters: a city named like a country must not shadow the country.
    for kind_key, kind in (("cities", "city"), ("former_capitals", "city"), ("government_seats", "seat"),
                           ("capitals", "capital"), ("demonyms", "demonym"), ("adjectives", "adjective"),
                           ("names", "name")):
        for a3, rec in countries.items():
            for form in rec.get(kind_key) or []:
                g.country_forms[fold(form)] = (a3, kind)
    for a3, rec in countries.items():
        g.country_names[a3] = rec["name"]
        if rec.get("capitals"):
            g.capitals[a3] = rec["capitals"][0]
        g.country_forms[fold(rec["name"])] = (a3, "name")
    # leaders.json, then one file per region under leaders/ (kept apart so each stays reviewable).
    leader_files = [p.relative_to(DATA).as_posix()
                    for p in [DATA / "leaders.json", *sorted((DATA / "leaders").glob("*.json"))] if p.exists()]
    for leader_file in leader_files:
        for item in load_json(leader_file):  # type: ignore[union-attr]
            leader = Leader(item["name"], list(item.get("aliases") or []), item.get("country"), item["role"],
                            item.get("from"), item.get("to"))
            g.leaders.append(leader)
            for alias in {leader.name, *leader.aliases}:
                g.leader_index.setdefault(fold(alias), []).append(leader)
    if (DATA / "place_names.json").exists():
        places = load_json("place_names.json")
        assert isinstance(places, dict)
        for current, formers in places["renamed"].items():
            g.former_names[current] = list(formers)
            for former in formers:
                g.renamed[fold(former)] = current
        g.capital_names = places["capital_names"]
        g.world_regions = {fold(r) for r in places.get("world_regions") or []}
    if (DATA / "organizations.json").exists():
        for org in load_json("organizations.json"):  # type: ignore[union-attr]
            for alias in {org["name"], *(org.get("aliases") or [])}:
                g.organizations[fold(alias)] = org
    return g

"""The leaders gazetteer (leaders.json and leaders/*.json) is well formed and consistent.

A malformed entry would silently give a person the wrong role or country in every article that
names them, so the data files are checked like code."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dyad.nlp.gazetteer import DATA, gazetteer

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LEADER_FILES = [DATA / "leaders.json", *sorted((DATA / "leaders").glob("*.json"))]


def _entries() -> list[tuple[str, dict]]:
    out = []
    for path in LEADER_FILES:
        if path.exists():
            out.extend((path.name, item) for item in json.loads(path.read_text(encoding="utf-8")))
    return out


@pytest.mark.parametrize("path", LEADER_FILES, ids=lambda p: p.name)
def test_each_leaders_file_is_a_json_list(path: Path) -> None:
    assert isinstance(json.loads(path.read_text(encoding="utf-8")), list), f"{path}: not a list"


def test_every_entry_names_a_known_country_a_role_and_a_valid_term() -> None:
    countries = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    problems = []
    for fname, item in _entries():
        label = f"{fname}: {item.get('name')!r}"
        if not item.get("name") or not item.get("role"):
            problems.append(f"{label} has no name or role")
        if item.get("country") is not None and item["country"] not in countries:  # None: an international office
            problems.append(f"{label} country {item.get('country')!r} unknown")
        if not isinstance(item.get("aliases", []), list):
            problems.append(f"{label} aliases not a list")
        start, end = item.get("from"), item.get("to")
        for d in (start, end):
            if d is not None and not DATE.match(d):
                problems.append(f"{label} bad date {d!r}")
        if start and end and DATE.match(start) and DATE.match(end) and end[:len(start)] < start[:len(end)]:
            problems.append(f"{label} ends {end} before it starts {start}")
    assert not problems, "\n".join(problems[:30])


def test_one_person_holds_one_office_once_at_a_time() -> None:
    """The same person twice in the same office with overlapping terms is a copy-paste slip."""
    by_key: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for _, item in _entries():
        by_key.setdefault((item["name"], item["role"]), []).append((item.get("from") or "0000",
                                                                    item.get("to") or "9999"))
    overlaps = []
    for key, terms in by_key.items():
        terms.sort()
        for (s1, e1), (s2, _) in zip(terms, terms[1:], strict=False):
            if s2[:7] < e1[:7]:
                overlaps.append(f"{key}: {s1}..{e1} overlaps {s2}")
    assert not overlaps, "\n".join(overlaps[:30])


def test_regional_files_are_loaded_into_the_gazetteer() -> None:
    names = {lead.name for lead in gazetteer().leaders}
    missing = [item["name"] for _, item in _entries() if item["name"] not in names]
    assert not missing


AFRICA = ("DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COD COG CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN GNB "
          "KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN TZA "
          "TGO TUN UGA ZMB ZWE").split()
MIDDLE_EAST = "SAU ARE QAT OMN BHR KWT JOR IRQ IRN YEM SYR LBN ISR PSE TUR".split()


@pytest.mark.parametrize("alpha3", AFRICA + MIDDLE_EAST)
def test_every_african_and_middle_eastern_state_has_its_leader_today(alpha3: str) -> None:
    """Each state of Africa and the Middle East has a head of state, government or movement in
    office now (a leader named without a title still gets a role and a country)."""
    g = gazetteer()
    current = [lead for lead in g.leaders if lead.country == alpha3 and lead.end is None]
    assert current, f"{alpha3}: nobody in office in the leaders gazetteer"


def test_a_surname_two_leaders_share_resolves_by_the_date_only() -> None:
    g = gazetteer()
    assert g.leader("Mutharika", "2010-05-01").name == "Bingu wa Mutharika"  # type: ignore[union-attr]
    assert g.leader("Mutharika", "2016-05-01").name == "Peter Mutharika"  # type: ignore[union-attr]
    assert g.leader("Mutharika", None) is None  # without a date: either of them
    assert g.leader("Jugnauth", "2019-01-01").name == "Pravind Jugnauth"  # type: ignore[union-attr]


def test_office_holders_of_newly_covered_states() -> None:
    g = gazetteer()
    assert g.office_holder("ZWE", "President", "2022-11-25").name == "Emmerson Mnangagwa"  # type: ignore[union-attr]
    assert g.office_holder("BWA", "Head of State", "2022-11-25").name == "Mokgweetsi Masisi"  # type: ignore[union-attr]
    assert g.office_holder("LSO", "Head of State", "2020-01-01").name == "Letsie III"  # type: ignore[union-attr]
    assert g.office_holder("PSE", "Prime Minister", "2021-06-01").name == "Mohammad Shtayyeh"  # type: ignore[union-attr]
    lead = g.leader("Masisi", "2016-01-01")  # vice president before he was president
    assert lead is not None and lead.role == "Vice President of Botswana"


def test_a_middle_name_the_gazetteer_leaves_out_still_finds_the_leader() -> None:
    lead = gazetteer().leader("Stergomena Lawrence Tax", "2023-01-10")
    assert lead is not None and lead.name == "Stergomena Tax"


def test_out_of_office_the_last_role_held_before_the_date() -> None:
    g = gazetteer()
    lead = g.leader("Geingob", "2013-06-01")  # prime minister then, president only from 2015
    assert lead is not None and lead.role == "Prime Minister of Namibia"
    lead = g.leader("Geingob", "2010-06-01")  # no office of his had begun
    assert lead is not None and not lead.began_by("2010-06-01")

"""Resolution across articles: order-free, idempotent, and correctable by hand; on SQLite and (when
DYAD_TEST_PG_URL names a server) on PostgreSQL."""

from __future__ import annotations

import itertools
import shutil

import pytest

from dyad.ingest.service import ingest
from dyad.resolve.base import M
from dyad.resolve.corrections import CorrectionError, merge_records, split_record
from dyad.store.db import open_db
from support import SAMPLE, SEEDS, build, export, without_history, without_ids

needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/corpus/seeds not present")


def kb_of(tmp_path, articles: dict[str, tuple[str, str]], db: str) -> list[dict]:
    """Export of a knowledge base built from articles written here: {file: (published, text)}."""
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (_published, text) in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "index.jsonl").write_text("".join(json.dumps({"file": name, "published": published}) + "\n"
                                                for name, (published, _text) in articles.items()), encoding="utf-8")
    return export(build(db, [str(corpus)]))


def _seed_files(tmp_path):
    """Each seed as its own folder with its manifest line, so it can be ingested alone."""
    import json

    lines = {json.loads(x)["file"]: x for x in (SEEDS / "index.jsonl").read_text().splitlines() if x.strip()}
    folders = []
    for name in sorted(lines):
        d = tmp_path / name.split("_")[0]
        d.mkdir()
        shutil.copy(SEEDS / name, d / name)
        (d / "index.jsonl").write_text(lines[name] + "\n")
        folders.append(str(d))
    return folders


@needs_seeds
def test_all_six_ingest_orders_give_the_same_knowledge_base(tmp_path, kb_dbs):
    folders = _seed_files(tmp_path)
    exports = []
    urls = []
    for order in itertools.permutations(folders):
        urls.append(kb_dbs.new())
        factory = open_db(urls[-1])
        for folder in order:  # one article at a time: the base is updated incrementally
            report = ingest([folder], factory)
            assert not report.errors
        exports.append(without_ids(export(factory)))
    assert len(exports) == 6
    assert all(e == exports[0] for e in exports[1:])
    # ids are content-derived, so they agree across orders too
    assert len({tuple(sorted(r["id"] for r in export(open_db(url)))) for url in urls}) == 1


@needs_seeds
def test_announced_and_reported_visit_become_one_occurred_event(kb_url):
    factory = build(kb_url, [str(SEEDS)])
    visits = [r for r in export(factory) if r["kind"] == "event" and r["event_type"] == "visit"]
    to_aze = [v for v in visits if v["guest"] == "KAZ" and v["host"] == "AZE"]
    assert len(to_aze) == 1
    visit = to_aze[0]
    assert visit["status"] == "occurred"
    assert visit["start"] == "2024-03-11" and visit["end"] == "2024-03-12"
    assert {s["doc"] for s in visit["sources"]} == {"000_361913b51f793527.txt", "001_1dc334685350b7fb.txt"}


def test_reingesting_everything_twice_changes_nothing(kb_url):
    factory = build(kb_url, [str(SAMPLE)])
    before = export(factory)
    for _ in range(2):
        report = ingest([str(SAMPLE)], factory)
        assert not report.added and not report.errors and report.skipped
    assert export(factory) == before


def test_merge_and_split_survive_reingestion(kb_url):
    factory = build(kb_url, [str(SAMPLE / "uzb-tur-visit-announced.txt")])
    people = {r["name"]: r["id"] for r in export(factory) if r["kind"] == "entity" and r["entity_type"] == "person"}
    a, b = people["Shavkat Mirziyoyev"], people["Recep Tayyip Erdoğan"]
    merged = merge_records(factory, a, b)
    names = [r for r in export(factory) if r["kind"] == "entity" and r["id"] == merged][0]["aliases"]
    assert any("Mirziyoyev" in n for n in names) and any("Erdo" in n for n in names)
    # A new article triggers re-resolution; the analyst's merge still holds.
    ingest([str(SAMPLE / "kaz-uzb-council.txt")], factory)
    holders = [r for r in export(factory) if r["kind"] == "entity" and any("Erdo" in n for n in r["aliases"])]
    assert len(holders) == 1 and any("Mirziyoyev" in n for n in holders[0]["aliases"])
    # Splitting the merged record separates the two people again, and that too survives.
    split_record(factory, holders[0]["id"])
    ingest([str(SAMPLE / "ind-uae-cepa.txt")], factory)
    persons = [r for r in export(factory) if r["kind"] == "entity" and r["entity_type"] == "person"]
    assert not any(any("Erdo" in n for n in r["aliases"]) and any("Mirziyoyev" in n for n in r["aliases"])
                   for r in persons)


def test_corrections_reject_bad_ids(kb_url):
    factory = build(kb_url, [str(SAMPLE / "geo-aze-cable.txt")])
    some_event = next(r["id"] for r in export(factory) if r["kind"] == "event")
    some_person = next(r["id"] for r in export(factory) if r["kind"] == "entity")
    with pytest.raises(CorrectionError, match="no record"):
        merge_records(factory, "nope", some_event)
    with pytest.raises(CorrectionError, match="only records of one kind"):
        merge_records(factory, some_event, some_person)


def test_announced_dated_talks_and_reported_undated_talks_are_one_meeting(tmp_path, kb_url):
    kb = kb_of(tmp_path, {
        "preview.txt": ("2025-06-01", "TASHKENT, June 1 (Wire) - Kyrgyz President Sadyr Japarov will pay an official "
                                      "visit to Uzbekistan on June 4, where he will hold talks with Uzbek President "
                                      "Shavkat Mirziyoyev on June 4.\n"),
        "report.txt": ("2025-06-05", "TASHKENT, June 5 (Wire) - Kyrgyz President Sadyr Japarov paid an official visit "
                                     "to Uzbekistan on June 4.\n\nThe two presidents then held talks at the Kuksaroy "
                                     "residence, first one-on-one and then with their delegations.\n")}, kb_url)
    talks = [r for r in kb if r["kind"] == "event" and r["event_type"] == "meeting"
             and r["title"].startswith("talks")]
    assert len(talks) == 1, talks
    assert talks[0]["status"] == "occurred" and talks[0]["start"] == "2025-06-04"
    assert {s["doc"] for s in talks[0]["sources"]} == {"preview.txt", "report.txt"}


def test_a_singular_memorandum_in_the_sector_of_an_earlier_instrument_is_its_own_record(tmp_path, kb_url):
    kb = kb_of(tmp_path, {"a.txt": ("2023-04-14", (
        "Brazil and China signed a complementary protocol for the joint development of a research satellite.\n\n"
        "The two governments also signed a memorandum of understanding on cooperation in semiconductors and "
        "a memorandum on research and innovation.\n"))}, kb_url)
    agreements = [r for r in kb if r["kind"] == "agreement"]
    assert sorted(r["title"] or r["field"] for r in agreements) == [
        "complementary protocol for the joint development of a research satellite",
        "research and innovation", "semiconductors"]


def test_announced_instruments_join_the_ones_reported_signed(tmp_path, kb_url):
    kb = kb_of(tmp_path, {
        "a.txt": ("2024-10-14", "French President Emmanuel Macron will pay a state visit to Morocco from October 28 "
                                "to 30. The two countries are expected to sign agreements covering education, "
                                "including a framework agreement on green hydrogen.\n"),
        "b.txt": ("2024-10-31", "French President Emmanuel Macron wrapped up a three-day state visit to Morocco on "
                                "Wednesday. The documents signed included a Framework Agreement on Cooperation in "
                                "Green Hydrogen. Ministers also signed documents in education.\n")}, kb_url)
    agreements = [r for r in kb if r["kind"] == "agreement"]
    assert len(agreements) == 2, agreements
    for a in agreements:
        assert a["status"] == "signed"
        assert {s["doc"] for s in a["sources"]} == {"a.txt", "b.txt"}


def test_a_surname_with_its_particle_joins_the_full_name(tmp_path, kb_url):
    kb = kb_of(tmp_path, {"a.txt": ("2025-10-15", (
        "Turkish Trade Minister Selim Karaca co-chaired the session with Ahmed bin Saad Al Kuwari, Qatar's Minister "
        "of Commerce and Industry.\n\n\u201cWe intend to keep that gate wide open,\u201d Al Kuwari said.\n"))}, kb_url)
    people = [r for r in kb if r["kind"] == "entity" and r["entity_type"] == "person" and "Kuwari" in r["name"]]
    assert len(people) == 1 and people[0]["name"] == "Ahmed bin Saad Al Kuwari" and people[0]["country"] == "QAT"


def test_a_short_title_of_a_treaty_joins_its_long_title(tmp_path, kb_url):
    kb = kb_of(tmp_path, {"a.txt": ("2026-06-23", (
        "The consultations fell in the year of the 35th anniversary of the Treaty between the Federal Republic of "
        "Germany and the Republic of Poland on Good Neighbourship and Friendly Cooperation, signed in Bonn on "
        "17 June 1991.\n\nBoth governments praised the Treaty on Good Neighbourship and Friendly Cooperation as "
        "the foundation of relations between Germany and Poland.\n"))}, kb_url)
    treaties = [r for r in kb if r["kind"] == "agreement" and r["instrument"] == "treaty"]
    assert len(treaties) == 1, treaties
    assert treaties[0]["signed"] == "1991-06-17"


def test_a_shorter_form_of_a_full_name_joins_it(tmp_path, kb_url):
    kb = kb_of(tmp_path, {"a.txt": ("2025-03-04", (
        "Foreign Minister of Nepal Arzu Rana Deuba held talks in Dhaka with Bangladesh's Foreign Minister "
        "Hasan Mahmud on Monday.\n\nRana Deuba later met Prime Minister Sheikh Hasina.\n\n"
        "\u201cOur rivers join us,\u201d Foreign Minister Rana Deuba told reporters.\n"))}, kb_url)
    people = [r for r in kb if r["kind"] == "entity" and r["entity_type"] == "person" and "Deuba" in r["name"]]
    assert len(people) == 1 and people[0]["name"] == "Arzu Rana Deuba", people


def test_a_shorter_form_two_full_names_could_own_stays_apart():
    from dyad.resolve.base import M
    from dyad.resolve.entities import cluster_persons

    def m(name: str, order: int) -> M:
        return M(id=order, key=f"k{order}", kind="entity", doc_id="a", published="2025-03-04", start=order,
                 end=order + 1, data={"entity_type": "person", "name": name, "country": "NPL"})
    groups = cluster_persons([m("Ram Bahadur Thapa", 1), m("Krishna Bahadur Thapa", 2), m("Bahadur Thapa", 3)])
    assert sorted(len(g) for g in groups) == [1, 1, 1]


def test_given_name_and_first_surname_join_the_full_hispanic_name():
    from dyad.resolve.base import M
    from dyad.resolve.entities import cluster_persons

    def m(name: str, order: int) -> M:
        return M(id=order, key=f"k{order}", kind="entity", doc_id="a", published="2024-09-04", start=order,
                 end=order + 1, data={"entity_type": "person", "name": name, "country": "HND"})
    groups = cluster_persons([m("Xiomara Castro Sarmiento", 1), m("Xiomara Castro", 2), m("Castro", 3),
                              m("Jose Manuel Zelaya Rosales", 4)])
    assert sorted(len(g) for g in groups) == [1, 3], groups


def test_a_fund_named_by_both_countries_in_either_order_is_one_project():
    from dyad.text.names import project_core

    assert project_core("Russian-Kyrgyz Development Fund") == project_core("Kyrgyzstan-Russia Development Fund")
    assert project_core("Russian-Kyrgyz Development Fund") != project_core("Russian-Tajik Development Fund")
    assert project_core("Kazakhstan-China pipeline") == project_core("Kazakhstan-China Pipeline")


def _event(order: int, doc: str, **data) -> M:
    return M(id=order, key=f"e{order}", kind="event", doc_id=doc, published=data.pop("published"), start=order,
             end=order + 1, data={"countries": ["TKM", "UZB"], "end": None, **data})


def test_a_preview_dating_a_visit_by_its_first_day_and_a_report_by_its_last_is_one_visit():
    from dyad.resolve.facts import cluster_events

    visit = {"event_type": "visit", "guest": "UZB", "host": "TKM", "level": "state",
             "participants": ["Shavkat Mirziyoyev"]}
    groups = cluster_events([
        _event(1, "preview", published="2024-06-10", start="2024-06-10", status="planned", **visit),
        _event(2, "report", published="2024-06-12", start="2024-06-12", status="occurred", **visit),
        # the foreign minister's own visit the next week is another visit
        _event(3, "later", published="2024-06-19", start="2024-06-18", status="occurred",
               **{**visit, "level": "official", "participants": ["Bakhtiyor Saidov"]}),
    ])
    assert sorted(len(g) for g in groups) == [1, 2]


def test_talks_announced_without_a_format_are_the_reported_one_on_one_talks():
    from dyad.resolve.facts import cluster_events

    talks = {"event_type": "meeting", "participants": ["Serdar Berdimuhamedow", "Shavkat Mirziyoyev"]}
    groups = cluster_events([
        _event(1, "preview", published="2024-06-10", start="2024-06-11", status="planned",
               object_key="meeting:talks:visit:UZB>TKM:2024-06-11", **talks),
        _event(2, "report", published="2024-06-12", start="2024-06-11", status="occurred",
               object_key="meeting:one-on-one:visit:UZB>TKM:", **talks),
        _event(3, "report", published="2024-06-12", start="2024-06-11", status="occurred",
               object_key="meeting:reception:visit:UZB>TKM:", **talks),
        # the same two received and talking on another day of the visit: another meeting
        _event(4, "report", published="2024-06-12", start="2024-06-12", status="occurred",
               object_key="meeting:reception:visit:UZB>TKM:2024-06-12", **talks),
    ])
    # the reception of that day is the same meeting of the same two (as the newer gold sets annotate a
    # reception followed by talks: one meeting)
    assert sorted(len(g) for g in groups) == [1, 3]


def test_a_rebuild_with_worker_processes_gives_the_same_base(kb_url, monkeypatch):
    """`dyad resolve --workers 2` (processes reading the committed base and building batches ahead of
    the writer) ends with the base a rebuild in one process gives, on SQLite and on PostgreSQL."""
    from dyad.resolve import resolver

    factory = build(kb_url, [str(SAMPLE)])
    monkeypatch.setattr(resolver, "BATCH_MENTIONS", 150)  # several batches in flight
    resolver.resolve_all(factory, workers=0)
    alone = without_history(export(factory))
    resolver.resolve_all(factory, workers=2)
    assert without_history(export(factory)) == alone
    kinds = [r["kind"] for r in export(factory)]
    assert kinds.count("event") >= 5 and kinds.count("quote") >= 3


def _children_of_this_process() -> list[int]:
    """Worker processes this process spawned (not multiprocessing's resource tracker)."""
    import os
    from pathlib import Path

    pids = [int(c) for task in Path(f"/proc/{os.getpid()}/task").iterdir()
            for c in (task / "children").read_text().split()]
    out = []
    for pid in pids:
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmd and b"resource_tracker" not in cmd:
            out.append(pid)
    return out


def test_a_rebuild_whose_worker_dies_is_done_again_in_one_process(tmp_path, monkeypatch, caplog):
    """A worker killed mid-resolution (out of memory, kill -9): the transaction rolls back and the
    rebuild is done in the main process; the base is what an undisturbed rebuild gives."""
    import os
    import signal
    import threading

    from dyad.resolve import resolver

    factory = build(tmp_path / "kb.db", [str(SAMPLE)])
    monkeypatch.setattr(resolver, "BATCH_MENTIONS", 150)
    resolver.resolve_all(factory, workers=0)
    expected = without_history(export(factory))
    before = set(_children_of_this_process())
    killed: list[int] = []
    done = threading.Event()

    def kill_first_worker() -> None:
        while not done.is_set() and not killed:
            for pid in set(_children_of_this_process()) - before:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                break
            done.wait(0.005)

    killer = threading.Thread(target=kill_first_worker)
    killer.start()
    try:
        resolver.resolve_all(factory, workers=2)
    finally:
        done.set()
        killer.join()
    assert killed
    assert "worker process died" in caplog.text
    assert without_history(export(factory)) == expected


def test_a_pool_whose_workers_are_gone_reports_itself_broken(tmp_path):
    """When the pool is torn down under a submission (a worker died meanwhile), the builder says the
    pool broke, the one failure the whole-base rebuild falls back on, not a stray pipe error."""
    from concurrent.futures.process import BrokenProcessPool

    from dyad.resolve.workers import BuildPool

    factory = build(tmp_path / "kb.db", [str(SAMPLE)])
    with factory() as session:
        url = session.get_bind().url.render_as_string(hide_password=False)
    pool = BuildPool(url, 1)
    pool.close(failed=True)
    with pytest.raises(BrokenProcessPool):
        next(pool.built("event", iter([[[1]]]), []))


def test_sessions_of_one_commission_with_other_numbers_stay_two_records(tmp_path, kb_url):
    kb = kb_of(tmp_path, {"a.txt": ("2021-11-10", (
        "MONROVIA, 10 November 2021 - Liberia and Ghana on Tuesday ended the second session of the Ghana-Liberia "
        "Permanent Joint Commission for Cooperation (GLPJCC) in Monrovia. The third session of the GLPJCC will be "
        "held in Accra, on dates the two ministries will set later.\n"))}, kb_url)
    sessions = sorted(r["title"] for r in kb if r["kind"] == "event" and r["event_type"] == "council_session")
    assert len(sessions) == 2 and sessions[0].startswith("second") and sessions[1].startswith("third"), sessions


def test_a_father_named_in_a_patronymic_is_another_person(tmp_path, kb_url):
    kb = kb_of(tmp_path, {
        "a.txt": ("2022-08-19", "JEDDAH, Aug 19 - King Salman bin Abdulaziz Al Saud received President Shavkat "
                                "Mirziyoyev of Uzbekistan at Al-Salam Palace. King Salman welcomed the guest.\n"),
        "b.txt": ("2022-08-20", "JEDDAH, Aug 20 - Crown Prince Mohammed bin Salman bin Abdulaziz Al Saud held talks "
                                "with President Shavkat Mirziyoyev of Uzbekistan. Mohammed bin Salman said ties were "
                                "growing.\n")}, kb_url)
    saudis = [r for r in kb if r["kind"] == "entity" and r["entity_type"] == "person"
              and ("Salman" in r["name"])]
    assert len(saudis) == 2, [(r["name"], r["aliases"]) for r in saudis]

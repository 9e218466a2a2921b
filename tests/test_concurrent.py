"""Two ``dyad ingest`` processes writing one PostgreSQL base at once (overlapping folders of the
sample corpus, starting from an empty database): no errors, and the same export as a sequential run.
Runs when DYAD_TEST_PG_URL names a server (CI starts one), and is skipped otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, PgServer, read_jsonl, run_cli

DYAD = Path(sys.executable).with_name("dyad")
TIMEOUT = 600


def folder_of(root: Path, names: list[str]) -> Path:
    """A folder with some of the sample articles and their manifest lines."""
    root.mkdir()
    manifest = [json.loads(x) for x in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = [json.dumps(m) + "\n" for m in manifest if m["file"] in names]
    (root / "index.jsonl").write_text("".join(lines), encoding="utf-8")
    for name in names:
        (root / name).write_text((CORPUS / name).read_text(encoding="utf-8"), encoding="utf-8")
    return root


def export_of(db: str, out: Path) -> bytes:
    res = run_cli("export", "--format", "facts", "-o", out, db=db)
    assert res.exit_code == 0, res
    return out.read_bytes()


def test_two_ingest_processes_write_one_postgresql_base_at_once(pg_server: PgServer, tmp_path: Path) -> None:
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(names) == 6
    a = folder_of(tmp_path / "a", names[:4])
    b = folder_of(tmp_path / "b", names[2:])  # two articles in both folders

    sequential = pg_server.create()
    for folder in (a, b):
        res = run_cli("ingest", folder, db=sequential)
        assert res.exit_code == 0, res
    expected = export_of(sequential, tmp_path / "sequential.jsonl")

    concurrent = pg_server.create(empty=True)  # both processes also race to create the schema
    env = {k: v for k, v in os.environ.items() if k != "DYAD_DB"} | {"COLUMNS": "2000"}
    try:
        procs = [subprocess.Popen([str(DYAD), "--db", concurrent, "ingest", str(folder)], env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
                 for folder in (a, b)]
        outputs = []
        for proc in procs:
            try:
                out, err = proc.communicate(timeout=TIMEOUT)
            finally:
                if proc.poll() is None:
                    proc.kill()
            outputs.append((proc.returncode, out + err))
        for code, text in outputs:
            assert code == 0 and "failed 0" in text, "\n".join(t for _, t in outputs)
        got = export_of(concurrent, tmp_path / "concurrent.jsonl")
        assert sorted(r["id"] for r in read_jsonl(tmp_path / "concurrent.jsonl") if r["kind"] == "document") == names
        assert got == expected
    finally:
        pg_server.drop(concurrent)
        pg_server.drop(sequential)

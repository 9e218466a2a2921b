"""The ``dyad`` command line."""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from dyad.ingest.fetch import DEFAULT_DEADLINE, DEFAULT_MAX_FEED_ITEMS
from dyad.store.db import DatabaseError, open_db

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dyad: a resolved, sourced, temporal knowledge base of relations between states.")
console = Console(stderr=True)
STATE: dict[str, str | None] = {"db": None}


@app.callback()
def main(db: Annotated[str | None, typer.Option("--db", envvar="DYAD_DB",
                                                help="Database URL (default sqlite:///dyad.db).")] = None) -> None:
    STATE["db"] = db


# Every command also takes --db after its name ("dyad stats --db URL"); it wins over the global one.
DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (overrides the global --db).")]
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _use_db(db: str | None) -> None:
    if db:
        STATE["db"] = db


def valid_date(value: str) -> bool:
    m = PARTIAL_DATE.match(value)
    if not m:
        return False
    try:
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def _factory():  # type: ignore[no-untyped-def]
    try:
        return open_db(STATE["db"])
    except DatabaseError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(inputs: Annotated[list[str], typer.Argument(help="Files, folders, http(s) article or feed URLs.")],
           db: DbOption = None,
           allow_private: Annotated[bool, typer.Option(
               "--allow-private", help="Let feed items and redirects reach private, loopback and link-local "
               "addresses (a URL given here is always fetched).")] = False,
           fetch_deadline: Annotated[float, typer.Option(
               "--fetch-deadline", min=0.1, max=3600, help="Seconds allowed for each whole fetch.")] = DEFAULT_DEADLINE,
           max_feed_items: Annotated[int, typer.Option(
               "--max-feed-items", min=1, max=100_000, help="Items read from one feed at most.")]
           = DEFAULT_MAX_FEED_ITEMS,
           workers: Annotated[int, typer.Option("--workers", min=0,
                                                help="Extract in N local processes (0 = one per core).")] = 1,
           dask: Annotated[str | None, typer.Option("--dask", metavar="ADDRESS",
                                                    help="Extract on a Dask cluster: tcp://HOST:PORT of its "
                                                         "scheduler, or local:N for N local workers.")] = None,
           ) -> None:
    """Ingest articles; already-stored texts are skipped. Exit code 1 if any input failed."""
    from sqlalchemy.exc import OperationalError

    _use_db(db)
    from dyad.ingest import extract
    from dyad.ingest.fetch import FetchPolicy
    from dyad.ingest.service import IngestReport
    from dyad.ingest.service import ingest as run_ingest
    from dyad.store.db import db_error_message

    policy = FetchPolicy(deadline=fetch_deadline, max_feed_items=max_feed_items, allow_private=allow_private)
    if dask is not None and workers != 1:
        console.print("[red]error:[/red] use --workers or --dask, not both")
        raise typer.Exit(2)
    factory = _factory()

    def run(on_progress: Callable[[str, str], None] | None = None) -> IngestReport:
        try:
            return run_ingest(inputs, factory, on_progress=on_progress, policy=policy, workers=workers, dask=dask)
        except OperationalError as exc:  # the database stayed locked past every retry
            msg = db_error_message(exc, "documents reported added are stored; run `dyad resolve` later")
            console.print(f"[red]error:[/red] {escape(msg)}", highlight=False)
            raise typer.Exit(1) from None

    try:
        if dask is not None:
            extract.dask_client(dask)  # fail now, with the address, rather than once per batch
        if not console.is_terminal:  # no progress bar in logs and pipes: only the summary below
            report = run()
        else:
            with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                          TextColumn("{task.completed} done"), console=console, transient=True) as progress:
                task = progress.add_task("ingesting", total=None)

                def on_progress(name: str, status: str) -> None:
                    progress.update(task, advance=1, description=f"{status}: {Path(name).name[:50]}")

                report = run(on_progress)
    except extract.ExtractionSetupError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        extract.close()
    if report.resumed:
        console.print(f"finished resolution left pending by an earlier run ({report.resumed} blocks)")
    console.print(f"added {len(report.added)}, already stored {len(report.skipped)}, failed {len(report.errors)}")
    for warn in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(str(warn))}", highlight=False)
    for err in report.errors:
        # File names and URLs are untrusted text: never let them be read as markup.
        console.print(f"[red]error:[/red] {escape(str(err))}", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="facts (JSON Lines), csv (a folder), flat (one "
                                            "CSV, no JSON in cells) or graphml (the pair network).")] = "facts",
           output: Annotated[Path | None, typer.Option("-o", "--output", help="File (facts) or folder (csv).")] = None,
           country: Annotated[list[str] | None, typer.Option("--country", help="flat: records of this country "
                                                              "(repeatable, all must be present).")] = None,
           db: DbOption = None) -> None:
    """Export the knowledge base in the facts-v1 format."""
    from dyad.export.facts import iter_facts, write_csv, write_jsonl

    _use_db(db)
    factory = _factory()
    with factory() as session:
        if fmt == "graphml":
            from dyad.export.graphml import write_graphml

            n = write_graphml(session, output)
            if output:
                console.print(f"wrote {n} pairs to {output}")
        elif fmt == "flat":
            from dyad.export.flat import flat_csv

            codes = [c.upper() for c in country or []]
            text = flat_csv(r for r in iter_facts(session, countries=codes) if r["kind"] != "document")
            if output:
                output.write_text(text, encoding="utf-8")
                console.print(f"wrote {text.count(chr(10)) - 1} rows to {output}")
            else:
                sys.stdout.write(text)
        elif fmt == "facts":
            n = write_jsonl(session, output)
            if output:
                console.print(f"wrote {n} records to {output}")
        elif fmt == "csv":
            if output is None:
                console.print("[red]error:[/red] --format csv needs -o FOLDER")
                raise typer.Exit(2)
            counts = write_csv(session, output)
            console.print(f"wrote {sum(counts.values())} rows to {output}/")
        else:
            console.print(f"[red]error:[/red] unknown --format {escape(repr(fmt))}; use facts, csv, flat or graphml")
            raise typer.Exit(2)


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts per kind and per country pair."""
    from dyad.store.queries import kb_stats

    _use_db(db)
    factory = _factory()
    with factory() as session:
        s = kb_stats(session)
    out = Console()
    t = Table(title="records per kind")
    t.add_column("kind")
    t.add_column("count", justify="right")
    for kind, n in s["kinds"].items():
        t.add_row(kind, str(n))
    out.print(t)
    p = Table(title="country pairs")
    p.add_column("pair")
    for col in ("events", "agreements", "projects", "metrics", "quotes"):
        p.add_column(col, justify="right")
    for pair, c in s["pairs"].items():
        p.add_row(pair, *(str(c.get(k, 0)) for k in ("event", "agreement", "project", "metric", "quote")))
    out.print(p)


@app.command()
def timex(file: Annotated[Path, typer.Argument(help="A plain text file.")],
          dct: Annotated[str | None, typer.Option("--dct", help="Document date YYYY[-MM[-DD]].")] = None) -> None:
    """Print the time expressions of FILE as JSON Lines (TIMEX3 type and value)."""
    from dyad.nlp.timex import find_timexes

    if dct is not None and not valid_date(dct):
        console.print("[red]error:[/red] --dct must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, "
                      f"got {escape(repr(dct))}")
        raise typer.Exit(2)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        console.print(f"[red]error:[/red] {escape(str(file))}: {escape(str(exc))}")
        raise typer.Exit(2) from exc
    for t in find_timexes(text, dct):
        sys.stdout.write(json.dumps(t.to_json(), ensure_ascii=False) + "\n")


@app.command()
def resolve(db: DbOption = None,
            workers: Annotated[int | None, typer.Option(
                "--workers", min=0, help="Processes that read and build records while this one writes "
                "(0: none; default: by the size of the base)")] = None) -> None:
    """Rebuild every record from the stored mentions (finishing any pending work); ids that
    change keep answering as aliases."""
    from sqlalchemy.exc import OperationalError

    from dyad.resolve.resolver import pending, resolve_all
    from dyad.store.db import db_error_message, retry_busy

    _use_db(db)
    factory = _factory()
    with factory() as session:
        left = pending(session)
    if left:
        console.print(f"finishing resolution left pending by an earlier run ({len(left)} blocks)")
    try:
        counts = retry_busy(lambda: resolve_all(factory, workers))
    except OperationalError as exc:
        msg = db_error_message(exc, "the knowledge base is unchanged; run `dyad resolve` again")
        console.print(f"[red]error:[/red] {escape(msg)}", highlight=False)
        raise typer.Exit(1) from None
    console.print(", ".join(f"{k}: {v}" for k, v in counts.items()))


@app.command()
def merge(a: str, b: str, db: DbOption = None) -> None:
    """Merge record B into record A (same kind); A keeps its id, B's id redirects to it."""
    from dyad.resolve.corrections import CorrectionError, merge_records

    _use_db(db)
    try:
        rid = merge_records(_factory(), a, b)
    except CorrectionError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print(f"merged into {rid}")


@app.command()
def split(record: str, db: DbOption = None) -> None:
    """Split a record into one record per source document; survives re-ingestion."""
    from dyad.resolve.corrections import CorrectionError, split_record

    _use_db(db)
    try:
        ids = split_record(_factory(), record)
    except CorrectionError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print("now: " + ", ".join(ids))


@app.command()
def serve(host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000, db: DbOption = None) -> None:
    """Serve the web UI and the JSON API."""
    from dyad.api.app import run

    _use_db(db)
    _factory()  # fail early with a clear message on a bad --db
    run(STATE["db"], host=host, port=port)


@app.command()
def brief(country_a: Annotated[str, typer.Argument(help="Alpha-3 code, e.g. KAZ.")],
          country_b: Annotated[str, typer.Argument(help="Alpha-3 code, e.g. AZE.")],
          output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("brief.html"),
          db: DbOption = None) -> None:
    """Write a self-contained, printable HTML brief on a country pair."""
    from dyad.web.brief import write_brief

    _use_db(db)
    factory = _factory()
    try:
        write_brief(factory, country_a.upper(), country_b.upper(), output)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print(f"wrote {output}")


@app.command("set")
def set_cmd(record: Annotated[str, typer.Argument(help="Record id, e.g. eve-1a2b3c4d5e.")],
            assignment: Annotated[str, typer.Argument(metavar="FIELD=VALUE", help="e.g. start=2025-10-22; "
                                                      "lists separated by ';'; empty value clears")],
            note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit).")] = None,
            db: DbOption = None) -> None:
    """Set a field of a record; kept by its mentions, so it survives re-ingestion and resolution."""
    from dyad.resolve.corrections import CorrectionError, set_field

    _use_db(db)
    if "=" not in assignment:
        console.print(f"[red]error:[/red] expected FIELD=VALUE, got {escape(repr(assignment))}")
        raise typer.Exit(2)
    fld, raw = assignment.split("=", 1)
    try:
        value = set_field(_factory(), record, fld.strip(), raw, note=note)
    except CorrectionError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print(f"set {escape(record)} {escape(fld.strip())} = {escape(json.dumps(value, ensure_ascii=False))}")


@app.command()
def reject(record: Annotated[str, typer.Argument(help="Record id.")],
           note: Annotated[str | None, typer.Option("--note", help="Why (kept in the audit).")] = None,
           db: DbOption = None) -> None:
    """Reject a wrong record: it disappears from the base and stays rejected after re-resolution."""
    from dyad.resolve.corrections import CorrectionError, reject_record

    _use_db(db)
    try:
        kind = reject_record(_factory(), record, note=note)
    except CorrectionError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print(f"rejected {kind} {escape(record)}")


@app.command()
def corrections(as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
                db: DbOption = None) -> None:
    """The audit list of every correction (merge, split, set, reject), oldest first."""
    from dyad.resolve.corrections import list_corrections

    _use_db(db)
    with _factory()() as session:
        rows = list_corrections(session)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"corrections ({len(rows)})")
    for col in ("#", "when", "action", "kind", "record", "field", "value", "note"):
        t.add_column(col)
    for r in rows:
        t.add_row(str(r["id"]), (r["created_at"] or "")[:19], r["action"], r["kind"], escape(r["record_id"] or ""),
                  escape(r["field"] or ""), escape("" if r["value"] is None else json.dumps(r["value"],
                                                                                          ensure_ascii=False)),
                  escape(r["note"] or ""))
    Console().print(t)


@app.command()
def reindex(db: DbOption = None) -> None:
    """Rebuild the full-text search index (and the pairs quotes belong to)."""
    from dyad.store.db import session_scope
    from dyad.store.maintenance import refresh_derived

    _use_db(db)
    with session_scope(_factory()) as session:
        refresh_derived(session)
    console.print("search index rebuilt")


def parse_every(text: str) -> float:
    """'30m' -> 1800.0; '1h30m', '45s', '2h' too; ValueError otherwise."""
    m = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text.strip())
    if not m or not any(m.groups()):
        raise ValueError(f"--every must look like 30m, 1h, 1h30m or 45s, got {text!r}")
    h, mi, s = (int(g or 0) for g in m.groups())
    seconds = h * 3600 + mi * 60 + s
    if seconds <= 0:
        raise ValueError("--every must be longer than zero")
    return float(seconds)


@app.command()
def watch(sources: Annotated[list[str], typer.Argument(metavar="FEED_OR_URL...", help="Feeds, article URLs "
                                                       "or folders to poll.")],
          every: Annotated[str, typer.Option("--every", help="Polling interval, e.g. 30m, 1h.")] = "30m",
          once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
          db: DbOption = None) -> None:
    """Poll feeds, ingest what is new and print what changed in the knowledge base."""
    from dyad.ingest.service import ingest as run_ingest
    from dyad.store.views import changes_since

    _use_db(db)
    try:
        interval = parse_every(every)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    factory = _factory()
    out = Console(highlight=False)
    failed = False
    while True:
        started = datetime.now(UTC).replace(microsecond=0).isoformat()
        report = run_ingest(list(sources), factory)
        for err in report.errors:
            console.print(f"[red]error:[/red] {escape(str(err))}", highlight=False)
        failed = failed or bool(report.errors)
        out.print(f"{started} new documents {len(report.added)}, already stored {len(report.skipped)}, "
                  f"failed {len(report.errors)}")
        if report.added:
            with factory() as session:
                changed = changes_since(session, started.replace("+00:00", ""))
            for rec in changed:
                from dyad.web.render import fact_label

                out.print(f"  {rec['change']:8} {rec['kind']:9} {escape(rec['id'])}  {escape(fact_label(rec))}")
        if once:
            break
        time.sleep(interval)
    if failed and once:
        raise typer.Exit(1)


if __name__ == "__main__":  # pragma: no cover
    app()

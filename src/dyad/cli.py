"""The ``dyad`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from dyad.store.db import DatabaseError, open_db

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dyad: a resolved, sourced, temporal knowledge base of relations between states.")
console = Console(stderr=True)
STATE: dict[str, str | None] = {"db": None}


@app.callback()
def main(db: Annotated[str | None, typer.Option("--db", envvar="DYAD_DB",
                                                help="Database URL (default sqlite:///dyad.db).")] = None) -> None:
    STATE["db"] = db


def _factory():  # type: ignore[no-untyped-def]
    try:
        return open_db(STATE["db"])
    except DatabaseError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(inputs: Annotated[list[str], typer.Argument(help="Files, folders, http(s) article or feed URLs.")],
           workers: Annotated[int, typer.Option("--workers", min=0,
                                                help="Extract in N local processes (0 = one per core).")] = 1,
           dask: Annotated[str | None, typer.Option("--dask", metavar="ADDRESS",
                                                    help="Extract on a Dask cluster: tcp://HOST:PORT of its "
                                                         "scheduler, or local:N for N local workers.")] = None,
           ) -> None:
    """Ingest articles; already-stored texts are skipped. Exit code 1 if any input failed."""
    from dyad.ingest import extract
    from dyad.ingest.service import ingest as run_ingest

    if dask is not None and workers != 1:
        console.print("[red]error:[/red] use --workers or --dask, not both")
        raise typer.Exit(2)
    factory = _factory()
    try:
        if dask is not None:
            extract.dask_client(dask)  # fail now, with the address, rather than once per batch
        with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                      TextColumn("{task.completed} done"), console=console, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def on_progress(name: str, status: str) -> None:
                progress.update(task, advance=1, description=f"{status}: {Path(name).name[:50]}")

            report = run_ingest(inputs, factory, on_progress=on_progress, workers=workers, dask=dask)
    except extract.ExtractionSetupError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        extract.close()
    console.print(f"added {len(report.added)}, already stored {len(report.skipped)}, failed {len(report.errors)}")
    for err in report.errors:
        # File names and URLs are untrusted text: never let them be read as markup.
        console.print(f"[red]error:[/red] {escape(str(err))}", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="facts (JSON Lines) or csv (a folder).")] = "facts",
           output: Annotated[Path | None, typer.Option("-o", "--output", help="File (facts) or folder (csv).")] = None,
           ) -> None:
    """Export the knowledge base in the facts-v1 format."""
    from dyad.export.facts import write_csv, write_jsonl

    factory = _factory()
    with factory() as session:
        if fmt == "facts":
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
            console.print(f"[red]error:[/red] unknown --format {fmt!r}; use facts or csv")
            raise typer.Exit(2)


@app.command()
def stats() -> None:
    """Counts per kind and per country pair."""
    from dyad.store.queries import kb_stats

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

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        console.print(f"[red]error:[/red] {escape(str(file))}: {escape(str(exc))}")
        raise typer.Exit(2) from exc
    for t in find_timexes(text, dct):
        sys.stdout.write(json.dumps(t.to_json(), ensure_ascii=False) + "\n")


@app.command()
def resolve() -> None:
    """Re-run resolution over all stored mentions."""
    from dyad.resolve.resolver import resolve_all

    counts = resolve_all(_factory())
    console.print(", ".join(f"{k}: {v}" for k, v in counts.items()))


@app.command()
def merge(a: str, b: str) -> None:
    """Merge record B into record A (same kind); survives re-ingestion."""
    from dyad.resolve.corrections import CorrectionError, merge_records

    try:
        rid = merge_records(_factory(), a, b)
    except CorrectionError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print(f"merged into {rid}")


@app.command()
def split(record: str) -> None:
    """Split a record into one record per source document; survives re-ingestion."""
    from dyad.resolve.corrections import CorrectionError, split_record

    try:
        ids = split_record(_factory(), record)
    except CorrectionError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print("now: " + ", ".join(ids))


@app.command()
def serve(host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000) -> None:
    """Serve the web UI and the JSON API."""
    from dyad.api.app import run

    _factory()  # fail early with a clear message on a bad --db
    run(STATE["db"], host=host, port=port)


@app.command()
def brief(country_a: Annotated[str, typer.Argument(help="Alpha-3 code, e.g. KAZ.")],
          country_b: Annotated[str, typer.Argument(help="Alpha-3 code, e.g. AZE.")],
          output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("brief.html"),
          ) -> None:
    """Write a self-contained, printable HTML brief on a country pair."""
    from dyad.web.brief import write_brief

    factory = _factory()
    try:
        write_brief(factory, country_a.upper(), country_b.upper(), output)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    console.print(f"wrote {output}")


if __name__ == "__main__":  # pragma: no cover
    app()

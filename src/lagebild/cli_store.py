"""Command line of the corpus store: `lagebild ingest`, `lagebild export`, `lagebild serve`.

Thin Typer wrappers around lagebild.store and lagebild.api; cli.py registers them with
`register(app)` so the store commands live next to the code they drive.
"""
from __future__ import annotations

import logging
import time
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from lagebild.analysis import MAX_CHARS
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

console = Console(stderr=True, soft_wrap=True)  # messages are never broken at the terminal width
DB_HELP = "Store: a .duckdb file, duckdb:///path, or postgresql://user:pw@host/db (default: lagebild.duckdb here)."


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def _open(db: Optional[str], **kw):
    from lagebild.store import StoreError, open_database

    try:
        store = open_database(db, **kw)
        if kw.get("read_only"):
            try:
                store.require_current()
            except StoreError:
                store.close()
                raise
        return store
    except StoreError as err:
        console.print(f"[red]error:[/red] {err}", highlight=False)
        raise typer.Exit(2) from err


def _count_inputs(paths: list[str]) -> Optional[int]:
    """Number of articles when every input is a single-article file (else unknown: None)."""
    from lagebild.ingest.readers import ANALYZE_FOLDER_KINDS, CORPUS_KINDS, folder_files, input_kind

    n = 0
    for p in paths:
        path = Path(p)
        files = [path] if path.is_file() else folder_files(path, ANALYZE_FOLDER_KINDS) if path.is_dir() else []
        if p == "-" or not files:
            return None
        if any(input_kind(f) in CORPUS_KINDS for f in files):
            return None
        n += len(files)
    return n


def ingest(
    paths: Optional[list[str]] = typer.Argument(None, help="Articles: files (.txt .html .jsonl .csv ...), folders, or - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    from_dir: Optional[Path] = typer.Option(None, "--from", help="Load a batch output folder (Parquet tables) instead of analysing."),
    batch_size: int = typer.Option(32, min=1, max=10_000, help="Articles per transaction."),
    date: Optional[str] = typer.Option(None, help="Article date YYYY-MM-DD for inputs without one."),
    max_chars: int = typer.Option(MAX_CHARS, min=1, help="Refuse articles longer than this many characters."),
    rebuild_identities: bool = typer.Option(False, help="Afterwards, recompute all corpus identities in date order."),
    progress: bool = typer.Option(True, help="Progress bar on stderr."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for the analysis (same store content as one); each loads the pipeline once."),
) -> None:
    """Analyse articles and store them (idempotent: unchanged articles are skipped)."""
    from lagebild.store import StoreError
    from lagebild.store.ingest import count_rows, ingest_paths, load_parquet_dir
    from lagebild.store.writer import StoreWriter

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    if not paths and from_dir is None:
        console.print("[red]error:[/red] give articles to analyse, or --from DIR to load a batch output folder")
        raise typer.Exit(2)
    from lagebild.analysis import date_option

    try:
        date = date_option(date)
    except ValueError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    store = _open(db)
    bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[skipped]} unchanged · {task.fields[errors]} errors"),
                   TimeElapsedColumn(), console=console, disable=not progress, transient=False)
    counts = {"done": 0, "skip": 0, "error": 0}
    try:
        with bar:
            total = None if from_dir else _count_inputs(paths or [])
            task = bar.add_task("loading" if from_dir else "ingesting", total=total, skipped=0, errors=0)

            def tick(event: str, n: int) -> None:
                counts[event] += n
                bar.update(task, completed=sum(counts.values()), skipped=counts["skip"], errors=counts["error"])

            if from_dir is not None:
                try:
                    summary = load_parquet_dir(store, from_dir, batch_size=max(batch_size, 100), progress=tick)
                except (FileNotFoundError, ValueError) as err:
                    console.print(f"[red]error:[/red] {err}", highlight=False)
                    raise typer.Exit(2) from err
            else:
                summary = ingest_paths(store, paths or [], batch_size=batch_size, date=date, max_chars=max_chars,
                                       progress=tick, workers=workers)
        for warning in summary.warnings:
            console.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)
        for err in summary.errors:
            console.print(f"[yellow]skipped[/yellow] {err.origin}: {err.reason}", highlight=False)
        if rebuild_identities:
            StoreWriter(store).rebuild_identities()
        w = summary.written
        rows = count_rows(store)
        verb = "loaded" if from_dir else "analysed"
        console.print(
            f"{w.new} new, {w.replaced} updated, {w.unchanged} unchanged, {w.duplicate} duplicate, "
            f"{len(summary.errors)} failed · {summary.analysed} {verb} in {summary.seconds:.1f} s "
            f"({summary.rate:.1f} articles/s)", highlight=False, soft_wrap=True)
        console.print(
            f"store {store.target if store.kind == 'duckdb' else 'PostgreSQL'}: {rows['documents']} documents, "
            f"{rows['entities']} entities in {rows['identities']} identities, {rows['quotes']} quotes, "
            f"{rows['events']} events, {rows['times']} times", highlight=False, soft_wrap=True)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted:[/yellow] the batch in flight was rolled back; run the same command again to finish")
        raise typer.Exit(130)
    except StoreError as err:
        console.print(f"[red]error:[/red] {err}", highlight=False)
        raise typer.Exit(2) from err
    finally:
        store.close()
    if counts["error"] and not (summary.written.new or summary.written.replaced or summary.written.unchanged):
        raise typer.Exit(1)


def export(
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write one file per table into."),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="parquet, csv or jsonl."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write all store tables to files (Parquet output can be loaded again with ingest --from)."""
    from lagebild.store.export import export_tables

    store = _open(db, read_only=True, migrate=False)
    try:
        start = time.perf_counter()
        counts = export_tables(store, output, format.value)
    finally:
        store.close()
    listing = ", ".join(f"{t} {n}" for t, n in counts.items())
    console.print(f"wrote {len(counts)} {format.value} tables to {output} in {time.perf_counter() - start:.1f} s: {listing}",
                  highlight=False, soft_wrap=True)


SERVE_LOCK_WAIT = 60.0  # seconds `serve` waits for a writer to release a DuckDB store before it gives up
_SERVE_WHILE_INGESTING = ("to browse while a long ingest runs, start `lagebild serve` before the ingest: it then "
                          "keeps answering from its copy while ingest writes (docs/store.md); or use PostgreSQL")


def _say_waiting(target: str) -> None:
    console.print(f"[yellow]waiting:[/yellow] the store {target} is locked by another process (a running "
                  f"`lagebild ingest`?); serve starts as soon as it is released, giving up after "
                  f"{SERVE_LOCK_WAIT:.0f} s. Hint: {_SERVE_WHILE_INGESTING}", highlight=False)


def serve(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; the default is reachable from this machine only."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    refresh: float = typer.Option(30.0, min=1.0, help="DuckDB: seconds between looks for a changed store."),
    threads: int = typer.Option(4, min=1, max=256, help="Requests answered at once (worker threads); "
                                "more than a few per core only adds waiting (benchmarks/README.md)."),
) -> None:
    """Serve the web UI and the read-only REST API (OpenAPI at /openapi.json).

    A DuckDB store is served from a private copy that follows the store file when it changes,
    so `lagebild ingest` can load into the same file meanwhile (docs/store.md)."""
    import uvicorn

    from lagebild.api.app import create_app
    from lagebild.store import StoreError
    from lagebild.store.db import StoreLockedError, parse_url
    from lagebild.store.snapshot import Snapshots

    kind, target = parse_url(db)
    snapshots = None
    if kind == "postgres":
        _open(db, read_only=True, migrate=False).close()
        store = db
    else:
        if not Path(target).exists():
            _open(db, read_only=True, migrate=False)   # says how to create it, exits 2
        try:
            snapshots = Snapshots(Path(target), refresh=refresh, wait=SERVE_LOCK_WAIT,
                                  on_wait=lambda err: _say_waiting(target))
        except StoreLockedError as err:
            console.print(f"[red]error:[/red] {err}", highlight=False)
            console.print(f"[yellow]hint:[/yellow] {_SERVE_WHILE_INGESTING}", highlight=False)
            raise typer.Exit(2) from err
        except StoreError as err:
            console.print(f"[red]error:[/red] {err}", highlight=False)
            raise typer.Exit(2) from err
        store = snapshots.current
    app = create_app(store, threads=threads)
    if snapshots is not None:
        snapshots.start(lambda fresh: setattr(app.state.provider, "root", fresh))
    console.print(f"lagebild at http://{host}:{port}/  (API: /api/documents, contract: /openapi.json)", highlight=False)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        if snapshots is not None:
            snapshots.close()


def register(app: typer.Typer) -> None:
    """Add the store commands to the main `lagebild` CLI."""
    app.command("ingest")(ingest)
    from lagebild.cli_export import export_app

    app.add_typer(export_app, name="export")
    app.command("serve")(serve)

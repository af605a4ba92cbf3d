"""`lagebild export`: the store's tables (`lagebild export -o DIR`) and the event table
(`lagebild export events -o events.csv`), the flat layout event-data users load into R or pandas."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from lagebild.article import EVENT_TYPES
from lagebild.cli_help import ConventionalTyper
from lagebild.cli_store import DB_HELP, ExportFormat, _open, console
from lagebild.cli_store import export as export_tables_command
from lagebild.dates import parse_day

export_app = ConventionalTyper(invoke_without_command=True, no_args_is_help=True,
                               help="Write the store's tables to files (`lagebild export -o DIR`), or its events as "
                                    "one event-data table (`lagebild export events -o FILE`).")


@export_app.callback()
def export_tables(
    ctx: typer.Context,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder to write one file per table into."),
    format: ExportFormat = typer.Option(ExportFormat.parquet, "--format", "-f", help="parquet, csv or jsonl."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write all store tables to files (Parquet output can be loaded again with ingest --from);
    `lagebild export events` writes the event table."""
    if ctx.invoked_subcommand:
        return
    if output is None:
        console.print("error: give --output DIR for the store's tables, or `lagebild export events -o FILE`",
                      highlight=False)
        raise typer.Exit(2)
    export_tables_command(output=output, format=format, db=db)


@export_app.command("events")
def export_events(
    output: Path = typer.Option(..., "--output", "-o", help="File to write (its format from --format)."),
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="csv, parquet or jsonl."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type (ASSAULT, REQUEST, ...)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events whose actor's name contains this text."),
    target: Optional[str] = typer.Option(None, "--target", help="Only events whose target's name contains this text."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Article date from (YYYY-MM-DD, inclusive)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Article date to (YYYY-MM-DD, inclusive)."),
) -> None:
    """The event table: one row per event, the flat layout event-data users load into R or pandas.

    Columns: date, article, actor and target (name in the article and corpus identity), PLOVER
    type and quad class, negation, modality, time, place, the quote's speaker, sentence, trigger
    offsets."""
    from lagebild.store.events import export_events as write_events

    if type and type.upper() not in EVENT_TYPES:
        console.print(f"error: --type {type!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}",
                      highlight=False)
        raise typer.Exit(2)
    days = [_day(name, value) for name, value in (("--from", date_from), ("--to", date_to))]
    store = _open(db, read_only=True, migrate=False)
    try:
        start = time.perf_counter()
        n = write_events(store, output, format.value, type=type.upper() if type else None,
                         actor_name=actor, target_name=target, date_from=days[0], date_to=days[1])
    finally:
        store.close()
    console.print(f"wrote {n} events to {output} ({format.value}) in {time.perf_counter() - start:.1f} s",
                  highlight=False)


def _day(option: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_day(value).isoformat()
    except ValueError:
        console.print(f"error: {option} {value!r} is not a calendar date (YYYY-MM-DD)", highlight=False)
        raise typer.Exit(2) from None

"""`lagebild batch`: a thin Typer command around `lagebild.batch.run_batch`; cli.py adds it to
the main CLI with `register(app)`, as it does the store commands."""
from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from lagebild.batch.job import DEFAULT_CHUNK_SIZE
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

err_console = Console(stderr=True, soft_wrap=True)  # messages are never broken at the terminal width


class Engine(str, Enum):
    local = "local"
    spark = "spark"


class BatchFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"


def batch(
    inputs: list[str] = typer.Argument(..., help="Files (.jsonl .jsonl.gz .csv .warc .warc.gz .parquet .txt .html) or folders of them."),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder: one Parquet table per store table, errors.jsonl, the resume manifest."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes (local engine; default: one per usable core); each loads the pipeline once."),
    format: list[BatchFormat] = typer.Option([BatchFormat.parquet], "--format", "-f", help="parquet: the store's tables; jsonl: full lagebild/1 articles. Repeat for both."),
    engine: Engine = typer.Option(Engine.local, help="local: worker processes on this machine; spark: Apache Spark (needs PySpark, the extra 'spark', and Java 17+)."),
    master: Optional[str] = typer.Option(None, help="Spark master URL, e.g. local[2], yarn, spark://host:7077 (engine spark; default local[*])."),
    chunk_size: int = typer.Option(DEFAULT_CHUNK_SIZE, help="Records per chunk: the unit of work, of output files and of redo after a crash."),
    max_chars: Optional[int] = typer.Option(None, help="Refuse articles longer than this many characters (default as analyze)."),
    progress: bool = typer.Option(True, help="Progress bar on stderr."),
) -> None:
    """Analyse a corpus in parallel into Parquet tables; re-run the same command to resume."""
    from lagebild.batch import BatchOptions, run_batch
    from lagebild.batch.job import usable_cores
    from lagebild.batch.output import OutputError

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        options = BatchOptions(inputs=list(inputs), output=output,
                               workers=usable_cores() if workers is None else workers,
                               formats=tuple(dict.fromkeys(f.value for f in format)),
                               chunk_size=chunk_size, max_chars=max_chars, engine=engine.value,
                               master=master)
    except ValueError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2)
    if master and engine is Engine.local:
        err_console.print("[red]error:[/red] --master is for --engine spark; the local engine "
                          "takes --workers")
        raise typer.Exit(2)
    # both engines report to our bar (Spark's counts move as its partitions finish)
    show = progress and err_console.is_terminal
    bar = Progress(TextColumn("[bold]batch"), BarColumn(), TextColumn("{task.completed:,} records"),
                   TextColumn("{task.fields[rate]} art/s · {task.fields[errors]} errors"),
                   TimeElapsedColumn(), console=err_console, transient=False, disable=not show)
    with bar:
        task = bar.add_task("batch", total=None, rate="0.0", errors=0)

        def update(p) -> None:
            bar.update(task, completed=p.processed, rate=f"{p.rate:.1f}", errors=p.errors)

        try:
            summary = run_batch(options, update)
        except (OutputError, RuntimeError) as err:
            err_console.print(f"[red]error:[/red] {err}", highlight=False, soft_wrap=True)
            raise typer.Exit(1)
        except KeyboardInterrupt:
            err_console.print("interrupted; re-run the same command to resume (a Spark job starts over)")
            raise typer.Exit(130)
        except OSError as err:
            err_console.print(f"[red]error:[/red] cannot write to {output}: {err}; free space or "
                              "fix permissions, then re-run the same command to resume",
                              highlight=False, soft_wrap=True)
            raise typer.Exit(1)
    for note in summary.notes:
        err_console.print(f"[dim]note: {note}[/dim]", highlight=False, soft_wrap=True)
    err_console.print(summary.line(), style="green" if summary.complete and not summary.errors
                      else "yellow", highlight=False, soft_wrap=True)
    if not summary.complete:
        raise typer.Exit(130)


def register(app: typer.Typer) -> None:
    """Add `lagebild batch` to the main CLI (once)."""
    if not any(c.name == "batch" for c in app.registered_commands):
        app.command("batch")(batch)

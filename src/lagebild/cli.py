"""Command line: thin Typer commands around plain functions of the package."""
from __future__ import annotations

import json
import logging
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from lagebild import __version__
from lagebild.analysis import MAX_CHARS, analyze_items, date_option
from lagebild.article import Article
from lagebild.cli_help import ConventionalTyper
from lagebild.ingest import IngestError, read_inputs

app = ConventionalTyper(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                        help="lagebild: German news articles to structured, checkable facts.")
err_console = Console(stderr=True, soft_wrap=True)  # messages are never broken at the terminal width
PROGRESS_MIN = 5  # show a progress bar once more than a few articles have come through


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", "-V", is_eager=True, callback=_print_version,
                                       help="Print the version and exit.")) -> None:
    """lagebild: German news articles to structured, checkable facts."""


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _progress(enabled: bool):
    if not enabled:
        return nullcontext(None)
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]} art/s · {task.fields[errors]} errors"),
                    TimeElapsedColumn(), console=err_console, transient=False)


def run_analysis(paths: list[str], *, date: str | None, max_chars: int, show_progress: bool,
                 workers: int = 1) -> Iterator[Article | IngestError]:
    """Articles and error records of the inputs, in order, with a progress bar on stderr."""
    import time

    def with_date(items):
        for item in items:
            if date and not isinstance(item, IngestError):
                item.date = date
            yield item

    stream = analyze_items(with_date(read_inputs(paths)), workers=workers, max_chars=max_chars)
    start, done, errors = time.perf_counter(), 0, 0
    with _progress(show_progress) as progress:
        task = progress.add_task("analysing", total=None, rate="0.0", errors=0) if progress else None
        for result in stream:
            done += 1
            errors += isinstance(result, IngestError)
            if progress and done >= PROGRESS_MIN:
                rate = done / max(time.perf_counter() - start, 1e-9)
                progress.update(task, completed=done, rate=f"{rate:.1f}", errors=errors)
            yield result


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files (.txt .html .jsonl .jsonl.gz .csv), folders, or - for stdin."),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text: report for a person; json: one article; jsonl: one line per article."),
    date: Optional[str] = typer.Option(None, help="Article date YYYY-MM-DD (anchors relative times)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    errors_file: Optional[Path] = typer.Option(None, "--errors", help="Also write error records as JSONL here."),
    max_chars: int = typer.Option(MAX_CHARS, help="Refuse articles longer than this many characters."),
    progress: bool = typer.Option(True, help="Progress bar on stderr for more than a few articles."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (same output as one); each loads the pipeline once."),
) -> None:
    """Analyse German news articles and print entities, quotes, events, times and amounts."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        date = date_option(date)
    except ValueError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    out_fh = open(output, "w", encoding="utf-8") if output else sys.stdout
    err_fh = open(errors_file, "w", encoding="utf-8") if errors_file else None
    console = Console(file=out_fh, force_terminal=None if output is None else False, width=None if output is None else 110)
    analysed = failed = 0
    first_json = True
    try:
        if format is OutputFormat.json and len(paths) > 1 or format is OutputFormat.json and _is_corpus(paths[0]):
            out_fh.write("[\n")
        for result in run_analysis(paths, date=date, max_chars=max_chars, workers=workers,
                                   show_progress=progress and err_console.is_terminal):
            if isinstance(result, IngestError):
                failed += 1
                where = result.origin + (f" (id {result.id})" if result.id and result.id not in result.origin else "")
                err_console.print(f"[yellow]skipped[/yellow] {where}: {result.reason}", highlight=False)
                if err_fh:
                    err_fh.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
                continue
            analysed += 1
            data = result.to_json()
            if format is OutputFormat.jsonl:
                out_fh.write(json.dumps(data, ensure_ascii=False) + "\n")
            elif format is OutputFormat.json:
                if not first_json:
                    out_fh.write(",\n")
                out_fh.write(json.dumps(data, ensure_ascii=False, indent=2))
                first_json = False
            else:
                from lagebild.report import render

                render(data, console)
        if format is OutputFormat.json:
            if len(paths) > 1 or _is_corpus(paths[0]):
                out_fh.write("\n]")
            out_fh.write("\n")
    finally:
        if output:
            out_fh.close()
        if err_fh:
            err_fh.close()
    summary = f"{analysed} article(s) analysed, {failed} skipped"
    err_console.print(summary, style="dim" if not failed else "yellow")
    if analysed == 0:
        raise typer.Exit(1)


def _is_corpus(path: str) -> bool:
    from lagebild.ingest.readers import CORPUS_KINDS, input_kind

    return Path(path).is_dir() or input_kind(path) in CORPUS_KINDS


def main() -> None:  # pragma: no cover - console entry for `python -m lagebild`
    app()


from lagebild.cli_eval import eval_app  # noqa: E402

app.add_typer(eval_app, name="eval")
from lagebild.cli_corpus import corpus_app  # noqa: E402

app.add_typer(corpus_app, name="corpus")
from lagebild.cli_store import register as _register_store  # noqa: E402

_register_store(app)
from lagebild.cli_batch import register as _register_batch  # noqa: E402

_register_batch(app)

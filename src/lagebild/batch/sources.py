"""What a batch run works on: the inputs as a stream of small, picklable tasks.

The process that reads the inputs does only the cheap part (splitting files into records:
lines, WARC records, files); parsing and extraction (JSON, HTML of pages and .html files) are
left to the workers as deferred tasks. CSV and Parquet records are parsed by the reader.
Every task has an `origin` (file and position) known before it runs: that is the key of the
resume manifest, so a re-run can skip finished records unparsed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

from lagebild.ingest.readers import STDIN, error_record_id, input_files, input_kind, jsonl_raw_lines
from lagebild.ingest.readers import parse_jsonl_line, read_path, record_to_article
from lagebild.ingest.records import IngestError, InputError, RawArticle
from lagebild.ingest.warc import WarcPage, iter_warc_pages, page_to_article


@dataclass
class FileTask:
    """A single-article file (.txt, .html) the worker reads and extracts itself."""
    path: str

    @property
    def origin(self) -> str:
        return self.path


@dataclass
class JsonlLine:
    """One non-blank line of a JSONL file, parsed by the worker (as `read_jsonl` would)."""
    name: str
    lineno: int
    raw: bytes

    @property
    def origin(self) -> str:
        return f"{self.name}:{self.lineno}"


Task = Union[RawArticle, IngestError, FileTask, WarcPage, JsonlLine]
Item = Union[RawArticle, IngestError]
BATCH_KINDS = ("txt", "html", "jsonl", "csv", "warc", "parquet")


def origin_of(task: Task) -> str:
    return task.origin or task.id  # RawArticle.origin is optional in general; ours always set it


def task_id(task: Task) -> str | None:
    """The article id a task stands for, where it can be known without extracting HTML."""
    if isinstance(task, JsonlLine):
        item = jsonl_line_to_item(task.raw, task.name, task.lineno)
        return item.id if item is not None else None
    if isinstance(task, FileTask):
        return Path(task.path).stem
    return task.id


def iter_tasks(inputs: Iterable[str]) -> Iterator[Task]:
    """Tasks for the inputs in a stable order (so a re-run meets the same origins).

    Paths are made absolute, so a resumed run may start from another directory. Folders are
    walked in sorted order and give their .txt, .html, .jsonl(.gz), .csv, .warc(.gz) and
    .parquet files (`lagebild analyze` skips WARC files in folders; a crawl folder is the common
    case here).
    """
    for found in input_files(inputs, BATCH_KINDS, absolute=True):
        if found == STDIN:
            yield IngestError(None, "stdin", "batch cannot read stdin (a re-run could not resume "
                                             "it): write it to a file first")
        elif isinstance(found, IngestError):
            yield found
        else:
            yield from _file_tasks(found)


def _file_tasks(path: Path) -> Iterator[Task]:
    kind = input_kind(path)
    if kind in ("txt", "html"):
        yield FileTask(str(path))
    elif kind == "warc":
        yield from iter_warc_pages(path)
    elif kind == "parquet":
        yield from read_parquet_records(path)
    elif kind == "jsonl":
        yield from _jsonl_lines(path)
    else:  # csv (a record may span lines): the very reader `lagebild analyze` uses
        yield from read_path(path)


def _jsonl_lines(path: Path) -> Iterator[JsonlLine | IngestError]:
    """Lines of a JSONL(.gz) file, unparsed: JSON and HTML parsing happen in the workers."""
    for lineno, raw in jsonl_raw_lines(path):
        if isinstance(raw, IngestError):
            yield raw
        elif raw.strip():
            yield JsonlLine(str(path), lineno, raw)


def resolve(task: Task) -> Item:
    """Run the deferred part of a task: the raw article (or error) it stands for."""
    if isinstance(task, FileTask):
        items = list(read_path(Path(task.path)))
        return items[0] if items else IngestError(None, task.path, "file gave no article")
    if isinstance(task, WarcPage):
        return page_to_article(task)
    if isinstance(task, JsonlLine):
        return jsonl_line_to_item(task.raw, task.name, task.lineno)
    return task


PARQUET_FIELDS = ("id", "title", "date", "url", "source", "text", "html")


def read_parquet_records(path: Path, *, batch_rows: int = 1024) -> Iterator[Item]:
    """Records (columns id/title/date/url/source/text or html) of a Parquet file, streamed in
    row batches. Origins are `<file>:<row number from 1>`."""
    import pyarrow.parquet as pq

    name = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # noqa: BLE001 - pyarrow raises several types for a bad file
        yield IngestError(None, name, f"cannot read Parquet: {err}")
        return
    columns = [c for c in PARQUET_FIELDS if c in pf.schema_arrow.names]
    if "text" not in columns and "html" not in columns:
        yield IngestError(None, name, "Parquet needs a 'text' or 'html' column; "
                                      f"found {pf.schema_arrow.names}")
        return
    rowno = 0
    for batch in pf.iter_batches(batch_size=batch_rows, columns=columns):
        for rec in batch.to_pylist():
            rowno += 1
            yield parquet_record_to_item(rec, name, rowno)


def parquet_record_to_item(rec: dict, name: str, rowno: int) -> Item:
    """One Parquet record to a raw article or error (shared with the Spark engine)."""
    origin = f"{name}:{rowno}"
    try:
        return record_to_article(rec, origin, f"{Path(name).stem}-{rowno}")
    except InputError as err:
        return IngestError(error_record_id(rec.get("id")), origin, str(err))


def jsonl_line_to_item(raw: bytes, name: str, lineno: int) -> Item | None:
    """One JSONL line, parsed exactly as `read_jsonl` does (both engines call this in their workers)."""
    return parse_jsonl_line(raw, name, lineno)
"""Stream articles out of files: .txt, .html, .jsonl(.gz), .csv, folders of those, or stdin.

Readers yield `RawArticle` or `IngestError` and never raise for one bad record, so a corpus run
goes on past it. Nothing is loaded whole except single-article files.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from textwrap import shorten
from pathlib import Path
from typing import IO, Iterable, Iterator

from lagebild.ingest.decode import bom_codec, cp1252_warning, decode_bytes, utf8_with_cp1252_bytes
from lagebild.ingest.html import article_from_html
from lagebild.ingest.records import IngestError, InputError, RawArticle

Item = RawArticle | IngestError
FIELDS = ("id", "title", "date", "url", "source", "text")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
csv.field_size_limit(sys.maxsize)


STDIN = "-"


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    for found in input_files(paths, ANALYZE_FOLDER_KINDS):
        if found == STDIN:
            yield from _single("stdin", sys.stdin.buffer.read(), kind="txt")
        elif isinstance(found, IngestError):
            yield found
        else:
            yield from read_path(found)


def input_files(paths: Iterable[str], kinds: tuple[str, ...], *, absolute: bool = False
                ) -> Iterator[Path | IngestError | str]:
    """The files the input paths name, in order (the one input walk of `analyze`, `ingest` and
    `batch`): a folder gives its files of `kinds` in sorted order, or an error record when it
    holds none; a missing path gives an error record; `-` (stdin) is passed on as STDIN.
    `absolute`: paths made absolute, so a resumed batch may start from another directory."""
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        path = Path(os.path.abspath(p)) if absolute else Path(p)
        if path.is_dir():
            files = folder_files(path, kinds)
            if not files:
                yield IngestError(None, str(path), f"folder holds no article files ({_suffixes(kinds)})")
            yield from files
        elif not path.exists():
            yield IngestError(None, str(path), "file not found")
        else:
            yield path


_KIND_SUFFIXES = {"txt": ".txt", "html": ".html", "jsonl": ".jsonl .jsonl.gz", "csv": ".csv",
                  "warc": ".warc .warc.gz", "parquet": ".parquet"}


def _suffixes(kinds: tuple[str, ...]) -> str:
    return " ".join(_KIND_SUFFIXES[k] for k in kinds)


def read_path(path: Path) -> Iterator[Item]:
    kind = input_kind(path)
    try:
        if kind == "jsonl":
            for lineno, raw in jsonl_raw_lines(path):
                if isinstance(raw, IngestError):
                    yield raw
                    continue
                item = parse_jsonl_line(raw, str(path), lineno)
                if item is not None:
                    yield item
        elif kind == "csv":
            yield from read_csv(path)
        elif kind == "warc":
            from lagebild.ingest.warc import read_warc  # optional reader, added with the batch stage

            yield from read_warc(path)
        elif kind == "parquet":
            yield IngestError(None, str(path), "Parquet files of records are read by `lagebild batch`")
        else:
            yield from _single(str(path), path.read_bytes(), kind=kind, stem=path.stem)
    except OSError as err:
        yield IngestError(None, str(path), f"cannot read: {err.strerror or err}")


KINDS = ("jsonl", "csv", "warc", "parquet", "html", "txt")
CORPUS_KINDS = ("jsonl", "csv", "warc", "parquet")   # many records per file
ANALYZE_FOLDER_KINDS = ("txt", "html", "jsonl", "csv")   # what `analyze`/`ingest` take from a folder


def input_kind(path: str | Path) -> str:
    """Which reader a file needs, by the suffixes of its name (the one place that decides it):
    jsonl (.jsonl .ndjson, also .gz), csv, warc (.warc, .warc.gz), parquet, html, or txt."""
    name = str(path).rsplit("/", 1)[-1].lower()
    if name.endswith(".gz"):
        name = name[:-3]
        if name.endswith((".jsonl", ".ndjson")):
            return "jsonl"
        return "warc" if name.endswith(".warc") else "txt"
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("jsonl", "ndjson"):
        return "jsonl"
    if suffix in ("csv", "warc", "parquet"):
        return suffix
    if f".{suffix}" in HTML_SUFFIXES:
        return "html"
    return "txt"


def folder_files(folder: Path, kinds: tuple[str, ...]) -> list[Path]:
    """The files of a folder tree with one of `kinds`, in sorted order, hidden files left out
    (the one folder walk of `analyze`, `ingest` and `batch`)."""
    return [child for child in sorted(folder.rglob("*"))
            if child.is_file() and not child.name.startswith((".", "_")) and input_kind(child) in kinds]


def _single(origin: str, data: bytes, *, kind: str, stem: str | None = None) -> Iterator[Item]:
    art_id = stem or origin
    try:
        text, warnings = decode_bytes(data)
        if kind == "txt" and text.lstrip().startswith("<") and "<html" in text[:2000].lower():
            kind = "html"
        if kind == "html":
            article = article_from_html(text, id=art_id, origin=origin)
        else:
            article = RawArticle(id=art_id, text=text, origin=origin)
        article.warnings.extend(warnings)
        yield article
    except InputError as err:
        yield IngestError(art_id, origin, str(err))


def record_to_article(rec: dict, origin: str, fallback_id: str) -> RawArticle:
    """A corpus record with the fields id/title/date/url/source/text (text or html required)."""
    if not isinstance(rec, dict):
        raise InputError("record is not a JSON object")
    raw_id = rec.get("id")
    if raw_id is not None and (isinstance(raw_id, (dict, list, bool)) or not isinstance(raw_id, (str, int, float))):
        raise InputError(f"'id' must be a string or a number, not {_json_kind(raw_id)}")
    art_id = str(raw_id if raw_id not in (None, "") else fallback_id)
    text = rec.get("text")
    if text is None and rec.get("html"):
        article = article_from_html(str(rec["html"]), id=art_id, origin=origin, url=rec.get("url"))
    elif text is None:
        raise InputError("record has no 'text' field")
    elif not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {_json_kind(text)}")
    else:
        article = RawArticle(id=art_id, text=text, origin=origin)
    for key in ("title", "date", "url", "source"):
        value = rec.get(key)
        if value not in (None, ""):
            setattr(article, key, str(value))
    return article


def error_record_id(raw_id) -> str | None:
    """The `id` of an error record: the record's id when it is a usable one (a string or a
    number), else None; the error's reason says what is wrong with it."""
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float)) or raw_id == "":
        return None
    return str(raw_id)


def _json_kind(value) -> str:
    """How JSON calls a value's type: "a number", "an object" ..."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def parse_jsonl_line(raw: bytes, name: str, lineno: int) -> Item | None:
    """One JSONL line as an article or an error record (None for a blank line).

    The one place a JSONL line is parsed: `read_jsonl` and both batch engines use it.
    """
    if not raw.strip():
        return None
    origin = f"{name}:{lineno}"
    rec = None  # so that an error on this line never reports the previous line's id
    try:
        line, warnings = decode_bytes(raw)
        rec = json.loads(line)
        article = record_to_article(rec, origin, f"{Path(name).stem}-{lineno}")
        article.warnings.extend(warnings)
        return article
    except json.JSONDecodeError as err:
        return IngestError(None, origin, f"broken JSON line: {err.msg.removesuffix(' at')} at column {err.colno}")
    except InputError as err:
        return IngestError(error_record_id(rec.get("id") if isinstance(rec, dict) else None), origin, str(err))


def jsonl_raw_lines(path: Path) -> Iterator[tuple[int, bytes | IngestError]]:
    """(line number, UTF-8 bytes) of a JSONL or JSONL.gz file (UTF-16/32 with a byte-order mark
    re-encoded); a damaged or truncated stream ends the file with one error item (the lines
    before it still count), never an exception."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    lineno = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, raw in enumerate(utf8_lines(fh), start=1):
                yield lineno, raw
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield lineno + 1, _damaged(path, lineno, "damaged compressed file", err)
    except UnicodeDecodeError as err:
        yield lineno + 1, _damaged(path, lineno, f"not valid {err.encoding} text", err)
    except OSError as err:
        yield lineno + 1, IngestError(None, str(path), f"cannot read: {err.strerror or err}")


def _damaged(path: Path, lines_read: int, what: str, err: Exception) -> IngestError:
    """The error item that ends a file whose stream broke after `lines_read` good lines."""
    if lines_read == 0:
        return IngestError(None, str(path), f"{what}: damaged before the first record ({err}); "
                                            "nothing of this file is read")
    return IngestError(None, f"{path}:{lines_read + 1}", f"{what} after line {lines_read} ({err}); "
                                                          "the rest of this file is not read")


def utf8_lines(fh: IO[bytes]) -> Iterator[bytes]:
    """The lines of a binary stream as UTF-8 bytes: a stream that starts with a UTF-16 or UTF-32
    byte-order mark is decoded and each line encoded again; any other stream is passed through
    (its lines are decoded one by one later, `decode_bytes`)."""
    found = bom_codec(_peek(fh, 4))
    if found is None or found[0] == "utf-8":
        yield from fh
        return
    family = found[0][:6]   # utf-16 / utf-32: the codec reads the byte-order mark and drops it
    for line in io.TextIOWrapper(fh, encoding=family, newline="\n"):
        yield line.encode("utf-8")


def _peek(fh: IO[bytes], n: int) -> bytes:
    peek = getattr(fh, "peek", None)
    return peek(n)[:n] if peek is not None else b""


def read_jsonl(fh: IO[bytes], name: str) -> Iterator[Item]:
    for lineno, raw in enumerate(fh, start=1):
        item = parse_jsonl_line(raw, name, lineno)
        if item is not None:
            yield item


def read_csv(path: Path) -> Iterator[Item]:
    """Rows of a CSV file with a header row naming a `text` column (UTF-8, UTF-16/32 with a
    byte-order mark, or cp1252 bytes inside UTF-8: a row with such bytes gets a warning)."""
    with open(path, "rb") as raw:
        sample = _csv_sample(raw.read(65536))
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rowno = 1
    try:
        with open(path, "rb") as fh:
            fallback: dict[int, int] = {}   # line number -> bytes read as cp1252 on that line
            reader = csv.DictReader(_csv_text_lines(fh, fallback), dialect=dialect)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                yield IngestError(None, str(path), _no_text_column(reader.fieldnames))
                return
            last_line = reader.line_num
            for rowno, row in enumerate(reader, start=2):
                bad = sum(fallback.pop(n, 0) for n in range(last_line + 1, reader.line_num + 1))
                last_line = reader.line_num
                yield _csv_row(row, f"{path}:{rowno}", f"{path.stem}-{rowno}", bad)
    except (UnicodeDecodeError, csv.Error) as err:
        what = f"not valid {err.encoding} text" if isinstance(err, UnicodeDecodeError) else "broken CSV"
        yield IngestError(None, f"{path}:{rowno + 1}", f"{what} after row {rowno} ({err}); "
                                                       "the rest of this file is not read")


def _csv_row(row: dict, origin: str, fallback_id: str, cp1252_bytes: int) -> Item:
    try:
        article = record_to_article(row, origin, fallback_id)
    except InputError as err:
        return IngestError(error_record_id(row.get("id")), origin, str(err))
    if cp1252_bytes:
        article.warnings.append(cp1252_warning(cp1252_bytes))
    return article


def _no_text_column(fieldnames: list[str] | None) -> str:
    found = [shorten(str(f), 24, placeholder="…") for f in (fieldnames or [])[:4]]
    more = f" and {len(fieldnames) - 4} more fields" if fieldnames and len(fieldnames) > 4 else ""
    return f"CSV needs a header row with a 'text' column; the first row is {found}{more}"


def _csv_sample(head: bytes) -> str:
    """The first bytes of a CSV file as text, for the dialect sniffer."""
    found = bom_codec(head)
    if found is not None:
        return head[found[1]:].decode(found[0], errors="ignore")
    return utf8_with_cp1252_bytes(head)[0]


def _csv_text_lines(fh: IO[bytes], fallback: dict[int, int]) -> Iterator[str]:
    """The physical lines of a CSV stream as text, for `csv.reader`: UTF-16/32 by their
    byte-order mark, else each line UTF-8 with cp1252 for the bytes that are not (counted in
    `fallback` by line number). Old Mac line ends (a lone CR) end a line too."""
    found = bom_codec(_peek(fh, 4))
    if found is not None and found[0] != "utf-8":
        yield from io.TextIOWrapper(fh, encoding=found[0][:6], newline="")
        return
    lineno = 0
    for number, raw in enumerate(fh, start=1):
        if number == 1 and found is not None:
            raw = raw[found[1]:]
        text, bad = utf8_with_cp1252_bytes(raw)
        for part in [p for p in _LONE_CR.split(text) if p] if "\r" in text else [text]:
            lineno += 1
            if bad:
                fallback[lineno] = fallback.get(lineno, 0) + bad
                bad = 0
            yield part


_LONE_CR = re.compile(r"(?<=\r)(?!\n)")

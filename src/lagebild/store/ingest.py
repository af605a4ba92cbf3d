"""Fill the store: analyse articles (`ingest_paths`) or load a batch job's Parquet folder
(`load_parquet_dir`), in transactional batches through the one `StoreWriter`.

Articles already stored unchanged are skipped *before* analysis, so re-running an ingest over
the same corpus only pays for what is new, and an interrupted run picks up where it stopped.
"""
from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lagebild.ingest import IngestError, RawArticle, read_inputs
from lagebild.store.db import Database
from lagebild.store.rows import TABLE_COLUMNS, content_hash
from lagebild.store.writer import StoreWriter, WriteResult

DEFAULT_BATCH = 32
Progress = Callable[[str, int], None]  # (event, count): "done" articles so far, "error", "skip"


@dataclass
class IngestSummary:
    """What one ingest did, for the summary line and for tests."""

    written: WriteResult = field(default_factory=WriteResult)
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    analysed: int = 0

    @property
    def rate(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0


def _skip_known(items: Iterable[RawArticle | IngestError], writer: StoreWriter, summary: IngestSummary,
                date: str | None, progress: Progress | None) -> Iterator[RawArticle | IngestError]:
    """Drop articles the store already holds with the same text, before the costly analysis."""
    for item in items:
        if isinstance(item, RawArticle):
            if date:
                item.date = date
            state = writer.status(item.id, item.text or "")
            if state in ("unchanged", "duplicate"):
                setattr(summary.written, state, getattr(summary.written, state) + 1)
                if progress:
                    progress("skip", 1)
                continue
        yield item


def ingest_paths(db: Database, paths: list[str], *, batch_size: int = DEFAULT_BATCH, nlp=None,
                 date: str | None = None, max_chars: int | None = None,
                 progress: Progress | None = None, workers: int = 1) -> IngestSummary:
    """Analyse the articles under `paths` (anything `lagebild analyze` reads) and store them;
    `workers` > 1 analyses in that many processes (same rows, same order)."""
    from lagebild.analysis import MAX_CHARS, analyze_items

    writer = StoreWriter(db)
    summary = IngestSummary()
    start = time.perf_counter()
    todo = _skip_known(read_inputs(paths), writer, summary, date, progress)
    first = next(todo, None)
    if first is None:  # nothing new: do not even load the models
        summary.seconds = time.perf_counter() - start
        return summary
    stream = analyze_items(itertools.chain([first], todo), workers=workers, nlp=nlp,
                           max_chars=max_chars or MAX_CHARS)
    batch: list[dict] = []
    for result in stream:
        if isinstance(result, IngestError):
            summary.errors.append(result)
            if progress:
                progress("error", 1)
            continue
        batch.append(result.to_json())
        summary.analysed += 1
        if len(batch) >= batch_size:
            summary.written.add(writer.write_articles(batch))
            batch = []
        if progress:
            progress("done", 1)
    if batch:
        summary.written.add(writer.write_articles(batch))
    summary.seconds = time.perf_counter() - start
    return summary


def ingest_articles(db: Database, articles: Iterable[dict], *, batch_size: int = DEFAULT_BATCH) -> WriteResult:
    """Store ready `lagebild/1` dicts (tests, fixtures, other tools) in batches."""
    writer = StoreWriter(db)
    total, batch = WriteResult(), []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            total.add(writer.write_articles(batch))
            batch = []
    if batch:
        total.add(writer.write_articles(batch))
    return total


# -- Parquet folders of the batch job ---------------------------------------------------------------
def _dataset(folder: Path, table: str):
    """The table as a pyarrow dataset: `table.parquet`, or a folder `table/` of part files."""
    import pyarrow.dataset as ds

    single = folder / f"{table}.parquet"
    if single.is_file():
        return ds.dataset(str(single), format="parquet")
    parts = sorted(str(p) for p in (folder / table).glob("*.parquet") if not p.name.startswith((".", "_")))
    return ds.dataset(parts, format="parquet") if parts else None


def load_parquet_dir(db: Database, folder: str | Path, *, batch_size: int = 500,
                     progress: Progress | None = None) -> IngestSummary:
    """Load a batch output folder (one Parquet table per name in TABLE_COLUMNS) without analysing.

    Documents are taken in batches of `batch_size`; the rows of the other tables are selected by
    `doc_id` for each batch, so every batch is a complete set of articles and one transaction.
    """
    import pyarrow.compute as pc

    folder = Path(folder)
    docs = _dataset(folder, "documents")
    if docs is None:
        raise FileNotFoundError(f"{folder} has no documents.parquet (or documents/): not a lagebild batch output")
    missing = [c for c, _ in TABLE_COLUMNS["documents"] if c not in docs.schema.names]
    if missing:
        raise ValueError(f"{folder}/documents lacks columns {missing}: written by an older or other tool?")
    tables = {t: _dataset(folder, t) for t in TABLE_COLUMNS if t != "documents"}
    writer = StoreWriter(db)
    summary = IngestSummary()
    if (folder / "_manifest.jsonl").exists() and not (folder / "_SUCCESS").exists():
        summary.warnings.append(f"{folder} has no _SUCCESS: the batch run is unfinished, loading "
                                "the chunks written so far (run ingest --from again when it is done)")
    start = time.perf_counter()
    pending: list[dict] = []

    def flush() -> None:
        if not pending:
            return
        ids = [d["doc_id"] for d in pending]
        by_doc: dict[str, dict[str, list[dict]]] = {i: {"documents": []} for i in ids}
        for d in pending:
            by_doc[d["doc_id"]]["documents"] = [d]
        for table, dset in tables.items():
            for rows in by_doc.values():
                rows[table] = []
            if dset is None:
                continue
            cols = [c for c, _ in TABLE_COLUMNS[table] if c in dset.schema.names]
            for row in dset.to_table(columns=cols, filter=pc.field("doc_id").isin(ids)).to_pylist():
                by_doc[row["doc_id"]][table].append({c: row.get(c) for c, _ in TABLE_COLUMNS[table]})
        summary.written.add(writer.write_rows(list(by_doc.values())))
        summary.analysed += len(pending)
        if progress:
            progress("done", len(pending))
        pending.clear()

    cols = [c for c, _ in TABLE_COLUMNS["documents"]]
    for record_batch in docs.to_batches(columns=cols, batch_size=batch_size):
        for doc in record_batch.to_pylist():
            doc["content_hash"] = doc["content_hash"] or content_hash(doc["text"] or "")
            state = writer.status(doc["doc_id"], doc["content_hash"], is_hash=True)
            if state in ("unchanged", "duplicate"):
                setattr(summary.written, state, getattr(summary.written, state) + 1)
                if progress:
                    progress("skip", 1)
                continue
            pending.append(doc)
            if len(pending) >= batch_size:
                flush()
    flush()
    summary.seconds = time.perf_counter() - start
    return summary


def count_rows(db: Database) -> dict[str, int]:
    """Rows per table, for summaries."""
    names = list(TABLE_COLUMNS) + ["identities"]
    return {t: int(db.scalar(f"SELECT count(*) FROM {t}")) for t in names}


__all__ = ["IngestSummary", "count_rows", "ingest_articles", "ingest_paths", "load_parquet_dir"]

"""The work of one batch worker on one chunk of tasks, shared by the local and the Spark engine.

A chunk goes through the very function `lagebild analyze` uses (`analyze_stream`, with the same
batching), so batch output equals `analyze` output article for article. Results come back paired
with the origin of their task; `analyze_stream` yields exactly one result per input, in order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from lagebild.analysis import analyze_stream
from lagebild.article import Article
from lagebild.batch.sources import Item, Task, origin_of, resolve, task_id
from lagebild.ingest.records import IngestError

BATCH_SIZE = 16  # as `lagebild analyze`: nlp.pipe batches inside a worker


@dataclass
class Outcome:
    """One task's result: an analysed (or, for non-German text, unanalysed) article or an error."""
    origin: str
    article: dict | None = None
    error: IngestError | None = None

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        return "ok" if self.article.get("sentences") else "unanalysed"


def _items(tasks: list[Task]) -> Iterator[Item]:
    for task in tasks:
        try:
            item = resolve(task)
        except Exception as err:  # noqa: BLE001 - an odd file must not cost the chunk
            item = IngestError(_safe_id(task), origin_of(task),
                               f"cannot read: {type(err).__name__}: {err}")
        yield item


def _safe_id(task: Task) -> str | None:
    try:
        return task_id(task)
    except Exception:  # noqa: BLE001 - the id is only a help for the error record
        return None


def _pair(tasks: list[Task], results: Iterable[Item | Article],
          on_outcome: Callable[[Outcome], None] | None) -> list[Outcome]:
    outcomes = []
    for task, result in zip(tasks, results):
        origin = origin_of(task)
        if isinstance(result, IngestError):
            outcomes.append(Outcome(origin, error=result))
        else:
            outcomes.append(Outcome(origin, article=result.to_json()))
        if on_outcome:
            on_outcome(outcomes[-1])
    if len(outcomes) != len(tasks):  # analyze_stream promises one result per input
        raise RuntimeError(f"analyze_stream gave {len(outcomes)} results for {len(tasks)} inputs")
    return outcomes


def analyse_tasks(tasks: Iterable[Task], nlp: Language, *, batch_size: int = BATCH_SIZE,
                  max_chars: int | None = None,
                  on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Outcomes of the tasks, in order, one per task.

    `analyze_stream` already turns a failing article into an error record; should anything else
    raise (a crash in language detection, say), the chunk is redone one task at a time so only
    the task that raises becomes an error.
    """
    tasks = list(tasks)
    kwargs = {"max_chars": max_chars} if max_chars else {}
    try:
        return _pair(tasks, analyze_stream(_items(tasks), nlp=nlp, batch_size=batch_size, **kwargs),
                     on_outcome)
    except Exception:  # noqa: BLE001 - isolate below
        pass
    outcomes = []
    for task in tasks:
        try:
            outcomes += _pair([task], analyze_stream(_items([task]), nlp=nlp, **kwargs), on_outcome)
        except Exception as err:  # noqa: BLE001 - reported as an error record
            outcomes.append(Outcome(origin_of(task), error=IngestError(
                _safe_id(task), origin_of(task), f"pipeline failed: {type(err).__name__}: {err}")))
    return outcomes


def error_record(outcome: Outcome, chunk: str | None = None) -> dict:
    """The errors.jsonl line of a failed task: id, where it came from, and why."""
    err = outcome.error
    rec = {"error": True, "id": err.id, "origin": err.origin or outcome.origin, "reason": err.reason}
    if chunk is not None:
        rec["chunk"] = chunk
    return rec


@dataclass
class ChunkTables:
    """Rows of every store table for a set of articles, in `TABLE_COLUMNS` order."""
    rows: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, article: dict) -> None:
        from lagebild.store.rows import article_to_rows

        for table, rows in article_to_rows(article).items():
            self.rows.setdefault(table, []).extend(rows)

    def write_parquet(self, folder: Path) -> dict[str, str]:
        """One Parquet file per table (empty tables too, so every chunk has the same files)."""
        import pyarrow.parquet as pq

        from lagebild.store.rows import TABLE_COLUMNS, rows_to_arrow

        folder.mkdir(parents=True, exist_ok=True)
        files = {}
        for table in TABLE_COLUMNS:
            path = folder / f"{table}.parquet"
            pq.write_table(rows_to_arrow(table, self.rows.get(table, [])), path, compression="zstd")
            files[table] = path.name
        return files


def peak_rss_mib() -> float:
    """Peak resident memory of this process (VmHWM), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

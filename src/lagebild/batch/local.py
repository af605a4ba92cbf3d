"""The local engine: N worker processes on one machine, coordinated by the calling process.

The coordinator reads the inputs, cuts them into chunks and gives each idle worker one chunk at a
time over its own pipe (a worker that dies can only break its own pipe). Each worker builds the
pipeline once, analyses a chunk like `lagebild analyze` does, writes the chunk's files into a
temporary folder and reports back; the coordinator alone commits chunks (see `output.py`).

A worker that dies (SIGKILL, out of memory, a crash in native code) is replaced and its chunk is
redone. A chunk that kills a worker twice is split into one-record chunks, and a record that
kills a worker twice on its own becomes an error record, so one poisonous article cannot stall
the run.
"""
from __future__ import annotations

import itertools
import json
import logging
import multiprocessing as mp
import signal
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Iterator

from lagebild.batch.job import BatchOptions, BatchSummary, Progress, ProgressCallback
from lagebild.batch.output import ARTICLES, OutputDir
from lagebild.batch.sources import Task, iter_tasks, origin_of, task_id
from lagebild.workers import single_threaded_math

log = logging.getLogger(__name__)
MAX_DEATHS_PER_CHUNK = 2
PROGRESS_EVERY = 8  # records between a worker's progress messages


@dataclass
class Chunk:
    id: str
    tasks: list[Task]
    attempt: int = 0


@dataclass
class _Worker:
    slot: int
    proc: mp.process.BaseProcess
    conn: Connection
    chunk: Chunk | None = None
    progress: int = 0
    ready: bool = False
    rss: float = 0.0


# -- the worker process ----------------------------------------------------------------------
def _worker_main(conn: Connection, formats: tuple[str, ...], max_chars: int | None) -> None:
    """Body of a worker process: build the pipeline once, then analyse chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    logging.basicConfig(level=logging.CRITICAL)  # failures go to errors.jsonl, not the terminal
    try:
        from lagebild.batch.work import ChunkTables, analyse_tasks, error_record, peak_rss_mib
        from lagebild.pipeline import load_nlp

        nlp = load_nlp()
        conn.send(("ready", list(nlp.meta.get("lagebild_notes", [])), peak_rss_mib()))
    except Exception:  # noqa: BLE001 - the coordinator stops the run with this message
        conn.send(("fatal", traceback.format_exc()))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):  # the coordinator is gone
            return
        if msg is None:
            return
        chunk_id, attempt, tasks, tmp = msg
        tmp = Path(tmp)
        counter = itertools.count(1)

        def report(_outcome) -> None:
            n = next(counter)
            if n % PROGRESS_EVERY == 0:
                conn.send(("progress", chunk_id, n))

        outcomes = analyse_tasks(tasks, nlp, max_chars=max_chars, on_outcome=report)
        tmp.mkdir(parents=True, exist_ok=True)
        files: dict[str, str] = {}
        if "parquet" in formats:
            tables = ChunkTables()
            for o in outcomes:
                if o.article is not None:
                    tables.add(o.article)
            files.update(tables.write_parquet(tmp))
        if "jsonl" in formats:
            with open(tmp / "articles.jsonl", "w", encoding="utf-8") as fh:
                for o in outcomes:
                    if o.article is not None:
                        fh.write(json.dumps(o.article, ensure_ascii=False) + "\n")
            files[ARTICLES] = "articles.jsonl"
        items = [[o.origin, (o.article or {}).get("id") if o.error is None else o.error.id, o.status]
                 for o in outcomes]
        errors = [error_record(o, chunk_id) for o in outcomes if o.error is not None]
        try:
            conn.send(("done", chunk_id, attempt, files, items, errors, peak_rss_mib()))
        except (BrokenPipeError, OSError):
            return


# -- the coordinator -------------------------------------------------------------------------
class ChunkSource:
    """Cuts the task stream into chunks of `size`; the last tasks into ever smaller chunks.

    It reads `size x (workers + 1)` tasks ahead. Once the input is exhausted, the tasks left are
    handed out in chunks of (left / 2 workers) (guided self-scheduling), so all workers finish at
    about the same time instead of one working through a full last chunk while the others idle.
    """

    def __init__(self, tasks: Iterator[Task], size: int, first: int, workers: int):
        self.tasks, self.size, self.number, self.workers = tasks, size, first, workers
        self.buffer: deque[Task] = deque()
        self.exhausted = False
        self.lookahead = size * (workers + 1)
        self.min_size = max(1, size // 8)

    def _fill(self) -> None:
        while not self.exhausted and len(self.buffer) < self.lookahead:
            task = next(self.tasks, None)
            if task is None:
                self.exhausted = True
            else:
                self.buffer.append(task)

    def next(self) -> Chunk | None:
        """The next chunk, or None when every task has been handed out."""
        self._fill()
        if not self.buffer:
            return None
        n = self.size
        if self.exhausted:
            n = min(n, max(self.min_size, -(-len(self.buffer) // (2 * self.workers))))
        tasks = [self.buffer.popleft() for _ in range(min(n, len(self.buffer)))]
        chunk = Chunk(f"{self.number:06d}", tasks)
        self.number += 1
        return chunk


def _fresh(tasks: Iterator[Task], seen: set[str]) -> Iterator[Task]:
    """Tasks not finished by an earlier run (nor met twice in this one, e.g. a file given twice)."""
    for task in tasks:
        origin = origin_of(task)
        if origin in seen:
            continue
        seen.add(origin)
        yield task


class _Interrupted(Exception):
    pass


def _raise_interrupt(signum, frame) -> None:
    raise _Interrupted(signal.Signals(signum).name)


class LocalRun:
    """One run of the local engine over an opened output folder."""

    def __init__(self, options: BatchOptions, out: OutputDir, progress: ProgressCallback | None):
        self.opts = options
        self.out = out
        self.progress_cb = progress
        self.ctx = mp.get_context("spawn")  # workers start clean: no inherited threads or locks
        self.workers: dict[int, _Worker] = {}
        self.redo: deque[Chunk] = deque()
        self.deaths: dict[str, int] = {}
        self.summary = BatchSummary(output=options.output, engine="local", workers=options.workers,
                                    earlier=len(out.committed.origins))
        self.committed_now = 0
        self.deaths_without_progress = 0
        self.start = time.perf_counter()
        self.notes_seen = False

    # workers
    def _spawn(self, slot: int) -> None:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, name=f"lagebild-batch-{slot}",
                                args=(child, tuple(self.opts.formats), self.opts.max_chars),
                                daemon=True)
        with single_threaded_math():
            proc.start()
        child.close()
        self.workers[slot] = _Worker(slot, proc, parent)

    def _stop_all(self, *, graceful: bool) -> None:
        for w in self.workers.values():
            try:
                if graceful and w.chunk is None and w.ready:
                    w.conn.send(None)  # one still loading its pipeline is simply stopped
                else:
                    w.proc.terminate()
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + 10
        for w in self.workers.values():
            w.proc.join(max(0.1, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(5)
            if w.chunk is not None:
                self.out.discard(w.chunk.id, w.chunk.attempt)
            w.conn.close()

    # messages
    def _handle(self, w: _Worker, msg: tuple) -> None:
        kind = msg[0]
        if kind == "ready":
            w.ready, w.rss = True, msg[2]
            if not self.notes_seen:
                self.summary.notes.extend(msg[1])
                self.notes_seen = True
            if all(x.ready for x in self.workers.values()) and not self.summary.startup:
                self.summary.startup = time.perf_counter() - self.start
        elif kind == "fatal":
            raise RuntimeError(f"a worker could not build the pipeline:\n{msg[1]}")
        elif kind == "progress":
            if w.chunk is not None and w.chunk.id == msg[1]:
                w.progress = msg[2]
        elif kind == "done":
            _, chunk_id, attempt, files, items, errors, rss = msg
            w.rss = max(w.rss, rss)
            # no longer in flight before the commit starts: an interrupt during the commit must
            # not discard the files of a chunk whose manifest line may already be written
            w.chunk, w.progress = None, 0
            self.out.commit(chunk_id, attempt, files, items, errors)
            for _, _, status in items:
                setattr(self.summary, _FIELD[status], getattr(self.summary, _FIELD[status]) + 1)
            self.committed_now += len(items)
            self.deaths_without_progress = 0

    def _died(self, w: _Worker) -> None:
        try:  # what it sent before it died still counts (a finished chunk may be in the pipe)
            while w.conn.poll():
                self._handle(w, w.conn.recv())
        except (EOFError, OSError, ValueError, TypeError):
            pass  # a message torn by the death: the chunk is redone below
        w.proc.join(1)
        code = w.proc.exitcode
        self.summary.peak_rss_mib.append(w.rss)
        self.summary.restarts += 1
        self.deaths_without_progress += 1
        reason = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.warning("worker %s died (%s)", w.slot, reason)
        if self.deaths_without_progress > 3 * self.opts.workers + 3:
            raise RuntimeError(f"worker processes keep dying ({reason}) without finishing any "
                               "chunk; check memory (dmesg) and that the pipeline loads")
        chunk = w.chunk
        w.conn.close()
        self._spawn(w.slot)
        if chunk is None:
            return
        self.out.discard(chunk.id, chunk.attempt)
        deaths = self.deaths[chunk.id] = self.deaths.get(chunk.id, 0) + 1
        if deaths < MAX_DEATHS_PER_CHUNK:
            self.redo.appendleft(Chunk(chunk.id, chunk.tasks, chunk.attempt + 1))
        elif len(chunk.tasks) > 1:  # find the record that kills: one record per chunk
            for i, task in enumerate(reversed(chunk.tasks)):
                self.redo.appendleft(Chunk(f"{chunk.id}-{len(chunk.tasks) - 1 - i:04d}", [task]))
        else:  # this one record kills workers: report it and go on
            from lagebild.ingest.records import IngestError

            task = chunk.tasks[0]
            error = IngestError(task_id(task), origin_of(task),
                                f"the worker process died ({reason}) on this record "
                                f"{deaths} times; not analysed")
            self.redo.appendleft(Chunk(chunk.id, [error], chunk.attempt + 1))

    def _report(self) -> None:
        if not self.progress_cb:
            return
        in_flight = sum(w.progress for w in self.workers.values() if w.chunk is not None)
        self.progress_cb(Progress(processed=self.committed_now + in_flight,
                                  errors=self.summary.errors,
                                  elapsed=time.perf_counter() - self.start))

    def run(self) -> BatchSummary:
        tasks = _fresh(iter_tasks(self.opts.inputs), self.out.committed.origins)
        source = ChunkSource(tasks, self.opts.chunk_size, self.out.committed.max_chunk + 1,
                             self.opts.workers)
        first = source.next()
        if first is None:  # nothing (left) to do: no need to start workers
            self.summary.elapsed = time.perf_counter() - self.start
            return self.summary
        self.redo.append(first)
        exhausted = False
        main_thread = threading.current_thread() is threading.main_thread()
        old_term = signal.signal(signal.SIGTERM, _raise_interrupt) if main_thread else None
        try:
            for slot in range(self.opts.workers):
                self._spawn(slot)
            while True:
                for w in self.workers.values():
                    if w.chunk is not None or not w.ready:
                        continue  # a worker still building its pipeline cannot take a chunk yet
                    chunk = self.redo.popleft() if self.redo else None
                    if chunk is None and not exhausted:
                        chunk = source.next()
                        exhausted = chunk is None
                    if chunk is None:
                        break
                    w.chunk, w.progress = chunk, 0
                    tmp = self.out.tmp_folder(chunk.id, chunk.attempt)
                    try:
                        w.conn.send((chunk.id, chunk.attempt, chunk.tasks, str(tmp)))
                    except (BrokenPipeError, OSError):
                        pass  # it died: its sentinel tells us below and the chunk is redone
                busy = [w for w in self.workers.values() if w.chunk is not None]
                if not busy and exhausted and not self.redo:
                    break
                waitables = {}
                for w in self.workers.values():
                    waitables[w.conn] = (w, False)
                    waitables[w.proc.sentinel] = (w, True)
                for ready in wait(list(waitables), timeout=0.5):
                    w, is_sentinel = waitables[ready]
                    if self.workers.get(w.slot) is not w:
                        continue  # already replaced while handling an earlier event
                    if is_sentinel:
                        self._died(w)
                        continue
                    try:
                        msg = w.conn.recv()
                    except (EOFError, OSError):
                        w.proc.join(5)
                        self._died(w)
                        continue
                    self._handle(w, msg)
                self._report()
            self._stop_all(graceful=True)
        except (KeyboardInterrupt, _Interrupted):
            self.summary.complete = False
            old_int = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
            try:  # a second Ctrl-C must not cut the clean-up short
                self._stop_all(graceful=False)
            finally:
                if main_thread:
                    signal.signal(signal.SIGINT, old_int)
        except BaseException:
            self.summary.complete = False
            self._stop_all(graceful=False)
            raise
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, old_term)
            self.summary.elapsed = time.perf_counter() - self.start
        self.summary.peak_rss_mib += [w.rss for w in self.workers.values()]
        self._report()
        return self.summary


_FIELD = {"ok": "analysed", "unanalysed": "unanalysed", "error": "errors"}


def run_local(options: BatchOptions, progress: ProgressCallback | None = None) -> BatchSummary:
    """Run a batch job with local worker processes; resumes what the output folder has."""
    out = OutputDir(options.output, options.formats).open()
    summary = None
    try:
        summary = LocalRun(options, out, progress).run()
    finally:
        out.close(complete=bool(summary and summary.complete))
    return summary


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit("use `lagebild batch` (or lagebild.batch.job.run_batch)")

"""Analyse a stream of articles in N worker processes, results in input order.

`lagebild analyze --workers N` and `lagebild ingest --workers N` use this: the parent reads the
inputs and writes the results, each worker loads the pipeline once and analyses chunks of
articles with `analyze_stream`. Results come back in input order, so the output is the same as
with one process, byte for byte. At most `2 x workers` chunks are in flight, so memory does not
grow with the size of the corpus. A worker that dies (out of memory, killed) does not end the
run: the chunks that were in flight are run again one at a time in a fresh pool, and the articles
of the chunk that kills a worker again become error records.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from multiprocessing import get_context
from typing import Iterable, Iterator

from lagebild.ingest.records import IngestError, RawArticle

CHUNK_SIZE = 16  # articles per task: one nlp.pipe batch
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")

Item = RawArticle | IngestError


@contextmanager
def single_threaded_math() -> Iterator[None]:
    """One process per core already uses every core: numeric libraries in a worker must not start
    a thread per core on top (N workers x N threads thrash). Spawned workers read this at start."""
    saved = {k: os.environ.get(k) for k in THREAD_VARS}
    for k in THREAD_VARS:
        os.environ.setdefault(k, "1")
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


_worker_nlp = None
_worker_max_chars = 0


def _start_worker(max_chars: int) -> None:
    global _worker_nlp, _worker_max_chars
    from lagebild.pipeline import load_nlp

    _worker_nlp = load_nlp()
    _worker_max_chars = max_chars


def _analyse_chunk(items: list[Item]) -> list:
    from lagebild.analysis import analyze_stream

    return list(analyze_stream(items, nlp=_worker_nlp, batch_size=len(items) or 1,
                               max_chars=_worker_max_chars))


def _died(items: list[Item]) -> list[IngestError]:
    return [item if isinstance(item, IngestError) else
            IngestError(item.id, item.origin or item.id,
                        "the worker process analysing this article died (out of memory or killed)")
            for item in items]


class _Pool:
    """A spawn-started process pool that can be replaced when one of its workers dies."""

    def __init__(self, workers: int, max_chars: int):
        self.workers, self.max_chars = workers, max_chars
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.max_chars,))

    def submit(self, chunk: list[Item]) -> Future:
        with single_threaded_math():  # workers are spawned on demand, during a submit
            return self.executor.submit(_analyse_chunk, chunk)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _finished(future: Future) -> list | None:
    """The result of a future that completed before the pool broke, else None."""
    if future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return None


def _one_at_a_time(pool: _Pool, window: list[tuple[list[Item], Future]]) -> Iterator:
    """After a worker died: the chunks that were in flight, each alone in the pool, so the one that
    kills a worker again is known; only its articles become error records."""
    for chunk, future in window:
        results = _finished(future)
        if results is None:
            try:
                results = pool.submit(chunk).result()
            except BrokenProcessPool:
                pool.renew()
                results = _died(chunk)
        yield from results


def analyze_in_workers(items: Iterable[Item], *, workers: int, max_chars: int,
                       chunk_size: int | None = None) -> Iterator:
    """Analysed articles and error records of `items`, in input order, from `workers` processes."""
    pool = _Pool(workers, max_chars)
    chunks = _chunks(items, chunk_size or CHUNK_SIZE)
    pending: deque[tuple[list[Item], Future]] = deque()
    try:
        while True:
            while len(pending) < 2 * workers and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                window = [(chunk, future), *pending]
                pending.clear()
                pool.renew()
                yield from _one_at_a_time(pool, window)
                continue
            yield from results
    finally:
        pool.close()

"""Fault injection for the batch crash tests, loaded from outside the package.

A process started with this folder first on PYTHONPATH imports this module at start-up (Python's
`sitecustomize` hook); the batch workers are spawned interpreters, so each of them loads it too.
It wraps `lagebild.batch.sources.resolve` (before `lagebild.batch.work` binds it) when one of the
environment variables below is set:

- LAGEBILD_BATCH_TEST_SLOW: seconds a worker sleeps per record, so a test can stop a run half-way;
- LAGEBILD_BATCH_TEST_KILL_ON: a worker SIGKILLs itself on the record with this id, once per
  marker file (LAGEBILD_BATCH_TEST_KILL_MARK, created atomically, so exactly once across all
  workers and re-runs), LAGEBILD_BATCH_TEST_KILL_TIMES times in all (default 1).
"""
from __future__ import annotations

import os
import signal
import time

SLOW_ENV = "LAGEBILD_BATCH_TEST_SLOW"
KILL_ON_ENV = "LAGEBILD_BATCH_TEST_KILL_ON"
KILL_MARK_ENV = "LAGEBILD_BATCH_TEST_KILL_MARK"
KILL_TIMES_ENV = "LAGEBILD_BATCH_TEST_KILL_TIMES"


def _kill_once(item_id: str | None) -> None:
    target = os.environ.get(KILL_ON_ENV)
    if not target or item_id != target:
        return
    mark = os.environ.get(KILL_MARK_ENV) or f"/tmp/lagebild-batch-kill-{target}"
    for n in range(1, int(os.environ.get(KILL_TIMES_ENV, "1")) + 1):
        try:  # the n-th kill happens once: whoever creates its marker file first
            os.close(os.open(mark if n == 1 else f"{mark}.{n}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        os.kill(os.getpid(), signal.SIGKILL)


def _install() -> None:
    from lagebild.batch import sources

    real = sources.resolve

    def resolve_with_faults(task):
        item = real(task)
        if os.environ.get(SLOW_ENV):
            time.sleep(float(os.environ[SLOW_ENV]))
        _kill_once(getattr(item, "id", None) if hasattr(item, "text") else None)
        return item

    sources.resolve = resolve_with_faults


if os.environ.get(SLOW_ENV) or os.environ.get(KILL_ON_ENV):
    _install()

"""Serving a DuckDB store while `ingest` writes to it: `serve` answers from a private copy.

DuckDB lets one process write a file, and no other process read it meanwhile. So `serve`
never keeps the store file open: it copies it (while holding a read-only connection, which
keeps writers out for the moment of the copy) to `<store>.serve-<pid>` and serves the copy.
A background thread looks at the store every `refresh` seconds; when the file changed and no
writer holds it, it takes a fresh copy and switches to it. While an `ingest` runs, `serve` keeps
answering from the last copy; a new `ingest` started during a copy retries its lock for a
few seconds (`lagebild.store.db.open_database`). Teams that load and browse at once all day
use PostgreSQL instead (docs/store.md).
"""
from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Callable, Optional

from lagebild.store.db import (Database, StoreDamagedError, StoreError, StoreLockedError, damaged_store_error,
                               open_database)

log = logging.getLogger(__name__)


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    wal = path.with_name(path.name + ".wal")
    return (st.st_mtime_ns + (wal.stat().st_mtime_ns if wal.exists() else 0), st.st_size)


class Snapshots:
    """Private read-only copies of one DuckDB store file, refreshed when the store changes."""

    def __init__(self, store: Path, *, refresh: float = 30.0, wait: float = 0.0,
                 on_wait: Optional[Callable[[StoreLockedError], None]] = None) -> None:
        self.store = Path(store)
        self.refresh = refresh
        self._generation = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.current: Database = self._take(wait, on_wait)

    def _copy_path(self) -> Path:
        self._generation += 1
        return self.store.with_name(f"{self.store.name}.serve-{os.getpid()}-{self._generation}")

    def _open_source(self, wait: float, on_wait: Optional[Callable[[StoreLockedError], None]]) -> Database:
        """The store opened read-only; a lock held by a writer is retried for `wait` seconds,
        and `on_wait(err)` hears of the first refusal at once."""
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                return open_database(str(self.store), read_only=True, migrate=False)
            except StoreLockedError as err:
                if time.monotonic() >= deadline:
                    raise
                if on_wait is not None and not told:
                    on_wait(err)
                    told = True
                time.sleep(1.0)

    def _take(self, wait: float = 0.0, on_wait: Optional[Callable[[StoreLockedError], None]] = None) -> Database:
        """A read-only Database over a fresh copy of the store; waits up to `wait` s for a writer."""
        source = self._open_source(wait, on_wait)
        copy = self._copy_path()
        try:
            source.require_current()
            self._signature = _signature(self.store)
            shutil.copyfile(self.store, copy)
        finally:
            source.close()
        try:
            db = open_database(str(copy), read_only=True, migrate=False)
        except StoreDamagedError as err:
            copy.unlink(missing_ok=True)
            raise damaged_store_error(str(self.store), err.__cause__ or err, opened=str(copy)) from err
        db.origin = str(self.store)
        return db

    def start(self, on_new: Callable[[Database], None]) -> None:
        """Refresh in a daemon thread; `on_new(db)` receives each new copy."""
        def loop() -> None:
            while not self._stop.wait(self.refresh):
                self.refresh_once(on_new)

        self._thread = threading.Thread(target=loop, name="lagebild-snapshots", daemon=True)
        self._thread.start()

    def refresh_once(self, on_new: Callable[[Database], None]) -> bool:
        """Take a new copy if the store changed and no writer holds it; True when switched."""
        if _signature(self.store) == self._signature:
            return False
        try:
            fresh = self._take()
        except StoreLockedError as err:   # a writer holds the store: keep serving the last copy
            log.info("store busy, serving the last copy: %s", err)
            return False
        except StoreError as err:         # damaged or not migrated: keep serving the last copy
            log.warning("serving the last copy of %s: %s", self.store, err)
            return False
        old, self.current = self.current, fresh
        on_new(fresh)
        threading.Timer(60.0, _close_and_remove, args=(old,)).start()   # let running requests end
        return True

    def close(self) -> None:
        self._stop.set()
        _close_and_remove(self.current)
        for leftover in self.store.parent.glob(f"{self.store.name}.serve-{os.getpid()}-*"):
            leftover.unlink(missing_ok=True)


def _close_and_remove(db: Database) -> None:
    try:
        db.close()
    finally:
        Path(db.target).unlink(missing_ok=True)
        Path(db.target + ".wal").unlink(missing_ok=True)

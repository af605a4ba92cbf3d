"""The output folder of a batch run, and the manifest that makes runs resumable and exactly-once.

Layout (a reader streams it table by table, file by file)::

    DIR/<table>/part-<chunk>.parquet   one file per store table per chunk, `TABLE_COLUMNS` columns
    DIR/articles/part-<chunk>.jsonl    full `lagebild/1` articles (with --format jsonl)
    DIR/errors.jsonl                   one line per record that could not be analysed
    DIR/_manifest.jsonl                the finished chunks and, per chunk, its records' origins
    DIR/_SUCCESS                       written when a run has finished all of its inputs

Only one process, the run's coordinator, writes the manifest, `errors.jsonl` and the final file
names; workers write into `DIR/_tmp/<chunk>.<attempt>/`. A chunk is committed in three steps:
(1) its errors are appended to `errors.jsonl`, (2) its manifest line is appended and fsynced —
the commit point — and (3) its files are renamed to their final names. Whatever a crash leaves
behind is put right when the next run opens the folder: committed chunks whose renames did not
happen are rolled forward, everything else of an uncommitted chunk (temporary files, error lines,
a torn last manifest line) is removed. So a record is in the output exactly once, and a re-run
of the same command only does what is missing.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "_manifest.jsonl"
MANIFEST_FORMAT = "lagebild-batch/1"
ERRORS = "errors.jsonl"
TMP = "_tmp"
LOCK = "_lock"
SUCCESS = "_SUCCESS"
ARTICLES = "articles"


class OutputError(Exception):
    """The output folder cannot be used for this run (locked, or written with other options)."""


def final_name(kind: str, chunk: str) -> str:
    """Where a chunk's file ends up, relative to the output folder."""
    if kind == ARTICLES:
        return f"{ARTICLES}/part-{chunk}.jsonl"
    return f"{kind}/part-{chunk}.parquet"


@dataclass
class Committed:
    """What the manifest says earlier runs finished."""
    origins: set[str] = field(default_factory=set)
    chunks: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=lambda: {"ok": 0, "unanalysed": 0, "error": 0})
    max_chunk: int = -1


class OutputDir:
    """Opens (and repairs) an output folder, hands out chunk numbers, commits finished chunks."""

    def __init__(self, root: Path, formats: tuple[str, ...]):
        self.root = Path(root)
        self.formats = tuple(sorted(formats))
        self.committed = Committed()
        self._lock_fh = None
        self._manifest_fh = None
        self._errors_fh = None

    # -- opening and repair ------------------------------------------------------------------
    def open(self) -> "OutputDir":
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock_fh = open(self.root / LOCK, "a+", encoding="utf-8")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock_fh.seek(0)
            pid = self._lock_fh.read().strip() or "?"
            self._lock_fh.close()
            raise OutputError(f"another batch run (pid {pid}) is writing to {self.root}; wait for "
                              "it to finish or choose another --output") from None
        self._lock_fh.truncate(0)
        self._lock_fh.write(str(os.getpid()))
        self._lock_fh.flush()
        entries = self._read_manifest()
        self._repair(entries)
        (self.root / SUCCESS).unlink(missing_ok=True)
        self._manifest_fh = open(self.root / MANIFEST, "a", encoding="utf-8")
        if not entries:
            self._append(self._manifest_fh, {"manifest": MANIFEST_FORMAT, "formats": list(self.formats)})
        self._errors_fh = open(self.root / ERRORS, "a", encoding="utf-8")
        return self

    def _read_manifest(self) -> list[dict]:
        path = self.root / MANIFEST
        if not path.exists():
            return []
        entries, good_bytes = [], 0
        with open(path, "rb") as fh:
            for line in fh:
                try:
                    entries.append(json.loads(line))
                except ValueError:  # a line torn by a crash: it was never committed
                    break
                if not line.endswith(b"\n"):
                    entries.pop()
                    break
                good_bytes += len(line)
        if good_bytes != path.stat().st_size:
            with open(path, "r+b") as fh:
                fh.truncate(good_bytes)
        if entries and entries[0].get("manifest") != MANIFEST_FORMAT:
            raise OutputError(f"{path} is not a lagebild batch manifest; choose another --output")
        if entries and tuple(sorted(entries[0].get("formats", []))) != self.formats:
            raise OutputError(
                f"{self.root} holds a run with --format {' --format '.join(entries[0]['formats'])}; "
                "resume it with the same options, or choose another --output")
        return entries

    def _repair(self, entries: list[dict]) -> None:
        c = self.committed
        for entry in entries[1:]:
            chunk = entry["chunk"]
            c.chunks.add(chunk)
            c.max_chunk = max(c.max_chunk, int(chunk.split("-")[0]))
            for origin, _id, status in entry["items"]:
                c.origins.add(origin)
                c.counts[status] = c.counts.get(status, 0) + 1
            tmp = self.root / TMP / entry["tmp"]
            if tmp.exists():  # committed, but the renames did not all happen: roll forward
                self._publish(chunk, tmp, entry["files"])
        shutil.rmtree(self.root / TMP, ignore_errors=True)  # all that is left is uncommitted
        self._drop_uncommitted_errors(c.chunks)
        for part in self.root.glob("*/part-*"):
            chunk = part.name.removeprefix("part-").split(".")[0]
            if chunk not in c.chunks:
                part.unlink()

    def _drop_uncommitted_errors(self, chunks: set[str]) -> None:
        path = self.root / ERRORS
        if not path.exists():
            return
        keep, dropped = [], False
        with open(path, "rb") as fh:
            for line in fh:
                try:
                    ok = line.endswith(b"\n") and json.loads(line).get("chunk") in chunks
                except ValueError:
                    ok = False
                if ok:
                    keep.append(line)
                else:
                    dropped = True
        if dropped:
            tmp = path.with_suffix(".jsonl.tmp")
            tmp.write_bytes(b"".join(keep))
            os.replace(tmp, path)

    # -- a run's chunks ----------------------------------------------------------------------
    def tmp_folder(self, chunk: str, attempt: int) -> Path:
        return self.root / TMP / f"{chunk}.{attempt}"

    def commit(self, chunk: str, attempt: int, files: dict[str, str], items: list[list],
               errors: list[dict]) -> None:
        """Make a finished chunk part of the output (see the module docstring for the steps)."""
        for err in errors:
            self._errors_fh.write(json.dumps(err, ensure_ascii=False) + "\n")
        if errors:
            self._errors_fh.flush()
            os.fsync(self._errors_fh.fileno())
        tmp = self.tmp_folder(chunk, attempt)
        # from here on the chunk may be committed (the line can reach the file even if this
        # write is interrupted), so its files are never discarded, only published or repaired
        self.committed.chunks.add(chunk)
        self._append(self._manifest_fh, {"chunk": chunk, "tmp": tmp.name, "files": files,
                                         "items": items})
        self._publish(chunk, tmp, files)

    def _publish(self, chunk: str, tmp: Path, files: dict[str, str]) -> None:
        for kind, name in files.items():
            src = tmp / name
            if src.exists():
                dest = self.root / final_name(kind, chunk)
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dest)
        shutil.rmtree(tmp, ignore_errors=True)

    def discard(self, chunk: str, attempt: int) -> None:
        """Remove an unfinished attempt's files; never those of a chunk being committed."""
        if chunk in self.committed.chunks:
            return
        shutil.rmtree(self.tmp_folder(chunk, attempt), ignore_errors=True)

    @staticmethod
    def _append(fh, record: dict) -> None:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())

    def close(self, *, complete: bool) -> None:
        for fh in (self._manifest_fh, self._errors_fh):
            if fh:
                fh.close()
        if complete:
            (self.root / SUCCESS).write_text("", encoding="utf-8")
        if (self.root / TMP).exists() and not any((self.root / TMP).iterdir()):
            (self.root / TMP).rmdir()
        if self._lock_fh:
            self._lock_fh.close()  # releases the lock
            self._lock_fh = None

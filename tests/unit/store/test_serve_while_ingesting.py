"""`serve` answers from a private copy of a DuckDB store, so `ingest` can write the store
meanwhile; the copy follows the store once the writer is done."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api.app import create_app
from lagebild.store import sample
from lagebild.store.db import open_database
from lagebild.store.ingest import ingest_articles
from lagebild.store.snapshot import Snapshots

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def articles():
    return [sample.example_article(REPO / "examples" / "nato-russland-2009.txt",
                                   REPO / "examples" / "nato-russland-2009.gold.json"), *sample.follow_up_articles()]


def _store(path: Path, articles: list[dict]) -> None:
    db = open_database(str(path))
    ingest_articles(db, articles)
    db.close()


def test_ingest_writes_while_serving_and_the_copy_follows(tmp_path, articles):
    store = tmp_path / "s.duckdb"
    _store(store, articles[:1])
    snaps = Snapshots(store, refresh=3600)
    app = create_app(snaps.current)
    try:
        client = TestClient(app)
        assert client.get("/api/documents").json()["total"] == 1
        _store(store, articles)                       # the writer gets the file: serve holds no lock
        assert client.get("/api/documents").json()["total"] == 1   # still the old copy
        assert snaps.refresh_once(lambda db: setattr(app.state.provider, "root", db))
        assert client.get("/api/documents").json()["total"] == len(articles)
        assert not snaps.refresh_once(lambda db: None)  # unchanged: no new copy
    finally:
        snaps.close()
    assert not list(tmp_path.glob("s.duckdb.serve-*"))


def test_a_busy_store_keeps_the_last_copy_answering(tmp_path, articles):
    store = tmp_path / "s.duckdb"
    _store(store, articles[:1])
    snaps = Snapshots(store, refresh=3600)
    app = create_app(snaps.current)
    holder = None
    try:
        _store(store, articles)
        holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                                   "print('held', flush=True); time.sleep(30)", str(store)],
                                  stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "held"
        assert not snaps.refresh_once(lambda db: setattr(app.state.provider, "root", db))
        assert TestClient(app).get("/api/documents").json()["total"] == 1
    finally:
        if holder is not None:
            holder.kill()
            holder.wait()
        snaps.close()


def _hold(store: Path) -> subprocess.Popen:
    """A process that holds the DuckDB store's write lock, as a running ingest does, until it
    reads a line on stdin or is killed."""
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); sys.stdin.readline(); c.close()", str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_serve_on_a_locked_store_says_at_once_that_it_waits_then_what_to_do(tmp_path, articles, monkeypatch):
    from typer.testing import CliRunner

    from lagebild import cli_store
    from lagebild.cli import app as cli

    store = tmp_path / "s.duckdb"
    _store(store, articles[:1])
    monkeypatch.setattr(cli_store, "SERVE_LOCK_WAIT", 1.0)
    holder = _hold(store)
    try:
        result = CliRunner().invoke(cli, ["serve", "--db", str(store)])
    finally:
        holder.kill()
        holder.wait()
    out = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert "waiting: the store" in out and "is locked by another process" in out
    assert out.index("waiting:") < out.index("error: cannot open")
    assert "start `lagebild serve` before the ingest" in out and "Traceback" not in out
    assert not list(tmp_path.glob("s.duckdb.serve-*"))


def test_serve_waiting_for_a_lock_starts_once_the_writer_is_done(tmp_path, articles):
    from lagebild.store.db import StoreLockedError

    store = tmp_path / "s.duckdb"
    _store(store, articles)
    heard: list[StoreLockedError] = []
    holder = _hold(store)

    def release(err: StoreLockedError) -> None:   # the writer finishes once serve said it waits
        heard.append(err)
        holder.stdin.write("done\n")
        holder.stdin.flush()

    try:
        snaps = Snapshots(store, refresh=3600, wait=120.0, on_wait=release)
    finally:
        if not heard:
            holder.kill()
        holder.wait()
    try:
        assert len(heard) == 1 and "another process holds it" in str(heard[0])
        assert TestClient(create_app(snaps.current)).get("/api/documents").json()["total"] == len(articles)
    finally:
        snaps.close()

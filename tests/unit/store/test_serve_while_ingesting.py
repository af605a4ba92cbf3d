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

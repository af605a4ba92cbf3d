"""ResponseCache: a read-only store's answers are replayed byte for byte; a store that can
change is never cached."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from lagebild.api.app import create_app
from lagebild.store import queries, sample
from lagebild.store.db import open_database
from lagebild.store.ingest import ingest_articles

URLS = ["/", "/?offset=25", "/articles/nato-russland-2009", "/entities/per-anders-fogh-rasmussen",
        "/quotes?speaker=Rasmussen", "/api/documents", "/api/documents/markup-2010",
        "/api/entities?type=PER", "/api/entities/per-anders-fogh-rasmussen", "/api/quotes?q=Bündnis",
        "/api/stats/quotes-per-month", "/api/stats/overview", "/api/documents/gibt-es-nicht"]


@pytest.fixture
def store_file(tmp_path, corpus):
    path = tmp_path / "s.duckdb"
    db = open_database(str(path))
    ingest_articles(db, corpus)
    db.close()
    return path


def _answer(client: TestClient, url: str) -> tuple[int, list[tuple[str, str]], bytes]:
    r = client.get(url)
    return r.status_code, sorted(r.headers.items()), r.content


def test_replayed_answers_are_the_same_bytes(store_file):
    twin = store_file.with_name("twin.duckdb")
    shutil.copyfile(store_file, twin)   # one process cannot open one file read-only and writable
    cached = TestClient(create_app(str(store_file)))          # read-only: cached
    first = [_answer(cached, u) for u in URLS]
    second = [_answer(cached, u) for u in URLS]
    assert first == second
    db = open_database(str(twin), migrate=False)              # writable: never cached
    try:
        plain = TestClient(create_app(db))
        assert [_answer(plain, u) for u in URLS] == first
    finally:
        db.close()


def test_a_read_only_store_answers_a_repeated_url_without_querying(store_file, monkeypatch):
    client = TestClient(create_app(str(store_file)))
    assert client.get("/api/documents").status_code == 200

    def fail(*args, **kwargs):
        raise AssertionError("queried again")

    monkeypatch.setattr(queries, "list_documents", fail)
    assert client.get("/api/documents").status_code == 200
    with pytest.raises(AssertionError, match="queried again"):   # another URL is a new query
        client.get("/api/documents?limit=3")


def test_a_writable_store_is_never_cached(store_file):
    db = open_database(str(store_file), migrate=False)
    try:
        client = TestClient(create_app(db))
        before = client.get("/api/documents").json()["total"]
        extra = sample.make_article("neu-2011", "Wien. „Alles neu“, sagte Merkel.", date="2011-01-01",
                                    entities=[{"id": "e1", "name": "Merkel", "type": "PER"}])
        ingest_articles(db, [extra])
        assert client.get("/api/documents").json()["total"] == before + 1
    finally:
        db.close()

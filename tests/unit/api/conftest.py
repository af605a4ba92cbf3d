"""API fixtures: a store filled with the hand-made corpus (never model output), on DuckDB and,
when LAGEBILD_TEST_PG is set, PostgreSQL; and a TestClient over the ASGI app."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lagebild.api.app import create_app
from lagebild.store import sample
from lagebild.store.ingest import ingest_articles
from store_engines import ENGINES, postgres_url, skip_reason, temporary_store

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    example = sample.example_article(REPO / "examples" / "nato-russland-2009.txt",
                                     REPO / "examples" / "nato-russland-2009.gold.json")
    return [example, *sample.follow_up_articles()]


@pytest.fixture(params=ENGINES)
def filled_store(request, tmp_path, corpus):
    if request.param == "postgres" and not postgres_url():
        pytest.skip(skip_reason())
    with temporary_store(request.param, tmp_path) as db:
        ingest_articles(db, corpus)
        yield db


@pytest.fixture
def client(filled_store):
    with TestClient(create_app(filled_store)) as c:
        yield c

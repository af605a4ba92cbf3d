"""Store fixtures: every `store` test runs against DuckDB and (when LAGEBILD_TEST_PG is set)
PostgreSQL, on a fresh empty store each time."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.store import sample
from store_engines import ENGINES, postgres_url, skip_reason, temporary_store

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(params=ENGINES)
def store(request, tmp_path):
    if request.param == "postgres":
        if not postgres_url():
            pytest.skip(skip_reason())
        request.applymarker(pytest.mark.postgres)
    with temporary_store(request.param, tmp_path) as db:
        yield db


@pytest.fixture(scope="session")
def example_article() -> dict:
    return sample.example_article(REPO / "examples" / "nato-russland-2009.txt",
                                  REPO / "examples" / "nato-russland-2009.gold.json")


@pytest.fixture(scope="session")
def corpus(example_article) -> list[dict]:
    return [example_article, *sample.follow_up_articles()]

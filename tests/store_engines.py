"""Test stores: the same store and API tests run against DuckDB and PostgreSQL.

PostgreSQL comes from the environment variable `LAGEBILD_TEST_PG` (a postgresql:// URL; CI sets
it from scripts/ci/setup_postgres.sh). Each test gets its own PostgreSQL schema, dropped
afterwards, so tests never see each other's rows and can run against a shared server.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import quote

from lagebild.store.db import Database, open_database

PG_ENV = "LAGEBILD_TEST_PG"
ENGINES = ("duckdb", "postgres")


def postgres_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def skip_reason() -> str:
    return (f"PostgreSQL store tests need {PG_ENV}=postgresql://... "
            f"(start one with: export {PG_ENV}=$(sudo bash scripts/ci/setup_postgres.sh))")


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A fresh schema on the server at `url`; yields a URL whose search_path is that schema."""
    import psycopg

    name = f"lagebild_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@contextmanager
def temporary_store(engine: str, tmp_path) -> Iterator[Database]:
    """A new, migrated, empty store of `engine` ("duckdb" or "postgres")."""
    if engine == "duckdb":
        db = open_database(str(tmp_path / "store.duckdb"))
        try:
            yield db
        finally:
            db.close()
        return
    url = postgres_url()
    if not url:
        raise RuntimeError(skip_reason())
    with postgres_schema(url) as scoped:
        db = open_database(scoped)
        try:
            yield db
        finally:
            db.close()

"""Corpus store: analysed articles in DuckDB (default) or PostgreSQL, with corpus identities.

`rows` flattens articles into tables (single source of truth for columns), `db` wraps the two
engines and migrations, `writer` is the one writer, `ingest` and `export` move data in and out,
`queries` is the read side used by the API and web pages. See docs/store.md.
"""
from lagebild.store.db import DEFAULT_DB, Database, StoreError, open_database
from lagebild.store.rows import TABLE_COLUMNS, article_to_rows

__all__ = ["DEFAULT_DB", "Database", "StoreError", "TABLE_COLUMNS", "article_to_rows", "open_database"]

"""rows.py is the single source of truth for the store's columns: rows, migrations and Parquet
must agree with TABLE_COLUMNS."""
from __future__ import annotations

import pytest

from lagebild.store.rows import TABLE_COLUMNS, article_to_rows, arrow_schema, content_hash, rows_to_arrow, rows_to_article

SQL_FAMILY = {"TEXT": {"text", "varchar", "character varying"}, "INTEGER": {"integer", "int4", "int"},
              "BIGINT": {"bigint", "int8"}, "DOUBLE": {"double", "double precision", "float8"},
              "BOOLEAN": {"boolean", "bool"}}


def test_every_row_has_exactly_the_table_columns(example_article):
    rows = article_to_rows(example_article)
    assert set(rows) == set(TABLE_COLUMNS)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert list(row) == [c for c, _ in TABLE_COLUMNS[table]], table


def test_offsets_index_the_text(example_article):
    rows = article_to_rows(example_article)
    text = rows["documents"][0]["text"]
    for table in ("mentions", "quote_parts"):
        for row in rows[table]:
            assert text[row["start_char"]:row["end_char"]] == row["text"]
    for q in rows["quotes"]:
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]


def test_counts_and_keys(example_article):
    rows = article_to_rows(example_article)
    assert len(rows["documents"]) == 1
    assert rows["documents"][0]["content_hash"] == content_hash(example_article["text"])
    assert len(rows["entities"]) == len(example_article["entities"])
    assert len(rows["quotes"]) == len(example_article["quotes"])
    assert len(rows["times"]) == 8 and len(rows["amounts"]) == 3
    assert rows_to_article(rows["documents"][0]) == example_article


def test_missing_optional_parts_become_nulls():
    rows = article_to_rows({"id": "x", "text": "Hallo.", "meta": {}, "quotes": [
        {"id": "q1", "type": "direct", "parts": [], "speaker": {"entity": None, "mention": None}, "cue": []}],
        "amounts": [{"start": 0, "end": 1, "text": "H", "value": "n/a"}]})
    assert rows["quotes"][0]["start_char"] is None and rows["quotes"][0]["speaker_text"] is None
    assert rows["amounts"][0]["value"] is None
    assert rows["documents"][0]["analysed"] is False


@pytest.mark.parametrize("table", list(TABLE_COLUMNS))
def test_arrow_tables_have_the_declared_schema(example_article, table):
    tbl = rows_to_arrow(table, article_to_rows(example_article)[table])
    assert tbl.schema == arrow_schema(table)


def test_migrated_schema_matches_table_columns(store):
    for table, columns in TABLE_COLUMNS.items():
        got = store.query("SELECT column_name, data_type FROM information_schema.columns "
                          "WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position", [table])
        assert [r["column_name"] for r in got] == [c for c, _ in columns], table
        for r, (_, sql_type) in zip(got, columns):
            assert r["data_type"].lower() in SQL_FAMILY[sql_type], (table, r)

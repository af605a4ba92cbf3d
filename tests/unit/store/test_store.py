"""Store behaviour on DuckDB and PostgreSQL: idempotent, transactional ingest; export and
reload; migrations; parameterised search."""
from __future__ import annotations

import copy

import pytest

from lagebild.store import queries
from lagebild.store.db import migrations, parse_url
from lagebild.store.export import export_tables
from lagebild.store.ingest import count_rows, ingest_articles, load_parquet_dir
from lagebild.store.writer import StoreWriter


def test_migrations_are_recorded_and_run_once(store):
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    assert store.schema_version() == versions[-1]
    assert store.migrate() == []
    assert int(store.scalar("SELECT count(*) FROM schema_migrations")) == len(versions)


def test_ingest_is_idempotent(store, corpus):
    first = ingest_articles(store, corpus)
    counts = count_rows(store)
    again = ingest_articles(store, corpus)
    assert first.new == len(corpus) and again.new == 0 and again.unchanged == len(corpus)
    assert count_rows(store) == counts
    assert counts["documents"] == len(corpus)
    assert counts["quotes"] == sum(len(a["quotes"]) for a in corpus)


def test_rerun_adds_only_what_is_new(store, corpus):
    ingest_articles(store, corpus[:2])
    result = ingest_articles(store, corpus)
    assert (result.new, result.unchanged) == (len(corpus) - 2, 2)


def test_changed_text_replaces_the_document(store, corpus):
    ingest_articles(store, corpus)
    changed = copy.deepcopy(corpus[1])
    changed["text"] += " Nachtrag."
    changed["quotes"] = []
    result = ingest_articles(store, [changed])
    assert result.replaced == 1
    assert store.scalar("SELECT count(*) FROM quotes WHERE doc_id = ?", [changed["id"]]) == 0
    assert queries.get_document(store, changed["id"])["text"].endswith("Nachtrag.")
    assert count_rows(store)["documents"] == len(corpus)


def test_same_text_under_another_id_is_a_duplicate(store, corpus):
    ingest_articles(store, corpus[:1])
    twin = copy.deepcopy(corpus[0])
    twin["id"] = "kopie"
    result = ingest_articles(store, [twin])
    assert result.duplicate == 1 and count_rows(store)["documents"] == 1


def test_a_failing_batch_leaves_nothing_behind_and_a_rerun_completes(store, corpus, monkeypatch):
    writer = StoreWriter(store)
    original = store.insert_rows

    def broken(table, columns, rows):
        if table == "quotes":
            raise KeyboardInterrupt  # as if Ctrl-C arrived in the middle of the batch
        return original(table, columns, rows)

    monkeypatch.setattr(store, "insert_rows", broken)
    with pytest.raises(KeyboardInterrupt):
        writer.write_articles(corpus)
    monkeypatch.setattr(store, "insert_rows", original)
    assert count_rows(store)["documents"] == 0 and count_rows(store)["identities"] == 0
    result = writer.write_articles(corpus)
    assert result.new == len(corpus)
    assert count_rows(store)["quotes"] == sum(len(a["quotes"]) for a in corpus)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(store, corpus, tmp_path, fmt):
    ingest_articles(store, corpus)
    counts = export_tables(store, tmp_path / "out", fmt)
    assert counts["documents"] == len(corpus)
    for table in counts:
        assert (tmp_path / "out" / f"{table}.{fmt}").exists()


def test_parquet_export_loads_back_without_analysis(store, corpus, tmp_path):
    ingest_articles(store, corpus)
    export_tables(store, tmp_path / "batch", "parquet")
    from lagebild.store.db import open_database

    copy_db = open_database(str(tmp_path / "copy.duckdb"))
    try:
        summary = load_parquet_dir(copy_db, tmp_path / "batch", batch_size=2)
        assert summary.written.new == len(corpus)
        assert count_rows(copy_db) == count_rows(store)
        assert queries.get_document(copy_db, corpus[0]["id"]) == corpus[0]
        again = load_parquet_dir(copy_db, tmp_path / "batch")
        assert again.written.new == 0 and again.written.unchanged == len(corpus)
    finally:
        copy_db.close()


def test_parquet_folder_of_part_files_loads(store, corpus, tmp_path):
    """The batch job may write each table as a folder of part files (Spark style)."""
    import pyarrow.parquet as pq

    from lagebild.store.rows import TABLE_COLUMNS, article_to_rows, rows_to_arrow

    for i, article in enumerate(corpus):
        rows = article_to_rows(article)
        for table in TABLE_COLUMNS:
            (tmp_path / "batch" / table).mkdir(parents=True, exist_ok=True)
            pq.write_table(rows_to_arrow(table, rows[table]), tmp_path / "batch" / table / f"part-{i:05d}.parquet")
    summary = load_parquet_dir(store, tmp_path / "batch")
    assert summary.written.new == len(corpus)
    assert count_rows(store)["quotes"] == sum(len(a["quotes"]) for a in corpus)


def test_load_rejects_a_folder_without_documents(store, tmp_path):
    with pytest.raises(FileNotFoundError, match="documents.parquet"):
        load_parquet_dir(store, tmp_path)


@pytest.mark.parametrize("needle", ["'; DROP TABLE documents; --", "100%", "_", "\\", "?", "%s"])
def test_search_values_are_parameters_not_sql(store, corpus, needle):
    ingest_articles(store, corpus)
    assert queries.search_quotes(store, q=needle)["total"] == 0
    assert queries.list_documents(store, q=needle)["total"] == 0
    assert count_rows(store)["documents"] == len(corpus)


def test_quote_search_filters(store, corpus):
    ingest_articles(store, corpus)
    assert queries.search_quotes(store, q="Entschlossenheit")["total"] == 1
    by_speaker = queries.search_quotes(store, speaker="rasmussen")
    assert by_speaker["total"] == sum(1 for a in corpus for q in a["quotes"]
                                     if any(e["id"] == q["speaker"]["entity"] and "Rasmussen" in e["name"] for e in a["entities"]))
    assert queries.search_quotes(store, date_from="2010-01-01", date_to="2010-01-31")["total"] == 1
    assert queries.search_quotes(store, type="direct", limit=2)["items"].__len__() == 2
    months = {m["month"]: m["n"] for m in queries.quotes_per_month(store)}
    assert months["2009-12"] == len(corpus[0]["quotes"]) and months["2010-02"] == 2


def test_pagination(store, corpus):
    ingest_articles(store, corpus)
    page1 = queries.search_quotes(store, limit=5, offset=0)
    page2 = queries.search_quotes(store, limit=5, offset=5)
    assert page1["total"] == page2["total"] and len(page1["items"]) == 5
    assert not {(q["doc_id"], q["id"]) for q in page1["items"]} & {(q["doc_id"], q["id"]) for q in page2["items"]}


@pytest.mark.parametrize("url, expected", [
    (None, ("duckdb", "lagebild.duckdb")), ("x.duckdb", ("duckdb", "x.duckdb")),
    ("duckdb:///rel.duckdb", ("duckdb", "rel.duckdb")), ("duckdb:////abs/x.duckdb", ("duckdb", "/abs/x.duckdb")),
    ("postgresql://u@h/db", ("postgres", "postgresql://u@h/db")),
])
def test_parse_url(url, expected):
    assert parse_url(url) == expected


def test_unknown_url_scheme_is_a_clear_error():
    from lagebild.store.db import StoreError

    with pytest.raises(StoreError, match="postgresql://"):
        parse_url("mysql://x")


CRASHING_INGEST = """
import json, sys, time
from lagebild.store.db import open_database
from lagebild.store.ingest import ingest_articles
from lagebild.store.writer import StoreWriter
original = StoreWriter.write_rows
def slow(self, batch):
    result = original(self, batch)
    print("committed", flush=True)
    time.sleep(30)  # killed here, after the first batch
    return result
StoreWriter.write_rows = slow
db = open_database(sys.argv[1])
ingest_articles(db, json.load(open(sys.argv[2])), batch_size=2)
"""


def test_killed_ingest_keeps_committed_batches_and_a_rerun_completes(tmp_path, corpus):
    """kill -9 in the middle of an ingest: the store holds whole batches only."""
    import json
    import signal
    import subprocess
    import sys

    from lagebild.store.db import open_database

    (tmp_path / "corpus.json").write_text(json.dumps(corpus), encoding="utf-8")
    path = str(tmp_path / "crash.duckdb")
    proc = subprocess.Popen([sys.executable, "-c", CRASHING_INGEST, path, str(tmp_path / "corpus.json")],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "committed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    db = open_database(path)
    try:
        assert count_rows(db)["documents"] == 2
        orphans = db.scalar("SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert orphans == 0
        result = ingest_articles(db, corpus)
        assert (result.new, result.unchanged) == (len(corpus) - 2, 2)
        assert count_rows(db)["quotes"] == sum(len(a["quotes"]) for a in corpus)
    finally:
        db.close()

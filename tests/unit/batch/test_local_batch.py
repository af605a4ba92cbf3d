"""`lagebild batch` with the local engine: what goes where, and equality with `lagebild analyze`."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lagebild.batch import BatchOptions, run_batch
from lagebild.batch.output import OutputDir, OutputError
from lagebild.store.rows import TABLE_COLUMNS

from batch_corpus import cli_app, read_articles, read_errors, read_table, write_corpus

runner = CliRunner()
app = cli_app()


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    """One CLI run over a corpus with good, broken, empty, English and id-less records."""
    tmp = tmp_path_factory.mktemp("batch")
    corpus = write_corpus(tmp / "corpus.jsonl")
    out = tmp / "out"
    res = invoke("batch", corpus, "--output", out, "--workers", 2, "--chunk-size", 4,
                 "--format", "parquet", "--format", "jsonl", "--no-progress")
    return corpus, out, res


def test_good_records_in_parquet_bad_ones_in_errors(batch_run):
    corpus, out, res = batch_run
    assert res.exit_code == 0, res.output
    docs = read_table(out, "documents")
    ids = sorted(d["doc_id"] for d in docs)
    assert ids == sorted([f"a{i:03d}" for i in range(12)] + ["english", "corpus-16"])
    english = next(d for d in docs if d["doc_id"] == "english")
    assert english["analysed"] is False and english["language"] != "de"
    assert all(d["analysed"] for d in docs if d["doc_id"] != "english")
    errors = read_errors(out)
    assert [(e["id"], e["origin"]) for e in errors] == [(None, f"{corpus}:3"), ("empty", f"{corpus}:5")]
    assert "broken JSON line" in errors[0]["reason"] and errors[1]["reason"] == "empty text"
    assert "done: 16 records" in res.output
    assert "13 analysed, 1 not German (kept unanalysed), 2 errors" in res.output
    assert (out / "_SUCCESS").exists() and not (out / "_tmp").exists()


def test_tables_have_exactly_the_store_columns(batch_run):
    _, out, _ = batch_run
    import pyarrow.parquet as pq

    from lagebild.store.rows import arrow_schema

    chunks = {p.name.split(".")[0] for p in (out / "documents").glob("part-*.parquet")}
    assert len(chunks) >= 4  # 16 records in chunks of at most 4
    for table in TABLE_COLUMNS:
        parts = sorted((out / table).glob("part-*.parquet"))
        assert {p.name.split(".")[0] for p in parts} == chunks, table  # one file per table and chunk
        for part in parts:
            assert pq.read_schema(part).remove_metadata() == arrow_schema(table), part


def test_batch_equals_analyze_field_by_field(batch_run, tmp_path):
    corpus, out, _ = batch_run
    analysed = tmp_path / "analyze.jsonl"
    res = invoke("analyze", corpus, "--format", "jsonl", "--output", analysed, "--no-progress")
    assert res.exit_code == 0, res.output
    expected = {a["id"]: a for a in map(json.loads, analysed.read_text(encoding="utf-8").splitlines())}
    from_jsonl = read_articles(out)
    from_parquet = {d["doc_id"]: json.loads(d["article_json"]) for d in read_table(out, "documents")}
    assert set(from_jsonl) == set(from_parquet) == set(expected)
    for art_id, want in expected.items():
        for got in (from_jsonl[art_id], from_parquet[art_id]):
            assert got.keys() == want.keys()
            for key in want:
                assert got[key] == want[key], (art_id, key)


def test_rerun_does_nothing_and_other_options_are_refused(batch_run):
    corpus, out, _ = batch_run
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    summary = run_batch(BatchOptions([str(corpus)], out, workers=2, formats=("parquet", "jsonl")))
    assert summary.records == 0 and summary.earlier == 16 and summary.complete
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == before
    res = invoke("batch", corpus, "--output", out, "--format", "parquet", "--no-progress")
    assert res.exit_code == 1 and "resume it with the same options" in res.output


def test_a_second_run_on_the_same_folder_is_refused(tmp_path):
    first = OutputDir(tmp_path, ("parquet",)).open()
    try:
        with pytest.raises(OutputError, match="another batch run"):
            OutputDir(tmp_path, ("parquet",)).open()
    finally:
        first.close(complete=False)


def test_bad_options_exit_2(tmp_path):
    res = invoke("batch", tmp_path / "x.jsonl", "--output", tmp_path / "o", "--workers", 0)
    assert res.exit_code == 2 and "--workers must be at least 1" in res.output


def test_store_loads_the_batch_output(batch_run, tmp_path):
    """The contract with `lagebild ingest --from DIR`: every row of every table gets in."""
    from lagebild.store.db import open_database
    from lagebild.store.ingest import count_rows, load_parquet_dir

    _, out, _ = batch_run
    db = open_database(str(tmp_path / "store.duckdb"))
    try:
        summary = load_parquet_dir(db, out)
        assert not summary.errors and not summary.warnings
        counts = count_rows(db)
    finally:
        db.close()
    for table in TABLE_COLUMNS:  # the corpus has no duplicate texts, which the store would merge
        assert counts[table] == len(read_table(out, table)), table

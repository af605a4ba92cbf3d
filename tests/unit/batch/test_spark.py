"""The Spark engine (local[2]) gives what `lagebild analyze` gives (articles, table rows, errors),
Parquet records. One SparkSession for the module: Spark takes long to start."""
from __future__ import annotations

import importlib.util
import json
import shutil

import pytest

from lagebild.batch import BatchOptions, run_batch
from lagebild.batch.sources import jsonl_line_to_item
from lagebild.ingest.readers import read_jsonl

from batch_corpus import corpus_records, read_articles, read_errors, read_tables, write_corpus

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None,
                       reason="needs PySpark (pip install 'lagebild[spark]')"),
    pytest.mark.skipif(shutil.which("java") is None,
                       reason="needs Java for Spark (scripts/ci/setup_java.sh installs it)"),
]
FORMATS = ("parquet", "jsonl")


@pytest.fixture(scope="module")
def spark():
    from lagebild.batch.spark import spark_session

    session = spark_session("local[2]", {"spark.ui.enabled": "false"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus_and_expected(tmp_path_factory):
    """A corpus and what `lagebild analyze` makes of it: articles, their rows, error records."""
    from lagebild.analysis import analyze_stream
    from lagebild.ingest import read_inputs
    from lagebild.ingest.records import IngestError
    from lagebild.store.rows import TABLE_COLUMNS, article_to_rows

    corpus = write_corpus(tmp_path_factory.mktemp("spark") / "corpus.jsonl", n=12)
    articles, errors = {}, []
    for result in analyze_stream(read_inputs([str(corpus)])):
        if isinstance(result, IngestError):
            errors.append({"error": True, "id": result.id, "origin": result.origin, "reason": result.reason})
        else:
            articles[result.id] = result.to_json()
    tables = {t: [] for t in TABLE_COLUMNS}
    for article in articles.values():
        for table, rows in article_to_rows(article).items():
            tables[table] += rows
    key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
    return corpus, articles, {t: sorted(rows, key=key) for t, rows in tables.items()}, errors


def test_spark_equals_analyze(spark, corpus_and_expected, tmp_path):
    corpus, articles, tables, errors = corpus_and_expected
    out = tmp_path / "spark"
    seen = []
    summary = run_batch(BatchOptions([str(corpus)], out, engine="spark", master="local[2]",
                                     formats=FORMATS), seen.append)
    assert (summary.analysed, summary.unanalysed, summary.errors) == (13, 1, 2)
    # the progress display got the counts: at the end every record, and the errors among them
    assert seen and (seen[-1].processed, seen[-1].errors) == (16, 2)
    assert [p.processed for p in seen] == sorted(p.processed for p in seen)
    assert read_articles(out) == articles
    assert read_tables(out) == tables  # what the local engine writes: the same rows function
    assert read_errors(out) == errors
    assert (out / "_SUCCESS").exists()
    import pyarrow.parquet as pq

    from lagebild.store.rows import TABLE_COLUMNS, arrow_schema

    for table in TABLE_COLUMNS:
        for part in (out / table).glob("*.parquet"):
            assert pq.read_schema(part).remove_metadata() == arrow_schema(table), part


def test_cli_engine_spark(spark, corpus_and_expected, tmp_path):
    from typer.testing import CliRunner

    from batch_corpus import cli_app

    app = cli_app()
    corpus, _, tables, _ = corpus_and_expected
    out = tmp_path / "cli"
    res = CliRunner().invoke(app, ["batch", str(corpus), "--output", str(out), "--engine", "spark",
                                   "--master", "local[2]", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "13 analysed, 1 not German (kept unanalysed), 2 errors" in res.output and "spark" in res.output
    assert read_tables(out)["documents"] == tables["documents"]


def test_spark_reads_parquet_records(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = [json.loads(line) for line in corpus_records(3) if line.startswith('{"')]
    table = pa.Table.from_pylist([{"id": r.get("id"), "text": r["text"], "date": r.get("date")}
                                  for r in recs])
    pq.write_table(table, tmp_path / "records.parquet")
    out = tmp_path / "out"
    summary = run_batch(BatchOptions([str(tmp_path / "records.parquet")], out, engine="spark",
                                     master="local[2]"))
    assert (summary.analysed, summary.unanalysed, summary.errors) == (4, 1, 1)
    ids = sorted(r["doc_id"] for r in read_tables(out)["documents"])
    assert ids == ["a000", "a001", "a002", "english", "records-6"]
    [error] = read_errors(out)
    assert error["origin"] == f"{tmp_path / 'records.parquet'}:4" and error["id"] == "empty"


def test_jsonl_line_reader_agrees_with_read_jsonl(tmp_path):
    """The Spark engine parses lines one by one; they must come out as `read_jsonl` gives them."""
    path = write_corpus(tmp_path / "c.jsonl", n=3)
    expected = list(read_jsonl(open(path, "rb"), str(path)))
    got = [jsonl_line_to_item(line, str(path), i)
           for i, line in enumerate(path.read_bytes().splitlines(keepends=True), start=1)]
    assert [g for g in got if g is not None] == expected


def test_line_numbers_hold_when_a_file_is_split_over_partitions(spark, tmp_path):
    """Origins and fallback ids (`<stem>-<line>`) must not depend on how Spark splits a file."""
    from lagebild.batch.spark import task_rdd

    first = write_corpus(tmp_path / "eins.jsonl", n=30)
    second = write_corpus(tmp_path / "zwei.jsonl", n=5)
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    conf.set("mapreduce.input.fileinputformat.split.maxsize", "2000")  # several splits per file
    try:
        rdd = task_rdd(spark, [f"file:{first}", f"file:{second}"], [])
        assert rdd.getNumPartitions() > 3
        got = rdd.collect()
    finally:
        conf.unset("mapreduce.input.fileinputformat.split.maxsize")
    want = [*read_jsonl(open(first, "rb"), str(first)), *read_jsonl(open(second, "rb"), str(second))]
    assert got == want


def test_local_session_gets_the_lean_jvm_settings(spark):
    """local[N]: the JVM shares the cores with the Python workers (C1 JIT, serial GC), unless the
    caller passed JVM options of their own."""
    from lagebild.batch.spark import LOCAL_JVM_CONF

    conf = spark.sparkContext.getConf()
    java_options = conf.get("spark.driver.extraJavaOptions")  # Spark adds its own defaults in front
    assert java_options.endswith(LOCAL_JVM_CONF["spark.driver.extraJavaOptions"])
    assert "-XX:TieredStopAtLevel=1" in java_options and "-XX:+UseSerialGC" in java_options
    assert conf.get("spark.ui.showConsoleProgress") == "false"

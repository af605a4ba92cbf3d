"""The Spark engine: the same batch job on Apache Spark (local[N], standalone, YARN, Kubernetes).

    lagebild batch corpus.jsonl.gz --output out/ --engine spark --master local[2]
    python -m lagebild.batch.spark corpus/*.jsonl --output out/ --master local[2]
    spark-submit --master yarn ... "$(python -c 'import lagebild.batch.spark as m; print(m.__file__)')" \\
        hdfs:///corpus/*.jsonl.gz --output hdfs:///lagebild/out

Inputs are JSONL (also .gz) and Parquet files of records (id/title/date/url/source/text or html),
given as paths, folders or globs on any Hadoop file system. Records are parsed on the executors
exactly as `lagebild analyze` parses them (same origins `<file>:<line>`, same fallback ids); each
partition builds the pipeline once from the installed package (`lagebild.load_nlp`, no network;
a reused Python worker keeps it for later partitions) and runs the same `analyse_tasks` as the
local engine. The result is one cached DataFrame with a column per store table, from which each
table is written once with Spark's own committer, so a failed task is simply retried.

Unlike the local engine, a Spark run is not resumable record by record: Spark retries failed tasks
itself, and a failed job is re-run whole (the output tables are overwritten).
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

from lagebild.batch.job import BatchOptions, BatchSummary, Progress, ProgressCallback
from lagebild.ingest.readers import input_kind

STATUS_FIELD = {"ok": "analysed", "unanalysed": "unanalysed", "error": "errors"}
TEXT_INPUT = "org.apache.hadoop.mapreduce.lib.input.TextInputFormat"


# -- executor side: plain functions of (partition of) records ---------------------------------
def _local_name(uri: str) -> str:
    """`file:/x/y.jsonl` -> `/x/y.jsonl`, so origins read as in `lagebild analyze`; others kept."""
    return uri[len("file:"):] if uri.startswith("file:") else uri


def _jsonl_partition(index: int, lines: Iterator, starts: list[tuple[str, int]]) -> Iterator:
    """(offset, line) pairs of one partition to raw articles or errors, with their line numbers."""
    from lagebild.batch.sources import jsonl_line_to_item

    name, lineno = starts[index]
    for _offset, line in lines:
        item = jsonl_line_to_item(line.encode("utf-8"), name, lineno)
        if item is not None:
            yield item
        lineno += 1


def _count(lines: Iterator) -> Iterator[int]:
    yield sum(1 for _ in lines)


def _parquet_row(row) -> object:
    from lagebild.batch.sources import parquet_record_to_item

    rec = row.asDict()
    name = _local_name(rec.pop("_file"))
    return parquet_record_to_item(rec, name, rec.pop("_row") + 1)


def analyse_partition(tasks: Iterator, tables: tuple[str, ...], max_chars: int | None,
                      formats: tuple[str, ...] = ("parquet", "jsonl"), counters=None) -> Iterator[tuple]:
    """Rows of the job's one wide DataFrame for a partition of tasks.

    Columns: `kind` (a table name, `article`, `error` or `status`), one struct column per table
    (only the one named by `kind` is set), `line` (an article or error as JSON) and `status`.
    `counters` (records done, errors: Spark accumulators) feed the driver's progress display.
    """
    from lagebild.batch.work import ChunkTables, analyse_tasks, error_record
    from lagebild.pipeline import load_nlp
    from lagebild.store.rows import TABLE_COLUMNS

    nlp = load_nlp()  # once per Python worker process; reused by its later partitions
    width = len(tables)
    position = {t: i for i, t in enumerate(tables)}
    empty = (None,) * width
    chunk: list = []

    def flush() -> Iterator[tuple]:
        for outcome in analyse_tasks(chunk, nlp, max_chars=max_chars):
            yield ("status", *empty, None, outcome.status)
            if counters is not None:
                counters[0].add(1)
                if outcome.error is not None:
                    counters[1].add(1)
            if outcome.error is not None:
                yield ("error", *empty, json.dumps(error_record(outcome), ensure_ascii=False), None)
                continue
            if "jsonl" in formats:  # only what will be written crosses over to the JVM
                yield ("article", *empty, json.dumps(outcome.article, ensure_ascii=False), None)
            if "parquet" not in formats:
                continue
            rows = ChunkTables()
            rows.add(outcome.article)
            for table, table_rows in rows.rows.items():
                cols = [c for c, _ in TABLE_COLUMNS[table]]
                for r in table_rows:
                    cells = [None] * width
                    cells[position[table]] = tuple(r.get(c) for c in cols)
                    yield (table, *cells, None, None)
        chunk.clear()

    for task in tasks:
        chunk.append(task)
        if len(chunk) >= 64:
            yield from flush()
    yield from flush()


# -- driver side ---------------------------------------------------------------------------------
def _schema():
    from pyspark.sql.types import (BooleanType, DoubleType, LongType, StringType, StructField,
                                   StructType)

    from lagebild.store.rows import TABLE_COLUMNS

    sql = {"TEXT": StringType(), "INTEGER": LongType(), "BIGINT": LongType(),
           "DOUBLE": DoubleType(), "BOOLEAN": BooleanType()}
    fields = [StructField("kind", StringType(), False)]
    for table, cols in TABLE_COLUMNS.items():
        fields.append(StructField(table, StructType([StructField(c, sql[t]) for c, t in cols])))
    fields += [StructField("line", StringType()), StructField("status", StringType())]
    return StructType(fields)


def _hadoop_fs(spark, path: str):
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hpath


def expand_inputs(spark, inputs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """JSONL files, Parquet files and complaints, for paths, folders and globs on any Hadoop FS."""
    jsonl, parquet, problems = [], [], []
    for raw in inputs:
        path = os.path.abspath(raw) if "://" not in raw and not raw.startswith("file:") else raw
        fs, hpath = _hadoop_fs(spark, path)
        statuses = fs.globStatus(hpath)
        if not statuses:
            problems.append(f"{raw}: file not found")
            continue
        files = []
        for st in statuses:
            if st.isDirectory():
                it = fs.listFiles(st.getPath(), True)
                while it.hasNext():
                    files.append(it.next().getPath().toString())
            else:
                files.append(st.getPath().toString())
        for f in sorted(files):
            base = f.rsplit("/", 1)[-1].lower()
            if base.startswith((".", "_")):
                continue
            kind = input_kind(base)
            if kind == "jsonl":
                jsonl.append(f)
            elif kind == "parquet":
                parquet.append(f)
            elif raw == f or not any(st.isDirectory() for st in statuses):
                problems.append(f"{_local_name(f)}: the Spark engine reads JSONL and Parquet; "
                                "convert it or use --engine local")
    return jsonl, parquet, problems


def task_rdd(spark, jsonl: list[str], parquet: list[str]):
    """One RDD of raw articles / error records for all inputs."""
    sc = spark.sparkContext
    rdds = []
    if jsonl:
        per_file = [sc.newAPIHadoopFile(f, TEXT_INPUT, "org.apache.hadoop.io.LongWritable",
                                        "org.apache.hadoop.io.Text",
                                        conf={"textinputformat.record.delimiter": "\n"})
                    for f in jsonl]
        lines = sc.union(per_file)
        # Line numbers: count each partition once, then number each partition's lines from
        # where its file's earlier partitions ended (a file's partitions are in order in a union).
        if all(rdd.getNumPartitions() == 1 for rdd in per_file):  # small or .gz files
            counts = [0] * lines.getNumPartitions()  # every partition starts its file at line 1
        else:
            counts = lines.mapPartitions(_count).collect()
        starts, i = [], 0
        for f, rdd in zip(jsonl, per_file):
            lineno = 1
            for _ in range(rdd.getNumPartitions()):
                starts.append((_local_name(f), lineno))
                lineno += counts[i]
                i += 1
        rdds.append(lines.mapPartitionsWithIndex(lambda idx, it, s=starts: _jsonl_partition(idx, it, s)))
    if parquet:
        from lagebild.batch.sources import PARQUET_FIELDS

        df = spark.read.parquet(*parquet)
        cols = [c for c in PARQUET_FIELDS if c in df.columns]
        df = df.select(*cols, df["_metadata.file_path"].alias("_file"),
                       df["_metadata.row_index"].alias("_row"))
        rdds.append(df.rdd.map(_parquet_row))
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def _move_single(spark, folder: str, pattern: str, target: str) -> None:
    """Rename the one file Spark wrote into `folder` to `target`, then drop `folder`."""
    fs, hfolder = _hadoop_fs(spark, folder)
    jvm = spark.sparkContext._jvm
    parts = fs.globStatus(jvm.org.apache.hadoop.fs.Path(f"{folder}/{pattern}"))
    dest = jvm.org.apache.hadoop.fs.Path(target)
    fs.delete(dest, False)
    if parts:
        fs.rename(parts[0].getPath(), dest)
    fs.delete(hfolder, True)


def _rename_parts(spark, folder: str, old: str, new: str) -> None:
    fs, _ = _hadoop_fs(spark, folder)
    jvm = spark.sparkContext._jvm
    for st in fs.globStatus(jvm.org.apache.hadoop.fs.Path(f"{folder}/part-*{old}")) or []:
        p = st.getPath().toString()
        fs.rename(st.getPath(), jvm.org.apache.hadoop.fs.Path(p[: -len(old)] + new))


def _report_progress(progress: ProgressCallback, counters, start: float, stop) -> None:
    """Pass the accumulators' counts (updated as partitions finish) to `progress` until `stop`."""
    while True:
        stopped = stop.wait(0.5)
        progress(Progress(processed=counters[0].value, errors=counters[1].value,
                          elapsed=time.perf_counter() - start))
        if stopped:
            return  # the last report has the final counts


def run_spark_job(spark, options: BatchOptions, progress: ProgressCallback | None = None) -> BatchSummary:
    """Run the batch job on an existing SparkSession and write the output tables."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from lagebild.store.rows import TABLE_COLUMNS

    start = time.perf_counter()
    out = str(options.output) if "://" in str(options.output) else os.path.abspath(options.output)
    if "://" not in out and (Path(out) / "_manifest.jsonl").exists():
        raise RuntimeError(f"{out} holds a local-engine run (it has a resume manifest); choose "
                           "another --output for the Spark engine")
    jsonl, parquet, problems = expand_inputs(spark, options.inputs)
    if not jsonl and not parquet:
        raise RuntimeError("no JSONL or Parquet input found: " + "; ".join(problems or options.inputs))
    tables = tuple(TABLE_COLUMNS)
    sc = spark.sparkContext
    tasks = task_rdd(spark, jsonl, parquet)
    # Many more partitions than cores: the last ones are small, so no core idles long at the end
    # while another finishes a big one (a Python worker keeps its pipeline across partitions).
    target = sc.defaultParallelism * 8
    if tasks.getNumPartitions() < target:
        tasks = tasks.repartition(target)
    max_chars = options.max_chars
    formats = tuple(options.formats)
    counters = (sc.accumulator(0), sc.accumulator(0))
    wide = tasks.mapPartitions(lambda it: analyse_partition(it, tables, max_chars, formats, counters))
    df = spark.createDataFrame(wide, _schema(), verifySchema=False)
    df = df.persist(StorageLevel.MEMORY_AND_DISK)  # the pipeline runs once; writes read the cache
    stop = threading.Event()
    reporter = threading.Thread(target=_report_progress, args=(progress, counters, start, stop), daemon=True)
    if progress is not None:
        reporter.start()
    try:
        counts = {r["status"]: r["count"] for r in
                  df.where(F.col("kind") == "status").groupBy("status").count().collect()}

        files = max(1, sc.defaultParallelism)  # one file per core and table, not per partition

        def write(kind: str) -> None:
            rows = df.where(F.col("kind") == kind)
            if kind in tables:
                rows.select(f"{kind}.*").coalesce(files).write.mode("overwrite") \
                    .option("compression", "zstd").parquet(f"{out}/{kind}")
            elif kind == "article":
                rows.select("line").coalesce(files).write.mode("overwrite").text(f"{out}/articles")
                _rename_parts(spark, f"{out}/articles", ".txt", ".jsonl")
            else:
                rows.select("line").coalesce(1).write.mode("overwrite").text(f"{out}/_errors")
                _move_single(spark, f"{out}/_errors", "part-*", f"{out}/errors.jsonl")

        kinds = (list(tables) if "parquet" in options.formats else []) + \
            (["article"] if "jsonl" in options.formats else []) + ["error"]
        with ThreadPoolExecutor(4) as pool:  # small write jobs overlap instead of queueing
            list(pool.map(write, kinds))
    finally:
        stop.set()
        if reporter.is_alive():
            reporter.join()
        df.unpersist()
    fs, _ = _hadoop_fs(spark, out)
    fs.create(sc._jvm.org.apache.hadoop.fs.Path(f"{out}/_SUCCESS"), True).close()
    summary = BatchSummary(output=Path(out) if "://" not in out else out, engine="spark",
                           workers=sc.defaultParallelism, elapsed=time.perf_counter() - start)
    for status, n in counts.items():
        setattr(summary, STATUS_FIELD[status], n)
    summary.notes += problems
    return summary


def spark_session(master: str | None, conf: dict[str, str] | None = None):
    """A SparkSession for `master` (default: what spark-submit set, else local[*])."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("lagebild-batch")
    # one task per core already uses every core: no thread pools per Python worker on top
    threads = {f"spark.executorEnv.{v}": "1" for v in
               ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")}
    for key, value in {**threads, **(conf or {})}.items():
        builder = builder.config(key, value)
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit set the master already
    if master:
        builder = builder.master(master)
    elif not under_submit:
        builder = builder.master("local[*]")
    local = master.startswith("local") if master else not under_submit
    if local:
        # executors are local processes: they must run this very interpreter (its venv)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        for key, value in LOCAL_JVM_CONF.items():
            if key not in (conf or {}):
                builder = builder.config(key, value)
    return builder.getOrCreate()


# In local mode the one JVM shares the cores with the Python workers that do the real work, and a
# batch job is short for a JVM: its JIT compiler threads and parallel GC took about as much CPU as
# the job's own JVM work (JVM CPU per 400-article run 15-21 s with the defaults, 8-9 s with these;
# measured with benchmarks/bench_batch.py's machine). A cluster's executors keep their defaults.
LOCAL_JVM_CONF = {
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
    "spark.ui.showConsoleProgress": "false",  # the CLI prints its own progress and summary
}


def run_spark(options: BatchOptions, progress: ProgressCallback | None = None) -> BatchSummary:
    """`lagebild batch --engine spark`: run on a (new or active) SparkSession."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise RuntimeError("the Spark engine needs PySpark: pip install 'lagebild[spark]' "
                           "(and Java 17+)") from None
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise RuntimeError("the Spark engine needs Java 17+ (no `java` on PATH, no JAVA_HOME): "
                           "apt-get install default-jre-headless, or use --engine local")
    spark = spark_session(options.master)
    spark.sparkContext.setLogLevel("ERROR")
    return run_spark_job(spark, options, progress)


def main(argv: list[str] | None = None) -> int:
    """Entry point for `spark-submit .../lagebild/batch/spark.py` and `python -m lagebild.batch.spark`."""
    import argparse

    parser = argparse.ArgumentParser(prog="lagebild.batch.spark", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL(.gz) / Parquet files, folders or globs")
    parser.add_argument("--output", "-o", required=True, help="output folder (any Hadoop FS URI)")
    parser.add_argument("--format", "-f", action="append", choices=["parquet", "jsonl"])
    parser.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    parser.add_argument("--max-chars", type=int, default=None)
    args = parser.parse_args(argv)
    options = BatchOptions(inputs=args.inputs, output=args.output, engine="spark",
                           formats=tuple(dict.fromkeys(args.format or ["parquet"])),
                           master=args.master, max_chars=args.max_chars)
    summary = run_spark(options)
    for note in summary.notes:
        print(f"note: {note}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

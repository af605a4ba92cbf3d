"""Throughput of `lagebild batch`: 1 vs 2 local workers, and Spark local[2] vs 2 local workers.

    .venv/bin/python benchmarks/bench_batch.py                 # 900 articles of 10kGNAD test (rows 900+ are held out)
    .venv/bin/python benchmarks/bench_batch.py --limit 200 --no-spark --json bench.json

Reports articles/s (wall time including start-up, and steady state after every worker has built
its pipeline), scaling efficiency = speed-up / workers, Spark against the local engine on the same
input, the peak RSS per worker, and what 1 million articles a day would need. The machine load
is printed with the figures: on a busy machine the figures are low and efficiency is understated.
Targets: 2-worker efficiency >= 0.8; Spark local[2] >= 0.75 x local with 2 workers.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from lagebild import paths
from lagebild.batch import BatchOptions, run_batch

ARTICLES_PER_DAY = 1_000_000
HEADROOM = 1.5  # peaks, retries and re-runs: plan for 1.5x the average rate


def gnad_to_jsonl(csv_path: Path, out: Path, limit: int) -> int:
    """10kGNAD `label;text` rows ('-quoted) to JSONL records (id, text, source=label)."""
    n = 0
    with open(csv_path, encoding="utf-8", newline="") as src, open(out, "w", encoding="utf-8") as dst:
        for label, text in csv.reader(src, delimiter=";", quotechar="'"):
            dst.write(json.dumps({"id": f"gnad-test-{n:05d}", "text": text, "source": label},
                                 ensure_ascii=False) + "\n")
            n += 1
            if n >= min(limit, 900):  # 10kGNAD rows 900 and later are held out
                break
    return n


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run_local(corpus: Path, tmp: Path, workers: int, chunk_size: int) -> dict:
    out = tmp / f"local-{workers}"
    kids, me = _cpu(resource.RUSAGE_CHILDREN), _cpu(resource.RUSAGE_SELF)
    summary = run_batch(BatchOptions([str(corpus)], out, workers=workers, chunk_size=chunk_size))
    workers_cpu = _cpu(resource.RUSAGE_CHILDREN) - kids  # the workers, reaped at the end
    steady = summary.elapsed - summary.startup
    return {"engine": "local", "workers": workers, "records": summary.records,
            "workers_cpu_s": round(workers_cpu, 1),
            "coordinator_cpu_s": round(_cpu(resource.RUSAGE_SELF) - me, 1),
            # cores the workers actually got: below `workers` means other load took the rest
            "cores_used": round(workers_cpu / summary.elapsed, 2),
            "cpu_ms_per_record": round(1000 * workers_cpu / max(summary.records, 1), 1),
            "analysed": summary.analysed, "errors": summary.errors,
            "wall_s": round(summary.elapsed, 2), "startup_s": round(summary.startup, 2),
            "rate_wall": round(summary.rate, 2),
            "rate_steady": round(summary.records / steady, 2) if steady > 0 else None,
            "peak_rss_mib": round(max(summary.peak_rss_mib or [0]), 1), "load_after": load()}


def run_spark(corpus: Path, tmp: Path, cores: int) -> dict:
    from lagebild.batch.spark import run_spark_job, spark_session

    t0 = time.perf_counter()
    spark = spark_session(f"local[{cores}]")
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - t0
    try:
        summary = run_spark_job(spark, BatchOptions([str(corpus)], tmp / "spark", engine="spark"))
    finally:
        spark.stop()
    return {"engine": "spark", "workers": cores, "records": summary.records,
            "analysed": summary.analysed, "errors": summary.errors,
            "wall_s": round(summary.elapsed + session_s, 2), "startup_s": round(session_s, 2),
            "job_s": round(summary.elapsed, 2),
            "rate_wall": round(summary.records / (summary.elapsed + session_s), 2),
            "rate_job": round(summary.rate, 2), "load_after": load()}


def projection(one: dict, two: dict) -> dict:
    """Hardware for 1M articles/day from the measured per-core rate and memory."""
    per_core = one["rate_steady"] or one["rate_wall"]
    eff = (two["rate_steady"] or two["rate_wall"]) / (2 * per_core)
    need_rate = ARTICLES_PER_DAY / 86_400
    cores = need_rate * HEADROOM / (per_core * min(eff, 1.0))
    mem_gib = (max(one["peak_rss_mib"], two["peak_rss_mib"]) * cores) / 1024 + 2  # + OS, coordinator
    return {"articles_per_day": ARTICLES_PER_DAY, "needed_rate": round(need_rate, 2),
            "per_core_rate": per_core, "efficiency_used": round(min(eff, 1.0), 3),
            "headroom": HEADROOM, "cores": round(cores, 1), "memory_gib": round(mem_gib, 1),
            "this_machine_per_day": round((two["rate_steady"] or two["rate_wall"]) * 86_400)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=paths.shared_data_dir() / "10kgnad" / "test.csv")
    ap.add_argument("--limit", type=int, default=900, help="articles to use (default and most: 900)")
    ap.add_argument("--chunk-size", type=int, default=50)
    ap.add_argument("--no-spark", action="store_true", help="skip the Spark local[2] run")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"needs {args.data} (10kGNAD test split); set LAGEBILD_DATA", file=sys.stderr)
        return 2
    report: dict = {"machine": {"cpus": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
                                "python": platform.python_version(), "load_before": load()}}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = tmp / "gnad.jsonl"
        n = gnad_to_jsonl(args.data, corpus, args.limit)
        report["articles"] = n
        from lagebild.pipeline import build_nlp

        report["pipeline"] = build_nlp().pipe_names
        runs = [run_local(corpus, tmp, 1, args.chunk_size), run_local(corpus, tmp, 2, args.chunk_size)]
        if not args.no_spark:
            try:
                runs.append(run_spark(corpus, tmp, 2))
            except Exception as err:  # noqa: BLE001 - keep the local figures
                print(f"Spark run failed: {type(err).__name__}: {err}", file=sys.stderr)
                args.no_spark = True
    one, two = runs[0], runs[1]
    report["runs"] = runs
    report["efficiency_2_workers"] = {
        "wall": round(two["rate_wall"] / (2 * one["rate_wall"]), 3),
        "steady": round(two["rate_steady"] / (2 * one["rate_steady"]), 3),
        # CPU per record, 1 worker / 2 workers: what the engine costs, apart from CPU others took
        "cpu": round(one["cpu_ms_per_record"] / two["cpu_ms_per_record"], 3)}
    if not args.no_spark:
        spark = runs[2]
        report["spark_vs_local_2"] = {"wall": round(spark["rate_wall"] / two["rate_wall"], 3),
                                      "job_vs_steady": round(spark["rate_job"] / two["rate_steady"], 3)}
    report["projection"] = projection(one, two)
    report["machine"]["load_after"] = load()

    print(f"{n} articles, pipeline {report['pipeline']}")
    print(f"load average (1/5/15 min) before: {report['machine']['load_before']}, after: "
          f"{report['machine']['load_after']} on {report['machine']['cpus']} CPUs")
    for r in runs:
        extra = (f"startup {r['startup_s']:.1f} s, steady {r['rate_steady']:.1f}/s, peak RSS/worker "
                 f"{r['peak_rss_mib']:.0f} MiB, workers got {r['cores_used']:.2f} cores, "
                 f"{r['cpu_ms_per_record']:.0f} ms CPU/record, coordinator "
                 f"{r['coordinator_cpu_s']:.1f} s CPU" if r["engine"] == "local" else
                 f"session start {r['startup_s']:.1f} s, job {r['job_s']:.1f} s = {r['rate_job']:.1f}/s")
        print(f"  {r['engine']:5} x{r['workers']}: {r['records']} records in {r['wall_s']:.1f} s = "
              f"{r['rate_wall']:.1f}/s wall; {extra}; load after {r['load_after']}")
    e = report["efficiency_2_workers"]
    print(f"2-worker efficiency (speed-up / 2): wall {e['wall']:.2f}, steady {e['steady']:.2f}, "
          f"CPU per record {e['cpu']:.2f}  (target >= 0.8)")
    if "spark_vs_local_2" in report:
        s = report["spark_vs_local_2"]
        print(f"Spark local[2] / local x2: wall {s['wall']:.2f}, job vs steady {s['job_vs_steady']:.2f}"
              "  (target >= 0.75)")
    p = report["projection"]
    print(f"1M articles/day = {p['needed_rate']}/s sustained: at {p['per_core_rate']}/s per core, "
          f"efficiency {p['efficiency_used']}, headroom x{p['headroom']}: {p['cores']} cores, "
          f"{p['memory_gib']} GiB RAM (this machine: {p['this_machine_per_day']:,} articles/day)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

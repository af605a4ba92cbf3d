"""The store at scale: build synthetic stores, then time the API's main queries.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py --articles 100000
    PYTHONPATH=src .venv/bin/python benchmarks/bench_store.py --articles 100000 1000000 \\
        --pg postgresql://lagebild:lagebild@127.0.0.1:54329/lagebild_bench --json store.json

For each size and backend (DuckDB always; PostgreSQL with `--pg URL`, a database the benchmark may
fill: its store tables are dropped first), the store is built from
`lagebild.store.sample.iter_synthetic_articles` (the hand-annotated example article and three
follow-ups with renamed people, places and organisations, own ids, dates and sources; no model
run) through the normal `ingest_articles`, in transactions of `--batch` articles. Printed:

- ingest: articles/s and rows/s (rows of all store tables), the size on disk (DuckDB file and its
  WAL; PostgreSQL: tables with their indexes and TOAST);
- for each of the API's main queries, `--requests` requests through the FastAPI app in this
  process (no network; each request has other parameters, so the response cache does not answer
  it): p50 / p95 / p99 milliseconds. The queries: documents list (a month of articles, a page at a
  random offset below 500), document text search, quote search by text and by speaker name, entity
  page, events by actor identity.

`--keep DIR` keeps the DuckDB stores there (`store-<n>.duckdb`) and `--reuse` takes them again.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from lagebild.store.db import Database, open_database  # noqa: E402

TABLES = ("documents", "entities", "mentions", "roles", "identities", "identity_members", "quotes", "quote_parts",
          "events", "times", "amounts")


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def count_rows(db: Database) -> dict[str, int]:
    out = {}
    for table in TABLES:
        try:
            out[table] = int(db.scalar(f"SELECT count(*) FROM {table}") or 0)
        except Exception:  # noqa: BLE001 - a table this store version lacks
            continue
    return out


def drop_store_tables(db: Database) -> None:
    names = [r["tablename"] for r in db.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    for name in names:
        db.execute(f'DROP TABLE IF EXISTS "{name}" CASCADE')


def size_on_disk(db: Database, target: str) -> int:
    if db.kind == "duckdb":
        return sum(p.stat().st_size for p in (Path(target), Path(target + ".wal")) if p.exists())
    return int(db.scalar("SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass)) "
                         "FROM pg_tables WHERE schemaname = current_schema()") or 0)


def with_progress(articles, n: int, start: float):
    """The articles, with a line on stderr at every tenth of them (a large build takes a while)."""
    step = max(n // 10, 1)
    for i, article in enumerate(articles, start=1):
        yield article
        if i % step == 0:
            print(f"  {i:,} of {n:,} articles generated and handed to ingest, {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)


def build(target: str, n: int, batch: int, seed: int) -> dict:
    """Fill an empty store at `target` with `n` synthetic articles; ingest figures."""
    from lagebild.store.ingest import ingest_articles
    from lagebild.store.sample import iter_synthetic_articles

    if not target.startswith("postgres"):
        for p in (Path(target), Path(target + ".wal")):
            p.unlink(missing_ok=True)
    else:
        db = open_database(target, migrate=False)
        try:
            drop_store_tables(db)
        finally:
            db.close()
    db = open_database(target)
    try:
        start = time.perf_counter()
        ingest_articles(db, with_progress(iter_synthetic_articles(n, seed=seed), n, start), batch_size=batch)
        if db.kind == "duckdb":
            db.execute("CHECKPOINT")
        else:
            db.execute("ANALYZE")
        seconds = time.perf_counter() - start
        rows = count_rows(db)
        return {"seconds": round(seconds, 1), "articles_per_s": round(n / seconds, 1),
                "rows": rows, "rows_per_s": round(sum(rows.values()) / seconds),
                "bytes": size_on_disk(db, target)}
    finally:
        db.close()


def query_targets(db: Database, rng: random.Random) -> dict[str, list[str]]:
    """Ids, names and words of the store that request parameters are drawn from."""
    speakers = sorted({r["name"].split()[-1] for r in db.query(
        "SELECT name FROM identities WHERE type = 'PER' AND n_quotes > 0 ORDER BY n_quotes DESC LIMIT 500")})
    entities = [r["identity_id"] for r in db.query(
        "SELECT identity_id FROM identities ORDER BY n_mentions DESC, identity_id LIMIT 2000")]
    actors = [r["identity_id"] for r in db.query(
        "SELECT DISTINCT m.identity_id FROM events e JOIN identity_members m "
        "ON m.doc_id = e.doc_id AND m.entity_id = e.actor_entity LIMIT 2000")]
    texts = [r["content"] for r in db.query("SELECT content FROM quotes LIMIT 300")]
    words = sorted({w for t in texts for w in re.findall(r"\w{6,}", t)})
    months = [r["m"] for r in db.query(
        "SELECT DISTINCT substr(date, 1, 7) AS m FROM documents WHERE date IS NOT NULL ORDER BY m")]
    return {"speakers": speakers, "entities": entities, "actors": actors or entities, "words": words,
            "months": months}


def month_range(month: str) -> tuple[str, str]:
    return f"{month}-01", f"{month}-28"


QUERIES = {
    "documents list (a month, a page)": lambda t, r: "/api/documents?date_from={}&date_to={}&offset={}".format(
        *month_range(r.choice(t["months"])), r.randrange(0, 500, 50)),
    "documents text search": lambda t, r: f"/api/documents?q={quote(r.choice(t['words']))}&offset={r.randrange(0, 100, 50)}",
    "quotes by text": lambda t, r: f"/api/quotes?q={quote(r.choice(t['words']))}&offset={r.randrange(0, 100, 50)}",
    "quotes by speaker": lambda t, r: f"/api/quotes?speaker={quote(r.choice(t['speakers']))}&offset={r.randrange(0, 200, 50)}",
    "entity page": lambda t, r: f"/api/entities/{quote(r.choice(t['entities']), safe='')}",
    "events by actor": lambda t, r: f"/api/events?actor={quote(r.choice(t['actors']), safe='')}",
}


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def time_queries(target: str, requests: int, seed: int) -> dict:
    from fastapi.testclient import TestClient

    from lagebild.api.app import create_app

    rng = random.Random(seed)
    db = open_database(target, read_only=not target.startswith("postgres"))
    try:
        targets = query_targets(db, rng)
    finally:
        db.close()
    results = {}
    with TestClient(create_app(target, with_web=False)) as client:
        client.get("/api/stats/overview")  # open the store, warm the connection
        for name, make in QUERIES.items():
            seen, ms = set(), []
            while len(ms) < requests and len(seen) < requests * 20:
                url = make(targets, rng)
                if url in seen:
                    continue
                seen.add(url)
                start = time.perf_counter()
                answer = client.get(url)
                ms.append(1000 * (time.perf_counter() - start))
                if answer.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {answer.status_code} {answer.text[:200]}")
            results[name] = {"n": len(ms), "p50": round(percentile(ms, 0.5), 1),
                             "p95": round(percentile(ms, 0.95), 1), "p99": round(percentile(ms, 0.99), 1)}
    return results


def print_figures(backend: str, n: int, ingest: dict | None, queries: dict) -> None:
    print(f"\n== {backend}, {n:,} articles ==")
    if ingest:
        print(f"ingest: {ingest['seconds']} s, {ingest['articles_per_s']} articles/s, "
              f"{ingest['rows_per_s']:,} rows/s, {ingest['bytes'] / 2**20:,.0f} MiB on disk; rows {ingest['rows']}")
    print(f"{'query':36} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, f in queries.items():
        print(f"{name:36} {f['n']:>4} {f['p50']:>8} {f['p95']:>8} {f['p99']:>8}")
    print(f"load: {load()}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[100_000])
    ap.add_argument("--pg", help="PostgreSQL URL of a database the benchmark may fill")
    ap.add_argument("--no-duckdb", action="store_true", help="only PostgreSQL")
    ap.add_argument("--requests", type=int, default=100, help="requests per query (default 100)")
    ap.add_argument("--batch", type=int, default=1000, help="articles per ingest transaction")
    ap.add_argument("--keep", type=Path, help="folder for the DuckDB stores (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="use the DuckDB stores in --keep as they are")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, load {load()}")
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.articles:
            backends = ([] if args.no_duckdb else [("duckdb", str(folder / f"store-{n}.duckdb"))])
            backends += [("postgresql", args.pg)] if args.pg else []
            for backend, target in backends:
                reuse = args.reuse and backend == "duckdb" and Path(target).exists()
                ingest = None if reuse else build(target, n, args.batch, args.seed)
                queries = time_queries(target, args.requests, args.seed)
                print_figures(backend, n, ingest, queries)
                figures.append({"backend": backend, "articles": n, "ingest": ingest, "queries": queries})
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

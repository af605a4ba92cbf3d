"""Latency of `lagebild serve` (web pages and REST API) under many concurrent clients.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_load.py                # 10,000 articles, 50 clients, 30 s
    PYTHONPATH=src .venv/bin/python benchmarks/bench_load.py --reuse --clients 20 --duration 15 --json load.json

Builds a DuckDB store of `--articles` synthetic articles (`lagebild.store.sample.synthetic_articles`:
the hand-annotated sample articles with their people, places and organisations renamed, dates
and ids varied; no model runs), or with `--reuse` takes the one built before. Starts
`lagebild serve` on 127.0.0.1 at a free port as a subprocess and runs `--clients` clients, each
on its own keep-alive connection sending one request after the other (no pause unless
`--think`), over a fixed mix of pages and API calls (`MIX`). The first `--warmup` seconds are not
counted. Stops after `--duration` seconds or `--requests` requests, whichever comes first, and
stops the server in every case (also on Ctrl-C or an error).

Prints per endpoint and overall p50/p95/p99/max latency, requests/s and errors (a non-200 answer
or a timeout), the load average before and after, and the CPU seconds of server and clients: the
clients run on the same cores as the server, so a busy machine or a busy client inflates the
latencies. The client is a few lines of asyncio over raw HTTP/1.1 rather than httpx, to leave
the server as much of the machine as possible.

Loopback only (there is no --host), and hard caps on duration, requests and clients.
Target (issue 18): p99 < 250 ms for 50 clients on a 10,000-article store on 2 cores; figures
and what is still slow in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lagebild.store.db import Database, open_database  # noqa: E402

HOST = "127.0.0.1"          # loopback only, on purpose
MAX_DURATION_S = 600.0
MAX_REQUESTS = 1_000_000
MAX_CLIENTS = 500
REQUEST_TIMEOUT_S = 30.0
QUOTE_WORDS = ("Bündnis", "Sicherheit", "Kooperation", "Truppen", "Steuern", "gerecht", "prüfen", "Forum", "xyzzy")


# -- the store ---------------------------------------------------------------------------------------
def build_store(path: Path, n: int, *, seed: int = 0, reuse: bool = False) -> float:
    """A DuckDB store of `n` distinct synthetic articles at `path`; with `reuse` an existing
    store with exactly `n` documents is kept. Returns the seconds spent building (0 if reused)."""
    if reuse and path.exists():
        db = open_database(str(path), read_only=True, migrate=False)
        try:
            have = int(db.scalar("SELECT count(*) FROM documents") or 0)
        finally:
            db.close()
        if have == n:
            return 0.0
        print(f"{path} holds {have} articles, not {n}: building it again", file=sys.stderr)
    from lagebild.store.ingest import ingest_articles
    from lagebild.store.sample import synthetic_articles

    t0 = time.perf_counter()
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    db = open_database(str(path))
    try:
        ingest_articles(db, synthetic_articles(n, seed=seed), batch_size=500)
        db.execute("CHECKPOINT")
    finally:
        db.close()
    return time.perf_counter() - t0


# -- the request mix ---------------------------------------------------------------------------------
@dataclass
class Targets:
    """Ids and names of the store that the clients' URLs are made from."""

    docs: list[str]
    top_entities: list[str]     # the front page links these: visited far more often
    entities: list[str]
    speakers: list[str]         # surnames of people with quotes


def read_targets(db: Database) -> Targets:
    docs = [r["doc_id"] for r in db.query("SELECT doc_id FROM documents ORDER BY doc_id")]
    top = [r["identity_id"] for r in db.query(
        "SELECT identity_id FROM identities ORDER BY n_mentions DESC, identity_id LIMIT 20")]
    top += [r["identity_id"] for r in db.query(
        "SELECT identity_id FROM identities WHERE n_quotes > 0 ORDER BY n_quotes DESC, identity_id LIMIT 10")]
    ents = [r["identity_id"] for r in db.query("SELECT identity_id FROM identities ORDER BY identity_id")]
    speakers = sorted({r["name"].split()[-1] for r in db.query(
        "SELECT name FROM identities WHERE type = 'PER' AND n_quotes > 0")})
    return Targets(docs, top, ents, speakers)


def _entity(rng: random.Random, t: Targets) -> str:
    return quote(rng.choice(t.top_entities if rng.random() < 0.5 else t.entities), safe="")


def _offset(rng: random.Random, total: int, size: int) -> int:
    return 0 if rng.random() < 0.7 else size * rng.randrange(max(1, min(total, 2000) // size))


# (name, weight, URL from rng and targets): what a reader of the web UI and an API user do
MIX: list[tuple[str, int, Callable[[random.Random, Targets], str]]] = [
    ("page /", 12, lambda r, t: "/" if r.random() < 0.8 else f"/?offset={_offset(r, len(t.docs), 25)}"),
    ("page /articles/{id}", 18, lambda r, t: "/articles/" + quote(r.choice(t.docs), safe="")),
    ("page /entities/{id}", 14, lambda r, t: "/entities/" + _entity(r, t)),
    ("page /quotes?q=", 8, lambda r, t: "/quotes?" + urlencode({"q": r.choice(QUOTE_WORDS)})),
    ("page /quotes?speaker=", 8, lambda r, t: "/quotes?" + urlencode({"speaker": r.choice(t.speakers)})),
    ("api /api/documents", 6, lambda r, t: f"/api/documents?offset={_offset(r, len(t.docs), 50)}"),
    ("api /api/documents?q=", 2, lambda r, t: "/api/documents?" + urlencode({"q": r.choice(QUOTE_WORDS)})),
    ("api /api/documents/{id}", 6, lambda r, t: "/api/documents/" + quote(r.choice(t.docs), safe="")),
    ("api /api/entities", 4, lambda r, t: "/api/entities?" + urlencode(
        r.choice([{"type": "PER"}, {"type": "LOC"}, {"name": r.choice(t.speakers)}, {}]))),
    ("api /api/entities/{id}", 6, lambda r, t: "/api/entities/" + _entity(r, t)),
    ("api /api/quotes", 8, lambda r, t: "/api/quotes?" + urlencode(
        r.choice([{"speaker": r.choice(t.speakers)}, {"q": r.choice(QUOTE_WORDS)},
                  {"entity": r.choice(t.top_entities)}, {"date_from": "2010-01-01", "date_to": "2010-06-30"}]))),
    ("api /api/stats/quotes-per-month", 4, lambda r, t: "/api/stats/quotes-per-month"
        + ("?entity=" + _entity(r, t) if r.random() < 0.7 else "")),
    ("api /api/stats/overview", 4, lambda r, t: "/api/stats/overview"),
]


def pick(rng: random.Random, targets: Targets) -> tuple[str, str]:
    """(endpoint name, URL) of one request of the mix."""
    name, _, make = rng.choices(MIX, weights=[w for _, w, _ in MIX])[0]
    return name, make(rng, targets)


# -- the clients ---------------------------------------------------------------------------------------
class Connection:
    """One keep-alive HTTP/1.1 connection that GETs a path and reads the whole answer."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body bytes). A kept-alive connection that the server closed meanwhile (idle
        timeout) is opened again and the GET sent once more, as browsers do."""
        reused = self.writer is not None
        if not reused:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        try:
            self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n\r\n".encode("ascii"))
            await self.writer.drain()
            raw = await self.reader.readuntil(b"\r\n\r\n")
        except (ConnectionError, asyncio.IncompleteReadError) as err:
            await self.close()
            if not reused or (isinstance(err, asyncio.IncompleteReadError) and err.partial):
                raise
            return await self.get(path)
        head = raw.decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
            size = len(body)
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            size = 0
            while (n := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)):
                size += len(await self.reader.readexactly(n + 2)) - 2
            await self.reader.readuntil(b"\r\n")
        else:
            size = len(await self.reader.read())
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, size

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


@dataclass
class Sample:
    endpoint: str
    url: str
    status: int          # 0: connection error or timeout
    seconds: float
    bytes: int = 0


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0       # measured phase only
    client_cpu_s: float = 0.0


async def _client(port: int, targets: Targets, rng: random.Random, warm_until: float, stop_at: float,
                  think: float, budget: list[int], out: list[Sample]) -> None:
    conn = Connection(port)
    try:
        while (t0 := time.perf_counter()) < stop_at:
            measured = t0 >= warm_until
            if measured:
                if budget[0] <= 0:
                    break
                budget[0] -= 1            # taken before sending: never more than max_requests
            name, url = pick(rng, targets)
            t0 = time.perf_counter()
            try:
                status, size = await asyncio.wait_for(conn.get(url), REQUEST_TIMEOUT_S)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError):
                status, size = 0, 0
                await conn.close()
            if measured:
                out.append(Sample(name, url, status, time.perf_counter() - t0, size))
            if think:
                await asyncio.sleep(rng.expovariate(1.0 / think))
    finally:
        await conn.close()


def run_load(port: int, targets: Targets, *, clients: int, duration: float, max_requests: int,
             warmup: float = 0.0, think: float = 0.0, seed: int = 0) -> LoadResult:
    """Run the clients against the server on 127.0.0.1:`port`; samples of the measured phase."""
    clients = min(clients, MAX_CLIENTS)
    duration = min(duration, MAX_DURATION_S)
    max_requests = min(max_requests, MAX_REQUESTS)

    async def main() -> LoadResult:
        start = time.perf_counter()
        warm_until, stop_at = start + warmup, start + warmup + duration
        budget, out = [max_requests], []
        tasks = [_client(port, targets, random.Random(f"{seed}-{i}"), warm_until, stop_at, think, budget, out)
                 for i in range(clients)]
        await asyncio.wait_for(asyncio.gather(*tasks), warmup + duration + REQUEST_TIMEOUT_S + 5)
        return LoadResult(out, time.perf_counter() - max(warm_until, start))

    cpu0 = _cpu_self()
    result = asyncio.run(main())
    result.client_cpu_s = _cpu_self() - cpu0
    return result


# -- the server ----------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """`lagebild serve --db STORE` on 127.0.0.1 as a subprocess; a context manager that always stops it."""

    def __init__(self, store: Path, *, extra_args: list[str] = (), start_timeout: float = 180.0) -> None:
        self.store, self.extra_args, self.start_timeout = store, list(extra_args), start_timeout
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))}
        cmd = [sys.executable, "-m", "lagebild", "serve", "--db", str(self.store), "--host", HOST,
               "--port", str(self.port), *self.extra_args]
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode("utf-8", "replace")[-2000:]
                raise RuntimeError(f"lagebild serve exited with {self.proc.returncode}: {err}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/api/stats/overview", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"lagebild serve did not answer within {self.start_timeout:.0f} s")

    def cpu_seconds(self) -> float:
        """User + system CPU of the server and its worker processes so far (Linux /proc)."""
        total = 0.0
        for pid in [self.proc.pid, *_children(self.proc.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (OSError, IndexError, ValueError):
                pass
        return total

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)          # uvicorn shuts down, serve removes its copy
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __exit__(self, *exc) -> None:
        self.stop()


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# -- figures -------------------------------------------------------------------------------------------
def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[k]


def summarise(result: LoadResult) -> dict:
    """Per endpoint and overall: requests, errors, p50/p95/p99/max in ms, mean KiB."""
    groups: dict[str, list[Sample]] = {}
    for s in result.samples:
        groups.setdefault(s.endpoint, []).append(s)

    def figures(samples: list[Sample]) -> dict:
        ms = sorted(1000 * s.seconds for s in samples)
        return {"requests": len(samples), "distinct_urls": len({s.url for s in samples}),
                "errors": sum(1 for s in samples if s.status != 200),
                "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
                "p99_ms": round(percentile(ms, 99), 1), "max_ms": round(ms[-1], 1) if ms else None,
                "kib": round(sum(s.bytes for s in samples) / max(len(samples), 1) / 1024, 1)}

    overall = figures(result.samples)
    overall["requests_per_s"] = round(len(result.samples) / result.seconds, 1) if result.seconds else None
    return {"endpoints": {name: figures(groups[name]) for name, _, _ in MIX if name in groups},
            "overall": overall}


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def print_table(summary: dict) -> None:
    """Per endpoint: requests, distinct URLs among them (the rest can be answered from the
    server's cache), errors, latency percentiles in ms and the mean answer size."""
    print(f"{'endpoint':34s} {'n':>6s} {'uniq':>6s} {'err':>4s} {'p50':>7s} {'p95':>7s} {'p99':>7s} "
          f"{'max':>7s} {'KiB':>6s}")
    rows = [*summary["endpoints"].items(), ("overall", summary["overall"])]
    for name, f in rows:
        print(f"{name:34s} {f['requests']:6d} {f['distinct_urls']:6d} {f['errors']:4d} {f['p50_ms']:7.1f} "
              f"{f['p95_ms']:7.1f} {f['p99_ms']:7.1f} {f['max_ms'] or 0:7.1f} {f['kib']:6.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000, help="articles in the synthetic store (default 10,000)")
    ap.add_argument("--db", type=Path, default=None,
                    help="store file (default: lagebild-load-<articles>.duckdb in the temp folder)")
    ap.add_argument("--reuse", action="store_true", help="keep an existing store with that many articles")
    ap.add_argument("--clients", type=int, default=50, help=f"concurrent clients (default 50, at most {MAX_CLIENTS})")
    ap.add_argument("--duration", type=float, default=30.0, help=f"measured seconds (default 30, at most {MAX_DURATION_S:.0f})")
    ap.add_argument("--requests", type=int, default=100_000, help=f"stop after this many measured requests (at most {MAX_REQUESTS:,})")
    ap.add_argument("--warmup", type=float, default=5.0, help="seconds of load before measuring (default 5)")
    ap.add_argument("--think", type=float, default=0.0, help="mean pause of a client between requests, s (default 0)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--serve-args", default="", help="extra arguments for `lagebild serve`, e.g. \"--workers 2\"")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args()
    if not (1 <= args.clients <= MAX_CLIENTS and 0 < args.duration <= MAX_DURATION_S
            and 1 <= args.requests <= MAX_REQUESTS and 0 <= args.warmup <= 60):
        ap.error(f"--clients 1-{MAX_CLIENTS}, --duration up to {MAX_DURATION_S:.0f} s, "
                 f"--requests 1-{MAX_REQUESTS:,}, --warmup 0-60 s")

    store = args.db or Path(tempfile.gettempdir()) / f"lagebild-load-{args.articles}.duckdb"
    built = build_store(store, args.articles, seed=args.seed, reuse=args.reuse)
    db = open_database(str(store), read_only=True, migrate=False)
    try:
        targets = read_targets(db)
    finally:
        db.close()
    print(f"store: {store} ({args.articles:,} articles, {len(targets.entities):,} identities"
          + (f", built in {built:.0f} s)" if built else ", reused)"))
    print(f"machine: {os.cpu_count()} cores ({len(os.sched_getaffinity(0))} usable), {cpu_model()}")
    load_before = load()
    with Server(store, extra_args=shlex.split(args.serve_args)) as server:
        cpu0 = server.cpu_seconds()
        result = run_load(server.port, targets, clients=args.clients, duration=args.duration,
                          max_requests=args.requests, warmup=args.warmup, think=args.think, seed=args.seed)
        server_cpu = server.cpu_seconds() - cpu0   # includes the warm-up
    summary = summarise(result)
    info = {"articles": args.articles, "clients": args.clients, "think_s": args.think, "warmup_s": args.warmup,
            "measured_s": round(result.seconds, 1), "serve_args": args.serve_args,
            "load_before": load_before, "load_after": load(),
            "server_cpu_s": round(server_cpu, 1), "client_cpu_s": round(result.client_cpu_s, 1),
            "cores": os.cpu_count(), "cpu": cpu_model()}
    print(f"{args.clients} clients, think {args.think} s, {result.seconds:.1f} s measured after {args.warmup:.0f} s "
          f"warm-up, serve {args.serve_args or '(defaults)'}")
    print_table(summary)
    print(f"requests/s: {summary['overall']['requests_per_s']}, errors: {summary['overall']['errors']}")
    print(f"CPU s (warm-up + measured): server {info['server_cpu_s']}, clients {info['client_cpu_s']}; "
          f"load average before {info['load_before']}, after {info['load_after']}")
    if args.json:
        args.json.write_text(json.dumps({**info, **summary}, indent=2), encoding="utf-8")
    if summary["overall"]["errors"]:
        bad = [s for s in result.samples if s.status != 200][:5]
        print("first errors: " + "; ".join(f"{s.status} {s.url}" for s in bad))


if __name__ == "__main__":
    main()

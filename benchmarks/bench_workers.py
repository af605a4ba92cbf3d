"""`lagebild analyze --workers N` against one process, on the same articles, in one run.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_workers.py            # 600 articles, 1 and 2 workers
    PYTHONPATH=src .venv/bin/python benchmarks/bench_workers.py -n 300 --workers 1 2 3

Each setting runs the command line `lagebild analyze corpus.jsonl -f jsonl -o out.jsonl` as a
subprocess (start-up and model loading included, as a user sees it), and the outputs are compared
byte for byte. Prints wall seconds, articles/s, the speed-up against one worker and the machine
load: on a busy machine the speed-up is understated.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import gnad_articles

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record in gnad_articles(n):
            fh.write(json.dumps({"id": record["id"], "text": record["text"], "date": "2016-05-01"},
                                ensure_ascii=False) + "\n")


def run(corpus: Path, out: Path, workers: int) -> float:
    cmd = [sys.executable, "-m", "lagebild", "analyze", str(corpus), "-f", "jsonl", "-o", str(out),
           "--no-progress", "--workers", str(workers)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=600, help="articles of 10kGNAD (rows below 900), default 600")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load before {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.n)
        times, digests = {}, {}
        for w in args.workers:
            out = Path(tmp) / f"out-{w}.jsonl"
            times[w] = run(corpus, out, w)
            digests[w] = hashlib.sha256(out.read_bytes()).hexdigest()
            print(f"workers {w}: {times[w]:.1f} s, {args.n / times[w]:.2f} articles/s"
                  + (f", speed-up x{times[args.workers[0]] / times[w]:.2f}" if w != args.workers[0] else ""))
    same = len(set(digests.values())) == 1
    print(f"outputs identical byte for byte: {same}")
    print(f"load after: {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()

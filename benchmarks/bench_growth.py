"""How the whole pipeline's time grows with the size of odd inputs: one long token, many short
lines, many short words. For each shape it analyses sizes n, 2n, 4n, 8n and prints the seconds
and the ratio of each step; linear growth is a ratio near 2, quadratic near 4.

Run: .venv/bin/python benchmarks/bench_growth.py --start 25000
"""
from __future__ import annotations

import argparse
import time

import common  # noqa: F401  (puts src/ on the path)

from lagebild import analyze

SHAPES = {
    "long token": lambda n: "Der Minister sagte, " + "Ab" + "c" * n + " sei gut.",
    "short lines": lambda n: "Ja.\n" * (n // 4),
    "short words": lambda n: "Der Minister sagte, " + "x " * (n // 2) + "sei gut.",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--start", type=int, default=25000, help="smallest input size in characters")
    parser.add_argument("--steps", type=int, default=4)
    args = parser.parse_args()
    analyze("Die Regierung in Wien hat am Montag beschlossen.")   # load the pipeline once
    for name, make in SHAPES.items():
        times = []
        for k in range(args.steps):
            text = make(args.start * 2 ** k)
            t0 = time.perf_counter()
            analyze(text)
            times.append(time.perf_counter() - t0)
        ratios = " ".join(f"{b / a:.2f}" for a, b in zip(times, times[1:]))
        sizes = " ".join(f"{args.start * 2 ** k:,}: {t:.2f} s" for k, t in enumerate(times))
        print(f"{name:<12} {sizes}   step ratios {ratios}")


if __name__ == "__main__":
    main()

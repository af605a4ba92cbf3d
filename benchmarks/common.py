"""Shared helpers for the benchmarks: the 10kGNAD articles and peak memory."""
from __future__ import annotations

import csv
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from lagebild import paths  # noqa: E402

csv.field_size_limit(sys.maxsize)


GNAD_USABLE = 900  # rows 900 and later are held out for evaluation: never read, not even for speed


def gnad_articles(n: int) -> list[dict]:
    """The first n (at most 900) articles of 10kGNAD test.csv (`label;text`, `'` quote char) as records."""
    if n > GNAD_USABLE:
        sys.exit(f"at most {GNAD_USABLE} 10kGNAD articles: rows {GNAD_USABLE} and later are held out")
    path = paths.shared_data_dir() / "10kgnad" / "test.csv"
    if not path.exists():
        sys.exit(f"needs {path}; set LAGEBILD_DATA")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    return [{"id": f"gnad-{i}", "text": text, "source": "derstandard.at", "topic": label}
            for i, (label, text) in enumerate(rows[:min(n, GNAD_USABLE)])]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

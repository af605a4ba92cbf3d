"""A batch job: its options, its summary, and `run_batch`, which hands it to an engine."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

FORMATS = ("parquet", "jsonl")
DEFAULT_CHUNK_SIZE = 200


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity), not all the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class BatchOptions:
    """What `lagebild batch` was asked to do."""
    inputs: list[str]
    output: Path | str  # a str only for URIs (hdfs://, s3a://) of the Spark engine
    workers: int = field(default_factory=usable_cores)
    formats: tuple[str, ...] = ("parquet",)
    chunk_size: int = DEFAULT_CHUNK_SIZE  # records per chunk: the unit of work, commit and redo
    max_chars: int | None = None
    engine: str = "local"
    master: str | None = None  # Spark master URL (local[2], yarn, k8s://..., spark://...)

    def __post_init__(self) -> None:
        if "://" not in str(self.output):
            self.output = Path(self.output)
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            raise ValueError(f"--format must be one of {', '.join(FORMATS)}, got {bad or 'none'}")
        if self.workers < 1:
            raise ValueError(f"--workers must be at least 1, got {self.workers}")
        if self.chunk_size < 1:
            raise ValueError(f"--chunk-size must be at least 1, got {self.chunk_size}")


@dataclass
class Progress:
    """Counts a running job reports to its progress display."""
    processed: int = 0   # records finished in this run (committed or in flight)
    errors: int = 0
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0


ProgressCallback = Callable[[Progress], None]


@dataclass
class BatchSummary:
    """What a finished (or interrupted) run did."""
    output: Path | str
    engine: str
    workers: int
    analysed: int = 0
    unanalysed: int = 0   # not German: kept, as `lagebild analyze` keeps them, but not analysed
    errors: int = 0
    earlier: int = 0      # records finished by earlier runs into the same folder, skipped now
    restarts: int = 0     # worker processes that died and were replaced
    elapsed: float = 0.0
    startup: float = 0.0  # seconds until every worker had built its pipeline
    peak_rss_mib: list[float] = field(default_factory=list)  # per worker process
    complete: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return self.analysed + self.unanalysed + self.errors

    @property
    def rate(self) -> float:
        return self.records / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        """The one summary line printed at the end of a run."""
        head = "done" if self.complete else "interrupted"
        unit = "worker" if self.engine == "local" else "core"
        parts = [f"{head}: {self.records:,} records in {self.elapsed:.1f} s "
                 f"({self.rate:.1f}/s, {self.workers} {unit}{'s' if self.workers != 1 else ''}, "
                 f"{self.engine}): {self.analysed:,} analysed, {self.unanalysed:,} not German "
                 f"(kept unanalysed), {self.errors:,} errors"]
        if self.errors:
            parts.append(f"see {self.output}/errors.jsonl")
        if self.earlier:
            parts.append(f"{self.earlier:,} done by earlier runs")
        if self.restarts:
            parts.append(f"{self.restarts} worker restart{'s' if self.restarts != 1 else ''}")
        if self.peak_rss_mib:
            parts.append(f"peak RSS per worker {max(self.peak_rss_mib):,.0f} MiB")
        if not self.complete:
            parts.append("re-run the same command to resume")
        return "; ".join(parts) + f" → {self.output}"

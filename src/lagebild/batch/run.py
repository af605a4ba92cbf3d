"""`run_batch`: a batch job on the engine it names. The engines import the job's data classes
from `job.py`; only this module knows the engines, so no import runs in a circle."""
from __future__ import annotations

from lagebild.batch.job import BatchOptions, BatchSummary, ProgressCallback


def run_batch(options: BatchOptions, progress: ProgressCallback | None = None) -> BatchSummary:
    """Run a batch job on the engine it names."""
    if options.engine == "local":
        from lagebild.batch.local import run_local

        return run_local(options, progress)
    if options.engine == "spark":
        from lagebild.batch.spark import run_spark

        return run_spark(options, progress)
    raise ValueError(f"--engine must be local or spark, got {options.engine!r}")

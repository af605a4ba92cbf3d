"""Corpus-scale runs: `lagebild batch` on local worker processes or on Apache Spark.

The engines share one unit of work (`work.analyse_tasks`, the function `lagebild analyze` uses)
and one output layout (`output.py`: the store's tables as Parquet, see `lagebild.store.rows`).
"""
from lagebild.batch.job import BatchOptions, BatchSummary
from lagebild.batch.run import run_batch

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]

"""Tag-set mappings (from `resources/de/stts_upos.tsv`), one table for training and evaluation."""
from __future__ import annotations

from functools import lru_cache

from lagebild import paths


@lru_cache(maxsize=1)
def stts_upos() -> dict[str, str]:
    """STTS tag -> UPOS, following the majority use in UD German GSD (also maps HanTa's tags)."""
    return {row["stts"]: row["upos"] for row in paths.resource_records("stts_upos.tsv")}

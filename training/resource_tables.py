"""Shared steps of the scripts that derive `resources/de/*.tsv` tables from training data
(make_ner_gazetteer.py, make_lemma_lexicons.py, make_upos_conventions.py)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "src/lagebild/resources/de"


def majority(counts: Counter) -> tuple[str, int, int]:
    """(most frequent value, its count, total count)."""
    value, n = counts.most_common(1)[0]
    return value, n, sum(counts.values())


def write_resource_tsv(name: str, header: list[str], rows: list[list[str]]) -> Path:
    """Write a header line and TAB-separated rows to resources/de/<name>; returns the path."""
    out = RESOURCES / name
    lines = ["\t".join(header)] + ["\t".join(map(str, row)) for row in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out

"""Write the store's tables to files (Parquet, CSV, JSON Lines), one file per table.

Parquet output uses the exact column types of `TABLE_COLUMNS`, so an export folder is also a
valid input for `lagebild ingest --from DIR` (a store can be copied between DuckDB and
PostgreSQL this way). Tables are streamed in chunks; a large store never sits in memory whole.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from lagebild.store.db import Database
from lagebild.store.rows import TABLE_COLUMNS, _ARROW
from lagebild.store.writer import IDENTITY_COLUMNS, MEMBER_COLUMNS

FORMATS = ("parquet", "csv", "jsonl")
EXPORT_COLUMNS: dict[str, list[tuple[str, str]]] = {
    **TABLE_COLUMNS,
    "identities": IDENTITY_COLUMNS + [("n_docs", "INTEGER"), ("n_mentions", "INTEGER"),
                                      ("n_quotes", "INTEGER"), ("first_date", "TEXT"), ("last_date", "TEXT")],
    "identity_members": MEMBER_COLUMNS,
}
_ORDER = {"identities": "identity_id", "identity_members": "doc_id, entity_id"}


def export_tables(db: Database, output: str | Path, fmt: str = "parquet") -> dict[str, int]:
    """Write every table to `output/<table>.<fmt>`; returns rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, columns in EXPORT_COLUMNS.items():
        names = [c for c, _ in columns]
        order = _ORDER.get(table, "doc_id")
        sql = f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}"
        path = out / f"{table}.{fmt}"
        counts[table] = _WRITERS[fmt](db.iter_rows(sql), path, columns)
    return counts


def _write_parquet(chunks, path: Path, columns) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, getattr(pa, _ARROW[t])()) for c, t in columns])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for names, rows in chunks:
            data = {name: [_plain(r[i]) for r in rows] for i, name in enumerate(names)}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            n += len(rows)
    return n


def _write_csv(chunks, path: Path, columns) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c for c, _ in columns])
        for _, rows in chunks:
            writer.writerows([["" if v is None else _plain(v) for v in r] for r in rows])
            n += len(rows)
    return n


def _write_jsonl(chunks, path: Path, columns) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for names, rows in chunks:
            for r in rows:
                fh.write(json.dumps(dict(zip(names, map(_plain, r))), ensure_ascii=False) + "\n")
            n += len(rows)
    return n


def _plain(value):
    """Decimal (PostgreSQL sums) to int, so every format writes plain numbers."""
    from decimal import Decimal

    return int(value) if isinstance(value, Decimal) else value


_WRITERS = {"parquet": _write_parquet, "csv": _write_csv, "jsonl": _write_jsonl}

"""Flatten one `lagebild/1` article into relational rows: the single source of truth for the
store's per-article tables.

Three writers use these rows and must agree column for column: the store (`lagebild ingest`),
the batch job (writes one Parquet table per name in `TABLE_COLUMNS`) and the Parquet loader
(`lagebild ingest --from DIR`). So the column lists live here once, and everything else is
derived from them.

Conventions (they keep rows portable across DuckDB, PostgreSQL, Parquet and CSV):
- only plain scalars: TEXT, INTEGER, BIGINT, DOUBLE, BOOLEAN; nested data is a JSON string;
- dates are ISO `YYYY-MM-DD` TEXT (sorts and compares correctly as text, no timezone traps);
- every row carries `doc_id`; local ids (`e1`, `q3`) are unique only together with `doc_id`;
- spans are `start_char`/`end_char` (Python str indices into `documents.text`), because
  `start`/`end`/`of` are SQL keywords.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from lagebild.store.event_rows import EVENT_COLUMNS, event_rows
from lagebild.store.values import float_or_none as _float, int_or_none as _int, str_or_none as _str

# Per-article tables, in load order (parents first). Column order is the Parquet column order.
TABLE_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "TEXT"), ("content_hash", "TEXT"), ("title", "TEXT"), ("date", "TEXT"),
        ("source", "TEXT"), ("url", "TEXT"), ("dateline", "TEXT"), ("language", "TEXT"),
        ("n_chars", "INTEGER"), ("analysed", "BOOLEAN"), ("warnings", "TEXT"),
        ("text", "TEXT"), ("article_json", "TEXT"),
    ],
    "entities": [
        ("doc_id", "TEXT"), ("entity_id", "TEXT"), ("name", "TEXT"), ("type", "TEXT"),
        ("n_mentions", "INTEGER"),
    ],
    "mentions": [
        ("doc_id", "TEXT"), ("entity_id", "TEXT"), ("mention_idx", "INTEGER"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"), ("form", "TEXT"),
    ],
    "roles": [
        ("doc_id", "TEXT"), ("entity_id", "TEXT"), ("role_idx", "INTEGER"), ("role", "TEXT"),
        ("role_of", "TEXT"),  # entity id (same document) the role is held in, or NULL
    ],
    "quotes": [
        ("doc_id", "TEXT"), ("quote_id", "TEXT"), ("type", "TEXT"),
        ("speaker_entity", "TEXT"), ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"),
        ("speaker_text", "TEXT"), ("cue_text", "TEXT"),
        ("addressee_start", "INTEGER"), ("addressee_end", "INTEGER"), ("addressee_text", "TEXT"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("content", "TEXT"),  # the parts' text joined by " … ": what full-text search reads
    ],
    "quote_parts": [
        ("doc_id", "TEXT"), ("quote_id", "TEXT"), ("kind", "TEXT"),  # 'part' or 'cue'
        ("part_idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "TEXT"),
    ],
    "events": EVENT_COLUMNS,
    "times": [
        ("doc_id", "TEXT"), ("time_idx", "INTEGER"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("text", "TEXT"), ("value", "TEXT"), ("data", "TEXT"),
    ],
    "amounts": [
        ("doc_id", "TEXT"), ("amount_idx", "INTEGER"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("text", "TEXT"), ("value", "DOUBLE"), ("unit", "TEXT"),
        ("data", "TEXT"),
    ],
}
TABLES: tuple[str, ...] = tuple(TABLE_COLUMNS)
PART_SEPARATOR = " … "


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 text: with `doc_id` the key that makes ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _span(d: dict | None) -> tuple[int | None, int | None, str | None]:
    if not d:
        return None, None, None
    return d.get("start"), d.get("end"), d.get("text")




def article_to_rows(article: dict) -> dict[str, list[dict]]:
    """Rows for every table in `TABLE_COLUMNS` from one `lagebild/1` dict.

    Each row is a dict with exactly the table's columns (in order). Missing optional parts of the
    article become NULLs, never errors, so one odd article cannot stop a batch.
    """
    doc_id = str(article["id"])
    text = article.get("text") or ""
    meta = article.get("meta") or {}
    out: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    out["documents"].append({
        "doc_id": doc_id, "content_hash": content_hash(text), "title": meta.get("title"),
        "date": meta.get("date"), "source": meta.get("source"), "url": meta.get("url"),
        "dateline": meta.get("dateline"), "language": meta.get("language"),
        "n_chars": len(text), "analysed": bool(article.get("sentences")),
        "warnings": _json(list(meta.get("warnings") or [])), "text": text,
        "article_json": json.dumps(article, ensure_ascii=False),
    })
    for ent in article.get("entities") or []:
        eid = str(ent["id"])
        mentions = ent.get("mentions") or []
        out["entities"].append({"doc_id": doc_id, "entity_id": eid, "name": ent.get("name"),
                                "type": ent.get("type"), "n_mentions": len(mentions)})
        for i, m in enumerate(mentions):
            out["mentions"].append({"doc_id": doc_id, "entity_id": eid, "mention_idx": i,
                                    "start_char": m.get("start"), "end_char": m.get("end"),
                                    "text": m.get("text"), "form": m.get("form", "name")})
        for i, r in enumerate(ent.get("roles") or []):
            out["roles"].append({"doc_id": doc_id, "entity_id": eid, "role_idx": i,
                                 "role": r.get("role"), "role_of": r.get("of")})
    for q in article.get("quotes") or []:
        qid = str(q["id"])
        parts = q.get("parts") or []
        cues = q.get("cue") or []
        speaker = q.get("speaker") or {}
        s_start, s_end, s_text = _span(speaker.get("mention"))
        a_start, a_end, a_text = _span(q.get("addressee"))
        starts = [p["start"] for p in parts if "start" in p]
        ends = [p["end"] for p in parts if "end" in p]
        out["quotes"].append({
            "doc_id": doc_id, "quote_id": qid, "type": q.get("type"),
            "speaker_entity": speaker.get("entity"), "speaker_start": s_start,
            "speaker_end": s_end, "speaker_text": s_text,
            "cue_text": " ".join(c.get("text", "") for c in cues) or None,
            "addressee_start": a_start, "addressee_end": a_end, "addressee_text": a_text,
            "start_char": min(starts) if starts else None, "end_char": max(ends) if ends else None,
            "content": PART_SEPARATOR.join(p.get("text", "") for p in parts),
        })
        for kind, spans in (("part", parts), ("cue", cues)):
            for i, p in enumerate(spans):
                out["quote_parts"].append({"doc_id": doc_id, "quote_id": qid, "kind": kind,
                                           "part_idx": i, "start_char": p.get("start"),
                                           "end_char": p.get("end"), "text": p.get("text")})
    out["events"] = event_rows(doc_id, article)
    for i, t in enumerate(article.get("times") or []):
        out["times"].append({
            "doc_id": doc_id, "time_idx": i, "start_char": _int(t.get("start")),
            "end_char": _int(t.get("end")), "text": _str(t.get("text")),
            "value": _str(t.get("value")), "data": _json(t),
        })
    for i, a in enumerate(article.get("amounts") or []):
        out["amounts"].append({
            "doc_id": doc_id, "amount_idx": i, "start_char": _int(a.get("start")),
            "end_char": _int(a.get("end")), "text": _str(a.get("text")),
            "value": _float(a.get("value")), "unit": _str(a.get("unit")), "data": _json(a),
        })
    return out


def rows_to_article(document_row: dict) -> dict:
    """The `lagebild/1` dict back from a `documents` row (its `article_json` column)."""
    return json.loads(document_row["article_json"])


_ARROW = {"TEXT": "string", "INTEGER": "int64", "BIGINT": "int64", "DOUBLE": "float64",
          "BOOLEAN": "bool_"}


def arrow_schema(table: str):
    """The pyarrow schema of one table, so Parquet files from the batch job load back exactly."""
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, _ARROW[sql])()) for name, sql in TABLE_COLUMNS[table]])


def rows_to_arrow(table: str, rows: list[dict]):
    """A pyarrow Table of `rows` for `table`, columns in `TABLE_COLUMNS` order."""
    import pyarrow as pa

    schema = arrow_schema(table)
    return pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)

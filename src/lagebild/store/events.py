"""Events in the store: the flat event-data table (`lagebild export events`), the event search
behind `/api/events` and `/events`, and the actor-to-actor counts of the "who does what to whom"
view.

One row per event, the layout of ICEWS/POLECAT-style event data: article date and id, actor and
target (name in the article, corpus-wide identity id and name), PLOVER type and its CAMEO quad
class, negation, modality, the time value, the place, the quote it is claimed in with its
speaker, the sentence, and the trigger's offsets into the article text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from lagebild.article import EVENT_QUAD
from lagebild.store.db import Database
from lagebild.store.queries import ESC, _dates, like
from lagebild.store.search import capped_page

_QUAD_CASE = "CASE e.type " + " ".join(f"WHEN '{t}' THEN '{q}'" for t, q in EVENT_QUAD.items()) + " END"
EVENT_EXPORT_COLUMNS: list[tuple[str, str]] = [
    ("date", "TEXT"), ("doc_id", "TEXT"), ("event_id", "TEXT"), ("type", "TEXT"), ("quad_class", "TEXT"),
    ("negated", "BOOLEAN"), ("modality", "TEXT"),
    ("actor_name", "TEXT"), ("actor_identity", "TEXT"), ("actor_identity_name", "TEXT"), ("actor_text", "TEXT"),
    ("target_name", "TEXT"), ("target_identity", "TEXT"), ("target_identity_name", "TEXT"), ("target_text", "TEXT"),
    ("source_quote", "TEXT"), ("source_speaker_name", "TEXT"), ("source_speaker_identity", "TEXT"),
    ("time_value", "TEXT"), ("place_text", "TEXT"), ("score", "DOUBLE"), ("sentence", "TEXT"),
    ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger_text", "TEXT"), ("title", "TEXT"),
]
EVENT_SELECT = (
    "d.date AS date, e.doc_id AS doc_id, e.event_id AS event_id, e.type AS type, "
    f"{_QUAD_CASE} AS quad_class, e.negated AS negated, e.modality AS modality, "
    "ea.name AS actor_name, ia.identity_id AS actor_identity, ia.name AS actor_identity_name, "
    "e.actor_text AS actor_text, "
    "et.name AS target_name, it.identity_id AS target_identity, it.name AS target_identity_name, "
    "e.target_text AS target_text, "
    "e.source_quote AS source_quote, es.name AS source_speaker_name, "
    "ms.identity_id AS source_speaker_identity, "
    "e.time_value AS time_value, e.place_text AS place_text, e.score AS score, e.sentence AS sentence, "
    "e.start_char AS trigger_start, e.end_char AS trigger_end, e.text AS trigger_text, d.title AS title"
)
EVENT_BASE = (
    "FROM events e JOIN documents d ON d.doc_id = e.doc_id "
    "LEFT JOIN entities ea ON ea.doc_id = e.doc_id AND ea.entity_id = e.actor_entity "
    "LEFT JOIN identity_members ma ON ma.doc_id = e.doc_id AND ma.entity_id = e.actor_entity "
    "LEFT JOIN identities ia ON ia.identity_id = ma.identity_id "
    "LEFT JOIN entities et ON et.doc_id = e.doc_id AND et.entity_id = e.target_entity "
    "LEFT JOIN identity_members mt ON mt.doc_id = e.doc_id AND mt.entity_id = e.target_entity "
    "LEFT JOIN identities it ON it.identity_id = mt.identity_id "
    "LEFT JOIN entities es ON es.doc_id = e.doc_id AND es.entity_id = e.source_speaker "
    "LEFT JOIN identity_members ms ON ms.doc_id = e.doc_id AND ms.entity_id = e.source_speaker "
)
EXPORT_ORDER = "d.date NULLS LAST, e.doc_id, e.event_idx"


def event_filters(*, actor: str | None = None, target: str | None = None, actor_name: str | None = None,
                  target_name: str | None = None, type: str | None = None, negated: bool | None = None,
                  date_from: str | None = None, date_to: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions and their bound parameters. `actor`/`target`: identity ids;
    `actor_name`/`target_name`: text in the identity's or the article's name."""
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("ma.identity_id", actor), ("mt.identity_id", target), ("e.type", type)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    for alias, identity, value in (("ea", "ia", actor_name), ("et", "it", target_name)):
        if value:
            where.append(f"({identity}.name ILIKE ? {ESC} OR {alias}.name ILIKE ? {ESC})")
            params += [like(value), like(value)]
    if negated is not None:
        where.append("e.negated = ?")
        params.append(bool(negated))
    _dates(where, params, date_from, date_to)
    return where, params


def search_events(db: Database, *, limit: int = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
    """Events, newest first, filtered as `event_filters` describes; paginated with a capped total."""
    where, params = event_filters(**filters)
    return capped_page(db, EVENT_SELECT, EVENT_BASE, where, params,
                 "d.date DESC NULLS LAST, e.doc_id, e.event_idx", limit, offset)


def event_pairs(db: Database, *, limit: int = 50, **filters: Any) -> list[dict[str, Any]]:
    """Who does what to whom: events per (actor identity, target identity) pair, split into
    cooperation and conflict (CAMEO quad classes), most events first."""
    where, params = event_filters(**filters)
    where += ["ma.identity_id IS NOT NULL", "mt.identity_id IS NOT NULL"]
    quad = _QUAD_CASE
    sql = (f"SELECT ia.identity_id AS actor_identity, ia.name AS actor_name, "
           f"it.identity_id AS target_identity, it.name AS target_name, count(*) AS n, "
           f"sum(CASE WHEN {quad} LIKE '%cooperation' THEN 1 ELSE 0 END) AS n_cooperation, "
           f"sum(CASE WHEN {quad} LIKE '%conflict' THEN 1 ELSE 0 END) AS n_conflict, "
           f"sum(CASE WHEN e.negated THEN 1 ELSE 0 END) AS n_negated "
           f"{EVENT_BASE} WHERE {' AND '.join(where)} "
           "GROUP BY ia.identity_id, ia.name, it.identity_id, it.name "
           "ORDER BY n DESC, ia.identity_id, it.identity_id LIMIT ?")
    rows = db.query(sql, [*params, limit])
    return [{k: (int(v) if k.startswith("n") and v is not None else v) for k, v in row.items()} for row in rows]


def export_events(db: Database, output: str | Path, fmt: str = "csv", **filters: Any) -> int:
    """Write the event table (every event, or those matching `filters`) to one file; rows written."""
    from lagebild.store.export import FORMATS, _WRITERS

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    where, params = event_filters(**filters)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    sql = f"SELECT {EVENT_SELECT} {EVENT_BASE}{cond} ORDER BY {EXPORT_ORDER}"
    return _WRITERS[fmt](db.iter_rows(sql, params), path, EVENT_EXPORT_COLUMNS)

"""Read side of the store: the queries behind the REST API and the web pages.

The HTML pages and their JSON twins call the same functions, so they can never disagree. Every
list is paginated (`limit`/`offset`, with a total) and every user value is a bound parameter;
text search is a case-insensitive substring match with LIKE wildcards escaped; store/search.py
keeps its work bounded (indexes, word index, totals counted up to a cap: `total_capped`).
"""
from __future__ import annotations

import json
from typing import Any

from lagebild.store import search
from lagebild.store.db import Database

ESC = "ESCAPE '\\'"


def like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with %, _ and \\ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_TOTAL = "_lagebild_total"   # the column that carries a page's total (count(*) OVER ())


def _page(db: Database, select: str, base: str, where: list[str], params: list[Any], order: str,
          limit: int, offset: int) -> dict[str, Any]:
    """One page and the total in one pass: `count(*) OVER ()` is counted before LIMIT, so the
    joins and text filters run once, not once for the count and again for the page. Only a page
    past the end (no rows to carry the total) needs a separate count."""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    rows = db.query(f"SELECT {select}, count(*) OVER () AS {_TOTAL} {base}{cond} ORDER BY {order} LIMIT ? OFFSET ?",
                    [*params, limit, offset])
    return _paged(db, rows, f"SELECT count(*) {base}{cond}", params, limit, offset)


def _paged(db: Database, rows: list[dict[str, Any]], count_sql: str, params: list[Any], limit: int,
           offset: int) -> dict[str, Any]:
    """The page dict from rows that carry the total in `_TOTAL` (dropped from the items)."""
    if rows:
        total = int(rows[0][_TOTAL])
    else:
        total = int(db.scalar(count_sql, params) or 0) if offset else 0
    for row in rows:
        del row[_TOTAL]
    return search.page_dict(rows, total, False, limit, offset)


# -- documents --------------------------------------------------------------------------------------
def list_documents(db: Database, *, q: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Documents, newest first; `q` searches title and text (total capped, see store/search.py)."""
    where, params = [], []
    _dates(where, params, date_from, date_to)
    if not q:
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        rows = _document_rows(db, where, params, limit, offset)
        total = len(rows) + offset if 0 < len(rows) < limit else int(
            db.scalar(f"SELECT count(*) FROM documents d{cond}", params) or 0)
        return search.page_dict(rows, total, False, limit, offset)
    match, match_params = f"(d.title ILIKE ? {ESC} OR d.text ILIKE ? {ESC})", [like(q), like(q)]
    words, exact = search.query_words(db, q) if search.uses_word_index(db) else ([], False)
    if words:
        def check(ids: list[str]) -> list[dict]:
            return _document_rows(db, [*where, f"d.doc_id IN {db.in_list(ids)}", match],
                                  [*params, *ids, *match_params], len(ids), 0)
        return search.walk_candidates(db, words, (date_from, date_to), check, limit, offset, exact)
    where, params = [*where, match], [*params, *match_params]
    rows = _document_rows(db, where, params, limit, offset)
    total, capped = search.capped_total(db, "FROM documents d", " WHERE " + " AND ".join(where), params,
                                        rows, limit, offset)
    return search.page_dict(rows, total, capped, limit, offset)


def _document_rows(db: Database, where: list[str], params: list[Any], limit: int, offset: int) -> list[dict]:
    """A page of document summaries, newest first; the entities and quotes of just its documents
    are counted (not those of every document)."""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    return db.query(
        "WITH page AS (SELECT d.doc_id AS id, d.title, d.date, d.source, d.url, d.n_chars "
        f"FROM documents d{cond} ORDER BY d.date DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?) "
        "SELECT p.id, p.title, p.date, p.source, p.url, p.n_chars, "
        "coalesce(ne.n, 0) AS n_entities, coalesce(nq.n, 0) AS n_quotes FROM page p "
        "LEFT JOIN (SELECT doc_id, count(*) AS n FROM entities WHERE doc_id IN (SELECT id FROM page) "
        "GROUP BY doc_id) ne ON ne.doc_id = p.id "
        "LEFT JOIN (SELECT doc_id, count(*) AS n FROM quotes WHERE doc_id IN (SELECT id FROM page) "
        "GROUP BY doc_id) nq ON nq.doc_id = p.id "
        "ORDER BY p.date DESC NULLS LAST, p.id", [*params, limit, offset])


def _dates(where: list[str], params: list[Any], date_from: str | None, date_to: str | None) -> None:
    if date_from:
        where.append("d.date >= ?")
        params.append(str(date_from))
    if date_to:
        where.append("d.date <= ?")
        params.append(str(date_to))


def get_document(db: Database, doc_id: str) -> dict[str, Any] | None:
    """The stored `lagebild/1` dict of one document, or None."""
    raw = db.scalar("SELECT article_json FROM documents WHERE doc_id = ?", [doc_id])
    return json.loads(raw) if raw else None


def document_identities(db: Database, doc_id: str) -> dict[str, dict[str, str]]:
    """entity_id -> {id, name, type} of its corpus identity, for links on the article page."""
    # two point lookups: cheaper than letting the engine plan a join for a handful of rows
    members = db.query("SELECT entity_id, identity_id FROM identity_members WHERE doc_id = ?", [doc_id])
    ids = sorted({m["identity_id"] for m in members})
    if not ids:
        return {}
    idents = {r["identity_id"]: r for r in db.query(
        f"SELECT identity_id, name, type FROM identities WHERE identity_id IN {db.in_list(ids)}", ids)}
    return {m["entity_id"]: {"id": i["identity_id"], "name": i["name"], "type": i["type"]}
            for m in members if (i := idents.get(m["identity_id"])) is not None}


# -- identities ("entities" in the API) -------------------------------------------------------------
IDENTITY_SELECT = ("i.identity_id AS id, i.name, i.type, i.n_docs, i.n_mentions, i.n_quotes, "
                   "i.first_date, i.last_date")


def list_identities(db: Database, *, type: str | None = None, name: str | None = None,
                    limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Identities by number of mentions; `name` matches the display name or any variant."""
    where, params = [], []
    if type:
        where.append("i.type = ?")
        params.append(type)
    if name:
        where.append(f"(i.name ILIKE ? {ESC} OR EXISTS (SELECT 1 FROM identity_members m JOIN entities e "
                     "ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id "
                     f"WHERE m.identity_id = i.identity_id AND e.name ILIKE ? {ESC}))")
        params += [like(name), like(name)]
    return _page(db, IDENTITY_SELECT, "FROM identities i", where, params,
                 "i.n_mentions DESC, i.n_quotes DESC, i.identity_id", limit, offset)


def get_identity(db: Database, identity_id: str, *, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """One identity with its name variants, and pages (`limit`/`offset`) of its roles over time,
    the evidence of its members (`roles_more`/`evidence_more`: the next offset has more), its
    mentions and quotes; and its monthly timeline."""
    rows = db.query(f"SELECT {IDENTITY_SELECT} FROM identities i WHERE i.identity_id = ?", [identity_id])
    if not rows:
        return None
    ident = rows[0]
    ident["names"] = db.query(
        "SELECT e.name, count(*) AS n FROM identity_members m JOIN entities e "
        "ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id WHERE m.identity_id = ? "
        "GROUP BY e.name ORDER BY n DESC, e.name", [identity_id])
    ident["roles"], ident["roles_more"] = _more(db.query(
        "SELECT r.role, o.name AS of, d.date, d.doc_id FROM identity_members m "
        "JOIN roles r ON r.doc_id = m.doc_id AND r.entity_id = m.entity_id "
        "JOIN documents d ON d.doc_id = m.doc_id "
        "LEFT JOIN entities o ON o.doc_id = r.doc_id AND o.entity_id = r.role_of "
        "WHERE m.identity_id = ? ORDER BY d.date NULLS LAST, d.doc_id, r.role_idx, r.entity_id LIMIT ? OFFSET ?",
        [identity_id, limit + 1, offset]), limit)
    ident["evidence"], ident["evidence_more"] = _more(db.query(
        "SELECT m.doc_id, m.entity_id, e.name, m.evidence FROM identity_members m "
        "JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id "
        "JOIN documents d ON d.doc_id = m.doc_id WHERE m.identity_id = ? "
        "ORDER BY d.date NULLS LAST, m.doc_id, m.entity_id LIMIT ? OFFSET ?", [identity_id, limit + 1, offset]), limit)
    base = ("FROM identity_members m JOIN mentions x ON x.doc_id = m.doc_id AND x.entity_id = m.entity_id "
            "JOIN documents d ON d.doc_id = m.doc_id")
    ident["mentions"] = search.capped_page(
        db, "x.doc_id, d.title, d.date, x.start_char AS start, x.end_char AS \"end\", x.text, x.form",
        base, ["m.identity_id = ?"], [identity_id], "d.date NULLS LAST, x.doc_id, x.start_char", limit, offset)
    ident["quotes"] = search_quotes(db, entity=identity_id, limit=limit, offset=offset)
    ident["timeline"] = db.query(
        "SELECT substr(d.date, 1, 7) AS month, count(DISTINCT m.doc_id) AS n_docs, "
        "count(DISTINCT q.doc_id || '/' || q.quote_id) AS n_quotes "
        "FROM identity_members m JOIN documents d ON d.doc_id = m.doc_id "
        "LEFT JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker_entity = m.entity_id "
        "WHERE m.identity_id = ? AND d.date IS NOT NULL GROUP BY substr(d.date, 1, 7) ORDER BY month",
        [identity_id])
    return ident


def _more(rows: list[dict], limit: int) -> tuple[list[dict], bool]:
    """The first `limit` of rows fetched with LIMIT limit + 1, and whether there was one more."""
    return rows[:limit], len(rows) > limit


# -- quotes -----------------------------------------------------------------------------------------
QUOTE_SPEAKER_JOINS = ("LEFT JOIN identity_members m ON m.doc_id = q.doc_id AND m.entity_id = q.speaker_entity "
                       "LEFT JOIN identities i ON i.identity_id = m.identity_id")
QUOTE_BASE = "FROM quotes q JOIN documents d ON d.doc_id = q.doc_id " + QUOTE_SPEAKER_JOINS
QUOTE_SELECT = ("q.doc_id, q.quote_id AS id, q.type, q.content, q.cue_text AS cue, q.speaker_text, "
                "i.identity_id AS speaker_id, i.name AS speaker_name, d.date, d.title, "
                "q.start_char AS start, q.end_char AS \"end\"")
QUOTE_ORDER = "d.date DESC NULLS LAST, q.doc_id, q.start_char, q.quote_id"


def search_quotes(db: Database, *, speaker: str | None = None, entity: str | None = None,
                  q: str | None = None, type: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Quotes, newest first. `speaker`: text in the speaker's name; `entity`: speaker identity
    id; `q`: text in the quote itself; dates bound the article date (inclusive). Totals are
    capped (store/search.py)."""
    where, params = [], []
    base = QUOTE_BASE
    if speaker:
        base, params = _speaker_base(speaker), [like(speaker), like(speaker)]
    if entity:
        where.append("m.identity_id = ?")
        params.append(entity)
    if type:
        where.append("q.type = ?")
        params.append(type)
    _dates(where, params, date_from, date_to)
    if q:
        where.append(f"q.content ILIKE ? {ESC}")
        params.append(like(q))
    # one identity per (document, entity) at most: without a filter on it, the speaker joins
    # only add columns, and the total is counted without them
    count_base = None if entity else base[:-len(QUOTE_SPEAKER_JOINS)]
    return search.capped_page(db, QUOTE_SELECT, base, where, params, QUOTE_ORDER, limit, offset, count_base)


def _speaker_base(speaker: str) -> str:
    """QUOTE_BASE narrowed to the quotes of the identities whose name has `speaker`, and those
    whose speaker text has it: the names are searched first, then just those speakers' quotes."""
    keys = ("SELECT q.doc_id, q.quote_id FROM identities i "
            "JOIN identity_members m ON m.identity_id = i.identity_id "
            "JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker_entity = m.entity_id "
            f"WHERE i.name ILIKE ? {ESC} "
            f"UNION SELECT q.doc_id, q.quote_id FROM quotes q WHERE q.speaker_text ILIKE ? {ESC}")
    return (f"FROM ({keys}) k JOIN quotes q ON q.doc_id = k.doc_id AND q.quote_id = k.quote_id "
            + QUOTE_BASE[len("FROM quotes q "):])


def identity_exists(db: Database, identity_id: str) -> bool:
    return bool(db.query("SELECT 1 AS one FROM identities WHERE identity_id = ? LIMIT 1", [identity_id]))


def quotes_per_month(db: Database, *, entity: str | None = None) -> list[dict[str, Any]]:
    """Number of quotes per article month (YYYY-MM); undated articles are left out."""
    where, params = ["d.date IS NOT NULL"], []
    if entity:
        where.append("m.identity_id = ?")
        params.append(entity)
    return db.query(f"SELECT substr(d.date, 1, 7) AS month, count(*) AS n {QUOTE_BASE} "
                    f"WHERE {' AND '.join(where)} GROUP BY substr(d.date, 1, 7) ORDER BY month", params)


def overview(db: Database, *, top: int = 10) -> dict[str, Any]:
    """Corpus overview: totals, top speakers, top entities, articles per day."""
    totals = {t: int(db.scalar(f"SELECT count(*) FROM {t}") or 0)
              for t in ("documents", "identities", "quotes", "mentions")}
    return {
        "totals": totals,
        "top_speakers": db.query(f"SELECT {IDENTITY_SELECT} FROM identities i WHERE i.n_quotes > 0 "
                                 "ORDER BY i.n_quotes DESC, i.identity_id LIMIT ?", [top]),
        "top_entities": db.query(f"SELECT {IDENTITY_SELECT} FROM identities i "
                                 "ORDER BY i.n_mentions DESC, i.identity_id LIMIT ?", [top]),
        "articles_per_day": db.query("SELECT d.date AS day, count(*) AS n FROM documents d "
                                     "WHERE d.date IS NOT NULL GROUP BY d.date ORDER BY d.date"),
    }

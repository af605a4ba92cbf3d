"""Bounded text search: pages whose work does not grow with the number of matches.

Both engines answer `ILIKE '%…%'` exactly; what differs is how they find the candidates.
PostgreSQL has pg_trgm GIN indexes (migration 0004) and runs the plain SQL. DuckDB has the word
index of migration 0004 (`search_docs`, `search_terms`): the documents that have, for every word
of the query, a word containing it, are a superset of the matches (a match has the query's words
inside its own words); they are walked newest first in chunks and checked with the exact ILIKE
until the page is full. Totals are counted up to `offset + TOTAL_CAP`; beyond that the page says
`total_capped` and `total` is a lower bound.
"""
from __future__ import annotations

from typing import Any, Callable

from lagebild.store.db import Database

TOTAL_CAP = 1000          # matches counted beyond the offset before a total is a lower bound
CHUNK = 500               # candidate documents checked per round
CHECK_BUDGET = 20_000     # candidate documents checked for one page and its total, at most
WORDS = r"[^\p{L}\p{N}]+"  # what separates words, for the index and the query alike


def capped_total(db: Database, base: str, cond: str, params: list[Any], rows: list, limit: int,
                 offset: int) -> tuple[int, bool]:
    """(total, capped) of a page: exact without counting when the page is not full, else the
    matches counted up to `offset + TOTAL_CAP` (capped when there are more)."""
    if len(rows) < limit and (rows or not offset):
        return offset + len(rows), False
    cap = offset + TOTAL_CAP
    n = int(db.scalar(f"SELECT count(*) FROM (SELECT 1 {base}{cond} LIMIT ?) AS c", [*params, cap + 1]) or 0)
    return min(n, cap), n > cap


def page_dict(items: list[dict], total: int, capped: bool, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "total_capped": capped, "limit": limit, "offset": offset, "items": items}


def capped_page(db: Database, select: str, base: str, where: list[str], params: list[Any], order: str,
                limit: int, offset: int, count_base: str | None = None) -> dict[str, Any]:
    """One page in `order` and its capped total (see `capped_total`); `count_base` counts the
    same rows with fewer joins when the page's joins only add columns."""
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    rows = db.query(f"SELECT {select} {base}{cond} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    total, capped = capped_total(db, count_base or base, cond, params, rows, limit, offset)
    return page_dict(rows, total, capped, limit, offset)


# -- the DuckDB word index ------------------------------------------------------------------------
def uses_word_index(db: Database) -> bool:
    return db.kind == "duckdb"


def index_documents(db: Database, doc_ids: list[str]) -> None:
    """Number the stored documents `doc_ids` and add their words to `search_terms` (DuckDB)."""
    if not uses_word_index(db) or not doc_ids:
        return
    marks = db.in_list(doc_ids)
    db.execute("INSERT INTO search_docs SELECT nextval('search_doc_no'), doc_id, date FROM documents "
               f"WHERE doc_id IN {marks} ORDER BY doc_id", doc_ids)
    db.execute(
        "INSERT INTO search_terms SELECT term, list(doc_no ORDER BY doc_no) FROM ("
        f"SELECT DISTINCT unnest(regexp_split_to_array(lower(coalesce(d.title, '') || ' ' || d.text), '{WORDS}')) "
        "AS term, s.doc_no FROM documents d JOIN search_docs s ON s.doc_id = d.doc_id "
        f"WHERE d.doc_id IN {marks}) WHERE term <> '' GROUP BY term", doc_ids)


def forget_documents(db: Database, doc_ids: list[str]) -> None:
    """Drop the numbers of documents about to be deleted: their words no longer find them."""
    if uses_word_index(db) and doc_ids:
        db.execute(f"DELETE FROM search_docs WHERE doc_id IN {db.in_list(doc_ids)}", doc_ids)


def query_words(db: Database, q: str) -> tuple[list[str], bool]:
    """(the lower-cased words of `q`, split as the index splits texts; whether `q` is one word)."""
    row = db.query(f"SELECT regexp_split_to_array(lower(?), '{WORDS}') AS words, lower(?) AS low", [q, q])[0]
    words = sorted({w for w in row["words"] or [] if w})
    return words, words == [row["low"]]


def _candidates(words: list[str]) -> tuple[str, list[Any]]:
    """SQL for the document numbers that have, for each of `words`, a word containing it."""
    one = "SELECT unnest(doc_nos) AS doc_no FROM search_terms WHERE contains(term, ?)"
    return " INTERSECT ".join([one] * len(words)), list(words)


def candidate_chunk(db: Database, words: list[str], dates: tuple[str | None, str | None], size: int,
                    skip: int) -> tuple[list[str], int]:
    """(`size` candidate doc ids after `skip`, newest first; number of candidates)."""
    sql, params = _candidates(words)
    cond = ""
    for op, day in ((">=", dates[0]), ("<=", dates[1])):
        if day:
            cond += f" AND s.date {op} ?"
            params.append(day)
    rows = db.query(f"SELECT s.doc_id, count(*) OVER () AS n FROM search_docs s WHERE s.doc_no IN ({sql}){cond} "
                    "ORDER BY s.date DESC NULLS LAST, s.doc_id LIMIT ? OFFSET ?", [*params, size, skip])
    return [r["doc_id"] for r in rows], (int(rows[0]["n"]) if rows else 0)


def walk_candidates(db: Database, words: list[str], dates: tuple[str | None, str | None],
                    check: Callable[[list[str]], list[dict]], limit: int, offset: int,
                    exact_docs: bool) -> dict[str, Any]:
    """The page of matches `check` confirms among the candidates, walked newest first.

    `check(doc_ids)`: the matching items of those documents, in page order. `exact_docs`: every
    candidate is one match (a one-word document search), so the number of candidates is the total."""
    if exact_docs:
        ids, n_candidates = candidate_chunk(db, words, dates, limit, offset)
        return page_dict(check(ids) if ids else [], n_candidates, False, limit, offset)
    found: list[dict] = []
    skip, want = 0, offset + limit + 1
    while True:
        ids, n_candidates = candidate_chunk(db, words, dates, max(CHUNK, want - len(found), skip), skip)
        skip += len(ids)
        found += check(ids) if ids else []
        done = skip >= n_candidates or not ids
        enough = len(found) >= offset + TOTAL_CAP + 1 or skip >= CHECK_BUDGET
        if done or (len(found) >= want and enough):
            total = min(len(found), offset + TOTAL_CAP) if not done else len(found)
            return page_dict(found[offset:offset + limit], total, not done, limit, offset)

"""Bounded search (store/search.py, migration 0004) gives the answers of the plain queries: the
same items in the same order as a full ILIKE scan, capped totals that say so, paged roles and
evidence, and an existing store that upgrades to the word index and trigram indexes."""
from __future__ import annotations

import copy
import warnings

import pytest

from lagebild.store import db as store_db, queries, search
from lagebild.store.ingest import ingest_articles
from lagebild.store.queries import ESC, QUOTE_BASE, QUOTE_ORDER, QUOTE_SELECT, like
from lagebild.store.sample import synthetic_articles
from store_engines import postgres_schema, postgres_url, skip_reason

NEEDLES = ["Nato", "nato", "russland", "ato-Gen", "Meldung 7.", "Meldung 1", "in der", "größ", "ÄNDER",
           "Kopenhagen", "Entschlossenheit", "xyzzy", "100%", "_", "Rasmussen", "er"]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return synthetic_articles(80, seed=5)


def plain_documents(db, q: str) -> list[str]:
    rows = db.query(f"SELECT doc_id FROM documents d WHERE d.title ILIKE ? {ESC} OR d.text ILIKE ? {ESC} "
                    "ORDER BY d.date DESC NULLS LAST, d.doc_id", [like(q), like(q)])
    return [r["doc_id"] for r in rows]


def plain_quotes(db, where: str, params: list) -> list[tuple[str, str]]:
    rows = db.query(f"SELECT {QUOTE_SELECT} {QUOTE_BASE} WHERE {where} ORDER BY {QUOTE_ORDER}", params)
    return [(r["doc_id"], r["id"]) for r in rows]


def all_pages(fetch, limit: int) -> tuple[list, list[dict]]:
    """Every item of a paged query, walked page by page, and the pages."""
    items, pages, offset = [], [], 0
    while True:
        page = fetch(limit=limit, offset=offset)
        pages.append(page)
        items += page["items"]
        if not page["items"] or offset + limit >= page["total"]:
            return items, pages
        offset += limit


@pytest.mark.parametrize("needle", NEEDLES)
def test_document_search_finds_what_a_full_scan_finds(store, articles, needle):
    ingest_articles(store, articles)
    expected = plain_documents(store, needle)
    items, pages = all_pages(lambda **p: queries.list_documents(store, q=needle, **p), 7)
    assert [d["id"] for d in items] == expected
    assert pages[0]["total"] == len(expected) and not pages[0]["total_capped"]


@pytest.mark.parametrize("needle", NEEDLES)
def test_quote_search_finds_what_a_full_scan_finds(store, articles, needle):
    ingest_articles(store, articles)
    expected = plain_quotes(store, f"q.content ILIKE ? {ESC}", [like(needle)])
    items, pages = all_pages(lambda **p: queries.search_quotes(store, q=needle, **p), 9)
    assert [(q["doc_id"], q["id"]) for q in items] == expected
    assert pages[0]["total"] == len(expected)


@pytest.mark.parametrize("speaker", ["Rasmussen", "er", "medwedew", "Allianz", "niemand"])
def test_speaker_search_finds_names_and_speaker_texts(store, articles, speaker):
    ingest_articles(store, articles)
    expected = plain_quotes(store, f"(i.name ILIKE ? {ESC} OR q.speaker_text ILIKE ? {ESC})",
                            [like(speaker), like(speaker)])
    items, _ = all_pages(lambda **p: queries.search_quotes(store, speaker=speaker, **p), 50)
    assert [(q["doc_id"], q["id"]) for q in items] == expected
    dated = queries.search_quotes(store, speaker=speaker, date_from="2010-01-01", date_to="2010-12-31", limit=200)
    assert [(q["doc_id"], q["id"]) for q in dated["items"]] == [
        (q["doc_id"], q["id"]) for q in items if q["date"] and "2010-01-01" <= q["date"] <= "2010-12-31"]


def test_a_date_range_narrows_the_word_index_too(store, articles):
    ingest_articles(store, articles)
    page = queries.list_documents(store, q="Nato", date_from="2011-01-01", date_to="2011-06-30", limit=200)
    dates = {r["doc_id"]: r["date"] for r in store.query("SELECT doc_id, date FROM documents")}
    expected = [d for d in plain_documents(store, "Nato") if dates[d] and "2011-01-01" <= dates[d] <= "2011-06-30"]
    assert expected and [d["id"] for d in page["items"]] == expected and page["total"] == len(expected)


def test_totals_past_the_cap_are_a_lower_bound_that_says_so(store, articles, monkeypatch):
    ingest_articles(store, articles)
    monkeypatch.setattr(search, "TOTAL_CAP", 5)
    monkeypatch.setattr(search, "CHUNK", 3)
    everything = plain_quotes(store, f"q.content ILIKE ? {ESC}", [like("die")])
    assert len(everything) > 20
    page = queries.search_quotes(store, q="die", limit=4, offset=8)
    assert page["total_capped"] and page["total"] == 8 + 5
    assert [(q["doc_id"], q["id"]) for q in page["items"]] == everything[8:12]
    docs = queries.list_documents(store, q="in der", limit=4, offset=0)
    assert docs["total_capped"] and docs["total"] == 5
    assert [d["id"] for d in docs["items"]] == plain_documents(store, "in der")[:4]
    last = queries.list_documents(store, q="in der", limit=4, offset=len(plain_documents(store, "in der")) - 1)
    assert not last["total_capped"] and len(last["items"]) == 1


def test_entity_page_pages_roles_and_evidence(store, articles):
    ingest_articles(store, articles)
    ident = store.scalar("SELECT m.identity_id FROM identity_members m JOIN roles r ON r.doc_id = m.doc_id "
                         "AND r.entity_id = m.entity_id GROUP BY m.identity_id ORDER BY count(*) DESC LIMIT 1")
    whole = queries.get_identity(store, ident, limit=200)
    assert len(whole["roles"]) > 6 and not whole["roles_more"] and not whole["evidence_more"]
    roles, evidence, offset = [], [], 0
    while True:
        page = queries.get_identity(store, ident, limit=3, offset=offset)
        roles += page["roles"]
        evidence += page["evidence"]
        assert page["names"] == whole["names"] and page["timeline"] == whole["timeline"]
        if not (page["roles_more"] or page["evidence_more"]):
            break
        assert len(page["roles"]) == 3 or len(page["evidence"]) == 3
        offset += 3
    assert roles == whole["roles"] and evidence == whole["evidence"]
    assert len(evidence) >= whole["n_docs"]
    assert sum(n["n"] for n in whole["names"]) == len(evidence)
    counts = [n["n"] for n in whole["names"]]
    assert counts == sorted(counts, reverse=True)
    assert whole["quotes"]["total"] == whole["n_quotes"] and whole["mentions"]["total"] == whole["n_mentions"]


def test_a_replaced_document_is_found_by_its_new_text_only(store, articles):
    ingest_articles(store, articles[:10])
    changed = copy.deepcopy(articles[3])
    changed["text"] += " Zusatzwortlaut."
    ingest_articles(store, [changed])
    assert [d["id"] for d in queries.list_documents(store, q="zusatzwortlaut")["items"]] == [changed["id"]]
    assert queries.list_documents(store, q=articles[3]["text"][-12:])["total"] == 1
    if store.kind == "duckdb":
        assert store.scalar("SELECT count(*) FROM search_docs") == 10


def _old_store(engine: str, tmp_path, stack):
    """A store of schema version 3 (before migration 0004), as an older lagebild wrote it."""
    if engine == "duckdb":
        return str(tmp_path / "old.duckdb")
    if not postgres_url():
        pytest.skip(skip_reason())
    return stack.enter_context(postgres_schema(postgres_url()))


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_an_existing_store_upgrades_and_answers_the_same(engine, tmp_path, articles, monkeypatch):
    from contextlib import ExitStack

    with ExitStack() as stack:
        url = _old_store(engine, tmp_path, stack)
        real = store_db.migrations
        with monkeypatch.context() as m:
            m.setattr(store_db, "migrations", lambda kind="duckdb": real(kind)[:3])
            m.setattr(search, "index_documents", lambda db, ids: None)
            old = store_db.open_database(url)
            ingest_articles(old, articles)
            before = {n: plain_documents(old, n) for n in NEEDLES}
            assert old.schema_version() == 3
            old.close()
        db = store_db.open_database(url)
        try:
            assert db.schema_version() == real(db.kind)[-1][0]
            for needle, expected in before.items():
                page = queries.list_documents(db, q=needle, limit=200)
                assert [d["id"] for d in page["items"]] == expected, needle
            if db.kind == "duckdb":
                assert db.scalar("SELECT count(*) FROM search_docs") == len(articles)
            else:
                names = {r["indexname"] for r in db.query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
                assert {"documents_text_trgm", "quotes_content_trgm", "documents_newest"} <= names
            ingest_articles(db, synthetic_articles(90, seed=5)[80:])
            assert [d["id"] for d in queries.list_documents(db, q="Meldung 85.")["items"]] == ["syn-00085"]
        finally:
            db.close()


def test_optional_statements_are_marked_and_a_refused_one_is_skipped(store):
    sql = "CREATE TABLE a (x INTEGER);\n-- optional: may be refused\nCREATE INDEX a_x ON a (x);\nDROP TABLE a;\n"
    assert store_db._statements(sql) == [("CREATE TABLE a (x INTEGER)", False), ("CREATE INDEX a_x ON a (x)", True),
                                         ("DROP TABLE a", False)]
    if store.kind != "postgres":
        return
    with store.transaction():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert store._run_optional("CREATE EXTENSION IF NOT EXISTS lagebild_no_such_extension") is False
        assert "text search works without it" in str(caught[0].message)
        assert store.scalar("SELECT count(*) FROM documents") == 0   # the transaction goes on

"""The identity counts kept up batch by batch (only the new members' numbers are added) equal a
recount from scratch, also after documents are replaced."""
from __future__ import annotations

import copy

from lagebild.store import sample
from lagebild.store.ingest import ingest_articles
from lagebild.store.writer import StoreWriter

STATS = "SELECT identity_id, type, name, n_docs, n_mentions, n_quotes, first_date, last_date FROM identities ORDER BY identity_id"


def _recounted(db) -> list[dict]:
    StoreWriter(db).refresh_identity_stats(None)
    return db.query(STATS)


def test_counts_added_per_batch_equal_a_full_recount(store):
    articles = sample.synthetic_articles(40, seed=3)
    ingest_articles(store, articles, batch_size=7)
    kept = store.query(STATS)
    assert sum(r["n_quotes"] for r in kept) == store.scalar("SELECT count(*) FROM quotes WHERE speaker_entity IS NOT NULL")
    assert max(r["n_docs"] for r in kept) > 5   # frequent names: identities that grow over many batches
    assert kept == _recounted(store)


def test_counts_stay_right_when_documents_are_replaced(store):
    articles = sample.synthetic_articles(20, seed=5)
    ingest_articles(store, articles, batch_size=6)
    changed = []
    for art in articles[3:9]:
        art = copy.deepcopy(art)
        art["text"] += " Nachtrag."
        art["quotes"] = art["quotes"][:1]
        art["meta"]["date"] = "2013-01-01"
        changed.append(art)
    result = ingest_articles(store, changed, batch_size=4)
    assert result.replaced == len(changed)
    kept = store.query(STATS)
    assert any(r["last_date"] == "2013-01-01" for r in kept)
    assert kept == _recounted(store)

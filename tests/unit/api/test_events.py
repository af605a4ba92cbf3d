"""Events out of the store: `/api/events` with its filters, the actor-to-actor counts, the /events
page, events on the article page, and `lagebild export events` (the flat event-data table)."""
from __future__ import annotations

import csv
import re

import pyarrow.parquet as pq
from typer.testing import CliRunner

from lagebild.cli import app as cli
from lagebild.store.db import open_database
from lagebild.store.events import EVENT_EXPORT_COLUMNS
from lagebild.store.ingest import ingest_articles


def test_api_events_carry_actor_and_target_identities(client, corpus):
    page = client.get("/api/events", params={"limit": 200}).json()
    assert page["total"] == len(corpus[0]["events"]) == 18
    first = next(e for e in page["items"] if e["event_id"] == "v1")
    assert (first["type"], first["actor_identity"], first["target_identity"]) == ("COOPERATE", "org-nato", "loc-russland")
    assert first["quad_class"] == "material cooperation" and first["negated"] is False
    assert first["trigger_text"] == "Neuanfang in den Beziehungen gestartet" and first["date"] == "2009-12-17"


def test_api_event_filters(client):
    by_actor = client.get("/api/events", params={"actor": "org-nato", "limit": 200}).json()["items"]
    assert by_actor and all(e["actor_identity"] == "org-nato" for e in by_actor)
    by_name = client.get("/api/events", params={"target_name": "russland", "limit": 200}).json()["items"]
    assert by_name and all(e["target_identity"] == "loc-russland" for e in by_name)
    negated = client.get("/api/events", params={"negated": "true"}).json()
    assert all(e["negated"] for e in negated["items"])
    typed = client.get("/api/events", params={"type": "REQUEST"}).json()
    assert all(e["type"] == "REQUEST" for e in typed["items"])
    none = client.get("/api/events", params={"date_from": "2011-01-01"}).json()
    assert none["total"] == 0 and none["items"] == []
    assert client.get("/api/events", params={"type": "KISS"}).status_code == 422
    assert client.get("/api/events", params={"date_from": "2010-01-02", "date_to": "2010-01-01"}).status_code == 422


def test_api_event_pairs_count_cooperation_and_conflict(client):
    pairs = client.get("/api/events/pairs").json()
    nato_russia = next(p for p in pairs if (p["actor_identity"], p["target_identity"]) == ("org-nato", "loc-russland"))
    assert nato_russia["n"] == nato_russia["n_cooperation"] + nato_russia["n_conflict"] >= 1
    assert pairs == sorted(pairs, key=lambda p: -p["n"])


def test_events_page_lists_events_and_the_actor_target_table(client):
    html = client.get("/events").text
    assert html.count('class="event-item') == 18
    assert '<table class="pair-table">' in html and 'href="/entities/org-nato"' in html
    filtered = client.get("/events", params={"type": "ASSAULT", "date_from": "kein Datum"}).text
    assert "kein Datum" in filtered and "ignoriert" in filtered
    assert client.get("/events", params={"type": "KISS"}).status_code == 200


def test_article_page_highlights_event_triggers(client, corpus):
    html = client.get(f"/articles/{corpus[0]['id']}").text
    triggers = set(re.findall(r'data-event-of="([^"]+)"', html))
    assert {"v1", "v2"} <= {i for t in triggers for i in t.split()}
    assert html.count('class="event-ref"') == 18 and "Ereignisse (18)" in html


def test_export_events_writes_one_row_per_event(corpus, tmp_path):
    path = str(tmp_path / "store.duckdb")
    db = open_database(path)
    try:
        ingest_articles(db, corpus)
    finally:
        db.close()
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(cli, ["export", "events", "--db", path, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 18 and list(rows[0]) == [c for c, _ in EVENT_EXPORT_COLUMNS]
    assert {r["actor_identity_name"] for r in rows} >= {"Nato", "Anders Fogh Rasmussen"}
    only = CliRunner().invoke(cli, ["export", "events", "--db", path, "-o", str(out), "--type", "assault"])
    assert only.exit_code == 0 and all(r["type"] == "ASSAULT" for r in csv.DictReader(out.open(encoding="utf-8")))
    parquet = CliRunner().invoke(cli, ["export", "events", "--db", path, "-o", str(tmp_path / "e.parquet"),
                                       "-f", "parquet"])
    assert parquet.exit_code == 0 and pq.read_table(tmp_path / "e.parquet").num_rows == 18
    bad = CliRunner().invoke(cli, ["export", "events", "--db", path, "-o", str(out), "--type", "KISS"])
    assert bad.exit_code == 2 and "not a PLOVER type" in bad.output
    tables = CliRunner().invoke(cli, ["export", "--db", path, "-o", str(tmp_path / "tables")])
    assert tables.exit_code == 0 and (tmp_path / "tables" / "events.parquet").exists()
    missing = CliRunner().invoke(cli, ["export", "--db", path])
    assert missing.exit_code == 2 and "--output" in missing.output

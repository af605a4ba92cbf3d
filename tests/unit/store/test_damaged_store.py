"""A damaged DuckDB store file: every command says so and what to do; no traceback, no 500."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lagebild.api.app import create_app
from lagebild.cli import app as cli
from lagebild.store import sample
from lagebild.store.db import open_database
from lagebild.store.ingest import ingest_articles
from lagebild.store.snapshot import Snapshots

REPO = Path(__file__).resolve().parents[3]
runner = CliRunner()


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(a store damaged after its header, a file that is no store at all, a store cut short)."""
    tmp = tmp_path_factory.mktemp("damaged")
    corpus = [sample.example_article(REPO / "examples" / "nato-russland-2009.txt",
                                     REPO / "examples" / "nato-russland-2009.gold.json"), *sample.follow_up_articles()]
    good = tmp / "good.duckdb"
    db = open_database(str(good))
    ingest_articles(db, corpus)
    db.close()
    data = bytearray(good.read_bytes())
    for k in range(len(data) // 3, len(data)):
        data[k] ^= 0x5A
    damaged = tmp / "damaged.duckdb"
    damaged.write_bytes(bytes(data))
    garbage = tmp / "garbage.duckdb"
    garbage.write_bytes(bytes(range(256)) * 400)
    truncated = tmp / "lagebild.duckdb"
    truncated.write_bytes(good.read_bytes()[:300_000])
    return damaged, garbage, truncated


@pytest.mark.parametrize("path", ["/", "/api/documents", "/api/entities", "/api/quotes", "/api/stats/overview"])
def test_serving_a_damaged_store_answers_503_with_what_to_do(stores, path):
    damaged, _, _ = stores
    client = TestClient(create_app(str(damaged)), raise_server_exceptions=False)
    r = client.get(path)
    assert r.status_code == 503
    assert "is damaged" in r.text and "lagebild ingest" in r.text


@pytest.mark.parametrize("command", [["ingest", "examples/nato-russland-2009.txt", "--no-progress"], ["serve"],
                                     ["export", "-o", "OUT"]])
def test_commands_on_a_file_that_is_no_store_say_it_is_damaged(stores, command, tmp_path, monkeypatch):
    _, garbage, _ = stores
    monkeypatch.chdir(REPO)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command] + ["--db", str(garbage)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "is damaged or not a lagebild store" in result.output and "Traceback" not in result.output
    assert "another lagebild process" not in result.output


def test_ingest_into_a_truncated_store_says_it_is_damaged(stores, monkeypatch):
    _, _, truncated = stores
    monkeypatch.chdir(REPO)
    result = runner.invoke(cli, ["ingest", "examples/nato-russland-2009.txt", "--no-progress", "--db", str(truncated)])
    assert result.exit_code == 2, result.output
    assert f"the store file {truncated} is damaged" in result.output
    assert "move it aside" in result.output and "lagebild ingest" in result.output
    assert "Traceback" not in result.output and "another process" not in result.output


@pytest.mark.parametrize("which", [0, 2])
def test_serving_a_copy_of_a_damaged_store_names_the_store_not_the_copy(stores, which):
    store = stores[which]
    snaps = Snapshots(store, refresh=3600)
    try:
        client = TestClient(create_app(snaps.current), raise_server_exceptions=False)
        answers = [client.get(p) for p in ("/api/documents", "/api/entities", "/")]
    finally:
        snaps.close()
    assert {r.status_code for r in answers} == {503}
    for r in answers:
        assert f"{store.name} is damaged" in r.text and ".serve-" not in r.text


@pytest.mark.parametrize("where", ["a folder", "a missing folder", "a name that says checksum or truncated"])
def test_only_a_held_lock_blames_another_process(tmp_path, where):
    """Neither a lock nor damage is read from the file's name (tmp_path holds "lock" here)."""
    from lagebild.store.db import StoreDamagedError, StoreError, StoreLockedError

    target = {"a folder": tmp_path, "a missing folder": tmp_path / "missing" / "s.duckdb",
              "a name that says checksum or truncated": tmp_path / "checksum" / "truncated.duckdb"}[where]
    with pytest.raises(StoreError) as caught:
        open_database(str(target))
    assert not isinstance(caught.value, (StoreLockedError, StoreDamagedError))
    assert str(caught.value).startswith(f"cannot open {target}: ") and "another process" not in str(caught.value)

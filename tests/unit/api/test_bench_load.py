"""benchmarks/bench_load.py, small and untimed: its store builder makes the articles it is asked
for, and every request of its client mix answers 200 from a real `lagebild serve`."""
from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

import pytest

from lagebild.store.db import open_database
from lagebild.store.sample import synthetic_articles

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
import bench_load  # noqa: E402

N_ARTICLES = 50


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("load") / "load.duckdb"
    bench_load.build_store(path, N_ARTICLES)
    return path


def test_synthetic_articles_are_distinct_and_consistent():
    arts = synthetic_articles(200, seed=1)
    assert len({a["id"] for a in arts}) == len({a["text"] for a in arts}) == 200
    assert len({e["name"] for a in arts for e in a["entities"]}) > 100   # varied people and places
    for art in arts:
        for ent in art["entities"]:
            for m in ent["mentions"]:
                assert art["text"][m["start"]:m["end"]] == m["text"]
        for q in art["quotes"]:
            for span in [*q["parts"], *q["cue"]]:
                assert art["text"][span["start"]:span["end"]] == span["text"]
    assert synthetic_articles(20, seed=1) == arts[:20]   # deterministic


def test_store_builder_makes_the_requested_articles(small_store):
    db = open_database(str(small_store), read_only=True, migrate=False)
    try:
        assert db.scalar("SELECT count(DISTINCT doc_id) FROM documents") == N_ARTICLES
        assert db.scalar("SELECT count(DISTINCT content_hash) FROM documents") == N_ARTICLES
        assert db.scalar("SELECT count(*) FROM identities") > 10
    finally:
        db.close()
    assert bench_load.build_store(small_store, N_ARTICLES, reuse=True) == 0.0   # kept, not rebuilt


def test_every_request_of_the_mix_answers_200(small_store):
    db = open_database(str(small_store), read_only=True, migrate=False)
    try:
        targets = bench_load.read_targets(db)
    finally:
        db.close()
    rng = random.Random(0)
    urls = [(name, make(rng, targets)) for name, _, make in bench_load.MIX for _ in range(3)]

    async def fetch_all(port: int) -> list[tuple[str, str, int]]:
        conn = bench_load.Connection(port)
        try:
            return [(name, url, (await conn.get(url))[0]) for name, url in urls]
        finally:
            await conn.close()

    with bench_load.Server(small_store, start_timeout=60) as server:
        answers = asyncio.run(fetch_all(server.port))
        result = bench_load.run_load(server.port, targets, clients=2, duration=10, max_requests=40)
    assert [a for a in answers if a[2] != 200] == []
    assert len(result.samples) == 40 and [s.url for s in result.samples if s.status != 200] == []
    summary = bench_load.summarise(result)
    assert summary["overall"]["requests"] == 40 and summary["overall"]["errors"] == 0

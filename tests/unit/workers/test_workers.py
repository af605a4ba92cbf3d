"""`analyze --workers N`: the same results in the same order as one process, and a worker that
dies costs only its own articles."""
from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.ingest import IngestError, RawArticle
from lagebild.workers import analyze_in_workers

FAULTS = Path(__file__).parent / "faults"

TEXTS = [
    "Bundeskanzlerin Angela Merkel hat am Montag in Berlin den französischen Präsidenten empfangen.",
    "Der Nato-Generalsekretär sagte, die Allianz werde Russland nicht bedrohen.",
    "In Wien demonstrierten am Samstag rund 5000 Menschen gegen die Regierung.",
    "Die Europäische Union verhängte neue Sanktionen gegen Belarus.",
    "„Wir werden nicht nachgeben“, sagte der Gewerkschaftschef am Dienstag.",
]


def _articles(texts: list[str]) -> list[RawArticle]:
    return [RawArticle(id=f"a{i}", text=t, date="2021-03-01", origin=f"test:{i}") for i, t in enumerate(texts)]


def test_a_dying_worker_turns_only_its_own_articles_into_error_records(monkeypatch):
    monkeypatch.setenv("LAGEBILD_WORKERS_TEST_KILL", "TÖTE-DEN-WORKER")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(FAULTS), os.environ.get("PYTHONPATH")])))
    texts = TEXTS[:2] + ["Dieser Text TÖTE-DEN-WORKER bringt den Prozess um."] + TEXTS[2:4]
    results = list(analyze_in_workers(_articles(texts), workers=2, max_chars=100_000, chunk_size=1))
    assert [r.id for r in results] == ["a0", "a1", "a2", "a3", "a4"]
    dead = [r for r in results if isinstance(r, IngestError)]
    assert [r.id for r in dead] == ["a2"]
    assert "worker process" in dead[0].reason and "died" in dead[0].reason
    assert all(r.analysed for r in results if not isinstance(r, IngestError))


def test_analyze_cli_with_two_workers_writes_the_same_bytes_as_with_one(tmp_path, monkeypatch):
    monkeypatch.setattr("lagebild.workers.CHUNK_SIZE", 2)  # three chunks: both workers take part
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"x{i}", "text": t, "date": "2021-03-01"}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(TEXTS)), encoding="utf-8")
    runner = CliRunner()
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        result = runner.invoke(app, ["analyze", str(corpus), "-f", "jsonl", "-o", str(out), "--no-progress",
                                     "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["id"] for line in outputs[1].splitlines()] == ["x0", "x1", "x2", "x3", "x4"]

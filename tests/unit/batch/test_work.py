"""One worker's unit of work: one outcome per task, in order, failures isolated to their record."""
from __future__ import annotations

import importlib

import pytest
import spacy
from spacy.language import Language

from lagebild.batch.sources import FileTask
from lagebild.batch.work import analyse_tasks
from lagebild.ingest.records import IngestError, RawArticle
from lagebild.nlp import components  # noqa: F401  (registers lagebild_sentences, doc._.article)

from batch_corpus import german


@Language.component("test_explodes_on_marker")
def _explode(doc):
    if "EXPLODIERT" in doc.text:
        raise ValueError("component failed on purpose")
    return doc


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_explodes_on_marker")
    nlp.add_pipe("lagebild_sentences")
    return nlp


def raw(i: int, text: str | None = None) -> RawArticle:
    return RawArticle(id=f"r{i}", text=text if text is not None else german(i), origin=f"t.jsonl:{i}")


def test_pipeline_failure_becomes_an_error_record_and_the_rest_goes_on(nlp):
    tasks = [raw(0), raw(1, german(1) + " Das Gebäude EXPLODIERT nicht."), raw(2),
             IngestError(None, "t.jsonl:3", "broken JSON line"), raw(4, "")]
    outcomes = analyse_tasks(tasks, nlp)
    assert [o.origin for o in outcomes] == [f"t.jsonl:{i}" for i in range(5)]
    assert [o.status for o in outcomes] == ["ok", "error", "ok", "error", "error"]
    assert outcomes[1].error.reason.startswith("pipeline failed: ValueError")
    assert outcomes[4].error.reason == "empty text"
    assert outcomes[0].article["sentences"] and outcomes[2].article["id"] == "r2"


def test_a_crash_outside_the_pipeline_costs_only_its_record(nlp, monkeypatch):
    module = importlib.import_module("lagebild.analysis")
    real = module.detect_language

    def flaky(text):
        if "Hamburg" in text:
            raise RuntimeError("language detection crashed")
        return real(text)

    monkeypatch.setattr(module, "detect_language", flaky)
    tasks = [raw(i) for i in range(4)]  # german(1) is the Hamburg one
    outcomes = analyse_tasks(tasks, nlp)
    assert [o.status for o in outcomes] == ["ok", "error", "ok", "ok"]
    assert "RuntimeError: language detection crashed" in outcomes[1].error.reason


def test_unreadable_file_task_is_an_error(nlp, tmp_path):
    folder = tmp_path / "not-a-file.txt"
    folder.mkdir()
    [outcome] = analyse_tasks([FileTask(str(folder))], nlp)
    assert outcome.status == "error" and outcome.origin == str(folder)

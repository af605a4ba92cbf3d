"""Corpus counts, and the `lagebild corpus agree|export|stats` commands on a corpus folder in tmp_path."""
from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.corpus import loader
from lagebild.corpus.stats import corpus_stats, format_stats


def test_counts_of_one_record(record) -> None:
    res = corpus_stats([record])
    assert res["files"] == 1
    assert res["by_group"]["all"] == res["by_group"]["wn"] == res["by_group"][f"wn/{record['part']}"]
    all_ = res["by_group"]["all"]
    assert (all_["identities"], all_["entities"], all_["quotes"], all_["events"], all_["times"], all_["amounts"]) == (5, 12, 2, 4, 1, 1)
    assert all_["roles"] == 2
    assert res["mention_kinds"] == {"name": 6, "nominal": 2, "pronoun": 2, "part": 1, "deriv": 1}
    assert res["quote_types"] == {"indirect": 1, "direct": 1}
    assert res["event_types"]["REJECT"] == {"required": 1, "optional": 1}
    assert res["identity_labels"] == {"PER": 2, "LOC": 2, "ORG": 1}
    assert res["annotation_seconds"] == {"articles": 1, "mean": 120, "median": 120, "total": 120}
    assert res["provenance"] == {"entities": {"pipeline+corrected": 1}}
    assert "mentions per kind: name 6" in format_stats({"folder": "articles", **res})


def test_seconds_mean_and_median(record) -> None:
    records = [copy.deepcopy(record) for _ in range(3)]
    for rec, seconds in zip(records, (60, 90, 300)):
        rec["annotation"]["seconds"] = seconds
    assert corpus_stats(records)["annotation_seconds"] == {"articles": 3, "mean": 150.0, "median": 90, "total": 450}


@pytest.fixture
def corpus_dir(record, source, tmp_path, monkeypatch):
    """A corpus folder with the record as primary and, with one mention less, as double annotation."""
    double = copy.deepcopy(record)
    double["entities"] = [m for m in double["entities"] if source.text[m["start"]:m["end"]] != "Afghanistan"]
    for folder, rec in (("articles", record), ("double", double)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "wn-1.json").write_text(json.dumps(rec), encoding="utf-8")
    monkeypatch.setattr(loader, "CORPUS_DIR", tmp_path)
    monkeypatch.setattr(loader, "source_text", lambda article_id: source)
    monkeypatch.setenv("LAGEBILD_DATA", str(tmp_path))   # the commands check that a data folder is there
    return tmp_path


def test_agree_command(corpus_dir) -> None:
    result = CliRunner().invoke(app, ["corpus", "agree", "--json"])
    assert result.exit_code == 0, result.output
    res = json.loads(result.output)
    assert res["ids"] == ["wn-1"] and res["patterns"] == [["mention missed name", 1]]
    text = CliRunner().invoke(app, ["corpus", "agree"]).output
    assert "mentions named span" in text and "mention missed name" in text


def test_export_commands(corpus_dir) -> None:
    runner = CliRunner()
    ner = runner.invoke(app, ["corpus", "export", "ner", "--part", "all", "--out", str(corpus_dir / "ner.tsv")])
    assert ner.exit_code == 0, ner.output
    assert "B-PER" in (corpus_dir / "ner.tsv").read_text(encoding="utf-8")
    spans = runner.invoke(app, ["corpus", "export", "spans", "--part", "all", "--out", str(corpus_dir / "c.spacy")])
    assert spans.exit_code == 0 and (corpus_dir / "c.spacy").stat().st_size > 0
    bad = runner.invoke(app, ["corpus", "export", "conll", "--out", str(corpus_dir / "x")])
    assert bad.exit_code != 0


def test_stats_command(corpus_dir) -> None:
    result = CliRunner().invoke(app, ["corpus", "stats", "--json", "--folder", "double"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["by_group"]["all"]["entities"] == 11


@pytest.mark.parametrize("command", [["agree"], ["export"], ["stats"]])
def test_command_has_help(command) -> None:
    result = CliRunner().invoke(app, ["corpus", *command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output

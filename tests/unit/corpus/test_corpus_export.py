"""Exporters on a synthetic record: GermEval-style NER BIO and the spaCy DocBin of span groups."""
from __future__ import annotations

import copy
import json

import pytest

from lagebild.corpus import export, loader
from lagebild.evaluation.ner import read_germeval


def _token_rows(path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_ner_file_has_germeval_columns_and_labels(joined, tmp_path) -> None:
    out = tmp_path / "ner.tsv"
    stats = export.write_ner([joined], out)
    rows = _token_rows(out)
    assert all(len(r) == 4 and r[0].isdigit() for r in rows)
    tag = {}
    for _, token, outer, _ in rows:
        tag.setdefault(token, outer)
    assert (tag["Angela"], tag["Merkel"]) == ("B-PER", "I-PER")
    assert tag["Nato-Chef"] == "B-ORGpart" and tag["deutschen"] == "B-LOCderiv" and tag["Nato"] == "B-ORG"
    assert tag["Kanzlerin"] == tag["Er"] == tag["Wir"] == "O"     # nominal and pronoun mentions are no NER entities
    assert tag["Berlin"] == "O"                                    # the dateline is no mention
    assert stats["outer"] == sum(m["kind"] in ("name", "deriv", "part") for m in joined["entities"]) == 8
    assert stats["sentences"] == 6 and stats["tokens"] == len(rows)


def test_ner_file_reads_back_with_the_germeval_reader(joined, tmp_path) -> None:
    out = tmp_path / "ner.tsv"
    export.write_ner([joined], out)
    sentences = read_germeval(out)
    assert len(sentences) == 6
    assert sentences[0][0][:4] == ["Berlin", "–", "Bundeskanzlerin", "Angela"]
    assert sentences[1][0][-1] == "."
    assert sentences[2][0] == ["„", "Wir", "bleiben", "hart", "“", ",", "sagte", "Merkel", "."]


def test_nested_name_goes_to_the_inner_column(tmp_path) -> None:
    text = "Die Universität Wien wächst."
    start = text.index("Universität")
    joined = {"id": "gnad-1", "date": None, "text": text, "entities": [
        {"start": start, "end": start + len("Universität Wien"), "label": "ORG", "identity": "uni", "kind": "name"},
        {"start": text.index("Wien"), "end": text.index("Wien") + 4, "label": "LOC", "identity": "wien", "kind": "name"}]}
    out = tmp_path / "ner.tsv"
    stats = export.write_ner([joined], out)
    assert _token_rows(out)[1:3] == [["2", "Universität", "B-ORG", "O"], ["3", "Wien", "I-ORG", "B-LOC"]]
    assert (stats["outer"], stats["inner"]) == (1, 1)


def test_a_mention_inside_a_token_is_expanded(tmp_path) -> None:
    text = "Der Nato-Gipfel tagte."
    start = text.index("Nato")
    joined = {"id": "wn-5", "date": None, "text": text,
              "entities": [{"start": start, "end": start + 4, "label": "ORG", "identity": "nato", "kind": "part"}]}
    stats = export.write_ner([joined], tmp_path / "ner.tsv")
    assert stats["expanded"] == 1 and _token_rows(tmp_path / "ner.tsv")[1][1:3] == ["Nato-Gipfel", "B-ORGpart"]


def test_docbin_span_groups(joined, tmp_path) -> None:
    from spacy.tokens import DocBin

    out = tmp_path / "corpus.spacy"
    stats = export.write_spans([joined], out)
    doc = next(DocBin().from_disk(out).get_docs(export.tokenizer_nlp().vocab))
    assert doc.user_data["id"] == "wn-1" and doc.user_data["part"] == joined["part"]
    assert [(s.text, s.label_) for s in doc.spans["quotes"]] == [
        ("die Nato müsse 500 Soldaten abziehen", "indirect"), ("„Wir bleiben hart“", "direct")]
    assert [s.text for s in doc.spans["cues"]] == ["sagte", "sagte"]
    assert [(s.text, s.kb_id_) for s in doc.spans["speakers"]] == [("Kanzlerin", "Angela Merkel"), ("Merkel", "Angela Merkel")]
    assert [(s.text, s.label_) for s in doc.spans["events"]] == [("kritisiert", "ACCUSE"), ("abziehen", "RETREAT"), ("wies", "REJECT")]
    assert [(s.text, s.label_) for s in doc.spans["events_optional"]] == [("lehnte", "REJECT")]
    assert len(doc.spans["mentions"]) == len(joined["entities"]) == len(doc.user_data["mention_kinds"])
    assert {(s.text, s.label_) for s in doc.spans["mentions"]} >= {("Kanzlerin", "PER"), ("Nato-Chef", "ORG"), ("Nato-Chef", "PER")}
    assert stats["unaligned"] == 0 and stats["unaligned_spans"] == []


def test_test_part_is_left_out_unless_asked_for(record, source, tmp_path, monkeypatch) -> None:
    held_out = copy.deepcopy(record)
    held_out["id"], held_out["part"] = "wn-6", "test"      # wn-6 is in the fixed test part
    (tmp_path / "articles").mkdir()
    for rec in (record, held_out):
        (tmp_path / "articles" / f"{rec['id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    monkeypatch.setattr(loader, "source_text", lambda article_id: source)
    assert [r["id"] for r in export.export_records("train", tmp_path)] == ["wn-1"]
    assert [r["id"] for r in export.export_records("test", tmp_path)] == ["wn-6"]
    assert [r["id"] for r in export.export_records("all", tmp_path)] == ["wn-1", "wn-6"]
    with pytest.raises(ValueError):
        export.export_records("dev", tmp_path)

"""evaluate_ner on a tiny hand-made GermEval TSV with a rule-based 'model'."""
from __future__ import annotations

import spacy

from lagebild.evaluation.ner import bio_spans, evaluate_ner, format_ner, read_germeval

TSV = (
    "#\thttp://example.org/1\t[2010-01-01]\t\n"
    "1\tAngela\tB-PER\tO\n"
    "2\tMerkel\tI-PER\tO\n"
    "3\tbesucht\tO\tO\n"
    "4\tdie\tO\tO\n"
    "5\trussische\tB-LOCderiv\tO\n"
    "6\tHauptstadt\tO\tO\n"
    "7\tMoskau\tB-LOC\tO\n"
    "8\t.\tO\tO\n"
    "\n"
    "#\thttp://example.org/2\t[2010-01-02]\t\n"
    "1\tDie\tO\tO\n"
    "2\tNato\tB-ORG\tO\n"
    "3\tund\tO\tO\n"
    "4\tdie\tO\tO\n"
    "5\tEU-Kommission\tB-ORG\tB-LOCpart\n"
    "6\ttagen\tO\tO\n"
    "7\tin\tO\tO\n"
    "8\tBerlin\tB-LOC\tO\n"
    "\n"
)


def _nlp():
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"ORTH": "Merkel"}]},          # wrong boundary -> FP + FN
        {"label": "LOCderiv", "pattern": [{"ORTH": "russische"}]},  # correct (12-label only)
        {"label": "LOC", "pattern": [{"ORTH": "Moskau"}]},          # correct
        {"label": "ORG", "pattern": [{"ORTH": "Nato"}]},            # correct
        {"label": "ORG", "pattern": [{"ORTH": "Berlin"}]},          # wrong label -> FP + FN
    ])
    return nlp


def test_reader_and_spans(tmp_path):
    p = tmp_path / "mini.tsv"
    p.write_text(TSV, encoding="utf-8")
    sents = read_germeval(p)
    assert len(sents) == 2 and sents[0][0][0] == "Angela"
    assert bio_spans(sents[0][1]) == [(0, 2, "PER"), (4, 5, "LOCderiv"), (6, 7, "LOC")]
    assert bio_spans(["O", "I-ORG", "I-ORG", "B-ORG"]) == [(1, 3, "ORG"), (3, 4, "ORG")]


def test_evaluate_ner(tmp_path):
    p = tmp_path / "mini.tsv"
    p.write_text(TSV, encoding="utf-8")
    res = evaluate_ner(_nlp(), p)
    assert res["sentences"] == 2 and res["tokens"] == 16
    b = res["base4"]
    # gold base: Angela Merkel PER, Moskau LOC, Nato ORG, EU-Kommission ORG, Berlin LOC = 5
    # pred base: Merkel PER, Moskau LOC, Nato ORG, Berlin ORG = 4 ; tp = 2
    assert (b["gold"], b["pred"], b["tp"]) == (5, 4, 2)
    assert b["p"] == 50.0 and b["r"] == 40.0 and abs(b["f"] - 44.44) < 0.01
    assert b["per_class"]["LOC"]["tp"] == 1 and b["per_class"]["LOC"]["gold"] == 2
    a = res["all12"]
    assert (a["gold"], a["pred"], a["tp"]) == (6, 5, 3)
    assert a["per_class"]["LOCderiv"]["f"] == 100.0
    text = format_ner(res)
    assert "4 base classes" in text and "LOCderiv" in text

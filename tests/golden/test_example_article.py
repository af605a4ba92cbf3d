"""Golden test: the example article against its hand annotation, for what exists so far."""
from __future__ import annotations

from lagebild.schema import validate


def test_schema_valid(example_analysis):
    validate(example_analysis)


def test_dateline_and_text_unchanged(example_analysis, example_text):
    assert example_analysis["meta"]["dateline"] == "Moskau"
    assert example_analysis["text"] == example_text
    assert example_analysis["meta"]["language"] == "de"


def _sentence_of(sentences, offset):
    return next((i for i, s in enumerate(sentences) if s["start"] <= offset < s["end"]), None)


def test_sentences_cover_the_text_and_split_where_they_should(example_analysis, example_text, example_gold):
    sents = example_analysis["sentences"]
    assert 25 <= len(sents) <= 34, len(sents)
    for a, b in zip(sents, sents[1:]):
        assert a["end"] <= b["start"]
        assert example_text[a["end"]:b["start"]].strip() == "" or example_text[a["end"]:b["start"]].strip() in "\"“”„«»"
    # every non-space character belongs to a sentence
    covered = sum(s["end"] - s["start"] for s in sents)
    assert covered >= len(example_text.replace("\n\n", "")) * 0.97
    # no gold entity mention is cut by a sentence boundary
    for m in example_gold["entities"]:
        assert _sentence_of(sents, m["start"]) == _sentence_of(sents, m["end"] - 1), m
    # sentences that must start where the article has them
    starts = {example_text[s["start"]:s["start"] + 25] for s in sents}
    for expected in ["Die Nato, wiederholte er ", "In prinzipiellen Fragen w", "Vielmehr bestehe das Nord",
                     "Er werde seine Regierung ", "Dessen eigentliches Ziel "]:
        assert expected in starts, expected

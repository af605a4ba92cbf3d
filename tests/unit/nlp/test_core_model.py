"""The trained de_core pipeline (models/de_core): mood of reported speech and a parse."""
from __future__ import annotations

import pytest

from lagebild import paths

MODEL = paths.models_dir() / "de_core"

pytestmark = pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason=f"{MODEL} not trained")


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load(MODEL)


def token(doc, text):
    return next(t for t in doc if t.text == text)


def test_subjunctive_in_reported_speech_with_parse(nlp):
    doc = nlp("Die Nato, wiederholte er bei jeder sich bietenden Gelegenheit, "
              "betrachte Russland nicht als Feind.")
    assert token(doc, "betrachte").morph.get("Mood") == ["Sub"]
    assert doc.has_annotation("DEP")
    assert any(t.dep_.startswith("nsubj") for t in doc)


def test_subjunctive_gebe(nlp):
    doc = nlp("Es gebe weiterhin Bereiche, räumte Rasmussen ein.")
    assert token(doc, "gebe").morph.get("Mood") == ["Sub"]


def test_pipeline_components_and_tags(nlp):
    assert {"tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"} <= set(nlp.pipe_names)
    doc = nlp("Der US-Präsident sagte am 17.12.2009, die Gespräche seien gut verlaufen.")
    assert [t.text for t in doc][:2] == ["Der", "US-Präsident"]
    assert token(doc, "seien").morph.get("Mood") == ["Sub"]
    assert token(doc, "sagte").tag_ == "VVFIN"
    assert token(doc, "Gespräche").lemma_ == "Gespräch"

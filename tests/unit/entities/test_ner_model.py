"""The shipped German NER model (models/de_ner): sourced into another pipeline, as load_nlp() does."""
from __future__ import annotations

import pytest

from lagebild.paths import models_dir

MODEL = models_dir() / "de_ner"
SENT = ("Generalsekretär Anders Fogh Rasmussen sprach zum Abschluss seines Besuchs in der "
        "russischen Hauptstadt Moskau mit der Nato.")

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/de_ner missing")


@pytest.fixture(scope="module")
def ner_nlp():
    import spacy

    return spacy.load(MODEL)


def _ents(doc) -> dict[str, str]:
    return {e.text: e.label_ for e in doc.ents}


def _check(doc) -> None:
    """The model finds the names; "russischen" LOCderiv comes from the rules load_nlp() runs after it
    (the shipped model predicts the four base labels only)."""
    from lagebild.nlp.ner_rules import ner_rules

    assert _ents(doc).get("Moskau") == "LOC", _ents(doc)
    ents = _ents(ner_rules(doc))
    assert ents.get("Moskau") == "LOC" and ents.get("Nato") == "ORG", ents
    assert ents.get("russischen") == "LOCderiv", ents


def test_labels_are_the_four_base_classes(ner_nlp):
    assert set(ner_nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "OTH"}


def test_standalone(ner_nlp):
    _check(ner_nlp(SENT))


def test_sourced_into_blank_pipeline(ner_nlp):
    """As load_nlp() does: a pipeline without vectors gets de_ner's vectors table, then sources `ner`."""
    import spacy

    from lagebild.nlp.loading import attach_ner

    nlp = spacy.blank("de")
    attach_ner(nlp, MODEL)
    assert nlp.pipe_names == ["ner"]
    assert nlp.get_pipe_meta("ner").factory == "ner"  # really sourced, not the proxy
    doc = nlp(SENT)
    ref = ner_nlp(SENT)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in ref.ents]
    _check(doc)


def test_proxy_when_target_has_other_vectors(ner_nlp):
    import numpy as np
    import spacy

    from lagebild.nlp.loading import attach_ner

    nlp = spacy.blank("de")
    nlp.vocab.reset_vectors(width=8)
    nlp.vocab.set_vector("Haus", np.ones(8, dtype="f"))
    attach_ner(nlp, MODEL)
    assert nlp.get_pipe_meta("ner").factory == "lagebild_ner_proxy"
    docs = list(nlp.pipe([SENT, SENT]))
    ref = ner_nlp(SENT)
    for doc in docs:
        assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in ref.ents]

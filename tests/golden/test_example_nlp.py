"""Golden test of the shipped models through `load_nlp()` on the example article: tags, Konjunktiv I,
a parse, and the entities the issue names (NER model + its rule component)."""
from __future__ import annotations

import pytest

from lagebild import paths

pytestmark = pytest.mark.skipif(
    not all((paths.models_dir() / m / "config.cfg").exists() for m in ("de_core", "de_ner")),
    reason="needs models/de_core and models/de_ner")


@pytest.fixture(scope="module")
def doc(example_text):
    import lagebild

    return lagebild.load_nlp()(example_text)


def _ent_at(doc, start, end):
    return next((e for e in doc.ents if e.start_char <= start and e.end_char >= end), None)


@pytest.mark.parametrize("start, end, label", [
    (148, 169, "PER"),     # Anders Fogh Rasmussen
    (12, 16, "ORG"),       # Nato
    (0, 6, "LOC"),         # Moskau (dateline)
    (225, 235, "LOCderiv"),  # russischen
    (645, 660, "PER"),     # Dmitri Medwedew
])
def test_entities(doc, start, end, label):
    ent = _ent_at(doc, start, end)
    assert ent is not None and ent.label_ == label, (doc.text[start:end], ent and ent.label_)


@pytest.mark.parametrize("word", ["betrachte", "gebe"])
def test_konjunktiv_one(doc, word):
    tok = next(t for t in doc if t.text == word)
    assert tok.morph.get("Mood") == ["Sub"], str(tok.morph)


def test_tags_lemmas_and_parse(doc):
    assert all(t.tag_ for t in doc if not t.is_space)
    sent = next(s for s in doc.sents if s.text.startswith("Die Nato, wiederholte er"))
    assert any(t.dep_ == "nsubj" for t in sent)
    assert next(t for t in doc if t.text == "sprach").lemma_ == "sprechen"

"""The learned sentence classifier: training, loading, and that it only adds to what rules found."""
from __future__ import annotations

from quote_docs import make_doc

from lagebild.quotes.context import Context
from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.model import SentenceModel, sentence_features, train_logistic
from lagebild.quotes.stage import find_candidates


def test_logistic_regression_separates_a_toy_set() -> None:
    samples = [(["w:fordert", "f:x"], 1)] * 20 + [(["w:regnet", "f:x"], 0)] * 20
    w, b = train_logistic(samples, min_count=1)
    model = SentenceModel(w, b, 0.5)
    assert model.prob(["w:fordert", "f:x"]) > 0.7 > 0.3 > model.prob(["w:regnet", "f:x"])


def test_features_of_a_sentence() -> None:
    doc = make_doc("Die Gewerkschaft fordert höhere Löhne.")
    f = Context(doc, load_lexicon(), {})
    feats = sentence_features(f, 0, len(doc), prev_quote=True)
    assert "w:fordert" in feats and "f:prev_quote" in feats and "f:speech_verb_form" in feats


def test_classifier_only_fills_sentences_the_rules_left() -> None:
    text = "Der Minister sagte, die Lage sei ernst. Die Gewerkschaft fordert höhere Löhne."
    doc = make_doc(text)
    always = SentenceModel({}, 10.0, 0.5)
    cands = find_candidates(Context(doc, load_lexicon(), {}), always)
    assert [q.type for q in cands] == ["indirect", "reported"]
    never = SentenceModel({}, -10.0, 0.5)
    assert [q.type for q in find_candidates(Context(doc, load_lexicon(), {}), never)] == ["indirect"]

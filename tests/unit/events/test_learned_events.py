"""The learned parts of the events stage on hand-built parsed Docs: the perceptrons, trigger
merging, argument candidates, negation, clause time, source, and the stage with the shipped models."""
from __future__ import annotations

import json

import spacy
from spacy.tokens import Doc

from lagebild.article import Article, Entity, Mention, Quote, Speaker, TextSpan
from lagebild.events.attributes import clause_time, is_negated, negation_cue, source
from lagebild.events.context import build_context, candidates_for
from lagebild.nlp.columns import columns
from lagebild.events.model import event_models
from lagebild.nlp.perceptron import Classifier, Ranker, softmax_top, train_classifier, train_ranker
from lagebild.events.stage import learned_events
from lagebild.events.triggers import Detected, merge_multiword
from lagebild.schema import validate

nlp = spacy.blank("de")

# Der Verdächtige wurde von der Polizei festgenommen .
PASSIVE = dict(
    words=["Der", "Verdächtige", "wurde", "von", "der", "Polizei", "festgenommen", "."],
    heads=[1, 6, 6, 5, 5, 6, 6, 6],
    deps=["det", "nsubj:pass", "aux:pass", "case", "det", "obl", "ROOT", "punct"],
    lemmas=["der", "Verdächtige", "werden", "von", "der", "Polizei", "festnehmen", "."],
    pos=["DET", "NOUN", "AUX", "ADP", "DET", "NOUN", "VERB", "PUNCT"],
    tags=["ART", "NN", "VAFIN", "APPR", "ART", "NN", "VVPP", "$."],
)


def passive_article(extra_quote: bool = False):
    doc = Doc(nlp.vocab, **PASSIVE)
    art = Article(id="t", text=doc.text)
    art.entities = [Entity("e1", "Verdächtiger", "PER", [], [Mention(4, 15, "Verdächtige", "nominal")]),
                    Entity("e2", "Polizei", "ORG", [], [Mention(30, 37, "Polizei", "nominal")])]
    if extra_quote:
        art.quotes = [Quote("q1", "indirect", [TextSpan.of(doc.text, 0, len(doc.text))], Speaker("e2", None), [], None)]
    doc._.article = art
    return doc, art


def test_classifier_learns_and_round_trips_through_json():
    examples = [(["bias", "l=festnehmen"], "COERCE"), (["bias", "l=haus"], "O"), (["bias", "l=töten"], "ASSAULT")] * 5
    model = train_classifier(examples, ["ASSAULT", "COERCE", "O"], epochs=4)
    again = Classifier.from_json(json.loads(json.dumps(model.to_json())))
    assert [again.predict(f) for f, _ in examples[:3]] == ["COERCE", "O", "ASSAULT"]
    label, share, second, second_share = softmax_top(again.scores(["bias", "l=töten"]))
    assert label == "ASSAULT" and share > second_share and second != "ASSAULT"


def test_ranker_learns_the_right_candidate():
    groups = [([["none"], ["path=^nsubj"], ["path=^obj"]], 1), ([["none"], ["path=^obj"], ["path=^nsubj"]], 2)] * 4
    ranker = Ranker.from_json(train_ranker(groups, epochs=4).to_json())
    assert ranker.best([["none"], ["path=^obj"], ["path=^nsubj"]]) == 2


def test_same_type_trigger_governed_by_another_is_merged():
    doc = Doc(nlp.vocab, words=["keine", "Kompromisse", "eingehen"], heads=[1, 2, 2], deps=["det", "obj", "ROOT"])
    found = [Detected(doc[1], [doc[1]], "AGREE", 0.6, []), Detected(doc[2], [doc[2]], "AGREE", 0.8, [])]
    [one] = merge_multiword(found)
    assert [t.text for t in one.tokens] == ["Kompromisse", "eingehen"] and one.score == 0.8
    other = [Detected(doc[1], [doc[1]], "RETREAT", 0.6, []), Detected(doc[2], [doc[2]], "REQUEST", 0.8, [])]
    assert len(merge_multiword(other)) == 2


def test_candidates_exclude_the_trigger_and_come_with_entity_ids():
    doc, art = passive_article()
    ctx = build_context(doc, art)
    cands = candidates_for(ctx, doc[6], {6})
    assert sorted(c.entity for c in cands) == ["e1", "e2"]
    assert all(c.where == "sent" for c in cands)
    assert not candidates_for(ctx, doc[5], {5}) or all(c.head != 5 for c in candidates_for(ctx, doc[5], {5}))


def test_negation_words_and_refusal():
    doc = Doc(nlp.vocab, words=["Sie", "verhandeln", "nicht"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "advmod"],
              tags=["PPER", "VVFIN", "PTKNEG"])
    assert negation_cue(columns(doc), 1)
    assert is_negated(columns(doc), 1, "CONSULT", "CONSULT")
    assert not is_negated(columns(doc), 1, "REJECT", "CONSULT")      # the refusal itself
    doc2 = Doc(nlp.vocab, words=["Sie", "verhandeln", "heute"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "advmod"])
    assert not negation_cue(columns(doc2), 1)


def test_clause_time_and_source():
    doc, art = passive_article(extra_quote=True)
    art.times = [{"start": 0, "end": 3, "text": "Der", "value": "2009"}]
    ctx = build_context(doc, art)
    assert clause_time(ctx, doc[6]) == {"id": "t1", "value": "2009"}
    assert source(ctx, [doc[6]]) == {"quote": "q1", "speaker": "e2"}


def test_shipped_models_code_a_passive_arrest():
    models = event_models()
    assert models is not None, "models/de_events/ is missing"
    doc, art = passive_article()
    events = learned_events(doc, art, models)
    arrest = [ev for ev in events if ev["trigger"]["text"] == "festgenommen"]
    assert arrest and arrest[0]["type"] == "COERCE"
    ev = arrest[0]
    assert ev["actor"]["entity"] == "e2" and ev["target"]["entity"] == "e1"
    art.events = events
    validate({**art.to_json(), "sentences": [{"start": 0, "end": len(art.text)}]})

"""The rule fallback of the events stage (`rule_events`, used without trained models) on hand-built parsed Docs."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.article import Article, Entity, Mention
from lagebild.events.rules import rule_events
from lagebild.events.stage import events_stage

nlp = spacy.blank("de")


def make(words, heads, deps, lemmas, pos, tags, entities=()):
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos, tags=tags)
    article = Article(id="t", text=doc.text)
    for i, (start_tok, end_tok, name, etype) in enumerate(entities, start=1):
        span = doc[start_tok:end_tok]
        article.entities.append(Entity(f"e{i}", name, etype, [], [Mention(span.start_char, span.end_char, span.text)]))
    doc._.article = article
    return rule_events(doc, article)


def test_split_separable_verb_with_subject_and_object():
    # Die Polizei nahm drei Demonstranten fest .
    events = make(
        ["Die", "Polizei", "nahm", "drei", "Demonstranten", "fest", "."],
        [1, 2, 2, 4, 2, 2, 2],
        ["det", "nsubj", "ROOT", "nummod", "obj", "compound:prt", "punct"],
        ["der", "Polizei", "nehmen", "drei", "Demonstrant", "fest", "."],
        ["DET", "NOUN", "VERB", "NUM", "NOUN", "ADP", "PUNCT"],
        ["ART", "NN", "VVFIN", "CARD", "NN", "PTKVZ", "$."],
        entities=[(1, 2, "Polizei", "ORG")],
    )
    [ev] = events
    assert ev["type"] == "COERCE" and ev["trigger"]["text"] == "nahm"
    assert ev["actor"]["entity"] == "e1" and ev["target"]["mention"]["text"] == "Demonstranten"
    assert ev["negated"] is False and ev["modality"] == "fact"


def test_negated_cooperation_is_reject_and_modal_is_intention():
    # Das Bündnis will keine Kompromisse eingehen .
    events = make(
        ["Das", "Bündnis", "will", "keine", "Kompromisse", "eingehen", "."],
        [1, 5, 5, 4, 5, 5, 5],
        ["det", "nsubj", "aux", "det", "obj", "ROOT", "punct"],
        ["der", "Bündnis", "wollen", "kein", "Kompromiss", "eingehen", "."],
        ["DET", "NOUN", "AUX", "DET", "NOUN", "VERB", "PUNCT"],
        ["ART", "NN", "VMFIN", "PIAT", "NN", "VVINF", "$."],
    )
    [ev] = events
    assert ev["type"] == "REJECT" and ev["negated"] is False and ev["modality"] == "intention"


def test_compound_noun_trigger():
    # Der Terroranschlag erschütterte Kabul .
    events = make(
        ["Der", "Terroranschlag", "erschütterte", "Kabul", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "obj", "punct"],
        ["der", "Terroranschlag", "erschüttern", "Kabul", "."],
        ["DET", "NOUN", "VERB", "PROPN", "PUNCT"],
        ["ART", "NN", "VVFIN", "NE", "$."],
    )
    assert [e["type"] for e in events] == ["ASSAULT"]


def test_particle_verb_without_its_particle_is_no_trigger():
    # "lehnen" alone (sich an die Wand lehnen) is not "ablehnen"
    events = make(
        ["Er", "lehnte", "an", "der", "Wand", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "case", "det", "obl", "punct"],
        ["er", "lehnen", "an", "der", "Wand", "."],
        ["PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["PPER", "VVFIN", "APPR", "ART", "NN", "$."],
    )
    assert events == []


def test_no_parse_no_events():
    doc = nlp("Die Polizei nahm drei Demonstranten fest.")
    doc._.article = Article(id="t", text=doc.text)
    events_stage(doc)
    assert doc._.article.events == []

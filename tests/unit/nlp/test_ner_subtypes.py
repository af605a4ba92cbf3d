"""lagebild.nlp.ner_subtypes: GermEval deriv/part forms from the demonym lexicon, and their use in
the NER rules component for words the NER model left outside every entity."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from lagebild.nlp.ner_rules import ner_rules
from lagebild.nlp.ner_subtypes import Demonyms, demonyms, subtype_spans

_NLP = spacy.blank("de")


def test_word_tests_of_the_lexicon():
    lex = demonyms()
    assert lex.label("russischen", sentence_start=False) == "LOCderiv"
    assert lex.label("Russen", sentence_start=False) == "LOCderiv"
    assert lex.label("Russen", sentence_start=True) is None  # could be a capitalised adjective
    assert lex.label("US-Präsident", sentence_start=False) == "LOCpart"
    assert lex.label("EU-Kommission", sentence_start=False) == "ORGpart"
    assert lex.label("Russland", sentence_start=False) is None  # the name itself is the NER's LOC
    assert lex.label("Russisch", sentence_start=False) is None  # adjectives must be lower case
    assert lex.label("Präsident", sentence_start=False) is None


def test_relabel_keeps_entities_and_missing_words():
    lex = Demonyms([["russisch", "adj", "Russland", "country"], ["Russe", "noun", "Russland", "country"],
                    ["US", "prefix", "USA", "country"]])
    words = ["Die", "russischen", "Russen", "und", "US-Präsident", "Obama", "russischen"]
    labels = ["O", "O", "O", "O", "O", "U-PER", "-"]
    assert lex.relabel(words, labels) == ["O", "U-LOCderiv", "U-LOCderiv", "O", "U-LOCpart", "U-PER", "-"]


def test_spans_skip_words_inside_entities_and_sentence_initial_nouns():
    doc = Doc(_NLP.vocab, words=["Russen", "lobten", "die", "russischen", "Russen", "."],
              sent_starts=[True, False, False, False, False, False])
    spans = subtype_spans(doc, taken={4})
    assert [(s.text, s.label_) for s in spans] == [("russischen", "LOCderiv")]


def test_rules_component_adds_subtypes_beside_the_models_entities():
    doc = Doc(_NLP.vocab, words=["Der", "US-Präsident", "besuchte", "die", "russische", "Hauptstadt", "Moskau", "."])
    doc.ents = [Span(doc, 6, 7, label="LOC")]
    ner_rules(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("US-Präsident", "LOCpart"), ("russische", "LOCderiv"), ("Moskau", "LOC")]

"""lagebild.nlp.upos: haben/sein/werden are AUX only in an aux, aux:pass or cop relation."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.nlp.upos import upos_repair

_NLP = spacy.blank("de")


def make(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, STTS tag, UPOS as the morphologizer left it, head index, dep)."""
    return Doc(_NLP.vocab, words=[r[0] for r in rows], tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               heads=[r[3] for r in rows], deps=[r[4] for r in rows])


def test_main_verb_haben_becomes_verb_and_auxiliaries_stay_aux():
    doc = upos_repair(make([("Er", "PPER", "PRON", 1, "nsubj"), ("hat", "VAFIN", "AUX", 1, "ROOT"),
                            ("Zeit", "NN", "NOUN", 1, "obj"), (".", "$.", "PUNCT", 1, "punct")]))
    assert doc[1].pos_ == "VERB"
    doc = upos_repair(make([("Er", "PPER", "PRON", 2, "nsubj"), ("hat", "VAFIN", "AUX", 2, "aux"),
                            ("gesagt", "VVPP", "VERB", 2, "ROOT"), (".", "$.", "PUNCT", 2, "punct")]))
    assert [t.pos_ for t in doc] == ["PRON", "AUX", "VERB", "PUNCT"]


def test_copula_is_aux_even_when_the_model_said_verb():
    doc = upos_repair(make([("Er", "PPER", "PRON", 2, "nsubj"), ("ist", "VAFIN", "VERB", 2, "cop"),
                            ("Präsident", "NN", "NOUN", 2, "ROOT")]))
    assert doc[1].pos_ == "AUX"


def test_other_tags_and_possessive_sein_are_untouched():
    doc = upos_repair(make([("sein", "PPOSAT", "DET", 1, "det:poss"), ("Haus", "NN", "NOUN", 2, "nsubj"),
                            ("kann", "VMFIN", "AUX", 2, "ROOT")]))
    assert [t.pos_ for t in doc] == ["DET", "NOUN", "AUX"]


def test_closed_class_words_take_gsds_upos_for_their_tag():
    doc = upos_repair(make([("Alles", "PIS", "PRON", 1, "nsubj"), ("kam", "VVFIN", "VERB", 1, "ROOT"),
                            ("ein", "PTKVZ", "ADP", 1, "compound:prt")]))
    assert [t.pos_ for t in doc] == ["DET", "VERB", "ADV"]
    # a word the table does not list keeps the model's UPOS
    doc = upos_repair(make([("irgendwer", "PIS", "PRON", 1, "nsubj"), ("kam", "VVFIN", "VERB", 1, "ROOT")]))
    assert doc[0].pos_ == "PRON"

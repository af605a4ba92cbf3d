"""lagebild.nlp.upos: AUX/VERB from the relation, closed-class conventions, and PROPN for unknown names."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from lagebild.nlp.upos import name_upos, upos_repair

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
    doc = upos_repair(make([("sein", "PPOSAT", "DET", 1, "det:poss"), ("Haus", "NN", "NOUN", 3, "nsubj"),
                            ("kann", "VMFIN", "AUX", 3, "aux"), ("stehen", "VVINF", "VERB", 3, "ROOT")]))
    assert [t.pos_ for t in doc] == ["DET", "NOUN", "AUX", "VERB"]


def test_modal_verb_without_an_infinitive_is_verb():
    # Er mag Pizza / Ich möchte ein Zimmer: GSD dev and PUD, 151 of 153 modal-tagged words
    doc = upos_repair(make([("Er", "PPER", "PRON", 1, "nsubj"), ("mag", "VMFIN", "AUX", 1, "ROOT"),
                            ("Pizza", "NN", "NOUN", 1, "obj")]))
    assert doc[1].pos_ == "VERB"


def test_closed_class_words_take_gsds_upos_for_their_tag():
    doc = upos_repair(make([("Alles", "PIS", "PRON", 1, "nsubj"), ("kam", "VVFIN", "VERB", 1, "ROOT"),
                            ("ein", "PTKVZ", "ADP", 1, "compound:prt")]))
    assert [t.pos_ for t in doc] == ["DET", "VERB", "ADV"]
    # a separable particle without a row: ADP if the table lists it as a preposition, else ADV
    doc = upos_repair(make([("Er", "PPER", "PRON", 1, "nsubj"), ("ging", "VVFIN", "VERB", 1, "ROOT"),
                            ("hinaus", "PTKVZ", "ADP", 1, "compound:prt"), ("gegen", "PTKVZ", "ADV", 1, "compound:prt")]))
    assert [t.pos_ for t in doc] == ["PRON", "VERB", "ADV", "ADP"]
    # a word the table does not list keeps the model's UPOS
    doc = upos_repair(make([("irgendwer", "PIS", "PRON", 1, "nsubj"), ("kam", "VVFIN", "VERB", 1, "ROOT")]))
    assert doc[0].pos_ == "PRON"


def with_entity(rows: list[tuple[str, str, str, int, str]], start: int, end: int, label: str) -> Doc:
    doc = make(rows)
    doc.ents = [Span(doc, start, end, label=label)]
    return doc


def test_unknown_words_in_person_place_or_organisation_names_become_propn():
    rows = [("Kori", "NN", "NOUN", 2, "nsubj"), ("Schulman", "NN", "NOUN", 0, "flat"), ("sagte", "VVFIN", "VERB", 2, "ROOT")]
    doc = name_upos(with_entity(rows, 0, 2, "PER"))
    assert [t.pos_ for t in doc] == ["PROPN", "PROPN", "VERB"]
    doc = name_upos(with_entity([("in", "APPR", "ADP", 1, "case"), ("Sakhalin", "NN", "NOUN", 1, "ROOT")], 1, 2, "LOC"))
    assert doc[1].pos_ == "PROPN"
    doc = name_upos(with_entity([("Die", "ART", "DET", 1, "det"), ("PDS", "NN", "NOUN", 1, "ROOT")], 1, 2, "ORG"))
    assert doc[1].pos_ == "PROPN"


def test_known_nouns_compounds_abbreviations_and_other_names_stay_noun():
    # "Hotel" is a common noun of the training data, "Regionalregierung" ends in one, "St." is an abbreviation
    for word in ("Hotel", "Regionalregierung", "St."):
        doc = name_upos(with_entity([(word, "NN", "NOUN", 0, "ROOT")], 0, 1, "LOC"))
        assert doc[0].pos_ == "NOUN", word
    doc = name_upos(with_entity([("Schulman", "NN", "NOUN", 0, "ROOT")], 0, 1, "OTH"))
    assert doc[0].pos_ == "NOUN"
    assert name_upos(make([("Schulman", "NN", "NOUN", 0, "ROOT")]))[0].pos_ == "NOUN"


def test_weekdays_and_months_are_propn_as_in_gsd():
    doc = upos_repair(make([("am", "APPRART", "ADP", 1, "case"), ("Montag", "NN", "NOUN", 2, "obl"),
                            ("kam", "VVFIN", "VERB", 2, "ROOT"), ("des", "ART", "DET", 4, "det"),
                            ("Julis", "NN", "NOUN", 1, "nmod")]))
    assert [t.pos_ for t in doc] == ["ADP", "PROPN", "VERB", "DET", "PROPN"]
    # other nouns stay as they are
    doc = upos_repair(make([("Woche", "NN", "NOUN", 0, "ROOT")]))
    assert doc[0].pos_ == "NOUN"


def test_words_with_a_punctuation_tag_are_punct():
    doc = upos_repair(make([("''", "$(", "ADP", 1, "punct"), ("gut", "ADJD", "ADJ", 1, "ROOT"), (".", "$.", "PUNCT", 1, "punct")]))
    assert [t.pos_ for t in doc] == ["PUNCT", "ADJ", "PUNCT"]


def test_ne_tagged_acronym_the_morphologizer_called_x_is_propn():
    doc = upos_repair(make([("Die", "ART", "DET", 1, "det"), ("SPD", "NE", "X", 2, "nsubj"), ("siegt", "VVFIN", "VERB", 2, "ROOT")]))
    assert [t.pos_ for t in doc] == ["DET", "PROPN", "VERB"]


def test_ne_tagged_common_noun_outside_every_name_becomes_noun():
    # the tagger said NE for "Arbeitsmarkt"; no entity covers it and it is a noun of the training data
    doc = name_upos(make([("Der", "ART", "DET", 1, "det"), ("Arbeitsmarkt", "NE", "PROPN", 2, "nsubj"),
                          ("wächst", "VVFIN", "VERB", 2, "ROOT")]))
    assert (doc[1].pos_, doc[1].tag_) == ("NOUN", "NN")
    # inside a name, unknown, an acronym or an abbreviation: left as it is
    doc = name_upos(with_entity([("Arbeitsmarkt", "NE", "PROPN", 0, "ROOT")], 0, 1, "ORG"))
    assert doc[0].pos_ == "PROPN"
    for word in ("Schulman", "BASF", "Chr."):
        doc = name_upos(make([(word, "NE", "PROPN", 0, "ROOT")]))
        assert (doc[0].pos_, doc[0].tag_) == ("PROPN", "NE"), word


def test_city_adjective_before_a_noun_is_adj_elsewhere_left_alone():
    # Münchner Kessel (GSD: ADJ/ADJA); "die Frankfurter" without a noun after it keeps the model's UPOS
    doc = upos_repair(make([("Der", "ART", "DET", 2, "det"), ("Münchner", "NE", "PROPN", 2, "amod"),
                            ("Kessel", "NN", "NOUN", 2, "ROOT")]))
    assert (doc[1].pos_, doc[1].tag_) == ("ADJ", "ADJA")
    doc = upos_repair(make([("die", "ART", "DET", 1, "det"), ("Frankfurter", "NN", "NOUN", 1, "ROOT"),
                            (".", "$.", "PUNCT", 1, "punct")]))
    assert (doc[1].pos_, doc[1].tag_) == ("NOUN", "NN")


def test_ordinal_in_digits_before_a_word_is_adj():
    doc = upos_repair(make([("am", "APPRART", "ADP", 2, "case"), ("2.", "ADV", "ADV", 2, "amod"),
                            ("Mai", "NN", "NOUN", 2, "ROOT"), ("Platz", "NN", "NOUN", 2, "nmod"),
                            ("3.", "CARD", "NUM", 2, "nummod"), (".", "$.", "PUNCT", 2, "punct")]))
    assert (doc[1].pos_, doc[1].tag_) == ("ADJ", "ADJA")
    assert (doc[4].pos_, doc[4].tag_) == ("NUM", "CARD")  # before punctuation: left alone


def test_copula_before_an_adverbial_predicate_is_verb():
    # Das Hotel ist in der Innenstadt (the parser said cop; GSD: VERB)
    doc = upos_repair(make([("Das", "ART", "DET", 1, "det"), ("Hotel", "NN", "NOUN", 5, "nsubj"),
                            ("ist", "VAFIN", "AUX", 5, "cop"), ("in", "APPR", "ADP", 5, "case"),
                            ("der", "ART", "DET", 5, "det"), ("Innenstadt", "NN", "NOUN", 5, "ROOT")]))
    assert doc[2].pos_ == "VERB"

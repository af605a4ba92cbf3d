"""lagebild.nlp.ner_rules: names the model missed that the training data (practically) always marks,
and acronyms."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from lagebild.nlp.ner_rules import MIN_INSIDE, MIN_OCCURRENCES, common_acronyms, ner_rules, sure_names
from lagebild.paths import resource_rows

_NLP = spacy.blank("de")


def test_gazetteer_columns_and_which_names_are_sure():
    rows = resource_rows("ner_gazetteer.tsv")
    assert all(len(r) == 5 and int(r[4]) <= int(r[3]) for r in rows)
    by_name = {r[0]: r for r in rows}
    names = sure_names()
    # München stands inside an entity nearly everywhere it occurs; "Union" often outside one
    munich, union = by_name["München"], by_name["Union"]
    assert int(munich[3]) >= MIN_OCCURRENCES and int(munich[3]) - int(munich[4]) >= MIN_INSIDE * int(munich[3])
    assert names["München"] == "LOC" and "Union" not in names
    # a common noun of the core's training data is never sure, whatever a NER corpus says
    assert by_name["Panzer"][1] == "PER" and "Panzer" not in names
    # places of the demonym lexicon that the NER training data does not type at all
    assert "Eritrea" not in by_name and names["Eritrea"] == "LOC"
    assert all(t in ("PER", "ORG", "LOC", "OTH") for t in names.values())


def test_missed_names_and_genitive_places_are_added_where_the_model_found_nothing():
    doc = Doc(_NLP.vocab, words=["Portugals", "Liga", "tagte", "in", "München", ",", "die", "Union", "nicht", "."])
    ner_rules(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Portugals", "LOC"), ("München", "LOC")]


def test_the_models_entities_are_not_overridden():
    doc = Doc(_NLP.vocab, words=["Die", "TU", "München", "forscht", "."])
    doc.ents = [Span(doc, 1, 3, label="ORG")]
    ner_rules(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("TU München", "ORG")]


def test_unknown_acronyms_are_org_common_ones_numerals_and_shouting_are_not():
    rows = resource_rows("ner_common_acronyms.tsv")
    assert all(len(r) == 3 and 2 * int(r[2]) > int(r[1]) for r in rows)
    assert {"TV", "ISBN"} <= common_acronyms() and "ISAF" not in common_acronyms()
    doc = Doc(_NLP.vocab, words=["Die", "ISAF", "zeigte", "im", "TV", "Teil", "III", ":", "GROSSE", "WUT", "."])
    ner_rules(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("ISAF", "ORG")]


def test_a_surname_of_an_earlier_full_name_is_that_person() -> None:
    import spacy
    from spacy.tokens import Span

    from lagebild.nlp.ner_rules import _surnames_as_persons

    doc = spacy.blank("de")("Dmitri Medwedew kam . Dann reagierte Medwedew verhalten .")
    ents = [Span(doc, 0, 2, label="PER"), Span(doc, 6, 7, label="ORG")]
    assert [(e.text, e.label_) for e in _surnames_as_persons(ents)] == [("Dmitri Medwedew", "PER"), ("Medwedew", "PER")]
    alone = [Span(doc, 6, 7, label="ORG")]
    assert _surnames_as_persons(alone)[0].label_ == "ORG"   # no full name before: the model's type stays

"""Descriptions of organisations ("das westliche Bündnis") and personal pronouns."""
from __future__ import annotations

import pytest
from entity_docs import by_mention, make_doc, run, tokens


@pytest.mark.parametrize("phrase, span", [
    ("das|ART westliche|ADJA Bündnis|NN", "westliche Bündnis"),
    ("die|ART Allianz|NN", "Allianz"),
    ("das|ART Nordatlantische|ADJA Bündnis|NN", "Nordatlantische Bündnis"),
])
def test_alliance_descriptions_are_nato(phrase, span):
    ents = run(make_doc(tokens(f"Die|ART Nato|NE|B-ORG tagte|VVFIN . Dann|ADV sprach|VVFIN {phrase} .")))
    nato = by_mention(ents, "Nato", "name")
    assert by_mention(ents, span) is nato


def test_description_needs_the_organisation_and_a_definite_article():
    ents = run(make_doc(tokens("Ein|ART Bündnis|NN entstand|VVFIN . Das|ART Bündnis|NN wuchs|VVFIN .")))
    assert by_mention(ents, "Bündnis") is None
    ents = run(make_doc(tokens("Die|ART Nato|NE|B-ORG tagte|VVFIN . Ein|ART Bündnis|NN entstand|VVFIN .")))
    assert by_mention(ents, "Bündnis") is None


def test_pronoun_subject_of_speech_verb_goes_to_the_person():
    doc = make_doc(tokens(
        "Anders|NE|B-PER Fogh|NE|I-PER Rasmussen|NE|I-PER kam|VVFIN nach|APPR Moskau|NE|B-LOC . "
        "„|$( Wir|PPER sind|VAFIN Partner|NN “|$( ,|$, sagte|VVFIN er|PPER|O|Gender=Masc|Number=Sing ."),
        sent_starts=[0, 7])
    ents = run(doc)
    assert by_mention(ents, "er", "pronoun") is by_mention(ents, "Anders Fogh Rasmussen")


def test_pronoun_goes_to_the_most_recent_fitting_person():
    doc = make_doc(tokens(
        "Barack|NE|B-PER Obama|NE|I-PER lobte|VVFIN . Dmitri|NE|B-PER Medwedew|NE|I-PER schwieg|VVFIN . "
        "Er|PPER werde|VAFIN prüfen|VVINF ,|$, sagte|VVFIN er|PPER ."), sent_starts=[0, 4, 8])
    ents = run(doc)
    assert by_mention(ents, "Er", "pronoun") is by_mention(ents, "Dmitri Medwedew")


def test_masculine_pronoun_skips_a_woman():
    doc = make_doc(tokens(
        "Präsident|NN Barack|NE|B-PER Obama|NE|I-PER kam|VVFIN . Außenministerin|NN Hillary|NE|B-PER "
        "Clinton|NE|I-PER lachte|VVFIN . Dann|ADV sprach|VVFIN er|PPER ."), sent_starts=[0, 5, 10])
    ents = run(doc)
    assert by_mention(ents, "er", "pronoun") is by_mention(ents, "Barack Obama")


def test_no_person_no_pronoun_mention():
    ents = run(make_doc(tokens("Es|PPER regnete|VVFIN . Dann|ADV sagte|VVFIN er|PPER etwas|PIS .")))
    assert by_mention(ents, "er") is None


def test_plural_sie_is_left_alone():
    doc = make_doc(tokens(
        "Außenministerin|NN Condoleezza|NE|B-PER Rice|NE|I-PER kam|VVFIN . "
        "Dann|ADV gingen|VVFIN sie|PPER|O|Number=Plur ."), sent_starts=[0, 5])
    assert by_mention(run(doc), "sie") is None


def test_das_land_is_the_country_last_named():
    ents = run(make_doc(tokens(
        "In|APPR Simbabwe|NE|B-LOC wird|VAFIN gewählt|VVPP . Die|ART Lage|NN des|ART Landes|NN ist|VAFIN ernst|ADJD .")))
    assert by_mention(ents, "Landes", "nominal") is by_mention(ents, "Simbabwe", "name")
    ents = run(make_doc(tokens("Ein|ART Land|NN wählt|VVFIN . Das|ART Land|NN wartet|VVFIN .")))
    assert ents == []

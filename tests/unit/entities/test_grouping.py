"""One entity per referent: names, surnames, genitives, lexicon aliases, acronyms."""
from __future__ import annotations

import pytest
from entity_docs import by_mention, make_doc, run, tokens


def test_full_name_surname_and_genitive_are_one_person():
    doc = make_doc(tokens(
        "Anders|NE|B-PER Fogh|NE|I-PER Rasmussen|NE|I-PER kam|VVFIN . "
        "Rasmussen|NE|B-PER sprach|VVFIN . Rasmussens|NE|B-PER Bitte|NN blieb|VVFIN offen|ADJD ."))
    ents = run(doc)
    person = by_mention(ents, "Anders Fogh Rasmussen")
    assert person is not None and person.type == "PER" and person.name == "Anders Fogh Rasmussen"
    assert [m.text for m in person.mentions] == ["Anders Fogh Rasmussen", "Rasmussen", "Rasmussens"]
    assert all(m.form == "name" for m in person.mentions)


def test_surname_untagged_by_the_model_is_found_again():
    doc = make_doc(tokens("Dmitri|NE|B-PER Medwedew|NE|I-PER kam|VVFIN . Dann|ADV sprach|VVFIN Medwedew|NE ."))
    person = by_mention(run(doc), "Dmitri Medwedew")
    assert [m.text for m in person.mentions] == ["Dmitri Medwedew", "Medwedew"]


def test_two_persons_stay_apart():
    doc = make_doc(tokens(
        "Barack|NE|B-PER Obama|NE|I-PER und|KON Dmitri|NE|B-PER Medwedew|NE|I-PER trafen|VVFIN sich|PRF . "
        "Obama|NE|B-PER lobte|VVFIN Medwedew|NE|B-PER ."))
    ents = run(doc)
    assert by_mention(ents, "Obama") is by_mention(ents, "Barack Obama")
    assert by_mention(ents, "Medwedew") is by_mention(ents, "Dmitri Medwedew")
    assert by_mention(ents, "Obama") is not by_mention(ents, "Medwedew")


def test_surname_first_chinese_order():
    doc = make_doc(tokens("Hu|NE|B-PER Jia|NE|I-PER wurde|VAFIN verurteilt|VVPP . Hu|NE|B-PER schwieg|VVFIN ."))
    ents = run(doc)
    assert by_mention(ents, "Hu") is by_mention(ents, "Hu Jia")


@pytest.mark.parametrize("text, a, b", [
    ("Die|ART Vereinten|ADJA|B-ORG Nationen|NN|I-ORG und|KON die|ART UNO|NE|B-ORG", "Vereinten Nationen", "UNO"),
    ("Die|ART EU|NE|B-ORG und|KON die|ART Europäische|ADJA|B-ORG Union|NN|I-ORG", "EU", "Europäische Union"),
    ("Die|ART Vereinigten|ADJA|B-LOC Staaten|NN|I-LOC und|KON die|ART USA|NE|B-LOC", "Vereinigten Staaten", "USA"),
    ("In|APPR Frankreich|NE|B-LOC und|KON Frankreichs|NE|B-LOC Süden|NN", "Frankreich", "Frankreichs"),
])
def test_lexicon_aliases_and_declension_group(text, a, b):
    ents = run(make_doc(tokens(text)))
    assert by_mention(ents, a) is not None
    assert by_mention(ents, a) is by_mention(ents, b)


def test_acronym_in_parentheses_joins_its_long_form():
    doc = make_doc(tokens(
        "Die|ART Movement|NE|B-ORG for|FM|I-ORG Democratic|FM|I-ORG Change|FM|I-ORG (|$( MDC|NE|B-ORG )|$( "
        "gewann|VVFIN . Die|ART MDC|NE|B-ORG jubelte|VVFIN ."))
    ents = run(doc)
    org = by_mention(ents, "Movement for Democratic Change")
    assert org is not None and org is by_mention(ents, "MDC")
    assert sum(1 for m in org.mentions if m.text == "MDC") == 2


def test_places_from_the_lexicon_without_ner():
    ents = run(make_doc(tokens("Russland|NE und|KON Georgien|NE verhandeln|VVFIN in|APPR Frankreich|NE .")))
    for name in ("Russland", "Georgien", "Frankreich"):
        e = by_mention(ents, name, "name")
        assert e is not None and e.type == "LOC", name


def test_title_taken_into_a_person_name_by_the_model_is_cut_off():
    ents = run(make_doc(tokens("General|NN|B-PER Michael|NE|I-PER Hagee|NE|I-PER sagte|VVFIN .")))
    person = by_mention(ents, "Michael Hagee")
    assert person is not None and person.roles and person.roles[0].role == "General"

"""What the stage repairs in the NER model's spans, and what it adds to them."""
from __future__ import annotations

import pytest
from entity_docs import by_mention, make_doc, run, tokens


@pytest.mark.parametrize("text, person, role", [
    ("General|NN|B-PER Michael|NE|I-PER Hagee|NE|I-PER sagte|VVFIN .", "Michael Hagee", "General"),
    ("Ein|ART Human|NE|B-PER Rights|NE|I-PER Watch-Sprecher|NN|I-PER Malinowski|NE|B-PER sagte|VVFIN .",
     "Malinowski", "Sprecher"),
])
def test_titles_inside_person_spans_are_cut_off(text, person, role):
    ents = run(make_doc(tokens(text)))
    p = by_mention(ents, person, "name")
    assert p is not None and p.type == "PER"
    assert role in [r.role for r in p.roles]


def test_title_with_org_part_tagged_as_person_is_a_part():
    ents = run(make_doc(tokens(
        "Ein|ART Human|NE|B-PER Rights|NE|I-PER Watch-Sprecher|NN|I-PER Malinowski|NE|B-PER sagte|VVFIN .")))
    assert by_mention(ents, "Human Rights Watch-Sprecher", "part").name == "Human Rights Watch"


def test_single_title_tagged_as_organisation_is_no_name():
    ents = run(make_doc(tokens("Der|ART Bundesinnenminister|NN|B-ORG sagte|VVFIN .")))
    assert by_mention(ents, "Bundesinnenminister", "name") is None


def test_span_across_a_bracket_is_split():
    ents = run(make_doc(tokens(
        "Das|ART Bundesamt|NN|B-ORG für|APPR|I-ORG Verfassungsschutz|NN|I-ORG (|$(|I-ORG BfV|NE|I-ORG )|$( warnte|VVFIN .")))
    org = by_mention(ents, "Bundesamt für Verfassungsschutz", "name")
    assert org is not None and by_mention(ents, "BfV", "name") is org


def test_place_name_run_into_a_person_is_split():
    ents = run(make_doc(tokens(
        "Außenminister|NN der|ART Russischen|ADJA|B-PER Föderation|NN|I-PER Sergei|NE|I-PER Lawrow|NE|I-PER "
        "reagierte|VVFIN .")))
    assert by_mention(ents, "Russischen Föderation", "name").name == "Russland"
    lawrow = by_mention(ents, "Sergei Lawrow", "name")
    assert lawrow.type == "PER" and [r.role for r in lawrow.roles] == ["Außenminister"]


@pytest.mark.parametrize("text, full", [
    ("Regierung|NN unter|APPR Robert|NE|B-PER Mugabe|NN wankt|VVFIN . Mugabe|NN schweigt|VVFIN .", "Robert Mugabe"),
    ("mit|APPR Dmitri|NE Medwedew|NE|B-PER in|APPR Moskau|NE|B-LOC", "Dmitri Medwedew"),
])
def test_person_span_cut_short_is_extended(text, full):
    assert by_mention(run(make_doc(tokens(text))), full, "name") is not None


def test_deriv_opening_an_organisation_is_split_off():
    ents = run(make_doc(tokens("Die|ART deutsche|ADJA|B-ORG Bundesregierung|NN|I-ORG schwieg|VVFIN .")))
    assert by_mention(ents, "deutsche", "deriv").name == "Deutschland"
    assert by_mention(ents, "Bundesregierung", "name").name == "Bundesregierung"


def test_label_disagreement_is_resolved_by_majority():
    ents = run(make_doc(tokens(
        "Medwedew|NE|B-PER kam|VVFIN . Medwedew|NE|B-LOC sprach|VVFIN . Medwedew|NE|B-PER ging|VVFIN .")))
    assert {e.type for e in ents} == {"PER"} and len(ents) == 1


def test_lowercase_alias_is_found():
    ents = run(make_doc(tokens("Die|ART ödp|NE hatte|VAFIN daran|PAV teilgenommen|VVPP .")))
    assert by_mention(ents, "ödp", "name") is not None


def test_first_name_alone_after_full_name():
    ents = run(make_doc(tokens("Hu|NE|B-PER Jia|NE|I-PER wurde|VAFIN verurteilt|VVPP . Hu|NE schwieg|VVFIN .")))
    p = by_mention(ents, "Hu Jia")
    assert [m.text for m in p.mentions] == ["Hu Jia", "Hu"]


@pytest.mark.parametrize("long, short", [
    ("Republik|NN|B-LOC Krim|NE|I-LOC", "Krim|NE|B-LOC"),
    ("Assemblée|NE|B-ORG Nationale|NE|I-ORG", "Assemblée|NE|B-ORG"),
])
def test_short_form_of_a_longer_name_joins_it(long, short):
    ents = run(make_doc(tokens(f"Die|ART {long} tagte|VVFIN . Die|ART {short} schwieg|VVFIN .")))
    assert len(ents) == 1


def test_short_form_of_two_longer_names_stays_alone():
    ents = run(make_doc(tokens(
        "Das|ART Bundesamt|NN|B-ORG für|APPR|I-ORG Statistik|NN|I-ORG und|KON das|ART Bundesamt|NN|B-ORG "
        "für|APPR|I-ORG Umwelt|NN|I-ORG und|KON das|ART Bundesamt|NN|B-ORG")))
    assert len(ents) == 3


def test_person_after_a_title_missed_by_the_model():
    doc = make_doc(tokens(
        "Generalsekretär|NN Anders|NE Fogh|NE Rasmussen|NN sprach|VVFIN . Rasmussen|NN lachte|VVFIN ."))
    p = by_mention(run(doc), "Anders Fogh Rasmussen", "name")
    assert p is not None and p.type == "PER"
    assert [m.text for m in p.mentions] == ["Anders Fogh Rasmussen", "Rasmussen"]
    assert [r.role for r in p.roles] == ["Generalsekretär"]


def test_common_noun_after_a_title_is_no_name():
    doc = make_doc(tokens("Der|ART Richter|NN Gericht|NN sprach|VVFIN . Das|ART Gericht|NN tagte|VVFIN ."))
    assert run(doc) == []


def test_lexicon_type_wins_over_the_model():
    ents = run(make_doc(tokens("Die|ART Nato|NE|B-LOC und|KON die|ART Nato|NE|B-LOC tagten|VVFIN .")))
    assert ents[0].name == "Nato" and ents[0].type == "ORG"


def test_acronym_and_located_name_from_the_tagger():
    ents = run(make_doc(tokens(
        "Der|ART IWF|NE warnte|VVFIN . Kämpfe|NN in|APPR Haditha|NE . Haditha|NE brennt|VVFIN .")))
    assert by_mention(ents, "IWF", "name").type == "ORG"
    haditha = by_mention(ents, "Haditha", "name")
    assert haditha.type == "LOC" and len(haditha.mentions) == 2


def test_unexplained_deriv_from_the_model_is_dropped():
    ents = run(make_doc(tokens("die|ART islamischen|ADJA|B-LOCderiv Länder|NN")))
    assert ents == []


@pytest.mark.parametrize("word, form", [
    ("UN-Mission", "part"), ("UNO-Mitgliedsstaaten", "part"), ("UN-Sicherheitsrat", "name"), ("G10-Kommission", "name"),
])
def test_compound_with_a_known_name_tagged_as_name_is_a_part(word, form):
    ents = run(make_doc(tokens(f"Die|ART {word}|NN|B-ORG tagte|VVFIN .")))
    assert by_mention(ents, word, form) is not None


@pytest.mark.parametrize("text, long, acr", [
    ("Die|ART regierende|ADJA „|$( People's|FM Power|FM Party|FM “|$( (|$( PPP|NE )|$( siegte|VVFIN .",
     "People's Power Party", "PPP"),
    ("Die|ART Oppositionspartei|NN Movement|FM for|FM Democratic|FM Change|FM (|$( MDC|NE )|$( siegte|VVFIN .",
     "Movement for Democratic Change", "MDC"),
    ("Die|ART Gewerkschaft|NN der|ART Polizei|NN (|$( GdP|NE )|$( warnt|VVFIN .", "Gewerkschaft der Polizei", "GdP"),
])
def test_organisation_introduced_with_its_acronym(text, long, acr):
    ents = run(make_doc(tokens(text)))
    org = by_mention(ents, long, "name")
    assert org is not None and org.type == "ORG" and by_mention(ents, acr, "name") is org


def test_words_before_an_unrelated_bracket_are_no_name():
    ents = run(make_doc(tokens("Das|PDS kostet|VVFIN 250.000|CARD Euro|NN (|$( Ledige|NN )|$( .")))
    assert ents == []


def test_listed_place_tagged_as_person_is_a_place():
    ents = run(make_doc(tokens("In|APPR Simbabwe|NE|B-PER wird|VAFIN gewählt|VVPP .")))
    assert by_mention(ents, "Simbabwe", "name").type == "LOC"


def test_surname_that_is_also_a_common_word_is_not_spread():
    ents = run(make_doc(tokens(
        "Jerzy|NE|B-PER Montag|NE|I-PER sprach|VVFIN . Am|APPRART Montag|NN kam|VVFIN er|PPER .")))
    p = by_mention(ents, "Jerzy Montag")
    assert [m.text for m in p.mentions if m.form == "name"] == ["Jerzy Montag"]


@pytest.mark.parametrize("text, name", [
    ("Der|ART Bayerische|ADJA Rundfunk|NN sendete|VVFIN .", "Bayerische Rundfunk"),
    ("Die|ART Serbischen|ADJA Radikalen|ADJA Partei|NN siegte|VVFIN .", "Serbischen Radikalen Partei"),
])
def test_capitalised_place_adjective_opens_a_name(text, name):
    ents = run(make_doc(tokens(text)))
    assert by_mention(ents, name, "name") is not None


def test_city_adjective_stays_a_deriv():
    ents = run(make_doc(tokens("in|APPR den|ART Pariser|ADJA Vorstädten|NN")))
    assert by_mention(ents, "Pariser", "deriv") is not None


@pytest.mark.parametrize("text, name", [
    ("der|ART Sender|NN Channel|NN|B-ORG 10|CARD berichtete|VVFIN", "Channel 10"),
    ("die|ART WM|NE|B-OTH 2006|CARD in|APPR Deutschland|NE|B-LOC", "WM 2006"),
])
def test_number_belongs_to_the_name(text, name):
    assert by_mention(run(make_doc(tokens(text))), name, "name") is not None


def test_year_after_an_organisation_is_no_part_of_it():
    ents = run(make_doc(tokens("als|KOUS die|ART SPD|NE|B-ORG 1998|CARD gewann|VVFIN")))
    assert by_mention(ents, "SPD", "name") is not None


def test_currency_after_an_amount_is_no_name():
    assert run(make_doc(tokens("von|APPR 250.000|CARD Euro|NN|B-OTH"))) == []


def test_name_particle_continues_a_person():
    ents = run(make_doc(tokens("Abu|NE|B-PER Musab|NE|I-PER al-Zarqawi|NN starb|VVFIN .")))
    assert by_mention(ents, "Abu Musab al-Zarqawi", "name") is not None

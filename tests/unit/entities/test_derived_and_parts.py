"""Demonym adjectives (deriv) and names inside compounds (part) link to their place or body."""
from __future__ import annotations

import pytest
from entity_docs import by_mention, make_doc, run, tokens


@pytest.mark.parametrize("text, word, place", [
    ("in|APPR der|ART russischen|ADJA Hauptstadt|NN", "russischen", "Russland"),
    ("von|APPR afghanischen|ADJA Polizisten|NN", "afghanischen", "Afghanistan"),
    ("eine|ART Million|NN Afghanen|NN", "Afghanen", "Afghanistan"),
    ("in|APPR der|ART ostfranzösischen|ADJA Stadt|NN", "ostfranzösischen", "Frankreich"),
    ("die|ART sowjetische|ADJA Armee|NN", "sowjetische", "Sowjetunion"),
])
def test_demonyms_are_deriv_mentions_of_their_place(text, word, place):
    e = by_mention(run(make_doc(tokens(text))), word, "deriv")
    assert e is not None and e.name == place and e.type in ("LOC", "ORG")


def test_deriv_joins_the_named_place():
    ents = run(make_doc(tokens("Russland|NE|B-LOC und|KON die|ART russische|ADJA|B-LOCderiv Armee|NN")))
    assert by_mention(ents, "russische", "deriv") is by_mention(ents, "Russland", "name")


def test_deriv_without_tags_uses_the_lexicon():
    e = by_mention(run(make_doc(tokens("der russischen Hauptstadt"))), "russischen", "deriv")
    assert e is not None and e.name == "Russland"


def test_capitalised_adjective_opening_a_name_is_not_a_deriv():
    ents = run(make_doc(tokens("Die|ART Serbische|ADJA Radikale|ADJA Partei|NN gewann|VVFIN")))
    assert by_mention(ents, "Serbische", "deriv") is None


@pytest.mark.parametrize("text, word, target", [
    ("nach|APPR dem|ART Georgien-Krieg|NN", "Georgien-Krieg", "Georgien"),
    ("Der|ART US-Präsident|NN will|VMFIN", "US-Präsident", "USA"),
    ("die|ART UN-Truppen|NN kommen|VVFIN", "UN-Truppen", "UN"),
    ("die|ART Nato|NE|B-ORG und|KON der|ART Nato-Chef|NN", "Nato-Chef", "Nato"),
])
def test_compounds_with_a_name_are_part_mentions(text, word, target):
    e = by_mention(run(make_doc(tokens(text))), word, "part")
    assert e is not None and e.name == target


def test_part_links_to_a_person_of_the_article():
    ents = run(make_doc(tokens(
        "Condoleezza|NE|B-PER Rice|NE|I-PER reiste|VVFIN . Die|ART Rice-Äußerungen|NN empörten|VVFIN .")))
    assert by_mention(ents, "Rice-Äußerungen", "part") is by_mention(ents, "Condoleezza Rice")


def test_multi_token_name_before_a_hyphen():
    ents = run(make_doc(tokens(
        "Human|NE|B-ORG Rights|NE|I-ORG Watch|NE|I-ORG warnte|VVFIN . "
        "Ein|ART Human|NE Rights|NE Watch-Sprecher|NN sagte|VVFIN .")))
    org = by_mention(ents, "Human Rights Watch", "name")
    assert by_mention(ents, "Human Rights Watch-Sprecher", "part") is org


def test_hyphenated_adjective_is_not_a_part():
    ents = run(make_doc(tokens("die|ART US-amerikanische|ADJA Regierung|NN")))
    assert by_mention(ents, "US-amerikanische", "part") is None

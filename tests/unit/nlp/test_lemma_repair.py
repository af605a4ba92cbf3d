"""lagebild.nlp.lemmas: lemmas of unseen compounds and verbs after the edit-tree lemmatizer."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.nlp.lemmas import compound_lemma, lemma_repair, name_lemma, verb_lemma
from lagebild.nlp.word_lists import noun_lemmas, verb_lemmas

_NLP = spacy.blank("de")


def make(rows: list[tuple[str, str, str]]) -> Doc:
    """rows: (word, STTS tag, lemma as the lemmatizer left it)."""
    return Doc(_NLP.vocab, words=[r[0] for r in rows], tags=[r[1] for r in rows], lemmas=[r[2] for r in rows])


def test_unseen_compound_takes_the_lemma_of_its_known_head():
    assert "gewitterstürme" not in noun_lemmas() and noun_lemmas()["stürme"] == "Sturm"
    assert compound_lemma("Gewitterstürme", "Gewitterstürme") == "Gewittersturm"
    assert compound_lemma("Eisenreserven", "Eisenreserv") == "Eisenreserve"


def test_known_form_keeps_the_lemmatizers_lemma():
    # the lemmatizer saw "Stürme" in training; the repair does not second-guess it
    assert compound_lemma("Stürme", "Sturm") == "Sturm"
    assert compound_lemma("Stürme", "Stürme") == "Stürme"


def test_short_heads_and_short_first_parts_are_not_used():
    # "ung" (Teil|ung) is shorter than MIN_HEAD: nothing is looked up
    assert compound_lemma("Teilung", "Teilung") == "Teilung"
    # no known head at all: the lemmatizer's lemma stays
    assert compound_lemma("Xqzvbrtl", "Xqzvbrtl") == "Xqzvbrtl"


def test_hyphenated_compound_keeps_its_first_part():
    assert compound_lemma("Nato-Chefs", "Nato-Chefs") == "Nato-Chef"
    assert compound_lemma("EU-Außenministers", "EU-Außenminister") == "EU-Außenminister"


def test_iern_is_no_infinitive_but_eiern_is():
    assert verb_lemma("tituliert", "VVFIN", "tituliern") == "titulieren"
    assert verb_lemma("feiert", "VVFIN", "feiern") == "feiern"


def test_finite_verb_without_infinitive_lemma_gets_a_known_weak_infinitive():
    assert verb_lemma("abkühlt", "VVFIN", "abkühlt") == "abkühlen"
    assert verb_lemma("plaudert", "VVFIN", "plaudert") == "plaudern"
    # a guess that is no known verb is not taken
    assert verb_lemma("xqzvbt", "VVFIN", "xqzvbt") == "xqzvbt"


def test_component_changes_only_nouns_and_full_verbs():
    doc = make([("Die", "ART", "der"), ("Gewitterstürme", "NN", "Gewitterstürme"),
                ("Schulman", "NE", "Schulma"), ("abkühlt", "VVFIN", "abkühlt")])
    lemma_repair(doc)
    assert [t.lemma_ for t in doc] == ["der", "Gewittersturm", "Schulma", "abkühlen"]


def test_participles_zu_infinitives_and_n_lemmas_get_the_known_infinitive():
    assert {"aufbauen", "beurteilen"} <= verb_lemmas()
    assert verb_lemma("aufgebaut", "VVPP", "aufgebaut") == "aufbauen"
    assert verb_lemma("beurteilte", "VVFIN", "beurteiln") == "beurteilen"
    assert verb_lemma("klarzustellen", "VVIZU", "klarzustellen") == "klarstellen"
    # a known infinitive is left alone, and so is a participle whose infinitive is unknown
    assert verb_lemma("aufgebaut", "VVPP", "aufbauen") == "aufbauen"
    assert verb_lemma("gexyzt", "VVPP", "gexyzt") == "gexyzt"


def test_names_keep_their_capital():
    assert name_lemma("Hamas", "hamas", set()) == "Hamas"
    assert name_lemma("Walesa", "Walesa", set()) == "Walesa"
    # the genitive -s goes only when the article also has the bare name
    assert name_lemma("Chiracs", "Chiracs", {"Chirac", "Chiracs"}) == "Chirac"
    assert name_lemma("Mars", "Mars", {"Mars"}) == "Mars"


def test_city_adjectives_keep_their_capital_other_adjectives_do_not():
    doc = make([("Münchner", "ADJA", "münchner"), ("Tropische", "ADJA", "tropisch")])
    lemma_repair(doc)
    assert [t.lemma_ for t in doc] == ["Münchner", "tropisch"]

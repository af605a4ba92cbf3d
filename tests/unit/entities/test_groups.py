"""Groups that act without a name ("die Polizei", "Demonstranten") are nominal referents of their
article, one per group word, and never join another article's referent of the same word."""
from __future__ import annotations

from entity_docs import by_mention, make_doc, run, tokens

from lagebild.entities.groups import actor_nouns
from lagebild.store.identities import EntityIn, IdentityIndex, is_local


def test_the_listed_words_come_from_the_corpus_table():
    nouns = actor_nouns()
    assert nouns["Polizei"].label == "ORG" and nouns["Demonstranten"].label == "PER"
    assert nouns["Polizisten"].group == "Polizei"


def test_group_mentions_of_one_word_are_one_nominal_referent_with_their_adjectives():
    doc = make_doc(tokens(
        "Die|ART reguläre|ADJA Armee|NN griff|VVFIN an|PTKVZ . Die|ART Polizei|NN nahm|VVFIN "
        "Demonstranten|NN fest|PTKVZ . Die|ART Armee|NN schwieg|VVFIN ."))
    ents = run(doc)
    army = by_mention(ents, "reguläre Armee", "nominal")
    assert army is not None and army.type == "ORG" and army.name == "Armee"
    assert [m.text for m in army.mentions] == ["reguläre Armee", "Armee"]
    police, crowd = by_mention(ents, "Polizei", "nominal"), by_mention(ents, "Demonstranten", "nominal")
    assert police is not None and crowd is not None and crowd.type == "PER" and police is not crowd


def test_a_word_inside_a_name_or_not_a_noun_is_no_group():
    doc = make_doc(tokens("Die|ART Polizei|NE|B-ORG Wien|NE|I-ORG meldete|VVFIN den|ART Mann|NE|B-PER ."))
    ents = run(doc)
    assert by_mention(ents, "Polizei", "nominal") is None
    assert by_mention(ents, "Mann", "nominal") is None


def test_a_referent_without_a_name_keeps_its_own_identity_in_every_article():
    assert is_local(["nominal", "pronoun"]) and not is_local(["nominal", "name"])
    index = IdentityIndex()
    a = index.assign([EntityIn("d1", "e1", "Polizei", "ORG", [], local=True)])
    b = index.assign([EntityIn("d2", "e1", "Polizei", "ORG", [], local=True)])
    c = index.assign([EntityIn("d3", "e1", "Nato", "ORG"), EntityIn("d3", "e2", "Nato", "ORG")])
    d = index.assign([EntityIn("d4", "e1", "Nato", "ORG")])
    assert a["e1"][0] != b["e1"][0]
    assert c["e1"][0] == d["e1"][0]

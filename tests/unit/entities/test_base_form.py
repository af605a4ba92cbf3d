"""Entity names in their base form: no genitive ending, adjectives in the strong nominative."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.article import Article
from lagebild.entities.base_form import name_base
from lagebild.entities.stage import lagebild_entities

_NLP = spacy.blank("de")


def _doc(rows: list[tuple[str, str, str, str, str]]) -> Doc:
    """(word, STTS tag, lemma, morph, IOB) rows; one space between words."""
    words = [r[0] for r in rows]
    doc = Doc(_NLP.vocab, words=words, tags=[r[1] for r in rows], lemmas=[r[2] for r in rows],
              morphs=[r[3] for r in rows], ents=[r[4] for r in rows])
    doc._.article = Article(id="t", text=doc.text)
    return doc


GEN_M = "Case=Gen|Gender=Masc|Number=Sing"
GEN_N = "Case=Gen|Gender=Neut|Number=Sing"
NOM_N = "Case=Nom|Gender=Neut|Number=Sing"
DAT_M = "Case=Dat|Gender=Masc|Number=Sing"


@pytest.mark.parametrize("rows, span, label, base", [
    # a head noun with its genitive ending and the adjective before it
    ([("des", "ART", "der", GEN_M, "O"), ("Deutschen", "ADJA", "deutsch", GEN_M, "B-ORG"),
      ("Bundestages", "NN", "Bundestag", GEN_M, "I-ORG")], (1, 3), "ORG", "Deutscher Bundestag"),
    ([("das", "ART", "der", NOM_N, "O"), ("Europäische", "ADJA", "europäisch", NOM_N, "B-ORG"),
      ("Parlament", "NN", "Parlament", NOM_N, "I-ORG")], (1, 3), "ORG", "Europäisches Parlament"),
    ([("im", "APPRART", "in", DAT_M, "O"), ("Nahen", "ADJA", "nah", DAT_M, "B-LOC"),
      ("Osten", "NN", "Osten", DAT_M, "I-LOC")], (1, 3), "LOC", "Naher Osten"),
    # a place name the lexicons list without the "s"
    ([("Russlands", "NE", "Russland", GEN_N, "B-LOC"), ("Präsident", "NN", "Präsident", "Case=Nom", "O")],
     (0, 1), "LOC", "Russland"),
    # invariable place adjectives stay; a capitalised word after the head stays
    ([("des", "ART", "der", GEN_N, "O"), ("Hamburger", "ADJA", "Hamburger", "", "B-ORG"),
      ("Oberverwaltungsgerichts", "NN", "Oberverwaltungsgericht", GEN_N, "I-ORG")], (1, 3), "ORG",
     "Hamburger Oberverwaltungsgericht"),
    ([("Watex-Schutzbekleidungs", "NN", "Watex-Schutzbekleidung", GEN_N, "B-ORG"), ("GmbH", "NN", "GmbH", "", "I-ORG")],
     (0, 2), "ORG", "Watex-Schutzbekleidungs GmbH"),
    # a name that ends in "s" keeps it unless the form without it is attested
    ([("Thomas", "NE", "Thomas", "Case=Nom", "B-PER"), ("Enders", "NE", "Ender", GEN_M, "I-PER")],
     (0, 2), "PER", "Thomas Enders"),
])
def test_name_base(rows, span, label, base):
    assert name_base(_doc(rows), *span, label) == base


def test_genitive_of_a_person_goes_where_the_article_writes_the_name_without_it():
    doc = _doc([("Trumps", "NE", "Trumps", GEN_M, "B-PER"), ("Sohn", "NN", "Sohn", "Case=Nom", "O"),
                ("lobte", "VVFIN", "loben", "", "O"), ("Trump", "NE", "Trump", "Case=Acc", "B-PER")])
    assert name_base(doc, 0, 1, "PER") == "Trump"


def test_entity_name_is_the_base_form():
    doc = _doc([("Die", "ART", "der", "Case=Nom", "O"), ("Zukunft", "NN", "Zukunft", "Case=Nom", "O"),
                ("Südossetiens", "NE", "Südossetien", GEN_N, "B-LOC"), ("ist", "VAFIN", "sein", "", "O"),
                ("offen", "ADJD", "offen", "", "O")])
    lagebild_entities(doc)
    [entity] = doc._.article.entities
    assert entity.name == "Südossetien" and entity.mentions[0].text == "Südossetiens"


def test_without_morphology_the_name_stays_as_written():
    doc = Doc(_NLP.vocab, words=["Europas", "Zukunft"])
    assert name_base(doc, 0, 1, "LOC") == "Europas"

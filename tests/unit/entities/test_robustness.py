"""The stage never fails an article: missing layers, odd input, no article at all."""
from __future__ import annotations

import spacy
from entity_docs import by_mention, make_doc, run, tokens
from spacy.tokens import Doc

from lagebild.article import Article
from lagebild.entities.stage import lagebild_entities


def test_no_article_is_a_no_op():
    doc = Doc(spacy.blank("de").vocab, words=["Hallo"])
    assert lagebild_entities(doc) is doc


def test_empty_doc():
    doc = Doc(spacy.blank("de").vocab, words=[])
    doc._.article = Article(id="x", text="")
    lagebild_entities(doc)
    assert doc._.article.entities == []


def test_raw_tokens_only_still_finds_lexicon_entities():
    nlp = spacy.blank("de")
    text = ("Moskau. Die Nato und Russland haben nach dem Georgien-Krieg einen Neuanfang gestartet. "
            "US-Präsident Barack Obama will mehr Soldaten in die russische Hauptstadt schicken.")
    doc = nlp(text)
    doc._.article = Article(id="x", text=text)
    lagebild_entities(doc)
    ents = doc._.article.entities
    assert by_mention(ents, "Nato", "name") is not None
    assert by_mention(ents, "Georgien-Krieg", "part").name == "Georgien"
    assert by_mention(ents, "russische", "deriv") is by_mention(ents, "Russland", "name")
    assert not doc._.article.meta.warnings
    ids = [e.id for e in ents]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]


def test_odd_tokens_do_not_crash():
    words = ["-", "--", "US-", "-Präsident", "„", "“", "(", ")", "Nato-", "ß", "İ", "…", "Präsident", ",", ","]
    run(make_doc([(w, None, "O") for w in words]))
    run(make_doc([(w, "XY", "B-PER") for w in words]))


def test_entities_are_in_order_of_first_mention_and_mentions_sorted():
    ents = run(make_doc(tokens(
        "Afghanistan|NE|B-LOC und|KON die|ART Nato|NE|B-ORG sowie|KON Afghanistan|NE|B-LOC .")))
    assert [e.name for e in ents] == ["Afghanistan", "Nato"]
    for e in ents:
        assert [m.start for m in e.mentions] == sorted(m.start for m in e.mentions)

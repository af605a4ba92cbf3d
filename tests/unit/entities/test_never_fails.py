"""Property: on any token sequence, with or without tags and entities, the stage finishes
without a warning and every mention indexes the article text."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from lagebild.article import Article
from lagebild.entities.stage import lagebild_entities

WORDS = ["Präsident", "US-Präsident", "Nato-Chef", "Nato", "Bündnis", "das", "der", "die", "des", "er", "sie",
         "ihm", "seine", "Russland", "Russlands", "russischen", "Georgien-Krieg", "Anders", "Rasmussen", ",",
         ".", "(", ")", "„", "“", "-", "Land", "und", "wird", "ist", "Ost-", "Hu", "EU", "ödp", "UN-Truppen",
         "Gewerkschaft", "GdP", "sagte", "Minister", "Ministerin", "\n\n", "1701", "al-Bolani", "Generalsekretär"]
TAGS = ["NN", "NE", "ART", "ADJA", "PPER", "PPOSAT", "VVFIN", "VAFIN", "APPR", "$,", "$.", "$(", "CARD", "KON"]
LABELS = ["PER", "ORG", "LOC", "OTH", "LOCderiv", "ORGpart", "PERpart"]
VOCAB = spacy.blank("de").vocab


@st.composite
def docs(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40))
    doc_kwargs = {}
    if words and draw(st.booleans()):
        doc_kwargs["tags"] = [draw(st.sampled_from(TAGS)) for _ in words]
    if words and draw(st.booleans()):
        iob, i = [], 0
        while i < len(words):
            if draw(st.integers(0, 3)) == 0:
                n = draw(st.integers(1, min(3, len(words) - i)))
                label = draw(st.sampled_from(LABELS))
                iob += [f"B-{label}"] + [f"I-{label}"] * (n - 1)
                i += n
            else:
                iob.append("O")
                i += 1
        doc_kwargs["ents"] = iob
    if words and draw(st.booleans()):
        doc_kwargs["sent_starts"] = [i == 0 or draw(st.booleans()) for i in range(len(words))]
    doc = Doc(VOCAB, words=words, **doc_kwargs)
    doc._.article = Article(id="p", text=doc.text)
    return doc


@settings(max_examples=150, deadline=None)
@given(docs())
def test_stage_never_fails_and_offsets_hold(doc):
    lagebild_entities(doc)
    article = doc._.article
    assert not article.meta.warnings
    ids = [e.id for e in article.entities]
    assert len(ids) == len(set(ids))
    for e in article.entities:
        assert e.type in ("PER", "ORG", "LOC", "OTH") and e.mentions
        assert all(r.of is None or r.of in ids for r in e.roles)
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(article.text)
            assert article.text[m.start:m.end] == m.text
            assert m.form in ("name", "deriv", "part", "nominal", "pronoun")

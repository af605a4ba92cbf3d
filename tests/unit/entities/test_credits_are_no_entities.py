"""A dateline and agency credits (found by ingest, in `meta`) never become entity mentions."""
from __future__ import annotations

from entity_docs import by_mention, make_doc, run, tokens

from lagebild.ingest.dateline import find_credits


def _with_credits(doc):
    credits = find_credits(doc.text)
    doc._.article.meta.dateline_span = credits.dateline
    doc._.article.meta.agency = credits.agency
    return doc


def test_dateline_place_mentioned_only_there_is_no_entity():
    doc = _with_credits(make_doc(tokens(
        "Rabat|NE|B-LOC –|$( Der|ART König|NN Mohammed|NE|B-PER sagte|VVFIN ,|$, er|PPER komme|VVFIN .|$. "
        "(|$( APA|NE|B-ORG )|$(")))
    ents = run(doc)
    assert by_mention(ents, "Rabat") is None and by_mention(ents, "APA") is None
    assert by_mention(ents, "Mohammed") is not None


def test_dateline_place_named_again_keeps_only_the_later_mention():
    doc = _with_credits(make_doc(tokens(
        "Wien|NE|B-LOC –|$( Die|ART Stadt|NN Wien|NE|B-LOC wächst|VVFIN .|$.")))
    ents = run(doc)
    wien = by_mention(ents, "Wien")
    assert wien is not None and [m.start for m in wien.mentions] == [doc[4].idx]


def test_without_credits_the_same_tokens_are_entities():
    ents = run(make_doc(tokens("Rabat|NE|B-LOC –|$( Der|ART König|NN sagte|VVFIN .|$.")))
    assert by_mention(ents, "Rabat") is not None

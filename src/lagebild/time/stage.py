"""The time stage: fills `article.times` and `article.amounts`."""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.time.rules import find_amounts, find_times


@Language.component("lagebild_time", assigns=["doc._.article"])
def time_stage(doc: Doc) -> Doc:
    article = doc._.article
    if article is None:
        return doc
    anchor = date.fromisoformat(article.meta.date) if article.meta.date else None
    article.times = find_times(article.text, anchor)
    article.amounts = find_amounts(article.text, [(t["start"], t["end"]) for t in article.times])
    return doc

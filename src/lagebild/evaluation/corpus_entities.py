"""Entities inside one article, measured on a part of the annotated corpus (`corpus/`).

`evaluate_corpus_entities("test")` scores the articles of the corpus's held-out part
(`lagebild.corpus.sources.held_out`) exactly as `lagebild eval entities` scores
`lagebild_facts_dev` (`lagebild.evaluation.entities.score_articles`). The held-out part is for
reporting only: no model or rule is chosen on it. The train part gives tuning figures; "dev" is
the tuning slice of the train part (`sources.train_dev`, ~10 %), which the NER never trains on.
"""
from __future__ import annotations

from lagebild.corpus import sources
from lagebild.corpus.loader import load_corpus
from lagebild.evaluation.entities import score_articles


def corpus_articles(part: str):
    """(id, joined annotation, text) of every corpus article of a part ("train", "test" or "dev",
    the train part's tuning slice)."""
    for joined in load_corpus(part="train" if part == "dev" else part):
        if part != "dev" or sources.train_dev(joined["id"]):
            yield joined["id"], joined, joined["text"]


def evaluate_corpus_entities(part: str = "test") -> dict:
    if part not in ("train", "test", "dev"):
        raise ValueError(f"corpus part {part!r}: train, dev or test")
    return {"data": f"corpus/articles, part {part}", **score_articles(corpus_articles(part))}

"""The `lagebild_quotes` pipeline stage: fills `article.quotes` (who said what, to whom, how).

Reads the Doc (tokens, STTS tags, morphology, parse where the core model gives them) and the
entities that `lagebild_entities` wrote to `doc._.article`; writes only `article.quotes`.

The steps, in the order `find_candidates` runs them, each reading the one read-only `Context` of
the Doc and the candidates of the steps before:

1. frames: attributions ("laut X", "X zufolge", ", so X"), opinion nouns ("ist der Meinung, dass"),
   speech-verb frames ("X sagte, ..."); then the frames that stand (`claims.resolve_frames`);
2. direct quotes in quotation marks, kept or dropped as scare quotes by the learned table;
3. free indirect speech (Konjunktiv-I sentences continuing the quote before);
4. sentences the learned classifier calls reported speech (only those no step claimed);
5. speaker linking to the article's entities (`linking.to_quotes`).
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.article import Article, Quote
from lagebild.nlp import components  # noqa: F401  (registers doc._.article)
from lagebild.quotes import attributions, claims, direct, free_indirect, model, opinion_nouns, verb_frames
from lagebild.quotes.candidate import Cand, in_text_order
from lagebild.quotes.context import Context
from lagebild.quotes.direct_table import load_direct_table
from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.linking import to_quotes

log = logging.getLogger(__name__)
VERSION = "lagebild_quotes/1"
FRAME_STEPS = (attributions, opinion_nouns, verb_frames)


def frame_quotes(ctx: Context) -> list[Cand]:
    """Step 1: the quotes of the frames (attributions, opinion nouns, speech verbs) that stand."""
    found: list[Cand] = []
    for step in FRAME_STEPS:
        found += step.find(ctx, found)
    return claims.resolve_frames(ctx, found)


def find_candidates(ctx: Context, sentence_model: model.SentenceModel | None = None) -> list[Cand]:
    """All quote candidates of one Doc, in text order (steps 1-4)."""
    frames = frame_quotes(ctx)
    directs = direct.find(ctx, frames)
    found = in_text_order(claims.merge_framed_directs(ctx, frames, directs))
    free = free_indirect.find(ctx, found)
    claims.attach_fragments(directs, free)
    found = in_text_order(found + free)
    claims.drop_impersonal_speakers(ctx, found)
    if sentence_model is not None:
        found = in_text_order(found + model.find(ctx, found, sentence_model))
    claims.drop_speakers_inside(ctx, found)
    return found


def make_context(doc: Doc) -> Context:
    """The read-only context of `doc` with the lexicon and the learned direct-quote table."""
    return Context(doc, load_lexicon(), load_direct_table())


def find_quotes(doc: Doc, article: Article) -> list[Quote]:
    """All quotes of one analysed Doc (the function the component calls)."""
    ctx = make_context(doc)
    return to_quotes(doc, article, find_candidates(ctx, model.load_sentence_model()), ctx)


@Language.component("lagebild_quotes", assigns=["doc._.article"])
def quotes_component(doc: Doc) -> Doc:
    """Pipeline stage: write `article.quotes`; a failure costs the quotes of this article only."""
    article = doc._.article
    if article is None or len(doc) == 0:
        return doc
    try:
        article.quotes = find_quotes(doc, article)
    except Exception as err:  # noqa: BLE001 - one odd article must not fail the batch
        log.exception("quotes stage failed on %s", article.id)
        article.quotes = []
        article.warn(f"quotes not extracted: {type(err).__name__}: {err}")
    return doc

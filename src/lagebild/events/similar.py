"""The lexicon trigger nearest to a word in the core model's vectors: a feature that lets the
trigger model generalise from lexicon words to words of like meaning it never saw in training."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Token
from spacy.vocab import Vocab

from lagebild.events.lexicon import trigger_lexicon

MIN_COSINE = 0.5
_BUCKETS = (0.8, 0.65, MIN_COSINE)


@lru_cache(maxsize=4)
def _lexicon_matrix(vocab: Vocab) -> tuple[np.ndarray, list[str]] | None:
    if not vocab.vectors.shape[0]:
        return None
    lex = trigger_lexicon()
    entries = [(t.form, t.type) for t in list(lex.verbs.values()) + lex.nouns]
    rows = np.array([vocab[form].vector for form, _ in entries], dtype="float32")
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-6), [etype for _, etype in entries]


def similar_trigger(tok: Token) -> str | None:
    """"TYPE|bucket" of the most similar lexicon trigger (cosine >= MIN_COSINE), else None."""
    return _similar(tok.vocab, tok.lemma_ or tok.text)


@lru_cache(maxsize=65536)
def _similar(vocab: Vocab, word: str) -> str | None:
    table = _lexicon_matrix(vocab)
    if table is None:
        return None
    matrix, types = table
    vec = vocab[word].vector
    norm = float(np.linalg.norm(vec))
    if not norm:
        return None
    sims = matrix @ (vec / norm)
    best = int(np.argmax(sims))
    cos = float(sims[best])
    if cos < MIN_COSINE:
        return None
    bucket = next(b for b in _BUCKETS if cos >= b)
    return f"{types[best]}|{bucket}"

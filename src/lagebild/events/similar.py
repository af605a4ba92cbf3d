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
    return similar_triggers([tok])[0]


_SEEN: dict[tuple[Vocab, str], str | None] = {}  # (vocab, word) -> result, at most MAX_SEEN
MAX_SEEN = 65536
_MISSING = object()


def similar_triggers(tokens: list[Token]) -> list[str | None]:
    """`similar_trigger` of each token; the vectors of the words not seen before are read and
    compared in one batch."""
    if not tokens:
        return []
    vocab = tokens[0].vocab
    words = [tok.lemma_ or tok.text for tok in tokens]
    known = {w: _SEEN.get((vocab, w), _MISSING) for w in dict.fromkeys(words)}
    new = [w for w, result in known.items() if result is _MISSING]
    if new:
        found = dict(zip(new, _nearest(vocab, new)))
        known.update(found)
        if len(_SEEN) + len(found) > MAX_SEEN:
            _SEEN.clear()  # start over: simpler than LRU, and rare
        _SEEN.update(((vocab, w), result) for w, result in found.items())
    return [known[w] for w in words]


def _nearest(vocab: Vocab, words: list[str]) -> list[str | None]:
    table = _lexicon_matrix(vocab)
    if table is None:
        return [None] * len(words)
    matrix, types = table
    keys = np.array([vocab.strings.add(w) for w in words], dtype="uint64")
    vectors = np.asarray(vocab.vectors.get_batch(keys), dtype="float32")
    out: list[str | None] = []
    for vec in vectors:
        norm = float(np.linalg.norm(vec))
        if not norm:
            out.append(None)
            continue
        sims = matrix @ (vec / norm)
        best = int(np.argmax(sims))
        cos = float(sims[best])
        out.append(None if cos < MIN_COSINE else f"{types[best]}|{next(b for b in _BUCKETS if cos >= b)}")
    return out

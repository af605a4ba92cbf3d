"""CachedFloretVectors gives exactly the vectors spaCy's floret table gives, also across evictions."""
from __future__ import annotations

import numpy as np
from spacy.strings import StringStore
from spacy.vectors import Vectors

from lagebild.nlp.vectors import CachedFloretVectors

FLORET = dict(mode="floret", shape=(200, 8), minn=3, maxn=5, hash_count=2)


def _tables(capacity: int) -> tuple[Vectors, CachedFloretVectors, StringStore]:
    strings = StringStore()
    data = np.random.default_rng(0).standard_normal((200, 8)).astype("float32")
    plain = Vectors(strings=strings, data=data, **{k: v for k, v in FLORET.items() if k != "shape"})
    cached = CachedFloretVectors(strings=strings, capacity=capacity)
    cached.from_bytes(plain.to_bytes(exclude=["strings"]))
    return plain, cached, strings


def _keys(strings: StringStore, words: list[str]) -> np.ndarray:
    return np.asarray([strings.add(w) for w in words], dtype="uint64")


def test_same_vectors_as_spacy_on_repeated_batches():
    plain, cached, strings = _tables(capacity=1000)
    batches = [["Die", "Nato", "und", "Russland", "Nato", "."], ["Russland", "lehnte", "ab", "Die"], [""]]
    for words in batches + batches:
        keys = _keys(strings, words)
        assert np.array_equal(cached.get_batch(keys), plain.get_batch(keys))
    assert len(cached._rows) == len({w for b in batches for w in b})  # each word computed once


def test_eviction_keeps_results_exact():
    plain, cached, strings = _tables(capacity=5)
    words = [f"Wort{i}" for i in range(12)]
    for start in range(0, 12, 3):
        keys = _keys(strings, words[start:start + 4] + words[:2])
        assert np.array_equal(cached.get_batch(keys), plain.get_batch(keys))
        assert len(cached._rows) <= 5
    big = _keys(strings, words)  # more distinct words than the table holds: computed directly
    assert np.array_equal(cached.get_batch(big), plain.get_batch(big))


def test_pipeline_uses_the_cached_table():
    from lagebild.pipeline import load_nlp

    nlp = load_nlp()
    assert "ner" in nlp.pipe_names
    assert isinstance(nlp.vocab.vectors, CachedFloretVectors)
    assert nlp.vocab.vectors.mode == "floret"

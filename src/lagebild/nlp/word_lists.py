"""The core model's word lists (`resources/de/noun_lemmas.tsv`, `verb_lemmas.tsv`), shared by the
lemma, finite-verb, UPOS and NER repairs; written by `training/make_lemma_lexicons.py`."""
from __future__ import annotations

from functools import lru_cache

from lagebild.paths import resource_rows


@lru_cache(maxsize=1)
def noun_lemmas() -> dict[str, str]:
    """Lower-cased noun form -> lemma, from the core model's training data."""
    return {row[0]: row[1] for row in resource_rows("noun_lemmas.tsv")}


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Full-verb infinitives seen in the core model's training data."""
    return frozenset(row[0] for row in resource_rows("verb_lemmas.tsv"))

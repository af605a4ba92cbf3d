"""The quotes stage never crashes and its offsets always index the text (Hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quote_docs import quotes_of

PIECES = ["„", "“", "»", "«", '"', "'", "‚", "‘", ",", ":", ".", " ", "\n\n", "sagte", "er", "sei", "laut",
          "Polizei", "nach", "Angaben", "so", "der", "Minister", "dass", "wir", "räumte", "ein", "Die", "Lage",
          "ernst", "zufolge", "wie", "mitteilte", "Er", "werde", "–", "(", ")"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_never_crashes_and_offsets_index_the_text(text: str) -> None:
    if not text.strip():
        return
    for q in quotes_of(text):
        assert q.type in ("direct", "indirect", "free_indirect", "reported")
        spans = [*q.parts, *q.cue] + ([q.speaker.mention] if q.speaker.mention else []) + \
            ([q.addressee] if q.addressee else [])
        for span in spans:
            assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    if text.strip():
        quotes_of(text)

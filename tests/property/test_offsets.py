"""Property: for any text, every span of the output indexes `text` and reproduces its own text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lagebild
from lagebild.schema import validate

WORDS = ["Die", "Nato", "sagte", "er", "Russland", "„Wir", "bleiben“", "»so«", "'ja'", "\"nein\"", "gebe",
         "Medwedew", "Präsident", "–", "-", "US-Präsident", "30 000", "17.12.2009", "z.B.", "Dr.", "ünd",
         "\n\n", "\n", ",", ".", ":", "?", "!", "(dpa)", "Moskau.", "‚so‘", "€", "🙂", "e\u0301", "\u00ad", "\t"]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_offsets_always_index_text(text):
    try:
        out = lagebild.analyze(text)
    except lagebild.InputError:
        return
    validate(out)  # includes text[start:end] == span text for every span
    assert out["text"] == text
    for sent in out["sentences"]:
        assert text[sent["start"]:sent["end"]].strip() == text[sent["start"]:sent["end"]] != ""


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_unicode_never_crashes(text):
    try:
        out = lagebild.analyze(text)
    except lagebild.InputError:
        return
    validate(out)

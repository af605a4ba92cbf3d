"""Span references: resolve, render and their round trip, and the errors of references that do not resolve."""
from __future__ import annotations

import re

import pytest

from lagebild.corpus import spans

TEXT = ("Der Minister sagte, er komme. Dann sagte er am Montag: Die Nato ist kein Feind. "
        "Merkel lachte. Der Nato-Chef nickte, er schwieg.")


def _span(needle: str, n: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


@pytest.mark.parametrize("ref, expected", [
    ("Merkel", _span("Merkel")),
    ("er#2", _span("er am")[:1] + (_span("er am")[0] + 2,)),
    ("er@sagte er am", _span("er am")[:1] + (_span("er am")[0] + 2,)),
    ("Die Nato ... Feind", (TEXT.index("Die Nato"), TEXT.index("Feind") + len("Feind"))),
    ([0, 3], (0, 3)),
    ("Nato-Chef", _span("Nato-Chef")),
])
def test_resolve(ref, expected) -> None:
    assert spans.resolve(TEXT, ref) == expected


@pytest.mark.parametrize("ref, message", [
    ("er", "occurs 3 times (add #n or @context)"),
    ("er#9", "occurs 3 times, not 9"),
    ("Papst", "occurs 0 times"),
    ("x@nicht da", "context 'nicht da' occurs 0 times"),
    ("a@Minister", "is not inside its context"),
    ("Merkel ... Papst", "does not follow"),
    ([5, 2], "outside the text"),
    ([0, 10_000], "outside the text"),
    ("", "not a span reference"),
    (42, "not a span reference"),
])
def test_resolve_errors(ref, message) -> None:
    with pytest.raises(spans.SpanError, match=re.escape(message)):
        spans.resolve(TEXT, ref)


def test_whole_word_occurrences() -> None:
    # "er" inside "Der" or "schwieg" is no occurrence; "Nato" before a hyphen is one
    assert len(spans.occurrences(TEXT, "er")) == 3
    assert spans.occurrences(TEXT, "Nato") == [_span("Nato"), _span("Nato", 2)]


@pytest.mark.parametrize("start, end", [
    *[m.span() for m in re.finditer(r"\w[\w-]*", TEXT)],
    _span("Die Nato ist kein Feind"),
    _span("er am Montag"),
])
def test_render_round_trip(start, end) -> None:
    ref = spans.render(TEXT, start, end)
    assert spans.resolve(TEXT, ref) == (start, end)


def test_render_prefers_text_then_numbered_occurrence() -> None:
    assert spans.render(TEXT, *_span("Merkel")) == "Merkel"
    assert spans.render(TEXT, *_span("Nato", 2)) == "Nato#2"


@pytest.mark.parametrize("start, end", [
    (TEXT.index("inister"), TEXT.index("inister") + 7),   # inside a word: not an occurrence
    (TEXT.index(" Dann"), TEXT.index(" Dann") + 5),        # leading whitespace
])
def test_render_falls_back_to_offsets(start, end) -> None:
    assert spans.render(TEXT, start, end) == [start, end]
    assert spans.resolve(TEXT, spans.render(TEXT, start, end)) == (start, end)


def test_long_span_renders_as_range() -> None:
    start, end = 0, TEXT.index("Feind") + len("Feind")
    ref = spans.render(TEXT, start, end)
    assert isinstance(ref, str) and spans.RANGE in ref
    assert spans.resolve(TEXT, ref) == (start, end)


def test_resolve_all_skips_taken_spans() -> None:
    taken = [_span("Nato-Chef")]
    assert spans.resolve_all(TEXT, "Nato*", taken) == [_span("Nato")]

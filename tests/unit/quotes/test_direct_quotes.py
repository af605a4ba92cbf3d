"""Direct quotes in every quotation-mark style, their frames, and what is no quote."""
from __future__ import annotations

import pytest
from quote_docs import part_texts, quotes_of

MARKS = [
    ("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("‚", "‘"), ("'", "'"), ("“", "”"), ("„", '"'),
]


@pytest.mark.parametrize("open_, close", MARKS)
def test_every_mark_style(open_: str, close: str) -> None:
    quotes = quotes_of(f"{open_}Wir bleiben hart{close}, sagte Scholz.")
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.type, part_texts(q), q.speaker.mention.text, [c.text for c in q.cue]) == \
        ("direct", ["Wir bleiben hart"], "Scholz", ["sagte"])


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("„Wir bleiben hart“, sagte Scholz.", "Wir bleiben hart", "Scholz", ["sagte"]),
    ("Scholz sagte: „Wir bleiben hart. Das ist klar.“", "Wir bleiben hart. Das ist klar.", "Scholz", ["sagte"]),
    ("„Das würde uns schützen“, sagte er.", "Das würde uns schützen", "er", ["sagte"]),
    ("Sonia und Willy Bogner teilten daraufhin mit: „Das erschüttert uns als Eltern sehr.“",
     "Das erschüttert uns als Eltern sehr.", "Sonia und Willy Bogner", ["teilten", "mit"]),
    ("„Wir bleiben hart“, so der Minister.", "Wir bleiben hart", "der Minister", ["so"]),
    ("Der Sprecher erklärte: „Die Lage ist ernst.“", "Die Lage ist ernst.", "Der Sprecher", ["erklärte"]),
])
def test_frames(text: str, content: str, speaker: str, cue: list[str]) -> None:
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(quotes) == 1
    q = quotes[0]
    assert part_texts(q) == [content]
    assert q.speaker.mention is not None and q.speaker.mention.text == speaker
    assert [c.text for c in q.cue] == cue


def test_multi_sentence_quote_keeps_its_speaker() -> None:
    text = "„Wir haben lange verhandelt. Am Ende war es ein guter Kompromiss“, sagte die Ministerin."
    (q,) = quotes_of(text)
    assert part_texts(q) == ["Wir haben lange verhandelt. Am Ende war es ein guter Kompromiss"]
    assert q.speaker.mention.text == "die Ministerin"


def test_first_person_fragment_is_a_quote_of_the_subject() -> None:
    text = "Rasmussen möchte das Land im kommenden Jahr zum „Kernstück unserer Kooperation“ gestalten."
    (q,) = quotes_of(text)
    assert q.type == "direct" and part_texts(q) == ["Kernstück unserer Kooperation"]
    assert q.speaker.mention.text == "Rasmussen"


@pytest.mark.parametrize("text", [
    "Zu einem Prüfstein für die „neue Qualität“ der Beziehungen könnte sich Afghanistan entwickeln.",
    "Medwedew hatte seinen Entwurf für einen „Vertrag für europäische Sicherheit“ veröffentlichen lassen.",
    "Das Abkommen erlaubt nur den Transit von „nicht letalen“ Gütern auf dem Schienenweg.",
])
def test_scare_quotes_and_titles_are_no_quotes(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize("text", [
    "„Wir bleiben hart, sagte Scholz.",
    "Wir bleiben hart“, sagte Scholz.",
    "„“„“»«",
    '"""',
    "„",
    "Er sagte: „Das ist\n\nein Absatz weiter.",
    "' ' ' ‚ ‘ ’ geht's Hans' Buch",
    "sagte er, , , dass",
    ", so",
    "laut",
    "Nach Angaben",
])
def test_odd_input_never_crashes(text: str) -> None:
    quotes = quotes_of(text)
    for q in quotes:
        for p in q.parts:
            assert text[p.start:p.end] == p.text and p.text.strip()


def test_unclosed_mark_does_not_swallow_the_next_paragraph() -> None:
    text = "Er sagte: „Das ist ernst.\n\nIm nächsten Absatz steht „Wir bleiben hart“, sagte Scholz."
    directs = [q for q in quotes_of(text) if q.type == "direct"]
    assert [part_texts(q) for q in directs] == [["Wir bleiben hart"]]

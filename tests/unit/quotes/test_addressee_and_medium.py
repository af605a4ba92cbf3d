"""Addressee from the parse (dative objects, the object of verbs that address someone) and the
medium of the cue, with the shipped models; and how the WikiNews evaluation scores both."""
from __future__ import annotations

import pytest

import lagebild
from lagebild.evaluation.quotes import Tally


def _quotes(text: str) -> list[dict]:
    return lagebild.analyze(text, date="2010-05-04")["quotes"]


@pytest.mark.parametrize("text, addressee", [
    ("Schröder sagte hierzu der Süddeutschen Zeitung, das sei ein guter Weg.", "der Süddeutschen Zeitung"),
    ("Sie warf der Bundesregierung vor, sie habe versagt.", "der Bundesregierung"),
    ("Die Anwohner wurden gebeten, in ihren Häusern zu bleiben.", "Die Anwohner"),
    ("Er wird verdächtigt, das Geld gestohlen zu haben.", "Er"),
])
def test_addressee_from_the_parse(text: str, addressee: str) -> None:
    (q,) = _quotes(text)
    assert q["addressee"] is not None and q["addressee"]["text"] == addressee


def test_a_time_after_vor_is_no_addressee() -> None:
    (q,) = _quotes("Bereits vor zwei Wochen hatte die Gewerkschaft erklärt, sie werde streiken.")
    assert q["addressee"] is None and q["speaker"]["mention"]["text"] == "die Gewerkschaft"


@pytest.mark.parametrize("text, medium", [
    ("Der Minister sagte, die Lage sei ernst.", "speech"),
    ("Die Zeitung schrieb, der Minister sei zurückgetreten.", "writing"),
    ("Laut Polizei gab es drei Verletzte.", "speech_or_writing"),
])
def test_medium_of_the_cue(text: str, medium: str) -> None:
    (q,) = _quotes(text)
    assert q["medium"] == medium


def test_tally_scores_addressee_and_medium_on_matched_pairs() -> None:
    gold = [{"tokens": frozenset({1, 2, 3}), "type": "indirect", "speaker": frozenset({0}), "cue": frozenset({4}),
             "addressee": frozenset({5, 6}), "medium": "speech"},
            {"tokens": frozenset({10, 11}), "type": "indirect", "speaker": frozenset(), "cue": frozenset(),
             "addressee": frozenset(), "medium": "writing"}]
    pred = [{"tokens": frozenset({1, 2, 3}), "type": "indirect", "speaker": frozenset({0}), "cue": frozenset({4}),
             "addressee": frozenset({6}), "medium": "speech"},
            {"tokens": frozenset({10, 11}), "type": "indirect", "speaker": frozenset(), "cue": frozenset(),
             "addressee": frozenset({12}), "medium": None}]
    tally = Tally()
    tally.add(pred, gold)
    res = tally.result()
    assert res["addressee"] == {"p": 0.5, "r": 1.0, "f1": 0.6667}
    assert res["medium_accuracy"] == 0.5

"""The `events[]` part of `lagebild/1`: every documented field typed, offsets of the trigger and of
the argument mentions checked against the text."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from lagebild.schema import schema, validate

TEXT = "Rasmussen lobte Russland."


def article() -> dict:
    event = {
        "id": "v1", "type": "SUPPORT", "accept": ["AGREE"],
        "trigger": {"start": 10, "end": 15, "text": "lobte"},
        "actor": {"entity": "e1", "mention": {"start": 0, "end": 9, "text": "Rasmussen"}},
        "target": {"entity": "e2", "mention": {"start": 16, "end": 24, "text": "Russland"}},
        "negated": False, "modality": "fact", "time": {"id": "t1", "value": "2009"}, "place": None,
        "source": {"quote": "q1", "speaker": "e1"}, "score": 0.93,
    }
    return {
        "schema": "lagebild/1", "id": "a", "text": TEXT, "sentences": [{"start": 0, "end": 25}],
        "meta": {"title": None, "date": None, "source": None, "url": None, "dateline": None,
                 "language": "de", "warnings": []},
        "entities": [], "quotes": [], "times": [], "amounts": [], "events": [event],
    }


def test_full_event_is_valid():
    validate(article())


def test_event_without_arguments_time_or_source_is_valid():
    data = article()
    ev = data["events"][0]
    ev.update(actor=None, target=None, time=None, source=None, score=None)
    del ev["accept"]
    validate(data)


@pytest.mark.parametrize("mutate, message", [
    (lambda ev: ev.update(type="PRAISE"), "schema"),
    (lambda ev: ev.update(accept=["praise"]), "schema"),
    (lambda ev: ev.update(modality="maybe"), "schema"),
    (lambda ev: ev.update(negated="no"), "schema"),
    (lambda ev: ev.update(score=1.5), "schema"),
    (lambda ev: ev.update(time="2009"), "schema"),
    (lambda ev: ev.update(source={"quote": "q1"}), "schema"),
    (lambda ev: ev.pop("source"), "schema"),
    (lambda ev: ev["actor"].pop("entity"), "schema"),
    (lambda ev: ev["trigger"].update(end=14), "!="),
    (lambda ev: ev["target"]["mention"].update(start=15), "!="),
])
def test_event_violations_are_caught(mutate, message):
    data = copy.deepcopy(article())
    mutate(data["events"][0])
    with pytest.raises(ValueError, match=message):
        validate(data)


def test_every_event_field_is_documented():
    docs = (Path(__file__).resolve().parents[3] / "docs" / "output.md").read_text(encoding="utf-8")
    section = docs[docs.index("## `events[]`"):]
    for key in schema()["$defs"]["event"]["properties"]:
        assert f"| `{key}` |" in section, key

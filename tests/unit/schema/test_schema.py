"""The lagebild/1 contract: the JSON Schema, the offset checks, and the round trip of Article."""
from __future__ import annotations

import copy

import pytest

from lagebild.article import Article, Entity, Mention, Meta, Quote, Role, Speaker, TextSpan
from lagebild.schema import schema, validate

TEXT = "Rasmussen sagte: „Wir bleiben.“ Er lobte Russland."


def sample() -> dict:
    art = Article(id="s1", text=TEXT, meta=Meta(title="T", date="2009-12-17", language="de"),
                  sentences=[(0, 31), (32, 50)])
    art.entities = [
        Entity("e1", "Rasmussen", "PER", [Role("Generalsekretär", "e2")],
               [Mention(0, 9, "Rasmussen", "name"), Mention(32, 34, "Er", "pronoun")]),
        Entity("e2", "Russland", "LOC", [], [Mention(41, 49, "Russland", "name")]),
    ]
    art.quotes = [Quote("q1", "direct", [TextSpan.of(TEXT, 18, 29)], Speaker("e1", TextSpan.of(TEXT, 0, 9)),
                        [TextSpan.of(TEXT, 10, 15)], None)]
    art.times = [{"start": 0, "end": 9, "text": "Rasmussen", "value": None}]
    return art.to_json()


def test_sample_is_valid():
    validate(sample())


def test_round_trip():
    data = sample()
    assert Article.from_json(data).to_json() == data


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(schema="lagebild/2"), "schema"),
    (lambda d: d["meta"].update(date="17.12.2009"), "schema"),
    (lambda d: d["entities"][0].update(type="PERSON"), "schema"),
    (lambda d: d["entities"][0]["mentions"][0].update(form="alias"), "schema"),
    (lambda d: d["quotes"][0].update(type="Direct"), "schema"),
    (lambda d: d["quotes"][0].update(parts=[]), "schema"),
    (lambda d: d.pop("events"), "schema"),
    (lambda d: d["entities"][0]["mentions"][0].update(end=10), "!="),
    (lambda d: d["quotes"][0]["cue"][0].update(start=999, end=1000), "outside"),
    (lambda d: d["sentences"][0].update(start=40, end=10), "outside"),
])
def test_violations_are_caught(mutate, message):
    data = copy.deepcopy(sample())
    mutate(data)
    with pytest.raises(ValueError, match=message):
        validate(data)


def test_documented_fields_are_in_the_schema_and_docs():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "output.md").read_text(encoding="utf-8")
    for key in schema()["required"]:
        assert f"`{key}`" in docs, f"docs/output.md does not document {key}"
    for key in schema()["properties"]["meta"]["required"]:
        assert f"`meta.{key}`" in docs, f"docs/output.md does not document meta.{key}"

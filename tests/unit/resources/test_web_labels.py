"""The web pages' German names of entity, quote and event types, quad classes and modalities:
one per key, none extra."""
from __future__ import annotations

import pytest

from lagebild.article import ENTITY_TYPES, EVENT_QUAD, EVENT_TYPES, MODALITIES, QUOTE_TYPES
from lagebild.paths import resource_records


@pytest.mark.parametrize("kind, keys", [("event_type", list(EVENT_TYPES)),
                                        ("quad", list(dict.fromkeys(EVENT_QUAD.values()))),
                                        ("modality", list(MODALITIES)), ("quote_type", list(QUOTE_TYPES)),
                                        ("entity_type", list(ENTITY_TYPES))])
def test_every_key_has_one_german_label(kind, keys):
    records = [r for r in resource_records("web_labels.tsv") if r["kind"] == kind]
    assert [r["key"] for r in records] == keys
    assert all(r["label"] and r["label"][0].isalpha() for r in records)


def test_only_known_kinds():
    assert {r["kind"] for r in resource_records("web_labels.tsv")} == {"event_type", "quad", "modality", "quote_type",
                                                                         "entity_type"}


def test_quad_classes_split_the_types_into_cooperation_and_conflict():
    assert set(EVENT_QUAD.values()) == {"verbal cooperation", "material cooperation",
                                        "verbal conflict", "material conflict"}
    assert EVENT_QUAD["ASSAULT"] == "material conflict" and EVENT_QUAD["AGREE"] == "verbal cooperation"
    assert EVENT_QUAD["REQUEST"] == "verbal conflict"   # CAMEO 10 "Demand"

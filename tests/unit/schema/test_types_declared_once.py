"""Entity and quote types are declared once (`lagebild.article`); the JSON schema and the API
models say the same."""
from __future__ import annotations

import json
from importlib import resources
from typing import get_args

from lagebild.api import models
from lagebild.article import ENTITY_TYPES, QUOTE_TYPES


def _enums(node, found):
    if isinstance(node, dict):
        if "enum" in node:
            found.append(tuple(node["enum"]))
        for value in node.values():
            _enums(value, found)
    elif isinstance(node, list):
        for value in node:
            _enums(value, found)
    return found


def test_schema_enums_are_the_declared_types():
    schema = json.loads(resources.files("lagebild").joinpath("schema", "lagebild-1.schema.json").read_text())
    enums = _enums(schema, [])
    assert ENTITY_TYPES in enums and QUOTE_TYPES in enums


def test_api_models_use_the_declared_types():
    assert get_args(models.EntityType) == ENTITY_TYPES and get_args(models.QuoteType) == QUOTE_TYPES

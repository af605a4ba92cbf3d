"""Floors for the entity figures on lagebild_facts_dev (`lagebild eval entities`).

Needs the shipped models and ../shared/data. The floors only rise: raise them when a change
lifts the figures, never lower them to make a change pass. The 24 articles are development data
(the rules were tuned on them), so these guard against regressions; they do not measure quality.
"""
from __future__ import annotations

import pytest

from lagebild import paths

DATA = paths.shared_data_dir() / "lagebild_facts_dev"
HAVE_MODELS = all((paths.models_dir() / m / "config.cfg").exists() for m in ("de_core", "de_ner"))

pytestmark = [
    pytest.mark.slow, pytest.mark.shared_data,
    pytest.mark.skipif(not DATA.exists(), reason="shared/data/lagebild_facts_dev missing"),
    pytest.mark.skipif(not HAVE_MODELS, reason="models/de_core and models/de_ner are needed"),
]

FLOORS = {"named_span": 90.0, "identities_bcubed": 95.0, "person_roles": 90.0}


@pytest.fixture(scope="module")
def result() -> dict:
    from lagebild.evaluation.entities import evaluate_entities

    return evaluate_entities(DATA)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_floor(result, figure):
    assert result[figure]["f1"] >= FLOORS[figure], (figure, result[figure])


def test_no_article_failed(result):
    assert result["articles"] == 24 and not result["failed"]

"""The example article through the whole pipeline (needs the trained core and NER models)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.paths import models_dir

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "nato-russland-2009.txt"
HAVE_MODELS = all((models_dir() / m / "config.cfg").exists() for m in ("de_core", "de_ner"))

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not HAVE_MODELS, reason="models/de_core and models/de_ner are needed")]


@pytest.fixture(scope="module")
def result() -> dict:
    from lagebild import analyze

    return analyze(EXAMPLE.read_text(encoding="utf-8"), date="2009-12-17")


def _entity(result: dict, mention: str, form: str | None = None) -> dict:
    for e in result["entities"]:
        if any(m["text"] == mention and (form is None or m["form"] == form) for m in e["mentions"]):
            return e
    raise AssertionError(f"no entity with mention {mention!r} ({form}): "
                         f"{[(e['name'], [m['text'] for m in e['mentions']]) for e in result['entities']]}")


def _roles(result: dict, entity: dict) -> set[tuple[str, str | None]]:
    names = {e["id"]: e["name"] for e in result["entities"]}
    return {(r["role"], names.get(r["of"])) for r in entity["roles"]}


def test_offsets_index_the_text(result):
    for e in result["entities"]:
        for m in e["mentions"]:
            assert result["text"][m["start"]:m["end"]] == m["text"]


def test_rasmussen(result):
    e = _entity(result, "Anders Fogh Rasmussen")
    assert e["type"] == "PER"
    texts = [m["text"] for m in e["mentions"]]
    assert texts.count("Rasmussen") >= 4 and "Rasmussens" in texts
    assert ("Generalsekretär", "Nato") in _roles(result, e)


def test_medwedew_and_lawrow(result):
    medwedew = _entity(result, "Dmitri Medwedew")
    assert ("Präsident", "Russland") in _roles(result, medwedew)
    assert _entity(result, "Medwedews") is medwedew
    lawrow = _entity(result, "Sergej Lawrow")
    assert any(role == "Außenminister" for role, _ in _roles(result, lawrow))


def test_nato_descriptions(result):
    nato = _entity(result, "Nato", "name")
    texts = {m["text"] for m in nato["mentions"]}
    assert "westliche Bündnis" in texts and "Allianz" in texts
    assert _entity(result, "Nato-Chef", "part") is nato


def test_russian_is_russia(result):
    russland = _entity(result, "Russland", "name")
    assert _entity(result, "russischen", "deriv") is russland
    assert _entity(result, "Georgien-Krieg", "part")["name"] == "Georgien"


def test_speaker_pronoun(result):
    # "..., sagte er." after Rasmussen's proposal
    rasmussen = _entity(result, "Anders Fogh Rasmussen")
    assert any(m["form"] == "pronoun" and m["text"] == "er" for m in rasmussen["mentions"])

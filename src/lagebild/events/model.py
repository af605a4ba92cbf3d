"""The trained event models of `models/de_events/` (written by `training/learn_events.py`).

`event_models()` returns None when the folder has no models; the stage then falls back to the
trigger lexicon and dependency rules of `lagebild.events.rules`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from lagebild import paths
from lagebild.nlp.perceptron import Classifier, Ranker

MODEL_DIR = "de_events"
FILES = {"trigger": "trigger.json", "modality": "modality.json", "actor": "actor.json", "target": "target.json"}


@dataclass(frozen=True)
class EventModels:
    trigger: Classifier
    modality: Classifier
    actor: Ranker
    target: Ranker
    trigger_margin: float      # an event when best type - "O" exceeds this
    actor_margin: float        # an actor when best mention - "none" exceeds this
    target_margin: float       # the same for the target


def _read(name: str) -> dict:
    return json.loads((paths.models_dir() / MODEL_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def event_models() -> EventModels | None:
    base = paths.models_dir() / MODEL_DIR
    if not all((base / f).exists() for f in FILES.values()) or not (base / "meta.json").exists():
        return None
    meta = _read("meta.json")
    return EventModels(
        trigger=Classifier.from_json(_read(FILES["trigger"])),
        modality=Classifier.from_json(_read(FILES["modality"])),
        actor=Ranker.from_json(_read(FILES["actor"])),
        target=Ranker.from_json(_read(FILES["target"])),
        trigger_margin=float(meta.get("trigger_margin", 0.0)),
        actor_margin=float(meta.get("actor_margin", meta.get("argument_margin", 0.0))),
        target_margin=float(meta.get("target_margin", meta.get("argument_margin", 0.0))),
    )

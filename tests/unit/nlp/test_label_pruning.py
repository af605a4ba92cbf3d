"""lagebild.nlp.loading.prune_output_labels: the lemmatizer and morphologizer keep only the classes
of models/de_core/lagebild_labels.json, with the full model's predictions wherever those are kept."""
from __future__ import annotations

import json

import pytest

from lagebild import paths
from lagebild.nlp.loading import LABELS_FILE, load_model

MODEL = paths.models_dir() / "de_core"

pytestmark = pytest.mark.skipif(not (MODEL / LABELS_FILE).exists(), reason=f"{MODEL} has no {LABELS_FILE}")

TEXT = ("Die Nato, wiederholte Generalsekretär Anders Fogh Rasmussen bei jeder Gelegenheit, betrachte "
        "Russland nicht als Feind. Die Gewitterstürme hatten die Stromleitungen beschädigt, erklärte der "
        "Sprecher der Stadtwerke am Montag.")


@pytest.fixture(scope="module")
def pair():
    return load_model(MODEL, prune=False), load_model(MODEL)


def test_pruned_components_have_the_listed_classes(pair):
    full, pruned = pair
    spec = json.loads((MODEL / LABELS_FILE).read_text(encoding="utf-8"))
    lem_full, lem = full.get_pipe("trainable_lemmatizer"), pruned.get_pipe("trainable_lemmatizer")
    keep = spec["trainable_lemmatizer"]["keep_index"]
    assert len(lem_full.cfg["labels"]) == spec["trainable_lemmatizer"]["n_labels"] > len(keep)
    assert lem.cfg["labels"] == [lem_full.cfg["labels"][i] for i in keep]
    morph = pruned.get_pipe("morphologizer")
    assert len(morph.labels) == len(spec["morphologizer"]["keep_index"]) < len(full.get_pipe("morphologizer").labels)
    for pipe in (lem, morph):
        softmax = next(layer for layer in pipe.model.walk() if layer.name == "softmax")
        assert softmax.get_param("W").shape[0] == softmax.get_dim("nO") == len(pipe.labels)


def test_pruned_model_predicts_like_the_full_one_on_news(pair):
    full, pruned = pair
    a, b = full(TEXT), pruned(TEXT)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
    assert [t.pos_ for t in a] == [t.pos_ for t in b]


def test_pruned_pipeline_survives_a_save_and_load(pair, tmp_path):
    _, pruned = pair
    pruned.to_disk(tmp_path / "p")
    again = load_model(tmp_path / "p")  # no labels file there: loaded as saved
    assert [t.lemma_ for t in again(TEXT)] == [t.lemma_ for t in pruned(TEXT)]

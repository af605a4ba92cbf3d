"""The NER's news training data (training/prepare_ner.py): named mentions of the corpus's training
part become entities, everything else "outside" or missing; the held-out part and the tuning slice
never reach the training file."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy

from lagebild import paths
from lagebild.corpus import sources

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "training"))
import prepare_ner  # noqa: E402


def test_train_dev_is_a_fixed_tenth_of_the_training_part() -> None:
    ids = [f"gnad-{i}" for i in range(900)] + [f"wn-{i}" for i in range(2000)]
    dev = [i for i in ids if sources.train_dev(i)]
    train = [i for i in ids if not sources.held_out(i)]
    assert not [i for i in dev if sources.held_out(i)]
    assert 0.07 < len(dev) / len(train) < 0.13
    assert dev == [i for i in ids if sources.train_dev(i)]


def _joined(text: str, entities: list[dict], dateline=None) -> dict:
    return {"id": "x", "text": text, "entities": entities, "meta": {"dateline": dateline, "agency": []}}


def _tags(text: str, entities: list[dict], dateline=None) -> list[tuple[str, str]]:
    nlp = spacy.blank("de")
    doc = nlp(text)
    return list(zip([t.text for t in doc], prepare_ner._news_tags(doc, _joined(text, entities, dateline))))


def _m(text: str, word: str, label: str, kind: str, **extra) -> dict:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "label": label, "kind": kind, **extra}


def test_news_tags_keep_names_and_mark_subtypes_nominals_and_datelines() -> None:
    text = "Wien – Der russische Präsident Wladimir Putin besucht die Universität Wien ."
    ents = [_m(text, "russische", "LOC", "deriv"), _m(text, "Der russische Präsident", "PER", "nominal"),
            _m(text, "Wladimir Putin", "PER", "name"), _m(text, "Universität Wien", "ORG", "name"),
            {**_m(text, "Wien", "LOC", "name"), "start": text.rindex("Wien"), "end": text.rindex("Wien") + 4}]
    listed = _tags(text, ents[:4], dateline={"start": 0, "end": 4})
    assert listed[0] == ("Wien", "-")       # the dateline: neither entity nor outside
    tags = dict(listed[1:])
    assert tags["russische"] == "U-LOCderiv"
    assert tags["Präsident"] == "O"         # nominal mentions are not names
    assert tags["Wladimir"] == "B-PER" and tags["Putin"] == "L-PER"
    assert tags["Universität"] == "B-ORG"
    nested = _tags(text, [ents[3], ents[4]])
    assert nested[-2] == ("Wien", "L-ORG")  # outer level: the longer of two nested names


def test_news_tags_optional_mentions_are_missing() -> None:
    text = "Das sagte Müller gestern ."
    assert dict(_tags(text, [_m(text, "Müller", "PER", "name", optional=True)]))["Müller"] == "-"


def test_news_articles_never_yield_held_out_or_tuning_articles_for_training() -> None:
    if not paths.shared_data_dir().is_dir():
        pytest.skip(f"needs the shared data at {paths.shared_data_dir()} (set LAGEBILD_DATA)")
    train = [a["id"] for a in prepare_ner.news_articles(dev=False)]
    dev = [a["id"] for a in prepare_ner.news_articles(dev=True)]
    assert train and dev and not set(train) & set(dev)
    assert not [i for i in train + dev if sources.held_out(i)]
    assert all(sources.train_dev(i) for i in dev)

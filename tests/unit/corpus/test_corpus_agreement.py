"""Agreement of two annotations of one synthetic article, with the scorers of `lagebild eval`."""
from __future__ import annotations

import copy

import pytest

from lagebild.cli_corpus import format_agreement
from lagebild.corpus import agreement
from lagebild.corpus.labels import NAMED_KINDS

F1_FIGURES = [("entities", "named_span"), ("entities", "named_typed"), ("entities", "identities_bcubed"),
              ("entities", "person_roles"), ("quotes", "proportional"), ("quotes", "exact"), ("quotes", "speaker"),
              ("quotes", "cue"), ("events", "trigger"), ("events", "typed"), ("events", "full"),
              ("times", "exact"), ("times", "overlap"), ("amounts", "exact")]


def _score(a: dict, b: dict) -> dict:
    return agreement.agreement([(a, b)])


def test_identical_annotations_agree_fully(joined) -> None:
    res = _score(joined, copy.deepcopy(joined))
    for group in ("wn", "all"):
        figures = res["by_source"][group]
        for layer, key in F1_FIGURES:
            figure = figures[layer][key]
            assert (figure["p"], figure["r"], figure["f1"]) == (1.0, 1.0, 1.0), (layer, key, figure)
        assert figures["quotes"]["type_accuracy"] == 1.0
        assert figures["times"]["value_accuracy_on_exact"] == 1.0
        assert figures["amounts"]["value_accuracy_on_exact"] == 1.0
    assert res["by_source"]["gnad"]["articles"] == 0
    assert res["disagreements"] == [] and res["patterns"] == []


def test_one_missed_named_mention_lowers_recall(joined) -> None:
    b = copy.deepcopy(joined)
    b["entities"] = [m for m in b["entities"] if m["text"] != "Afghanistan"]
    named = sum(m["kind"] in NAMED_KINDS for m in joined["entities"])
    span = _score(joined, b)["by_source"]["all"]["entities"]["named_span"]
    assert span["p"] == 1.0
    assert span["r"] == pytest.approx((named - 1) / named, abs=1e-4)
    assert span["f1"] == pytest.approx(2 * (named - 1) / (2 * named - 1), abs=1e-4)
    assert {"id": "wn-1", "pattern": "mention missed name", "text": "Afghanistan"} in _score(joined, b)["disagreements"]


def test_f1_is_symmetric(joined) -> None:
    b = copy.deepcopy(joined)
    b["entities"] = [m for m in b["entities"] if m["text"] not in ("Afghanistan", "Er")]
    b["times"] = []
    forward, backward = _score(joined, b)["by_source"]["all"], _score(b, joined)["by_source"]["all"]
    for layer, key in (("entities", "named_span"), ("times", "exact")):
        assert forward[layer][key]["f1"] == backward[layer][key]["f1"]
        assert forward[layer][key]["p"] == backward[layer][key]["r"]


def test_a_different_actor_spoils_only_the_full_event_figure(joined) -> None:
    b = copy.deepcopy(joined)
    b["events"][0]["actor"] = "deutschland"
    events = _score(joined, b)["by_source"]["all"]["events"]
    assert events["typed"]["f1"] == 1.0
    assert events["full"]["r"] == pytest.approx(2 / 3, abs=1e-4)  # 3 required events, one with another actor
    assert "event actor differs" in dict(_score(joined, b)["patterns"])


def test_type_confusion_and_extra_event_are_listed(joined) -> None:
    b = copy.deepcopy(joined)
    b["events"][0]["type"] = "REJECT"
    b["events"].append({**b["events"][2], "type": "THREATEN", "trigger": {"start": 0, "end": 6, "text": "Berlin"}})
    res = _score(joined, b)
    patterns = dict(res["patterns"])
    assert patterns["event type ACCUSE->REJECT"] == 1
    assert patterns["event spurious THREATEN"] == 1
    assert {"id": "wn-1", "pattern": "event spurious THREATEN", "text": "Berlin"} in res["disagreements"]
    assert res["by_source"]["all"]["events"]["trigger"]["p"] == pytest.approx(3 / 4, abs=1e-4)


def test_optional_events_of_either_side_neither_reward_nor_penalise(joined) -> None:
    b = copy.deepcopy(joined)
    b["events"][2]["optional"] = True   # A's required "wies" is optional in B
    events = _score(joined, b)["by_source"]["all"]["events"]
    assert (events["a"], events["b"]) == (2, 2)   # "wies" is left out on both sides
    assert events["trigger"] == {"p": 1.0, "r": 1.0, "f1": 1.0}


def test_quote_and_time_disagreements(joined) -> None:
    b = copy.deepcopy(joined)
    b["quotes"][0]["type"] = "reported"
    b["quotes"] = b["quotes"][:1]
    b["times"][0] = {**b["times"][0], "value": "2009-12-14"}
    res = _score(joined, b)
    patterns = dict(res["patterns"])
    assert patterns["quote type indirect->reported"] == 1 and patterns["quote missed direct"] == 1
    assert patterns["time value"] == 1
    quotes = res["by_source"]["all"]["quotes"]
    assert quotes["proportional"]["r"] == 0.5 and quotes["type_accuracy"] == 0.0
    assert res["by_source"]["all"]["times"]["exact"]["f1"] == 1.0
    assert res["by_source"]["all"]["times"]["value_accuracy_on_exact"] == 0.0


def test_identity_split_is_listed(joined) -> None:
    b = copy.deepcopy(joined)
    b["identities"]["angela"] = dict(b["identities"]["merkel"])
    for m in b["entities"]:
        if m["text"] == "Merkel":
            m["identity"] = "angela"
    res = _score(joined, b)
    assert ("identity split in B", 1) in res["patterns"]
    assert res["by_source"]["all"]["entities"]["identities_bcubed"]["r"] < 1.0


def test_as_prediction_has_the_lagebild_1_shape(joined) -> None:
    pred = agreement.as_prediction(joined)
    merkel = next(e for e in pred["entities"] if e["id"] == "merkel")
    assert merkel["type"] == "PER" and {m["form"] for m in merkel["mentions"]} == {"name", "nominal", "pronoun"}
    assert pred["quotes"][0]["speaker"] == {"entity": "merkel", "mention": joined["quotes"][0]["speaker_mention"]}
    actor = pred["events"][0]["actor"]
    assert actor["entity"] == "merkel" and actor["mention"]["text"] in ("Angela Merkel", "Kanzlerin")
    assert pred["events"][1]["target"] is None


def test_format_names_sources_and_patterns(joined) -> None:
    b = copy.deepcopy(joined)
    b["amounts"] = []
    text = format_agreement(_score(joined, b))
    assert "event full" in text and "amount missed" in text


def _with_implied_identity(joined: dict, local_key: str) -> dict:
    """The annotation with a mention-less identity (corpus key "Polizei (Berlin)") as target of an event."""
    out = copy.deepcopy(joined)
    out["identities"][local_key] = {"label": "ORG", "name": "Polizei", "key": "Polizei (Berlin)", "roles": []}
    out["identities"]["chef"] = {"label": "PER", "name": "Polizeichef", "key": "Polizeichef (Berlin)",
                                 "roles": [{"role": "Polizeichef", "of": local_key}]}
    out["events"][1]["target"] = local_key
    return out


def test_identities_without_mentions_agree_by_corpus_key(joined) -> None:
    a, b = _with_implied_identity(joined, "polizei"), _with_implied_identity(joined, "polizei_berlin")
    figures = _score(a, b)["by_source"]["all"]
    assert figures["events"]["full"]["f1"] == 1.0
    assert figures["entities"]["person_roles"]["f1"] == 1.0
    b["identities"]["polizei_berlin"]["key"] = "Polizei (Wien)"
    assert _score(a, b)["by_source"]["all"]["events"]["full"]["r"] == pytest.approx(2 / 3, abs=1e-4)

"""`lagebild.evaluation.events.score_events`, the per-article event scorer shared by `lagebild eval events`
and the corpus agreement: trigger, typed and full matches, optional gold events, the tally."""
from __future__ import annotations

import pytest

from lagebild.evaluation.events import EventTally, argument_right, format_events, score_events

TEXT = "Die Polizei nahm den Mann fest. Die Regierung kritisierte die Polizei. Es gab Proteste."


def _span(word: str, n: int = 1) -> dict:
    start = -1
    for _ in range(n):
        start = TEXT.index(word, start + 1)
    return {"start": start, "end": start + len(word), "text": word}


GOLD = {
    "entities": [{**_span("Polizei"), "identity": "polizei"}, {**_span("Mann"), "identity": "mann"},
                 {**_span("Regierung"), "identity": "regierung"}, {**_span("Polizei", 2), "identity": "polizei"}],
    "events": [
        {"type": "COERCE", "accept": [], "trigger": _span("nahm"), "actor": "polizei", "target": "mann",
         "negated": False, "modality": "fact"},
        {"type": "ACCUSE", "accept": ["REJECT"], "trigger": _span("kritisierte"), "actor": "regierung",
         "target": "polizei", "negated": False, "modality": "fact"},
        {"type": "PROTEST", "accept": [], "trigger": _span("Proteste"), "actor": None, "target": None,
         "negated": False, "modality": "fact", "optional": True},
    ],
}


def _arg(entity: str | None, word: str | None, n: int = 1) -> dict:
    return {"entity": entity, "mention": _span(word, n) if word else None}


def _pred(events: list[dict]) -> dict:
    entities = [{"id": "e1", "mentions": [_span("Polizei"), _span("Polizei", 2)]}, {"id": "e2", "mentions": [_span("Mann")]},
                {"id": "e3", "mentions": [_span("Regierung")]}]
    return {"entities": entities, "events": events}


def _event(etype: str, word: str, actor=None, target=None, negated=False) -> dict:
    return {"type": etype, "trigger": _span(word), "actor": actor, "target": target, "negated": negated, "modality": "fact"}


def test_all_right() -> None:
    pred = _pred([_event("COERCE", "nahm", _arg("e1", "Polizei"), _arg("e2", "Mann")),
                  _event("REJECT", "kritisierte", _arg("e3", "Regierung"), _arg("e1", "Polizei", 2))])
    c = score_events(GOLD, pred)
    assert (c["gold"], c["predicted"], c["hits"], c["typed"], c["full"]) == (2, 2, 2, 2, 2)
    assert c["actor_ok"] == c["actor_total"] == 2
    assert c["missed"] == c["spurious"] == c["confusions"] == c["arguments"] == []


def test_wrong_target_and_type_and_an_optional_event() -> None:
    pred = _pred([_event("COERCE", "nahm", _arg("e1", "Polizei"), None),
                  _event("SUPPORT", "kritisierte", _arg("e3", "Regierung")),
                  _event("PROTEST", "Proteste")])
    c = score_events(GOLD, pred)
    assert (c["predicted"], c["hits"], c["typed"], c["full"]) == (2, 2, 1, 0)   # "Proteste" is optional gold
    assert c["confusions"] == [("ACCUSE", "SUPPORT", "kritisierte")]
    assert c["arguments"] == [("COERCE", "target", "nahm")]


def test_argument_right_uses_any_mention_of_the_identity() -> None:
    gold_mentions = {"polizei": [_span("Polizei"), _span("Polizei", 2)]}
    pred_mentions = {"e1": [_span("Polizei", 2)]}
    assert argument_right({"entity": "e1", "mention": None}, "polizei", pred_mentions, gold_mentions)
    assert argument_right(None, None, pred_mentions, gold_mentions)
    assert argument_right({"entity": None, "mention": _span("Mann")}, None, pred_mentions, gold_mentions)
    assert not argument_right(None, "polizei", pred_mentions, gold_mentions)
    assert not argument_right({"entity": "e1", "mention": None}, None, pred_mentions, gold_mentions)


def test_argument_right_by_corpus_key_without_mentions() -> None:
    keys = ({"x": "Polizei (Paris)", "y": "Regierung (Frankreich)"}, {"polizei": "Polizei (Paris)"})
    assert argument_right({"entity": "x", "mention": None}, "polizei", {}, {}, keys)
    assert not argument_right({"entity": "y", "mention": None}, "polizei", {}, {}, keys)
    assert not argument_right({"entity": "x", "mention": None}, "polizei", {}, {})


def test_tally_and_format() -> None:
    tally = EventTally()
    tally.add(score_events(GOLD, _pred([_event("COERCE", "nahm", _arg("e1", "Polizei"), _arg("e2", "Mann"))])))
    tally.add(score_events(GOLD, _pred([])))
    res = tally.result()
    assert res["articles"] == 2 and res["gold"] == 4 and res["predicted"] == 1
    assert res["full"]["precision"] == 1.0 and res["full"]["recall"] == pytest.approx(0.25)
    assert res["by_type"]["COERCE"] == {"gold": 2, "found": 1, "predicted": 1}
    assert "full     P 1.000  R 0.250" in format_events(res)

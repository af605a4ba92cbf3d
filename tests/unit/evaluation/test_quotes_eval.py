"""The WikiNews quote evaluation: token grid, one-to-one matching and the figures."""
from __future__ import annotations

import json

import pytest

from lagebild.evaluation.quotes import TokenGrid, Tally, evaluate_quotes, format_quotes, match

TEXT = "Der Minister sagte, die Lage sei ernst. „Wir bleiben hart“, sagte er."


def _q(tokens, type_="indirect", speaker=(), cue=()):
    return {"tokens": frozenset(tokens), "type": type_, "speaker": frozenset(speaker), "cue": frozenset(cue)}


def test_token_grid_ignores_punctuation_and_quote_marks() -> None:
    grid = TokenGrid(TEXT)
    a = TEXT.index("„")
    b = TEXT.index("“") + 1
    assert grid.tokens([(a, b)]) == grid.tokens([(a + 1, b - 1)])
    assert len(grid.tokens([(a, b)])) == 3


def test_matching_is_one_to_one_and_best_first() -> None:
    gold = [_q({1, 2, 3, 4}), _q({10, 11})]
    pred = [_q({1, 2, 3}), _q({1, 2, 3, 4}), _q({20})]
    pairs = match(pred, gold)
    assert (1, 0, 1.0) in pairs and len(pairs) == 1
    assert match(pred, gold, exact=True) == [(1, 0, 1.0)]


def test_tally_figures() -> None:
    tally = Tally()
    gold = [_q({1, 2, 3, 4}, "indirect", {0}, {5}), _q({8, 9}, "direct", {7}, {6})]
    pred = [_q({1, 2}, "indirect", {0}, {5}), _q({8, 9}, "free_indirect", set(), {6}), _q({30}, "direct")]
    tally.add(pred, gold)
    res = tally.result()
    assert res["proportional"]["p"] == pytest.approx(1.5 / 3, abs=1e-4)
    assert res["proportional"]["r"] == pytest.approx(1.5 / 2, abs=1e-4)
    assert res["exact"]["r"] == pytest.approx(0.5)
    assert res["speaker"] == {"p": 1.0, "r": 0.5, "f1": pytest.approx(0.6667, abs=1e-4)}
    assert res["cue"]["f1"] == 1.0
    assert res["type_accuracy"] == 0.5
    assert res["per_type"]["indirect"]["gold"] == 1 and res["per_type"]["direct"]["predicted"] == 1


@pytest.mark.slow
def test_evaluate_quotes_end_to_end(tmp_path) -> None:
    start = TEXT.index("„")
    end = TEXT.index("“") + 1
    doc = {"originalText": TEXT, "file": "t.json", "annotations": [
        {"type": "Direct", "quote": {"spans": [{"charBegin": start, "charEnd": end}]},
         "speaker": {"spans": [{"charBegin": end + 8, "charEnd": end + 10}]},
         "cue": {"spans": [{"charBegin": end + 2, "charEnd": end + 7}]}},
        {"type": "IndirectFreeIndirect", "quote": {"spans": []}},
    ]}
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    res = evaluate_quotes(path)
    assert res["quotes"]["gold"] == 1 and res["articles"] == 1
    assert res["proportional"]["r"] == 1.0 and res["speaker"]["r"] == 1.0 and res["cue"]["r"] == 1.0
    assert "proportional" in format_quotes(res)

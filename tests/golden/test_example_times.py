"""Golden test: every time expression and amount of the example article, with its value."""
from __future__ import annotations


def _key(items, *fields):
    return sorted(tuple(i[f] for f in fields) for i in items)


def test_times_match_the_gold(example_analysis, example_gold):
    assert _key(example_analysis["times"], "start", "end", "value") == _key(example_gold["times"], "start", "end", "value")


def test_amounts_match_the_gold(example_analysis, example_gold):
    fields = ("start", "end", "value", "unit")
    assert _key(example_analysis["amounts"], *fields) == _key(example_gold["amounts"], *fields)

"""Span scoring shared by the time and amount evaluations.

Extraction is scored strictly (same start and end) and leniently (overlap, each gold item
matched to at most one prediction). On lenient matches the value is compared; "lenient + value"
counts a prediction as right only when it overlaps a gold item and has its value, the measure
TempEval-3 reports as value F1. Gold items marked `optional` neither reward nor penalise.
"""
from __future__ import annotations

from typing import Callable, Iterable

Item = dict
Values = Callable[[Item, Item], bool]


def _overlaps(a: Item, b: Item) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _f1(hits: int, n_pred: int, n_gold: int) -> dict:
    prec, rec = (hits / n_pred if n_pred else 0.0), (hits / n_gold if n_gold else 0.0)
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def match_article(gold: list[Item], pred: list[Item]) -> tuple[list[Item], list[tuple[Item, Item]], list[Item]]:
    """(required gold, lenient (gold, prediction) pairs, scored predictions) of one article."""
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    pred = [p for p in pred
            if not any(_overlaps(p, o) for o in optional) or any(_overlaps(p, g) for g in required)]
    pairs, used = [], set()
    for g in required:
        # prefer the exact span, then the first overlapping one
        candidates = sorted((i for i, p in enumerate(pred) if i not in used and _overlaps(p, g)),
                            key=lambda i: (pred[i]["start"] != g["start"] or pred[i]["end"] != g["end"], i))
        if candidates:
            used.add(candidates[0])
            pairs.append((g, pred[candidates[0]]))
    return required, pairs, pred


class SpanScore:
    """Counts over many articles; `result()` gives the figures."""

    def __init__(self, same_value: Values) -> None:
        self.same_value = same_value
        self.gold = self.pred = self.strict = self.lenient = 0
        self.lenient_value = self.strict_value = 0
        self.errors: list[dict] = []

    def add(self, key: str, gold: list[Item], pred: list[Item]) -> None:
        required, pairs, scored = match_article(gold, pred)
        self.gold += len(required)
        self.pred += len(scored)
        matched_pred = set()
        for g, p in pairs:
            exact = g["start"] == p["start"] and g["end"] == p["end"]
            right = self.same_value(g, p)
            self.lenient += 1
            self.strict += exact
            self.lenient_value += right
            self.strict_value += exact and right
            matched_pred.add(id(p))
            if not (exact and right):
                self.errors.append({"article": key, "kind": "value" if not right else "span", "gold": g, "pred": p})
        matched_gold = {id(g) for g, _ in pairs}
        self.errors += [{"article": key, "kind": "missed", "gold": g, "pred": None}
                        for g in required if id(g) not in matched_gold]
        self.errors += [{"article": key, "kind": "spurious", "gold": None, "pred": p}
                        for p in scored if id(p) not in matched_pred]

    def result(self) -> dict:
        n_pred, n_gold = self.pred, self.gold
        return {"gold": n_gold, "predicted": n_pred,
                "strict": _f1(self.strict, n_pred, n_gold), "lenient": _f1(self.lenient, n_pred, n_gold),
                "value_accuracy": self.lenient_value / self.lenient if self.lenient else 0.0,
                "lenient_value": _f1(self.lenient_value, n_pred, n_gold),
                "strict_value": _f1(self.strict_value, n_pred, n_gold)}


def format_score(name: str, r: dict) -> list[str]:
    lines = [f"{name}: gold {r['gold']}, predicted {r['predicted']}"]
    for mode, label in (("strict", "strict span"), ("lenient", "lenient span"),
                        ("lenient_value", "lenient + value"), ("strict_value", "strict + value")):
        m = r[mode]
        lines.append(f"  {label:16s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"  value accuracy on lenient matches: {r['value_accuracy']:.3f}")
    return lines


def format_errors(errors: Iterable[dict], limit: int) -> list[str]:
    def show(x):
        if x is None:
            return "-"
        extra = f" {x.get('unit')}" if "unit" in x else ""
        return f"{x['text']!r} = {x.get('value')}{extra}"
    return [f"  {e['article']} {e['kind']:8s} gold {show(e['gold'])}  pred {show(e['pred'])}"
            for e in list(errors)[:limit]]

"""Averaged perceptrons over string features, stored as plain JSON (no pickles, no versions to match).

`Classifier`: one label out of several (trigger type or "O", modality). `Ranker`: one candidate out
of a list (the actor or target mention of an event, or the "none" candidate). Both are trained with
`train_*` below: several passes in a fixed shuffled order, weights averaged over all updates.
"""
from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from pathlib import Path

import numpy as np


class Classifier:
    def __init__(self, labels: list[str], weights: dict[str, dict[str, float]]) -> None:
        self.labels = labels
        self._weights: dict[str, dict[str, float]] | None = weights
        self._rows: dict[str, int] | None = None
        self._matrix = None

    @property
    def weights(self) -> dict[str, dict[str, float]]:
        """feature -> label -> weight (rebuilt from the compiled matrix once that replaced it)."""
        if self._weights is None:
            self._weights = {f: {label: w for label, w in zip(self.labels, self._matrix[i].tolist()) if w}
                             for f, i in self._rows.items()}
        return self._weights

    def scores(self, features: list[str]) -> dict[str, float]:
        return self.scores_many([features])[0]

    def scores_many(self, feature_lists: list[list[str]]) -> list[dict[str, float]]:
        """The score of each label for each feature list."""
        return [dict(zip(self.labels, row)) for row in self.score_matrix(feature_lists).tolist()]

    def score_matrix(self, feature_lists: list[list[str]]) -> np.ndarray:
        """The scores as an array, a row per feature list and a column per label (`labels`): the
        sum of each list's feature weight rows, for all lists in one numpy call."""
        if self._rows is None:
            self._compile()
        per_list = [[r for f in features if (r := self._rows.get(f)) is not None] for features in feature_lists]
        out = np.zeros((len(feature_lists), len(self.labels)), dtype=np.float64)
        rows = [r for found in per_list for r in found]
        if not rows:
            return out
        starts, pos = [], 0
        for found in per_list:
            if found:
                starts.append(pos)
                pos += len(found)
        nonempty = [k for k, found in enumerate(per_list) if found]
        out[nonempty] = np.add.reduceat(self._matrix[rows], starts, axis=0)
        return out

    def _compile(self) -> None:
        """The weights as one matrix (a row per feature, a column per label): a feature's weights
        are then added as a row, in the order of the features, as the sum over the dicts would."""
        col = {label: j for j, label in enumerate(self.labels)}
        weights = self.weights
        self._rows = {f: i for i, f in enumerate(weights)}
        self._matrix = np.zeros((len(weights), len(self.labels)), dtype=np.float64)
        for i, per_label in enumerate(weights.values()):
            for label, w in per_label.items():
                self._matrix[i, col[label]] = w
        self._weights = None   # the nested dicts take several times the matrix's memory

    def predict(self, features: list[str]) -> str:
        scores = self.scores(features)
        return max(self.labels, key=lambda label: scores[label])

    def to_json(self) -> dict:
        return {"labels": self.labels, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> "Classifier":
        return cls(data["labels"], data["weights"])


class Ranker:
    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def score(self, features: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features)

    def best(self, candidates: list[list[str]]) -> int:
        scores = [self.score(c) for c in candidates]
        return max(range(len(scores)), key=lambda i: scores[i])

    def to_json(self) -> dict:
        return {"weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> "Ranker":
        return cls(data["weights"])


def softmax_top(scores: dict[str, float]) -> tuple[str, float, str | None, float]:
    """(best label, its share, runner-up, its share) of a softmax over perceptron scores."""
    top = sorted(scores.items(), key=lambda kv: -kv[1])
    m = top[0][1]
    exp = [math.exp(max(-50.0, s - m)) for _, s in top]
    total = sum(exp)
    second = top[1] if len(top) > 1 else (None, 0.0)
    return top[0][0], exp[0] / total, second[0], (exp[1] / total if len(top) > 1 else 0.0)


class _Averager:
    """Weights with lazy averaging: `totals` accumulates weight x time since its last change."""

    def __init__(self) -> None:
        self.w: dict = defaultdict(float)
        self.totals: dict = defaultdict(float)
        self.stamps: dict = defaultdict(int)
        self.t = 0

    def update(self, key, delta: float) -> None:
        self.totals[key] += (self.t - self.stamps[key]) * self.w[key]
        self.stamps[key] = self.t
        self.w[key] += delta

    def averaged(self) -> dict:
        out = {}
        for key, w in self.w.items():
            total = self.totals[key] + (self.t - self.stamps[key]) * w
            avg = round(total / max(1, self.t), 4)
            if avg:
                out[key] = avg
        return out


def _training_order(n: int, epochs: int, seed: int):
    """Example indices for `epochs` passes, each pass in a new order from one seeded shuffle."""
    order = list(range(n))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        yield from order


def train_classifier(examples: list[tuple[list[str], str]], labels: list[str], epochs: int = 8,
                     seed: int = 7) -> Classifier:
    avg = _Averager()
    live: dict[str, dict[str, float]] = {}   # feature -> label -> current weight (for fast scoring)
    for i in _training_order(len(examples), epochs, seed):
        feats, gold = examples[i]
        avg.t += 1
        scores = dict.fromkeys(labels, 0.0)
        for f in feats:
            for label, w in live.get(f, {}).items():
                scores[label] += w
        guess = max(labels, key=lambda label: (scores[label], label != gold))  # a tie is a mistake
        if guess != gold:
            for f in feats:
                row = live.setdefault(f, {})
                for label, delta in ((gold, 1.0), (guess, -1.0)):
                    avg.update((f, label), delta)
                    row[label] = avg.w[(f, label)]
    weights: dict[str, dict[str, float]] = {}
    for (f, label), w in avg.averaged().items():
        weights.setdefault(f, {})[label] = w
    return Classifier(labels, weights)


def train_ranker(groups: list[tuple[list[list[str]], int]], epochs: int = 8, seed: int = 7) -> Ranker:
    """`groups`: (candidate feature lists, index of the right candidate)."""
    avg = _Averager()
    for i in _training_order(len(groups), epochs, seed):
        cands, gold = groups[i]
        avg.t += 1
        scores = [sum(avg.w.get(f, 0.0) for f in c) for c in cands]
        guess = max(range(len(cands)), key=lambda j: (scores[j], j != gold))  # a tie is a mistake
        if guess != gold:
            for f in cands[gold]:
                avg.update(f, 1.0)
            for f in cands[guess]:
                avg.update(f, -1.0)
    return Ranker(avg.averaged())


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")

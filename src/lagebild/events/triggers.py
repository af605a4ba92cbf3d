"""Trigger detection: every content word is scored by the trained trigger model
(`models/de_events/trigger.json`) for each PLOVER type and "O" (no event); the lexicon is one of
its features. Two triggers of the same type where one governs the other ("Kompromisse eingehen")
are one multi-word trigger."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacy.tokens import Doc, Token

from lagebild.events.attributes import negation_cue
from lagebild.events.context import EventContext
from lagebild.events.features import is_candidate, trigger_features
from lagebild.events.similar import similar_trigger, similar_triggers
from lagebild.nlp.perceptron import Classifier, softmax_top

NO_EVENT = "O"
ACCEPT_SHARE = 0.25   # a runner-up type with at least this share of the type scores goes to `accept`


@dataclass
class Detected:
    token: Token                 # the head word of the trigger
    tokens: list[Token]          # every word of the trigger, in text order
    type: str
    score: float
    accept: list[str]


_UNKNOWN = object()


def token_features(tok: Token, ctx: EventContext, similar=_UNKNOWN) -> list[str]:
    """The trigger model's features of a token; `similar`: its `similar_trigger`, when known."""
    similar = similar_trigger(tok) if similar is _UNKNOWN else similar
    i = tok.i
    return trigger_features(ctx.cols, i, i in ctx.quote_of, i in ctx.cues, negation_cue(ctx.cols, i), similar)


def _decide(scores: dict[str, float], margin: float) -> tuple[str, float, list[str]] | None:
    none = scores.pop(NO_EVENT)
    best = max(scores, key=lambda label: scores[label])
    if scores[best] - none <= margin:
        return None
    label, share, second, second_share = softmax_top({**scores, NO_EVENT: none - margin})
    accept = [second] if second not in (None, NO_EVENT) and second_share >= ACCEPT_SHARE else []
    return best, round(share if label == best else 0.5, 3), accept


def detect_triggers(doc: Doc, ctx: EventContext, model: Classifier, margin: float) -> list[Detected]:
    candidates = [tok for tok in doc if is_candidate(tok)]
    features = [token_features(tok, ctx, similar) for tok, similar in zip(candidates, similar_triggers(candidates))]
    scores = model.score_matrix(features)
    none = model.labels.index(NO_EVENT)
    best_type = np.delete(scores, none, axis=1).max(axis=1, initial=-np.inf)
    found = []
    for k in np.flatnonzero(best_type - scores[:, none] > margin).tolist():   # `_decide` says no to the rest
        decided = _decide(dict(zip(model.labels, scores[k].tolist())), margin)
        if decided:
            found.append(Detected(candidates[k], [candidates[k]], *decided))
    return merge_multiword(found)


def merge_multiword(found: list[Detected]) -> list[Detected]:
    """Join a trigger into the highest same-type trigger above it in an unbroken chain of heads."""
    by_index = {d.token.i: d for d in found}
    merged: set[int] = set()
    for d in found:
        top = d
        while (h := by_index.get(top.token.head.i)) is not None and h is not top and h.type == d.type:
            top = h
        if top is not d:
            top.tokens = sorted(top.tokens + [d.token], key=lambda t: t.i)
            top.score = max(top.score, d.score)
            merged.add(d.token.i)
    return [d for d in found if d.token.i not in merged]

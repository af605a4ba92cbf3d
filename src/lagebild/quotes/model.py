"""A small learned sentence classifier: is a sentence that no rule claimed still reported speech?

News reports speech without any frame a rule can see ("Die Verantwortlichen erwarten von Litauen eine
Lösung."; a Konjunktiv-II sentence after a report). A logistic regression over the sentence's words
and a few flags, learned on WikiNews train by `training/learn_quotes.py`, decides for the sentences
that the rules left alone; it never changes what the rules found. Without
`models/de_quotes/sentence_model.json` the stage simply skips this step.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from lagebild import paths
from lagebild.quotes.candidate import Cand
from lagebild.quotes.cues import verb_cue
from lagebild.quotes.phrases import trim
from lagebild.quotes.speakers import sentence_subject, subject_of

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

MODEL_FILE = "sentence_model.json"


def sentence_features(f: Context, s: int, e: int, prev_quote: bool) -> list[str]:
    """Binary features of sentence [s, e): its lower-case words and a few flags."""
    feats = {f"w:{f.lower[i]}" for i in range(s, e) if f.tok[i].is_alpha and not f.in_marks[i]}
    words = f.words_in(s, e)
    feats.add(f"len:{min(words // 8, 5)}")
    if prev_quote:
        feats.add("f:prev_quote")
    finite = next((i for i in range(s, e) if not f.in_marks[i] and f.is_finite(i)), None)
    if finite is not None:
        feats.add(f"fin:{f.lower[finite]}")
        if finite + 1 < e and f.tok[finite + 1].is_alpha:
            feats.add(f"fin+1:{f.lower[finite + 1]}")
        if f.is_ki(finite):
            feats.add("f:ki")
        if f.lower[finite] in f.w.get("continuation", ()):
            feats.add("f:continuation")
    if any(f.is_ki(i) for i in range(s, e) if not f.in_marks[i]):
        feats.add("f:any_ki")
    if any(f.lex.verbs_by_form.get(f.lower[i]) for i in range(s, e) if not f.in_marks[i]):
        feats.add("f:speech_verb_form")
    labels = {ent.label_ for ent in f.ents if s <= ent.start < e}
    feats.update(f"ent:{lab}" for lab in labels if lab in ("PER", "ORG"))
    if any(f.is_mark[i] for i in range(s, e)):
        feats.add("f:marks")
    if f.is_pronoun(s):
        feats.add("f:pronoun_first")
    feats.add(f"first:{f.lower[s]}")
    if f.tok[e - 1].text in ("?", "!"):
        feats.add(f"end:{f.tok[e - 1].text}")
    feats.update(_verb_features(f, s, e, finite))
    return sorted(feats)


def _verb_features(f: Context, s: int, e: int, finite: int | None) -> set[str]:
    """Lemmas of the verbs, the speech verb of the lexicon and the kind of subject: "Die USA lehnten
    die Aufnahme ab" is a report because of "ablehnen" with a named subject, whatever its form."""
    feats = set()
    for i in range(s, e):
        tok = f.tok[i]
        if f.in_marks[i] or not tok.tag_.startswith("V"):
            continue
        feats.add(f"lem:{tok.lemma_.lower()}")
        cue = verb_cue(f, i, s, e)
        if cue is not None and cue.verb is not None:
            feats.add(f"cue:{cue.verb.key}")
            feats.add(f"cue_medium:{cue.verb.medium}")
    if finite is not None and "Sub" in f.tok[finite].morph.get("Mood") and not f.is_ki(finite):
        feats.add("f:kii")
    root = next((i for i in range(s, e) if f.tok[i].dep_ == "ROOT"), None)
    subject = subject_of(f, root, s, e) if root is not None and f.has_parse else None
    if subject is not None:
        labels = {ent.label_ for ent in f.ents if ent.start < subject[1] and subject[0] < ent.end}
        feats.update(f"subj:{lab}" for lab in labels)
        if f.is_pronoun(subject[0]) and subject[1] - subject[0] == 1:
            feats.add("subj:pronoun")
        if not labels:
            feats.add("subj:other")
    return feats


@dataclass
class SentenceModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def prob(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_sentence_model() -> SentenceModel | None:
    """The learned sentence classifier, or None when `models/de_quotes/` has none."""
    for base in (paths.models_dir(), paths.REPO_ROOT / "models"):
        path = base / "de_quotes" / MODEL_FILE
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            return SentenceModel(data["weights"], data["bias"], data["threshold"])
    return None


def open_sentences(f: Context, claimed: list[Cand]):
    """Sentences no candidate touches: (sentence number, start, end, previous sentence's quote)."""
    covered = set()
    by_sent: dict[int, Cand] = {}
    for q in claimed:
        covered |= q.tokens()
        by_sent[f.sent_of[q.end - 1]] = q
    for k, (s, e) in enumerate(f.sents):
        if f.in_marks[s] or any(i in covered or f.in_marks[i] for i in range(s, e)):
            continue
        part = trim(f, s, e)
        if part and f.words_in(*part) >= 4:
            yield k, part, by_sent.get(k - 1)


def find(f: Context, claimed: list[Cand], model: SentenceModel) -> list[Cand]:
    """Sentences the learned classifier calls reported speech (the steps before left them free)."""
    out = []
    for k, (s, e), prev in open_sentences(f, claimed):
        feats = sentence_features(f, s, e, prev is not None)
        if model.prob(feats) < model.threshold:
            continue
        first = next((i for i in range(s, e) if f.is_finite(i)), None)
        continues = first is not None and (f.is_ki(first) or f.lower[first] in f.w.get("continuation", ()))
        kind = "free_indirect" if continues else "reported"
        if kind == "reported":
            prev = None  # an indicative report names its own speaker, if any
        elif prev is None:
            prev = next((q for q in reversed(claimed) if q.end <= s and f.sent_of[s] - f.sent_of[q.end - 1] <= 3), None)
        if prev is not None:
            cand = Cand(kind, [(s, e)], inherit=prev)
        else:
            subject = sentence_subject(f, e - 1, e - 1)
            cand = Cand(kind, [(s, e)], speaker=subject if subject and f.names_someone(*subject) else None)
        out.append(cand)
    return out


def train_logistic(samples: list[tuple[list[str], int]], epochs: int = 15, lr: float = 0.1,
                   l2: float = 1e-4, min_count: int = 3) -> tuple[dict[str, float], float]:
    """Plain SGD logistic regression on binary features (single-threaded, seconds)."""
    import random

    counts: dict[str, int] = {}
    for feats, _ in samples:
        for x in feats:
            counts[x] = counts.get(x, 0) + 1
    keep = {x for x, n in counts.items() if n >= min_count}
    w: dict[str, float] = {}
    b = 0.0
    order = list(range(len(samples)))
    rng = random.Random(0)
    for epoch in range(epochs):
        rng.shuffle(order)
        rate = lr / (1 + epoch)
        for k in order:
            feats, y = samples[k]
            feats = [x for x in feats if x in keep]
            z = b + sum(w.get(x, 0.0) for x in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            b -= rate * g
            for x in feats:
                w[x] = w.get(x, 0.0) * (1 - rate * l2) - rate * g
    return {x: round(v, 4) for x, v in w.items() if abs(v) > 1e-3}, round(b, 4)

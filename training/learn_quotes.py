"""Learn the two data-driven parts of the quotes stage from WikiNews train (section 13 of the shared data),
without the train articles that belong to the annotated corpus's held-out part (`training_records`).

1. `direct_table.json`: for every pair of quotation marks the stage finds, its own features (length bucket,
   inside reported speech, first person word, frame next to the marks, all words capitalised, a cue in
   the sentence, a speech verb in the marks' clause or naming them) against "a gold Direct quote overlaps
   it"; P(quote | features) with add-one smoothing and the count, at four levels of detail plus a pooled
   key for named marks (the stage backs off when a key is rare).
2. `sentence_model.json`: a logistic regression that says whether a sentence the rules left alone is
   reported speech anyway (label: gold quotes cover at least half of its words). Trained on 4/5 of the
   train articles; the decision threshold is the one that maximises quote F1 on the other 1/5 (given what
   the rules already found there); then retrained on all of train.

Usage: OMP_NUM_THREADS=1 .venv/bin/python training/learn_quotes.py [--limit N] [--out models/de_quotes]
Single-threaded; about a minute with the blank pipeline. The features use whatever core model is loaded
(LAGEBILD_MODELS), so learn with the core model you ship.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from lagebild.article import Article
from lagebild.corpus import sources
from lagebild.evaluation.quotes import Tally, TokenGrid, _gold, _pred
from lagebild.paths import REPO_ROOT
from lagebild.pipeline import load_nlp
from lagebild.quotes import direct
from lagebild.quotes.context import Context
from lagebild.quotes.direct_table import backoff_keys, direct_key
from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.linking import to_quotes
from lagebild.quotes.model import MODEL_FILE, open_sentences, sentence_features, train_logistic
from lagebild.quotes.stage import find_candidates, frame_quotes

HOLD_OUT_EVERY = 5


def collect(split: str, limit: int | None):
    nlp = load_nlp()
    keep = [n for n in nlp.pipe_names if n not in ("lagebild_entities", "lagebild_quotes", "lagebild_time", "lagebild_events")]
    records = training_records(split)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sentences = []  # (article number, features, label, best overlap with a gold quote the rules missed)
    held_tally = Tally()
    n_docs = 0
    for doc_json in records:
        n_docs += 1
        if limit and n_docs > limit:
            break
        text = doc_json["originalText"]
        directs = [(s["charBegin"], s["charEnd"]) for a in doc_json["annotations"] if a["type"] == "Direct"
                   for s in (a.get("quote") or {}).get("spans", [])]
        doc = nlp.make_doc(text)
        article = Article(id="train", text=text)
        doc._.article = article
        with nlp.select_pipes(enable=keep):
            doc = nlp(doc)
        ctx = Context(doc, load_lexicon(), {})
        cands = find_candidates(ctx)
        for pair in direct.assess(ctx, frame_quotes(ctx)):
            start, end = doc[pair.open].idx + 1, doc[pair.close].idx
            label = any(s < end and start < e for s, e in directs)
            for key in backoff_keys(pair.key):
                counts[key][0] += label
                counts[key][1] += 1
        # sentence classifier samples
        grid = TokenGrid(text)
        gold = _gold(doc_json, grid)
        pred = _pred({"quotes": [_as_dict(q) for q in to_quotes(doc, article, cands, ctx)]}, grid)
        if n_docs % HOLD_OUT_EVERY == 0:
            held_tally.add(pred, gold)
        claimed = set()
        for p in pred:
            best = max(gold, key=lambda g: len(g["tokens"] & p["tokens"]), default=None)
            if best is not None and best["tokens"] & p["tokens"]:
                claimed.add(id(best))
        free_gold = [g for g in gold if id(g) not in claimed]
        for k, (s, e), prev in open_sentences(ctx, cands):
            toks = grid.tokens([(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))])
            covered = set().union(*(g["tokens"] for g in gold)) if gold else set()
            label = int(len(toks & covered) >= 0.5 * len(toks))
            score = max((len(toks & g["tokens"]) / len(toks | g["tokens"]) for g in free_gold), default=0.0)
            sentences.append((n_docs, sentence_features(ctx, s, e, prev is not None), label, score))
    return counts, sentences, held_tally, n_docs


def training_records(split: str) -> list[dict]:
    """The WikiNews articles of `split` that training may read: those in the corpus's held-out part
    (`sources.held_out`) are left out, so the corpus test part stays unseen."""
    return [rec for article_id, rec in sources.wikinews_records(split).items() if not sources.held_out(article_id)]


def _as_dict(q) -> dict:
    from dataclasses import asdict

    return asdict(q)


def choose_threshold(model_w, model_b, held, tally: Tally) -> tuple[float, dict]:
    """The probability threshold that maximises proportional F1 on the held-out articles."""
    import math

    c = tally.c
    tp, n_pred, n_gold = c["prop"], c["pred"], c["gold"]
    scored = []
    for _, feats, _, score in held:
        z = model_b + sum(model_w.get(x, 0.0) for x in feats)
        scored.append((1 / (1 + math.exp(-max(-30, min(30, z)))), score))
    best = (2 * tp / (n_pred + n_gold), 1.01)
    for th in [x / 100 for x in range(20, 96, 5)]:
        add = [sc for p, sc in scored if p >= th]
        f1 = 2 * (tp + sum(add)) / (n_pred + len(add) + n_gold)
        if f1 > best[0]:
            best = (f1, th)
    return best[1], {"held_out_f1_rules": round(2 * tp / (n_pred + n_gold), 4), "held_out_f1_with_model": round(best[0], 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "models" / "de_quotes")
    args = ap.parse_args()
    t0 = time.time()
    counts, sentences, held_tally, n_docs = collect(args.split, args.limit)
    table = {k: [round((pos + 1) / (n + 2), 4), n] for k, (pos, n) in sorted(counts.items())}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "direct_table.json").write_text(json.dumps({
        "about": "P(quotation marks hold a quote | features) learned on WikiNews quotes train; "
                 "key = length bucket|inside reported speech|first person[|frame next to it[|all capitalised|cue in the sentence]]; "
                 "value = [add-one smoothed probability, count]",
        "example_key": direct_key(3, True, False, False, False, True),
        "p_quote": table,
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    train = [(f, y) for n, f, y, _ in sentences if n % HOLD_OUT_EVERY]
    held = [x for x in sentences if x[0] % HOLD_OUT_EVERY == 0]
    w, b = train_logistic(train)
    threshold, scores = choose_threshold(w, b, held, held_tally)
    w, b = train_logistic([(f, y) for _, f, y, _ in sentences])
    (args.out / MODEL_FILE).write_text(json.dumps({
        "about": "logistic regression: is a sentence no rule claimed reported speech? Learned on WikiNews "
                 "quotes train by training/learn_quotes.py",
        "samples": len(sentences), "positives": sum(y for _, _, y, _ in sentences),
        "threshold": threshold, **scores, "bias": b, "weights": dict(sorted(w.items())),
    }, indent=0, ensure_ascii=False), encoding="utf-8")
    print(f"{len(table)} table keys, {len(sentences)} sentences ({sum(y for _, _, y, _ in sentences)} positive), "
          f"threshold {threshold} {scores}, from {n_docs} articles in {time.time() - t0:.0f}s -> {args.out}")


if __name__ == "__main__":
    main()

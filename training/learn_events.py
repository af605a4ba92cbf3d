"""Train the event models of `models/de_events/` on the training part of the lagebild corpus.

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python training/learn_events.py

Data: `corpus/articles/` with `lagebild.corpus.sources.held_out(id)` false (the test part is never
read here). Every article is run through the pipeline up to the events stage, so the models learn
on the parse, entities, quotes and times the stage sees at run time. A tuning slice of the training
part (`tuning_slice`) and `lagebild_facts_dev` choose the decision margins (trigger, actor, target); the final models
are then trained on the whole training part with them and written with `meta.json`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from pathlib import Path

import spacy

from lagebild import paths
from lagebild.analysis import prepare
from lagebild.corpus.loader import load_corpus
from lagebild.corpus.sources import held_out
from lagebild.evaluation.events import EventTally, score_events
from lagebild.events.arguments import candidate_features
from lagebild.events.context import build_context, candidates_for
from lagebild.events.features import TRIGGER_POS, is_candidate, modality_features
from lagebild.events.model import FILES, MODEL_DIR, EventModels
from lagebild.nlp.perceptron import train_classifier, train_ranker, write_json
from lagebild.events.stage import learned_events
from lagebild.events.triggers import NO_EVENT, token_features
from lagebild.ingest.records import RawArticle
from lagebild.pipeline import load_nlp

TUNING_PERCENT = 15
# Optional gold events (what a second annotator might code differently, or a noun that refers back
# to an annotated event) train the trigger model as events: predicting them costs nothing in scoring.
OPTIONAL_AS_EVENTS = True
MODALITIES = ["fact", "intention", "proposal", "conditional", "demand"]
TRIGGER_MARGINS = [-8.0, -6.0, -4.0, -3.0, -2.0, -1.0, 0.0, 1.0]
ARGUMENT_MARGINS = [-4.0, -2.0, -1.0, 0.0, 1.0, 2.0, 4.0]


def tuning_slice(article_id: str) -> bool:
    """About 15 % of the training part, by a hash different from the held-out one."""
    return int(hashlib.sha1(f"tune:{article_id}".encode()).hexdigest()[:8], 16) % 100 < TUNING_PERCENT


def parse(nlp, text: str, date: str | None, article_id: str):
    article = prepare(RawArticle(text=text, id=article_id, date=date))
    doc = nlp.make_doc(text)
    doc._.article = article
    for name, proc in nlp.pipeline:
        if name != "lagebild_events":
            doc = proc(doc)
    return doc, article


def corpus_items(nlp) -> list[dict]:
    items = []
    for joined in load_corpus("train"):
        assert not held_out(joined["id"])
        doc, article = parse(nlp, joined["text"], (joined.get("date") or "")[:10] or None, joined["id"])
        items.append({"id": joined["id"], "gold": joined, "doc": doc, "article": article,
                      "tune": tuning_slice(joined["id"])})
    return items


def facts_dev_items(nlp) -> list[dict]:
    data = paths.shared_data_dir()
    with open(data / "wikinews_quotes" / "dev.jsonl", encoding="utf-8") as fh:
        texts = {rec["file"]: rec["originalText"] for rec in map(json.loads, fh)}
    items = []
    for path in sorted((data / "lagebild_facts_dev").glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        doc, article = parse(nlp, texts[facts["file"]], (facts.get("date") or "")[:10] or None, path.stem)
        items.append({"id": path.stem, "gold": facts, "doc": doc, "article": article, "tune": True})
    return items


def trigger_root(doc, trigger: dict):
    span = doc.char_span(trigger["start"], trigger["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None, ()
    tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    tops = [t for t in tops if t.pos_ in TRIGGER_POS] or tops or [span.root]
    return tops[0], {t.i for t in span}


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def right_candidates(cands, identity: str | None, gold: dict, article) -> list[int]:
    """Indices (1-based, 0 = none) of candidates whose entity has a mention on a gold mention of `identity`."""
    if identity is None:
        return [0]
    gold_spans = [(m["start"], m["end"]) for m in gold["entities"] if m["identity"] == identity]
    mentions = {e.id: e.mentions for e in article.entities}
    out = []
    for i, c in enumerate(cands, start=1):
        if any(_overlap(m.start, m.end, s, e) for m in mentions[c.entity] for s, e in gold_spans):
            out.append(i)
    return out


def examples(items: list[dict]) -> dict[str, list]:
    ex: dict[str, list] = {"trigger": [], "modality": [], "actor": [], "target": []}
    for item in items:
        doc, article, gold = item["doc"], item["article"], item["gold"]
        ctx = build_context(doc, article)
        label_of, skip = {}, set()
        for g in gold["events"]:
            root, toks = trigger_root(doc, g["trigger"])
            if root is None:
                continue
            skip |= set(toks) - {root.i}
            if g.get("optional"):
                if OPTIONAL_AS_EVENTS:
                    label_of.setdefault(root.i, g)
                else:
                    skip.add(root.i)
                continue
            label_of[root.i] = g
            in_quote = root.i in ctx.quote_of
            ex["modality"].append((modality_features(root, g["type"], in_quote), g["modality"]))
            cands = candidates_for(ctx, root, set(toks))
            for role in ("actor", "target"):
                right = right_candidates(cands, g.get(role), gold, article)
                if right:
                    feats = candidate_features(root, cands, g["type"], role)
                    best = min(right, key=lambda i: 0 if i == 0 else (cands[i - 1].where != "sent",
                                                                          abs(cands[i - 1].head - root.i)))
                    ex[role].append((feats, best))
        for tok in doc:
            if tok.i in skip or not is_candidate(tok):
                continue
            g = label_of.get(tok.i)
            ex["trigger"].append((token_features(tok, ctx), g["type"] if g else NO_EVENT))
    return ex


def train(ex: dict[str, list], epochs: int) -> dict:
    labels = sorted({lab for _, lab in ex["trigger"]} | {NO_EVENT})
    return {"trigger": train_classifier(ex["trigger"], labels, epochs=epochs),
            "modality": train_classifier(ex["modality"], MODALITIES, epochs=epochs),
            "actor": train_ranker(ex["actor"], epochs=epochs),
            "target": train_ranker(ex["target"], epochs=epochs)}


def evaluate(models: dict, items: list[dict], trigger_margin: float, actor_margin: float,
             target_margin: float | None = None) -> dict:
    bundle = EventModels(models["trigger"], models["modality"], models["actor"], models["target"],
                         trigger_margin, actor_margin, actor_margin if target_margin is None else target_margin)
    tally = EventTally()
    for item in items:
        pred = item["article"].to_json()
        pred["events"] = learned_events(item["doc"], item["article"], bundle)
        tally.add(score_events(item["gold"], pred))
    return tally.result()


def _best(grid: list, kind: str) -> float:
    return max((g for g in grid if g[0] == kind), key=lambda g: g[2])[1]


def choose_margins(models: dict, items: list[dict]) -> tuple[float, float, float, list]:
    """Trigger margin by type+trigger F1, then one argument margin by full F1, then the target's
    own margin with the actor's fixed at it, on the tuning items."""
    grid = []
    for m in TRIGGER_MARGINS:
        grid.append(("trigger", m, evaluate(models, items, m, 0.0)["typed"]["f1"]))
    best_t = _best(grid, "trigger")
    for m in ARGUMENT_MARGINS:
        grid.append(("argument", m, evaluate(models, items, best_t, m)["full"]["f1"]))
    best_a = _best(grid, "argument")
    for m in ARGUMENT_MARGINS:
        grid.append(("target", m, evaluate(models, items, best_t, best_a, m)["full"]["f1"]))
    return best_t, best_a, _best(grid, "target"), grid


def summary(res: dict) -> dict:
    return {"typed_p": round(res["typed"]["precision"], 4), "typed_r": round(res["typed"]["recall"], 4),"typed_f1": round(res["typed"]["f1"], 4), "full_f1": round(res["full"]["f1"], 4),
            "trigger_f1": round(res["trigger"]["f1"], 4),
            "actor_identity_accuracy": round(res["actor_identity_accuracy_on_typed"], 4),
            "target_identity_accuracy": round(res["target_identity_accuracy_on_typed"], 4),
            "modality_accuracy": round(res["modality_accuracy_on_typed"], 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--out", type=Path, default=paths.models_dir() / MODEL_DIR)
    args = ap.parse_args(argv)
    t0 = time.time()
    nlp = load_nlp()
    items = corpus_items(nlp)
    dev = facts_dev_items(nlp)
    print(f"parsed {len(items)} training-part articles and {len(dev)} facts_dev articles in {time.time() - t0:.0f}s",
          file=sys.stderr)
    fit = [it for it in items if not it["tune"]]
    tune = [it for it in items if it["tune"]]
    models = train(examples(fit), args.epochs)
    trigger_margin, actor_margin, target_margin, grid = choose_margins(models, tune + dev)
    margins = (trigger_margin, actor_margin, target_margin)
    tuned = {"tuning_slice": summary(evaluate(models, tune, *margins)),
             "facts_dev": summary(evaluate(models, dev, *margins))}
    print(json.dumps({"margins": margins, "tuned": tuned}, indent=1), file=sys.stderr)
    ex = examples(items)
    final = train(ex, args.epochs)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, fname in FILES.items():
        write_json(args.out / fname, final[name].to_json())
    meta = {
        "name": "de_events", "files": sorted(FILES.values()),
        "data": f"lagebild corpus, training part ({len(items)} articles; held-out part never read)",
        "command": "OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python training/learn_events.py",
        "license": "CC BY-NC-SA 4.0 (derived from the corpus annotations and their CC BY-NC-SA source texts)",
        "trigger_margin": trigger_margin, "actor_margin": actor_margin, "target_margin": target_margin,
        "epochs": args.epochs,
        "examples": {k: len(v) for k, v in ex.items()},
        "margin_grid": [[kind, m, round(f1, 4)] for kind, m, f1 in grid],
        "tuning_with_fit_models": tuned,
        "versions": {"python": platform.python_version(), "spacy": spacy.__version__},
        "format": "averaged perceptron weights as JSON (lagebild.nlp.perceptron)",
    }
    write_json(args.out / "meta.json", meta)
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""PLOVER events against `lagebild_facts_dev` (24 hand-annotated WikiNews dev articles).

A predicted event matches a gold event when the triggers overlap (one-to-one, in text order);
it is typed-correct when its type is the gold type or one of the gold `accept` types. On typed
matches: the actor is right when the predicted actor mention overlaps a gold mention of the gold
actor identity; modality and negation are compared as they are. Optional gold events neither
reward nor penalise. Dev data: the trigger lexicon was written with these articles in view.
"""
from __future__ import annotations

import json
from pathlib import Path

import lagebild


def _texts(wikinews_dev: Path) -> dict[str, str]:
    with open(wikinews_dev, encoding="utf-8") as fh:
        return {rec["file"]: rec["originalText"] for rec in map(json.loads, fh)}


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _prf(hits: int, n_pred: int, n_gold: int) -> dict:
    p, r = (hits / n_pred if n_pred else 0.0), (hits / n_gold if n_gold else 0.0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate_events(facts_dir: Path, wikinews_dev: Path) -> dict:
    texts = _texts(wikinews_dev)
    n_gold = n_pred = hits = typed = actor_ok = actor_total = mod_ok = neg_ok = 0
    by_type: dict[str, dict[str, int]] = {}
    for path in sorted(facts_dir.glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        out = lagebild.analyze(texts[facts["file"]], date=(facts.get("date") or "")[:10] or None, id=path.stem)
        gold = [g for g in facts["events"] if not g.get("optional")]
        optional = [g for g in facts["events"] if g.get("optional")]
        preds = [p for p in out["events"]
                 if not any(_overlap(p["trigger"], o["trigger"]) for o in optional)
                 or any(_overlap(p["trigger"], g["trigger"]) for g in gold)]
        mentions_of: dict[str, list[dict]] = {}
        for m in facts["entities"]:
            mentions_of.setdefault(m["identity"], []).append(m)
        n_gold += len(gold)
        n_pred += len(preds)
        used: set[int] = set()
        for g in gold:
            row = by_type.setdefault(g["type"], {"gold": 0, "found": 0})
            row["gold"] += 1
            for i, p in enumerate(preds):
                if i in used or not _overlap(p["trigger"], g["trigger"]):
                    continue
                used.add(i)
                hits += 1
                if p["type"] == g["type"] or p["type"] in g.get("accept", []):
                    typed += 1
                    row["found"] += 1
                    mod_ok += p["modality"] == g["modality"]
                    neg_ok += p["negated"] == g["negated"]
                    if g.get("actor"):
                        actor_total += 1
                        mention = (p.get("actor") or {}).get("mention")
                        actor_ok += bool(mention) and any(_overlap(mention, m) for m in mentions_of.get(g["actor"], []))
                break
        for p in preds:
            by_type.setdefault(p["type"], {"gold": 0, "found": 0}).setdefault("predicted", 0)
            by_type[p["type"]]["predicted"] += 1
    return {
        "articles": len(list(facts_dir.glob("*.json"))), "gold": n_gold, "predicted": n_pred,
        "trigger": _prf(hits, n_pred, n_gold), "typed": _prf(typed, n_pred, n_gold),
        "actor_accuracy_on_typed": actor_ok / actor_total if actor_total else 0.0,
        "modality_accuracy_on_typed": mod_ok / typed if typed else 0.0,
        "negation_accuracy_on_typed": neg_ok / typed if typed else 0.0,
        "by_type": by_type,
    }


def format_events(res: dict) -> str:
    lines = [f"lagebild_facts_dev: {res['articles']} articles, {res['gold']} gold events, "
             f"{res['predicted']} predicted (dev data; lexicon written with it in view)"]
    for key in ("trigger", "typed"):
        m = res[key]
        lines.append(f"{key:8s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"actor accuracy on typed matches:    {res['actor_accuracy_on_typed']:.3f}")
    lines.append(f"modality accuracy on typed matches: {res['modality_accuracy_on_typed']:.3f}")
    lines.append(f"negation accuracy on typed matches: {res['negation_accuracy_on_typed']:.3f}")
    lines.append("type        gold  found  predicted")
    for etype, row in sorted(res["by_type"].items()):
        lines.append(f"{etype:10s} {row['gold']:5d} {row['found']:6d} {row.get('predicted', 0):10d}")
    return "\n".join(lines)

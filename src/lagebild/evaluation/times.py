"""Times and amounts against `lagebild_facts_dev` (24 hand-annotated WikiNews dev articles).

Spans are matched exactly and by overlap; on matched spans the normalised value is compared.
Gold items marked `optional` neither reward nor penalise. This is dev data: the rules were
written with it in view, so the figures are optimistic for unseen text.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from lagebild.time.rules import find_amounts, find_times


def _load_texts(wikinews_dev: Path) -> dict[str, str]:
    texts = {}
    with open(wikinews_dev, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["file"]] = rec["originalText"]
    return texts


def _score(gold: list[dict], pred: list[dict], value_key: str = "value") -> dict:
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]

    def overlaps(a, b):
        return a["start"] < b["end"] and b["start"] < a["end"]

    pred = [p for p in pred if not any(overlaps(p, o) for o in optional) or any(overlaps(p, g) for g in required)]
    exact = sum(any(p["start"] == g["start"] and p["end"] == g["end"] for p in pred) for g in required)
    matched, values = 0, 0
    used: set[int] = set()
    for g in required:
        for i, p in enumerate(pred):
            if i not in used and overlaps(p, g):
                used.add(i)
                matched += 1
                values += str(p.get(value_key)) == str(g.get(value_key))
                break
    n_pred, n_gold = len(pred), len(required)

    def f1(hits):
        prec, rec = (hits / n_pred if n_pred else 0.0), (hits / n_gold if n_gold else 0.0)
        return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}

    return {"gold": n_gold, "predicted": n_pred, "exact": f1(exact), "overlap": f1(matched),
            "value_accuracy_on_overlap": values / matched if matched else 0.0}


def evaluate_times(facts_dir: Path, wikinews_dev: Path) -> dict:
    texts = _load_texts(wikinews_dev)
    gold_t, pred_t, gold_a, pred_a = [], [], [], []
    for path in sorted(facts_dir.glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        text = texts[facts["file"]]
        anchor = date.fromisoformat(facts["date"][:10]) if facts.get("date") else None
        times = find_times(text, anchor)
        amounts = find_amounts(text, [(t["start"], t["end"]) for t in times])
        offset = len(gold_t) and 0  # articles are scored jointly; keep spans per article distinct
        key = path.stem
        gold_t += [{**g, "start": (key, g["start"]), "end": (key, g["end"])} for g in facts["times"]]
        pred_t += [{**p, "start": (key, p["start"]), "end": (key, p["end"])} for p in times]
        gold_a += [{**g, "start": (key, g["start"]), "end": (key, g["end"])} for g in facts["amounts"]]
        pred_a += [{**p, "start": (key, p["start"]), "end": (key, p["end"])} for p in amounts]
        del offset
    return {"articles": len(list(facts_dir.glob("*.json"))), "times": _score(gold_t, pred_t),
            "amounts": _score(gold_a, pred_a)}


def format_times(res: dict) -> str:
    lines = [f"lagebild_facts_dev: {res['articles']} articles (dev data; rules written with it in view)"]
    for kind in ("times", "amounts"):
        r = res[kind]
        lines.append(f"{kind}: gold {r['gold']}, predicted {r['predicted']}")
        for mode in ("exact", "overlap"):
            m = r[mode]
            lines.append(f"  {mode:8s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        lines.append(f"  value accuracy on overlapping matches: {r['value_accuracy_on_overlap']:.3f}")
    return "\n".join(lines)

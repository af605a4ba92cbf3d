"""PLOVER events against `lagebild_facts_dev` (24 hand-annotated WikiNews dev articles).

A predicted event matches a gold event when the triggers overlap (one-to-one, in text order);
it is typed-correct when its type is the gold type or one of the gold `accept` types. On typed
matches: the actor is right when the predicted actor mention overlaps a gold mention of the gold
actor identity; modality and negation are compared as they are. A typed match is fully right
when actor, target and negation are right as well; for the full figure an argument is right when
a mention of the predicted identity overlaps a mention of the gold identity, or both are null,
or (corpus annotations, whose identities carry a corpus-wide `key`) both have the same key.
Optional gold events neither reward nor penalise. Dev data: the trigger lexicon was written with
these articles in view.

`score_events(gold, pred)` scores one article (gold annotation, `lagebild/1` prediction);
`EventTally` sums articles; `evaluate_events` runs the pipeline over the dev articles.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import lagebild

COUNTS = ("gold", "predicted", "hits", "typed", "full", "actor_ok", "actor_total", "mod_ok", "neg_ok",
          "actor_right", "target_right")
NO_EVENT = "-"  # the row/column of the confusion table for a missed or spurious event


def _texts(wikinews_dev: Path) -> dict[str, str]:
    with open(wikinews_dev, encoding="utf-8") as fh:
        return {rec["file"]: rec["originalText"] for rec in map(json.loads, fh)}


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _prf(hits: int, n_pred: int, n_gold: int) -> dict:
    p, r = (hits / n_pred if n_pred else 0.0), (hits / n_gold if n_gold else 0.0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _gold_mentions(gold: dict) -> dict[str, list[dict]]:
    """Gold mentions by identity key."""
    out: dict[str, list[dict]] = {}
    for m in gold["entities"]:
        out.setdefault(m["identity"], []).append(m)
    return out


def _pred_mentions(pred: dict) -> dict[str, list[dict]]:
    """Predicted mentions by entity id (`lagebild/1` entities)."""
    return {e["id"]: list(e["mentions"]) for e in pred.get("entities", [])}


def scored_predictions(gold_events: list[dict], pred_events: list[dict]) -> list[dict]:
    """Predicted events, without those that only overlap optional gold events."""
    required = [g for g in gold_events if not g.get("optional")]
    optional = [g for g in gold_events if g.get("optional")]
    return [p for p in pred_events
            if not any(_overlap(p["trigger"], o["trigger"]) for o in optional)
            or any(_overlap(p["trigger"], g["trigger"]) for g in required)]


def _corpus_keys(gold: dict, pred: dict) -> tuple[dict, dict]:
    """(predicted entity id -> corpus key, gold identity -> corpus key), where the data has keys."""
    return ({e["id"]: e["key"] for e in pred.get("entities", []) if e.get("key")},
            {k: v["key"] for k, v in gold.get("identities", {}).items() if v.get("key")})


def argument_right(pred_arg: dict | None, gold_key: str | None, pred_mentions: dict[str, list[dict]],
                   gold_mentions: dict[str, list[dict]], keys: tuple[dict, dict] = ({}, {})) -> bool:
    """True when both identities are null, a mention of the predicted one overlaps a gold one,
    or both have the same corpus key (`keys` as `_corpus_keys` gives them)."""
    pred_id = (pred_arg or {}).get("entity")
    if gold_key is None or pred_id is None:
        return gold_key is None and pred_id is None
    if keys[0].get(pred_id) is not None and keys[0].get(pred_id) == keys[1].get(gold_key):
        return True
    mine = list(pred_mentions.get(pred_id, []))
    if (pred_arg or {}).get("mention"):
        mine.append(pred_arg["mention"])
    return any(_overlap(m, g) for m in mine for g in gold_mentions.get(gold_key, []))


def _typed_right(p: dict, g: dict) -> bool:
    return p["type"] == g["type"] or p["type"] in g.get("accept", [])


def _actor_mention_right(p: dict, g: dict, gold_mentions: dict[str, list[dict]]) -> bool:
    mention = (p.get("actor") or {}).get("mention")
    return bool(mention) and any(_overlap(mention, m) for m in gold_mentions.get(g["actor"], []))


def _event_text(ev: dict) -> str:
    return ev["trigger"].get("text") or f"{ev['trigger']['start']}-{ev['trigger']['end']}"


def score_events(gold: dict, pred: dict) -> dict:
    """Counts of one article: gold annotation (events, entities) against a `lagebild/1` prediction.

    Besides the counts it lists the disagreements: `missed` gold events, `spurious` predictions,
    `confusions` (matched triggers of another type) and `arguments` (typed matches whose actor,
    target or negation differ), each as (gold type or None, predicted type or None, trigger text);
    `pairs` has one (gold type, predicted type) per gold or predicted event, `NO_EVENT` for none.
    """
    gold_events = [g for g in gold["events"] if not g.get("optional")]
    preds = scored_predictions(gold["events"], pred.get("events", []))
    gold_mentions, pred_mentions, keys = _gold_mentions(gold), _pred_mentions(pred), _corpus_keys(gold, pred)
    c = Counter(gold=len(gold_events), predicted=len(preds))
    by_type: dict[str, dict[str, int]] = {}
    lists: dict[str, list] = {"missed": [], "spurious": [], "confusions": [], "arguments": [], "pairs": []}
    used: set[int] = set()
    for g in gold_events:
        row = by_type.setdefault(g["type"], {"gold": 0, "found": 0})
        row["gold"] += 1
        i = next((i for i, p in enumerate(preds) if i not in used and _overlap(p["trigger"], g["trigger"])), None)
        if i is None:
            lists["missed"].append((g["type"], None, _event_text(g)))
            lists["pairs"].append((g["type"], NO_EVENT))
            continue
        used.add(i)
        p = preds[i]
        c["hits"] += 1
        lists["pairs"].append((g["type"], g["type"] if _typed_right(p, g) else p["type"]))
        if not _typed_right(p, g):
            lists["confusions"].append((g["type"], p["type"], _event_text(g)))
            continue
        c["typed"] += 1
        row["found"] += 1
        c["mod_ok"] += p["modality"] == g["modality"]
        c["neg_ok"] += p["negated"] == g["negated"]
        if g.get("actor"):
            c["actor_total"] += 1
            c["actor_ok"] += _actor_mention_right(p, g, gold_mentions)
        wrong = [name for name in ("actor", "target")
                 if not argument_right(p.get(name), g.get(name), pred_mentions, gold_mentions, keys)]
        c["actor_right"] += "actor" not in wrong
        c["target_right"] += "target" not in wrong
        wrong += ["negated"] if p["negated"] != g["negated"] else []
        c["full"] += not wrong
        if wrong:
            lists["arguments"].append((g["type"], "+".join(wrong), _event_text(g)))
    for i, p in enumerate(preds):
        by_type.setdefault(p["type"], {"gold": 0, "found": 0}).setdefault("predicted", 0)
        by_type[p["type"]]["predicted"] += 1
        if i not in used:
            lists["spurious"].append((None, p["type"], _event_text(p)))
            lists["pairs"].append((NO_EVENT, p["type"]))
    return {**{k: c[k] for k in COUNTS}, "by_type": by_type, **lists}


class EventTally:
    """Sums of `score_events` over articles, and the figures of the sums."""

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.by_type: dict[str, dict[str, int]] = {}
        self.confusion: Counter = Counter()
        self.articles = 0

    def add(self, counts: dict) -> None:
        self.articles += 1
        for k in COUNTS:
            self.c[k] += counts[k]
        for etype, row in counts["by_type"].items():
            mine = self.by_type.setdefault(etype, {"gold": 0, "found": 0})
            for k, v in row.items():
                mine[k] = mine.get(k, 0) + v
        self.confusion.update(tuple(pair) for pair in counts.get("pairs", []))

    def result(self) -> dict:
        c = self.c
        return {
            "articles": self.articles, "gold": c["gold"], "predicted": c["predicted"],
            "trigger": _prf(c["hits"], c["predicted"], c["gold"]),
            "typed": _prf(c["typed"], c["predicted"], c["gold"]),
            "full": _prf(c["full"], c["predicted"], c["gold"]),
            "actor_accuracy_on_typed": c["actor_ok"] / c["actor_total"] if c["actor_total"] else 0.0,
            "actor_identity_accuracy_on_typed": c["actor_right"] / c["typed"] if c["typed"] else 0.0,
            "target_identity_accuracy_on_typed": c["target_right"] / c["typed"] if c["typed"] else 0.0,
            "modality_accuracy_on_typed": c["mod_ok"] / c["typed"] if c["typed"] else 0.0,
            "negation_accuracy_on_typed": c["neg_ok"] / c["typed"] if c["typed"] else 0.0,
            "by_type": self.by_type,
            "confusion": [[g, p, n] for (g, p), n in sorted(self.confusion.items())],
        }


def evaluate_events(facts_dir: Path, wikinews_dev: Path) -> dict:
    """Run the pipeline on every dev article and score its events."""
    texts = _texts(wikinews_dev)
    tally = EventTally()
    for path in sorted(facts_dir.glob("*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        out = lagebild.analyze(texts[facts["file"]], date=(facts.get("date") or "")[:10] or None, id=path.stem)
        tally.add(score_events(facts, out))
    return {"data": "lagebild_facts_dev", **tally.result()}


def evaluate_events_corpus(part: str = "test") -> dict:
    """Run the pipeline on the corpus articles of one part ("test": the held-out part) and score
    their events against the corpus annotation (arguments also compared by corpus key)."""
    from lagebild.corpus.loader import load_corpus

    tally = EventTally()
    for joined in load_corpus(part):
        out = lagebild.analyze(joined["text"], date=(joined.get("date") or "")[:10] or None, id=joined["id"])
        tally.add(score_events(joined, out))
    return {"data": f"corpus {part} part", **tally.result()}


def _type_f1(row: dict) -> float:
    denom = row["gold"] + row.get("predicted", 0)
    return 2 * row["found"] / denom if denom else 0.0


def format_confusion(confusion: list[list]) -> list[str]:
    """Gold types as rows, predicted types as columns; `-` is no event (missed / spurious)."""
    cells = {(g, p): n for g, p, n in confusion}
    types = sorted({g for g, _, _ in confusion} | {p for _, p, _ in confusion})
    head = "gold\\pred " + " ".join(f"{t[:5]:>5s}" for t in types)
    rows = [f"{g[:10]:10s} " + " ".join(f"{cells.get((g, p), 0) or '.':>5}" for p in types) for g in types]
    return [head, *rows]


def format_events(res: dict) -> str:
    note = " (dev data; lexicon written with it in view)" if res.get("data", "lagebild_facts_dev") == "lagebild_facts_dev" else ""
    lines = [f"{res.get('data', 'lagebild_facts_dev')}: {res['articles']} articles, {res['gold']} gold events, "
             f"{res['predicted']} predicted{note}"]
    for key in ("trigger", "typed", "full"):
        m = res[key]
        lines.append(f"{key:8s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append("(typed: type + trigger; full: type, actor, target and negation all right)")
    lines.append(f"actor accuracy on typed matches:    {res['actor_accuracy_on_typed']:.3f}  (mention)")
    if "actor_identity_accuracy_on_typed" in res:
        lines.append(f"actor identity accuracy (typed):    {res['actor_identity_accuracy_on_typed']:.3f}")
        lines.append(f"target identity accuracy (typed):   {res['target_identity_accuracy_on_typed']:.3f}")
    lines.append(f"modality accuracy on typed matches: {res['modality_accuracy_on_typed']:.3f}")
    lines.append(f"negation accuracy on typed matches: {res['negation_accuracy_on_typed']:.3f}")
    lines.append("type        gold  found  predicted  F1")
    for etype, row in sorted(res["by_type"].items()):
        lines.append(f"{etype:10s} {row['gold']:5d} {row['found']:6d} {row.get('predicted', 0):10d}  {_type_f1(row):.3f}")
    if res.get("confusion"):
        lines += ["confusion of types (matched triggers, missed and spurious events):", *format_confusion(res["confusion"])]
    return "\n".join(lines)


def events_fully_right(gold: dict, pred: dict) -> int:
    """How many gold events (optional ones included) a prediction has with the right trigger,
    type, actor and target: the example article's figure."""
    gold_mentions, pred_mentions, keys = _gold_mentions(gold), _pred_mentions(pred), _corpus_keys(gold, pred)
    used: set[int] = set()
    right = 0
    for g in gold["events"]:
        for i, p in enumerate(pred.get("events", [])):
            if i in used or not _overlap(p["trigger"], g["trigger"]) or not _typed_right(p, g):
                continue
            if all(argument_right(p.get(k), g.get(k), pred_mentions, gold_mentions, keys) for k in ("actor", "target")):
                used.add(i)
                right += 1
                break
    return right

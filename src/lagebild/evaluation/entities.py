"""Entities inside one article, measured on `lagebild_facts_dev` (24 hand-annotated WikiNews articles).

`evaluate_entities(facts_dir)` runs `lagebild.analyze()` on each article text (with its date) and
compares `entities` with the gold `entities`/`identities` of the annotation (see the folder's
GUIDELINE.md). Gold items marked `optional` are removed from the gold side, and predictions on
exactly their spans are ignored. Three figures (micro averages over all articles, in percent):

* **named mentions**: strict span match of mentions of form name/deriv/part against gold kinds
  name/deriv/part, once on the span alone and once on span + type (gold mention label against
  the predicted entity's type); `per_form` gives the span figures per gold kind / predicted form.
* **identities**: B-cubed precision/recall/F1 over the gold mentions (any kind) that the system
  also found with the exact span: do the mentions the system put together refer to the same gold
  identity? `found` says how many gold mentions that is. A span that is a named mention of one
  referent and a nominal of another ("US-Präsident") is matched within its class; a span of two
  gold referents of the same class ("Israel-Libanon-Konflikt") is left out.
* **person roles**: (person, role) pairs of PER identities. A predicted entity stands for the gold
  identity most of its exactly matched mentions point to; roles match after `normalise_role`
  (head noun phrase, case-folded, without a name prefix such as "US-" and without an inflection
  ending). Roles of
  predicted persons that match no gold identity count as false positives.

The articles are development data: the rules and word lists were tuned on them.
"""
from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from lagebild.article import NAMED_FORMS as NAMED


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def _texts(facts_dir: Path) -> dict[str, str]:
    """Article texts by file key, from `../wikinews_quotes/dev.jsonl`."""
    path = facts_dir.parent / "wikinews_quotes" / "dev.jsonl"
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["file"]] = d["originalText"]
    return out


def _bcubed(items: list[tuple[Any, Any]]) -> tuple[float, float]:
    """Summed B-cubed precision and recall over items (gold cluster, system cluster)."""
    gold_size = Counter(g for g, _ in items)
    sys_size = Counter(s for _, s in items)
    both = Counter(items)
    p = sum(both[(g, s)] / sys_size[s] for g, s in items)
    r = sum(both[(g, s)] / gold_size[g] for g, s in items)
    return p, r


def score_article(gold: dict, pred_entities: list[dict], text: str) -> dict[str, Any]:
    """Counts of one article (gold annotation dict, predicted `entities` of lagebild/1)."""
    from lagebild.entities.roles import normalise_role

    # an optional nominal does not hide a required part on the same span ("UN-Truppen")
    optional = {(m["start"], m["end"], m["kind"] in NAMED) for m in gold["entities"] if m.get("optional")}
    required = {(m["start"], m["end"], m["kind"] in NAMED) for m in gold["entities"] if not m.get("optional")}
    optional -= required
    gmentions = [m for m in gold["entities"] if not m.get("optional")]
    pmentions = [(m["start"], m["end"], e["type"], e["id"], m["form"])
                 for e in pred_entities for m in e["mentions"]
                 if (m["start"], m["end"], m["form"] in NAMED) not in optional]

    counts: dict[str, Any] = {}
    g_span = {(m["start"], m["end"]) for m in gmentions if m["kind"] in NAMED}
    p_span = {(s, e) for s, e, _, _, f in pmentions if f in NAMED}
    g_typed = {(m["start"], m["end"], m["label"]) for m in gmentions if m["kind"] in NAMED}
    p_typed = {(s, e, t) for s, e, t, _, f in pmentions if f in NAMED}
    counts["span"] = (len(g_span & p_span), len(p_span), len(g_span))
    counts["typed"] = (len(g_typed & p_typed), len(p_typed), len(g_typed))
    for form in NAMED:
        gs = {(m["start"], m["end"]) for m in gmentions if m["kind"] == form}
        ps = {(s, e) for s, e, _, _, f in pmentions if f == form}
        counts[f"form_{form}"] = (len(gs & p_span), len(ps & g_span), len(ps), len(gs))
    counts["missed"] = sorted(text[s:e] for s, e in g_span - p_span)
    counts["spurious"] = sorted(text[s:e] for s, e in p_span - g_span)

    # identities: B-cubed over gold mentions the system found. One span can be two mentions
    # ("US-Präsident": part of the USA, nominal of the president), so spans are matched within
    # their class (named: name/deriv/part; other: nominal/pronoun), falling back to any class.
    sys_of: dict[tuple, str] = {}
    for s, e, _, eid, f in pmentions:
        sys_of.setdefault((s, e, f in NAMED), eid)
        sys_of.setdefault((s, e), eid)
    gold_of: dict[tuple, set[str]] = defaultdict(set)
    for m in gmentions:
        gold_of[(m["start"], m["end"], m["kind"] in NAMED)].add(m["identity"])
    items = []
    for (s, e, named), idents in gold_of.items():
        if len(idents) > 1:
            continue   # one span, two referents ("Israel-Libanon-Konflikt"): no single answer
        eid = sys_of.get((s, e, named), sys_of.get((s, e)))
        if eid is not None:
            items.append((next(iter(idents)), eid))
    bp, br = _bcubed(items)
    counts["bcubed"] = (bp, br, len(items), sum(1 for v in gold_of.values() if len(v) == 1))

    # person roles
    all_gold: dict[tuple[int, int], str] = {}
    for m in sorted(gold["entities"], key=lambda m: m["label"] != "PER"):
        all_gold.setdefault((m["start"], m["end"]), m["identity"])   # a person first
    g_roles = {(key, normalise_role(r["role"])) for key, ident in gold["identities"].items()
               if ident.get("label") == "PER" for r in ident.get("roles", [])}
    p_roles = set()
    for e in pred_entities:
        if e["type"] != "PER" or not e["roles"]:
            continue
        votes = Counter(all_gold[(m["start"], m["end"])] for m in e["mentions"]
                        if (m["start"], m["end"]) in all_gold)
        ident = votes.most_common(1)[0][0] if votes else ("system", e["id"])
        for r in e["roles"]:
            p_roles.add((ident, normalise_role(r["role"])))
    counts["roles"] = (len(g_roles & p_roles), len(p_roles), len(g_roles))
    counts["roles_missed"] = sorted(f"{gold['identities'][k]['name']}: {r}" for k, r in g_roles - p_roles)
    counts["roles_spurious"] = sorted(f"{k if isinstance(k, str) else k[1]}: {r}" for k, r in p_roles - g_roles)
    return counts


def _models() -> dict[str, Any]:
    from lagebild import paths
    from lagebild.pipeline import load_nlp

    nlp = load_nlp()
    return {"models_dir": str(paths.models_dir()), "pipes": list(nlp.pipe_names),
            "notes": list(nlp.meta.get("lagebild_notes", []))}


def evaluate_entities(facts_dir: Path) -> dict:
    """Named-mention F1, identity B-cubed and person-role F1 on the dev articles."""
    facts_dir = Path(facts_dir)
    texts = _texts(facts_dir)

    def articles():
        for path in sorted(facts_dir.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            yield path.stem, gold, texts[gold["file"]]

    return {"data": str(facts_dir), **score_articles(articles())}


def analyzed_entities(article_id: str, text: str, date: str | None, failed: list[str]) -> list[dict]:
    """`entities` of `lagebild.analyze()`; a failing article is noted in `failed` and finds nothing."""
    from lagebild.analysis import analyze

    try:
        return analyze(text, date=date, id=article_id)["entities"]
    except Exception as err:  # noqa: BLE001 - a failing article scores as finding nothing
        failed.append(f"{article_id}: {type(err).__name__}: {err}")
        return []


def score_articles(articles) -> dict:
    """Micro-averaged figures over (id, gold annotation, text) triples, each analysed here."""
    t0 = time.time()
    total: dict[str, list] = defaultdict(lambda: [0, 0, 0])
    forms: dict[str, list] = defaultdict(lambda: [0, 0, 0, 0])
    b_p = b_r = 0.0
    b_items = b_gold = 0
    errors = []
    failed: list[str] = []
    for article_id, gold, text in articles:
        predicted = analyzed_entities(article_id, text, gold.get("date"), failed)
        c = score_article(gold, predicted, text)
        for k in ("span", "typed", "roles"):
            for i in range(3):
                total[k][i] += c[k][i]
        for form in NAMED:
            for i in range(4):
                forms[form][i] += c[f"form_{form}"][i]
        b_p += c["bcubed"][0]
        b_r += c["bcubed"][1]
        b_items += c["bcubed"][2]
        b_gold += c["bcubed"][3]
        errors.append({"id": article_id, "missed": c["missed"], "spurious": c["spurious"],
                       "roles_missed": c["roles_missed"], "roles_spurious": c["roles_spurious"]})
    bp = b_p / b_items if b_items else 0.0
    br = b_r / b_items if b_items else 0.0
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    return {
        "articles": len(errors), "seconds": round(time.time() - t0, 1),
        "models": _models(),
        "named_span": _prf(*total["span"]),
        "named_typed": _prf(*total["typed"]),
        "per_form": {f: {"recall": round(100 * v[0] / v[3], 1) if v[3] else 0.0,
                         "precision": round(100 * v[1] / v[2], 1) if v[2] else 0.0,
                         "pred": v[2], "gold": v[3]} for f, v in forms.items()},
        "identities_bcubed": {"p": round(100 * bp, 1), "r": round(100 * br, 1), "f1": round(100 * bf, 1),
                              "found": b_items, "gold": b_gold},
        "person_roles": _prf(*total["roles"]),
        "failed": failed,
        "errors": errors,
    }


def format_entities(res: dict, title: str = "lagebild_facts_dev", note: str = "dev data: rules were tuned on it") -> str:
    """A short text report of `evaluate_entities` (the errors stay in --json)."""
    def line(name: str, d: dict) -> str:
        return (f"{name:<26} P {d['p']:5.1f}  R {d['r']:5.1f}  F1 {d['f1']:5.1f}"
                f"   (tp {d['tp']}, pred {d['pred']}, gold {d['gold']})")

    b = res["identities_bcubed"]
    out = [
        f"{title}: {res['articles']} articles in {res['seconds']} s ({note})",
        f"models: {res['models']['models_dir']}  pipes: {', '.join(res['models']['pipes'])}",
    ]
    out += [f"  note: {n}" for n in res["models"]["notes"]]
    out += [
        line("named mentions (span)", res["named_span"]),
        line("named mentions (span+type)", res["named_typed"]),
    ]
    for form, d in res["per_form"].items():
        out.append(f"  {form:<8} recall {d['recall']:5.1f}  precision {d['precision']:5.1f}"
                   f"  (pred {d['pred']}, gold {d['gold']})")
    out.append(f"{'identities (B-cubed)':<26} P {b['p']:5.1f}  R {b['r']:5.1f}  F1 {b['f1']:5.1f}"
               f"   (over {b['found']} of {b['gold']} gold mentions found)")
    out.append(line("person roles", res["person_roles"]))
    out += [f"FAILED (scored as empty): {f}" for f in res.get("failed", [])]
    return "\n".join(out)

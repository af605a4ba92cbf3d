"""Cross-article identities, measured on the corpus's held-out part.

Each article of the part is analysed (`lagebild.analyze()`), and its entities are placed in one
`lagebild.store.identities.IdentityIndex`, article after article, as the store does. The gold
side is the corpus-wide `key` of each gold identity (GUIDELINE.md: two articles that mean the same
referent use the same key). B-cubed precision/recall/F1 runs over the gold mentions (any kind) that
the system found with the exact span, as in `lagebild eval entities`, but over all articles
together: gold cluster = corpus key, system cluster = store identity.

**Merged namesakes**: store identities whose found mentions belong to two or more gold keys whose
names have the same identity key for the store (same type, same surname or folded name), i.e.
different referents that share a name and were joined. `merged` counts every store identity with
two or more gold keys.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict

from lagebild.evaluation.entities import NAMED, _bcubed, analyzed_entities, _models
from lagebild.store.identities import EntityIn, IdentityIndex, fold, is_local, parse_person


def entities_in(doc_id: str, entities: list[dict]) -> list[EntityIn]:
    """Resolver input from predicted `entities` of lagebild/1 (roles with the name of their `of`)."""
    names = {e["id"]: e.get("name") or "" for e in entities}
    return [EntityIn(doc_id, e["id"], e.get("name") or "", e.get("type") or "OTH",
                     [(r.get("role") or "", names.get(r.get("of")) if r.get("of") else None)
                      for r in e.get("roles") or []],
                     is_local([m.get("form", "name") for m in e.get("mentions") or []] or ["name"]))
            for e in entities]


def name_key(label: str, name: str) -> tuple[str, str]:
    """What the store's index keys a name by: a person's surname, otherwise the folded name."""
    return label, parse_person(name).key if label == "PER" else fold(name)


def gold_items(article_id: str, gold: dict, entities: list[dict], placed: dict) -> list[tuple[str, str]]:
    """(gold corpus key, store identity) for each gold mention found with its exact span."""
    sys_of: dict[tuple, str] = {}
    for e in entities:
        for m in e["mentions"]:
            ident = placed.get(e["id"], (f"{article_id}/{e['id']}",))[0]
            sys_of.setdefault((m["start"], m["end"], m["form"] in NAMED), ident)
            sys_of.setdefault((m["start"], m["end"]), ident)
    gold_of: dict[tuple, set[str]] = defaultdict(set)
    for m in gold["entities"]:
        if m.get("optional"):
            continue
        ident = gold["identities"].get(m["identity"], {})
        gold_of[(m["start"], m["end"], m["kind"] in NAMED)].add(ident.get("key") or f"{article_id}/{m['identity']}")
    items = []
    for (s, e, named), keys in gold_of.items():
        if len(keys) == 1:
            found = sys_of.get((s, e, named), sys_of.get((s, e)))
            if found is not None:
                items.append((next(iter(keys)), found))
    return items


def evaluate_identities(articles) -> dict:
    """B-cubed of cross-article identities over (id, gold annotation, text) triples."""
    t0 = time.time()
    index = IdentityIndex()
    items: list[tuple[str, str]] = []
    gold_names: dict[str, tuple[str, str]] = {}
    failed: list[str] = []
    n_articles = 0
    for article_id, gold, text in articles:
        n_articles += 1
        entities = analyzed_entities(article_id, text, gold.get("date"), failed)
        placed = index.assign(entities_in(article_id, entities)) if entities else {}
        items += gold_items(article_id, gold, entities, placed)
        for ident in gold["identities"].values():
            if ident.get("key"):
                gold_names.setdefault(ident["key"], name_key(ident.get("label") or "OTH", ident["key"]))
    p, r = _bcubed(items)
    p, r = (p / len(items), r / len(items)) if items else (0.0, 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    merged, namesakes = merged_identities(items, gold_names)
    return {
        "articles": n_articles, "seconds": round(time.time() - t0, 1), "models": _models(),
        "bcubed": {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)},
        "mentions": len(items), "gold_keys": len({g for g, _ in items}),
        "system_identities": len({s for _, s in items}),
        "merged": len(merged), "merged_namesakes": len(namesakes), "namesakes": namesakes,
        "failed": failed,
    }


def merged_identities(items: list[tuple[str, str]], gold_names: dict[str, tuple[str, str]]):
    """Store identities holding two or more gold keys; the namesakes among them (same name key)."""
    keys_of: dict[str, Counter] = defaultdict(Counter)
    for g, s in items:
        keys_of[s][g] += 1
    merged = {s: sorted(c) for s, c in keys_of.items() if len(c) > 1}
    namesakes = {}
    for s, keys in merged.items():
        by_name = Counter(gold_names.get(k) for k in keys if gold_names.get(k))
        if any(n > 1 for n in by_name.values()):
            namesakes[s] = keys
    return merged, namesakes


def format_identities(res: dict, title: str) -> str:
    b = res["bcubed"]
    out = [f"{title}: {res['articles']} articles in {res['seconds']} s",
           f"models: {res['models']['models_dir']}",
           f"cross-article identities (B-cubed)  P {b['p']:5.1f}  R {b['r']:5.1f}  F1 {b['f1']:5.1f}"
           f"   (over {res['mentions']} found gold mentions, {res['gold_keys']} corpus keys, "
           f"{res['system_identities']} store identities)",
           f"store identities with 2+ corpus keys: {res['merged']}; merged namesakes: {res['merged_namesakes']}"]
    out += [f"  {s}: {', '.join(keys)}" for s, keys in sorted(res["namesakes"].items())]
    out += [f"FAILED (scored as empty): {f}" for f in res.get("failed", [])]
    return "\n".join(out)

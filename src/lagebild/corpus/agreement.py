"""Inter-annotator agreement: `corpus/double/<id>.json` (B) against the primary annotation (A),
`corpus/articles/<id>.json` or, once adjudicated, its first version in `corpus/unadjudicated/`.

A is scored as gold and B, turned into the `lagebild/1` prediction shape by `as_prediction`, as
the prediction, with the scorers of `lagebild eval`: entities by
`lagebild.evaluation.entities.score_article` (named-mention span and span+type F1, identity
B-cubed, person roles), quotes by `lagebild.evaluation.quotes` (token sets, proportional,
speaker and cue F1, type accuracy), events by `lagebild.evaluation.events.score_events`
(trigger, type+trigger and full F1). Times: exact span F1, value accuracy on exact matches and
overlap F1; amounts the same, values within a relative tolerance of 1e-3. Optional
events of either side neither reward nor penalise (`optional_both_ways`). F1 is symmetric:
swapping A and B swaps precision and recall and keeps F1 (up to ties in the greedy one-to-one
matching of overlapping spans).

Each pair also yields its disagreements, `{"id", "pattern", "text"}`: "missed" is in A only,
"spurious" in B only, "a->b" a label, kind or type that differs on the same span.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path
from textwrap import shorten

from lagebild.corpus import loader
from lagebild.corpus.labels import NAMED_KINDS
from lagebild.evaluation import quotes as quote_eval
from lagebild.evaluation.entities import score_article
from lagebild.evaluation.events import EventTally, score_events

GROUPS = ("wn", "gnad", "all")


def _prf(tp: float, n_pred: float, n_gold: float) -> dict:
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def paired_ids(root: Path | None = None) -> tuple[list[str], list[str]]:
    """(ids in both corpus/double/ and corpus/articles/, ids only in corpus/double/)."""
    primary = {p.stem for p in loader.corpus_files("articles", root)}
    double = [p.stem for p in loader.corpus_files("double", root)]
    return [i for i in double if i in primary], [i for i in double if i not in primary]


def load_pair(article_id: str, root: Path | None = None) -> tuple[dict, dict]:
    """The joined primary (A) and double (B) annotation of one article. A is the primary as it
    was before adjudication (`corpus/unadjudicated/<id>.json`) where the article was adjudicated,
    so that agreement measures the two independent annotations."""
    folder, source = root or loader.CORPUS_DIR, loader.source_text(article_id)
    first = folder / "unadjudicated" / f"{article_id}.json"
    a_path = first if first.exists() else folder / "articles" / f"{article_id}.json"
    a = loader.join(loader.read_record(a_path), source)
    b = loader.join(loader.read_record(folder / "double" / f"{article_id}.json"), source)
    return a, b


def as_prediction(joined: dict) -> dict:
    """A joined corpus annotation in the `lagebild/1` shape that the `lagebild eval` scorers read.

    Entities also carry their corpus `key` (events compare arguments by it, too). An identity
    without a mention keeps no roles: the scorer finds a person's roles through its mentions."""
    by_identity: dict[str, list[dict]] = defaultdict(list)
    for m in joined["entities"]:
        by_identity[m["identity"]].append({"start": m["start"], "end": m["end"], "text": m.get("text"), "form": m["kind"]})
    entities = [{"id": key, "name": ident["name"], "type": ident["label"], "key": ident.get("key"),
                 "roles": list(ident.get("roles", [])) if key in by_identity else [],
                 "mentions": by_identity.get(key, [])} for key, ident in joined["identities"].items()]
    quotes = [{"id": q["id"], "type": q["type"], "parts": q["parts"], "cue": q["cue"], "addressee": q.get("addressee"),
               "speaker": {"entity": q.get("speaker"), "mention": q.get("speaker_mention")}} for q in joined["quotes"]]

    def argument(key: str | None, at: int) -> dict | None:
        nearest = min(by_identity.get(key, []), key=lambda m: abs(m["start"] - at), default=None)
        return {"entity": key, "mention": nearest} if key else None

    events = [{"type": ev["type"], "trigger": ev["trigger"], "negated": ev["negated"], "modality": ev["modality"],
               "actor": argument(ev.get("actor"), ev["trigger"]["start"]),
               "target": argument(ev.get("target"), ev["trigger"]["start"]),
               "time": ev.get("time"), "place": ev.get("place"), "optional": ev.get("optional", False)}
              for ev in joined["events"]]
    return {"entities": entities, "quotes": quotes, "events": events,
            "times": joined["times"], "amounts": joined["amounts"]}


def _quote_items(quotes: list[dict], grid: quote_eval.TokenGrid) -> list[tuple[dict, dict]]:
    """(token item as `quotes.match` reads it, the quote) for every quote with word tokens."""
    out = []
    for q in quotes:
        item = {"tokens": grid.tokens([(p["start"], p["end"]) for p in q["parts"]]), "type": q["type"],
                "speaker": grid.tokens([(m["start"], m["end"])] if (m := q["speaker"].get("mention")) else []),
                "cue": grid.tokens([(c["start"], c["end"]) for c in q["cue"]])}
        if item["tokens"]:
            out.append((item, q))
    return out


def _quote_text(q: dict) -> str:
    return shorten(" … ".join(p.get("text") or "" for p in q["parts"]), 90, placeholder=" ...")


def _quote_disagreements(gold: list[tuple[dict, dict]], pred: list[tuple[dict, dict]]) -> list[tuple[str, str]]:
    pairs = quote_eval.match([p for p, _ in pred], [g for g, _ in gold])
    out = [(f"quote type {gold[j][0]['type']}->{pred[i][0]['type']}", _quote_text(gold[j][1]))
           for i, j, _ in pairs if gold[j][0]["type"] != pred[i][0]["type"]]
    for name in ("speaker", "cue"):
        out += [(f"quote {name}", _quote_text(gold[j][1])) for i, j, _ in pairs
                if (gold[j][0][name] or pred[i][0][name]) and not gold[j][0][name] & pred[i][0][name]]
    matched_g, matched_p = {j for _, j, _ in pairs}, {i for i, _, _ in pairs}
    out += [(f"quote missed {g['type']}", _quote_text(q)) for j, (g, q) in enumerate(gold) if j not in matched_g]
    out += [(f"quote spurious {p['type']}", _quote_text(q)) for i, (p, q) in enumerate(pred) if i not in matched_p]
    return out


def mention_disagreements(gold: list[dict], pred: list[dict]) -> list[tuple[str, str]]:
    """Mentions of A and B compared span by span: missed, spurious, other kind, other label."""
    unused = list(pred)
    out = []
    for g in sorted(gold, key=lambda m: (m["start"], m["end"])):
        same_span = [m for m in unused if (m["start"], m["end"]) == (g["start"], g["end"])]
        match = next((m for m in same_span if m["kind"] == g["kind"]), same_span[0] if same_span else None)
        if match is None:
            out.append((f"mention missed {g['kind']}", g.get("text") or ""))
            continue
        unused.remove(match)
        if match["kind"] != g["kind"]:
            out.append((f"mention kind {g['kind']}->{match['kind']}", g.get("text") or ""))
        if match["label"] != g["label"]:
            out.append((f"mention label {g['label']}->{match['label']}", g.get("text") or ""))
    return out + [(f"mention spurious {m['kind']}", m.get("text") or "") for m in unused]


def identity_disagreements(a: dict, b: dict) -> list[tuple[str, str]]:
    """A identities whose mentions B spreads over several identities, and B identities joining several A ones."""
    def at(m: dict) -> tuple:
        return m["start"], m["end"], m["kind"] in NAMED_KINDS

    b_at = {at(m): m["identity"] for m in b["entities"]}
    links = {(m["identity"], b_at[at(m)]) for m in a["entities"] if at(m) in b_at}
    b_of, a_of = defaultdict(set), defaultdict(set)
    for ka, kb in links:
        b_of[ka].add(kb)
        a_of[kb].add(ka)
    out = [("identity split in B", a["identities"][ka]["name"]) for ka, kbs in sorted(b_of.items()) if len(kbs) > 1]
    return out + [("identities merged in B", " + ".join(sorted(a["identities"][k]["name"] for k in kas)))
                  for kb, kas in sorted(a_of.items()) if len(kas) > 1]


def span_counts(gold: list[dict], pred: list[dict], layer: str) -> tuple[Counter, list[tuple[str, str]]]:
    """Exact and overlap matches of time or amount spans, value agreement on exact matches, and the disagreements."""
    pred_at = {(p["start"], p["end"]): p for p in pred}
    c = Counter(gold=len(gold), pred=len(pred))
    out, used = [], set()
    for g in gold:
        p = pred_at.get((g["start"], g["end"]))
        if p is not None:
            c["exact"] += 1
            ok = same_value(g["value"], p["value"])
            c["value_ok"] += ok
            if not ok:
                out.append((f"{layer} value", f"{g.get('text')}: {g['value']} | {p['value']}"))
        i = next((k for k, other in enumerate(pred) if k not in used and _overlap(other, g)), None)
        if i is None:
            out.append((f"{layer} missed", g.get("text") or ""))
            continue
        used.add(i)
        c["overlap"] += 1
        if p is None:
            out.append((f"{layer} boundary", f"{g.get('text')} | {pred[i].get('text')}"))
    out += [(f"{layer} spurious", q.get("text") or "") for q in pred if not any(_overlap(q, g) for g in gold)]
    return c, out


def same_value(a, b) -> bool:
    """Numbers within a relative tolerance of 1e-3 (0.667 and 0.6667), other values as strings."""
    if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b)):
        return math.isclose(a, b, rel_tol=1e-3)
    return str(a) == str(b)


def _roles_of_mentioned_only(joined: dict) -> dict:
    """The annotation with the roles of identities that have no mention left out (as `as_prediction` does)."""
    mentioned = {m["identity"] for m in joined["entities"]}
    return {**joined, "identities": {k: v if k in mentioned else {**v, "roles": []} for k, v in joined["identities"].items()}}


def optional_both_ways(a: dict, pred: dict) -> tuple[dict, dict]:
    """Optional events of B count as optional gold events count: B's are left out, and an event of A
    that overlaps an optional event of B and no other event of B is marked optional."""
    required = [ev for ev in pred["events"] if not ev.get("optional")]
    optional = [ev for ev in pred["events"] if ev.get("optional")]

    def only_optional(ev: dict) -> bool:
        hit = lambda other: _overlap(ev["trigger"], other["trigger"])  # noqa: E731
        return any(map(hit, optional)) and not any(map(hit, required))

    events = [{**ev, "optional": ev.get("optional") or only_optional(ev)} for ev in a["events"]]
    return {**a, "events": events}, {**pred, "events": required}


def _event_disagreements(events: dict) -> list[tuple[str, str]]:
    out = [(f"event missed {g}", text) for g, _, text in events["missed"]]
    out += [(f"event spurious {p}", text) for _, p, text in events["spurious"]]
    out += [(f"event type {g}->{p}", text) for g, p, text in events["confusions"]]
    return out + [(f"event {wrong} differs", text) for _, wrong, text in events["arguments"]]


def score_pair(a: dict, b: dict) -> dict:
    """Per-layer counts of one article pair (A gold, B prediction) and its disagreements."""
    pred = as_prediction(b)
    grid = quote_eval.TokenGrid(a["text"])
    gold_quotes = _quote_items(as_prediction(a)["quotes"], grid)
    pred_quotes = _quote_items(pred["quotes"], grid)
    entities = score_article(_roles_of_mentioned_only(a), pred["entities"], a["text"])
    events = score_events(*optional_both_ways(a, pred))
    times, time_dis = span_counts(a["times"], b["times"], "time")
    amounts, amount_dis = span_counts(a["amounts"], b["amounts"], "amount")
    found = (mention_disagreements(a["entities"], b["entities"]) + identity_disagreements(a, b)
             + [("role missed", r) for r in entities["roles_missed"]]
             + [("role spurious", r) for r in entities["roles_spurious"]]
             + _quote_disagreements(gold_quotes, pred_quotes) + _event_disagreements(events) + time_dis + amount_dis)
    return {"id": a["id"], "entities": entities, "quotes": ([p for p, _ in pred_quotes], [g for g, _ in gold_quotes]),
            "events": events, "times": times, "amounts": amounts,
            "disagreements": [{"id": a["id"], "pattern": pattern, "text": text} for pattern, text in found]}


class Agreement:
    """Agreement figures summed over the article pairs of one group."""

    def __init__(self) -> None:
        self.articles = 0
        self.entity_counts: Counter = Counter()
        self.quotes = quote_eval.Tally()
        self.events = EventTally()
        self.times: Counter = Counter()
        self.amounts: Counter = Counter()

    def add(self, scored: dict) -> None:
        self.articles += 1
        e = scored["entities"]
        for name in ("span", "typed", "roles"):
            for k, v in zip(("tp", "pred", "gold"), e[name]):
                self.entity_counts[f"{name}_{k}"] += v
        for k, v in zip(("bp", "br", "found", "bgold"), e["bcubed"]):
            self.entity_counts[k] += v
        self.quotes.add(*scored["quotes"])
        self.events.add(scored["events"])
        self.times.update(scored["times"])
        self.amounts.update(scored["amounts"])

    def _entities(self) -> dict:
        c = self.entity_counts
        bp = c["bp"] / c["found"] if c["found"] else 0.0
        br = c["br"] / c["found"] if c["found"] else 0.0
        out = {name: {**_prf(c[f"{key}_tp"], c[f"{key}_pred"], c[f"{key}_gold"]),
                      "tp": c[f"{key}_tp"], "a": c[f"{key}_gold"], "b": c[f"{key}_pred"]}
               for name, key in (("named_span", "span"), ("named_typed", "typed"), ("person_roles", "roles"))}
        out["identities_bcubed"] = {"p": round(bp, 4), "r": round(br, 4),
                                    "f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0,
                                    "found": c["found"], "a": c["bgold"]}
        return out

    def _events(self) -> dict:
        res = self.events.result()
        out = {k: {"p": round(res[k]["precision"], 4), "r": round(res[k]["recall"], 4), "f1": round(res[k]["f1"], 4)}
               for k in ("trigger", "typed", "full")}
        return {"a": res["gold"], "b": res["predicted"], **out, "by_type": res["by_type"]}

    @staticmethod
    def _spans(c: Counter) -> dict:
        return {"a": c["gold"], "b": c["pred"], "exact": _prf(c["exact"], c["pred"], c["gold"]),
                "value_accuracy_on_exact": round(c["value_ok"] / c["exact"], 4) if c["exact"] else 0.0,
                "overlap": _prf(c["overlap"], c["pred"], c["gold"])}

    def result(self) -> dict:
        q = self.quotes.result()
        return {"articles": self.articles, "entities": self._entities(),
                "quotes": {"a": q["quotes"]["gold"], "b": q["quotes"]["predicted"],
                           **{k: q[k] for k in ("proportional", "exact", "speaker", "cue", "type_accuracy", "confusion")}},
                "events": self._events(), "times": self._spans(self.times), "amounts": self._spans(self.amounts)}


def agreement(pairs: list[tuple[dict, dict]]) -> dict:
    """Figures per source (wn, gnad) and overall, every disagreement, and their patterns by frequency."""
    groups = {g: Agreement() for g in GROUPS}
    disagreements = []
    for a, b in pairs:
        scored = score_pair(a, b)
        groups[a["id"].split("-", 1)[0]].add(scored)
        groups["all"].add(scored)
        disagreements += scored["disagreements"]
    patterns = Counter(d["pattern"] for d in disagreements)
    return {"ids": [a["id"] for a, _ in pairs], "by_source": {g: t.result() for g, t in groups.items()},
            "patterns": patterns.most_common(), "disagreements": disagreements}


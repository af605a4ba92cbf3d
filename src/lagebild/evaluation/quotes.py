"""Quote detection, speaker, cue and type figures on the WikiNews quotation corpus.

Each article's `originalText` goes through `lagebild.analyze`; its quotes are compared with the
gold annotations. Spans are compared as sets of word tokens (`\\w+` runs of the text), so quote
marks and punctuation, which the corpus includes in some spans and not in others, never decide
a match:

* proportional: a predicted quote matches at most one gold quote (greedy, best overlap first);
  a pair scores shared tokens / union tokens; P = sum of scores / predicted, R = sum / gold.
* exact: the same with a pair scoring 1 only when the token sets are equal.
* speaker / cue / addressee: on the proportionally matched pairs, a predicted speaker mention (cue,
  addressee) is right when it shares a token with the gold one; F1 over pairs where either side
  has one.
* medium: accuracy on the matched pairs whose gold medium is speech, writing, thought or "speech
  or writing" (the corpus's Speech, Writing, Thought, SW); a pair without a predicted medium is wrong.
* type: accuracy on the matched pairs, gold types mapped to `lagebild/1`: Direct → direct,
  Indirect → indirect, Reported → reported, FreeIndirect → free_indirect, and
  IndirectFreeIndirect → free_indirect (Konjunktiv-I sentences with no frame of their own,
  which is what our `free_indirect` marks). Nested quotes count as the corpus counts them: a
  direct fragment inside indirect speech is a quote of its own.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from lagebild.article import QUOTE_TYPES

MEDIUM_MAP = {"Speech": "speech", "Writing": "writing", "Thought": "thought", "SW": "speech_or_writing"}
TYPE_MAP = {"Direct": "direct", "Indirect": "indirect", "Reported": "reported",
            "FreeIndirect": "free_indirect", "IndirectFreeIndirect": "free_indirect"}
_WORD = re.compile(r"\w+")


class TokenGrid:
    """Word tokens of one text, to turn character spans into token sets."""

    def __init__(self, text: str):
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def tokens(self, spans: list[tuple[int, int]]) -> frozenset[int]:
        import bisect

        out = set()
        for s, e in spans:
            k = max(0, bisect.bisect_right(self.starts, s) - 1)
            while k < len(self.spans) and self.spans[k][0] < e:
                if self.spans[k][1] > s:
                    out.add(k)
                k += 1
        return frozenset(out)


def _gold(doc: dict, grid: TokenGrid) -> list[dict]:
    out = []
    for ann in doc["annotations"]:
        spans = [(s["charBegin"], s["charEnd"]) for s in (ann.get("quote") or {}).get("spans", [])]
        toks = grid.tokens(spans)
        if not toks:
            continue
        def field_tokens(name: str) -> frozenset[int]:
            return grid.tokens([(s["charBegin"], s["charEnd"]) for s in (ann.get(name) or {}).get("spans", [])])
        out.append({"tokens": toks, "type": TYPE_MAP.get(ann["type"], ann["type"].lower()),
                    "speaker": field_tokens("speaker"), "cue": field_tokens("cue"),
                    "addressee": field_tokens("addressee"), "medium": MEDIUM_MAP.get(ann.get("medium"))})
    return out


def _pred(article: dict, grid: TokenGrid) -> list[dict]:
    out = []
    for q in article.get("quotes", []):
        toks = grid.tokens([(p["start"], p["end"]) for p in q["parts"]])
        if not toks:
            continue
        mention, addressee = q["speaker"].get("mention"), q.get("addressee")
        out.append({"tokens": toks, "type": q["type"],
                    "speaker": grid.tokens([(mention["start"], mention["end"])]) if mention else frozenset(),
                    "cue": grid.tokens([(c["start"], c["end"]) for c in q["cue"]]),
                    "addressee": grid.tokens([(addressee["start"], addressee["end"])]) if addressee else frozenset(),
                    "medium": q.get("medium")})
    return out


def match(pred: list[dict], gold: list[dict], exact: bool = False) -> list[tuple[int, int, float]]:
    """One-to-one (pred index, gold index, score) pairs, greedily by best score."""
    scored = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            shared = len(p["tokens"] & g["tokens"])
            if not shared:
                continue
            score = shared / len(p["tokens"] | g["tokens"])
            if exact and score < 1.0:
                continue
            scored.append((score, i, j))
    scored.sort(key=lambda x: -x[0])
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in scored:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, score))
    return pairs


def _prf(tp: float, n_pred: float, n_gold: float) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


class Tally:
    """Running sums over articles."""

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.by_type: dict[str, Counter] = defaultdict(Counter)
        self.confusion: Counter = Counter()

    def add(self, pred: list[dict], gold: list[dict]) -> None:
        c = self.c
        c["pred"] += len(pred)
        c["gold"] += len(gold)
        for p in pred:
            self.by_type[p["type"]]["pred"] += 1
        for g in gold:
            self.by_type[g["type"]]["gold"] += 1
        pairs = match(pred, gold)
        c["exact"] += len(match(pred, gold, exact=True))
        for i, j, score in pairs:
            p, g = pred[i], gold[j]
            c["prop"] += score
            c["matched"] += 1
            self.by_type[p["type"]]["prop_p"] += score
            self.by_type[g["type"]]["prop_g"] += score
            self.confusion[(g["type"], p["type"])] += 1
            c["type_ok"] += p["type"] == g["type"]
            if g.get("medium"):
                c["medium_gold"] += 1
                c["medium_ok"] += p.get("medium") == g["medium"]
            for name in ("speaker", "cue", "addressee"):
                ok = bool(p.get(name, frozenset()) & g.get(name, frozenset()))
                c[f"{name}_tp"] += ok
                c[f"{name}_pred"] += bool(p.get(name))
                c[f"{name}_gold"] += bool(g.get(name))

    def result(self) -> dict:
        c = self.c
        res = {
            "quotes": {"gold": c["gold"], "predicted": c["pred"], "matched": c["matched"]},
            "proportional": _prf(c["prop"], c["pred"], c["gold"]),
            "exact": _prf(c["exact"], c["pred"], c["gold"]),
            "speaker": _prf(c["speaker_tp"], c["speaker_pred"], c["speaker_gold"]),
            "cue": _prf(c["cue_tp"], c["cue_pred"], c["cue_gold"]),
            "addressee": _prf(c["addressee_tp"], c["addressee_pred"], c["addressee_gold"]),
            "medium_accuracy": round(c["medium_ok"] / c["medium_gold"], 4) if c["medium_gold"] else 0.0,
            "type_accuracy": round(c["type_ok"] / c["matched"], 4) if c["matched"] else 0.0,
            "per_type": {},
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
        }
        for t in QUOTE_TYPES:
            bt = self.by_type.get(t, Counter())
            res["per_type"][t] = {"gold": bt["gold"], "predicted": bt["pred"],
                                  **_prf_split(bt["prop_p"], bt["prop_g"], bt["pred"], bt["gold"])}
        return res


def _prf_split(tp_p: float, tp_g: float, n_pred: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate_quotes(jsonl_path: Path, limit: int | None = None) -> dict:
    """Run the pipeline on each WikiNews article of `jsonl_path` and score its quotes."""
    from lagebild.analysis import analyze_stream
    from lagebild.ingest.records import IngestError, RawArticle
    from lagebild.pipeline import load_nlp

    docs = []
    with Path(jsonl_path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    nlp = load_nlp()
    raws = [RawArticle(id=str(k), text=d["originalText"], origin=d.get("file") or str(k)) for k, d in enumerate(docs)]
    tally = Tally()
    words = 0
    failures = 0
    t0 = time.perf_counter()
    results = list(analyze_stream(raws, nlp=nlp))
    elapsed = time.perf_counter() - t0
    for doc, art in zip(docs, results):
        grid = TokenGrid(doc["originalText"])
        words += len(doc["originalText"].split())
        if isinstance(art, IngestError):
            failures += 1
            pred = []
        else:
            pred = _pred(art.to_json(), grid)
        tally.add(pred, _gold(doc, grid))
    res = tally.result()
    res.update({
        "data": str(jsonl_path), "articles": len(docs), "failed_articles": failures,
        "words": words, "seconds": round(elapsed, 2),
        "words_per_second": round(words / elapsed) if elapsed else None,
        "pipeline": nlp.pipe_names, "notes": nlp.meta.get("lagebild_notes", []),
    })
    return res


def format_quotes(res: dict) -> str:
    """A readable table of `evaluate_quotes` results."""
    lines = [
        f"WikiNews quotes: {res['data']} ({res['articles']} articles, {res['words']:,} words, "
        f"{res['words_per_second']} words/s incl. the whole pipeline, {res['failed_articles']} failed)",
        f"pipeline: {', '.join(res['pipeline'])}",
    ]
    lines += [f"note: {n}" for n in res.get("notes", [])]
    q = res["quotes"]
    lines.append(f"quotes: gold {q['gold']}, predicted {q['predicted']}, matched {q['matched']}")
    lines.append(f"{'measure':<14}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("proportional", "exact", "speaker", "cue", "addressee"):
        m = res[key]
        lines.append(f"{key:<14}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}")
    lines.append(f"type accuracy on matched quotes: {res['type_accuracy']:.3f}")
    lines.append(f"medium accuracy on matched quotes with a gold medium: {res['medium_accuracy']:.3f}")
    lines.append(f"{'type':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}   (proportional)")
    for t, m in res["per_type"].items():
        lines.append(f"{t:<14}{m['gold']:>6}{m['predicted']:>6}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}")
    lines.append("confusion (gold->predicted): " + ", ".join(f"{k} {v}" for k, v in res["confusion"].items()))
    return "\n".join(lines)

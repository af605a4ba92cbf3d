"""Print the quote errors of the pipeline on WikiNews articles, for error analysis on train.

Usage: .venv/bin/python training/quotes_errors.py [--split train] [--limit 100] [--fast]
Articles of the annotated corpus's held-out part (`lagebild.corpus.sources.held_out`) are left out.
--fast leaves out the NER, entity, time and event stages (spans, cues and speaker mentions do
not depend on them; speaker entities do).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from lagebild.article import Article
from lagebild.corpus import sources
from lagebild.evaluation.quotes import TokenGrid, Tally, _gold, _pred, match
from lagebild.pipeline import load_nlp


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--show", default="fn,fp,spk")
    args = ap.parse_args()
    nlp = load_nlp()
    disabled = ["ner", "lagebild_entities", "lagebild_time", "lagebild_events"] if args.fast else []
    docs = [rec for article_id, rec in sources.wikinews_records(args.split).items()
            if not sources.held_out(article_id)][args.offset:args.offset + args.limit]
    tally = Tally()
    kinds: Counter = Counter()
    show = set(args.show.split(","))
    for doc in docs:
        text = doc["originalText"]
        d = nlp.make_doc(text)
        d._.article = Article(id="x", text=text)
        with nlp.select_pipes(disable=[n for n in disabled if n in nlp.pipe_names]):
            d = nlp(d)
        art = d._.article.to_json()
        grid = TokenGrid(text)
        gold, pred = _gold(doc, grid), _pred(art, grid)
        tally.add(pred, gold)
        pairs = match(pred, gold)
        mp = {i: (j, s) for i, j, s in pairs}
        mg = {j: (i, s) for i, j, s in pairs}
        words = grid.spans

        def txt(toks):
            if not toks:
                return ""
            a, b = min(toks), max(toks)
            return text[words[a][0]:words[b][1]].replace("\n", " / ")

        for j, g in enumerate(gold):
            if j not in mg:
                kinds["fn_" + g["type"]] += 1
                if "fn" in show:
                    print(f"FN [{g['type']}] {txt(g['tokens'])[:200]!r}  spk={txt(g['speaker'])!r} cue={txt(g['cue'])!r}")
            else:
                i, s = mg[j]
                p = pred[i]
                if g["speaker"] and not (p["speaker"] & g["speaker"]):
                    kinds["speaker_missing" if not p["speaker"] else "speaker_wrong"] += 1
                if s < 0.5:
                    kinds["partial<0.5"] += 1
                if "spk" in show and g["speaker"] and not (p["speaker"] & g["speaker"]):
                    print(f"SPK [{g['type']}] {txt(g['tokens'])[:90]!r} gold={txt(g['speaker'])!r} pred={txt(p['speaker'])!r}")
                if "near" in show and 0.6 <= s < 1.0:
                    extra_p = sorted(p["tokens"] - g["tokens"])
                    extra_g = sorted(g["tokens"] - p["tokens"])
                    print(f"NEAR {s:.2f} [{g['type']}->{p['type']}] +pred={txt(frozenset(extra_p))[:80]!r} +gold={txt(frozenset(extra_g))[:80]!r}")
                if "part" in show and s < 0.6:
                    print(f"PART {s:.2f} [{g['type']}->{p['type']}] gold={txt(g['tokens'])[:150]!r}\n          pred={txt(p['tokens'])[:150]!r}")
        for i, p in enumerate(pred):
            if i not in mp:
                kinds["fp_" + p["type"]] += 1
                if "fp" in show:
                    print(f"FP [{p['type']}] {txt(p['tokens'])[:200]!r} spk={txt(p['speaker'])!r} cue={txt(p['cue'])!r}")
    res = tally.result()
    print(json.dumps({k: res[k] for k in ("proportional", "exact", "speaker", "cue", "type_accuracy")}))
    print(json.dumps(res["per_type"]))
    print(dict(kinds))


if __name__ == "__main__":
    main()

"""Learn the direct-quote table of the quotes stage from WikiNews train (section 13 of the shared data).

For every pair of quotation marks the stage finds in a train article, the stage's own features
(length bucket, inside predicted reported speech, first person word, frame next to the marks, all
words capitalised) are paired with the label "a gold Direct quote overlaps it". The table holds
P(quote | features) with add-one smoothing and the count, at a fine and a coarse key; the stage
keeps a quotation-mark span when P >= 0.5, backing off to the coarse key when the fine one is rare.

Usage: .venv/bin/python training/learn_quotes.py [--split train] [--out models/de_quotes]
Single-threaded, about a minute on a blank pipeline (the table depends on the core model only
through the "inside reported speech" feature, so it is trained with whichever core is loaded).
"""
from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from lagebild.article import Article
from lagebild.paths import REPO_ROOT, shared_data_dir
from lagebild.pipeline import load_nlp
from lagebild.quotes.frames import Builder, backoff_keys, direct_key
from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.rules import Finder


def collect(split: str, limit: int | None) -> tuple[dict, int]:
    nlp = load_nlp()
    keep = [n for n in nlp.pipe_names if n not in ("ner", "lagebild_entities", "lagebild_quotes", "lagebild_time", "lagebild_events")]
    path = shared_data_dir() / "wikinews_quotes" / f"{split}.jsonl"
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    n_docs = 0
    for line in path.open(encoding="utf-8"):
        doc_json = json.loads(line)
        n_docs += 1
        if limit and n_docs > limit:
            break
        text = doc_json["originalText"]
        directs = [(s["charBegin"], s["charEnd"]) for a in doc_json["annotations"] if a["type"] == "Direct"
                   for s in (a.get("quote") or {}).get("spans", [])]
        doc = nlp.make_doc(text)
        doc._.article = Article(id="train", text=text)
        with nlp.select_pipes(enable=keep):
            doc = nlp(doc)
        builder = Builder(Finder(doc, load_lexicon(), {}))
        builder.run()
        for (o, c), fine in zip(builder.direct_pairs, builder.direct_log):
            start, end = doc[o].idx + 1, doc[c].idx
            label = any(s < end and start < e for s, e in directs)
            for key in backoff_keys(fine):
                counts[key][0] += label
                counts[key][1] += 1
    return counts, n_docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "models" / "de_quotes")
    args = ap.parse_args()
    t0 = time.time()
    counts, n_docs = collect(args.split, args.limit)
    table = {k: [round((pos + 1) / (n + 2), 4), n] for k, (pos, n) in sorted(counts.items())}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "direct_table.json").write_text(json.dumps({
        "about": "P(quotation marks hold a quote | features) learned on WikiNews quotes train; "
                 "key = length bucket|inside reported speech|first person[|frame next to it[|all capitalised|cue in the sentence]]; "
                 "value = [add-one smoothed probability, count]",
        "example_key": direct_key(3, True, False, False, False),
        "p_quote": table,
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(table)} keys from {n_docs} articles in {time.time() - t0:.0f}s -> {args.out / 'direct_table.json'}")


if __name__ == "__main__":
    main()

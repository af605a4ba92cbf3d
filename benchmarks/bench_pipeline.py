"""Throughput of the whole lagebild pipeline in one process on 10kGNAD news articles.

Prints words/s, tokens/s, articles/s and peak RSS. Run: .venv/bin/python benchmarks/bench_pipeline.py -n 300
"""
from __future__ import annotations

import argparse
import time

from common import gnad_articles, peak_rss_mb

from lagebild.analysis import analyze_stream, prepare
from lagebild.ingest import RawArticle
from lagebild.pipeline import build_nlp, load_nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="number of articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--per-component", action="store_true", help="also time each pipeline component")
    parser.add_argument("--compare-blis", action="store_true",
                        help="also run the same articles with thinc's BLIS gemm (spaCy's default)")
    args = parser.parse_args()
    records = gnad_articles(args.n)
    t0 = time.perf_counter()
    nlp = load_nlp()
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mb()
    words = sum(len(r["text"].split()) for r in records)
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(r["text"] for r in records))
    elapsed, n_ok = timed_run(nlp, records, args.batch_size)
    print(f"pipeline: {', '.join(nlp.pipe_names)}")
    print(f"articles: {len(records)} ({n_ok} analysed), words: {words:,}, tokens: {tokens:,}")
    print(f"load time: {load_s:.1f} s, peak RSS after load: {rss_loaded:.0f} MB")
    print(f"elapsed: {elapsed:.1f} s")
    print(f"words/s: {words / elapsed:,.0f}")
    print(f"tokens/s: {tokens / elapsed:,.0f}")
    print(f"articles/s: {len(records) / elapsed:,.1f}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    if args.compare_blis:
        blis_s, _ = timed_run(build_nlp(use_blis=True), records, args.batch_size)
        print(f"same articles with thinc's BLIS gemm: {words / blis_s:,.0f} words/s "
              f"(NumPy BLAS is {blis_s / elapsed:.2f}x as fast)")
    if args.per_component:
        per_component(nlp, records, words, args.batch_size)


def timed_run(nlp, records: list[dict], batch_size: int) -> tuple[float, int]:
    """Seconds for `analyze_stream` over the records (after a short warm-up), and articles analysed."""
    list(analyze_stream([RawArticle(r["id"], r["text"]) for r in records[:3]], nlp=nlp))
    t0 = time.perf_counter()
    n_ok = 0
    for art in analyze_stream((RawArticle(r["id"], r["text"]) for r in records), nlp=nlp,
                              batch_size=batch_size):
        if getattr(art, "analysed", False):
            n_ok += 1
    return time.perf_counter() - t0, n_ok


def per_component(nlp, records: list[dict], words: int, batch_size: int) -> None:
    """Seconds, words/s and share of the components' total time of each component over the same
    articles (where the time goes)."""
    docs = []
    for r in records:
        article = prepare(RawArticle(r["id"], r["text"]))
        doc = nlp.make_doc(article.text)
        doc._.article = article
        docs.append(doc)
    spent = {}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.perf_counter() - t0
    total = sum(spent.values())
    print(f"per component (total {total:.2f} s):")
    for name, seconds in spent.items():
        print(f"  {name:22s} {seconds:7.2f} s {words / max(seconds, 1e-9):12,.0f} words/s {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()

"""Speed, memory and accuracy of the de_core pipeline, side by side with HanTa.

    python benchmarks/bench_core.py [--n 300] [--model models/de_core] [--no-accuracy] [--no-repair] [--full]

* words/s of the core pipeline (`load_model(models/de_core)`, all components, plus the rule
  components `load_nlp()` adds after the parser: the finite-verb repair `lagebild_finite_repair`,
  the AUX/VERB repair `lagebild_upos_repair` and the lemma repair `lagebild_lemma_repair`;
  `--no-repair` leaves them out) with `nlp.pipe`
  over the texts of the first N articles of 10kGNAD test.csv (one process, one thread);
* peak RSS of the process with the pipeline loaded and run (resource.getrusage, before HanTa
  is loaded);
* HanTa's words/s on the same tokens and sentences (taglevel=1, one call per sentence);
* UPOS / lemma (and for de_core XPOS, Mood, UAS, LAS) on UD German GSD test, both systems on
  the gold words; de_core twice: the core pipeline above, and the whole `lagebild.load_nlp()`
  pipeline as `lagebild eval ud` scores it (its NER lets `lagebild_name_upos` mark names PROPN);
* with --full also words/s of `lagebild.load_nlp()` with every stage, run as `lagebild analyze`
  runs it (`analyze_stream`), and of its NLP pipeline alone (core + NER models with their rule
  components, without the fact stages of `lagebild.pipeline.STAGES`; `nlp.pipe`).

Every system first processes `--warmup` other articles untimed (default 100: articles N+1..N+100),
so that vocabulary and caches are as in the steady state of a corpus run.

"words" are spaCy tokens here (HanTa gets the same tokens); `bench_pipeline.py` counts
whitespace-separated words, about 12 % fewer.

Set OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 for one-thread figures (NumPy's BLAS otherwise uses
every core for the matrix products).
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lagebild import paths  # noqa: E402
from lagebild.evaluation.ud import evaluate_hanta_ud, evaluate_ud, format_ud  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def read_articles(n: int) -> list[str]:
    path = paths.shared_data_dir() / "10kgnad" / "test.csv"
    texts = []
    with path.open(encoding="utf8", newline="") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                texts.append(row[1])
            if len(texts) >= n:
                break
    return texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--model", default=str(paths.models_dir() / "de_core"))
    ap.add_argument("--no-accuracy", action="store_true")
    ap.add_argument("--no-repair", action="store_true",
                    help="the bare core model, without the repair components load_nlp adds")
    ap.add_argument("--full", action="store_true", help="also time lagebild.load_nlp()")
    ap.add_argument("--warmup", type=int, default=100,
                    help="articles after the first N that every system processes once before it is timed "
                         "(vocabulary, caches: the steady state of a corpus run); 0 = the first 5 timed articles")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16, as analyze_stream)")
    ap.add_argument("--json", default=None, help="write the figures to this file")
    args = ap.parse_args()

    from lagebild.pipeline import add_core_repairs, load_model

    both = read_articles(args.n + args.warmup)
    texts, warm = both[:args.n], both[args.n:]
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    nlp = load_model(args.model)  # with lagebild's BLAS backend, as load_nlp() builds it
    if not args.no_repair:
        add_core_repairs(nlp)  # as load_nlp() ships the core model
    load_s = time.perf_counter() - t0
    # warm-up on other articles (vocabulary and caches as in the steady state of a corpus run)
    warm_docs = list(nlp.pipe(warm or texts[:5]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size or nlp.batch_size))
    secs = time.perf_counter() - t0
    n_words = sum(len(d) for d in docs)
    n_alpha = sum(1 for d in docs for t in d if not t.is_space)
    rss = peak_rss_mb()
    out = {
        "articles": len(texts), "tokens": n_words, "core_pipeline": nlp.pipe_names,
        "batch_size": args.batch_size or nlp.batch_size,
        "core_load_s": round(load_s, 2), "core_words_per_sec": round(n_words / secs),
        "peak_rss_mb_core": round(rss, 1), "rss_before_load_mb": round(rss0, 1),
    }
    print(f"de_core {nlp.pipe_names}: {n_words} tokens ({n_alpha} non-space) in {secs:.2f}s "
          f"= {n_words / secs:,.0f} words/s; load {load_s:.2f}s; peak RSS {rss:.0f} MB")

    # HanTa on the same tokens and sentences.
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    def sentences(ds):
        return [ws for d in ds for s in d.sents if (ws := [t.text for t in s if not t.is_space])]

    sents = sentences(docs)
    hn = sum(len(s) for s in sents)
    for s in sentences(warm_docs):  # the same warm-up as the core pipeline
        tagger.tag_sent(s, taglevel=1)
    t0 = time.perf_counter()
    for s in sents:
        tagger.tag_sent(s, taglevel=1)
    hsecs = time.perf_counter() - t0
    out["hanta_words_per_sec"] = round(hn / hsecs)
    print(f"HanTa: {hn} tokens in {hsecs:.2f}s = {hn / hsecs:,.0f} words/s (taglevel=1, per sentence)")

    if args.full:
        import gc

        import lagebild
        from lagebild.analysis import analyze_stream
        from lagebild.ingest import RawArticle
        from lagebild.pipeline import STAGES, build_nlp

        # the NLP pipeline (core + NER models and their rule components, no fact stages), in a
        # pipeline of its own so that its timed pass is its first over these articles
        models = build_nlp()
        stages = [name for name, _ in STAGES if name in models.pipe_names]
        with models.select_pipes(disable=stages):
            list(models.pipe(warm or texts[:5], batch_size=args.batch_size))
            t0 = time.perf_counter()
            md = list(models.pipe(texts, batch_size=args.batch_size))
            ms = time.perf_counter() - t0
            out["models_pipeline"] = models.pipe_names
        out["models_words_per_sec"] = round(sum(len(d) for d in md) / ms)
        out["peak_rss_mb_models"] = round(peak_rss_mb(), 1)
        print(f"core + NER models ({', '.join(out['models_pipeline'])}), "
              f"nlp.pipe: {out['models_words_per_sec']:,} words/s "
              f"({out['models_words_per_sec'] / out['hanta_words_per_sec']:.2f}x HanTa); "
              f"peak RSS so far {out['peak_rss_mb_models']:.0f} MB")
        del models, md
        gc.collect()

        full = lagebild.load_nlp()
        raw = [RawArticle(f"gnad-{i}", t) for i, t in enumerate(texts)]
        list(analyze_stream([RawArticle(f"warm-{i}", t) for i, t in enumerate(warm or texts[:5])], nlp=full))
        t0 = time.perf_counter()
        n_ok = sum(1 for a in analyze_stream(raw, nlp=full) if getattr(a, "analysed", False))
        fs = time.perf_counter() - t0
        out["load_nlp_pipeline"] = full.pipe_names
        out["load_nlp_words_per_sec"] = round(n_words / fs)
        print(f"lagebild.load_nlp() through analyze_stream, all stages ({n_ok} articles analysed): "
              f"{n_words / fs:,.0f} words/s")
        out["peak_rss_mb_full"] = round(peak_rss_mb(), 1)

    if not args.no_accuracy:
        gsd = paths.shared_data_dir() / "ud_german_gsd" / "de_gsd-ud-test.conllu"
        import lagebild

        r = evaluate_ud(nlp, gsd)
        # as `lagebild eval ud`: the whole load_nlp() pipeline, whose NER feeds lagebild_name_upos
        full_r = evaluate_ud(lagebild.load_nlp(), gsd)
        h = evaluate_hanta_ud(gsd, tagger=tagger)
        out["gsd_test_de_core"] = r
        out["gsd_test_load_nlp"] = full_r
        out["gsd_test_hanta"] = h
        print("\nUD German GSD test (gold words)")
        print(f"  {'':<10} {'de_core':>8} {'load_nlp':>9} {'HanTa':>8}")
        for k in ("UPOS", "XPOS", "lemma", "lemma_ci"):
            print(f"  {k:<10} {r[k]:8.2f} {full_r[k]:9.2f} {h[k]:8.2f}")
        for k in ("UFeats", "Mood_fin", "Mood_Sub_F1", "UAS", "LAS", "LAS_doc", "sent_F1"):
            print(f"  {k:<10} {r[k]:8.2f} {full_r[k]:9.2f} {'-':>8}")
        print()
        print(format_ud(r))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

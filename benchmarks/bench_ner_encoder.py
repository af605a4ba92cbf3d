"""One encoder or two: de_core + the shipped NER (its own tok2vec and vectors, attached as
`load_nlp` does) against de_core + an NER that listens to de_core's tok2vec
(`training/configs/ner_listener*.cfg`), in one process on the first 10kGNAD articles.

Prints, per pipeline and run (the orders alternate), the NER's seconds and the whole `nlp.pipe`
time in words/s (spaCy tokens), and checks that the listener sourced into de_core finds the same
entities as the trained listener pipeline itself.
Run: .venv/bin/python benchmarks/bench_ner_encoder.py NAME=PATH [NAME=PATH ...] [-n 150] [--runs 4]
(PATH: a listener pipeline's model-best, for example training/output_listen/ner_adapt/model-best)
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy
from common import gnad_articles, peak_rss_mb
from spacy.tokens import Doc

from lagebild import paths
from lagebild.nlp.loading import attach_ner, load_model

sys.path.insert(0, str(Path(paths.REPO_ROOT) / "training"))
import functions  # noqa: E402,F401  (registers lagebild.ListenerCNN.v1 for the CNN variant)


def build(kind: str, listeners: dict[str, str]):
    """(pipeline, the trained listener pipeline or None)."""
    nlp = load_model(paths.REPO_ROOT / "models" / "de_core")
    if kind == "shipped":
        attach_ner(nlp, paths.REPO_ROOT / "models" / "de_ner")
        return nlp, None
    trained = load_model(listeners[kind], prune=False)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W113\]")
        nlp.add_pipe("ner", source=trained, name="ner")
    return nlp, trained


def same_entities(nlp, trained, texts: list[str]) -> int:
    """In how many texts the sourced listener and the trained pipeline find the same entities
    (same tokens, norms and sentence starts; the NER never crosses a sentence start)."""
    same = 0
    for text in texts:
        d1 = nlp(text)
        d2 = Doc(trained.vocab, words=[t.text for t in d1], spaces=[bool(t.whitespace_) for t in d1],
                 sent_starts=[t.is_sent_start for t in d1])
        for t, u in zip(d1, d2):
            u.norm_ = t.norm_
        d2 = trained(d2)
        assert numpy.allclose(d1.tensor, d2.tensor), "the sourced listener reads another tok2vec output"
        same += [(e.start, e.end, e.label_) for e in d1.ents] == [(e.start, e.end, e.label_) for e in d2.ents]
    return same


def timed(nlp, texts: list[str]) -> tuple[float, float, int]:
    """(NER seconds, whole nlp.pipe seconds, tokens)."""
    docs = [nlp.make_doc(x) for x in texts]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=nlp.batch_size))
        if name == "ner":
            ner_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(nlp.pipe(texts))
    return ner_s, time.perf_counter() - t0, sum(len(d) for d in docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("listeners", nargs="+", help="NAME=PATH of a trained listener pipeline")
    parser.add_argument("-n", type=int, default=150, help="number of articles")
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    listeners = dict(a.split("=", 1) for a in args.listeners)
    texts = [r["text"] for r in gnad_articles(args.n)]
    pipes = {kind: build(kind, listeners) for kind in ["shipped", *listeners]}
    for kind, (nlp, trained) in pipes.items():
        if trained is not None:
            print(f"{kind}: same entities as the trained pipeline in {same_entities(nlp, trained, texts[:30])} of 30 articles")
        list(nlp.pipe(texts[:10]))  # warm-up
    kinds = list(pipes)
    for run in range(args.runs):
        for kind in kinds if run % 2 == 0 else kinds[::-1]:
            ner_s, whole_s, tokens = timed(pipes[kind][0], texts)
            print(f"run {run + 1} {kind:14s} ner {ner_s:5.2f} s ({tokens / ner_s:,.0f} words/s)  "
                  f"nlp.pipe {whole_s:5.2f} s ({tokens / whole_s:,.0f} words/s)", flush=True)
    print(f"peak RSS (all pipelines loaded together): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()

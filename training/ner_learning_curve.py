"""How much in-domain labelled data the NER is missing: a learning curve on GermEval data.

Trains the NER of `training/configs/ner.cfg` (same architecture and floret vectors as the shipped
`models/de_ner`) on the first 1/4, 1/2 and all of the GermEval 2014 dev 80 % portion (440, 880 and
1,760 sentences, `training/corpus/ner_train_germeval.spacy` from `prepare_ner.py --germeval-only`),
each for the same wall-clock budget on one thread, and prints the best F1 (all 12 labels) on the
20 % GermEval tuning split. GermEval 2014 test is not read. The slope per doubling of data is the
measured part; GermEval train (24,000 sentences, not in ../shared/data) is 3.4 doublings beyond.

Usage: OMP_NUM_THREADS=1 .venv/bin/python training/ner_learning_curve.py [--fractions 0.25 0.5 1]
       [--minutes 12] [--out training/output/ner_curve]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

REPO = Path(__file__).resolve().parent.parent
TRAIN = REPO / "training" / "corpus" / "ner_train_germeval.spacy"
TUNE = REPO / "training" / "corpus" / "ner_tune.spacy"
CONFIG = REPO / "training" / "configs" / "ner.cfg"


def subset(fraction: float, out: Path) -> int:
    """The first `fraction` of the GermEval training docs, written to `out`; returns their count."""
    nlp = spacy.blank("de")
    docs = list(DocBin().from_disk(TRAIN).get_docs(nlp.vocab))
    keep = docs[: max(1, round(len(docs) * fraction))]
    DocBin(docs=keep).to_disk(out)
    return len(keep)


def train(fraction: float, minutes: float, out: Path) -> dict:
    """Train on one fraction for `minutes` (SIGINT then, model-best is kept) and read its score."""
    folder = out / f"f{fraction:g}"
    folder.mkdir(parents=True, exist_ok=True)
    n = subset(fraction, folder / "train.spacy")
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(folder),
           "--paths.train", str(folder / "train.spacy"), "--paths.dev", str(TUNE),
           "--training.max_steps", "100000", "--training.eval_frequency", "200"]
    with open(folder / "train.log", "w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=REPO,
                                env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
        try:
            proc.wait(timeout=minutes * 60)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)  # spaCy saves model-best at every evaluation
            proc.wait()
    meta = json.loads((folder / "model-best" / "meta.json").read_text(encoding="utf-8"))
    perf = meta.get("performance", {})
    return {"fraction": fraction, "sentences": n, "minutes": minutes,
            "ents_f": round(100 * perf.get("ents_f", 0.0), 2), "ents_p": round(100 * perf.get("ents_p", 0.0), 2),
            "ents_r": round(100 * perf.get("ents_r", 0.0), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    ap.add_argument("--minutes", type=float, default=12)
    ap.add_argument("--out", type=Path, default=REPO / "training" / "output" / "ner_curve")
    args = ap.parse_args()
    for fraction in args.fractions:
        result = train(fraction, args.minutes, args.out)
        print(json.dumps(result), flush=True)
        with open(args.out / "curve.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

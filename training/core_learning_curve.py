"""How much GSD-style labelled data the core model is missing: a learning curve on UD German GSD.

The shipped `models/de_core` learns UPOS, FEATS (Mood) and lemmas mostly from Redewiedergabe
(439k words, UPOS mapped from STTS by a fixed table, 19th-century text) and only 12.5k words from
UD German GSD dev, the one treebank in the evaluation's own conventions (GSD train, 260k words, is
not in ../shared/data). This script trains the same config (`training/configs/core.cfg`) on the
mix without Europarl (`prepare_core.py` without `--europarl`) with the first 0, 1/2, 3/4 and all of GSD dev's
sentences (`prepare_core.py --gsd-fraction`),
each for the same number of steps on one thread, and scores every model on UD German GSD **test**
(reporting only: nothing is chosen from it) with `lagebild.evaluation.ud.evaluate_ud`, the model
alone and with lagebild's rule repairs (`pipeline.add_core_repairs`; their tables come from all of
GSD dev, so that column is not a clean curve). The gain per doubling of GSD-style words is the
measured part; GSD train would be 4.4 doublings beyond GSD dev.

Usage: OMP_NUM_THREADS=1 .venv/bin/python training/core_learning_curve.py --fraction 0.5
       [--steps 2000] [--seed 0] [--out training/output/core_curve]
(one fraction per process, so two can run side by side on two cores; results are appended to
OUT/curve.jsonl)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "training" / "configs" / "core.cfg"
KEYS = ("UPOS", "XPOS", "lemma", "Mood_fin", "UFeats", "LAS")


def _env() -> dict:
    return {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def prepare(fraction: float, folder: Path) -> dict:
    """Training data with the first `fraction` of GSD dev; returns prepare_core's statistics."""
    corpus = folder / "corpus"
    if not (corpus / "train.spacy").exists():
        subprocess.run([sys.executable, str(REPO / "training" / "prepare_core.py"), "--out", str(corpus),
                        "--gsd-fraction", str(fraction)], check=True, cwd=REPO, env=_env(),
                       stdout=subprocess.DEVNULL)
    return json.loads((corpus / "stats.json").read_text(encoding="utf-8"))


def train(folder: Path, steps: int, seed: int) -> None:
    """`spacy train` for a fixed number of steps (model-best is chosen on the tuning split)."""
    corpus = folder / "corpus"
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--code", str(REPO / "training" / "functions.py"),
           "--output", str(folder), "--paths.train", str(corpus / "train.spacy"),
           "--paths.dev", str(corpus / "dev.spacy"), "--training.max_steps", str(steps),
           "--system.seed", str(seed)]
    with open(folder / "train.log", "w", encoding="utf-8") as log:
        subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, env=_env(), check=True)


def score(model: Path) -> dict:
    """GSD test scores of one model, alone and with the rule repairs of `load_nlp()`."""
    from lagebild import paths
    from lagebild.evaluation.ud import evaluate_ud
    from lagebild.nlp.loading import load_model
    from lagebild.pipeline import add_core_repairs

    gsd_test = paths.shared_data_dir() / "ud_german_gsd" / "de_gsd-ud-test.conllu"
    nlp = load_model(model, prune=False)
    alone = evaluate_ud(nlp, gsd_test)
    add_core_repairs(nlp)
    repaired = evaluate_ud(nlp, gsd_test)
    return {"alone": {k: alone.get(k) for k in KEYS}, "repaired": {k: repaired.get(k) for k in KEYS}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fraction", type=float, required=True)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0, help="spaCy's seed (another seed measures the noise)")
    ap.add_argument("--out", type=Path, default=REPO / "training" / "output" / "core_curve")
    ap.add_argument("--score-only", action="store_true", help="score an already trained fraction")
    args = ap.parse_args()
    folder = args.out / (f"gsd{args.fraction:g}" + (f"_seed{args.seed}" if args.seed else ""))
    folder.mkdir(parents=True, exist_ok=True)
    stats = prepare(args.fraction, folder)
    if not args.score_only:
        train(folder, args.steps, args.seed)
    result = {"gsd_fraction": args.fraction, "gsd_train_words": stats["gsd_train_words"],
              "train_tokens_total": stats["train_tokens_total"], "steps": args.steps, "seed": args.seed,
              **score(folder / "model-best")}
    print(json.dumps(result), flush=True)
    with open(args.out / "curve.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# One command: prepare data, (train vectors if absent), train the NER, write models/de_ner.
# Usage: training/train_ner.sh [--full] [extra spacy train overrides, e.g. --training.max_steps 8000]
#   --full        train on all of GermEval 2014 dev (after tuning on the 80/20 split)
#   MAX_MIN=70    wall-clock minutes after which training is stopped and model-best is shipped
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
FULL=""
if [[ "${1:-}" == "--full" ]]; then FULL="--full"; shift; fi
DATA=${LAGEBILD_DATA:-../shared/data}
OUTDIR=training/output/ner${FULL:+_full}
MAX_MIN=${MAX_MIN:-70}

[[ -d training/vectors/de_vectors ]] || training/train_vectors.sh "$DATA"
$PY training/prepare_ner.py --data "$DATA" $FULL
mkdir -p "$OUTDIR"
# spaCy has no wall-clock limit: stop after MAX_MIN minutes; model-best is saved at every evaluation.
timeout --signal=INT "$((MAX_MIN*60))" \
  $PY -m spacy train training/configs/ner.cfg --output "$OUTDIR" "$@" \
  2>&1 | tee "$OUTDIR/train.log" || true
test -d "$OUTDIR/model-best"
$PY training/finalize_ner.py "$OUTDIR/model-best" models/de_ner --data "$DATA" $FULL \
  --cmd "training/train_ner.sh ${FULL} $* (MAX_MIN=${MAX_MIN})"

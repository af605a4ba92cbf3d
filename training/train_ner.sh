#!/usr/bin/env bash
# One command: prepare data, train vectors (if absent), train the NER, write models/de_ner.
#   training/train_ner.sh          stage 1: train on GermEval dev 80 % (+ other corpora), select
#                                  model-best on the 20 % tuning split, ship it to models/de_ner
#   training/train_ner.sh --full   stage 2 (after stage 1): continue training stage 1's model-best
#                                  on all of GermEval dev (lower learning rate, fixed steps), ship model-last
#   MAX_MIN=45                     wall-clock minutes after which spaCy training is stopped
# Extra arguments are passed to `spacy train` as config overrides (e.g. --training.max_steps 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
FULL=""
if [[ "${1:-}" == "--full" ]]; then FULL="--full"; shift; fi
DATA=${LAGEBILD_DATA:-../shared/data}
MAX_MIN=${MAX_MIN:-45}
if [[ -n "$FULL" ]]; then
  CFG=training/configs/ner_finetune.cfg; OUTDIR=training/output/ner_full; SHIP=model-last
  test -d training/output/ner/model-best || { echo "run stage 1 (training/train_ner.sh) first" >&2; exit 1; }
else
  CFG=training/configs/ner.cfg; OUTDIR=training/output/ner; SHIP=model-best
fi

[[ -d training/vectors/de_vectors ]] || training/train_vectors.sh "$DATA"
$PY training/prepare_ner.py --data "$DATA" $FULL
mkdir -p "$OUTDIR"
# spaCy has no wall-clock limit: stop after MAX_MIN minutes (model-best is saved at every evaluation;
# on SIGINT spaCy also saves model-last).
timeout --foreground --signal=INT "$((MAX_MIN*60))" \
  $PY -m spacy train "$CFG" --output "$OUTDIR" "$@" 2>&1 | tee "$OUTDIR/train.log" || true
test -d "$OUTDIR/$SHIP"
$PY training/finalize_ner.py "$OUTDIR/$SHIP" models/de_ner --data "$DATA" $FULL \
  --cmd "MAX_MIN=${MAX_MIN} training/train_ner.sh ${FULL} $*"

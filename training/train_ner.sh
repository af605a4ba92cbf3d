#!/usr/bin/env bash
# One command: train vectors (if absent), prepare data, train the NER in 3 stages, write models/de_ner.
#   stage 1  training/configs/ner.cfg (3000 steps): GermEval dev 80 % (x3) + Europarl + Europeana + Legal NER + SmartData,
#            model-best selected on the 20 % GermEval tuning split (stops after MAX_MIN1 minutes)
#   stage 2  training/configs/ner_adapt.cfg: continue stage 1's model-best on GermEval dev 80 % only,
#            lower learning rate; selection on the tuning split (reported as the tuning score)
#   stage 3  training/configs/ner_finetune.cfg: continue stage 1's model-best on ALL of GermEval dev with
#            stage 2's settings for a fixed 300 steps; model-last is shipped to models/de_ner
# Usage: training/train_ner.sh       (MAX_MIN1=45 MAX_MIN2=12 to change the wall-clock limits)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
DATA=${LAGEBILD_DATA:-../shared/data}
MAX_MIN1=${MAX_MIN1:-45}
MAX_MIN2=${MAX_MIN2:-12}
O=training/output

[[ -d training/vectors/de_vectors ]] || training/train_vectors.sh "$DATA"
$PY training/prepare_ner.py --data "$DATA"
$PY training/prepare_ner.py --data "$DATA" --germeval-only --train-name ner_train_germeval.spacy
$PY training/prepare_ner.py --data "$DATA" --germeval-only --full --train-name ner_train_germeval_full.spacy
mkdir -p $O/ner $O/ner_adapt $O/ner_full
# spaCy has no wall-clock limit: timeout sends SIGINT (model-best is saved at every evaluation).
timeout --foreground --signal=INT "$((MAX_MIN1*60))" \
  $PY -m spacy train training/configs/ner.cfg --output $O/ner 2>&1 | tee $O/ner/train.log || true
test -d $O/ner/model-best
timeout --foreground --signal=INT "$((MAX_MIN2*60))" \
  $PY -m spacy train training/configs/ner_adapt.cfg --output $O/ner_adapt 2>&1 | tee $O/ner_adapt/train.log || true
$PY -m spacy train training/configs/ner_finetune.cfg --output $O/ner_full 2>&1 | tee $O/ner_full/train.log
$PY training/finalize_ner.py $O/ner_full/model-last models/de_ner --data "$DATA" --full \
  --tune-model $O/ner_adapt/model-best \
  --cmd "MAX_MIN1=${MAX_MIN1} MAX_MIN2=${MAX_MIN2} training/train_ner.sh"

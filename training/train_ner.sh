#!/usr/bin/env bash
# One command: train vectors (if absent), prepare data, train the NER in 3 stages, write models/de_ner.
#   stage 1  training/configs/ner.cfg (3000 steps): GermEval dev 80 % (x3) + the news corpus's training part
#            (x NEWS_REPEAT, default 2; without its tuning slice) + Europarl + Europeana + Legal NER + SmartData,
#            model-best selected on the tuning file: the 20 % GermEval tuning split + the news corpus's tuning
#            slice (lagebild.corpus.sources.train_dev) (stops after MAX_MIN1 minutes)
#   stage 2  training/configs/ner_adapt.cfg: continue stage 1's model-best on GermEval dev 80 % + the news
#            corpus's training part, lower learning rate; selection on the tuning file (reported as the tuning score)
#   stage 3  training/configs/ner_finetune.cfg: continue stage 1's model-best on ALL of GermEval dev + the news
#            corpus's training part with stage 2's settings for a fixed 300 steps; model-last is shipped to
#            models/de_ner (it never saw the news corpus's tuning slice)
# Usage: training/train_ner.sh       (MAX_MIN1=45 MAX_MIN2=12 to change the wall-clock limits;
#        NER_WIDTH=96 for the tok2vec width (default 96, the shipped model);
#        NER_DEPTH=4 for the number of CNN layers (default 3, the shipped model);
#        NER_DROP_LABELS=PERderiv,... for the labels trained as O (default: all eight deriv/part subtypes, which
#        lagebild.nlp.ner_subtypes adds by rule; "" keeps all twelve labels);
#        PRETRAINED=path/model.bin for spacy pretrain weights of the NER's tok2vec (training/configs/ner_pretrain.cfg);
#        TRAIN_CORPUS=path.spacy for another stage-1 training corpus;
#        SILVER_TEACHER=model for self-training: stage 1 adds ~100k tokens of news labelled by that NER
#        (training/make_ner_silver.py); the shipped model: teacher = a first run's stage-2 model-best;
#        OUT=training/output and MODEL_OUT=models/de_ner for where the stages and the model go)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export PYTHONPATH=src${PYTHONPATH:+:$PYTHONPATH}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
DATA=${LAGEBILD_DATA:-../shared/data}
MAX_MIN1=${MAX_MIN1:-45}
MAX_MIN2=${MAX_MIN2:-12}
NER_WIDTH=${NER_WIDTH:-96}
NER_DEPTH=${NER_DEPTH:-3}
NER_DROP_LABELS=${NER_DROP_LABELS-PERderiv,PERpart,ORGderiv,OTHderiv,OTHpart,LOCderiv,LOCpart,ORGpart}
O=${OUT:-training/output}
MODEL_OUT=${MODEL_OUT:-models/de_ner}
WIDTH=(--components.ner.model.tok2vec.embed.width "$NER_WIDTH" --components.ner.model.tok2vec.encode.width "$NER_WIDTH"
       --components.ner.model.tok2vec.encode.depth "$NER_DEPTH")

[[ -d training/vectors/de_vectors ]] || training/train_vectors.sh "$DATA"
NEWS_REPEAT=${NEWS_REPEAT:-2}
DROP=(--drop-labels "$NER_DROP_LABELS")
if [[ -z "${SKIP_PREPARE:-}" ]]; then  # SKIP_PREPARE=1: a second run beside a first one reuses its corpus files
  $PY training/prepare_ner.py --data "$DATA" --corpus-repeat "$NEWS_REPEAT" "${DROP[@]}"
  $PY training/prepare_ner.py --data "$DATA" --germeval-only --train-name ner_train_germeval.spacy "${DROP[@]}"
  $PY training/prepare_ner.py --data "$DATA" --germeval-only --full --train-name ner_train_germeval_full.spacy "${DROP[@]}"
fi
if [[ -n "${SILVER_TEACHER:-}" ]]; then  # self-training: stage 1 also learns the teacher's labels of news text
  $PY training/make_ner_silver.py "$SILVER_TEACHER"
  TRAIN_CORPUS=training/corpus/ner_train_silver.spacy
fi
mkdir -p $O/ner $O/ner_adapt $O/ner_full
# spaCy has no wall-clock limit: timeout sends SIGINT (model-best is saved at every evaluation).
timeout --foreground --signal=INT "$((MAX_MIN1*60))" \
  $PY -m spacy train training/configs/ner.cfg --code training/functions.py --output $O/ner "${WIDTH[@]}" \
    --paths.init_ner_tok2vec "${PRETRAINED:-}" --paths.train "${TRAIN_CORPUS:-training/corpus/ner_train.spacy}" 2>&1 | tee $O/ner/train.log || true
test -d $O/ner/model-best
timeout --foreground --signal=INT "$((MAX_MIN2*60))" \
  $PY -m spacy train training/configs/ner_adapt.cfg --output $O/ner_adapt --paths.source $O/ner/model-best 2>&1 | tee $O/ner_adapt/train.log || true
$PY -m spacy train training/configs/ner_finetune.cfg --output $O/ner_full --paths.source $O/ner/model-best 2>&1 | tee $O/ner_full/train.log
[[ -n "${SKIP_FINALIZE:-}" ]] && exit 0   # stop before the evaluation (finalize_ner.py by hand later)
$PY training/finalize_ner.py $O/ner_full/model-last "$MODEL_OUT" --data "$DATA" --full \
  --tune-model $O/ner_adapt/model-best \
  --cmd "${SILVER_TEACHER:+SILVER_TEACHER=${SILVER_TEACHER} }MAX_MIN1=${MAX_MIN1} MAX_MIN2=${MAX_MIN2} NEWS_REPEAT=${NEWS_REPEAT} NER_WIDTH=${NER_WIDTH} NER_DEPTH=${NER_DEPTH} NER_DROP_LABELS=${NER_DROP_LABELS} training/train_ner.sh"

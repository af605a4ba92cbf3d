#!/usr/bin/env bash
# spacy pretrain (characters objective) of a tok2vec shaped like the NER's (training/configs/ner_pretrain.cfg:
# width 96, 4 layers), on the raw text of the floret vectors (training/vectors/raw.txt, written by
# train_vectors.sh; GermEval 2014 test excluded), about 7 minutes an epoch. With 1 or 4 epochs it gives no
# gain on the NER tuning split, so the shipped NER does not use it (models/de_ner/README.md).
# Use the weights with: PRETRAINED=training/output/pretrain/model3.bin NER_DEPTH=4 training/train_ner.sh
# Usage: training/pretrain_ner.sh [max_epochs]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
[[ -f training/vectors/raw.txt ]] || training/train_vectors.sh "${LAGEBILD_DATA:-../shared/data}"
$PY - <<'PYEOF'
import json
with open("training/vectors/raw.txt", encoding="utf-8") as f, open("training/vectors/raw.jsonl", "w", encoding="utf-8") as o:
    for line in f:
        if line.strip():
            o.write(json.dumps({"text": line.strip()}, ensure_ascii=False) + "\n")
PYEOF
mkdir -p training/output/pretrain
$PY -m spacy pretrain training/configs/ner_pretrain.cfg training/output/pretrain \
  --pretraining.max_epochs "${1:-4}" 2>&1 | tee training/output/pretrain/log.txt

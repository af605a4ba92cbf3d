"""Self-training data for the NER: unlabelled news sentences labelled by a teacher NER, added to the
stage-1 corpus (`training/train_ner.sh` with SILVER_TEACHER=<model>).

Text: the same unlabelled news as `training/prune_core_labels.py` (`training_news`: WikiNews
quotation *train* articles, 10kGNAD rows 300-899, the corpus's held-out articles left out), without every
article of the annotated corpus (its gold labels are in the training data, its tuning slice must stay unseen), shuffled with a fixed seed, cut into sentences by
spaCy's rule-based sentencizer; sentences of 5 to 80 tokens until LIMIT tokens. The teacher should be a
model that never saw the tuning split (a stage-2 model-best), so that the tuning scores stay fair.
Writes training/corpus/ner_train_silver.spacy = training/corpus/ner_train.spacy + the silver sentences.
Run: .venv/bin/python training/make_ner_silver.py TEACHER [--limit 100000]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from lagebild.nlp.loading import load_model  # noqa: E402
from lagebild.corpus.loader import corpus_files  # noqa: E402
from lagebild.corpus.training_text import training_news  # noqa: E402


def silver_texts() -> list[str]:
    """Training news (10kGNAD from row 300, as the core's label pruning reads) without the corpus's articles."""
    annotated = {path.stem for path in corpus_files()}
    return [article.text for article in training_news(gnad_start=300) if article.id not in annotated]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("teacher", type=Path)
    ap.add_argument("--limit", type=int, default=100_000, help="silver tokens")
    ap.add_argument("--out", type=Path, default=ROOT / "training/corpus/ner_train_silver.spacy")
    args = ap.parse_args()
    teacher = load_model(args.teacher)
    splitter = spacy.blank("de", vocab=teacher.vocab)  # the teacher's vocab holds its vectors
    splitter.add_pipe("sentencizer")
    texts = silver_texts()
    random.Random(7).shuffle(texts)
    silver, n_tokens = [], 0
    for doc in teacher.pipe((splitter(t) for t in texts), batch_size=32):
        for sent in doc.sents:
            if 5 <= len(sent) <= 80:
                silver.append(sent.as_doc())
                n_tokens += len(sent)
        if n_tokens >= args.limit:
            break
    gold = list(DocBin().from_disk(ROOT / "training/corpus/ner_train.spacy").get_docs(teacher.vocab))
    DocBin(docs=gold + silver, store_user_data=False).to_disk(args.out)
    print(f"{len(silver)} silver sentences, {n_tokens} tokens, {sum(len(d.ents) for d in silver)} entities; "
          f"{len(gold)} gold documents; -> {args.out}")


if __name__ == "__main__":
    main()

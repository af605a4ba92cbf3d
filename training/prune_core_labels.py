"""Write `models/de_core/lagebild_labels.json`: the output labels of the lemmatizer and the
morphologizer that the core model actually predicts on news text.

The trainable lemmatizer has 2,067 edit-tree classes and the morphologizer 910 POS+FEATS classes,
most of them learnt from single 19th-century spellings. Their softmax layers are matrix products
over every class for every token; `lagebild.nlp.loading.prune_output_labels` keeps only the
classes listed here, which gives the same argmax wherever the full model's best class is kept.

Text: unlabelled news, never a test split: `lagebild.corpus.training_text.training_news` (WikiNews
quotation *train* articles and 10kGNAD rows 300-899, the first 300 being the speed benchmark's text;
the corpus's held-out articles left out). A class is
kept when the full model predicts it at least MIN_PREDICTED times there, or when it is the gold
class of at least MIN_GOLD words of the core training data (training/corpus/train.spacy).
The thresholds were chosen on the core tuning split and PUD's tuning tenth (see
models/de_core/README.md): classes seen on news only once or twice still matter for historical text.
Run: .venv/bin/python training/prune_core_labels.py [--model models/de_core]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild import paths  # noqa: E402
from lagebild.corpus.training_text import training_news_texts  # noqa: E402
from lagebild.nlp.loading import LABELS_FILE, load_model  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

MIN_PREDICTED, MIN_GOLD = 1, 5
PIPES = ("trainable_lemmatizer", "morphologizer")


def news_texts() -> list[str]:
    """Training news without the speed benchmark's text (10kGNAD rows 0-299)."""
    return training_news_texts(gnad_start=300)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=paths.models_dir() / "de_core")
    model_dir = ap.parse_args().model
    nlp = load_model(model_dir, prune=False)  # the full model decides what to keep
    counts = {name: collections.Counter() for name in PIPES}
    tok2vec = nlp.get_pipe("tok2vec")
    docs = [nlp.make_doc(t) for t in news_texts()]
    n_tokens = sum(len(d) for d in docs)
    for i in range(0, len(docs), 16):  # the argmax class of each head, from the full softmax
        batch = docs[i:i + 16]
        tok2vec.set_annotations(batch, tok2vec.predict(batch))
        for name in PIPES:
            for scores in nlp.get_pipe(name).model.predict(batch):
                counts[name].update(scores.argmax(axis=1).tolist())
    gold = gold_counts(nlp)
    out = {"min_predicted": MIN_PREDICTED, "min_gold": MIN_GOLD, "news_tokens": n_tokens,
           "source": "training/prune_core_labels.py"}
    for name in PIPES:
        pipe = nlp.get_pipe(name)
        labels = list(pipe.cfg["labels"]) if name == "trainable_lemmatizer" else list(pipe.cfg["labels_morph"])
        keep = sorted({i for i, c in counts[name].items() if c >= MIN_PREDICTED}
                      | {i for i, c in gold[name].items() if c >= MIN_GOLD})
        out[name] = {"n_labels": len(labels), "keep_index": keep}
        covered = sum(c for i, c in counts[name].items() if i in set(keep)) / max(1, sum(counts[name].values()))
        print(f"{name}: keep {len(keep)} of {len(labels)} classes; "
              f"{100 * covered:.3f} % of the full model's predictions on the news text are kept classes")
    (model_dir / LABELS_FILE).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


def gold_counts(nlp) -> dict[str, collections.Counter]:
    """How often each class is the gold class of a training word (lemma tree; POS+FEATS label)."""
    lemmatizer, morphologizer = nlp.get_pipe("trainable_lemmatizer"), nlp.get_pipe("morphologizer")
    tree_index = {tree: i for i, tree in enumerate(lemmatizer.cfg["labels"])}
    morph_index = {label: i for i, label in enumerate(morphologizer.cfg["labels_morph"])}
    counts = {name: collections.Counter() for name in PIPES}
    for doc in DocBin().from_disk(ROOT / "training/corpus/train.spacy").get_docs(nlp.vocab):
        for t in doc:
            if t.lemma_:
                i = tree_index.get(lemmatizer.trees.add(t.text, t.lemma_))
                if i is not None:
                    counts["trainable_lemmatizer"][i] += 1
            feats = t.morph.to_dict()
            if t.pos_:
                feats["POS"] = t.pos_
            i = morph_index.get(nlp.vocab.strings[nlp.vocab.morphology.add(feats)])
            if i is not None:
                counts["morphologizer"][i] += 1
    return counts


if __name__ == "__main__":
    main()

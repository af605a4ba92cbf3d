"""How much of the Mood error comes from wrong tags and a wrong parse: Mood on finite verbs with the
model's STTS tags and parse, then with gold tags, gold parse or both put in before the finite-verb
repair (`lagebild.nlp.finite`), which decides from them which verb of a clause is finite.

Use it on data the core model never saw: GSD dev's second half (sentences 400 to 798) with the model
that `training/core_learning_curve.py --fraction 0.5` trains on the first half. The morphologizer's
own Mood is the same in all four runs; only what the repair reads changes.

Usage: .venv/bin/python training/mood_oracle.py --model training/output/core_curve/gsd0.5/model-best
       [--conllu ../shared/data/ud_german_gsd/de_gsd-ud-dev.conllu --first 400]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import lagebild.pipeline as pipeline  # noqa: E402
from lagebild import paths  # noqa: E402
from lagebild.evaluation.ud import make_doc, read_conllu  # noqa: E402
from lagebild.nlp.finite import finite_repair  # noqa: E402

MODES = ("model", "gold_tags", "gold_parse", "gold_both")


def held_out_sentences(conllu: Path, first: int) -> Path:
    """The CoNLL-U sentences from index `first` on, in a temporary file."""
    blocks = conllu.read_text(encoding="utf-8").strip().split("\n\n")
    out = Path(tempfile.mkstemp(suffix=".conllu")[1])
    out.write_text("\n\n".join(blocks[first:]) + "\n\n", encoding="utf-8")
    return out


def mood_accuracy(nlp, sentences, mode: str) -> tuple[int, int]:
    """(correct, total) Mood on gold finite verbs, with gold tags and/or parse per `mode`."""
    before = nlp.pipe_names[:nlp.pipe_names.index("lagebild_finite_repair")]
    correct = total = 0
    for sent in sentences:
        with nlp.select_pipes(enable=before):
            doc = nlp(make_doc(nlp.vocab, [sent]))
        words = sent.words
        if mode in ("gold_tags", "gold_both"):
            for tok, word in zip(doc, words):
                tok.tag_ = word.xpos
        if mode in ("gold_parse", "gold_both"):
            heads = [w.head - 1 if w.head else i for i, w in enumerate(words)]
            deps = [w.deprel if w.head else "ROOT" for w in words]
            gold = Doc(doc.vocab, words=[t.text for t in doc], heads=heads, deps=deps)
            doc.from_array([HEAD, DEP], gold.to_array([HEAD, DEP]))
        finite_repair(doc)
        for tok, word in zip(doc, words):
            gold_mood = word.feats.get("Mood")
            if gold_mood and word.feats.get("VerbForm") == "Fin":
                total += 1
                predicted = tok.morph.get("Mood")
                correct += (predicted[0] if predicted else None) == gold_mood
    return correct, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, required=True, help="core model folder")
    ap.add_argument("--conllu", type=Path,
                    default=paths.shared_data_dir() / "ud_german_gsd" / "de_gsd-ud-dev.conllu")
    ap.add_argument("--first", type=int, default=400, help="first sentence index to score")
    args = ap.parse_args()
    pipeline.CORE_MODEL = args.model.resolve()
    nlp = pipeline.build_nlp()
    sentences = read_conllu(held_out_sentences(args.conllu, args.first))
    for mode in MODES:
        correct, total = mood_accuracy(nlp, sentences, mode)
        print(f"{mode:11} Mood on finite verbs {100 * correct / total:.2f} ({correct}/{total})", flush=True)


if __name__ == "__main__":
    main()

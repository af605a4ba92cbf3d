"""Evaluate a trained NER pipeline and write models/de_ner (model, README.md, meta.json additions).

Usage: finalize_ner.py MODEL_SRC OUT_DIR --cmd "..." [--full]
Scores: the tuning sets (GermEval dev, every 5th sentence; the news corpus's tuning slice,
training/corpus/news_tune.tsv from prepare_ner.py) and the held-out GermEval 2014 test (evaluated
once, at the end; never used for any decision).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from lagebild.evaluation.ner import evaluate_ner, format_ner, read_germeval  # noqa: E402
from lagebild.nlp import ner_rules  # noqa: E402,F401  (registers lagebild_ner_rules)
from lagebild.nlp.loading import load_model  # noqa: E402


def write_tune_tsv(data: Path, out: Path) -> Path:
    sents = read_germeval(data / "germeval2014_ner/NER-de-dev.tsv")
    with open(out, "w", encoding="utf-8") as f:
        for i, (words, tags) in enumerate(sents):
            if i % 5:
                continue
            f.write("#\ttune\t\n")
            for k, (w, t) in enumerate(zip(words, tags), 1):
                f.write(f"{k}\t{w}\t{t}\tO\n")
            f.write("\n")
    return out


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cmd", default="training/train_ner.sh")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--stats", type=Path, default=ROOT / "training/corpus/ner_train_stats.json")
    ap.add_argument("--tune-model", type=Path, default=None,
                    help="model that never saw the tuning split (stage 2 model-best): its tuning score is reported")
    args = ap.parse_args()

    if args.out.exists():
        shutil.rmtree(args.out)
    nlp = spacy.load(args.src)
    nlp.meta["name"] = "ner"
    nlp.meta["version"] = "0.1.0"
    labels = nlp.get_pipe("ner").labels
    nlp.meta["description"] = (f"German NER, GermEval 2014 outer-level labels ({' '.join(labels)}"
                               + ("; deriv/part forms from lagebild_ner_rules" if len(labels) == 4 else "")
                               + "), self-contained ner component with floret static vectors")
    nlp.meta["license"] = "CC BY-NC-SA 4.0 (trained partly on research-only / non-commercial data; see README.md)"
    nlp.to_disk(args.out)

    def with_rules(path):  # loaded once; evaluated alone and as lagebild.load_nlp() runs it
        ruled = load_model(path)
        ruled.add_pipe("lagebild_ner_rules")
        return ruled

    def scores(model, tsv):  # (the NER alone, the NER + lagebild_ner_rules)
        return (evaluate_ner(model, tsv, pipes=["ner"]),
                evaluate_ner(model, tsv, pipes=["ner", "lagebild_ner_rules"]))

    shipped = with_rules(args.out)
    clean = with_rules(args.tune_model) if args.tune_model else shipped
    tune_tsv = write_tune_tsv(args.data, ROOT / "training/corpus/germeval_tune.tsv")
    tune = evaluate_ner(shipped, tune_tsv, pipes=["ner"])
    clean_tune, clean_tune_rules = scores(clean, tune_tsv)
    news_tsv = ROOT / "training/corpus/news_tune.tsv"
    news, news_rules = scores(shipped, news_tsv) if news_tsv.exists() else (None, None)
    test, test_rules = scores(shipped, args.data / "germeval2014_ner/NER-de-test.tsv")
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "unknown"
    if not args.stats.exists() and (ROOT / "training/corpus/ner_stats.json").exists():
        args.stats = ROOT / "training/corpus/ner_stats.json"
    stats = json.loads(args.stats.read_text()) if args.stats.exists() else {}
    full_stats = ROOT / "training/corpus/ner_train_germeval_full_stats.json"
    if args.full and full_stats.exists():
        stats.update({"stage3 " + k: v for k, v in json.loads(full_stats.read_text()).items() if k.startswith("germeval_train")})
    size_mb = round(dir_size(args.out) / 1e6, 1)

    def short(r):
        return {k: {"p": r[k]["p"], "r": r[k]["r"], "f": r[k]["f"],
                    "per_class": {lab: c["f"] for lab, c in r[k]["per_class"].items()}} for k in ("base4", "all12")}

    meta = json.loads((args.out / "meta.json").read_text())
    meta["lagebild"] = {
        "training_command": args.cmd,
        "git_commit": commit,
        "trained_on_all_germeval_dev": args.full,
        "tuning_set": "GermEval 2014 dev, sentences with index % 5 == 0 (440 sentences)"
        + (" -- NOTE: also in the training data of this final model" if args.full else ""),
        "scores_tuning_set_clean": short(clean_tune),
        "scores_tuning_set_clean_model": str(args.tune_model or args.src),
        "scores_tuning_set_shipped_model": short(tune),
        "scores_germeval2014_test": short(test),
        "scores_tuning_set_clean_with_rules": short(clean_tune_rules),
        "scores_germeval2014_test_with_rules": short(test_rules),
        "scores_news_tuning_slice": short(news) if news else None,
        "scores_news_tuning_slice_with_rules": short(news_rules) if news else None,
        "words_per_second_ner_only_1_thread": test["words_per_second"],
        "size_mb": size_mb,
        "corpus_stats": stats,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    readme = (ROOT / "training/ner_model_README.md").read_text(encoding="utf-8")
    readme = readme.replace("{{TUNE}}", format_ner(clean_tune)).replace("{{TEST}}", format_ner(test))
    readme = readme.replace("{{TUNE_RULES}}", format_ner(clean_tune_rules)).replace("{{TEST_RULES}}", format_ner(test_rules))
    readme = readme.replace("{{TUNE_SHIPPED}}", f"{tune['base4']['f']:.2f} (4 classes) / {tune['all12']['f']:.2f} (12 labels)")
    if news:
        readme = readme.replace("{{NEWS}}", format_ner(news)).replace("{{NEWS_RULES}}", format_ner(news_rules))
    readme = readme.replace("{{CMD}}", args.cmd).replace("{{COMMIT}}", commit).replace("{{SIZE}}", str(size_mb))
    readme = readme.replace("{{STATS}}", "\n".join(f"| {k} | {v} |" for k, v in stats.items()))
    readme = readme.replace("{{FULL}}", "yes (tuning-set scores are therefore optimistic)" if args.full else "no")
    (args.out / "README.md").write_text(readme, encoding="utf-8")
    print(format_ner(clean_tune))
    print("shipped model on tuning set (seen in training):", tune["base4"]["f"], tune["all12"]["f"])
    print()
    print(format_ner(test))
    print(format_ner(clean_tune_rules))
    print(format_ner(test_rules))
    if news:
        print(format_ner(news))
        print(format_ner(news_rules))
    print("size MB", size_mb)


if __name__ == "__main__":
    main()

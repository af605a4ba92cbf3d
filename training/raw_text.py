"""Write tokenised raw German text (one sentence/paragraph per line) for floret vector training.

Sources: the news that training may read (`lagebild.corpus.training_text.training_news`: WikiNews
quotation train articles and 10kGNAD rows 0-899, without the corpus's held-out articles), and the other
texts of /work/shared/data EXCEPT GermEval 2014 test (held out, not even raw text). MobIE is skipped
(same text as SmartData).
Tokenisation: spaCy's blank German tokenizer, so vector keys match pipeline tokens.
"""
from __future__ import annotations

import glob
import re
import sys
from pathlib import Path

import spacy

from lagebild.corpus.training_text import training_news_texts
from prepare_ner import iter_json_concat  # training/ is on sys.path when this script runs

DATA = Path(sys.argv[1])
OUT = Path(sys.argv[2])


def raw_texts():
    yield from training_news_texts()
    for split in ("train", "test"):
        for d in iter_json_concat(DATA / f"smartdata/{split}.json"):
            yield d["text"]["string"]


def token_lines():
    # already tokenised corpora: one sentence per line
    def conll(path, col, sep=None, comment="#"):
        sent = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line.strip():
                    if sent:
                        yield " ".join(sent)
                    sent = []
                    continue
                if line.startswith(comment):
                    continue
                parts = line.split(sep) if sep else line.split()
                if len(parts) > col:
                    sent.append(parts[col])
        if sent:
            yield " ".join(sent)

    yield from conll(DATA / "germeval2014_ner/NER-de-dev.tsv", 1, "\t")
    for s in ("train", "dev", "test"):
        yield from conll(DATA / f"europarl_ner_de/{s}.tsv", 0, "\t")
    for s in ("dev", "test"):
        yield from conll(DATA / f"legal_ner/ler_{s}.conll", 0, " ")
    for p in sorted(glob.glob(str(DATA / "europeana_ner_de/*.bio"))):
        yield from conll(Path(p), 0, " ")
    for p in ("ud_german_gsd/de_gsd-ud-dev.conllu", "ud_german_gsd/de_gsd-ud-test.conllu",
              "ud_german_pud/de_pud-ud-test.conllu", "ud_german_lit/de_lit-ud-test.conllu"):
        yield from (l for l in conll(DATA / p, 1, "\t") )
    for p in sorted(glob.glob(str(DATA / "redewiedergabe/tsv/*.tsv"))):
        sent = []
        with open(p, encoding="utf-8") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 6:
                    continue
                if parts[5] == "yes" and sent:
                    yield " ".join(sent)
                    sent = []
                sent.append(parts[0])
        if sent:
            yield " ".join(sent)


def main() -> None:
    nlp = spacy.blank("de")
    n = 0
    with open(OUT, "w", encoding="utf-8") as out:
        for text in raw_texts():
            for para in re.split(r"\n+", text):
                para = para.strip()
                if para:
                    out.write(" ".join(t.text for t in nlp.make_doc(para) if not t.is_space) + "\n")
                    n += 1
        for line in token_lines():
            out.write(line + "\n")
            n += 1
    print("lines", n)


if __name__ == "__main__":
    main()

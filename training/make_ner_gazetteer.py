"""Build `resources/de/ner_gazetteer.tsv`: names whose type is (almost) always the same in the
NER training data, used by `lagebild.nlp.ner_rules` to correct the type the model assigns.

Source: training/corpus/ner_train.spacy as written by prepare_ner.py (GermEval 2014 dev minus its
tuning fifth, Europarl, Europeana, SmartData, Legal NER; GermEval test is never read). A name is
kept when it occurs at least MIN_COUNT times with one base type in at least PURITY of them.
Run: .venv/bin/python training/make_ner_gazetteer.py
"""
from __future__ import annotations

import collections
import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from resource_tables import majority, write_resource_tsv  # training/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
MIN_COUNT, PURITY = 3, 0.9
BASE = ("PER", "ORG", "LOC", "OTH")
NAME = re.compile(r"^[A-ZÄÖÜ][\w\-. ]*\w$")


def main() -> None:
    nlp = spacy.blank("de")
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc in DocBin().from_disk(ROOT / "training/corpus/ner_train.spacy").get_docs(nlp.vocab):
        for ent in doc.ents:
            if ent.label_ in BASE:
                counts[ent.text][ent.label_] += 1
    rows = []
    for text, c in sorted(counts.items()):
        label, n, total = majority(c)
        if n >= MIN_COUNT and n / total >= PURITY and NAME.match(text):
            rows.append([text, label, n])
    out = write_resource_tsv("ner_gazetteer.tsv", ["name", "type", "count"], rows)
    print(f"{len(rows)} names -> {out}")


if __name__ == "__main__":
    main()

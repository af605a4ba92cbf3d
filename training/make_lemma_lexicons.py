"""Build the two word lists of the lemma repair (`lagebild.nlp.lemmas`) from the core training data.

* `resources/de/noun_lemmas.tsv`: lower-cased common-noun forms (STTS `NN`, letters only) with the
  lemma they have in at least PURITY of their occurrences: the heads that the repair finds at the
  end of compounds the lemmatizer never saw ("gewitter|stürme" -> "stürme" -> "Sturm").
* `resources/de/verb_lemmas.tsv`: full-verb lemmas (STTS `VV*`) seen at least MIN_VERB times, that
  end in -n: the infinitives a weak-verb guess must hit to replace a lemma that is no infinitive.

Source: training/corpus/train.spacy as written by prepare_core.py (UD German GSD dev, 90 % of PUD,
LIT, 39 of 40 Redewiedergabe files); the tuning split and UD German GSD test are never read.
Run: .venv/bin/python training/make_lemma_lexicons.py
"""
from __future__ import annotations

import collections
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from resource_tables import majority, write_resource_tsv  # training/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
PURITY, MIN_VERB = 0.9, 2


def main() -> None:
    nlp = spacy.blank("de")
    nouns: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    verbs: collections.Counter = collections.Counter()
    for doc in DocBin().from_disk(ROOT / "training/corpus/train.spacy").get_docs(nlp.vocab):
        for t in doc:
            if not t.lemma_:
                continue
            if t.tag_ == "NN" and t.text.isalpha() and t.lemma_.isalpha():
                nouns[t.text.lower()][t.lemma_] += 1
            elif t.tag_.startswith("VV") and t.lemma_.isalpha() and t.lemma_.islower():
                verbs[t.lemma_] += 1
    noun_rows = []
    for form, c in sorted(nouns.items()):
        lemma, n, total = majority(c)
        if n / total >= PURITY:
            noun_rows.append([form, lemma])
    verb_rows = [[v] for v in sorted(v for v, n in verbs.items() if n >= MIN_VERB and v.endswith("n"))]
    write_resource_tsv("noun_lemmas.tsv", ["form", "lemma"], noun_rows)
    write_resource_tsv("verb_lemmas.tsv", ["lemma"], verb_rows)
    print(f"noun_lemmas.tsv: {len(noun_rows)} forms; verb_lemmas.tsv: {len(verb_rows)} lemmas")


if __name__ == "__main__":
    main()

"""Build `resources/de/ner_gazetteer.tsv`: names whose type is (almost) always the same in the
NER training data, used by `lagebild.nlp.ner_rules` to correct the type the model assigns.

Source: training/corpus/ner_train.spacy as written by prepare_ner.py (GermEval 2014 dev minus its
tuning fifth, Europarl, Europeana, SmartData, Legal NER; GermEval test is never read). A name is
kept when it occurs at least MIN_COUNT times with one base type in at least PURITY of them.
Two more columns count, over the distinct training sentences (the GermEval part is
repeated in the corpus), how often the name's words occur at all and how often they stand outside
every entity: a name that is practically never outside one ("München", "Portugal"; not "Union")
may be added where the model found nothing (`lagebild.nlp.ner_rules`). The same pass writes
`resources/de/ner_common_acronyms.tsv`: words in capitals that are mostly no entity there.
Run: .venv/bin/python training/make_ner_gazetteer.py
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.nlp.ner_rules import ACRONYM  # noqa: E402  (the rule's own definition of an acronym)
from resource_tables import majority, write_resource_tsv  # noqa: E402  (training/ is on sys.path)
MIN_COUNT, PURITY = 3, 0.9
BASE = ("PER", "ORG", "LOC", "OTH")
NAME = re.compile(r"^[A-ZÄÖÜ][\w\-. ]*\w$")


def _distinct(docs: list) -> list:
    """The training sentences once each (the corpus repeats its GermEval part)."""
    seen: set[str] = set()
    out = []
    for doc in docs:
        if doc.text not in seen:
            seen.add(doc.text)
            out.append(doc)
    return out


def _occurrences(docs: list, names: dict) -> tuple[collections.Counter, collections.Counter]:
    """How often each name's words occur in `docs`, and how often not all inside entities."""
    lengths: dict[str, set[int]] = collections.defaultdict(set)
    for text in names:
        lengths[text.split(" ")[0]].add(len(text.split(" ")))
    occurrences: collections.Counter = collections.Counter()
    outside: collections.Counter = collections.Counter()
    for doc in docs:
        words = [t.text for t in doc]
        inside = [t.ent_iob_ in ("B", "I") for t in doc]
        for i, word in enumerate(words):
            for n in lengths.get(word, ()):
                text = " ".join(words[i:i + n])
                if text in names:
                    occurrences[text] += 1
                    outside[text] += not all(inside[i:i + n])
    return occurrences, outside


def _common_acronyms(docs: list) -> list[list]:
    """Words in capitals ("TV", "ISBN", "DAX") that `docs` mark "outside" more often than inside an
    entity (words of unknown status, such as Legal NER's citations, not counted): no names, whatever
    the acronym rule in lagebild.nlp.ner_rules would guess."""
    occurrences: collections.Counter = collections.Counter()
    outside: collections.Counter = collections.Counter()
    for doc in docs:
        for tok in doc:
            if ACRONYM.fullmatch(tok.text) and tok.ent_iob_ in ("B", "I", "O"):
                occurrences[tok.text] += 1
                outside[tok.text] += tok.ent_iob_ == "O"
    return [[w, n, outside[w]] for w, n in sorted(occurrences.items()) if outside[w] > n / 2]


def main() -> None:
    nlp = spacy.blank("de")
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    docs = list(DocBin().from_disk(ROOT / "training/corpus/ner_train.spacy").get_docs(nlp.vocab))
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in BASE:
                counts[ent.text][ent.label_] += 1
    names = {}
    for text, c in sorted(counts.items()):
        label, n, total = majority(c)
        if n >= MIN_COUNT and n / total >= PURITY and NAME.match(text):
            names[text] = [label, n]
    distinct = _distinct(docs)
    occurrences, outside = _occurrences(distinct, names)
    rows = [[text, label, n, occurrences[text], outside[text]] for text, (label, n) in names.items()]
    out = write_resource_tsv("ner_gazetteer.tsv", ["name", "type", "count", "occurrences", "outside"], rows)
    print(f"{len(rows)} names -> {out}")
    rows = _common_acronyms(distinct)
    out = write_resource_tsv("ner_common_acronyms.tsv", ["acronym", "occurrences", "outside"], rows)
    print(f"{len(rows)} acronyms -> {out}")


if __name__ == "__main__":
    main()

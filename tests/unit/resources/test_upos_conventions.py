"""resources/de/upos_conventions.tsv: GSD's UPOS for closed-class words by STTS tag (lagebild.nlp.upos)."""
from __future__ import annotations

from lagebild.nlp.upos import upos_conventions
from lagebild.paths import resource

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X"}


def test_format_and_values():
    lines = resource("upos_conventions.tsv").read_text(encoding="utf8").splitlines()
    assert lines[0] == "stts\tform\tupos\tcount"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 4 and r[1] == r[1].lower() and r[2] in UPOS for r in rows)
    assert len({(r[0], r[1]) for r in rows}) == len(rows) == len(upos_conventions())
    for r in rows:  # majority of at least 80 % of at least 3 occurrences
        n, total = map(int, r[3].split("/"))
        assert total >= 3 and n / total >= 0.8


def test_known_conventions():
    table = upos_conventions()
    assert table[("PIS", "alles")] == "DET"
    assert table[("ADV", "auch")] == "ADV"

"""Build `resources/de/upos_conventions.tsv`: the UPOS that UD German GSD gives a closed-class word
with a given STTS tag ("alles" PIS -> DET, "ein" PTKVZ -> ADV, "an" PTKVZ -> ADP), for
`lagebild.nlp.upos`.

The core model learnt UPOS mostly from Redewiedergabe, whose STTS tags were mapped to UPOS by a
fixed table (PIS -> PRON, KOKOM -> ADP, PTKVZ -> ADP); GSD decides these word by word. Source: UD
German GSD dev (training data of the core model; GSD test is never read). A (tag, word) pair is kept
when it occurs at least MIN_COUNT times with one UPOS in at least PURITY of them. Chosen by two-fold
cross-validation on GSD dev sentences (UPOS +0.18 / +0.18 on the held-out halves) and checked on PUD's
tuning tenth (+0.31).
Run: .venv/bin/python training/make_upos_conventions.py
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild import paths  # noqa: E402
from lagebild.nlp.tagsets import stts_upos  # noqa: E402
from resource_tables import majority, write_resource_tsv  # noqa: E402  (training/ is on sys.path)

MIN_COUNT, PURITY = 3, 0.8
CLOSED_TAGS = frozenset({"PIS", "PIAT", "PDS", "PDAT", "PTKVZ", "KOKOM", "KON", "KOUS", "PWAV", "PRELAT", "PRELS",
                         "PWS", "PAV", "APPR", "APZR", "ADV", "PTKNEG", "PTKANT", "PTKA"})
# Open-class tags whose words keep a pair only where GSD departs from the tag's usual UPOS
# ("anderen" ADJA -> DET; two-fold check on GSD dev halves: +0.08 UPOS on the held-out half).
OPEN_TAGS = frozenset({"ADJA"})


def main() -> None:
    counts: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    path = paths.shared_data_dir() / "ud_german_gsd" / "de_gsd-ud-dev.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit() and cols[4] in CLOSED_TAGS | OPEN_TAGS:
            counts[(cols[4], cols[1].lower())][cols[3]] += 1
    default_upos = stts_upos()
    rows = []
    for (tag, form), c in sorted(counts.items()):
        upos, n, total = majority(c)
        if tag in OPEN_TAGS and upos == default_upos.get(tag):
            continue
        if total >= MIN_COUNT and n / total >= PURITY:
            rows.append([tag, form, upos, f"{n}/{total}"])
    out = write_resource_tsv("upos_conventions.tsv", ["stts", "form", "upos", "count"], rows)
    print(f"{len(rows)} (tag, word) pairs -> {out}")


if __name__ == "__main__":
    main()

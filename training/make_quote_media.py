"""Build `resources/de/quote_media.tsv`: the medium a quote's first cue word stands for most
often ("sagte" -> speech, "schrieb" -> writing, "laut" -> speech_or_writing), for
`lagebild.quotes.linking.cue_medium`.

Source: the train split of the German WikiNews quotation corpus (read with
`lagebild.corpus.sources.wikinews_records`; dev is for evaluation, test is held out). A
lower-cased first cue word is kept when it opens at least MIN_COUNT annotated quotes; its medium is
the majority of the corpus's Speech, Writing, Thought and SW ("speech or writing") labels among
them (the few ST and TW labels are not counted). Cue words that are only auxiliaries or pronouns
("hatte", "wurde", "es") say nothing of the medium and are left out.
Run: .venv/bin/python training/make_quote_media.py
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.corpus.sources import wikinews_records  # noqa: E402
from resource_tables import write_resource_tsv  # noqa: E402  (training/ is on sys.path as a script)

MIN_COUNT = 5
MEDIA = {"Speech": "speech", "Writing": "writing", "Thought": "thought", "SW": "speech_or_writing"}
NOT_A_CUE = {"hatte", "hatten", "hat", "haben", "wurde", "wurden", "wird", "werden", "war", "waren", "ist",
             "sind", "es", "als", "geht", "gab"}


def main() -> None:
    media: dict[str, Counter] = defaultdict(Counter)
    for record in wikinews_records("train").values():
        for ann in record["annotations"]:
            words = (ann["cue"]["text"] or "").lower().split()
            if words and ann["medium"] in MEDIA and words[0] not in NOT_A_CUE:
                media[words[0]][MEDIA[ann["medium"]]] += 1
    rows = []
    for word in sorted(media):
        total = sum(media[word].values())
        if total >= MIN_COUNT:
            medium, n = media[word].most_common(1)[0]
            rows.append([word, medium, n, total])
    out = write_resource_tsv("quote_media.tsv", ["form", "medium", "count", "total"], rows)
    print(f"{len(rows)} cue words -> {out}")


if __name__ == "__main__":
    main()

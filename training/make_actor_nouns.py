"""Build `resources/de/actor_nouns.tsv`: nouns that name a group or body acting without a name
("die Polizei", "Demonstranten", "die Regierung"), for `lagebild.entities.groups`.

Source: the training part of the lagebild corpus (`corpus/articles/` with
`lagebild.corpus.sources.held_out(id)` false; the test part is never read). A referent whose
mentions include no name is a nominal referent; the last word of each of its nominal mentions is
a head form. A capitalised head form is kept when it heads such a mention in at least
MIN_ARTICLES articles and in at least PRECISION of its occurrences in the training texts, with the
label and the referent name ("Flüchtlingen" -> "Flüchtlinge") its mentions have most often.
Run: .venv/bin/python training/make_actor_nouns.py
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.corpus.loader import load_corpus  # noqa: E402
from resource_tables import write_resource_tsv  # noqa: E402  (training/ is on sys.path as a script)

MIN_ARTICLES, PRECISION = 2, 0.5
WORD = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]+\b")


def nominal_heads(rec: dict) -> list[tuple[str, str, str]]:
    """(head form, label, referent name) of the nominal mentions of referents without a name."""
    by_identity: dict[str, list[dict]] = defaultdict(list)
    for m in rec["entities"]:
        by_identity[m["identity"]].append(m)
    out = []
    for identity, mentions in by_identity.items():
        if any(m.get("kind") == "name" for m in mentions):
            continue
        name = (rec.get("identities", {}).get(identity) or {}).get("name") or ""
        for m in mentions:
            head = m["text"].split()[-1]
            if m.get("kind") == "nominal" and head[:1].isupper():
                out.append((head, m["label"], _group(head, name)))
    return out


def _group(head: str, name: str) -> str:
    """The word of the referent's name that this head form inflects ("Flüchtlingen" in
    "Flüchtlinge (Lesbos)" -> "Flüchtlinge"), else the head form itself."""
    for word in name.split():
        if word[:4].lower() == head[:4].lower():
            return word
    return head


def main() -> None:
    heads, words = Counter(), Counter()
    articles, labels, names = defaultdict(set), defaultdict(Counter), defaultdict(Counter)
    for rec in load_corpus("train"):
        for head, label, name in nominal_heads(rec):
            heads[head] += 1
            articles[head].add(rec["id"])
            labels[head][label] += 1
            names[head][name] += 1
        words.update(WORD.findall(rec["text"]))
    rows = [[head, labels[head].most_common(1)[0][0], names[head].most_common(1)[0][0], heads[head], words[head]]
            for head in sorted(heads)
            if len(articles[head]) >= MIN_ARTICLES and heads[head] >= PRECISION * words[head]]
    out = write_resource_tsv("actor_nouns.tsv", ["form", "label", "group", "mentions", "occurrences"], rows)
    print(f"{len(rows)} actor nouns -> {out}")


if __name__ == "__main__":
    main()

"""Groups and bodies that act without a name: "die Polizei", "Demonstranten", "die Regierung".

A noun of `actor_nouns.tsv` (built from the corpus training part by
`training/make_actor_nouns.py`) that no mention of another referent covers is a nominal mention;
all mentions of one group word ("Flüchtlinge", "Flüchtlingen") in an article are one referent,
with the prenominal adjectives no other mention takes in the span ("die reguläre Armee";
in "die israelische Armee" the adjective is Israel's derived mention). Event actors and targets,
and speakers, can then be chosen among them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from lagebild.entities.group import Ref
from lagebild.entities.mentions import Cand
from lagebild.paths import resource_records


@dataclass(frozen=True)
class ActorNoun:
    label: str
    group: str


@lru_cache(maxsize=1)
def actor_nouns() -> dict[str, ActorNoun]:
    return {r["form"]: ActorNoun(r["label"], r["group"]) for r in resource_records("actor_nouns.tsv")}


def _phrase_start(doc: Doc, i: int, covered: list[bool], tagged: bool) -> int:
    start = i
    while start > 0 and tagged and doc[start - 1].tag_ == "ADJA" and not covered[start - 1]:
        start -= 1
    return start


def group_referents(doc: Doc, refs: list[Ref], blocked: set[int]) -> list[Ref]:
    """New referents for the listed group nouns outside the mentions of `refs` and `blocked`."""
    covered = [i in blocked for i in range(len(doc))]
    for ref in refs:
        for c in ref.cands:
            covered[c.start:c.end] = [True] * (c.end - c.start)
    nouns, groups = actor_nouns(), {}
    tagged = doc.has_annotation("TAG")
    for tok in doc:
        noun = nouns.get(tok.text)
        if noun is None or covered[tok.i] or (tagged and tok.tag_ != "NN"):
            continue
        start = _phrase_start(doc, tok.i, covered, tagged)
        ref = groups.setdefault(noun.group, Ref(noun.label, key=("*group", noun.group.lower()), canonical=noun.group))
        ref.cands.append(Cand(start, tok.i + 1, noun.label, "nominal", ref.key, noun.group, source="group"))
        covered[start:tok.i + 1] = [True] * (tok.i + 1 - start)
    return list(groups.values())

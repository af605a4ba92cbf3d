"""Golden test: who said what in the example article (examples/nato-russland-2009.*).

Needs the trained core and NER models (the entities stage links speakers to entities); skipped
without them. A gold quote counts as found when a predicted quote shares words with it (matched
one-to-one, best overlap first, as in `lagebild eval quotes`) and the predicted speaker entity has a
mention on a gold mention of the right person.
"""
from __future__ import annotations

import pytest

from lagebild import paths
from lagebild.evaluation.quotes import TokenGrid, match


def models_present(*names: str) -> bool:
    return all((paths.models_dir() / n / "config.cfg").exists() for n in names)


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not models_present("de_core", "de_ner"), reason="needs models/de_core and models/de_ner"),
]
MIN_FOUND = 18  # of the 20 non-optional gold quotes; the floor only rises


def _found(example_analysis: dict, example_gold: dict) -> tuple[list[dict], list[str]]:
    text = example_analysis["text"]
    grid = TokenGrid(text)
    gold = [q for q in example_gold["quotes"] if not q.get("optional")]
    gold_q = [{"tokens": grid.tokens([(p["start"], p["end"]) for p in q["parts"]])} for q in gold]
    pred = example_analysis["quotes"]
    pred_q = [{"tokens": grid.tokens([(p["start"], p["end"]) for p in q["parts"]])} for q in pred]
    identity_at = [(m["start"], m["end"], m["identity"]) for m in example_gold["entities"]]
    entities = {e["id"]: e for e in example_analysis["entities"]}

    def identities(entity_id: str | None) -> set[str]:
        if entity_id not in entities:
            return set()
        return {ident for m in entities[entity_id]["mentions"] for s, e, ident in identity_at
                if s < m["end"] and m["start"] < e}

    found, problems = [], []
    pairs = {j: i for i, j, _ in match(pred_q, gold_q)}
    for j, g in enumerate(gold):
        label = " … ".join(p["text"] for p in g["parts"])[:60]
        if j not in pairs:
            problems.append(f"not found: {label!r}")
            continue
        p = pred[pairs[j]]
        if g["speaker"] in identities(p["speaker"]["entity"]):
            found.append(g)
        else:
            mention = (p["speaker"].get("mention") or {}).get("text")
            problems.append(f"speaker of {label!r}: {mention!r} -> {p['speaker']['entity']}, want {g['speaker']}")
    return found, problems


def test_quotes_found_with_their_speakers(example_analysis, example_gold) -> None:
    found, problems = _found(example_analysis, example_gold)
    assert len(found) >= MIN_FOUND, "\n".join(problems)


def test_scare_quotes_and_titles_are_no_quotes(example_analysis, example_gold) -> None:
    grid = TokenGrid(example_analysis["text"])
    for nq in example_gold["not_quotes"]:
        inside = grid.tokens([(nq["start"], nq["end"])])
        for q in example_analysis["quotes"]:
            toks = grid.tokens([(p["start"], p["end"]) for p in q["parts"]])
            assert not toks <= inside, f"{nq['text']} ({nq['why']}) reported as quote {q['id']}"


def test_er_werde_is_medwedew(example_analysis, example_gold) -> None:
    """"Er werde seine Regierung beauftragen": Er is Medwedew, the subject of the sentence before."""
    start = example_analysis["text"].index("Er werde seine Regierung")
    (q,) = [q for q in example_analysis["quotes"] if q["parts"][0]["start"] == start]
    entity = next(e for e in example_analysis["entities"] if e["id"] == q["speaker"]["entity"])
    assert "Medwedew" in entity["name"]



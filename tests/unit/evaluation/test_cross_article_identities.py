"""Cross-article identity scoring: gold corpus keys against store identities."""
from __future__ import annotations

from lagebild.evaluation.identities import entities_in, gold_items, merged_identities

GOLD = {
    "identities": {"mueller": {"label": "PER", "key": "Michael Müller (SPD)", "name": "Michael Müller"},
                   "spd": {"label": "ORG", "key": "SPD", "name": "SPD"}},
    "entities": [{"start": 0, "end": 14, "label": "PER", "identity": "mueller", "kind": "name"},
                 {"start": 20, "end": 23, "label": "ORG", "identity": "spd", "kind": "name"},
                 {"start": 30, "end": 33, "label": "PER", "identity": "mueller", "kind": "pronoun"},
                 {"start": 40, "end": 44, "label": "ORG", "identity": "spd", "kind": "name", "optional": True}],
}
PRED = [{"id": "e1", "name": "Michael Müller", "type": "PER",
         "roles": [{"role": "Bürgermeister", "of": "e2"}],
         "mentions": [{"start": 0, "end": 14, "form": "name"}, {"start": 30, "end": 33, "form": "pronoun"}]},
        {"id": "e2", "name": "SPD", "type": "ORG", "roles": [],
         "mentions": [{"start": 20, "end": 23, "form": "name"}, {"start": 40, "end": 44, "form": "name"}]}]


def test_entities_in_names_the_role_organisation() -> None:
    ents = entities_in("a1", PRED)
    assert [(e.entity_id, e.type) for e in ents] == [("e1", "PER"), ("e2", "ORG")]
    assert ents[0].roles == [("Bürgermeister", "SPD")]


def test_gold_items_pair_corpus_keys_with_store_identities_and_skip_optional() -> None:
    placed = {"e1": ("per-michael-mueller", "new"), "e2": ("org-spd", "new")}
    items = gold_items("a1", GOLD, PRED, placed)
    assert sorted(items) == [("Michael Müller (SPD)", "per-michael-mueller"),
                             ("Michael Müller (SPD)", "per-michael-mueller"), ("SPD", "org-spd")]


def test_merged_namesakes_are_different_keys_with_the_same_store_key() -> None:
    items = [("Michael Müller (SPD)", "per-mueller"), ("Michael Müller (CDU)", "per-mueller"),
             ("SPD", "org-x"), ("CDU", "org-x"), ("Berlin", "loc-berlin")]
    names = {"Michael Müller (SPD)": ("PER", "mueller"), "Michael Müller (CDU)": ("PER", "mueller"),
             "SPD": ("ORG", "spd"), "CDU": ("ORG", "cdu"), "Berlin": ("LOC", "berlin")}
    merged, namesakes = merged_identities(items, names)
    assert set(merged) == {"per-mueller", "org-x"}
    assert namesakes == {"per-mueller": ["Michael Müller (CDU)", "Michael Müller (SPD)"]}

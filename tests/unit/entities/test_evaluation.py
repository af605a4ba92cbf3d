"""The entity evaluation scores one article as documented (no model needed)."""
from __future__ import annotations

import pytest

from lagebild.entities.roles import normalise_role
from lagebild.evaluation.entities import score_article

TEXT = "US-Präsident Barack Obama traf Medwedew. Obama lobte ihn."
#       0           12 13         25    31      39


def _m(start, end, label, identity, kind, optional=False):
    d = {"start": start, "end": end, "text": TEXT[start:end], "label": label, "identity": identity, "kind": kind}
    if optional:
        d["optional"] = True
    return d


GOLD = {
    "identities": {
        "usa": {"name": "USA", "label": "LOC", "roles": []},
        "obama": {"name": "Barack Obama", "label": "PER", "roles": [{"role": "Präsident", "of": "usa"}]},
        "medwedew": {"name": "Medwedew", "label": "PER", "roles": []},
    },
    "entities": [
        _m(0, 12, "LOC", "usa", "part"), _m(13, 25, "PER", "obama", "name"), _m(31, 39, "PER", "medwedew", "name"),
        _m(41, 46, "PER", "obama", "name"), _m(53, 56, "PER", "medwedew", "pronoun", optional=True),
    ],
}


def _e(eid, etype, mentions, roles=()):
    return {"id": eid, "name": "", "type": etype, "roles": [{"role": r, "of": None} for r in roles],
            "mentions": [{"start": s, "end": e, "text": TEXT[s:e], "form": f} for s, e, f in mentions]}


def test_perfect_prediction():
    pred = [_e("e1", "LOC", [(0, 12, "part")]),
            _e("e2", "PER", [(13, 25, "name"), (41, 46, "name")], ["Präsident"]),
            _e("e3", "PER", [(31, 39, "name"), (53, 56, "pronoun")])]
    c = score_article(GOLD, pred, TEXT)
    assert c["span"] == (4, 4, 4) and c["typed"] == (4, 4, 4)
    assert c["bcubed"][0] == c["bcubed"][1] == c["bcubed"][2] == 4   # optional pronoun ignored
    assert c["roles"] == (1, 1, 1)


def test_merged_persons_lower_bcubed_precision_and_wrong_role_counts():
    pred = [_e("e2", "PER", [(13, 25, "name"), (41, 46, "name"), (31, 39, "name")], ["US-Präsidenten", "Chef"])]
    c = score_article(GOLD, pred, TEXT)
    assert c["span"] == (3, 3, 4)
    p, r, n, _ = c["bcubed"]
    assert n == 3 and r == 3 and p < 3
    assert c["roles"] == (1, 2, 1)


@pytest.mark.parametrize("a, b", [
    ("US-Präsident", "Präsident"), ("Präsidenten", "Präsident"), ("GdP-Vorsitzende", "Vorsitzender"),
    ("innenpolitische Sprecherin", "Sprecherin"), ("Sprecher für Innere Sicherheit", "Sprecher"),
])
def test_role_normalisation(a, b):
    assert normalise_role(a) == normalise_role(b)


def test_roles_that_differ_stay_different():
    assert normalise_role("Präsident") != normalise_role("Präsidentin")
    assert normalise_role("Innenminister") != normalise_role("Außenminister")

"""A small synthetic corpus article (source text, draft, compiled record); no shared data needed."""
from __future__ import annotations

import copy

import pytest

from lagebild.corpus.draft import compile_draft
from lagebild.corpus.loader import join
from lagebild.corpus.sources import SourceText

TEXT = ("Berlin – Bundeskanzlerin Angela Merkel hat am Montag die Nato kritisiert. "
        "Die Kanzlerin sagte, die Nato müsse 500 Soldaten abziehen. „Wir bleiben hart“, sagte Merkel.\n"
        "Der Nato-Chef Anders Fogh Rasmussen wies die Kritik zurück. Er lehnte ab. "
        "Die deutschen Truppen bleiben in Afghanistan.")

DRAFT = {
    "id": "wn-1", "annotator": "t1", "mode": "corrected", "date": None,
    "dateline": "Berlin", "agency": [],
    "identities": {
        "merkel": {"label": "PER", "name": "Angela Merkel", "key": "Angela Merkel",
                   "roles": [["Bundeskanzlerin", "deutschland"]]},
        "deutschland": {"label": "LOC", "name": "Deutschland", "key": "Deutschland", "roles": []},
        "nato": {"label": "ORG", "name": "Nato", "key": "Nato", "roles": []},
        "rasmussen": {"label": "PER", "name": "Anders Fogh Rasmussen", "key": "Anders Fogh Rasmussen",
                      "roles": [["Nato-Chef", "nato"]]},
        "afghanistan": {"label": "LOC", "name": "Afghanistan", "key": "Afghanistan", "roles": []},
    },
    "mentions": [
        ["Angela Merkel", "merkel", "name"], ["Merkel#2", "merkel", "name"],
        ["Kanzlerin", "merkel", "nominal"], ["Wir", "merkel", "pronoun"],
        ["Nato-Chef", "nato", "part"], ["Nato-Chef", "rasmussen", "nominal"], ["Nato*", "nato", "name"],
        ["Anders Fogh Rasmussen", "rasmussen", "name"], ["Er", "rasmussen", "pronoun"],
        ["deutschen", "deutschland", "deriv"], ["Afghanistan", "afghanistan", "name"],
    ],
    "quotes": [
        {"type": "indirect", "parts": ["die Nato müsse 500 Soldaten abziehen"], "speaker": "merkel",
         "speaker_mention": "Kanzlerin", "cue": ["sagte#1"], "addressee": None},
        {"type": "direct", "parts": ["„Wir bleiben hart“"], "speaker": "merkel",
         "speaker_mention": "Merkel#2", "cue": ["sagte#2"], "addressee": None, "medium": "statement"},
    ],
    "not_quotes": [],
    "events": [
        {"type": "ACCUSE", "trigger": "kritisiert", "actor": "merkel", "target": "nato"},
        {"type": "RETREAT", "trigger": "abziehen", "actor": "nato", "modality": "demand", "quote": "q1"},
        {"type": "REJECT", "trigger": "wies", "actor": "rasmussen", "target": "merkel"},
        {"type": "REJECT", "trigger": "lehnte", "actor": "rasmussen", "optional": True, "note": "same as wies"},
    ],
    "times": [["am Montag", "XXXX-WXX-1"]],
    "amounts": [["500 Soldaten", 500, "Soldaten"]],
}


@pytest.fixture
def source() -> SourceText:
    return SourceText("wn-1", TEXT, "wikinews_quotes", "1 - Test (2009-12-17).json", None, "Test", None)


@pytest.fixture
def draft() -> dict:
    return copy.deepcopy(DRAFT)


@pytest.fixture
def record(draft, source) -> dict:
    return compile_draft(draft, source, annotation={"seconds": 120, "layers": {"entities": "pipeline+corrected"}})


@pytest.fixture
def joined(record, source) -> dict:
    return join(record, source)

"""The PLOVER trigger lexicon is well-formed and covers every PLOVER type."""
from __future__ import annotations

from lagebild.events.lexicon import trigger_lexicon
from lagebild.paths import resource_rows

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_format_and_no_duplicates():
    rows = resource_rows("event_triggers.tsv")
    assert all(len(r) == 4 for r in rows)
    assert all(r[1] in ("verb", "noun") and r[2] in PLOVER and r[3] in ("-", "proposal", "demand", "intention") for r in rows)
    assert len({(r[0], r[1]) for r in rows}) == len(rows)
    assert {r[2] for r in rows} == PLOVER
    assert all(r[0][0].isupper() for r in rows if r[1] == "noun")
    assert all(r[0][0].islower() for r in rows if r[1] == "verb")


def test_key_entries():
    lex = trigger_lexicon()
    assert lex.split_verbs[("lehnen", "ab")].type == "REJECT"
    assert lex.verbs["ablehnen"].type == "REJECT"
    assert lex.verbs["fordern"].modality == "demand"
    assert any(t.form == "Anschlag" and t.type == "ASSAULT" for t in lex.nouns)

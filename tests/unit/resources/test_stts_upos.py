"""resources/de/stts_upos.tsv: every STTS tag maps to one valid UPOS, with GSD's choices."""
from __future__ import annotations

from lagebild.nlp.tagsets import stts_upos

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}


def test_covers_the_stts_tag_set_with_valid_upos():
    table = stts_upos()
    assert {"NN", "NE", "VVFIN", "VAFIN", "VMFIN", "ART", "APPRART", "PTKVZ", "$.", "$,", "$("} <= set(table)
    assert len(table) >= 54
    assert set(table.values()) <= UPOS


def test_gsd_conventions():
    table = stts_upos()
    assert table["NE"] == "PROPN" and table["NN"] == "NOUN"
    assert table["VMFIN"] == "AUX" and table["VAFIN"] == "AUX" and table["VVFIN"] == "VERB"
    assert table["ART"] == "DET" and table["PPER"] == "PRON" and table["PTKVZ"] == "ADP"
    assert table["PROAV"] == table["PAV"] == "ADV"  # both spellings of the pronominal adverb

"""Format and content checks for resources/de/titles.tsv."""
from __future__ import annotations

import unicodedata

from lagebild.entities.lexicon import match_title
from lagebild.paths import resource

HEADER = "form\tgender\tscope\tof"


def _rows() -> list[list[str]]:
    lines = resource("titles.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    return [line.split("\t") for line in lines[1:]]


def test_format():
    text = resource("titles.tsv").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    rows = _rows()
    assert len(rows) > 100
    for r in rows:
        assert len(r) == 4, r
        form, gender, scope, of = r
        assert form and form == form.strip() and form[0].isupper(), r
        assert gender in ("m", "f", "x"), r
        assert scope in ("state", "org", "head", "any"), r
        assert of == of.strip(), r


def test_no_duplicates():
    forms = [r[0] for r in _rows()]
    assert len(forms) == len(set(forms))


def test_key_entries():
    rows = {r[0]: r for r in _rows()}
    for form, gender in [("Präsident", "m"), ("Präsidentin", "f"), ("Bundeskanzler", "m"),
                         ("Bundeskanzlerin", "f"), ("Minister", "m"), ("Ministerin", "f"),
                         ("Generalsekretär", "m"), ("Sprecher", "m"), ("Sprecherin", "f"), ("Chef", "m"),
                         ("Vorsitzender", "m"), ("Vorsitzende", "x"), ("CEO", "x")]:
        assert form in rows and rows[form][1] == gender, form
    assert rows["Bundeskanzler"][3] == "Deutschland"
    assert rows["Minister"][2] == "state" and rows["Generalsekretär"][2] == "org"


def test_compounds_and_declension_are_matched():
    for word, stem, prefix in [("Außenminister", "Außenminister", ""), ("Außenministers", "Außenminister", ""),
                               ("US-Präsident", "Präsident", "US"), ("Präsidenten", "Präsident", ""),
                               ("Nato-Chef", "Chef", "Nato"), ("Einwanderungsministerin", "Einwanderungsministerin", "")]:
        m = match_title(word)
        assert m is not None and m.stem == stem and m.prefix == prefix, (word, m)
    assert match_title("Bundesinnenminister").of == "Deutschland"
    assert match_title("Präsidentin").title.gender == "f"
    for word in ("Kongress", "Haus", "präsident", "Ministerium", "Regierung"):
        assert match_title(word) is None, word

"""Format and content checks for resources/de/pronouns.tsv."""
from __future__ import annotations

from lagebild.entities.lexicon import closed_class, is_definite_article, pronouns
from lagebild.paths import resource


def _rows() -> list[list[str]]:
    lines = resource("pronouns.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "form\tnumber\tgender\tkind"
    return [line.split("\t") for line in lines[1:]]


def test_format_and_no_duplicates():
    rows = _rows()
    for r in rows:
        assert len(r) == 4, r
        form, number, gender, kind = r
        assert form == form.lower() and number in ("sg", "pl", "x") and gender in ("m", "f", "n", "x"), r
        assert kind in ("personal", "possessive", "article", "conjunction", "direction", "place_preposition"), r
    assert len({tuple(r) for r in rows}) == len(rows)


def test_key_entries():
    table = pronouns()
    assert {(p.number, p.gender) for p in table["er"]} == {("sg", "m")}
    assert {(p.number, p.gender) for p in table["sie"]} == {("sg", "f"), ("pl", "x")}
    assert any(p.kind == "possessive" for p in table["seine"])
    assert is_definite_article("Der") and is_definite_article("das") and not is_definite_article("ein")
    assert {"ost", "west", "nord", "süd"} <= closed_class("direction")
    assert "und" in closed_class("conjunction") and "er" not in closed_class("conjunction")

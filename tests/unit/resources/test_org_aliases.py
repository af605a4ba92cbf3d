"""Format and content checks for resources/de/org_aliases.tsv."""
from __future__ import annotations

import unicodedata

from lagebild.entities.lexicon import org_aliases
from lagebild.paths import resource


def _rows() -> list[list[str]]:
    lines = resource("org_aliases.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "alias\tcanonical\ttype\tform"
    return [line.split("\t") for line in lines[1:]]


def test_format():
    assert unicodedata.is_normalized("NFC", resource("org_aliases.tsv").read_text(encoding="utf-8"))
    rows = _rows()
    assert len(rows) > 100
    for r in rows:
        assert len(r) == 4, r
        alias, canonical, etype, form = r
        assert alias and alias == alias.strip() and canonical and canonical == canonical.strip(), r
        assert not canonical.startswith("*") or canonical == "*country" and form == "nominal", r
        assert etype in ("ORG", "LOC", "OTH"), r
        assert form in ("name", "nominal"), r


def test_no_duplicates():
    aliases = [r[0] for r in _rows()]
    assert len(aliases) == len(set(aliases))


def test_every_canonical_is_also_a_name():
    rows = _rows()
    names = {r[0] for r in rows if r[3] == "name"}
    for r in rows:
        if r[2] == "ORG":
            assert r[1] in names or r[3] == "nominal" and r[1] in {x[1] for x in rows if x[3] == "name"}, r


def test_key_entries():
    rows = {r[0]: r for r in _rows()}
    for alias, canonical, form in [("Bündnis", "Nato", "nominal"), ("Allianz", "Nato", "nominal"),
                                   ("westliche Bündnis", "Nato", "nominal"), ("NATO", "Nato", "name"),
                                   ("Nordatlantische Bündnis", "Nato", "name"), ("UNO", "UN", "name"),
                                   ("Vereinte Nationen", "UN", "name"), ("Europäische Union", "EU", "name"),
                                   ("Bundesregierung", "Bundesregierung", "name"), ("SPD", "SPD", "name")]:
        assert alias in rows and rows[alias][1] == canonical and rows[alias][3] == form, alias


def test_declined_forms_are_generated():
    table = org_aliases()
    assert table[("vereinten", "nationen")].canonical == "UN"
    assert table[("europäischen", "union")].canonical == "EU"
    assert table[("weißen", "hauses")].canonical == "Weißes Haus"

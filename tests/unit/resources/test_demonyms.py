"""Format and content checks for resources/de/demonyms.tsv."""
from __future__ import annotations

from pathlib import Path

import lagebild

TSV = Path(lagebild.__file__).parent / "resources" / "de" / "demonyms.tsv"
KINDS = {"adj", "noun", "prefix", "name"}
PLACE_TYPES = {"country", "territory", "city", "state", "region", "continent", "historical_state", "union"}


def _rows() -> list[list[str]]:
    lines = TSV.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "form\tkind\tplace\tplace_type"
    return [line.split("\t") for line in lines[1:]]


def test_format() -> None:
    rows = _rows()
    assert len(rows) > 700
    for r in rows:
        assert len(r) == 4, r
        form, kind, place, ptype = r
        assert form and form == form.strip() and place and place == place.strip()
        assert kind in KINDS, r
        assert ptype in PLACE_TYPES, r
        if kind == "adj" and ptype != "city":
            assert form.split("-")[-1][0].islower(), r  # adjective lemmas are lower case


def test_no_duplicates() -> None:
    keys = [tuple(r[:3]) for r in _rows()]
    assert len(keys) == len(set(keys))


def test_key_examples() -> None:
    rows = {tuple(r) for r in _rows()}
    for expected in [
        ("russisch", "adj", "Russland", "country"),
        ("Russe", "noun", "Russland", "country"),
        ("US", "prefix", "USA", "country"),
        ("Moskauer", "adj", "Moskau", "city"),
        ("afghanisch", "adj", "Afghanistan", "country"),
        ("sowjetisch", "adj", "Sowjetunion", "historical_state"),
        ("deutsch", "adj", "Deutschland", "country"),
        ("französisch", "adj", "Frankreich", "country"),
        ("Franzose", "noun", "Frankreich", "country"),
        ("amerikanisch", "adj", "USA", "country"),
        ("österreichisch", "adj", "Österreich", "country"),
        ("Wiener", "adj", "Wien", "city"),
        ("ukrainisch", "adj", "Ukraine", "country"),
        ("georgisch", "adj", "Georgien", "country"),
    ]:
        assert expected in rows, expected
    forms = {r[0] for r in rows}
    assert "westlich" not in forms and "östlich" not in forms


def test_many_countries_have_adjectives() -> None:
    places = {r[2] for r in _rows() if r[1] == "adj" and r[3] == "country"}
    assert len(places) >= 150

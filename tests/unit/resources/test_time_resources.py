"""The time and number vocabulary files are well-formed and hold the forms the rules rely on."""
from __future__ import annotations

from lagebild.paths import resource_rows as _rows
from lagebild.time.lexicon import lexicon


def test_time_words_format_and_no_duplicates():
    rows = _rows("time_words.tsv")
    assert all(len(r) == 3 for r in rows)
    assert {r[1] for r in rows} == {"unit", "month", "weekday", "relative", "direction"}
    assert len({r[0] for r in rows}) == len(rows)


def test_numbers_format_and_no_duplicates():
    rows = _rows("numbers.tsv")
    assert all(len(r) == 3 and r[2] in ("number", "multiplier") and float(r[1]) > 0 for r in rows)
    assert len({r[0] for r in rows}) == len(rows)


def test_key_entries():
    lex = lexicon()
    assert lex.months["Dezember"] == 12 and lex.months["Jänner"] == 1
    assert lex.weekdays["Sonnabend"] == 6
    assert lex.directions["vergangenen"] == -1 and lex.directions["kommenden"] == 1
    assert lex.units["Jahren"] == "Y" and lex.numbers["zehn"] == 10 and lex.multipliers["Million"] == 1e6

"""Loads the time and number vocabulary from `resources/de/` (time_words.tsv, numbers.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.paths import resource_rows as _rows


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, str]        # "Jahren" -> "Y", "tägigen" -> "D"
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    directions: dict[str, int]
    numbers: dict[str, float]    # number words, lower case
    multipliers: dict[str, float]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds: dict[str, dict] = {k: {} for k in ("unit", "month", "weekday", "relative", "direction")}
    for form, kind, value in _rows("time_words.tsv"):
        kinds[kind][form] = value if kind == "unit" else int(value)
    numbers, multipliers = {}, {}
    for word, value, kind in _rows("numbers.tsv"):
        (numbers if kind == "number" else multipliers)[word] = float(value)
    return Lexicon(kinds["unit"], kinds["month"], kinds["weekday"], kinds["relative"],
                   kinds["direction"], numbers, multipliers)

"""Loads the time and number vocabulary from `resources/de/` (time_words.tsv,
time_expressions.tsv, tense_words.tsv, numbers.tsv)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from lagebild.paths import resource_rows as _rows

EXPRESSION_KINDS = ("season", "part_of_day", "holiday", "fuzzy", "set", "vague_duration", "day_shift",
                    "week_part", "mod", "vague_quantifier", "unit_adjective", "singular_ending", "prefix", "suffix", "adjective", "state_verb",
                    "nowadays_particle", "ahead_preposition", "then", "year_part", "age_before", "age_before_digits",
                    "age_after", "period_noun", "number_noun", "title_word", "clock_suffix", "decade_word", "course")


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, str]        # "Jahren" -> "Y", "tägigen" -> "D"
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    directions: dict[str, int]
    numbers: dict[str, float]    # number words, lower case
    multipliers: dict[str, float]
    expressions: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> form -> value
    tense: dict[str, str] = field(default_factory=dict)                    # finite form -> past/perfect/future

    def kind(self, name: str) -> dict[str, str]:
        return self.expressions.get(name, {})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds: dict[str, dict] = {k: {} for k in ("unit", "month", "weekday", "relative", "direction")}
    for form, kind, value in _rows("time_words.tsv"):
        kinds[kind][form] = value if kind == "unit" else int(value)
    numbers, multipliers = {}, {}
    for word, value, kind in _rows("numbers.tsv"):
        (numbers if kind == "number" else multipliers)[word] = float(value)
    expressions: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _rows("time_expressions.tsv"):
        form, kind, value = (row + ["", "", ""])[:3]
        expressions[kind][form] = value
    tense = {form: kind for form, kind in _rows("tense_words.tsv")}
    return Lexicon(kinds["unit"], kinds["month"], kinds["weekday"], kinds["relative"],
                   kinds["direction"], numbers, multipliers, dict(expressions), tense)

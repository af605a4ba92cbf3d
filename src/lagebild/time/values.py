"""Building blocks of TIMEX3 values: numbers, calendar days, clock times, durations and
shifts of a unit against an anchor date. Used by `lagebild.time.handlers` and the amounts."""
from __future__ import annotations

import re
from datetime import date, timedelta

from lagebild.time.lexicon import lexicon

UNDATED_REF = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def parse_number(token: str) -> float | None:
    """'15 000' -> 15000, '1,5' -> 1.5, '30.000' -> 30000, 'zehn' -> 10, 'zweihundert' -> 200."""
    lex = lexicon()
    low = token.lower()
    if low in lex.numbers:
        return lex.numbers[low]
    if low.isalpha():
        return numeral_value(low)
    cleaned = re.sub(r"[ \u00a0\u202f.](?=\d{3}\b)", "", token).replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def numeral_value(word: str) -> float | None:
    """A number written as one German word: 'zehntausend' -> 10000, 'einundzwanzig' -> 21,
    'dreihundertfünfzig' -> 350; None for any other word. The morphemes are `numbers.tsv`'s."""
    numbers = lexicon().numbers

    def under_hundred(w: str) -> float | None:
        if w in numbers and numbers[w] < 100 and w != "dutzend":
            return numbers[w]
        unit, sep, tens = w.partition("und")
        u, t = numbers.get(unit), numbers.get(tens)
        if not sep or u is None or t is None or u >= 10 or t not in (20, 30, 40, 50, 60, 70, 80, 90):
            return None
        return u + t

    def under_thousand(w: str) -> float | None:
        if "hundert" not in w:
            return under_hundred(w)
        head, _, rest = w.partition("hundert")
        n = under_hundred(head) if head else 1
        tail = under_hundred(rest) if rest else 0
        return None if n is None or tail is None else n * 100 + tail

    if "tausend" not in word:
        return under_thousand(word) if word not in numbers else numbers[word]
    head, _, rest = word.partition("tausend")
    n = under_thousand(head) if head else 1
    tail = under_thousand(rest) if rest else 0
    return None if n is None or tail is None else n * 1000 + tail


def month_number(name: str) -> int:
    return lexicon().months[name] if not name.isdigit() else int(name)


def year_text(year: int | None) -> str:
    return f"{year:04d}" if year is not None else "XXXX"


def day(year: int | None, month: int, day: int) -> str:
    if year is not None:
        return date(year, month, day).isoformat()
    date(2000, month, day)  # raises ValueError for 31 February
    return f"XXXX-{month:02d}-{day:02d}"


def clock_value(g: dict) -> str | None:
    if g.get("hour") is None and g.get("hour_word") is None:
        return None
    hour = int(g["hour"]) if g.get("hour") is not None else int(parse_number(g["hour_word"].lower()))
    minute = int(g.get("minute") or g.get("minute2") or 0)
    if hour > 24:
        raise ValueError(hour)
    return f"T{hour:02d}:{minute:02d}"


def time_of_day(g: dict) -> str:
    """'T14:30', 'TEV' or '' from the clock and part-of-day groups."""
    clock = clock_value(g)
    if clock:
        return clock
    part = g.get("part") or g.get("part2") or g.get("day_part") or g.get("day_part2")
    if not part:
        return ""
    code = lexicon().kind("part_of_day")[part]
    return code if code.startswith("T") else f"T{code}"


def easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(year, month, (h + l - 7 * m + 114) % 31 + 1)


def duration_value(n: float, unit: str) -> str:
    mult = 1
    if unit[:-1].isdigit():  # "10Y" decade, "100Y" century
        mult, unit = int(unit[:-1]), unit[-1]
    value = n * mult
    if unit == "Y" and value < 1 and float(value * 12).is_integer():
        value, unit = value * 12, "M"
    amount = int(value) if float(value).is_integer() else value
    if unit == "H" and not float(amount).is_integer() and float(value * 60).is_integer():
        return f"PT{int(value * 60)}M"
    if unit in ("H", "TM", "TS"):
        return f"PT{amount}{unit[-1]}"
    return f"P{amount}{unit}"


def shift_unit(unit: str, offset: int, anchor: date) -> str:
    if unit == "Y":
        return f"{anchor.year + offset:04d}"
    if unit == "M":
        total = anchor.year * 12 + anchor.month - 1 + offset
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    if unit == "Q":
        total = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return f"{total // 4:04d}-Q{total % 4 + 1}"
    if unit in ("W", "WE"):
        iso = (anchor + timedelta(weeks=offset)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if unit == "WE" else "")
    return (anchor + timedelta(days=offset)).isoformat()


UNIT_OF = {"Jahr": "Y", "Jahres": "Y", "Monat": "M", "Monats": "M", "Woche": "W", "Wochenende": "WE",
           "Quartal": "Q", "Quartals": "Q", "Vorjahr": "Y", "Vorjahres": "Y", "Vorjahresmonat": "M",
           "Vormonat": "M", "Vormonats": "M", "Vorwoche": "W"}

"""Time expressions and amounts in German news text, normalised against the article date.

Regular expressions over the text (not tokens): these expressions are short, their form is fixed,
and the rules must work even when no trained model is loaded. Longer and more specific patterns
win over shorter ones; a span taken by a time expression is never also an amount.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from lagebild.time.lexicon import lexicon

DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+(?:,\d+)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
COMPOUND_UNITS = {"tägig": "D", "jährig": "Y", "wöchig": "W", "monatig": "M", "stündig": "H"}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def parse_number(token: str) -> float | None:
    """'15 000' -> 15000, '1,5' -> 1.5, '30.000' -> 30000, 'zehn' -> 10."""
    lex = lexicon()
    low = token.lower()
    if low in lex.numbers:
        return lex.numbers[low]
    cleaned = re.sub(r"[ \u00a0\u202f.](?=\d{3}\b)", "", token).replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _shift_months(day: date, months: int) -> tuple[int, int]:
    total = day.year * 12 + day.month - 1 + months
    return total // 12, total % 12 + 1


def _relative_value(unit: str, offset: int, anchor: date | None) -> str | None:
    if anchor is None:
        return None
    if unit == "Y":
        return f"{anchor.year + offset:04d}"
    if unit == "M":
        y, m = _shift_months(anchor, offset)
        return f"{y:04d}-{m:02d}"
    if unit == "W":
        iso = (anchor + timedelta(weeks=offset)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if unit == "D":
        return (anchor + timedelta(days=offset)).isoformat()
    return None


def _duration(n: float, unit: str) -> str:
    mult = 1
    if unit[:-1].isdigit():  # "10Y" = decade
        mult, unit = int(unit[:-1]), unit[-1]
    value = n * mult
    amount = int(value) if float(value).is_integer() else value
    return f"PT{amount}H" if unit == "H" else f"P{amount}{unit}"


class _Patterns:
    """Compiled patterns with the handler that turns a match into a normalised value."""

    def __init__(self) -> None:
        lex = lexicon()
        months, units = _alt(lex.months), _alt(lex.units)
        numwords = _alt(w for w in lex.numbers if not w.startswith("ein"))
        number = rf"(?:{DIGITS}|\b(?:{numwords}|ein|eine|einem|einen|einer)\b)"
        directions = _alt(lex.directions)
        self.amount_number = rf"(?:{DIGITS}|(?i:\b(?:{numwords})\b)|(?i:\bein(?:e|en|em|er)?\b)(?=\s+(?:{_alt(lex.multipliers)})))"
        self.multipliers = _alt(lex.multipliers)
        weekdays = _alt(lex.weekdays)
        daytime = r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?"
        pre = r"(?i:(?:am|im|vom|zum|bis\s+zum|seit|bis|ab|für|des|in\s+der|in\s+den)\s+)?"
        past = r"(?:(?i:am|vom|seit)\s+)?(?:(?:vergangenen|letzten|vorigen)\s+)"
        self.table: list[tuple[re.Pattern, Callable]] = [
            (re.compile(rf"\b(?:(?i:am)\s+)?(?:{weekdays}),?\s+(?:den\s+)?(\d{{1,2}})\.\s?({months})\s+({YEAR})\b"), self._full_date),
            (re.compile(rf"\b{pre}(\d{{1,2}})\.\s?({months})s?\s+({YEAR})\b"), self._full_date),
            (re.compile(rf"\b{pre}(\d{{1,2}})\.(\d{{1,2}})\.({YEAR})\b"), self._numeric_date),
            (re.compile(rf"\b(?:(?i:zwischen|von|in\s+den\s+Jahren)\s+)({YEAR})\s+(?:und|bis)\s+({YEAR})\b"), self._year_range),
            (re.compile(rf"\b(?:(?i:im|seit|bis|ab|vom|Anfang|Ende|Mitte)\s+)?({months})\s+({YEAR})\b"), self._month_year),
            (re.compile(rf"\b{pre}(\d{{1,2}})\.\s?({months})\b"), self._day_month),
            (re.compile(rf"\b{pre}(\d{{1,2}})\.(\d{{1,2}})\.?(?!\d)"), self._day_month_numeric),
            (re.compile(rf"\b(?:(?i:im|in|am|für|seit)\s+)?(?:der\s+|den\s+|dem\s+)?({directions}|dieser)\s+(Jahr|Monat|Woche|Jahres|Monats)\b"), self._relative_unit),
            (re.compile(rf"\b(?i:vor)\s+({number})\s+({units})\b"), self._ago),
            (re.compile(rf"\b(?:(?i:im\s+Jahre?|des\s+Jahres|bis|seit|ab|nach|vor|um|bis\s+zum\s+Jahr|im)\s+)?({YEAR})\b(?!\s*[.,]\d)(?![ \u00a0]\d{{3}})"), self._year),
            (re.compile(rf"\b(?:(?i:gegen|um|ab|bis)\s+)?(\d{{1,2}})(?:[.:](\d{{2}}))?\s+Uhr\b"), self._clock),
            (re.compile(rf"\b{past}({weekdays}){daytime}\b"), self._last_weekday),
            (re.compile(rf"\b(?:(?i:am|seit|bis|vom|in\s+der\s+Nacht\s+zum)\s+)?({weekdays}){daytime}\b"), self._weekday),
            (re.compile(rf"\b(?i:im)\s+({months})\b"), self._month_only),
            (re.compile(rf"\b({_alt(lex.relative_days)}|Heute|Gestern)\b"), self._relative_day),
            (re.compile(rf"\b(\d+)-({_alt(COMPOUND_UNITS)})\w*"), self._compound_duration),
            (re.compile(rf"\b({numwords}|ein)({_alt(COMPOUND_UNITS)})\w*", re.IGNORECASE), self._compound_duration),
            (re.compile(rf"(?:(?i:seit|innerhalb\s+von|in\s+den\s+letzten|letzten|für)\s+)?(?i:({number}))\s+({units})\b"), self._duration),
        ]

    # handlers: (match, anchor) -> value or False to reject the match
    def _full_date(self, m, anchor):
        return date(int(m[3]), lexicon().months[m[2]], int(m[1])).isoformat()

    def _numeric_date(self, m, anchor):
        return date(int(m[3]), int(m[2]), int(m[1])).isoformat()

    def _year_range(self, m, anchor):
        return f"{m[1]}/{m[2]}"

    def _month_year(self, m, anchor):
        return f"{m[2]}-{lexicon().months[m[1]]:02d}"

    def _day_month(self, m, anchor):
        month, day = lexicon().months[m[2]], int(m[1])
        return date(anchor.year, month, day).isoformat() if anchor else f"XXXX-{month:02d}-{day:02d}"

    def _day_month_numeric(self, m, anchor):
        month, day = int(m[2]), int(m[1])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return False
        return date(anchor.year, month, day).isoformat() if anchor else f"XXXX-{month:02d}-{day:02d}"

    def _month_only(self, m, anchor):
        return f"{anchor.year:04d}-{lexicon().months[m[1]]:02d}" if anchor else f"XXXX-{lexicon().months[m[1]]:02d}"

    def _clock(self, m, anchor):
        hour, minute = int(m[1]), int(m[2] or 0)
        if hour > 24 or minute > 59:
            return False
        return f"{anchor.isoformat() if anchor else ''}T{hour:02d}:{minute:02d}"

    def _last_weekday(self, m, anchor):
        if anchor is None:
            return None
        back = (anchor.isoweekday() - lexicon().weekdays[m[1]]) % 7 or 7  # strictly before the article day
        return (anchor - timedelta(days=back)).isoformat()

    def _relative_unit(self, m, anchor):
        unit = {"Jahr": "Y", "Jahres": "Y", "Monat": "M", "Monats": "M", "Woche": "W", "Wochenende": "W"}[m[2]]
        return _relative_value(unit, lexicon().directions.get(m[1], 0), anchor)

    def _ago(self, m, anchor):
        n = parse_number(m[1])
        unit = lexicon().units[m[2]]
        if n is None or not float(n).is_integer() or unit[:-1].isdigit():
            return False
        return _relative_value(unit, -int(n), anchor) if unit in "YMWD" else None

    def _year(self, m, anchor):
        if m.start(1) == m.start() and re.match(r"\s+[A-ZÄÖÜ]", m.string[m.end():m.end() + 3]) \
                and not re.match(rf"\s+(?:{_alt(lexicon().months)})\b", m.string[m.end():m.end() + 12]):
            return False
        return m[1]

    def _weekday(self, m, anchor):
        if anchor is None:
            return None
        back = (anchor.isoweekday() - lexicon().weekdays[m[1]]) % 7  # news: the most recent such day
        return (anchor - timedelta(days=back)).isoformat()

    def _relative_day(self, m, anchor):
        return (anchor + timedelta(days=lexicon().relative_days[m[1].lower()])).isoformat() if anchor else None

    def _compound_duration(self, m, anchor):
        n = parse_number(m[1].lower())
        return _duration(n, COMPOUND_UNITS[m[2].lower()]) if n else False

    def _duration(self, m, anchor):
        n = parse_number(m[1])
        return _duration(n, lexicon().units[m[2]]) if n and not m[2].startswith("Jahres") else False


_patterns: _Patterns | None = None


def patterns() -> _Patterns:
    global _patterns
    if _patterns is None:
        _patterns = _Patterns()
    return _patterns


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def find_times(text: str, anchor: date | None) -> list[dict]:
    """Time expressions with TIMEX-like values; `value` is None when it needs an unknown anchor."""
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    for regex, handler in patterns().table:
        for m in regex.finditer(text):
            if not _free(taken, m.start(), m.end()):
                continue
            try:
                value = handler(m, anchor)
            except (ValueError, KeyError, OverflowError):
                continue
            if value is False:
                continue
            taken.append((m.start(), m.end()))
            found.append({"start": m.start(), "end": m.end(), "text": m.group(0), "value": value})
    return sorted(found, key=lambda t: t["start"])


def find_amounts(text: str, taken: list[tuple[int, int]]) -> list[dict]:
    """Numbers with the noun they count ("15 000 Soldaten", "eine Million Afghanen", "5 Prozent")."""
    p = patterns()
    lex = lexicon()
    qualifier = r"(?:(?i:mehr\s+als|weniger\s+als|mindestens|höchstens|rund|etwa|knapp|fast|über|bis\s+zu|circa|ca\.)\s+)?"
    adjectives = r"(?:\s+(?!und\b|oder\b|bis\b|von\b)[a-zäöüß][a-zäöüß\-]*(?:e|en|er|es|em)){0,2}"
    regex = re.compile(
        rf"{qualifier}({p.amount_number})(?:\s+(?:bis|oder)\s+{p.amount_number})?(?:\s+({p.multipliers}))?"
        rf"(?:({adjectives})\s+(%|€|\$|[A-ZÄÖÜ][\wäöüß\-]*)|(%))?")
    amounts: list[dict] = []
    for m in regex.finditer(text):
        number, mult, unit = m.group(1), m.group(2), m.group(4) or m.group(5)
        if not _free(taken, m.start(), m.end()):
            continue
        if unit and (unit in lex.months or unit in lex.weekdays or unit in lex.units or unit in lex.multipliers):
            unit = None
        if not unit and not mult:
            continue  # a bare number is not an amount we can say anything about
        value = parse_number(number)
        if value is None:
            continue
        if mult:
            value *= lex.multipliers[mult]
        end = m.end() if unit else m.end(2)
        value = int(value) if float(value).is_integer() else value
        amounts.append({"start": m.start(), "end": end, "text": text[m.start():end], "value": value,
                        "unit": unit})
    return amounts

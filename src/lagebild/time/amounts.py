"""Amounts: numbers with what they count ("15 000 Soldaten", "eine Million Afghanen", "5 Prozent")."""
from __future__ import annotations

import re

from lagebild.time.handlers import parse_number
from lagebild.time.lexicon import lexicon
from lagebild.time.patterns import DIGITS, alt


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _amount_number() -> str:
    lex = lexicon()
    numwords = alt(w for w in lex.numbers if not w.startswith("ein"))
    return rf"(?:{DIGITS}|(?i:\b(?:{numwords})\b)|(?i:\bein(?:e|en|em|er)?\b)(?=\s+(?:{alt(lex.multipliers)})))"


def find_amounts(text: str, taken: list[tuple[int, int]]) -> list[dict]:
    """Numbers with the noun they count ("15 000 Soldaten", "eine Million Afghanen", "5 Prozent")."""
    lex = lexicon()
    qualifier = r"(?:(?i:mehr\s+als|weniger\s+als|mindestens|höchstens|rund|etwa|knapp|fast|über|bis\s+zu|circa|ca\.)\s+)?"
    adjectives = r"(?:\s+(?!und\b|oder\b|bis\b|von\b)[a-zäöüß][a-zäöüß\-]*(?:e|en|er|es|em)){0,2}"
    regex = re.compile(
        rf"{qualifier}({_amount_number()})(?:\s+(?:bis|oder)\s+{_amount_number()})?(?:\s+({alt(lex.multipliers)}))?"
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

"""Amounts: numbers with what they count, with their meaning kept.

"15 000 Soldaten" -> 15000 Soldaten; "4,6 Milliarden Euro" -> 4600000000 Euro (currency EUR);
"drei von vier Teilnehmern" -> 0.75 Teilnehmern (a proportion of the counted group);
"zwei Drittel der Befragten" -> 0.667; "10 bis 11 Prozent" -> 10.5 (mod about); "mehr als 300
Menschen" -> mod more_than; "Dutzende Menschen" -> 12 (more_than). Ordinals and ranks ("auf
Platz zwei", "der 3. Versuch"), dates, years and durations (the times layer) are not amounts.
The vocabulary is `resources/de/amount_words.tsv` and `numbers.tsv`.
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from lagebild.paths import resource_rows
from lagebild.time.handlers import parse_number
from lagebild.time.lexicon import lexicon
from lagebild.time.patterns import DIGITS, alt

NOT_ADJECTIVES = ("und", "oder", "bis", "von", "der", "die", "des", "den", "gegen", "zwischen", "unter", "über", "nach", "vor",
                  "seit", "ihrer", "seiner", "ihren", "seinen", "deren", "dessen", "wegen", "einer", "einen", "eines", "jeder", "jeden")
ADJECTIVES = (r"(?:\s+(?!(?:" + "|".join(NOT_ADJECTIVES) + r")\b)[a-zäöüß][a-zäöüß\-]*(?:e|en|er|es|em)){0,2}")
NOUN = r"[A-ZÄÖÜ][a-zäöüß][a-zäöüßA-ZÄÖÜ\-]*"


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in resource_rows("amount_words.tsv"):
        form, kind, value = (row + ["", "", ""])[:3]
        out.setdefault(kind, {})[form] = value
    return out


@lru_cache(maxsize=1)
def _regex() -> re.Pattern:
    lex, w = lexicon(), words()
    numwords = alt(v for v in lex.numbers if not v.startswith("ein") and v not in ("halb", "halbes", "halben"))
    mult = alt(lex.multipliers)
    plain = rf"(?:{DIGITS}|(?i:\b(?:{numwords})\b)|(?i:\bein(?:e|en|em|er)?\b)(?=\s+(?:{mult}|Prozent\b)))"
    number = rf"{plain}(?:\s+(?:{mult})(?!\w))?"
    fraction = alt(w["fraction"])
    unit = rf"(?:{alt(w['percent'])}|{alt(w['currency'])}|(?<=\s){NOUN})"
    return re.compile(
        rf"(?<![\w.,])(?P<mod>(?:{alt(w['mod'])})\s+(?:(?:die|der)\s+(?=[A-ZÄÖÜ]))?)?(?:"
        rf"(?P<fnum>{plain}\s+|(?i:ein|eine|einem|einer|die|der)\s+)?(?P<fraction>{fraction})\b"
        rf"(?:\s+(?:der|des|aller|von)(?:{ADJECTIVES})\s+(?P<fgroup>{NOUN}))?"
        rf"|(?P<part>{plain}|(?i:eines|einen|einer|eine))\s+(?:von|der|ihrer|seiner|aller)\s+(?:(?P<whole>{plain})(?P<padj>{ADJECTIVES})\s+(?P<punit>{NOUN})|(?P<group>{alt(w['group'])})\b)"
        rf"|(?:zwischen\s+)?(?P<low>{number})\s*(?:bis|und|–|-)\s*(?P<high>{number})(?P<radj>{ADJECTIVES})\s*(?P<runit>{unit})?"
        rf"|(?P<vague>{alt(w['vague'])})(?P<vadj>{ADJECTIVES})\s+(?P<vunit>{NOUN})"
        rf"|(?P<number>{number})(?:(?P<adj>{ADJECTIVES})\s*(?P<unit>{unit}))?"
        rf")(?![\w])")


def _value(token: str) -> float | None:
    """'4,6 Milliarden' -> 4600000000."""
    lex = lexicon()
    m = re.match(rf"^(.*?)(?:\s+({alt(lex.multipliers)}))?$", token.strip())
    n = parse_number(m[1])
    if n is None:
        return None
    return n * lex.multipliers[m[2]] if m[2] else n


def _tidy(value: float) -> float | int:
    value = round(value, 3)
    return int(value) if float(value).is_integer() else value


def _counts_time(m: re.Match, text: str) -> bool:
    """"zwischen 16 und 39 Jahre alt", "bis zu neun Jahre", "etwa 20-jährige": a duration or an
    age, never an amount."""
    number_end = m.end("high") if m.group("high") else m.end("number") if m.group("number") else m.end()
    after = re.match(r"(?:\s+|-)([A-Za-zÄÖÜäöüß]+)", text[number_end:number_end + 20])
    return bool(after) and (after[1] in lexicon().units or after[1].lower().startswith("jährig"))


def _is_rank(text: str, start: int) -> bool:
    before = re.search(r"(\S+)\s+$", text[max(0, start - 20):start])
    return bool(before and before[1] in words()["rank"])


def _not_a_unit(unit: str | None) -> bool:
    lex = lexicon()
    return bool(unit) and (unit in lex.months or unit in lex.weekdays or unit in lex.units or unit in lex.multipliers
                           or unit in words()["not_unit"])


def _read(m: re.Match) -> tuple[float | None, str | None, str | None]:
    """(value, unit, mod) of a match, value None when it is no amount."""
    g = m.groupdict()
    mod = words()["mod"].get(re.sub(r"\s+(?:die|der)$", "", (g["mod"] or "").strip()))
    if g["fraction"]:
        share = float(Fraction(words()["fraction"][g["fraction"]]))
        count = _value(g["fnum"]) if g["fnum"] and g["fnum"].strip().lower() not in ("ein", "eine", "einem", "einer", "die", "der") else 1
        return (count * share if count else None), g["fgroup"], mod
    if g["part"]:
        part = _value(g["part"])
        if g["group"]:
            return part, None, mod
        whole = _value(g["whole"])
        if part is None or not whole or part >= whole or _not_a_unit(g["punit"]):
            return None, None, mod
        return part / whole, g["punit"], mod
    if g["low"]:
        low, high = _value(g["low"]), _value(g["high"])
        if low is None or high is None:
            return None, None, mod
        if not re.search(rf"\s({alt(lexicon().multipliers)})$", g["low"]) and re.search(rf"\s({alt(lexicon().multipliers)})$", g["high"]):
            low *= lexicon().multipliers[g["high"].split()[-1]]
        if not (low < high) or not (g["runit"] or re.search(r"\s\S+$", g["high"])):
            return None, None, mod
        return (low + high) / 2, g["runit"], mod or "about"
    if g["vague"]:
        if _not_a_unit(g["vunit"]):
            return None, None, mod
        spec = words()["vague"][g["vague"]].split()
        return float(spec[0]), g["vunit"], mod or (spec[1] if len(spec) > 1 else None)
    value = _value(g["number"])
    unit = g["unit"]
    if _not_a_unit(unit):
        unit = None
    if unit is None and not re.search(r"\s\S+$", g["number"]) and not mod:
        return None, None, mod  # a bare number says nothing we can keep
    return value, unit, mod


def _span_end(m: re.Match) -> int:
    """A match without its unit ends after the number (the adjectives were only tried)."""
    g = m.groupdict()
    if g["number"] and not g["unit"]:
        return m.end("number")
    if g["low"] and not g["runit"]:
        return m.end("high")
    return m.end()


def find_amounts(text: str, taken: list[tuple[int, int]]) -> list[dict]:
    """Amounts outside the time expressions' spans (`taken`): span, value, unit, `mod` when a
    qualifier or a range gives one, `currency` (ISO 4217) for money."""
    out: list[dict] = []
    for m in _regex().finditer(text):
        start, end = m.start(), _span_end(m)
        if not all(end <= s or start >= e for s, e in taken) or _is_rank(text, start):
            continue
        if re.match(r"\d+\.\s", text[m.start("number"):]) if m.group("number") else False:
            continue  # "3. Platz": an ordinal
        try:
            value, unit, mod = _read(m)
        except (ValueError, ZeroDivisionError, KeyError):
            continue
        if value is None or _counts_time(m, text):
            continue
        if m.group("unit") and _not_a_unit(m.group("unit")):
            end = m.end("number")
        item = {"start": start, "end": end, "text": text[start:end], "value": _tidy(value), "unit": unit}
        if mod:
            item["mod"] = mod
        currency = words()["currency"].get(unit or "")
        if currency:
            item["currency"] = currency
        out.append(item)
    return out

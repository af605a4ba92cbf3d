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
# a noun, also behind an abbreviation ("EU-Staaten", "G8-Staaten", "F-22-Kampfflugzeuge")
NOUN = r"(?:[A-ZÄÖÜ][A-ZÄÖÜ0-9]*(?:-\d+)?-)?[A-ZÄÖÜ][a-zäöüß][a-zäöüßA-ZÄÖÜ\-]*"


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
    morphemes = alt([v for v in lex.numbers if v.isalpha() and v != "dutzend"] + ["und"])
    mult = alt(lex.multipliers)
    plain = (rf"(?:{DIGITS}|(?i:\b(?:(?:{morphemes}){{2,}}|{numwords})\b)"
             rf"|(?i:\bein(?:e|en|em|er)?(?:\s+{alt(w['half'])})?\b)(?=\s+(?:{mult}|Prozent\b)))")
    number = rf"{plain}(?:\s+(?:{mult})(?!\w))?"
    fraction = alt(w["fraction"])
    unit = rf"(?:{alt(w['percent'])}|{alt(w['currency'])}|(?<=\s){NOUN})"
    # every amount starts with a digit or one of these words: most positions are rejected at once
    starters = [*w["mod"], *lex.numbers, *w["one"], *w["fraction"], *w["vague"], "ein", "die", "der", "zwischen"]
    return re.compile(
        rf"(?<![\w.,])(?=\d|(?i:{alt(s.lower() for s in starters)}))(?P<mod>(?:{alt(w['mod'])})\s+(?:(?:die|der)\s+(?=[A-ZÄÖÜ]))?)?(?:"
        rf"(?P<fnum>{plain}\s+|(?i:ein|eine|einem|einer|die|der)\s+)?(?P<fraction>{fraction})\b"
        rf"(?:\s+(?:der|des|aller|von)(?:{ADJECTIVES})\s+(?P<fgroup>{NOUN}))?"
        rf"|(?P<part>{plain}|(?i:{alt(w['one'])}))\s+(?P<of>von|der|ihrer|seiner|aller)\s+(?:(?P<whole>{plain})(?P<padj>{ADJECTIVES})\s+(?P<punit>{NOUN})|(?P<group>{alt(w['group'])})\b)"
        rf"|(?P<cnum>{plain})\s+der(?P<cadj>{ADJECTIVES})\s+(?P<cunit>{NOUN})"
        rf"|(?:zwischen\s+)?(?P<low>{number})\s*(?:bis|und|–|-)\s*(?P<high>{number})(?P<radj>{ADJECTIVES})\s*(?P<runit>{unit})?"
        rf"|(?P<vague>{alt(w['vague'])})(?P<vadj>{ADJECTIVES})\s+(?P<vunit>{NOUN})"
        rf"|(?P<vbare>{alt(f for f, v in w['vague'].items() if float(v.split()[0]) >= 12)})(?!\s+[A-ZÄÖÜ])"
        rf"|(?P<number>{number})(?:(?P<adj>{ADJECTIVES})\s*(?P<unit>{unit})|\s+(?P<more>{alt(w['more'])})(?!\s+[A-ZÄÖÜ]))?"
        rf")(?![\w])")


@lru_cache(maxsize=1)
def _number_parts() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(number + multiplier, "eine halbe", a token ending in a multiplier)."""
    multipliers = alt(lexicon().multipliers)
    return (re.compile(rf"^(.*?)(?:\s+({multipliers}))?$"), re.compile(rf"(?i:ein\w*)\s+{alt(words()['half'])}"),
            re.compile(rf"\s({multipliers})$"))


def _value(token: str) -> float | None:
    """'4,6 Milliarden' -> 4600000000."""
    lex = lexicon()
    with_multiplier, half, _ = _number_parts()
    m = with_multiplier.match(token.strip())
    n = 0.5 if half.fullmatch(m[1]) else parse_number(m[1])
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


Reading = dict  # value, unit, mod and, for ranges and proportions, low/high or count/total


def _fraction(g: dict, mod: str | None) -> Reading | None:
    share = float(Fraction(words()["fraction"][g["fraction"]]))
    count = _value(g["fnum"]) if g["fnum"] and g["fnum"].strip().lower() not in ("ein", "eine", "einem", "einer", "die", "der") else 1
    return {"value": count * share, "unit": g["fgroup"], "mod": mod} if count else None


def _proportion(g: dict, mod: str | None) -> Reading | None:
    """"drei von vier Teilnehmern" -> 0.75 of 4; "einer der drei Männer" counts the three men."""
    part = 1 if g["part"].lower() in words()["one"] else _value(g["part"])
    if g["group"]:
        return {"value": part, "unit": None, "mod": mod} if part is not None else None
    whole = _value(g["whole"])
    if g["of"] == "der" and part == 1 and whole:
        return {"value": whole, "unit": g["punit"], "mod": mod}
    if part is None or not whole or part >= whole or _not_a_unit(g["punit"]):
        return None
    return {"value": part / whole, "unit": g["punit"], "mod": mod, "count": part, "total": whole}


def _range(g: dict, mod: str | None) -> Reading | None:
    """"10 bis 11 Prozent" -> 10.5 (about), bounds kept; "zwei bis drei Millionen" scales both."""
    low, high = _value(g["low"]), _value(g["high"])
    if low is None or high is None:
        return None
    ends_in_multiplier = _number_parts()[2]
    if not ends_in_multiplier.search(g["low"]) and ends_in_multiplier.search(g["high"]):
        low *= lexicon().multipliers[g["high"].split()[-1]]
    if not (low < high) or not (g["runit"] or re.search(r"\s\S+$", g["high"])):
        return None
    return {"value": (low + high) / 2, "unit": g["runit"], "mod": mod or "about", "low": low, "high": high}


def _vague(form: str, unit: str | None, mod: str | None) -> Reading | None:
    """"Dutzende Menschen" -> 12 (more_than); "Tausende" alone -> 1000."""
    if _not_a_unit(unit):
        return None
    spec = words()["vague"][form].split()
    return {"value": float(spec[0]), "unit": unit, "mod": mod or (spec[1] if len(spec) > 1 else None)}


def _number(g: dict, mod: str | None) -> Reading | None:
    unit = None if _not_a_unit(g["unit"]) else g["unit"]
    if unit is None and not re.search(r"\s\S+$", g["number"]) and not mod and not g["more"]:
        return None  # a bare number says nothing we can keep
    value = _value(g["number"])
    return {"value": value, "unit": unit, "mod": mod} if value is not None else None


def _read(m: re.Match) -> Reading | None:
    """What a match says, None when it is no amount."""
    g = m.groupdict()
    mod = words()["mod"].get(re.sub(r"\s+(?:die|der)$", "", (g["mod"] or "").strip()))
    if g["fraction"]:
        return _fraction(g, mod)
    if g["part"]:
        return _proportion(g, mod)
    if g["low"]:
        return _range(g, mod)
    if g["cnum"]:
        value = _value(g["cnum"])
        return {"value": value, "unit": g["cunit"], "mod": mod} if value is not None else None
    if g["vbare"]:
        return _vague(g["vbare"], None, mod)
    if g["vague"]:
        return _vague(g["vague"], g["vunit"], mod)
    return _number(g, mod)


def _span_end(m: re.Match) -> int:
    """A match without its unit ends after the number (the adjectives were only tried)."""
    g = m.groupdict()
    if g["number"] and not g["unit"]:
        return m.end("more") if g["more"] else m.end("number")
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
            reading = _read(m)
        except (ValueError, ZeroDivisionError, KeyError):
            continue
        if reading is None or _counts_time(m, text):
            continue
        if m.group("unit") and _not_a_unit(m.group("unit")):
            end = m.end("number")
        out.append(_item(text, start, end, reading))
    return out


def _item(text: str, start: int, end: int, reading: Reading) -> dict:
    unit = words()["percent"].get(reading["unit"] or "") or reading["unit"]  # "%" is written "Prozent"
    item = {"start": start, "end": end, "text": text[start:end], "value": _tidy(reading["value"]), "unit": unit}
    if reading.get("mod"):
        item["mod"] = reading["mod"]
    for bound in ("low", "high", "count", "total"):
        if bound in reading:
            item[bound] = _tidy(reading[bound])
    currency = words()["currency"].get(unit or "")
    if currency:
        item["currency"] = currency
    return item

"""Time expressions in German news text with TIMEX3 values, types and mods.

Regular expressions over the text (not tokens): these expressions are short, their form is fixed,
and the rules must work even when no trained model is loaded. Every pattern of
`lagebild.time.patterns` is matched; the longest matches win, and the kept ones are read from
left to right so that each can take its reference (`lagebild.time.context`) from the text
before it. A span taken by a time expression is never also an amount.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from lagebild.time.amounts import find_amounts
from lagebild.time.context import Reference
from lagebild.time.handlers import HANDLERS, parse_number
from lagebild.time.lexicon import lexicon
from lagebild.time.patterns import ARTICLES, YEAR, compiled, gate_words

__all__ = ["find_times", "find_amounts", "parse_number", "core_span"]
_EXPLICIT_YEAR = re.compile(YEAR)
_LEAD_EXTRA = ("bis zum", "bis zur", "in der", "in den", "seit dem", "innerhalb von")


_LEAD_REACH = 80  # characters before a core that its leading words may take


class _Found:
    """A core match with the leading words found before it, read like one match."""

    def __init__(self, text: str, start: int, core: re.Match) -> None:
        self.string, self._start, self._core = text, start, core

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._core.end()

    def group(self, index: int = 0) -> str:
        return self.string[self._start:self._core.end()]

    def groupdict(self) -> dict:
        return {**self._core.groupdict(), "pre": self.string[self._start:self._core.start()]}


def _matches(text: str, core: re.Pattern, lead: re.Pattern):
    """The matches of leading words + core, left to right and not overlapping."""
    last_end = 0
    for m in core.finditer(text):
        if m.start() < last_end:
            continue
        before = lead.search(text, max(last_end, m.start() - _LEAD_REACH), m.start())
        found = _Found(text, before.start() if before else m.start(), m)
        last_end = m.end()
        yield found


def _groups(m) -> dict:
    g = m.groupdict()
    g["_after"] = m.string[m.end():m.end() + 20]
    g["_match"] = m.group(0)
    g["_core_start"] = len(g.get("pre") or "")
    g["_text"] = m.string
    return g


def _candidates(text: str, ref: Reference) -> list[tuple[int, int, str, dict]]:
    """Every match of every pattern that its handler accepts."""
    found = []
    lowered = text.lower()
    present = gate_words().present(lowered)
    for order, (name, core, lead, gate) in enumerate(compiled()):
        if gate is not None and not gate.passes(lowered, present):
            continue
        handler = HANDLERS[name]
        for m in _matches(text, core, lead):
            g = _groups(m)
            try:
                ok = handler(g, ref, m.start(), m.end()) is not None
            except (ValueError, KeyError, OverflowError, TypeError):
                ok = False
            if ok:
                found.append((_trimmed_start(name, m, g), m.end(), order, name, g))
    return found


NO_LEADING_WORDS = frozenset({"compound_duration", "adjective"})
NO_LEADING_ARTICLE = frozenset({"year", "duration", "fuzzy", "relative_day", "vague_duration", "set", "year_range"})


def _trimmed_start(name: str, m: re.Match, g: dict) -> int:
    """Leave out leading words that belong to the noun phrase around the expression, not to it:
    "Das 2008 unterzeichnete", "der derzeit", "nach dreistündiger"."""
    pre = g.get("pre") or ""
    words = pre.split()
    drop = ""
    if name in NO_LEADING_WORDS:
        drop = pre
    elif words and words[0] in ARTICLES and (name in NO_LEADING_ARTICLE or pre.endswith(words[0] + " ")
                                              and m.group(0)[len(pre):][:1].islower()):
        drop = pre if name != "duration" or len(words) == 1 else pre[:pre.index(words[0]) + len(words[0]) + 1]
    elif name == "year" and words == ["von"] or name == "year" and words[:1] == ["für"] and words[1:2] in (["die"], ["das"]):
        drop = pre
    if drop and "Jahr" not in m.group(0)[len(drop):len(pre) + 5]:
        g["pre"] = pre[len(drop):]
        g["_match"] = m.group(0)[len(drop):]
        return m.start() + len(drop)
    return m.start()


def _longest_first(candidates: list) -> list:
    kept: list = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c[0])


def _mod(pre: str, match: str) -> str | None:
    mods = lexicon().kind("mod")
    words = [w if w in mods else w.lower() for w in pre.split()]
    for i in range(len(words) - 1, -1, -1):
        for phrase in (" ".join(words[i:i + 2]), words[i]):
            if phrase in mods:
                return mods[phrase]
    return None


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its leading prepositions and articles ("am Montag" -> "Montag")."""
    prefixes = set(lexicon().kind("prefix")) | set(_LEAD_EXTRA)
    pos = start
    while True:
        m = re.match(r"(\S+(?:\s+\S+)?)", text[pos:end])
        step = None
        for width in (2, 1):
            words = text[pos:end].split(None, width)
            if len(words) > width and " ".join(words[:width]) in prefixes:
                step = re.match(r"\s*" + r"\s+".join(map(re.escape, words[:width])) + r"\s+", text[pos:end])
                break
        if not m or not step:
            return pos, end
        pos += step.end()


def _type(value: str, kind: str | None) -> str:
    if kind:
        return kind
    if value.endswith("_REF"):
        return "DATE"
    if value.startswith("P"):
        return "DURATION"
    if "T" in value and not value.endswith("_REF"):
        return "TIME"
    return "DATE"


_RANGE_START = re.compile(r"^(?:[Vv]on|[Vv]om|[Zz]wischen)\s")
_RANGE_LINK = re.compile(r"^\s*(?:bis(?:\s+zum|\s+zur)?|und)\s+$")


def _after(first: str, second: str, second_text: str) -> str:
    """The end of an interval in the year of its start or the next ("zwischen Jänner und
    November", "von November bis Februar"), unless its own text names a year."""
    if not (re.fullmatch(r"\d{4}-\d\d", first) and re.fullmatch(r"\d{4}-\d\d", second)) or re.search(r"\d{4}", second_text):
        return second
    year = int(first[:4]) + (second[5:] < first[5:])
    return f"{year:04d}{second[4:]}"


def _merge_ranges(text: str, items: list[dict]) -> list[dict]:
    """"von Dezember 2007 bis März 2010", "zwischen fünf und zwölf Jahren": one interval."""
    out: list[dict] = []
    for item in items:
        prev = out[-1] if out else None
        link = text[prev["end"]:item["start"]] + item["text"][:item["core"]["start"] - item["start"]] if prev else ""
        if prev and _RANGE_START.match(prev["text"]) and _RANGE_LINK.match(link + " ") \
                and "/" not in str(prev["value"]) and "/" not in str(item["value"]) \
                and (prev["type"] == item["type"] or {prev["type"], item["type"]} <= {"DATE", "TIME"}) \
                and (link.strip() != "und" or prev["text"].lower().startswith("zwischen")):
            second = item["value"]
            if re.fullmatch(r"\d{3,4}", str(prev["value"])) and item["core"]["text"].lower() in lexicon().relative_days \
                    and lexicon().relative_days[item["core"]["text"].lower()] == 0:
                second = "PRESENT_REF"  # "von 1855 bis heute"
            merged = {**prev, "end": item["end"], "text": text[prev["start"]:item["end"]],
                      "value": f"{prev['value']}/{_after(str(prev['value']), str(second), item['text'])}"}
            merged["core"] = {**prev["core"], "end": item["end"], "text": text[prev["core"]["start"]:item["end"]]}
            out[-1] = merged
            continue
        out.append(item)
    return out


_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-WXX-\d)?(T\d\d:\d\d)$")
_DAY = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-WXX-\d)(?:T[A-Z]{2})?$")
_DAY_LINK = re.compile(r"^\s+(?:am|an)\s")
_SINCE = re.compile(r"(?i:seit)\b")  # "seit 1949": a state lasting until now, not a narrative's year


def _join_clock_day(text: str, items: list[dict]) -> list[dict]:
    """"gegen 17 Uhr am Freitagnachmittag": a clock time followed by the day it is on is one
    time, the day's date with the clock time."""
    out: list[dict] = []
    for item in items:
        prev = out[-1] if out else None
        clock = _CLOCK.match(str(prev["value"])) if prev else None
        day = _DAY.match(str(item["value"]))
        if clock and day and _DAY_LINK.match(text[prev["end"]:item["start"]] + item["text"][:3]) \
                and text[prev["end"]:item["start"]].strip() == "":
            out[-1] = {**prev, "end": item["end"], "text": text[prev["start"]:item["end"]],
                       "value": day[1] + clock[1], "type": "TIME",
                       "core": {**prev["core"], "end": item["end"], "text": text[prev["core"]["start"]:item["end"]]}}
            continue
        out.append(item)
    return out


MAX_DATE_SHIFT = 1  # days a text's own "heute, Dienstag" may move the article date


@lru_cache(maxsize=1)
def _stated_day() -> re.Pattern:
    lex = lexicon()
    days = "|".join(sorted((w for w, n in lex.relative_days.items() if abs(n) <= 1), key=len, reverse=True))
    weekdays = "|".join(sorted((w for w in lex.weekdays if w[:1].isupper()), key=len, reverse=True))
    return re.compile(rf"\b({days})\s*[,(–-]\s*({weekdays})\b", re.IGNORECASE)


def stated_today(text: str, anchor: date | None) -> date | None:
    """The article date, moved to the day the text itself says it is ("heute, Dienstag", "gestern
    (Montag)") when that is the day before or after: a crawl or credit date one day off would
    shift every weekday of the article by a week."""
    m = _stated_day().search(text) if anchor is not None else None
    if m is None:
        return anchor
    lex = lexicon()
    offset, weekday = lex.relative_days[m.group(1).lower()], lex.weekdays[m.group(2).capitalize()]
    today_weekday = (weekday - 1 - offset) % 7   # lexicon weekdays: Montag = 1
    shift = (today_weekday - anchor.weekday() + 3) % 7 - 3
    return anchor + timedelta(days=shift) if abs(shift) <= MAX_DATE_SHIFT else anchor


def find_times(text: str, anchor: date | None) -> list[dict]:
    """Time expressions: span, `value` (TIMEX3), `type`, `mod` when a qualifier gives one, and
    `core` (the span without its leading preposition)."""
    anchor = stated_today(text, anchor)
    ref = Reference(text, anchor)
    out = []
    for start, end, _, name, g in _longest_first(_candidates(text, Reference(text, anchor, probing=True))):
        try:
            result = HANDLERS[name](g, ref, start, end)
        except (ValueError, KeyError, OverflowError, TypeError):
            result = None
        if result is None:
            continue
        value, kind = result if isinstance(result, tuple) else (result, None)
        ref.note(value, start, explicit_year=bool(g.get("year")) and not _SINCE.match(text, start),
                 explicit_day=bool(g.get("day")))
        c_start, c_end = core_span(text, start, end)
        item = {"start": start, "end": end, "text": text[start:end], "value": value,
                "type": _type(value, kind), "core": {"start": c_start, "end": c_end, "text": text[c_start:c_end]}}
        mod = _mod(g.get("pre") or "", g["_match"])
        if mod:
            item["mod"] = mod
        out.append(item)
    return _join_clock_day(text, _merge_ranges(text, out))

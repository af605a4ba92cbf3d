"""The regular expressions of German time expressions, built from the vocabulary in
`resources/de/`. Each core pattern is wrapped in the words that may stand before it inside the
span (prepositions, articles, qualifiers: `pre`) and after it (`post`); its named groups are read
by the handler of the same name in `lagebild.time.handlers`."""
from __future__ import annotations

import re
from functools import lru_cache

from lagebild.time.lexicon import lexicon

DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+(?:,\d+)?"
YEAR = r"(?:1[2-9]\d\d|20\d\d)(?![.,]\d)(?![ \u00a0]\d{3}\b)"
COMPOUND_UNITS = {"tägig": "D", "jährig": "Y", "wöchig": "W", "monatig": "M", "stündig": "H", "minütig": "TM"}
ORDINALS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4,
            "1.": 1, "2.": 2, "3.": 3, "4.": 4}
LAST = "letzten"  # "im letzten Quartal 2004": the last quarter of a named year (without a year: the previous quarter)


def alt(words) -> str:
    """An alternation of the words as a prefix tree, one group: "(?:M(?:ai|ärz))". It matches
    what "|".join(longest first) matches, preferring the longest word, but the regex engine tries
    one branch per letter instead of every word at every position of the text."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _trie_regex(trie)
    return f"(?:{body})" if body else ""


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _capitalised(words) -> list[str]:
    """The words and, for those in lower case, their sentence-initial form ("monatelang", "Monatelang")."""
    return sorted(set(words) | {w[0].upper() + w[1:] for w in words if w[:1].islower()})


def _core_patterns() -> list[tuple[str, str]]:
    lex = lexicon()
    k = lex.kind
    months, weekdays, units = alt(lex.months), alt(lex.weekdays), alt(lex.units)
    numwords = alt(lex.numbers)
    number = rf"(?:{DIGITS}|(?i:\b(?:{numwords})\b))"
    direction = rf"(?:{alt(list(lex.directions) + [d.capitalize() for d in lex.directions])}|dieser|nächster)"
    part = alt(f for f, v in k("part_of_day").items() if f[0].islower() and not f.endswith("s"))
    part_word = alt(f for f in k("part_of_day") if f[0].isupper() or f.endswith("s") or f == "früh")
    seasons, holidays = alt(k("season")), alt(k("holiday"))
    hour_words = alt(w for w, v in lex.numbers.items() if 1 <= v <= 24 and float(v).is_integer() and not w.startswith("ein"))
    clock = (rf"(?:(?P<hour>[012]?\d)(?:(?:[.:](?P<minute>[0-5]\d))?\s+(?:Uhr|MEZ|MESZ)|:(?P<minute2>[0-5]\d)(?!\d|,\d|\s+Min))"
             rf"|(?P<hour_word>(?i:{hour_words}))\s+Uhr\b)")
    clock_opt = rf"(?:,?\s+(?:(?:um|gegen|ab)\s+)?(?:(?:genau|kurz\s+(?:vor|nach))\s+)?{clock})?"
    day_part = rf"(?:(?P<part>{part})|\s+(?P<part2>{part_word}))?"
    year_opt = rf"(?:\s+(?P<year>{YEAR}))?"
    day_word = rf"(?:(?:{alt(k('adjective'))})\s+)?(?:{weekdays})(?P<day_part>{part})?|{alt(lex.relative_days)}|Heute|Gestern"
    apposed = rf"(?:(?:{day_word}),\s+(?:den\s+|dem\s+)?|(?:(?:{alt(k('adjective'))})\s+)?(?:{weekdays})(?P<day_part2>{part})?\s+(?:den\s+|dem\s+)?(?=\d)|(?:{alt(k('adjective'))})\s+(?=\d))?"
    this_year = r"(?:\s+(?P<this>dieses|diesen|des)\s+Jahres)?"
    ordinal = alt(ORDINALS)
    quarter_units = "Quartal|Quartals|Halbjahr|Halbjahres|Jahreshälfte"
    quarter_year = rf"\s+(?:{quarter_units})\s+(?:des\s+Jahres\s+)?{YEAR}"
    return [
        ("full_date", rf"{apposed}(?P<day>\d{{1,2}})\.\s{{0,2}}(?P<month>{months})s?,?\s+(?P<year>{YEAR}){clock_opt}"),
        ("numeric_date", rf"{apposed}(?P<day>\d{{1,2}})\.\s{{0,2}}(?P<month>\d{{1,2}})\.\s?(?P<year>{YEAR})"),
        ("day_range", rf"(?P<day>\d{{1,2}})\.(?:\s?(?P<month>{months}))?\s+(?:bis\s+(?:zum\s+)?|und\s+|[-–]\s?)(?P<day2>\d{{1,2}})\.\s?(?P<month2>{months}){year_opt}"),
        ("month_range", rf"(?P<month>{months})\s+(?:bis|[-–])\s+(?P<month2>{months}){year_opt}"),
        ("year_range", rf"(?:(?:(?i:zwischen)|(?i:den|die)\s+Jahren?)\s+(?P<year>{YEAR})\s+und\s+(?P<year2>{YEAR})|(?:(?i:von|die\s+Jahre|den\s+Jahren|Jahr|Jahres|Saison)\s+|[A-ZÄÖÜ][a-zäöüß]+jahr(?:es)?\s+)?(?P<year3>{YEAR})\s?(?:bis|[-–/])\s?(?P<year4>{YEAR}|\d\d))\b"),
        ("decade", rf"(?P<decade>(?:1[0-9]|20)?\d0)(?:er|-er)(?:(?:[- ]?Jahren?|[- ]?Jahre)|n\b|(?=\s+(?:und|bis)\s+(?:1[0-9]|20)?\d0-?er[- ]?Jahre))(?:\s+(?:und|bis)\s+(?P<decade2>(?:1[0-9]|20)?\d0)-?er[- ]?Jahren?)?"),
        ("decade_word", rf"(?P<decade_word>{alt(k('decade_word'))})(?:\s+J|-?j|-J)ahren?\b"),
        ("century", rf"(?P<century>\d{{1,2}})\.\s+Jahrhunderts?"),
        ("quarter", rf"(?P<ordinal>{ordinal}|{LAST}(?={quarter_year}))\s+(?P<unit>{quarter_units})(?:\s+(?:des\s+Jahres\s+)?(?P<year>{YEAR}))?"),
        ("month_year", rf"(?P<month>{months})\s+(?:(?P<this>(?:dieses|diesen|des|des\s+vergangenen|des\s+letzten|vergangenen|letzten)\s+(?:Jahres|Vorjahres))\b|(?:des\s+Jahres\s+)?(?P<year>{YEAR}))"),
        ("season", rf"(?:(?P<direction>{direction})\s+)?(?P<season>{seasons})(?:{year_opt}|{this_year})"),
        ("holiday", rf"(?P<holiday>{holidays}){year_opt}"),
        ("day_month", rf"{apposed}(?P<day>\d{{1,2}})\.\s{{0,2}}(?P<month>{months})s?\b{this_year}(?:\s+(?P<part2>{part_word}))?{clock_opt}"),
        ("month_only", rf"(?P<month>{months})\b(?!\s+(?:{YEAR}\b|\d{{1,2}}\.(?!\d)))"),
        ("numeric_day_month", rf"{apposed}(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})(?:\.(?!\d)|(?=\)))"),
        ("relative_unit", rf"(?P<direction>{direction})\s+(?P<unit>Jahr|Jahres|Monat|Monats|Woche|Wochenende|Quartal|Quartals)"),
        ("previous_unit", r"(?P<unit>Vorjahr|Vorjahres|Vorjahresmonat|Vormonat|Vormonats|Vorwoche)"),
        ("ago", rf"(?i:vor)\s+(?:(?:gut|knapp|fast|mehr\s+als|etwa|rund)\s+)?(?P<number>{number})\s+(?P<unit>{units})"),
        ("in_future", rf"(?i:in)\s+(?:(?:gut|knapp|etwa|rund)\s+)?(?P<number>{number})\s+(?P<unit>Jahren|Monaten|Wochen|Tagen|Jahrzehnten)"),
        ("later", rf"(?P<number>{number})\s+(?P<unit>{units})\s+(?P<dir>später|danach|zuvor|vorher)"),
        ("year", rf"(?:(?:Jahre?s?|Jahr|Saison|[A-ZÄÖÜ][a-zäöüß]+jahr(?:es)?)\s+)?(?P<year>{YEAR})\b"),
        ("clock", rf"{clock}(?:\s+(?P<clock_part>{alt(k('clock_suffix'))}))?"),
        ("night", rf"(?:[Ii]n\s+der\s+)?(?:Nacht\s+)?(?:von\s+(?P<weekday0>{weekdays})\s+)?(?:auf|zum|zu)\s+(?P<weekday>{weekdays})"),
        ("weekday", rf"(?:(?P<direction>{direction})\s+|(?P<adjective>{alt(k('adjective'))})\s+)?(?P<weekday>{weekdays})(?P<genitive>s(?=\s))?{day_part}(?:\s+(?P<week_direction>{direction})\s+Woche\b)?{clock_opt}"),
        ("relative_day", rf"(?P<relative>{alt(lex.relative_days)}|Heute|Gestern|Vorgestern|Morgen(?=\s+(?:{part_word})\b)){day_part}{clock_opt}(?:,\s+(?P<weekday>{weekdays}))?"),
        ("part_of_day", rf"(?P<part2>{alt(f for f in k('part_of_day') if f[0].isupper())})"),
        ("fuzzy", rf"(?P<fuzzy>{alt(k('fuzzy'))})"),
        ("then", rf"(?P<then>{alt(k('then'))})"),
        ("year_part", rf"(?P<year_part>{alt(k('year_part'))}){year_opt}"),
        ("half_ago", r"(?i:vor)\s+(?:gut\s+|knapp\s+|etwa\s+)?(?:einem\s+)?(?P<half>halben|einem\s+halben|eineinhalb|anderthalb)\s+(?P<unit>Jahr|Jahren)"),
        ("part_of_named_day", rf"(?P<part2>{alt(f for f in k('part_of_day') if f[0].isupper())})\s+(?:des|vom|zum|auf\s+den)\s+(?:(?P<day>\d{{1,2}})\.\s{{0,2}}(?P<month>{months})(?:\s+(?P<year>{YEAR}))?|(?P<weekday>{weekdays})s?)\b"),
        ("set", rf"(?P<set>{alt(k('set'))})|(?P<every>alle)\s+(?P<number>{number})\s+(?P<unit>{units})|(?P<every2>[Jj]eden)\s+(?P<weekday>{weekdays})"),
        ("week_part", rf"(?P<week>{alt(k('week_part'))})"),
        ("day_shift", rf"(?P<shift>{alt(k('day_shift'))})"),
        ("adjective", rf"(?P<adjective>{alt(k('adjective'))})(?:\s+(?P<noun>Tag|Tages|Jahr|Jahres)\b|\s+(?P<part2>{part_word})\b)?"),
        ("compound_duration", rf"(?P<number>\d+|(?i:{numwords}))-?(?P<compound>{alt(COMPOUND_UNITS)})[a-zäöüß]*"),
        ("duration", rf"(?:(?P<direction>{direction}|ersten)\s+)?(?P<number>{number})(?:\s+(?:bis|und)\s+(?P<number2>{number}))?(?:\s+(?:{alt(k('unit_adjective'))}))?\s+(?P<unit>{units})"),
        ("vague_future", r"(?:(?i:in|für)\s+(?:den|die)|(?i:der))\s+(?:kommenden|nächsten)\s+(?:Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?)(?:\s+und\s+(?:Wochen|Monaten|Jahren))?"),
        ("month_direction", rf"(?P<direction>{direction})\s+(?P<month>{months})\b(?!\s+(?:{YEAR}\b|\d{{1,2}}\.(?!\d)))"),
        ("unit_of_now", r"(?<=\s)(?P<unit>Jahres|Monats|Woche)\b(?!\s+(?:\d|[A-ZÄÖÜ]))"),
        ("vague_past", rf"(?i:in)\s+den\s+(?:vergangenen|letzten)\s+(?:Jahren|Monaten|Wochen|Tagen|Stunden|Jahrzehnten)|(?i:der|die)\s+(?:vergangenen|letzten)\s+(?:Jahre|Monate|Wochen|Tage|Stunden|Jahrzehnte)\b|(?i:vor)\s+(?:einigen|wenigen|mehreren|ein\s+paar|etwa|rund)\s+(?:(?:{DIGITS}|[\w,]+)\s+(?:Millionen|Milliarden)\s+)?(?:Jahren|Monaten|Wochen|Tagen|Stunden|Jahrzehnten)"),
        ("vague_duration", rf"(?:(?P<quantifier>{alt(_capitalised(k('vague_quantifier')))})\s+)?(?P<vague>{alt(_capitalised(k('vague_duration')))})"),
    ]


# Per pattern of numbers, a short regular expression that every match of it contains.
NUMBER_GATES = {
    "numeric_date": r"\d\.\s?\d{1,2}\.\s?[12]\d{3}", "numeric_day_month": r"\d\.\d",
    "year_range": r"\d{4}\s*(?:bis|und|[-–/])\s*\d\d", "decade": r"\d0-?er", "year": r"(?:1[2-9]|20)\d\d",
}


class Gate:
    """What a text must contain for a pattern to match anywhere in it: one of some words (lower
    case) or a match of a short regular expression. A text without it is not scanned by that
    pattern, which spares most of the scanning time (most patterns match in few articles)."""

    def __init__(self, words: tuple[str, ...] = (), regex: str | None = None) -> None:
        self.words, self.regex = frozenset(words), re.compile(regex) if regex else None

    def passes(self, lowered: str, present: frozenset[str]) -> bool:
        """`present`: the gate words found in the lower-cased text (`GateWords.present`)."""
        if self.regex is not None:
            return self.regex.search(lowered) is not None
        return not self.words.isdisjoint(present)


class GateWords:
    """All gate words found in a text in one scan: at each position the longest gate word that
    starts there, plus the shorter gate words it begins with ("vorjahr" also gives "vor")."""

    def __init__(self, words: set[str]) -> None:
        self.scan = re.compile(rf"(?=({alt(words)}))")
        self.prefixes = {w: frozenset(p for p in words if w.startswith(p)) for w in words}

    def present(self, lowered: str) -> frozenset[str]:
        found: set[str] = set()
        for word in set(self.scan.findall(lowered)):
            found |= self.prefixes[word]
        return frozenset(found)


def _gates() -> dict[str, Gate]:
    """The gate of each pattern; a pattern without one is always scanned."""
    lex, k = lexicon(), lexicon().kind
    months = tuple(lex.months)
    weekdays = tuple(lex.weekdays)
    part_of_day = tuple(k("part_of_day"))
    units = tuple(lex.units)
    gates = {
        "full_date": months, "day_range": months, "month_range": months, "decade_word": tuple(k("decade_word")),
        "century": ("jahrhundert",), "quarter": ("quartal", "halbjahr", "jahreshälfte"), "month_year": months,
        "season": tuple(k("season")), "holiday": tuple(k("holiday")), "day_month": months,
        "month_only": months, "relative_unit": tuple(lex.directions) + ("dieser", "nächster"),
        "previous_unit": ("vorjahr", "vormonat", "vorwoche"), "ago": units, "in_future": units,
        "later": ("später", "danach", "zuvor", "vorher"),
        "clock": ("uhr", "mez", "mesz", ":"), "night": weekdays, "weekday": weekdays,
        "relative_day": tuple(lex.relative_days) + ("heute", "gestern", "vorgestern"), "part_of_day": part_of_day,
        "fuzzy": tuple(k("fuzzy")), "then": tuple(k("then")), "year_part": tuple(k("year_part")),
        "half_ago": ("halben", "eineinhalb", "anderthalb"), "part_of_named_day": part_of_day,
        "set": tuple(k("set")) + ("alle", "jeden"), "week_part": tuple(k("week_part")), "day_shift": tuple(k("day_shift")),
        "adjective": tuple(k("adjective")), "compound_duration": tuple(COMPOUND_UNITS), "duration": units,
        "vague_future": ("kommenden", "nächsten"), "month_direction": months, "unit_of_now": ("jahres", "monats", "woche"),
        "vague_past": ("vergangenen", "letzten", "vor"), "vague_duration": tuple(k("vague_duration")),
    }
    return {**{name: Gate(words=tuple(sorted({w.lower() for w in words}))) for name, words in gates.items()},
            **{name: Gate(regex=regex) for name, regex in NUMBER_GATES.items()}}


ARTICLES = ("dem", "den", "der", "des", "die", "das", "Die", "Das")
ADJECTIVES = ("weitere", "weiteren", "ganzen", "ganze", "gesamten", "gesamte", "späten", "frühen", "Späten", "Frühen")


@lru_cache(maxsize=1)
def gate_words() -> GateWords:
    return GateWords({w for *_, gate in compiled() if gate is not None for w in gate.words})


@lru_cache(maxsize=1)
def compiled() -> list[tuple[str, re.Pattern, re.Pattern, Gate | None]]:
    """(name, core, lead, gate) per pattern: `core` finds the expression, `lead` the words before it
    that belong to its span (searched back from the core's start, ending there), `gate` what the
    lower-cased text must contain for the core to match in it (None: always scanned)."""
    k = lexicon().kind
    preps = alt([f for f in k("prefix") if f not in ARTICLES and f not in ADJECTIVES] + ["bis zum", "bis zur", "seit dem", "in der", "in den"])
    mods = alt(list(k("mod")) + [m[0].upper() + m[1:] for m in k("mod")])
    pre = (rf"(?P<pre>(?:(?:{preps})\s+){{0,2}}(?:(?:{alt(ARTICLES)})\s+)?(?:(?:{mods})\s+){{0,2}}"
           rf"(?:(?:{alt(ADJECTIVES)})\s+)?)")
    post = r"(?P<post>\s+(?:lang|hinweg|Ortszeit)\b)?"
    lead = re.compile(rf"(?<![\w.\-/]){pre}\Z")
    gates = _gates()
    return [(name, re.compile(rf"(?<![\w.\-/])(?:{core})(?!\w|-[^\W\d])"  # not the first part of a compound ("Sonntag-Ausgabe")
                           rf"{post}"), lead, gates.get(name))
            for name, core in _core_patterns()]

"""Turn a matched time expression into its TIMEX3 value, read against a `Reference`.

One function per core pattern of `lagebild.time.patterns`, called as `handler(groups, ref,
start, end)`; it returns the value (a string, or a `(value, type)` pair for sets) or None when
the match is not a time expression after all."""
from __future__ import annotations

import re
from datetime import date, timedelta

from lagebild.time.context import PAST, Reference
from lagebild.time.senses import is_age as _is_age, is_nowadays as _is_nowadays, measures_a_period as _measures_a_period
from lagebild.time.lexicon import lexicon
from lagebild.time.patterns import ARTICLES, COMPOUND_UNITS, ORDINALS
from lagebild.time.values import SEASON_MONTH, UNDATED_REF, UNIT_OF, parse_number
from lagebild.time.values import clock_value as _clock, day as _day, duration_value as _duration, easter as _easter
from lagebild.time.values import month_number as _month, shift_unit as _shift_unit, time_of_day as _time_of_day, year_text as _y


def _direction(g: dict) -> int:
    word = g.get("direction")
    return lexicon().directions.get(word.lower(), 0) if word else 0


def full_date(g, ref, start, end):
    return _day(int(g["year"]), _month(g["month"]), int(g["day"])) + _time_of_day(g)


def numeric_date(g, ref, start, end):
    return date(int(g["year"]), int(g["month"]), int(g["day"])).isoformat() + _time_of_day(g)


def day_range(g, ref, start, end):
    month2 = _month(g["month2"])
    month = _month(g["month"]) if g.get("month") else month2
    year = int(g["year"]) if g.get("year") else ref.year_for(month, int(g["day"]), start, end)
    return f"{_day(year, month, int(g['day']))}/{_day(year, month2, int(g['day2']))}"


def month_range(g, ref, start, end):
    month, month2 = _month(g["month"]), _month(g["month2"])
    year = int(g["year"]) if g.get("year") else ref.year_for(month, None, start, end)
    if year is None:
        return f"XXXX-{month:02d}/XXXX-{month2:02d}"
    year2 = year + 1 if month2 < month and not g.get("year") else year  # "von November bis Februar"
    first = year - 1 if month2 < month and g.get("year") else year      # "von November bis Februar 2016"
    return f"{first:04d}-{month:02d}/{year2:04d}-{month2:02d}"


def year_range(g, ref, start, end):
    first, second = g.get("year") or g["year3"], g.get("year2") or g["year4"]
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}/{second}" if int(second) > int(first) else None


def _decade(d: str) -> str | None:
    return d[:3] if len(d) == 4 else "19" + d[0] if len(d) == 2 else None


def decade_word(g, ref, start, end):
    return "19" + lexicon().kind("decade_word")[g["decade_word"]]


def decade(g, ref, start, end):
    first = _decade(g["decade"])
    if g.get("decade2"):
        second = _decade(g["decade2"])
        return f"{first}/{second}" if first and second and second > first else None
    return first


def century(g, ref, start, end):
    n = int(g["century"])
    return f"{n - 1:02d}" if 1 <= n <= 21 else None


def quarter(g, ref, start, end):
    half = not g["unit"].startswith("Quartal")
    n = ORDINALS.get(g["ordinal"]) or (2 if half else 4)
    if half and n > 2:
        return None
    first_month = (n - 1) * (6 if half else 3) + 1
    middle = first_month + (3 if half else 1)
    year = int(g["year"]) if g.get("year") else ref.year_for(middle, 1, start, end)
    return f"{_y(year)}-{'H' if half else 'Q'}{n}"


def month_year(g, ref, start, end):
    if g.get("year"):
        return f"{g['year']}-{_month(g['month']):02d}"
    if ref.article is None:
        return f"XXXX-{_month(g['month']):02d}"
    shift = -1 if re.search("Vorjahres|vergangenen|letzten", g["this"]) else 0
    return f"{ref.article.year + shift:04d}-{_month(g['month']):02d}"


def season(g, ref, start, end):
    code = lexicon().kind("season")[g["season"]]
    if g.get("year"):
        return f"{g['year']}-{code}"
    if g.get("direction") or g.get("this"):
        shift = _direction(g)
        if ref.article is None:
            return f"XXXX-{code}" if shift == 0 else UNDATED_REF[shift]
        return f"{ref.article.year + shift}-{code}"
    words = (g.get("pre") or "").split()
    if not words or all(w in ARTICLES for w in words):
        return None  # "ein milder Winter", "eines kalten Winters", "Vera Herbst": a season noun, no time
    return f"{_y(ref.year_for(SEASON_MONTH[code], None, start, end))}-{code}"


def holiday(g, ref, start, end):
    spec = lexicon().kind("holiday")[g["holiday"]]
    if spec.startswith("E"):
        year = int(g["year"]) if g.get("year") else ref.year_for(4, None, start, end)
        return (_easter(year) + timedelta(days=int(spec[1:]))).isoformat() if year else None
    month, day = int(spec[:2]), int(spec[3:])
    year = int(g["year"]) if g.get("year") else ref.year_for(month, day, start, end)
    return _day(year, month, day)


def day_month(g, ref, start, end):
    month, day = _month(g["month"]), int(g["day"])
    if g.get("this"):
        return _day(ref.article.year if ref.article else None, month, day) + _time_of_day(g)
    return _day(ref.year_for(month, day, start, end), month, day) + _time_of_day(g)


def _after_a_month(text: str, start: int) -> bool:
    """"im Juli und August": the second of two coordinated months."""
    m = re.search(r"(\w+)\s+(?:und|oder)\s+$", text[max(0, start - 24):start])
    return bool(m) and m[1] in lexicon().months


def _before_a_month(text: str, end: int) -> tuple[bool, int | None]:
    """"Juli und August 2015": the first of two coordinated months, and the year the second names."""
    m = re.match(r"\s+(?:und|oder)\s+(\w+)(?:\s+(\d{4})\b)?", text[end:end + 32])
    if not m or m[1] not in lexicon().months:
        return False, None
    return True, int(m[2]) if m[2] else None


def month_only(g, ref, start, end):
    coordinated, shared_year = _before_a_month(ref.text, end)
    second = _after_a_month(ref.text, start)
    if not (g.get("pre") or coordinated or second) or (g["month"] == "Mai" and (g["pre"] or "").strip() in ("Am", "am")):
        return None
    month = _month(g["month"])
    previous = re.fullmatch(r"(\d{4})-(\d\d)", ref.last_dated or "") if second else None
    if previous:  # "im Juli und August": the year of the month before, or the next
        shared_year = int(previous[1]) + (month < int(previous[2]))
    return f"{_y(shared_year or ref.year_for(month, None, start, end))}-{month:02d}"


def numeric_day_month(g, ref, start, end):
    month, day = int(g["month"]), int(g["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _day(ref.year_for(month, day, start, end), month, day)


def relative_unit(g, ref, start, end):
    shift = _direction(g)
    if ref.article is None:
        return "XXXX-WXX-WE" if g["unit"] == "Wochenende" and shift == 0 else UNDATED_REF[shift]
    if g["unit"] == "Wochenende":
        return _weekend(ref, start, end, shift)
    demonstrative = (g.get("direction") or "").lower().startswith("dies")  # not "das laufende Jahr"
    named = ref.named_year(start) if demonstrative and UNIT_OF[g["unit"]] == "Y" else None
    return str(named) if named else _shift_unit(UNIT_OF[g["unit"]], shift, ref.article)


def previous_unit(g, ref, start, end):
    if g["unit"] == "Vorjahresmonat":
        return _shift_unit("Y", -1, ref.article) + ref.article.strftime("-%m") if ref.article else "PAST_REF"
    return _shift_unit(UNIT_OF[g["unit"]], -1, ref.article) if ref.article else "PAST_REF"


def ago(g, ref, start, end):
    n, unit = parse_number(g["number"]), lexicon().units[g["unit"]]
    if n is None or not float(n).is_integer() or unit not in ("Y", "M", "W", "D", "10Y"):
        return None
    if ref.article is None:
        return "PAST_REF"
    return _shift_unit("Y" if unit == "10Y" else unit, -int(n) * (10 if unit == "10Y" else 1), ref.article)


def in_future(g, ref, start, end):
    n, unit = parse_number(g["number"]), lexicon().units[g["unit"]]
    if n is None:
        return None
    if ref.article is None:
        return "FUTURE_REF"
    if not float(n).is_integer():  # "in anderthalb Wochen", "in eineinhalb Jahren"
        if unit == "W":
            return _shift_unit("W", 0, ref.article + timedelta(days=round(n * 7)))
        return _shift_unit("M", round(n * 12), ref.article) if unit == "Y" and float(n * 12).is_integer() else None
    if ref.article is None:
        return "FUTURE_REF"
    return _shift_unit("Y" if unit == "10Y" else unit, int(n) * (10 if unit == "10Y" else 1), ref.article)


def night(g, ref, start, end):
    if not (g.get("weekday0") or "Nacht" in g["_match"]):
        return None
    day = ref.weekday(lexicon().weekdays[g["weekday"]], start, end)
    if day.startswith("XXXX"):
        return f"XXXX-WXX-{(lexicon().weekdays[g['weekday']] - 2) % 7 + 1}TNI"
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat() + "TNI"


def later(g, ref, start, end):
    n, unit = parse_number(g["number"].lower()), lexicon().units[g["unit"]]
    if n is None or not float(n).is_integer() or unit not in ("Y", "M", "D"):
        return None
    sign = 1 if g["dir"] in ("später", "danach") else -1
    if unit == "D":
        return ref.shifted_day(sign * int(n))
    base = ref.last_day
    if unit == "Y" and ref.last_year:
        return f"{ref.last_year[1] + sign * int(n):04d}"
    if base and unit == "M":
        year = None if base.startswith("X") else int(base[:4])
        if year is None:
            return f"XXXX-{(int(base[5:7]) - 1 + sign * int(n)) % 12 + 1:02d}" if base[5:7].isdigit() else None
        return _shift_unit("M", sign * int(n), date(year, int(base[5:7]), 1))
    return _duration(n, unit)


def _singular_noun(after: str) -> bool:
    """The noun after a number is singular by its ending ("Vizebürgermeisterin", "Regierung"), so
    the number counts nothing."""
    noun = re.match(r"\s+([A-ZÄÖÜ][a-zäöüß\-]+)", after)
    return bool(noun) and any(noun[1].endswith(e) for e in lexicon().kind("singular_ending"))


def year(g, ref, start, end):
    after = g["_after"]
    if not g.get("pre") and re.match(r"\s+[A-ZÄÖÜ]", after[:3]) and \
            not re.match(r"\s+(?:" + "|".join(lexicon().months) + r")\b", after[:12]) and not _singular_noun(after):
        return None  # "1600 Angriffe": a number with what it counts; "2014 Vizebürgermeisterin" is a year
    before = g["_text"][max(0, start - 40):start].split()[-1:]
    nouns = lexicon().kind("number_noun")
    if before and (before[0] in nouns or any(n[0] == "-" and before[0].lower().endswith(n[1:]) for n in nouns)):
        return None  # "Resolution 1701": a number in a name
    if "Jahr" not in g["_match"] and re.match(r"\s+(?:auf|bis)\s+(?:\w+\s+)?\d{1,3}(?:[.\s]\d{3})+\b", g["_text"][end:end + 30]):
        return None  # "von 2000 auf rund 15.000 Soldaten": a count
    return g["year"]


def clock(g, ref, start, end):
    """A clock time on the last day named (a calendar day), else on the article's day."""
    last = ref.last_day if ref.last_day and ref.last_day[:1].isdigit() else None
    base = last or (ref.article.isoformat() if ref.article else "")
    value = _clock(g)
    part = lexicon().kind("clock_suffix").get(g.get("clock_part") or "")
    hour = int(value[1:3])
    if part in ("AF", "EV") and hour < 12 or part == "NI" and 6 <= hour < 12:
        value = f"T{hour + 12:02d}{value[3:]}"  # "neun Uhr abends" -> T21:00
    return base + value


def weekday(g, ref, start, end):
    if g.get("adjective"):
        offset = lexicon().kind("adjective")[g["adjective"]]
        if ref.article is None or offset.startswith("Y"):
            return f"XXXX-WXX-{lexicon().weekdays[g['weekday']]}" if ref.article is None else None
        return (ref.article + timedelta(days=int(offset))).isoformat() + _time_of_day(g)
    if g.get("genitive") and not (g.get("pre") or "").split()[-1:] == ["des"]:
        return None  # "Montags" alone is every Monday; "im Laufe des Montags" is one
    shift = _direction(g)
    iso_day, text = lexicon().weekdays[g["weekday"]], g["_text"]
    if " ".join(text[max(0, start - 12):start].split()[-1:]) in lexicon().kind("title_word"):
        return None  # "Welt am Sonntag": a newspaper
    if g.get("week_direction") and ref.article is not None:  # "am Freitag vergangener Woche"
        weeks = lexicon().directions.get(g["week_direction"].lower(), 0)
        day = ref.article + timedelta(days=iso_day - ref.article.isoweekday() + 7 * weeks)
        return day.isoformat() + _time_of_day(g)
    if re.search(r"\(\s*$", text[max(0, start - 3):start]) and ref.last_day and ref.last_day[:4].isdigit() \
            and date.fromisoformat(ref.last_day).isoweekday() == iso_day:
        return ref.last_day + _time_of_day(g)  # "morgen (Mittwoch)"
    named = ref.date_in_parentheses(end)
    if named and named[:1].isdigit() and date.fromisoformat(named).isoweekday() == iso_day:
        return named + _time_of_day(g)  # "am Mittwoch (26.06)"
    lead = g.get("pre") or " ".join(text[max(0, start - 12):start].split()[-1:])
    return ref.weekday(iso_day, start, end, shift, lead) + _time_of_day(g)



def relative_day(g, ref, start, end):
    offset = lexicon().relative_days[g["relative"].lower()]
    if _is_nowadays(g, start, end):
        return "PRESENT_REF"
    if ref.article is None:
        if g.get("weekday"):
            return f"XXXX-WXX-{lexicon().weekdays[g['weekday']]}" + _time_of_day(g)
        return UNDATED_REF[(offset > 0) - (offset < 0)]
    return (ref.article + timedelta(days=offset)).isoformat() + _time_of_day(g)


def part_of_day(g, ref, start, end):
    words = (g.get("pre") or "").split()
    if not words or (g["part2"].endswith("s") and all(w in ARTICLES for w in words)):
        return None  # "die Rolle des Abends": a genitive alone names no time
    base = ref.recent_day()
    return base + _time_of_day(g)


def then(g, ref, start, end):
    """"damals": the calendar time named last; no time when there is none (known only once the
    text before it has been read)."""
    return ref.then() or ("PAST_REF" if ref.probing else None)


def year_part(g, ref, start, end):
    month = lexicon().kind("year_part")[g["year_part"]]
    year = g.get("year") or (f"{ref.article.year:04d}" if ref.article else "XXXX")
    return f"{year}-{month}"


def half_ago(g, ref, start, end):
    months = 6 if g["half"].endswith("halben") else 18
    return _shift_unit("M", -months, ref.article) if ref.article else "PAST_REF"


def part_of_named_day(g, ref, start, end):
    """"am Abend des 29. Juni", "am späten Nachmittag des Montag": the named day with its part."""
    if g.get("weekday"):
        day = ref.weekday(lexicon().weekdays[g["weekday"]], start, end)
    else:
        month, d = _month(g["month"]), int(g["day"])
        day = _day(int(g["year"]) if g.get("year") else ref.year_for(month, d, start, end), month, d)
    return day + _time_of_day(g)


def fuzzy(g, ref, start, end):
    return lexicon().kind("fuzzy")[g["fuzzy"]]


def set_(g, ref, start, end):  # noqa: D103 (the handler of pattern "set")
    if g.get("set"):
        return lexicon().kind("set")[g["set"]], "SET"
    if g.get("weekday"):
        return f"XXXX-WXX-{lexicon().weekdays[g['weekday']]}", "SET"
    n = parse_number(g["number"])
    return (_duration(n, lexicon().units[g["unit"]]), "SET") if n else None


def week_part(g, ref, start, end):
    if not g.get("pre"):
        return None
    code = lexicon().kind("week_part")[g["week"]]
    if code == "1":
        return ref.weekday(1, start, end)
    return _weekend(ref, start, end, 0) if ref.article else "XXXX-WXX-WE"


def _weekend(ref, start: int, end: int, shift: int) -> str:
    """The weekend meant: in a past-tense clause of an article from Monday to Friday, the one
    before the article's week."""
    if shift == 0 and ref.tense(start, end) == PAST and ref.article.isoweekday() <= 5:
        shift = -1
    return _shift_unit("WE", shift, ref.article)


def day_shift(g, ref, start, end):
    """"am Vortag": known only once the text before it has been read."""
    offset, _, part = lexicon().kind("day_shift")[g["shift"]].partition(" ")
    day = ref.shifted_day(int(offset))
    return day + part if day else ("XXXX-XX-XX" if ref.probing else None)


def adjective(g, ref, start, end):
    spec = lexicon().kind("adjective")[g["adjective"]]
    if spec.startswith("Y"):
        return f"{ref.article.year + int(spec[1:]):04d}" if ref.article else UNDATED_REF[int(spec[1:])]
    offset = int(spec)
    if ref.article is None:
        return UNDATED_REF[(offset > 0) - (offset < 0)]
    return (ref.article + timedelta(days=offset)).isoformat() + _time_of_day(g)  # "am heutigen Morgen"


def compound_duration(g, ref, start, end):
    if g["number"][:1].isupper() and (g.get("pre") or "").strip() in ("der", "die", "den", "dem", "des", "Die", "Der"):
        return None  # "die Vierjährige": a person by age
    if g["compound"].lower() == "jährig" and not _measures_a_period(g["_text"][end:end + 60]):
        return None  # "der 38-jährige Mann": an age
    n = parse_number(g["number"].lower())
    return _duration(n, COMPOUND_UNITS[g["compound"].lower()]) if n else None


def _indefinite(g) -> bool:
    """"eines Tages" without a preposition before it means "one day", some day: not a duration
    ("binnen eines Tages" is one)."""
    return g["number"].lower() == "eines" and not (g.get("pre") or "").strip()


def duration(g, ref, start, end):
    n = parse_number(g["number"])
    if not n or g["unit"].startswith("Jahres") or _is_age(g, start, end) or _indefinite(g):
        return None
    unit = lexicon().units[g["unit"]]
    if g.get("number2"):
        n2 = parse_number(g["number2"])
        return f"{_duration(n, unit)}/{_duration(n2, unit)}" if n2 and n2 > n else None
    return _duration(n, unit)


def vague_future(g, ref, start, end):
    return "FUTURE_REF"


def month_direction(g, ref, start, end):
    """"in diesem November", "letzten September": the month of this year, or its last or next occurrence."""
    month, shift = _month(g["month"]), _direction(g)
    if ref.article is None:
        return f"XXXX-{month:02d}" if shift == 0 else UNDATED_REF[shift]
    a = ref.article
    year = a.year - (shift < 0 and month >= a.month) + (shift > 0 and month <= a.month)
    return f"{year:04d}-{month:02d}"


def unit_of_now(g, ref, start, end):
    """"Ende des Monats", "Anfang der Woche": a part of the current unit (the mod gives which)."""
    words = (g.get("pre") or "").split()
    if ref.article is None or not any(w in lexicon().kind("mod") and lexicon().kind("mod")[w] in ("START", "MID", "END")
                                      or w in lexicon().kind("course") for w in words):
        return None
    return _shift_unit(UNIT_OF[g["unit"]], 0, ref.article)


def vague_past(g, ref, start, end):
    return "PAST_REF"


def vague_duration(g, ref, start, end):
    vague, word = lexicon().kind("vague_duration"), g["vague"]
    if word in vague and word[0].isupper() and not g.get("quantifier") \
            and not re.search(r"(?:seit|über|für)\s+$", g.get("pre") or "", re.I):
        return None  # a plural noun alone ("Jahre") needs a word that makes it a time
    unit = vague.get(word) or vague[word[0].lower() + word[1:]]
    return f"PTX{unit[1]}" if unit.startswith("T") else f"PX{unit}"


HANDLERS = {name: fn for name, fn in globals().items() if callable(fn) and not name.startswith("_")}
HANDLERS["set"] = set_

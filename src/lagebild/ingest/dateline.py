"""Datelines and agency credits of German news: "Moskau. Die Nato ...", "BERLIN (dpa) – ...",
"Wien – ..." after a lead sentence, "AFP: ..." at the start, "(APA, 12.9.2015)" at the end.

`find_credits(text)` returns their spans; the text itself is never changed (offsets must keep
indexing the input). The entities stage leaves these spans out, so a dateline or a credit never
becomes a mention. The words (agency names, byline openers, words that never start a dateline)
are in `resources/de/news_credits.tsv`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lagebild.article import TextSpan
from lagebild.paths import resource_records

LEAD_REGION = 400      # a dateline after the lead sentence starts within this many characters
END_REGION = 200       # a closing credit line lies within this many characters of the end
_WORD = r"(?:St\.\s?|Sankt\s)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*"
_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})")
_INITIALS = re.compile(r"[a-zäöüß]{2,6}\.?")
_PERSON = re.compile(rf"{_WORD}(?: (?:[A-Z]\. )?(?:(?:von|van|de|der|zu) )?{_WORD}){{0,3}}(?: aus {_WORD}(?: {_WORD})?)?")
_CREDIT_ROLE = re.compile(r"(?:Text|Texte|Video|Videos|Foto|Fotos|Bild|Bilder|Grafik|Recherche|Interview|Mitarbeit):\s")
_ITEM_SPLIT = re.compile(r"\s*(?:[,;/&–]|\sund\s)\s*|\s(?=\d{1,2}\.\s?\d{1,2}\.)")
_SENTENCE_END = ".!?…"
_QUOTES = "\"“”»«'’"
_ROMAN = re.compile(r"[IVXLC]+")


@dataclass
class Credits:
    dateline: TextSpan | None = None           # the place(s): "Wien", "New York/San Juan"
    agency: list[TextSpan] = field(default_factory=list)   # "(dpa)", "AFP", "(APA, 12.9.2015)"


@lru_cache(maxsize=1)
def _words() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for rec in resource_records("news_credits.tsv"):
        out.setdefault(rec["kind"], set()).add(rec["form"])
    return out


def _agencies() -> set[str]:
    return {w.casefold() for w in _words().get("agency", set()) | _words().get("desk", set())}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = _words()
    connectors = "|".join(sorted(map(re.escape, words.get("connector", ())), key=len, reverse=True))
    place = rf"{_WORD}(?:(?:\s(?:{connectors})\s|\s?/\s?|\s){_WORD}){{0,4}}" if connectors else \
        rf"{_WORD}(?:(?:\s?/\s?|\s){_WORD}){{0,4}}"
    paren = r"(?:\s*\((?P<credit>[^()\n]{1,40})\))?"
    agency = "|".join(sorted(map(re.escape, words.get("agency", ())), key=len, reverse=True))
    lead = "|".join(sorted(map(re.escape, words.get("lead", ())), key=len, reverse=True))
    return {
        # at the very start: "Moskau. ", "BERLIN (dpa) – ", "Bad Homburg – "
        "start": re.compile(rf"(?P<place>{place}){paren}(?:\s{{0,2}}[–—-]\s+|(?P<stop>\.)\s+)(?=[\"„“»«A-ZÀ-ÖØ-ÞĀ-ſ0-9])"),
        # after the lead sentence(s): "... unter Druck. Rom – Hunderte ..."
        "lead": re.compile(rf"(?P<place>{place}){paren}\s{{0,2}}[–—-]\s+(?=[\"„“»«A-ZÀ-ÖØ-ÞĀ-ſ0-9])"),
        "agency_colon": re.compile(rf"(?:{agency})(?:\s*/\s*(?:{agency}))*(?=:\s)", re.IGNORECASE),
        "byline": re.compile(rf"(?:{lead})\s+{_PERSON.pattern}") if lead else re.compile(r"(?!)"),
        "end_paren": re.compile(r"\((?P<items>[^()\n]{1,120})(?P<close>\))?\s*$"),
        "end_bare": re.compile(rf"(?<=[.!?\"“”\n])\s+(?P<items>(?:{agency})(?:\s*[,/]\s*(?:{agency}|[a-zäöüß]{{2,4}}))*)\.?\s*$",
                               re.IGNORECASE),
    }


def _item_kind(item: str) -> str | None:
    """agency, date, initials or person for one item of a credit line; None for anything else."""
    item = _CREDIT_ROLE.sub("", item.strip(), count=1)
    if item.casefold() in _agencies():
        return "agency"
    if _DATE.fullmatch(item):
        return "date"
    if _INITIALS.fullmatch(item):
        return "initials"
    if _PERSON.fullmatch(item):
        return "person"
    return None


def _is_credit(items: str, *, closed: bool) -> bool:
    """A credit line: every item an agency, a date, initials or a name, with an agency among
    them or a date beside a name ("(Michael Bauer, 20.8.2015)"; a date alone is no credit); an
    unclosed one (a cut-off text) must end in its date."""
    kinds = [_item_kind(i) for i in _ITEM_SPLIT.split(items.strip())]
    if None in kinds or not ("agency" in kinds or ("date" in kinds and len(kinds) > 1)):
        return False
    return closed or kinds[-1] == "date"


def _is_place(place: str) -> bool:
    first = place.split()[0].split("/")[0]
    return first not in _words().get("not_place", set()) and place.casefold() not in _agencies()


def _paren_agency(match: re.Match) -> TextSpan | None:
    credit = match.group("credit")
    if credit is None or not _is_agency_list(credit):
        return None
    start = match.start("credit") - 1
    return TextSpan(start, match.end("credit") + 1, match.string[start:match.end("credit") + 1])


def _is_agency_list(items: str) -> bool:
    kinds = [_item_kind(i) for i in _ITEM_SPLIT.split(items.strip())]
    return "agency" in kinds and all(k in ("agency", "date", "initials") for k in kinds)


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start, end, text[start:end])


def _opening_credit(text: str, pos: int) -> tuple[TextSpan | None, int]:
    """A byline ("Von unserem Korrespondenten ...") or an agency before a colon ("AFP: ...") at
    `pos`, and where the text after it starts."""
    pats = _patterns()
    for name in ("byline", "agency_colon"):
        match = pats[name].match(text, pos)
        if match:
            after = re.compile(r"[:,]?\s*(?:[–—-]\s+)?").match(text, match.end()).end()
            return _span(text, match.start(), match.end()), after
    return None, pos


def _leading_dateline(text: str, pos: int, at_start: bool) -> re.Match | None:
    """The dateline at `pos` ("Moskau. Die ...", "Wien – Die ..."), or the first one after a
    sentence end within the lead region ("... unter Druck. Rom – Hunderte ..."). A dash form at
    `pos` gives way to a later one: it was the end of a headline ("Neue Kämpfe im Donbass - ...")."""
    match = _patterns()["start"].match(text, pos)
    if match and _is_place(match.group("place")):
        if match.group("stop"):
            return match if _is_full_stop_place(match, at_start) else None
        return _dateline_after_lead(text, match.end()) or match
    return _dateline_after_lead(text, pos)


def _dateline_after_lead(text: str, pos: int) -> re.Match | None:
    for match in _patterns()["lead"].finditer(text, pos, min(len(text), pos + LEAD_REGION)):
        if _after_sentence_end(text[:match.start()]) and _is_place(match.group("place")):
            return match
    return None


def _after_sentence_end(before: str) -> bool:
    """Text before a candidate ends in whitespace after ". ", "! ", "? " or a closing quote after
    one; "2. Liga" is an ordinal ("Juli 2011." ends a sentence)."""
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped:
        return False
    if stripped[-1] in _QUOTES:
        stripped = stripped[:-1]
    if not stripped or stripped[-1] not in _SENTENCE_END:
        return False
    return not (stripped[-1] == "." and re.search(r"(?<!\d)\d{1,3}\.$", stripped))


def _is_full_stop_place(match: re.Match, at_start: bool) -> bool:
    """"Moskau. Die Nato ...": only at the start of the text, one or two words, the last not a
    Roman numeral or an initial ("Papst Benedikt XVI. will", "Ahmed A. war")."""
    words = [w for w in re.split(r"[\s/]+", match.group("place")) if w not in _words().get("connector", ())]
    return at_start and len(words) <= 2 and len(words[-1]) > 1 and not _ROMAN.fullmatch(words[-1])


def _closing_credit(text: str) -> TextSpan | None:
    """"(APA, 12.9.2015)", "(Reuters, APA, red)", "(Renate Graber, 23.11.2015" or a bare
    "dpa/AFP" at the end of the text."""
    pats = _patterns()
    tail_start = max(0, len(text) - END_REGION)
    match = pats["end_paren"].search(text, tail_start)
    if match and _is_credit(match.group("items"), closed=match.group("close") is not None):
        end = match.end("close") if match.group("close") else match.end("items")
        return _span(text, match.start(), end)
    match = pats["end_bare"].search(text, tail_start)
    if match:
        return _span(text, match.start("items"), match.end("items"))
    return None


def find_credits(text: str) -> Credits:
    """The dateline and the agency credits of an article text (spans into `text`)."""
    credits = Credits()
    pos = len(text) - len(text.lstrip())
    opening, pos = _opening_credit(text, pos)
    if opening:
        credits.agency.append(opening)
    match = _leading_dateline(text, pos, at_start=opening is None)
    if match:
        credits.dateline = _span(text, match.start("place"), match.end("place"))
        paren = _paren_agency(match)
        if paren:
            credits.agency.append(paren)
    closing = _closing_credit(text)
    if closing and not any(a.start <= closing.start < a.end for a in credits.agency):
        credits.agency.append(closing)
    return credits


def find_dateline(text: str) -> str | None:
    """The place of the dateline ("Moskau"), or None."""
    found = find_credits(text).dateline
    return found.text if found else None

"""The reference a relative time expression is read against, chosen per expression.

Deictic expressions ("gestern", "am Montag", "im vergangenen Jahr") are read against the
article date; anaphoric ones ("am folgenden Tag", "am 31. August" in a paragraph about 1939)
against the most recent explicit date of the narrative they continue; the tense of the clause decides
whether a month or weekday without a year is its past or its coming occurrence. Without an
article date relative values stay underspecified (`XXXX-08-31`, `XXXX-WXX-1`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lagebild.paths import resource_rows
from lagebild.time.lexicon import lexicon

PAST, PRESENT, FUTURE = -1, 0, 1
RECENT_DAYS = 14  # a day this close before the article date is read in the article's year, whatever the narrative
TENSE_REACH = 120  # days: a past-tense clause names no month further ahead, a future one none further back
_YEAR_NOUN = re.compile(r"(?:\w+\s+){0,2}Jahr(?:es)?\s+\d{4}\b")
_SENTENCE_END = re.compile(r"(?<![\d\s])[.!?]\s+[A-ZÄÖÜ„\"]")
_CLAUSE_END = re.compile(r"(?<![\d\s])[.!?;:]\s|\n")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_PARTICIPLE = re.compile(r"\b(?:[a-zäöüß]{0,6}ge[a-zäöüß]{3,}(?:t|en)|(?:be|ver|er|ent|zer|über|unter)[a-zäöüß]{3,}t)\b")
_ZU_INFINITIVE = re.compile(r"\b(?:zu\s+[a-zäöüß]{3,}en|(?:ab|an|auf|aus|ein|fest|vor|zurück|durch|her|hin|mit|nach|weg)zu[a-zäöüß]{3,}en)\b")
_PERFECT_INFINITIVE = re.compile(r"\b[a-zäöüß]{3,}(?:t|en)\s+(?:haben|sein|worden)\b")


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in resource_rows("verb_lemmas.tsv"))


def _weak_past(word: str) -> bool:
    """'sagte', 'kündigten' -> True: a weak past form of a known verb."""
    lemmas = _verb_lemmas()
    for ending in ("ten", "te", "eten", "ete"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 2 and (stem + "en" in lemmas or stem + "n" in lemmas):
            return True
    return False


def _tense_of(clause: str) -> int | None:
    """The tense its finite verbs mark, None when the clause marks none."""
    words = _WORD.findall(clause)
    kinds = lexicon().tense
    found = {kinds.get(w) for w in words}
    if "past" in found or any(_weak_past(w) for w in words if w.islower()) or _PERFECT_INFINITIVE.search(clause):
        return PAST
    if "prospective" in found or _ZU_INFINITIVE.search(clause):
        return FUTURE
    if "perfect" in found and (_PARTICIPLE.search(clause) or {"hat", "haben", "hast"} & set(words)):
        return PAST
    if "future" in found and any(w in _verb_lemmas() for w in words if w.islower() and w not in kinds):
        return FUTURE
    if "perfect" in found or "future" in found or any(w in lexicon().kind("state_verb") for w in words):
        return PRESENT
    return None


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence part around text[start:end]."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    right_m = _CLAUSE_END.search(text, end)
    return left, (right_m.start() + 1 if right_m else len(text))


def clause_tense(text: str, start: int, end: int) -> int:
    """PAST, PRESENT or FUTURE of the sentence part around text[start:end]: the part between
    commas when its verbs mark a tense, otherwise the whole sentence part."""
    left, right = clause_bounds(text, start, end)
    inner_left = max(left, text.rfind(",", left, start) + 1)
    comma = text.find(",", end, right)
    inner = text[inner_left:comma if comma >= 0 else right]
    tense = _tense_of(inner) if inner_left > left or comma >= 0 else None
    if tense is None:
        tense = _tense_of(text[left:right])
    return PRESENT if tense is None else tense


@dataclass
class Reference:
    """What relative expressions are read against while the text is read from left to right."""
    text: str
    article: date | None
    last_day: str | None = None            # value of the most recent day-precise time ("2005-10-07", "XXXX-WXX-5")
    last_day_explicit: bool = False        # whether last_day was named with its day of the month
    last_year: tuple[int, int] | None = None  # (offset, year) of the most recent explicit year
    last_dated: str | None = None          # the most recent value that names a calendar time ("1982", "2004-01")
    probing: bool = False                  # True while candidates are collected, before the text is read in order

    def tense(self, start: int, end: int) -> int:
        return clause_tense(self.text, start, end)

    def discourse_year(self, offset: int) -> int | None:
        """The explicit year of the narrative a past-tense expression continues: a year before
        the article's, named in the same or the previous sentence. Undated articles keep
        relative values underspecified."""
        if self.last_year is None or self.article is None:
            return None
        position, year = self.last_year
        between = self.text[position:offset]
        if len(_SENTENCE_END.findall(between)) + between.count("\n") > 1 or year >= self.article.year:
            return None
        return year if self.tense(offset, offset + 1) == PAST else None

    def named_year(self, offset: int) -> int | None:
        """The year "in diesem Jahr" points back to: one written "das Jahr 2020" in the same or
        the previous sentence ("Bush hatte das Jahr 2020 genannt. In diesem Jahr sollen ...")."""
        if self.last_year is None:
            return None
        position, year = self.last_year
        between = self.text[position:offset]
        if not _YEAR_NOUN.match(between) or len(_SENTENCE_END.findall(between)) + between.count("\n") > 1:
            return None
        return year

    def note(self, value: str | None, offset: int, explicit_year: bool, explicit_day: bool = False) -> None:
        """Remember a resolved value as the reference of what follows."""
        if not value:
            return
        if re.match(r"^(\d{4}|XXXX)-(\d\d-\d\d|WXX-\d)", value):
            self.last_day = value[:10]
            self.last_day_explicit = explicit_day and value[:4].isdigit()
        if explicit_year and re.match(r"^\d{4}", value):
            self.last_year = (offset, int(value[:4]))
        if re.match(r"^\d{3,4}(?:[-/]|$)", value):
            self.last_dated = value

    def recent_day(self) -> str:
        """The day a part of day or clock time without a date belongs to: the last day named in
        the text when it lies in the week up to the article date, otherwise the article date."""
        if self.article is None:
            return self.last_day or ""
        if self.last_day and self.last_day[:4].isdigit():
            days = (self.article - date.fromisoformat(self.last_day)).days
            if 0 <= days <= 7:
                return self.last_day
        return self.article.isoformat()

    def date_in_parentheses(self, end: int) -> str | None:
        """The day of a date in parentheses right after text[:end] ("Mittwoch (26.06)", "(23. März)")."""
        lex = lexicon()
        m = re.match(rf"\s*\((\d{{1,2}})\.\s?(\d{{1,2}}|{'|'.join(lex.months)})\b", self.text[end:end + 24])
        if not m:
            return None
        month, day = (int(m[2]) if m[2].isdigit() else lex.months[m[2]]), int(m[1])
        try:
            year = self.year_for(month, day, end, end)
            return date(year, month, day).isoformat() if year is not None else None
        except ValueError:
            return None

    def then(self) -> str | None:
        """What "damals" refers to: the most recent calendar time named before it, when it lies
        before the article date (without its clock time or part of day)."""
        value = self.last_dated
        if value is None:
            return None
        value = re.sub(r"T[^/]*", "", value)
        if self.article is not None and value[:10] >= self.article.isoformat()[:len(value[:10])]:
            return None
        return value

    def year_for(self, month: int, day: int | None, start: int, end: int) -> int | None:
        """The year of a month (and day) named without one: the year of a past narrative it
        continues, otherwise the occurrence nearest to the article date (news report the recent
        past and the coming months) that the tense allows."""
        anaphoric = self.discourse_year(start)
        a = self.article
        if anaphoric is not None and not (day and 0 <= (a - date(a.year, month, min(day, 28))).days <= RECENT_DAYS):
            return anaphoric
        if a is None:
            return None

        def offset(year: int) -> int:
            return (date(year, month, min(day or 15, 28)) - a).days
        tense = self.tense(start, end)
        years = [y for y in (a.year, a.year - 1, a.year + 1)
                 if not (tense == PAST and offset(y) > TENSE_REACH) and not (tense == FUTURE and offset(y) < -TENSE_REACH)]
        return min(years or [a.year], key=lambda y: abs(offset(y)))

    def weekday(self, iso_day: int, start: int, end: int, shift: int = 0, lead: str = "") -> str:
        """The date of a weekday named without a date: the coming one after "kommenden" or in a
        future-tense clause, the one before the article's day after "vergangenen", otherwise the
        most recent one (the article's own day included). A leading "ab", "für" or "auf" (and
        "bis" outside a past-tense clause) points ahead, the article's own day included; "seit" back."""
        if self.article is None:
            return f"XXXX-WXX-{iso_day}"
        a = self.article
        lead_word = (lead.split() or [""])[0].lower()
        tense = self.tense(start, end)
        ahead = lexicon().kind("ahead_preposition").get(lead_word)
        if shift == 0 and ahead is not None and (ahead == "always" or tense != PAST):
            return (a + timedelta(days=(iso_day - a.isoweekday()) % 7)).isoformat()
        named = self._named_weekday(iso_day)
        if shift == 0 and named and tense != FUTURE:
            return named
        if shift == 0 and lead_word == "seit":
            tense = PAST
        if shift > 0 or (shift == 0 and tense == FUTURE):
            ahead = (iso_day - a.isoweekday()) % 7 or (7 if shift > 0 else 0)
            return (a + timedelta(days=ahead)).isoformat()
        back = (a.isoweekday() - iso_day) % 7
        if shift < 0 and back == 0:
            back = 7
        return (a - timedelta(days=back)).isoformat()

    def _named_weekday(self, iso_day: int) -> str | None:
        """The last day named with its date, when it is this weekday of the week before the
        article date ("am Montagmorgen, dem 18. Juni ... am Montag")."""
        if not self.last_day or not self.last_day_explicit:
            return None
        day = date.fromisoformat(self.last_day)
        return self.last_day if day.isoweekday() == iso_day and 0 < (self.article - day).days <= 7 else None

    def shifted_day(self, days: int) -> str | None:
        """The day `days` after the last day named in the text (or the article date)."""
        base = self.last_day or (self.article.isoformat() if self.article else None)
        if base is None:
            return None
        m = re.match(r"^XXXX-WXX-(\d)$", base)
        if m:
            return f"XXXX-WXX-{(int(m[1]) - 1 + days) % 7 + 1}"
        try:
            return (date.fromisoformat(base) + timedelta(days=days)).isoformat()
        except ValueError:
            return None

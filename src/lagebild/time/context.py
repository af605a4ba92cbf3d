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
_SENTENCE_END = re.compile(r"(?<![\d\s])[.!?]\s+[A-ZÄÖÜ„\"]")
_CLAUSE_END = re.compile(r"(?<![\d\s])[.!?;:]\s|\n")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_PARTICIPLE = re.compile(r"\bge[a-zäöüß]{3,}(?:t|en)\b")


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in resource_rows("verb_lemmas.tsv"))


def _weak_past(word: str) -> bool:
    """'sagte', 'kündigten' -> True: a weak past form of a known verb."""
    lemmas = _verb_lemmas()
    for ending in ("ten", "te", "eten", "ete"):
        if word.endswith(ending) and len(word) > len(ending) + 2 and word[: -len(ending)] + "en" in lemmas:
            return True
    return False


def clause_tense(text: str, start: int, end: int) -> int:
    """PAST, PRESENT or FUTURE of the sentence part around text[start:end]."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    right_m = _CLAUSE_END.search(text, end)
    right = right_m.start() + 1 if right_m else len(text)
    clause = text[left:right]
    words = _WORD.findall(clause)
    kinds = lexicon().tense
    found = {kinds.get(w) for w in words}
    if "past" in found or any(_weak_past(w) for w in words if w.islower()):
        return PAST
    if "perfect" in found and _PARTICIPLE.search(clause):
        return PAST
    if "future" in found and any(w in _verb_lemmas() for w in words if w.islower() and w not in kinds):
        return FUTURE
    return PRESENT


@dataclass
class Reference:
    """What relative expressions are read against while the text is read from left to right."""
    text: str
    article: date | None
    last_day: str | None = None            # value of the most recent day-precise time ("2005-10-07", "XXXX-WXX-5")
    last_year: tuple[int, int] | None = None  # (offset, year) of the most recent explicit year

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

    def note(self, value: str | None, offset: int, explicit_year: bool) -> None:
        """Remember a resolved value as the reference of what follows."""
        if not value:
            return
        if re.match(r"^(\d{4}|XXXX)-(\d\d-\d\d|WXX-\d)", value):
            self.last_day = value[:10]
        if explicit_year and re.match(r"^\d{4}", value):
            self.last_year = (offset, int(value[:4]))

    def year_for(self, month: int, day: int | None, start: int, end: int) -> int | None:
        """The year of a month (and day) named without one."""
        anaphoric = self.discourse_year(start)
        if anaphoric is not None:
            return anaphoric
        if self.article is None:
            return None
        a = self.article
        tense = self.tense(start, end)
        target, today = (month, day or 0), (a.month, a.day if day else 0)
        if tense == PAST and target > today:
            return a.year - 1
        if tense == FUTURE and target < today:
            return a.year + 1
        return a.year

    def weekday(self, iso_day: int, start: int, end: int, shift: int = 0) -> str:
        """The date of a weekday named without a date: the coming one after "kommenden" or in a
        future-tense clause, the one before the article's day after "vergangenen", otherwise the
        most recent one (the article's own day included)."""
        if self.article is None:
            return f"XXXX-WXX-{iso_day}"
        a = self.article
        if shift > 0 or (shift == 0 and self.tense(start, end) == FUTURE):
            ahead = (iso_day - a.isoweekday()) % 7 or 7
            return (a + timedelta(days=ahead)).isoformat()
        back = (a.isoweekday() - iso_day) % 7
        if shift < 0 and back == 0:
            back = 7
        return (a - timedelta(days=back)).isoformat()

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

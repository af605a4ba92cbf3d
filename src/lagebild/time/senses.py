"""Which sense a time-like word has in its context: "heute" as the article's day or as
nowadays, "N Jahre" and "-jährig" as a duration or as a person's age."""
from __future__ import annotations

import re

from lagebild.time.context import PRESENT, clause_bounds, clause_tense
from lagebild.time.lexicon import lexicon
from lagebild.time.values import parse_number


def is_nowadays(g, start: int, end: int) -> bool:
    """"heute" meaning nowadays: next to "noch"/"auch"/"schon", before an age ("die heute
    46-Jährige"), or alone in a present-tense clause whose verb names a lasting state."""
    if g["relative"].lower() != "heute" or g.get("part") or g.get("part2") or g.get("hour") or g.get("weekday"):
        return False
    text, k = g["_text"], lexicon().kind
    before = text[max(0, start - 12):start].split()[-1:]
    if before and before[0] in k("nowadays_particle"):
        return True
    if re.match(r"\s+\d+-[Jj]ährig", text[end:end + 14]):
        return True
    left, right = clause_bounds(text, start, end)
    clause = text[left:right]
    return clause_tense(text, start, end) == PRESENT and any(w in k("state_verb") for w in clause.split()) \
        and not re.search(r"\b(?:[a-zäöüß]*ge[a-zäöüß]{3,}t|worden)\b", clause)


def measures_a_period(after: str) -> bool:
    """Whether the noun after a "-jährig" compound is a period ("dreijährige Haft")."""
    m = re.match(r"(?:\s+[a-zäöüß]+(?:e|en|er|es|em))*\s+([A-ZÄÖÜ][\w-]*)", after)
    if not m:
        return False
    nouns = lexicon().kind("period_noun")
    return m[1] in nouns or any(e.startswith("-") and m[1].lower().endswith(e[1:]) for e in nouns)


MAX_AGE = 120  # years: more is no one's age


def is_age(g, start: int, end: int) -> bool:
    """"im Alter von 79 Jahren", "mit 39 Jahren", "28 Jahre alt": an age, not a time."""
    k, text = lexicon().kind, g["_text"]
    if (parse_number(g["number"]) or 0) > MAX_AGE:
        return False  # "ein 2.500 Jahre alter Brauch"
    before = text[max(0, start - 40):start].split()
    while before and re.fullmatch(r"\d+,?|und|oder", before[-1]):
        before.pop()  # "im Alter von 62, 64 und 66 Jahren"
    after = text[end:end + 12].split()[:1]
    if after and after[0].strip(",.;") in k("age_after"):
        return True
    if before and before[-1].lower() in k("age_before_digits"):  # "mit 39 Jahren", not "mit einem Tag Verspätung"
        return g["number"][:1].isdigit() and not (after and after[0][:1].isupper())
    return bool(before) and (before[-1] in k("age_before") or " ".join(before[-2:]) in k("age_before"))

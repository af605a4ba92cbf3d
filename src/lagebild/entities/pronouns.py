"""Third-person pronouns that refer to a person ("…, sagte er."), resolved by salience.

A pronoun goes to the most salient earlier person of matching gender within the current and
the two previous sentences: nearer sentences first, subjects before other mentions, then the
nearest mention. Plural and polite "Sie" are left alone, and an object pronoun never refers to
the subject of its own verb ("Medwedew empfing ihn").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from lagebild.entities import lexicon as lex
from lagebild.entities.group import Ref
from lagebild.entities.mentions import Cand

WINDOW_SENTENCES = 2
SUBJECT_DEPS = ("sb", "nsubj", "nsubj:pass", "sbp")
NOMINATIVE = ("er", "sie")


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence start (whole Doc as one sentence without boundaries)."""
    if doc.has_annotation("SENT_START"):
        return [s.start for s in doc.sents]
    return [0]


def _wanted(doc: Doc, tok: Token) -> tuple[str, str] | None:
    """(gender, kind) a pronoun token asks for, or None when it is not a singular 3rd-person
    pronoun we resolve."""
    readings = lex.pronouns().get(lex.fold(tok.text), [])
    readings = [r for r in readings if r.kind in ("personal", "possessive")]
    if not readings:
        return None
    tagged = doc.has_annotation("TAG")
    if tagged:
        kind = {"PPER": "personal", "PPOSAT": "possessive", "PPOSS": "possessive"}.get(tok.tag_)
        if kind is None:
            return None
        readings = [r for r in readings if r.kind == kind]
    elif len({(r.number, r.gender, r.kind) for r in readings}) > 1:
        return None   # "sie", "ihr": ambiguous without a tagger
    number = tok.morph.get("Number")
    if tok.tag_ == "PPER" and number:
        want = "sg" if "Sing" in number else "pl"
        readings = [r for r in readings if r.number == want]
    if tok.tag_ == "PPER" and tok.text[:1].isupper() and tok.i > 0 and not doc[tok.i].is_sent_start \
            and lex.fold(tok.text) == "sie":
        return None   # polite "Sie" inside a sentence
    readings = [r for r in readings if r.number == "sg"]
    genders = {r.gender for r in readings}
    if len(genders) != 1:
        return None
    return genders.pop(), readings[0].kind


def _is_subject(doc: Doc, c: Cand) -> bool:
    return any(t.dep_ in SUBJECT_DEPS for t in doc[c.start:c.end])


def resolve_pronouns(doc: Doc, persons: list[Ref], others: list[Ref] = ()) -> None:
    """Add pronoun mentions to the persons they refer to."""
    starts = _sentence_starts(doc)
    parsed = doc.has_annotation("DEP")

    def sentence_of(i: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    taken = {i for p in persons for c in p.cands for i in range(c.start, c.end)}
    # "sie" may as well be an organisation ("die Partei ... sie"): one in between blocks it
    org_starts = sorted(c.start for r in others if r.label == "ORG" for c in r.cands
                        if c.form in ("name", "nominal"))
    for tok in doc:
        if tok.i in taken:
            continue
        wanted = _wanted(doc, tok)
        if wanted is None:
            continue
        gender, kind = wanted
        s_pro = sentence_of(tok.i)
        best = None
        for p in persons:
            if p.gender not in (None, gender):
                continue
            if p.gender is None and gender == "f":
                continue   # "sie" is too often an organisation or a plural to guess
            for c in p.cands:
                if c.end > tok.i:
                    continue
                dist = s_pro - sentence_of(c.start)
                if dist > WINDOW_SENTENCES:
                    continue
                if gender == "f" and any(c.end <= o < tok.i for o in org_starts):
                    continue
                subject = parsed and _is_subject(doc, c)
                if parsed and kind == "personal" and lex.fold(tok.text) not in NOMINATIVE and subject \
                        and dist == 0 and any(t.head == tok.head for t in doc[c.start:c.end]):
                    continue
                score = (dist, 0 if subject else 1, 0 if p.gender == gender else 1, tok.i - c.end)
                if best is None or score < best[0]:
                    best = (score, p)
        if best is not None:
            person = best[1]
            person.cands.append(Cand(tok.i, tok.i + 1, "PER", "pronoun", source="pronoun"))
            taken.add(tok.i)

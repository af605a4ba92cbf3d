"""Descriptions as later mentions: "das westliche Bündnis", "die Allianz" (Nato), "des Landes".

An alias of form `nominal` in `org_aliases.tsv` counts only when the article also names the
organisation it stands for and the phrase is definite ("das Bündnis", not "ein Bündnis"). A
canonical name "*country" stands for the country the article last named ("das Land").
"""
from __future__ import annotations

from spacy.tokens import Doc

from lagebild.entities import lexicon as lex
from lagebild.entities.group import Ref
from lagebild.entities.mentions import Cand, folded_words, key_of, listed_first_words, longest_matches
from lagebild.entities.pronouns import SUBJECT_DEPS

MAX_ALIAS_TOKENS = 4
PLACEHOLDER = "*"   # canonical "*country": the country the article last spoke of


def _definite_before(doc: Doc, i: int) -> bool:
    """A definite article right before token i, or before the adjectives in front of it."""
    j = i - 1
    tagged = doc.has_annotation("TAG")
    while j >= 0 and i - j <= 3:
        tok = doc[j]
        if lex.is_definite_article(tok.text):
            return True
        if tagged and tok.tag_ == "APPRART":   # "im", "beim", "zum": preposition + article
            return True
        if tagged and tok.tag_ != "ADJA" or not tagged and not tok.text[:1].islower():
            return False
        j -= 1
    return False


def _recent_place(doc: Doc, others: list[Ref], i: int, place_type: str) -> Ref | None:
    """The place of this type ("country") the text last spoke of before token i: the subject of
    the previous sentence if it is one ("Frankreich will Soldaten in den Libanon schicken. Das
    Land ..."), else the most recently named or derived."""
    sent_start = doc[i].sent.start if doc.has_annotation("SENT_START") else 0
    prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    best = None
    for ref in others:
        place = lex.demonyms().names.get(tuple(lex.fold(w) for w in (ref.canonical or "").split()))
        if place is None or place.place_type != place_type:
            continue
        for c in ref.cands:
            if c.end > i or c.form not in ("name", "deriv", "part"):
                continue
            subject = c.start >= prev_start and any(t.dep_ in SUBJECT_DEPS for t in doc[c.start:c.end])
            score = (subject, c.end)
            if best is None or score > best[0]:
                best = (score, ref)
    return best[1] if best else None


def alias_nominals(doc: Doc, others: list[Ref], covered: list[bool]) -> None:
    """Add nominal alias mentions to the organisations the article names."""
    by_key = {ref.key: ref for ref in others if any(c.form == "name" for c in ref.cands)}
    aliases = lex.org_aliases()
    tagged = doc.has_annotation("TAG")
    folded_doc = folded_words(doc)
    firsts = listed_first_words()

    def org_at(i: int, length: int) -> Ref | None:
        alias = aliases.get(tuple(folded_doc[i:i + length]))
        if alias is None or alias.form != "nominal" or not doc[i + length - 1].text[:1].isupper():
            return None
        if alias.canonical.startswith(PLACEHOLDER):
            ref = _recent_place(doc, others, i, alias.canonical[len(PLACEHOLDER):])
        else:
            ref = by_key.get(key_of(alias.canonical))
        return ref if ref is not None and _definite_before(doc, i) else None

    for i, length, ref in longest_matches(len(doc), MAX_ALIAS_TOKENS, covered, org_at, lambda i: folded_doc[i] in firsts):
        start = i
        # "das westliche Bündnis": the adjectives belong to the phrase
        while start > 0 and tagged and doc[start - 1].tag_ == "ADJA" and not covered[start - 1]:
            start -= 1
        ref.cands.append(Cand(start, i + length, ref.label, "nominal", ref.key, ref.canonical, source="alias"))
        covered[start:i + length] = [True] * (i + length - start)

"""An event's attributes besides type and arguments: negation, time of its own clause, place,
and source (the quote that asserts it, and that quote's speaker)."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from lagebild.article import Article
from lagebild.events.context import EventContext
from lagebild.events.features import clause_head, lemma
from lagebild.nlp.columns import Columns
from lagebild.paths import resource_rows


@lru_cache(maxsize=1)
def _negation_words() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w.lower() for cue, w in resource_rows("event_cues.tsv") if cue == "negation"]
    return frozenset(w for w in words if not w.endswith("*")), tuple(w[:-1] for w in words if w.endswith("*"))


@lru_cache(maxsize=1)
def _place_cases() -> frozenset[str]:
    return frozenset(w.lower() for cue, w in resource_rows("event_cues.tsv") if cue == "place_case")


def _is_negation_word(cols: Columns, i: int) -> bool:
    exact, prefixes = _negation_words()
    low = cols.lower[i]
    return cols.tag[i] == "PTKNEG" or low in exact or cols.lem[i] in exact or low.startswith(prefixes)


def negation_cue(cols: Columns, i: int) -> bool:
    """A negation word on word `i`, on its governing verb for a nominal trigger, or on its object."""
    heads = [i] + ([cols.head[i]] if cols.pos[i] in ("NOUN", "PROPN") and cols.head[i] != i else [])
    for h in heads:
        for child in cols.children[h]:
            if cols.dep[child] in ("advmod", "det", "neg") and _is_negation_word(cols, child):
                return True
            if h == i and cols.dep[child] in ("obj", "obl") and any(
                    cols.dep[g] == "det" and _is_negation_word(cols, g) for g in cols.children[child]):
                return True
    return False


def is_negated(cols: Columns, i: int, etype: str, lexicon_type: str | None) -> bool:
    """Negation marks an event said not to happen; a REJECT coded from a negated cooperative
    word ("keine Kompromisse eingehen") is the refusal itself and is not negated."""
    if not negation_cue(cols, i):
        return False
    return not (etype == "REJECT" and lexicon_type != "REJECT")


def clause_time(ctx: EventContext, tok: Token) -> dict | None:
    """The time expression of the trigger's own clause (nearest one if several), or None."""
    clause, sent = clause_head(tok).i, tok.sent.start
    best = None
    for t in ctx.times:
        if t.sent != sent or t.clause != clause:
            continue
        dist = abs(t.root - tok.i)
        if best is None or dist < best[0]:
            best = (dist, {"id": t.id, "value": t.value})
    return best[1] if best else None


def place(article: Article, ctx: EventContext, tok: Token) -> str | None:
    """The nearest place name of the trigger's clause introduced by a locative preposition."""
    clause = clause_head(tok)
    best = None
    for cand in ctx.by_sentence.get(tok.sent.start, []):
        if cand.label != "LOC" or cand.form != "name":
            continue
        head = tok.doc[cand.head]
        if clause_head(head).i != clause.i or head.dep_ not in ("obl", "nmod"):
            continue
        if not any(c.dep_ == "case" and lemma(c) in _place_cases() for c in head.children):
            continue
        dist = abs(cand.head - tok.i)
        if best is None or dist < best[0]:
            best = (dist, cand.entity)
    return best[1] if best else None


def source(ctx: EventContext, tokens: list[Token]) -> dict | None:
    """The quote whose part contains the trigger (not its speech cue): {quote, speaker}."""
    for t in tokens:
        if t.i in ctx.cues:
            return None
        if t.i in ctx.quote_of:
            quote, speaker = ctx.quote_of[t.i]
            return {"quote": quote, "speaker": speaker}
    return None

"""Speaker linking: quote candidates become `Quote` records with character offsets, and each
speaker mention is linked to an entity of the article.

A speaker is linked to the entity whose mention overlaps the speaker span; a pronoun ("sagte er")
goes to the person named since the last quote or to that quote's speaker; a role noun or a bare
last name the entities stage did not resolve goes to the entity with that role or name; a pronoun
left over falls back to the nearest preceding person. A quote without a speaker of its own takes
the speaker of the quote it continues (`Cand.inherit`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from lagebild.article import Article, Quote, Speaker, TextSpan
from lagebild.quotes.candidate import Cand
from lagebild.paths import resource_records
from lagebild.quotes.lexicon import load_lexicon

MEDIA = {"speech": "speech", "writing": "writing", "thought": "thought", "sw": "speech_or_writing"}

if TYPE_CHECKING:
    from lagebild.quotes.context import Context


class EntityIndex:
    """Entity mentions of the article by character offset, for speaker linking."""

    def __init__(self, article: Article):
        self.mentions = sorted(
            ((m.start, m.end, e.id, e.type, m.form) for e in article.entities for m in e.mentions),
            key=lambda x: x[0],
        )
        self.roles = {(r.role.lower(), e.id) for e in article.entities for r in e.roles}
        self.types = {e.id: e.type for e in article.entities}
        self.names = {e.id: e.name for e in article.entities if e.name}

    def overlapping(self, start: int, end: int) -> str | None:
        rank = {"PER": 0, "ORG": 1, "OTH": 2, "LOC": 3}
        hits = [m for m in self.mentions if m[0] < end and start < m[1]]
        if not hits:
            return None
        hits.sort(key=lambda m: (rank.get(m[3], 9), -(min(end, m[1]) - max(start, m[0]))))
        return hits[0][2]

    def by_name(self, text: str) -> str | None:
        """A person whose name ends in the speaker's last word ("Rasmussen" -> "Anders Fogh
        Rasmussen"), for a name mention the NER missed."""
        words = text.split()
        if not words or not words[-1][:1].isupper():
            return None
        last = words[-1]
        ids = {eid for eid, name in self.names.items() if name.split()[-1] == last and self.types.get(eid) == "PER"}
        return ids.pop() if len(ids) == 1 else None

    def by_role(self, text: str) -> str | None:
        low = text.lower()
        ids = {eid for role, eid in self.roles if role and role in low}
        return ids.pop() if len(ids) == 1 else None

    def person_before(self, pos: int, quoted: list[tuple[int, int]]) -> str | None:
        for start, end, eid, etype, form in reversed(self.mentions):
            if end <= pos and etype == "PER" and form != "pronoun" and not any(a <= start < b for a, b in quoted):
                return eid
        return None


def _speaker_pronoun(index: EntityIndex, pos: int, tok: int, resolved: dict, earlier: list[Cand],
                     ctx: Context, text: str) -> str | None:
    """The person a speaker pronoun ("sagte er") refers to, when the context says so clearly.

    A person named after the last quote, outside quotes and not as a genitive ("Rasmussens
    Bitte"), is the new topic; otherwise the speaker of a quote at most two sentences back goes on
    speaking. Returns None when neither applies (the entities stage's resolution is used then).
    """
    doc = ctx.doc
    last = earlier[-1] if earlier else None
    last_end = doc[last.end - 1].idx if last is not None else -1
    for start, end, eid, etype, form in reversed(index.mentions):
        if start <= last_end:
            break
        if end > pos:
            continue
        if etype == "PER" and form in ("name", "nominal") and not text[start:end].endswith("s"):
            return eid
    if last is None or id(last) not in resolved or resolved[id(last)][0] is None:
        return None
    gap = ctx.sent_of[tok] - ctx.sent_of[last.end - 1]
    entity = resolved[id(last)][0]
    return entity if 0 <= gap <= 2 and index.types.get(entity) == "PER" else None


def _span(doc: Doc, rng: tuple[int, int] | None, text: str) -> TextSpan | None:
    if not rng:
        return None
    s, e = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
    return TextSpan.of(text, s, e)


def to_quotes(doc: Doc, article: Article, cands: list[Cand], ctx: Context) -> list[Quote]:
    """Token candidates to `Quote` records with character offsets and linked speakers."""
    index = EntityIndex(article)
    text = doc.text  # built once: Doc.text joins all tokens on every access
    quoted = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for q in cands for s, e in q.parts]
    resolved: dict[int, tuple[str | None, TextSpan | None]] = {}
    quotes: list[Quote] = []
    for n, q in enumerate(cands, start=1):
        mention = _span(doc, q.speaker, text)
        entity = None
        if mention is not None:
            pronoun = q.speaker[1] - q.speaker[0] == 1 and ctx.is_pronoun(q.speaker[0])
            if pronoun:
                entity = _speaker_pronoun(index, mention.start, q.speaker[0], resolved, cands[:n - 1], ctx, text)
            if entity is None:
                entity = index.overlapping(mention.start, mention.end)
            if entity is None:
                entity = index.by_role(mention.text) or index.by_name(mention.text)
            if entity is None and pronoun:
                entity = index.person_before(mention.start, quoted)
        elif q.inherit is not None and id(q.inherit) in resolved:
            entity, mention = resolved[id(q.inherit)]
        resolved[id(q)] = (entity, mention)
        parts = [p for p in (_span(doc, r, text) for r in q.parts) if p]
        if not parts:
            continue
        cue = [p for p in (_span(doc, (i, i + 1), text) for i in sorted(set(q.cue))) if p]
        quotes.append(Quote(id=f"q{n}", type=q.type, parts=parts, speaker=Speaker(entity, mention),
                            cue=cue, addressee=_span(doc, q.addressee, text), medium=cue_medium(doc, q.cue)))
    for n, quote in enumerate(quotes, start=1):
        quote.id = f"q{n}"
    return quotes


@lru_cache(maxsize=1)
def _cue_media() -> dict[str, str]:
    return {r["form"]: r["medium"] for r in resource_records("quote_media.tsv")}


def cue_medium(doc: Doc, cue: list[int]) -> str | None:
    """How the quote was given: what its first cue word stands for most often in the WikiNews
    training quotes (`quote_media.tsv`), else the medium of the listed speech verb (by form, else
    by lemma) among the cue words; None without a cue."""
    words = sorted(set(cue))
    learned = _cue_media().get(doc[words[0]].lower_) if words else None
    if learned:
        return learned
    lex = load_lexicon()
    for i in words:
        tok = doc[i]
        verbs = lex.verbs_by_form.get(tok.lower_) or lex.verbs_by_lemma.get(tok.lemma_.lower())
        if verbs:
            return MEDIA.get(verbs[0].medium)
    return None

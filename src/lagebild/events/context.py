"""What the event models read from earlier stages, aligned to tokens: which quote (if any) a token
lies in, which tokens are speech cues, and the entity mentions of each sentence with the token
that heads them."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from lagebild.article import Article
from lagebild.events.features import clause_head
from lagebild.nlp.columns import Columns, columns


@dataclass(frozen=True)
class Candidate:
    entity: str
    start: int
    end: int
    text: str
    form: str
    label: str
    head: int        # token index of the mention's syntactic head
    where: str = "sent"   # sent: the trigger's sentence; prev, prev2: one or two sentences before;
    #                       speaker: the quote's speaker; topic: one of the article's most mentioned


@dataclass(frozen=True)
class TimeAt:
    """A time expression of the article (with a value) where the parse puts it."""
    root: int        # token index of its syntactic head
    sent: int        # first token of its sentence
    clause: int      # head of its clause (`clause_head`)
    id: str
    value: str


@dataclass
class EventContext:
    quote_of: dict[int, tuple[str, str | None]]   # token index -> (quote id, speaker entity)
    speakers: dict[str, Candidate]                # quote id -> its speaker mention
    cues: set[int]
    by_sentence: dict[int, list[Candidate]]       # sentence start token -> mentions in it
    times: list[TimeAt]
    topics: list[Candidate]                       # first mention of the most mentioned people and organisations
    cols: Columns                                 # the Doc's token attributes


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _mention_head(doc: Doc, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


def build_context(doc: Doc, article: Article) -> EventContext:
    quote_of: dict[int, tuple[str, str | None]] = {}
    cues: set[int] = set()
    speakers: dict[str, Candidate] = {}
    by_id = {e.id: e for e in article.entities}
    for q in article.quotes:
        m = q.speaker.mention
        head = _mention_head(doc, m.start, m.end) if m is not None else None
        if q.speaker.entity in by_id and head is not None:
            ent = by_id[q.speaker.entity]
            speakers[q.id] = Candidate(ent.id, m.start, m.end, m.text, "name", ent.type, head, "speaker")
        for part in q.parts:
            for i in _token_range(doc, part.start, part.end):
                quote_of.setdefault(i, (q.id, q.speaker.entity))
        for cue in q.cue:
            cues.update(_token_range(doc, cue.start, cue.end))
    by_sentence: dict[int, list[Candidate]] = {}
    for ent in article.entities:
        for m in ent.mentions:
            head = _mention_head(doc, m.start, m.end)
            if head is None:
                continue
            sent_start = doc[head].sent.start
            by_sentence.setdefault(sent_start, []).append(
                Candidate(ent.id, m.start, m.end, m.text, m.form, ent.type, head))
    times = []
    for i, t in enumerate(article.times, start=1):
        span = doc.char_span(t["start"], t["end"], alignment_mode="expand") if t.get("value") else None
        if span is not None and len(span):
            root = span.root
            times.append(TimeAt(root.i, root.sent.start, clause_head(root).i, t.get("id") or f"t{i}", t["value"]))
    return EventContext(quote_of, speakers, cues, by_sentence, times, _topics(by_sentence), columns(doc))


TOPICS = 2  # how many of the article's most mentioned people and organisations are candidates anywhere


def _topics(by_sentence: dict[int, list[Candidate]]) -> list[Candidate]:
    first: dict[str, Candidate] = {}
    counts: dict[str, int] = {}
    for start in sorted(by_sentence):
        for c in by_sentence[start]:
            if c.label in ("PER", "ORG"):
                first.setdefault(c.entity, c)
                counts[c.entity] = counts.get(c.entity, 0) + 1
    ranked = sorted(first, key=lambda e: (-counts[e], first[e].start))[:TOPICS]
    return [replace(first[e], where="topic") for e in ranked if counts[e] > 1]


MODIFIER_DEPS = {"nmod", "nmod:poss", "det:poss", "flat", "flat:name", "compound", "amod", "appos"}


def _modifies_another(doc: Doc, cand: Candidate, cands: list[Candidate]) -> bool:
    """A mention that only modifies another mention ("Russlands" in "Russlands Präsident Medwedew")
    is not an argument of the trigger; the mention it modifies is."""
    tok = doc[cand.head]
    return tok.dep_ in MODIFIER_DEPS and any(o.head == tok.head.i and o.entity != cand.entity for o in cands)


def candidates_for(ctx: EventContext, trigger: Token, trigger_tokens: set[int]) -> list[Candidate]:
    """The mentions of the trigger's sentence that are neither the trigger nor inside it, then those
    of the two sentences before, then the speaker of the quote the trigger lies in, then the
    article's most mentioned people and organisations not among them."""
    sent = trigger.sent
    here = [c for c in ctx.by_sentence.get(sent.start, []) if c.head not in trigger_tokens]
    out = [c for c in here if not _modifies_another(trigger.doc, c, here)]
    if sent.start > 0:
        prev = trigger.doc[sent.start - 1].sent
        out += [replace(c, where="prev") for c in ctx.by_sentence.get(prev.start, [])]
        if prev.start > 0:
            prev2 = trigger.doc[prev.start - 1].sent
            out += [replace(c, where="prev2") for c in ctx.by_sentence.get(prev2.start, [])]
    quote = ctx.quote_of.get(trigger.i)
    if quote and quote[0] in ctx.speakers:
        out.append(ctx.speakers[quote[0]])
    near = {c.entity for c in out}
    return out + [c for c in ctx.topics if c.entity not in near]

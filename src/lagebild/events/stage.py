"""The events stage: fills `article.events` with PLOVER events found by `lagebild.events.rules`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.article import Article
from lagebild.events.rules import (POSITIVE_TYPES, arguments, find_event_triggers, is_negated, modality,
                                   phrase_span)


def _entity_at(article: Article, start: int, end: int) -> tuple[str | None, dict | None]:
    best = None
    for ent in article.entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                size = m.end - m.start
                if best is None or size > best[2]:
                    best = (ent.id, {"start": m.start, "end": m.end, "text": m.text}, size)
    return (best[0], best[1]) if best else (None, None)


def _argument(article: Article, candidates) -> dict | None:
    for tok in candidates:
        start, end = phrase_span(tok)
        entity, mention = _entity_at(article, start, end)
        if entity:
            return {"entity": entity, "mention": mention}
    if candidates:
        start, end = phrase_span(candidates[0])
        return {"entity": None, "mention": {"start": start, "end": end, "text": article.text[start:end]}}
    return None


def _place(article: Article, sent_start: int, sent_end: int, trigger_start: int) -> str | None:
    by_id = {e.id: e for e in article.entities}
    best = None
    for ent in by_id.values():
        if ent.type != "LOC":
            continue
        for m in ent.mentions:
            if sent_start <= m.start < sent_end and m.form == "name":
                before = article.text[max(sent_start, m.start - 4):m.start].strip().lower()
                if before.endswith(("in", "im", "nach", "aus")):
                    dist = abs(m.start - trigger_start)
                    if best is None or dist < best[0]:
                        best = (dist, ent.id)
    return best[1] if best else None


def _time(article: Article, sent_start: int, sent_end: int, trigger_start: int) -> str | None:
    inside = [t for t in article.times if sent_start <= t["start"] < sent_end and t.get("value")]
    if not inside:
        return None
    return min(inside, key=lambda t: abs(t["start"] - trigger_start))["value"]


@Language.component("lagebild_events", assigns=["doc._.article"])
def events_stage(doc: Doc) -> Doc:
    article = doc._.article
    if article is None or not doc.has_annotation("DEP"):
        return doc  # events need the parse; without the core model there are none to report
    events = []
    for tok, trig in find_event_triggers(doc):
        etype, negated = trig.type, is_negated(tok)
        if negated and etype in POSITIVE_TYPES:
            etype, negated = "REJECT", False
        actors, targets = arguments(tok)
        sent = tok.sent
        trig_start, trig_end = tok.idx, tok.idx + len(tok)
        events.append({
            "id": f"v{len(events) + 1}",
            "type": etype,
            "trigger": {"start": trig_start, "end": trig_end, "text": tok.text},
            "actor": _argument(article, actors),
            "target": _argument(article, targets),
            "negated": negated,
            "modality": modality(tok, trig.modality),
            "time": _time(article, sent.start_char, sent.end_char, trig_start),
            "place": _place(article, sent.start_char, sent.end_char, trig_start),
        })
    article.events = events
    return doc

"""The events stage: fills `article.events` with PLOVER events.

Steps, in order, with the trained models of `models/de_events/`:
1. context: quotes, speech cues, entity mentions and times of earlier stages, aligned to tokens;
2. triggers: each content word scored for the 16 PLOVER types and "no event" (lexicon as a feature);
3. arguments: actor and target ranked among the entity mentions of the trigger's sentence;
4. negation, modality (trained), time of the trigger's own clause, place;
5. source: the quote that contains the trigger, with its speaker.
Without trained models the lexicon and dependency rules of `lagebild.events.rules` are used.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.article import Article
from lagebild.events.arguments import choose_arguments
from lagebild.events.attributes import clause_time, is_negated, place, source
from lagebild.events.context import Candidate, EventContext, build_context
from lagebild.events.features import modality_features
from lagebild.events.model import EventModels, event_models
from lagebild.events.rules import match_trigger, rule_events
from lagebild.events.triggers import Detected, detect_triggers


def _argument(cand: Candidate | None) -> dict | None:
    if cand is None:
        return None
    return {"entity": cand.entity, "mention": {"start": cand.start, "end": cand.end, "text": cand.text}}


def _trigger_span(article: Article, found: Detected) -> dict:
    start = found.tokens[0].idx
    end = found.tokens[-1].idx + len(found.tokens[-1])
    return {"start": start, "end": end, "text": article.text[start:end]}


def _event(models: EventModels, article: Article, ctx: EventContext, found: Detected, n: int) -> dict:
    tok, etype = found.token, found.type
    actor, target = choose_arguments(models.actor, models.target, (models.actor_margin, models.target_margin), ctx, tok,
                                     {t.i for t in found.tokens}, etype)
    lex = match_trigger(tok)
    event = {"id": f"v{n}", "type": etype}
    if found.accept:
        event["accept"] = found.accept
    event.update({
        "trigger": _trigger_span(article, found),
        "actor": _argument(actor),
        "target": _argument(target),
        "negated": is_negated(ctx.cols, tok.i, etype, lex.type if lex else None),
        "modality": models.modality.predict(modality_features(tok, etype, tok.i in ctx.quote_of)),
        "time": clause_time(ctx, tok),
        "place": place(article, ctx, tok),
        "source": source(ctx, found.tokens),
        "score": found.score,
    })
    return event


def learned_events(doc: Doc, article: Article, models: EventModels) -> list[dict]:
    ctx = build_context(doc, article)
    found = detect_triggers(doc, ctx, models.trigger, models.trigger_margin)
    return [_event(models, article, ctx, f, n) for n, f in enumerate(found, start=1)]


@Language.component("lagebild_events", assigns=["doc._.article"])
def events_stage(doc: Doc) -> Doc:
    article = doc._.article
    if article is None or not doc.has_annotation("DEP"):
        return doc  # events need the parse; without the core model there are none to report
    models = event_models()
    article.events = learned_events(doc, article, models) if models else rule_events(doc, article)
    return doc

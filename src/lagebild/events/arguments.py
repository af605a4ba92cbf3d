"""Actor and target of an event, chosen among the entity mentions of the trigger's sentence by two
trained rankers (`models/de_events/actor.json`, `target.json`) over parse path, voice, case and
mention form; "none" is a candidate too. Only mentions of the article's entities can be chosen,
so an argument is never a determiner, a pronoun without identity, or the trigger itself."""
from __future__ import annotations

from spacy.tokens import Token

from lagebild.events.context import Candidate, EventContext, candidates_for
from lagebild.events.features import argument_features, is_passive, none_features
from lagebild.nlp.perceptron import Ranker


def candidate_features(trigger: Token, cands: list[Candidate], etype: str, role: str) -> list[list[str]]:
    """Feature lists: index 0 is "none", then one per candidate mention."""
    passive = is_passive(trigger)
    doc = trigger.doc
    return [none_features(trigger, etype, passive, role)] + [
        argument_features(trigger, doc[c.head], c.form, etype, c.label, passive, c.where) for c in cands]


def _ranked(ranker: Ranker, feats: list[list[str]], margin: float) -> list[tuple[float, int]]:
    """(score, index) best first; index 0 ("none") carries the margin."""
    scores = [ranker.score(f) for f in feats]
    scores[0] += margin
    return sorted(((s, i) for i, s in enumerate(scores)), key=lambda si: (-si[0], si[1]))


def _first_other(ranked: list[tuple[float, int]], cands: list[Candidate], taken: str | None) -> tuple[float, int]:
    for s, i in ranked:
        if i == 0 or taken is None or cands[i - 1].entity != taken:
            return s, i
    return ranked[-1]


def choose_arguments(actor_ranker: Ranker, target_ranker: Ranker, margins: tuple[float, float], ctx: EventContext,
                     trigger: Token, trigger_tokens: set[int], etype: str) -> tuple[Candidate | None, Candidate | None]:
    """(actor, target): the best mention for each role, when it beats "none" by the role's margin
    (`margins`: actor, target); never the same entity for both (the role whose choice is clearer
    over "none" keeps it)."""
    cands = candidates_for(ctx, trigger, trigger_tokens)
    if not cands:
        return None, None
    actor_rank = _ranked(actor_ranker, candidate_features(trigger, cands, etype, "actor"), margins[0])
    target_rank = _ranked(target_ranker, candidate_features(trigger, cands, etype, "target"), margins[1])
    a_score, a = actor_rank[0]
    t_score, t = target_rank[0]
    if a and t and cands[a - 1].entity == cands[t - 1].entity:
        a_gap = a_score - dict((i, s) for s, i in actor_rank)[0]
        t_gap = t_score - dict((i, s) for s, i in target_rank)[0]
        if a_gap >= t_gap:
            _, t = _first_other(target_rank, cands, cands[a - 1].entity)
        else:
            _, a = _first_other(actor_rank, cands, cands[t - 1].entity)
    return (cands[a - 1] if a else None), (cands[t - 1] if t else None)

"""Find PLOVER events in a parsed Doc by rules: trigger, type, actor, target, negation, modality.

The events stage uses these rules only when `models/de_events/` has no trained models
(`rule_events`); `match_trigger` is also a feature of the trained trigger model.
Rules over the dependency parse of the core model: a trigger verb or noun from the lexicon, its
subject as actor, its object (or a prepositional object) as target. A negated cooperative act
("keine Kompromisse eingehen", "nicht mittragen") is coded as REJECT, as PLOVER does.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from lagebild.article import Article
from lagebild.events.lexicon import Trigger, trigger_lexicon

POSITIVE_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "CONCEDE"}
INTENTION_AUX = {"wollen", "möchten", "mögen", "planen", "beabsichtigen"}
PROPOSAL_AUX = {"sollen"}
CONDITIONAL_AUX = {"können", "würden", "dürfen"}
TARGET_CASES = {"gegen", "mit", "an", "auf", "für", "zu", "bei"}
ACTOR_DEPS = {"nsubj", "nsubj:pass", "csubj"}
TARGET_DEPS = {"obj", "iobj", "obl:arg"}
NAME_PARTS = {"flat", "flat:name", "compound", "appos", "nmod", "det:poss", "amod", "nmod:poss"}


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def match_trigger(tok: Token) -> Trigger | None:
    particles = tuple(c.text.lower() for c in tok.children if c.dep_ == "compound:prt" or c.tag_ == "PTKVZ")
    return lexicon_trigger(tok.lemma_, tok.text, tok.pos_, tok.tag_, particles)


@lru_cache(maxsize=65536)
def lexicon_trigger(lemma_: str, text: str, pos: str, tag: str, particles: tuple[str, ...]) -> Trigger | None:
    """The lexicon trigger of a word, from its lemma (as the Doc has it), form, tags and the
    lower-cased forms of its separable particles."""
    lex = trigger_lexicon()
    if pos in ("VERB", "AUX") or tag.startswith("VV"):
        lemma = (lemma_ or text).lower()
        for part in particles:
            trig = lex.split_verbs.get((lemma, part))
            if trig:
                return trig
        trig = lex.verbs.get(lemma)
        if trig and (not trig.particle or lemma.startswith(trig.particle.lower())):
            return trig
        return None
    if pos in ("NOUN", "PROPN") or tag == "NN":
        return _noun_trigger(lemma_ or text, text)
    return None


@lru_cache(maxsize=1)
def _noun_stems() -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Positions in the noun list by stem as written and by lower-cased stem."""
    written: dict[str, list[int]] = {}
    lowered: dict[str, list[int]] = {}
    for k, trig in enumerate(trigger_lexicon().nouns):
        written.setdefault(trig.form, []).append(k)
        lowered.setdefault(trig.form.lower(), []).append(k)
    return written, lowered


@lru_cache(maxsize=65536)
def _noun_trigger(lemma: str, text: str) -> Trigger | None:
    """The first noun trigger of the lexicon (longest stem first) that the noun's lemma is or ends
    with (a compound: at least three letters before the stem), or its form is or starts with (at
    most three letters after the stem)."""
    nouns = trigger_lexicon().nouns
    written, lowered = _noun_stems()
    found = list(written.get(lemma, ()))
    low = lemma.lower()
    for cut in range(len(low)):
        found += [k for k in lowered.get(low[cut:], ()) if len(lemma) > len(nouns[k].form) + 2]
    for end in range(max(1, len(text) - 3), len(text) + 1):
        found += written.get(text[:end], ())
    return nouns[min(found)] if found else None


def trigger_tokens(tok: Token) -> list[Token]:
    """The trigger and its separable particle (both are part of what a reader sees as the verb)."""
    parts = [c for c in tok.children if c.dep_ == "compound:prt" or c.tag_ == "PTKVZ"]
    return [tok] + parts


def is_negated(tok: Token) -> bool:
    for child in tok.children:
        if child.tag_ == "PTKNEG" or _lemma(child) in ("nicht", "nie", "niemals"):
            return True
        if _lemma(child) in ("kein", "keine") or child.text.lower().startswith("kein"):
            return True
        if child.dep_ in ("obj", "obl") and any(g.text.lower().startswith("kein") for g in child.children):
            return True
    return False


def modality(tok: Token, hint: str | None) -> str:
    chain = [tok] + [tok.head] if tok.dep_ in ("xcomp", "ccomp") else [tok]
    for t in chain:
        for child in list(t.children) + ([t.head] if t.head is not t else []):
            lemma = _lemma(child)
            if child.dep_ not in ("aux", "aux:pass") and child is not t.head:
                continue
            if lemma in INTENTION_AUX or (lemma == "werden" and "Tense=Pres" in str(child.morph)
                                          and tok.morph.get("VerbForm") == ["Inf"]):
                return "intention"
            if lemma in PROPOSAL_AUX:
                return "proposal"
            if lemma in CONDITIONAL_AUX or child.text.lower().startswith("würde"):
                return "conditional"
    return hint or "fact"


def _phrase_tokens(tok: Token) -> list[Token]:
    return [tok] + [c for c in tok.children if c.dep_ in NAME_PARTS]


def arguments(tok: Token) -> tuple[list[Token], list[Token]]:
    """(actor candidates, target candidates) for a trigger token, best first."""
    actors, targets = [], []
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ in ("det:poss", "nmod:poss") or (child.dep_ == "nmod" and "Case=Gen" in str(child.morph)):
                actors.append(child)
            elif child.dep_ == "nmod":
                targets.append(child)
        verb = tok.head if tok.dep_ in ("obj", "nsubj", "obl") else tok
    for child in verb.children:
        if child.dep_ in ACTOR_DEPS and child.pos_ != "PRON" or child.dep_ in ACTOR_DEPS and child.text.lower() in ("er", "sie"):
            actors.append(child)
        elif child.dep_ in TARGET_DEPS:
            targets.append(child)
        elif child.dep_ == "obl":
            cases = {c.text.lower() for c in child.children if c.dep_ == "case"}
            if cases & {"von", "durch"} and tok.dep_ != "obl":
                actors.append(child)
            elif cases & TARGET_CASES:
                targets.append(child)
    if not actors and verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        actors = [c for c in verb.head.children if c.dep_ in ACTOR_DEPS]
    return actors, targets


def find_event_triggers(doc: Doc) -> list[tuple[Token, Trigger]]:
    found = []
    for tok in doc:
        if tok.is_punct or tok.is_space:
            continue
        trig = match_trigger(tok)
        if trig:
            found.append((tok, trig))
    return found


def phrase_span(tok: Token) -> tuple[int, int]:
    toks = _phrase_tokens(tok)
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


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


def _time(article: Article, sent_start: int, sent_end: int, trigger_start: int) -> dict | None:
    inside = [(t.get("id") or f"t{i}", t) for i, t in enumerate(article.times, start=1)
              if sent_start <= t["start"] < sent_end and t.get("value")]
    if not inside:
        return None
    tid, t = min(inside, key=lambda it: abs(it[1]["start"] - trigger_start))
    return {"id": tid, "value": t["value"]}


def rule_events(doc: Doc, article: Article) -> list[dict]:
    """Events by the lexicon and dependency rules alone."""
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
            "source": None,
            "score": None,
        })
    return events

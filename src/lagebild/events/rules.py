"""Find PLOVER events in a parsed Doc: trigger, type, actor, target, negation, modality.

Rules over the dependency parse of the core model: a trigger verb or noun from the lexicon, its
subject as actor, its object (or a prepositional object) as target. A negated cooperative act
("keine Kompromisse eingehen", "nicht mittragen") is coded as REJECT, as PLOVER does.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

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
    lex = trigger_lexicon()
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VV"):
        lemma = _lemma(tok)
        particles = [c for c in tok.children if c.dep_ == "compound:prt" or c.tag_ == "PTKVZ"]
        for part in particles:
            trig = lex.split_verbs.get((lemma, part.text.lower()))
            if trig:
                return trig
        trig = lex.verbs.get(lemma)
        if trig and (not trig.particle or lemma.startswith(trig.particle.lower())):
            return trig
        return None
    if tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "NN":
        lemma = tok.lemma_ or tok.text
        for trig in lex.nouns:
            stem = trig.form
            if lemma == stem or (lemma.lower().endswith(stem.lower()) and len(lemma) > len(stem) + 2):
                return trig
            if tok.text == stem or tok.text.startswith(stem) and len(tok.text) - len(stem) <= 3:
                return trig
    return None


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

"""Speech events learned from parliamentary speeches (SpkAtt-2023): a cue word and its roles.

A speech event is what SpkAtt-2023 annotates: a cue (a word of saying, thinking, demanding or
criticising: "sagen", "fordern", "Antrag", "glaube") with its `Source` (who), `Message` (what),
`Addr` (to whom), `Topic`, `Medium` and `Evidence`. Two averaged perceptrons decide (model in
`models/de_speech_events/`, trained by `training/train_speech_events.py`):

1. `cue`: every token is a cue or not, from its lemma, tags, dependency relation, its head and
   dependents and the speech-verb and speech-noun lists of `resources/de/`;
2. `role`: for each cue, each candidate phrase (the subtree of a dependent of the cue, of the
   cue's head, or of the verb a noun cue depends on) gets a role or none, from the phrase's
   relation to the cue, its case, first word, position and the cue's lemma.

Input is a parsed spaCy `Doc`; output is token indices, so the caller maps them to its offsets.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from lagebild.nlp.perceptron import Classifier
from lagebild.paths import models_dir, resource_records

ROLES = ("Source", "Message", "Addr", "Topic", "Medium", "Evidence")
NONE = "O"
CUE = "CUE"
PARTICLE_DEPS = ("svp",)
_SKIP_POS = ("PUNCT", "SPACE")


@dataclass
class SpeechEvent:
    cue: list[int]                                              # token indices of the cue words
    roles: dict[str, list[int]] = field(default_factory=dict)  # role -> token indices


@lru_cache(maxsize=1)
def speech_lexicon() -> dict[str, str]:
    """lemma -> word class for the cue features: speech verbs and the opinion/source nouns."""
    out = {r["lemma"]: "speech_verb" for r in resource_records("speech_verbs.tsv")}
    for r in resource_records("quote_words.tsv"):
        if r["class"] in ("opinion_noun", "source_noun", "accusation", "opinion_adj"):
            out.setdefault(r["word"], r["class"])
    return out


def cue_features(tok: Token) -> list[str]:
    lex = speech_lexicon()
    lemma = tok.lemma_ or tok.text
    feats = [f"l={lemma}", f"w={tok.lower_}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
             f"s3={tok.lower_[-3:]}", f"lex={lex.get(lemma, '-')}", f"lexp={lex.get(lemma, '-')}|{tok.pos_}",
             f"h={tok.head.lemma_}", f"hp={tok.head.pos_}", f"pl={tok.pos_}|{lemma}",
             f"mood={tok.morph.get('Mood')}", f"vf={tok.morph.get('VerbForm')}"]
    for child in tok.children:
        feats.append(f"cd={child.dep_}")
        if child.dep_ in PARTICLE_DEPS:
            feats.append(f"ptc={lemma}|{child.lower_}")
        if child.dep_ == "sb":
            feats.append(f"sb={child.lower_ if child.pos_ == 'PRON' else child.pos_}")
        if child.dep_ in ("oc", "cp") or child.lower_ in ("dass", "ob"):
            feats.append(f"clause={child.dep_}|{child.lower_ if child.dep_ == 'cp' else ''}")
    prev = tok.nbor(-1) if tok.i > 0 else None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    feats += [f"prev={prev.lower_ if prev is not None else '<s>'}", f"next={nxt.lower_ if nxt is not None else '</s>'}"]
    return feats


def candidates(cue: Token) -> list[tuple[str, Span]]:
    """(how the phrase hangs on the cue, phrase) for the role decision."""
    out: list[tuple[str, Span]] = []
    seen: set[int] = set()

    def add(relation: str, head: Token) -> None:
        if head.i in seen or head.i == cue.i or head.pos_ in _SKIP_POS or head.dep_ in PARTICLE_DEPS:
            return
        seen.add(head.i)
        out.append((relation, head.doc[head.left_edge.i:head.right_edge.i + 1]))

    for child in cue.children:
        add(f"child:{child.dep_}", child)
    head = cue.head
    if head.i != cue.i:
        if cue.pos_ in ("NOUN", "PROPN") and head.pos_ not in ("VERB", "AUX"):
            add(f"head:{cue.dep_}", head)
        for sibling in head.children:
            if sibling.i != cue.i and not (sibling.left_edge.i <= cue.i <= sibling.right_edge.i):
                add(f"sib:{cue.dep_}:{sibling.dep_}", sibling)
        if head.head.i != head.i and head.dep_ in ("oc", "cj", "rc"):
            for upper in head.head.children:
                if upper.dep_ == "sb":
                    add(f"up:{head.dep_}:{upper.dep_}", upper)
    return out


def role_features(cue: Token, relation: str, phrase: Span) -> list[str]:
    root = phrase.root
    first = phrase[0]
    side = "before" if phrase.end <= cue.i else "after"
    dist = min(abs(root.i - cue.i) // 3, 5)
    case = root.morph.get("Case")
    lemma = cue.lemma_ or cue.text
    return [f"rel={relation}", f"rel|l={relation}|{lemma}", f"rp={relation}|{root.pos_}", f"rpos={root.pos_}",
            f"rtag={root.tag_}", f"case={case}", f"rel|case={relation}|{case}", f"first={first.lower_}",
            f"rel|first={relation}|{first.lower_ if first.pos_ in ('ADP', 'SCONJ') else first.pos_}",
            f"side={side}", f"side|rel={side}|{relation}", f"dist={dist}", f"cue={lemma}", f"cuepos={cue.pos_}",
            f"pron={root.lower_ if root.pos_ == 'PRON' else '-'}", f"len={min(len(phrase) // 4, 5)}",
            f"sent_end={phrase.end >= cue.sent.end}", f"rlemma={root.lemma_}", f"rel|side|cue={relation}|{side}|{lemma}",
            f"clause={any(t.pos_ in ('VERB', 'AUX') and 'Fin' in t.morph.get('VerbForm') for t in phrase)}",
            f"rel|rpos|side={relation}|{root.pos_}|{side}", f"cuepos|rel={cue.pos_}|{relation}",
            f"comma_before={phrase.start > 0 and phrase.doc[phrase.start - 1].text == ','}",
            f"colon_before={phrase.start > 0 and phrase.doc[phrase.start - 1].text == ':'}",
            f"rdep={root.dep_}", f"cuedep|rel={cue.dep_}|{relation}", f"head={cue.head.lemma_}|{relation}",
            f"rel|pron={relation}|{root.lower_ if root.pos_ == 'PRON' else root.pos_}",
            f"quote={any(t.is_quote for t in phrase)}"]


class SpeechEventModel:
    """The two trained decisions, from `models/de_speech_events/model.json`."""

    def __init__(self, cue: Classifier, role: Classifier, cue_margin: float = 0.0) -> None:
        self.cue = cue
        self.role = role
        self.cue_margin = cue_margin   # a token is a cue when score(cue) - score(none) > -cue_margin

    @classmethod
    def load(cls, path: Path | None = None) -> "SpeechEventModel":
        data = json.loads(Path(path or models_dir() / "de_speech_events" / "model.json").read_text(encoding="utf-8"))
        return cls(Classifier.from_json(data["cue"]), Classifier.from_json(data["role"]), data.get("cue_margin", 0.0))

    def to_json(self) -> dict:
        return {"cue": self.cue.to_json(), "role": self.role.to_json(), "cue_margin": self.cue_margin}

    def is_cue(self, tok: Token) -> bool:
        scores = self.cue.scores(cue_features(tok))
        return scores["CUE"] - scores[NONE] > -self.cue_margin

    def find(self, doc: Doc) -> list[SpeechEvent]:
        events = []
        for tok in doc:
            if tok.pos_ in _SKIP_POS or not self.is_cue(tok):
                continue
            cue = [tok.i] + [c.i for c in tok.children if c.dep_ in PARTICLE_DEPS]
            roles: dict[str, list[int]] = {}
            for relation, phrase in candidates(tok):
                label = self.role.predict(role_features(tok, relation, phrase))
                if label != NONE:
                    roles.setdefault(label, []).extend(t.i for t in phrase if t.pos_ not in _SKIP_POS)
            events.append(SpeechEvent(sorted(cue), {r: sorted(set(ix)) for r, ix in roles.items()}))
        return events

"""String features of the event models: a token as a possible trigger, its modality, and an
entity mention as its possible actor or target (parse path, voice, case, form, distance).

Every feature is a short "name=value" string; the models (`lagebild.nlp.perceptron`) weigh
them. The trigger lexicon enters as features (`lex=TYPE`), never as the decision.
"""
from __future__ import annotations

from spacy.tokens import Token

from lagebild.events.rules import lexicon_trigger
from lagebild.nlp.columns import Columns

TRIGGER_POS = {"VERB", "NOUN", "PROPN", "ADJ", "AUX"}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "xcomp", "conj"}
MAX_PATH = 4
CHILD_DEPS = {"obj", "iobj", "nsubj", "nsubj:pass", "obl", "advmod", "nmod", "xcomp", "amod", "compound"}


def lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def is_candidate(tok: Token) -> bool:
    return tok.pos_ in TRIGGER_POS and len(tok.text) > 1 and not tok.like_num


def is_passive(tok: Token) -> bool:
    return any(c.dep_ == "aux:pass" for c in governing_verb(tok).children)


def governing_verb(tok: Token) -> Token:
    """The verb whose clause a (nominal) trigger belongs to: the token itself for a verb."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def clause_head(tok: Token) -> Token:
    cur = governing_verb(tok)
    for _ in range(12):
        if cur.dep_ in CLAUSE_DEPS or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _aux_lemmas(verb: Token) -> list[str]:
    return [lemma(c) for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop")]


def _governing_verb_at(cols: Columns, i: int) -> int:
    """`governing_verb` over the Doc's columns."""
    cur = i
    for _ in range(6):
        if cols.pos[cur] in ("VERB", "AUX") or cols.head[cur] == cur:
            return cur
        cur = cols.head[cur]
    return cur


def _particle_children(cols: Columns, i: int) -> list[int]:
    return [c for c in cols.children[i] if cols.dep[c] == "compound:prt" or cols.tag[c] == "PTKVZ"]


def trigger_features(cols: Columns, i: int, in_quote: bool, is_cue: bool, negated: bool,
                     similar: str | None = None) -> list[str]:
    """The trigger model's features of word `i` (read from the Doc's columns: the model scores
    every content word)."""
    lem, pos, dep = cols.lem[i], cols.pos[i], cols.dep[i]
    parts = _particle_children(cols, i)
    prt = cols.lem[parts[0]] if parts else ""
    trig = lexicon_trigger(cols.lemma[i], cols.text[i], pos, cols.tag[i], tuple(cols.lower[c] for c in parts))
    head = cols.head[i]
    hl = cols.lem[head]
    feats = ["bias", f"l={lem}", f"w={cols.lower[i]}", f"p={pos}", f"tag={cols.tag[i]}", f"dep={dep}",
             f"hl={hl}", f"hp={cols.pos[head]}", f"l+hl={lem}|{hl}", f"l+dep={lem}|{dep}",
             f"p+dep={pos}|{dep}", f"cap={cols.text[i][:1].isupper()}|{pos}"]
    if len(lem) > 5:
        feats += [f"suf4={lem[-4:]}", f"suf5={lem[-5:]}", f"suf6={lem[-6:]}", f"suf8={lem[-8:]}"]
    if prt:
        feats += [f"prt={prt}", f"l+prt={lem}|{prt}"]
    if trig:
        feats += [f"lex={trig.type}", f"lex+p={trig.type}|{pos}", f"lexmod={trig.modality}"]
        if negated:
            feats.append(f"lex+neg={trig.type}")
    else:
        feats.append(f"nolex|{pos}")
    if negated:
        feats += ["neg", f"l+neg={lem}"]
    for child in cols.children[i]:
        cdep = cols.dep[child]
        if cdep in CHILD_DEPS:
            feats.append(f"c:{cdep}={cols.lem[child]}")
            feats.append(f"l+c={lem}|{cdep}|{cols.lem[child]}")
        if cdep == "case":
            feats.append(f"case={cols.lem[child]}")
    feats += [f"aux={cols.lem[c]}" for c in cols.children[i] if cols.dep[c] in ("aux", "aux:pass", "cop")]
    if any(cols.dep[c] == "aux:pass" for c in cols.children[_governing_verb_at(cols, i)]):
        feats += ["passive", f"l+passive={lem}"]
    if in_quote:
        feats += ["inq", f"l+inq={lem}"]
    if is_cue:
        feats += ["cue", f"l+cue={lem}"]
    prev = cols.lem[i - 1] if i > 0 else "<s>"
    feats.append(f"prev={prev}")
    feats.append(f"next={cols.lem[i + 1] if i + 1 < len(cols.lem) else '</s>'}")
    feats.append(f"prev+l={prev}|{lem}")
    if similar:
        feats += [f"sim={similar}", f"sim+p={similar}|{pos}"]
    return feats


def modality_features(tok: Token, etype: str, in_quote: bool) -> list[str]:
    verb = governing_verb(tok)
    feats = ["bias", f"type={etype}", f"l={lemma(tok)}", f"p={tok.pos_}", f"dep={tok.dep_}",
             f"vform={'|'.join(verb.morph.get('VerbForm'))}", f"mood={'|'.join(verb.morph.get('Mood'))}",
             f"tense={'|'.join(verb.morph.get('Tense'))}", f"vl={lemma(verb)}", f"inq={in_quote}"]
    if verb.i != tok.i:
        feats += [f"gov={lemma(verb)}", f"gov+dep={lemma(verb)}|{tok.dep_}", f"gov+type={lemma(verb)}|{etype}"]
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp", "csubj") and verb.head.i != verb.i else [])
    for v in chain:
        for a in _aux_lemmas(v):
            feats += [f"aux={a}", f"aux+type={a}|{etype}"]
            for ch in v.children:
                if ch.dep_ in ("aux", "cop") and lemma(ch) == a:
                    feats.append(f"auxmood={a}|{'|'.join(ch.morph.get('Mood'))}")
        if v.i != verb.i:
            feats += [f"matrix={lemma(v)}", f"matrix+type={lemma(v)}|{etype}"]
    clause = clause_head(tok)
    feats.append(f"cdep={clause.dep_}")
    for ch in clause.children:
        if ch.dep_ == "mark":
            feats.append(f"mark={lemma(ch)}")
    if clause.dep_ in ("ccomp", "xcomp", "advcl", "acl") and clause.head.i != clause.i:
        feats += [f"chead={lemma(clause.head)}", f"chead+type={lemma(clause.head)}|{etype}"]
    return feats


def _path(a: Token, b: Token) -> tuple[str, int]:
    """Dependency path from trigger `a` up to the common ancestor and down to `b`."""
    up, anc = [], {}
    cur = a
    for depth in range(40):
        anc[cur.i] = depth
        if cur.head.i == cur.i:
            break
        up.append(cur.dep_)
        cur = cur.head
    down, cur = [], b
    for _ in range(40):
        if cur.i in anc:
            steps = up[:anc[cur.i]]
            length = len(steps) + len(down)
            if length > MAX_PATH:
                return "long", length
            return "^".join(steps) + ">" + ">".join(reversed(down)), length
        if cur.head.i == cur.i:
            break
        down.append(cur.dep_)
        cur = cur.head
    return "none", 99


def remote_features(trigger: Token, head: Token, form: str, etype: str, label: str, passive: bool,
                    where: str) -> list[str]:
    """A mention outside the trigger's sentence: the sentence before, or the quote's speaker."""
    has_subj = any(c.dep_ in ("nsubj", "nsubj:pass") for c in governing_verb(trigger).children)
    return [f"where={where}", f"where+dep={where}|{head.dep_}", f"where+t={where}|{etype}",
            f"where+subj={where}|{has_subj}", f"where+v={where}|{passive}", f"where+form={where}|{form}",
            f"where+label={where}|{label}", f"where+p={where}|{trigger.pos_}", f"where+l={where}|{lemma(trigger)}",
            f"where+dep+subj={where}|{head.dep_}|{has_subj}"]


def argument_features(trigger: Token, head: Token, form: str, etype: str, label: str,
                      passive: bool, where: str = "sent") -> list[str]:
    if where != "sent":
        return remote_features(trigger, head, form, etype, label, passive, where)
    path, length = _path(trigger, head)
    voice = "pass" if passive else "act"
    cases = [lemma(c) for c in head.children if c.dep_ == "case"]
    case = cases[0] if cases else "-"
    side = "before" if head.i < trigger.i else "after"
    dist = abs(head.i - trigger.i)
    dist_b = "1" if dist <= 1 else "3" if dist <= 3 else "6" if dist <= 6 else "12" if dist <= 12 else "far"
    mcase = "|".join(head.morph.get("Case")) or "-"
    tl, tp = lemma(trigger), trigger.pos_
    has_subj = any(c.dep_ in ("nsubj", "nsubj:pass") for c in governing_verb(trigger).children)
    return [f"subj={has_subj}|{path}", f"path={path}", f"path+v={path}|{voice}", f"path+p={path}|{tp}", f"path+case={path}|{case}",
            f"path+t={path}|{etype}", f"case={case}", f"case+v={case}|{voice}", f"case+p={case}|{tp}",
            f"case+t={case}|{etype}", f"hdep={head.dep_}", f"hdep+v={head.dep_}|{voice}", f"hdep+p={head.dep_}|{tp}",
            f"hdep+l={head.dep_}|{tl}", f"case+l={case}|{tl}", f"form={form}", f"label={label}",
            f"label+t={label}|{etype}", f"side={side}|{tp}", f"side+v={side}|{voice}", f"dist={dist_b}",
            f"mcase={mcase}|{voice}", f"mcase+p={mcase}|{tp}", f"plen={min(length, 9)}",
            f"hpos={head.pos_}", f"form+path={form}|{path}"]


def none_features(trigger: Token, etype: str, passive: bool, role: str) -> list[str]:
    """The features of the "no argument" candidate."""
    return ["none", f"none+t={etype}", f"none+p={trigger.pos_}", f"none+v={passive}",
            f"none+l={lemma(trigger)}", f"none+dep={trigger.dep_}", f"none+r={role}"]

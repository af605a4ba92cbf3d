"""Speaker and addressee of a frame: the subject of the cue verb (from the parse, else from word
order: "X sagte", "sagte X", "wie X mitteilte", "..., hatte X gesagt"), the addressee
("gegenüber der Zeitung", "vor Studenten"), the subject of a sentence, and the person named in the
sentence before a stand-alone quote."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cue
from lagebild.quotes.phrases import clause_left, np_at, np_before, trim
from lagebild.time.lexicon import lexicon as time_lexicon

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "sb", "csubj"}


def subject_of(f: Context, v: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of verb v from the parse, clipped to [lo, hi)."""
    if not f.has_parse:
        return None
    tok = f.tok[v]
    heads = [tok]
    if tok.dep_ in ("conj",) and tok.head.i != v:
        heads.append(tok.head)
    if tok.dep_ in ("aux", "aux:pass", "cop"):
        heads.append(tok.head)
    for h in heads:
        for child in h.children:
            if child.dep_ in SUBJECT_DEPS and lo <= child.i < hi:
                if f.has_tags and f.tok[child.left_edge.i].tag_ in ("APPR", "APPRART") \
                        and f.lower[child.left_edge.i] in f.w.get("attribution_prep", ()):
                    continue  # "Laut BBC sagte der Minister": the parse made the source the subject
                left = max(child.left_edge.i, lo)
                right = min(child.right_edge.i + 1, hi)
                span = trim(f, left, right)
                if span and span[1] - span[0] <= 25:
                    return span
                return (child.i, child.i + 1)
    return None


def name_after_verb(f: Context, v: int, hi: int, subject: tuple[int, int], cue: Cue | None = None
                    ) -> tuple[int, int] | None:
    """The person named right after verb v when the parse made a phrase without a
    name before the verb its subject: German puts the object first ("Eine Verschiebung des
    Wahltermins bezeichnete Conze als fatal"), the parser mostly reads subject-verb-object.
    Not the one the cue addresses ("Kritiker werfen Obama vor"), nor an organisation (mostly the
    medium told: "sagte SPIEGEL ONLINE")."""
    if subject[1] > v or f.is_named(*subject) or f.is_pronoun(subject[0]):
        return None
    ent = next((ent for ent in f.ents if ent.start == v + 1 and ent.end <= hi and ent.label_ == "PER"), None)
    if ent is None or (cue is not None and _addressed_child(f, cue, ent.root)):
        return None
    return (ent.start, ent.end)


def past_openers(f: Context, lo: int, hi: int) -> int:
    """The first token of [lo, hi) after leading adverbs and sentence connectors ("Auch", "Zudem")."""
    first = lo
    while first < hi and (f.word(first, "adverb") or f.low_in(first, "sentence_connector")):
        first += 1
    return first


def name_before_finite(f: Context, lo: int, v: int) -> tuple[int, int] | None:
    """A person or organisation name (of the NER or the entities stage) that opens the frame's
    clause right before its finite verb, where the parse found no subject: the tagger takes an
    unknown surname for an adjective or adverb ("Wittner sagte weiter, ...", "Glos hatte in einem
    Interview gesagt, ...")."""
    first = past_openers(f, lo, v)
    end = max([ent.end for ent in f.ents if ent.start == first and ent.label_ in ("PER", "ORG")]
              + [f.person_names.get(first, 0)])
    if not first < end <= v or not (end == v or f.is_finite(end)):
        return None
    return (first, end)


def _finite_aux_after_fronted(f: Context, lo: int, v: int) -> int | None:
    """The finite auxiliary of verb v in second position after a fronted phrase ("Im Vorfeld
    hatte ..."), where the subject follows it."""
    if not (f.has_parse and f.has_tags):
        return None
    aux = next((k for k in range(lo + 1, v) if f.tok[k].dep_ == "aux" and f.tok[k].head.i == v
                and f.tok[k].tag_ in ("VAFIN", "VMFIN")), None)
    return aux if aux is not None and not any(f.is_finite(k) for k in range(lo, aux)) else None


def speaker_in_frame(f: Context, cue: Cue, lo: int, hi: int,
                     earlier: list[tuple[int, tuple[int, int] | None]]) -> tuple[int, int] | None:
    """The speaker of the frame of `cue` in [lo, hi); `earlier` holds (cue token, speaker) of the
    frames before it in the sentence, in token order ("X sagte ... und betonte" keeps X)."""
    v = cue.i
    if cue.particle is not None and cue.particle > v:
        hi = min(hi, cue.particle)  # "räumte Rasmussen ein": the particle is no part of the speaker
    span = subject_of(f, v, lo, hi)
    if span and not (span[0] <= v < span[1]) and not (span[1] - span[0] == 1 and f.word(span[0], "anaphor")):
        return name_after_verb(f, v, hi, span, cue) or span
    if span is None and (named := name_before_finite(f, lo, v)):
        return named
    if v > lo and f.low_in(v - 1, "np_coordinator"):
        for other, sp in reversed(earlier):
            if other < v and sp:
                return sp
    # subordinate frame "wie X mitteilte"
    if f.low_in(lo, "wie_frame") and v > lo + 1:
        return np_at(f, lo + 1, v)
    if lo < v and f.has_tags and f.tok[lo].tag_ in ("VAFIN", "VMFIN") and not f.is_finite(v):
        sp = np_at(f, lo + 1, v, skip=0)  # "..., hatte Obama in Moskau gesagt"
        if sp:
            return sp
    aux = _finite_aux_after_fronted(f, lo, v)
    if aux is not None:
        sp = np_at(f, aux + 1, v, skip=0)  # "Im Vorfeld hatte das Komitee betont, ..."
        if sp and sp[0] == aux + 1:
            return sp
    if v == lo:  # verb first: "..., sagte er", "..., räumte Rasmussen ein"
        after = np_at(f, v + 1, hi)
        if after or lo == 0 or f.tok[lo - 1].text != ",":
            return after
        # "X, der Y empfangen hatte, machte ...": the subject stands before the relative clause
        s = f.sents[f.sent_of[v]][0]
        l2 = clause_left(f, lo - 1, s)
        if l2 >= s and f.tok[l2].text == "," and (f.tok[l2 + 1].tag_ == "PRELS" or f.word(l2 + 1, "det")):
            return np_before(f, l2, s)
        return None
    first = past_openers(f, lo, v)
    if first < v and not f.word(first, "preposition") and not f.word(first, "anaphor") \
            and not f.word(first, "adverbial_start") and not (f.has_tags and f.tok[first].tag_ in ("APPR", "APPRART", "ADV", "PAV", "PDS", "KOUS")):
        sp = np_at(f, first, v, skip=0)
        if sp and sp[0] == first:
            return sp
    return np_at(f, v + 1, hi)


def _a_time(f: Context, span: tuple[int, int]) -> bool:
    """"vor zwei Wochen": the phrase after an addressee marker names a time, not a listener."""
    return any(f.tok[k].text in time_lexicon().units for k in range(*span))


def _addressed_child(f: Context, cue: Cue, child) -> bool:
    """A dependent of the cue verb that names whom it addresses: its dative object ("sagte der
    Zeitung", "warf der Regierung vor"), or for verbs that address someone by their object
    ("forderte die Regierung auf", "bat ihn") the object, or the subject of their passive
    ("Die Anwohner wurden gebeten")."""
    if child.dep_ in ("iobj", "da"):
        return True
    if child.dep_ == "obl:arg" and "Dat" in child.morph.get("Case") and not any(g.dep_ == "case" for g in child.children):
        return True
    if cue.verb is None or cue.verb.key not in f.w.get("addressee_object", ()):
        return False
    passive = child.dep_ == "nsubj:pass" or any(c.dep_ == "aux:pass" for c in child.head.children)
    return child.dep_ == "obj" or (passive and child.dep_ in ("nsubj", "nsubj:pass"))


def addressee_in(f: Context, lo: int, hi: int, cue: Cue) -> tuple[int, int] | None:
    if f.has_parse:
        for child in f.tok[cue.i].children:
            if _addressed_child(f, cue, child) and lo <= child.i < hi:
                return trim(f, max(child.left_edge.i, lo), min(child.right_edge.i + 1, hi))
    for k in range(lo, hi):
        low = f.lower[k]
        if cue.verb and low == cue.verb.prep and low in f.w.get("addressee_marker", ()):
            continue
        if low in f.w.get("addressee_marker", ()) and k + 1 < hi:
            if low in f.w.get("addressee_postp", ()):
                sp = np_at(f, k + 1, hi, skip=0) or np_before(f, k, lo)
            else:
                sp = np_at(f, k + 1, hi, skip=0)
            if sp and not _a_time(f, sp):
                return sp
        if k + 1 < hi and f"{f.tok[k].text} {f.lower[k + 1]}" in f.w.get("addressee_marker", ()):
            sp = np_at(f, k + 2, hi, skip=0)
            if sp:
                return sp
    return None


def sentence_subject(f: Context, o: int, c: int) -> tuple[int, int] | None:
    s, e = f.sents[f.sent_of[o]]
    parsed = None
    if f.has_parse:
        for k in range(s, e):
            tok = f.tok[k]
            if tok.dep_ == "ROOT" or tok.head.i == k:
                sp = subject_of(f, k, s, e)
                if sp and not (o <= sp[0] <= c):
                    parsed = name_after_verb(f, k, e, sp) or sp
                break
    initial = None
    if not (f.in_marks[s] or f.is_mark[s]):
        if f.is_pronoun(s):
            initial = (s, s + 1)
        else:
            sp = np_at(f, s, min(e, o), skip=0)
            if sp and sp[0] == s and sp[1] < f.n and f.is_finite(sp[1]):
                initial = sp
    if parsed and initial and not f.is_named(*parsed) and f.is_named(*initial):
        return initial  # the parse missed the named subject before the finite verb
    return parsed or initial


def person_in_sentence_before(f: Context, o: int) -> tuple[int, int] | None:
    """A quote standing alone as a sentence is said by the person named in the sentence before
    ("Künast warnte vor den Folgen. „Es droht eine Erderwärmung …“")."""
    k = f.sent_of[o] - 1
    if k < 0:
        return None
    s, e = f.sents[k]
    people = [ent for ent in f.ents if s <= ent.start < e and ent.label_ == "PER" and not f.in_marks[ent.start]]
    if not people:
        people = [ent for ent in f.ents if s <= ent.start < e and ent.label_ == "ORG" and not f.in_marks[ent.start]]
    return (people[0].start, people[0].end) if people else None



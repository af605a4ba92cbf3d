"""Speech-verb frames: "X sagte, ...", "..., räumte X ein", "Die Nato, wiederholte er, betrachte
...", "X kündigte an: ...", "wie X mitteilte, ...", "Dies bestätigte X", a zu-infinitive ("versprach
zu helfen"), and reported objects ("sprach von einer neuen Phase", "nannte X einen Fehler")."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand, Cue
from lagebild.quotes.phrases import clause_left, clause_right, has_finite, is_apposition, name_tail, np_list, trim
from lagebild.quotes.speakers import addressee_in, past_openers, speaker_in_frame, subject_of
from lagebild.quotes.verb_content import (MIN_CONTENT_WORDS, bare_zu_infinitive, before_is_content, content_end,
                                          reported_after_relative, reported_object, subordinate)

if TYPE_CHECKING:
    from lagebild.quotes.context import Context


def find(f: Context, claimed: list[Cand]) -> list[Cand]:
    """One candidate per speech-verb cue whose frame points at content, in text order. `claimed`
    are the attributions found before: their speaker goes on in "..., und betonte"."""
    found: list[Cand] = []
    for (s, e), cues in zip(f.sents, f.cues):
        earlier = sorted((q.cue[0], q.speaker) for q in claimed if q.cue and s <= q.cue[0] < e)
        for cue in cues:
            if cue.kind != "verb":
                continue
            cand = verb_frame(f, cue, s, e, sorted(earlier))
            if cand:
                found.append(cand)
                earlier.append((cue.i, cand.speaker))
    return found


@dataclass(frozen=True)
class Frame:
    """A speech-verb frame in sentence [s, e): the boundary tokens left (L) and right (R) of its
    clause, its own span lo..hi (with the particle), its speaker and addressee."""

    cue: Cue
    s: int
    e: int
    L: int
    R: int
    lo: int
    hi: int
    speaker: tuple[int, int] | None
    addressee: tuple[int, int] | None

    @property
    def cue_tokens(self) -> list[int]:
        return [self.cue.i] + ([self.cue.particle] if self.cue.particle is not None else [])


def verb_frame(f: Context, cue: Cue, s: int, e: int, earlier) -> Cand | None:
    """The quote of the verb `cue` in sentence [s, e), or None when its frame points at no content."""
    return frame_content(f, read_frame(f, cue, s, e, earlier))


def read_frame(f: Context, cue: Cue, s: int, e: int, earlier) -> Frame:
    """Clause bounds, speaker and addressee of the frame of `cue`."""
    i = cue.i
    L, R = _clause_bounds(f, cue, s, e)
    lo = L + 1
    hi = max(R, cue.particle + 1) if cue.particle is not None and cue.particle < e else R
    speaker = speaker_in_frame(f, cue, lo, hi, earlier)
    if speaker and speaker[1] >= R - 1 and R < e and (f.is_mark[R] or f.tok[R].text == "("):
        longer = name_tail(f, (speaker[0], R), e)  # "meldet die Nachrichtenagentur „Xinhua“, ..."
        if longer[1] > R:
            speaker, R = longer, clause_right(f, longer[1] - 1, e)
            hi = max(hi, R)
    speaker, lo = _subject_before_comma(f, cue, s, e, L, R, lo, hi, speaker)
    speaker = _no_speaker(f, cue, lo, hi, speaker) or _source_in(f, cue, lo, hi)
    addressee = addressee_in(f, lo, cue.particle if cue.particle is not None and cue.particle > i else hi, cue)
    if addressee and speaker and addressee[0] < speaker[1] and speaker[0] < addressee[1]:
        addressee = None
    if speaker and R < e - 1 and f.tok[R].text == "," and speaker[1] >= R - 1:
        speaker, R = _past_speaker_apposition(f, speaker, R, e)
    return Frame(cue, s, e, L, R, lo, hi, speaker, addressee)


def _clause_bounds(f: Context, cue: Cue, s: int, e: int) -> tuple[int, int]:
    """The boundary tokens around the cue's clause; "..., wie Alan Stern, Direktor der NASA(,)
    betont": the frame opens before the apposition."""
    i = cue.i
    L, R = clause_left(f, i, s), clause_right(f, i, e)
    if cue.particle is not None and cue.particle >= R:
        R = clause_right(f, cue.particle, e)
    if L > s and f.tok[L].text == "," and not f.low_in(L + 1, "wie_frame") and (L + 1 == i or is_apposition(f, L + 1, i)):
        k = L
        for _ in range(2):
            L2 = clause_left(f, k, s)
            if L2 + 1 < k and f.low_in(L2 + 1, "wie_frame"):
                L = L2
                break
            if L2 < s or not is_apposition(f, L2 + 1, k):
                break
            k = L2
    return L, R


def _subject_before_comma(f: Context, cue: Cue, s: int, e: int, L: int, R: int, lo: int, hi: int, speaker):
    """(speaker, frame start) when the subject stands before the comma of a verb-first frame."""
    i = cue.i
    # the verb first, or its finite auxiliary first ("X, Y, hat in einem Interview gefordert, ...")
    verb_first = i == lo or (f.has_tags and lo < i and f.tok[lo].tag_ in ("VAFIN", "VMFIN") and not f.is_finite(i))
    if i == lo and speaker is not None and L > s and f.tok[L].text == "," and not f.is_pronoun(speaker[0]):
        # "Lars Schauer, Manager von Energie Cottbus, bezeichnete die Entscheidung als ...": the parse
        # puts the subject before the comma; the NP after the verb is its object, not its speaker
        parsed = subject_of(f, i, s, hi)
        subj = trim(f, s, L)
        if parsed and parsed[0] < lo and subj and np_list(f, *subj):
            speaker, lo = subj, s
    if verb_first and speaker is None and L >= s and f.tok[L].text == "," and R < e and f.tok[R].text in (",", ":"):
        # "Der Leiter des Programms, Klaus Stöhr, sagte, ...": the subject is the NP before
        # (after a leading "Auch", "Zudem")
        subj = trim(f, past_openers(f, s, L), L)
        if subj and np_list(f, *subj):
            speaker, lo = subj, s
    return speaker, lo


def _no_speaker(f: Context, cue: Cue, lo: int, hi: int, speaker):
    """No speaker for "es"/"man", nor for the subject of a passive frame ("Er wird verdächtigt, ...")
    unless a "von" names the agent."""
    if speaker and f.word(speaker[0], "impersonal") and speaker[1] - speaker[0] == 1:
        return None
    if speaker and f.has_tags and f.tok[cue.i].tag_ == "VVPP" and any(
            f.low_in(k, "passive_aux") for k in range(lo, hi)) \
            and not any(f.low_in(k, "von") and k + 1 < hi for k in range(lo, hi)):
        return None
    return speaker


def _source_in(f: Context, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """The report a passive or impersonal frame names with "in" ("In einem Bericht der Salzburger
    Nachrichten wurde vermutet, ...", "In der Pressemitteilung des WWF heißt es, ...")."""
    if not f.has_parse:
        return None
    verb = f.tok[cue.i]
    for child in verb.children:
        if child.dep_ == "obl" and lo <= child.i < hi and f.is_source_noun(child.i) and any(
                g.dep_ == "case" and f.low_in(g.i, "source_in") for g in child.children):
            return trim(f, child.left_edge.i + 1, min(child.right_edge.i + 1, hi))
    return None


def _past_speaker_apposition(f: Context, speaker, R: int, e: int):
    """"sagte der Direktor der IAEO, Mohammed el-Baradei, Nordkorea besitze ...": the apposition
    after the speaker is part of it, and the frame's clause ends after it."""
    j = R + 1
    while j < e and f.tok[j].text not in (",", ":", ".", ";"):
        j += 1
    if j < e - 1 and f.tok[j].text in (",", ":") and np_list(f, R + 1, j) and f.words_in(R + 1, j) <= 6 \
            and any(f.is_nounish(x) and f.tok[x].text[:1].isupper() for x in range(R + 1, j)) \
            and not f.word(R + 1, "content_start"):
        return (speaker[0], j), j
    return speaker, R


def _quote(f: Context, fr: Frame, kind: str, parts) -> Cand | None:
    if fr.cue.verb.key in f.w.get("no_question", ()) and any(f.low_in(a, "question_complementizer") for a, _ in parts):
        return None  # "entscheidet, ob ...": nothing has been said yet
    return Cand(kind, parts, fr.speaker, fr.cue_tokens, fr.addressee)


def frame_content(f: Context, fr: Frame) -> Cand | None:
    """The content the frame points at, checked in this order: after a colon; the clause before a
    verb-first frame; around a "wie" frame; the clause after the frame; a bare zu-infinitive; the
    sentence before an anaphor ("Dies bestätigte X"); the reported object."""
    verb, i, s, e, L, R, lo = fr.cue.verb, fr.cue.i, fr.s, fr.e, fr.L, fr.R, fr.lo
    # "..., hatte Obama in Moskau gesagt.": a frame that ends the sentence and opens with its finite
    # auxiliary and the speaker is verb-first too
    aux_first = lo < i and f.has_tags and f.tok[lo].tag_ == "VAFIN" and f.tok[i].tag_ == "VVPP" \
        and trim(f, i + 1, e) is None and fr.speaker is not None and fr.speaker[0] == lo + 1 \
        and f.is_named(*fr.speaker) and has_finite(f, s, L)
    verb_first = (i == lo or aux_first) and not (fr.speaker and fr.speaker[1] <= lo)
    before_ok = L >= s and f.tok[L].text in (",", "–", "—", "-")
    after_ok = R < e and (f.tok[R].text in (",", ":") or f.is_mark[R])
    if after_ok and f.tok[R].text == ":" and verb.takes_clause:
        after = trim(f, R + 1, e)
        if after and f.words_in(*after) >= MIN_CONTENT_WORDS:
            return _quote(f, fr, "indirect", [after])
    if verb_first and before_ok and fr.speaker is None and not has_finite(f, s, L) and np_list(f, s, L):
        fr = replace(fr, speaker=(s, L))  # "Der Vorsitzende des Betriebsrats, Stefan Sporn, zeigt sich ...": its subject
        verb_first = False
    if verb_first and before_ok and verb.takes_clause:
        parts = _content_before(f, fr)
        if parts:
            return _quote(f, fr, "indirect", parts)
    if f.low_in(lo, "wie_frame") and lo < i and verb.takes_clause:
        parts = [p for p in (trim(f, s, L) if L >= s else None, trim(f, R + 1, e) if R < e else None) if p]
        if parts:
            return _quote(f, fr, "indirect", parts)
    if after_ok and verb.takes_clause:
        after = _content_after(f, fr)
        if after:
            return _quote(f, fr, "indirect", [after])
    if verb.takes_clause and not after_ok and fr.speaker is not None:
        bare = bare_zu_infinitive(f, fr.cue, R, fr.speaker, fr.addressee)
        if bare:
            return _quote(f, fr, "indirect", [bare])
    if lo < i and f.word(lo, "anaphor") and i == lo + 1 and f.sent_of[s] > 0:
        ps, pe = f.sents[f.sent_of[s] - 1]
        prev = trim(f, ps, pe)
        if prev and f.words_in(*prev) >= 3:
            return _quote(f, fr, "indirect", [prev, (lo, lo + 1)])  # "Dies bestätigte X": the anaphor stands for it
    if verb.takes_np and fr.speaker and not any(f.low_in(k, "passive_aux_past") for k in range(lo, fr.hi)):
        obj = reported_object(f, fr.cue, lo, fr.hi, fr.speaker, fr.addressee)
        if obj:
            return _quote(f, fr, "reported", [obj])
    return None


def _content_before(f: Context, fr: Frame) -> list[tuple[int, int]] | None:
    """"Die Lage sei ernst, sagte er(, ...)": the clause before a verb-first frame (and, after a
    verbless clause before, the clause after it)."""
    s, e, L, R = fr.s, fr.e, fr.L, fr.R
    ends_sentence = trim(f, R, e) is None or R >= e - 1
    if not before_is_content(f, s, L, ends_sentence):
        return None
    before = trim(f, s, L)
    if not (before and f.words_in(*before) >= MIN_CONTENT_WORDS or (before and R < e and f.tok[R].text == ",")):
        return None
    parts = [before]
    if R < e and f.tok[R].text == "," and not has_finite(f, *before):
        after = trim(f, R + 1, e)
        if after:
            parts.append(after)
    return parts


def _content_after(f: Context, fr: Frame) -> tuple[int, int] | None:
    """"X sagte, ...": the clause after the frame, up to a verb coordinated with the cue."""
    cue, e, R, lo, i = fr.cue, fr.e, fr.R, fr.lo, fr.cue.i
    # "festgehalten und versucht zu haben, sie zu ...": what follows the comma belongs to the later
    # verb (not so after a finite cue: "zeigte sich überzeugt, dass ...")
    if f.has_tags and not f.is_finite(i) and any(
            f.tok[k].tag_.startswith("VV") and k != cue.particle and not f.in_marks[k] for k in range(i + 1, R)):
        return None
    start = R if f.is_mark[R] and f.tok[R].text not in (",", ":") else R + 1
    after = trim(f, start, content_end(f, cue, start, e))
    if after and subordinate(f, lo, i) and not f.word(after[0], "content_start"):
        after = reported_after_relative(f, lo, fr.hi, after, cue.verb)
    if after and f.words_in(*after) >= MIN_CONTENT_WORDS and not f.word(after[0], "adverbial_start"):
        return after
    return None

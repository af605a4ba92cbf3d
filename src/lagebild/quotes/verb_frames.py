"""Speech-verb frames: "X sagte, ...", "..., räumte X ein", "Die Nato, wiederholte er, betrachte
...", "X kündigte an: ...", "wie X mitteilte, ...", "Dies bestätigte X", a zu-infinitive ("versprach
zu helfen"), and reported objects ("sprach von einer neuen Phase", "nannte X einen Fehler")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand, Cue
from lagebild.quotes.phrases import clause_left, clause_right, has_finite, is_apposition, name_tail, np_list, trim
from lagebild.quotes.speakers import addressee_in, speaker_in_frame, subject_of
from lagebild.quotes.verb_content import (MIN_CONTENT_WORDS, before_is_content, content_end,
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


def verb_frame(f: Context, cue: Cue, s: int, e: int, earlier) -> Cand | None:
    """The quote of the verb `cue` in sentence [s, e), or None when its frame points at no content."""
    verb, i = cue.verb, cue.i
    L, R = clause_left(f, i, s), clause_right(f, i, e)
    if cue.particle is not None and cue.particle >= R:
        R = clause_right(f, cue.particle, e)
    if L > s and f.tok[L].text == "," and not f.low_in(L + 1, "wie_frame") and (L + 1 == i or is_apposition(f, L + 1, i)):
        # "..., wie Alan Stern, Direktor der NASA(,) betont": the frame opens before the apposition
        k = L
        for _ in range(2):
            L2 = clause_left(f, k, s)
            if L2 + 1 < k and f.low_in(L2 + 1, "wie_frame"):
                L = L2
                break
            if L2 < s or not is_apposition(f, L2 + 1, k):
                break
            k = L2
    lo, hi = L + 1, R
    hi_p = max(hi, cue.particle + 1) if cue.particle is not None and cue.particle < e else hi
    speaker = speaker_in_frame(f, cue, lo, hi_p, earlier)
    if speaker and speaker[1] >= R - 1 and R < e and (f.is_mark[R] or f.tok[R].text == "("):
        longer = name_tail(f, (speaker[0], R), e)  # "meldet die Nachrichtenagentur „Xinhua“, ..."
        if longer[1] > R:
            speaker, R = longer, clause_right(f, longer[1] - 1, e)
            hi = R
            hi_p = max(hi_p, hi)
    if i == lo and speaker is not None and L > s and f.tok[L].text == "," and not f.is_pronoun(speaker[0]):
        # "Lars Schauer, Manager von Energie Cottbus, bezeichnete die Entscheidung als ...": the parse
        # puts the subject before the comma; the NP after the verb is its object, not its speaker
        parsed = subject_of(f, i, s, hi_p)
        subj = trim(f, s, L)
        if parsed and parsed[0] < lo and subj and np_list(f, *subj):
            speaker, lo = subj, s
    if i == lo and speaker is None and L >= s and f.tok[L].text == "," and R < e and f.tok[R].text in (",", ":"):
        # "Der Leiter des Programms, Klaus Stöhr, sagte, ...": the subject is the NP before
        subj = trim(f, s, L)
        if subj and np_list(f, *subj):
            speaker = subj
            lo = s
    if speaker and f.word(speaker[0], "impersonal") and speaker[1] - speaker[0] == 1:
        speaker = None
    if speaker and f.has_tags and f.tok[i].tag_ == "VVPP" and any(
            f.low_in(k, "passive_aux") for k in range(lo, hi_p)) \
            and not any(f.low_in(k, "von") and k + 1 < hi_p for k in range(lo, hi_p)):
        speaker = None  # "Er wird verdächtigt, ...": the subject of a passive frame is not the speaker
    addressee = addressee_in(f, lo, cue.particle if cue.particle is not None and cue.particle > i else hi_p, cue)
    if addressee and speaker and addressee[0] < speaker[1] and speaker[0] < addressee[1]:
        addressee = None
    cue_toks = [i] + ([cue.particle] if cue.particle is not None else [])
    if speaker and R < e - 1 and f.tok[R].text == "," and speaker[1] >= R - 1:
        # "sagte der Direktor der IAEO, Mohammed el-Baradei, Nordkorea besitze ...": skip the apposition
        j = R + 1
        while j < e and f.tok[j].text not in (",", ":", ".", ";"):
            j += 1
        if j < e - 1 and f.tok[j].text in (",", ":") and np_list(f, R + 1, j) and f.words_in(R + 1, j) <= 6 \
                and any(f.is_nounish(x) and f.tok[x].text[:1].isupper() for x in range(R + 1, j)) \
                and not f.word(R + 1, "content_start"):
            speaker, R = (speaker[0], j), j
    # "..., hatte Obama in Moskau gesagt.": a frame that ends the sentence and opens with its finite
    # auxiliary and the speaker is verb-first too
    aux_first = lo < i and f.has_tags and f.tok[lo].tag_ == "VAFIN" and f.tok[i].tag_ == "VVPP" \
        and trim(f, i + 1, e) is None and speaker is not None and speaker[0] == lo + 1 \
        and f.is_named(*speaker) and has_finite(f, s, L)
    verb_first = (i == lo or aux_first) and not (speaker and speaker[1] <= lo)
    before_ok = L >= s and f.tok[L].text in (",", "–", "—", "-")
    after_ok = R < e and (f.tok[R].text in (",", ":") or f.is_mark[R])

    def cand(kind: str, parts) -> Cand | None:
        if verb.key in f.w.get("no_question", ()) and any(f.low_in(a, "question_complementizer") for a, _ in parts):
            return None  # "entscheidet, ob ...": nothing has been said yet
        return Cand(kind, parts, speaker, cue_toks, addressee)

    if after_ok and f.tok[R].text == ":" and verb.takes_clause:
        after = trim(f, R + 1, e)
        if after and f.words_in(*after) >= MIN_CONTENT_WORDS:
            return cand("indirect", [after])
    if verb_first and before_ok and speaker is None and not has_finite(f, s, L) and np_list(f, s, L):
        speaker = (s, L)  # "Der Vorsitzende des Betriebsrats, Stefan Sporn, zeigt sich ...": its subject
        verb_first = False
    ends_sentence = trim(f, R, e) is None or R >= e - 1
    if verb_first and before_ok and verb.takes_clause and before_is_content(f, s, L, ends_sentence):
        before = trim(f, s, L if f.tok[L].text != "–" else L)
        if before and f.words_in(*before) >= MIN_CONTENT_WORDS or (before and R < e and f.tok[R].text == ","):
            parts = [before]
            if R < e and f.tok[R].text == "," and not has_finite(f, *before):
                after = trim(f, R + 1, e)
                if after:
                    parts.append(after)
            return cand("indirect", parts)
    if f.low_in(lo, "wie_frame") and lo < i and verb.takes_clause:
        parts = [p for p in (trim(f, s, L) if L >= s else None, trim(f, R + 1, e) if R < e else None) if p]
        if parts:
            return cand("indirect", parts)
    # "festgehalten und versucht zu haben, sie zu ...": what follows the comma belongs to the later
    # verb (not so after a finite cue: "zeigte sich überzeugt, dass ...")
    later_verb = f.has_tags and not f.is_finite(i) and any(
        f.tok[k].tag_.startswith("VV") and k != cue.particle and not f.in_marks[k] for k in range(i + 1, R))
    if after_ok and verb.takes_clause and not later_verb:
        start = R if f.is_mark[R] and f.tok[R].text not in (",", ":") else R + 1
        after = trim(f, start, content_end(f, cue, start, e))
        if after and subordinate(f, lo, i) and not f.word(after[0], "content_start"):
            after = reported_after_relative(f, lo, hi_p, after, verb)
        if after and f.words_in(*after) >= MIN_CONTENT_WORDS and not f.word(after[0], "adverbial_start"):
            return cand("indirect", [after])
    if verb.takes_clause and not after_ok and speaker is not None:
        bare = bare_zu_infinitive(f, cue, R, speaker, addressee)
        if bare:
            return cand("indirect", [bare])
    if lo < i and f.word(lo, "anaphor") and i == lo + 1 and f.sent_of[s] > 0:
        ps, pe = f.sents[f.sent_of[s] - 1]
        prev = trim(f, ps, pe)
        if prev and f.words_in(*prev) >= 3:
            return cand("indirect", [prev, (lo, lo + 1)])  # "Dies bestätigte X": the anaphor stands for it
    if verb.takes_np and speaker and not any(f.low_in(k, "passive_aux_past") for k in range(lo, hi_p)):
        obj = reported_object(f, cue, lo, hi_p, speaker, addressee)
        if obj:
            return cand("reported", [obj])
    return None


def bare_zu_infinitive(f: Context, cue: Cue, R: int, speaker, addressee) -> tuple[int, int] | None:
    """A zu-infinitive right after the cue without the (optional) comma: "hatte angekündigt bei
    der Wahl erneut anzutreten", "versprach den Opfern schnell zu helfen"."""
    i = cue.i
    if not f.has_tags:
        return None
    end = None
    for k in range(i + 1, R):
        if f.in_marks[k] or f.is_finite(k):
            return None
        if f.tok[k].tag_ == "VVIZU" or (f.tok[k].tag_ == "PTKZU" and k + 1 < R and f.tok[k + 1].tag_.startswith("V")):
            end = k + 1 if f.tok[k].tag_ == "VVIZU" else k + 2
            break
    if end is None:
        return None
    start = i + 1
    for sp in (speaker, addressee):
        if sp and sp[0] <= start < sp[1] or (sp and sp[0] == start):
            start = sp[1]
    if cue.particle is not None and start <= cue.particle < end:
        return None
    part = trim(f, start, end)
    return part if part and f.words_in(*part) >= MIN_CONTENT_WORDS + 1 else None



"""Attributions without a speech verb: "laut X", "nach Angaben X", "X zufolge", ", so X",
"demnach", "..., wonach ...", "..., laut dem ...". The source is the noun phrase the word governs,
the content the rest of the sentence (or clause) around the attribution."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand, Cue
from lagebild.quotes.phrases import (apposition_after, clause_left, clause_right_loose, marked_title_after,
                                     name_tail, np_at, np_before, trim)

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

MIN_WORDS = 3


def find(f: Context, claimed: list[Cand]) -> list[Cand]:
    """One candidate per attribution cue whose source and content are found, in text order."""
    found = []
    for (s, e), cues in zip(f.sents, f.cues):
        for cue in cues:
            build = BY_KIND.get(cue.kind)
            cand = build(f, cue, s, e) if build else None
            if cand:
                found.append(cand)
    return found


def _prep(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"laut X", "nach Angaben der Polizei", "laut „Berliner Zeitung“"."""
    sp = np_at(f, cue.i + 1, e, skip=0)
    if sp is None and f.word(cue.i, "attribution_prep_noun") and cue.i + 2 < e and f.has_tags \
            and f.tok[cue.i + 1].tag_ == "ADV" and f.tok[cue.i + 2].tag_ == "ADJA":
        sp = np_at(f, cue.i + 2, e, skip=0)  # "nach bisher unbestätigten Berichten"
    titled = marked_title_after(f, sp[1] if sp else cue.i + 1)
    if titled:  # laut „Berliner Zeitung“, laut der Zeitung „Die Welt“
        sp = (sp[0] if sp else titled[0], titled[1])
    if sp is None and cue.i + 1 < e and f.tok[cue.i + 1].is_alpha and not f.word(cue.i, "attribution_prep_noun") \
            and not (f.has_tags and f.tok[cue.i + 1].tag_.startswith(("V", "APPR", "ADV", "KO", "PTK"))):
        sp = (cue.i + 1, cue.i + 2)  # "laut taz"; not "laut werden", "laut über ... nachdenken"
    if not sp:
        return None
    sp = apposition_after(f, name_tail(f, sp, e), e)
    return around(f, cue, (cue.i, past_relative(f, sp[1], e)), sp, s, e)


def _postp(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"X zufolge", "Behördenangaben nach"."""
    sp = np_before(f, cue.i, s)
    return around(f, cue, (sp[0], cue.i + 1), sp, s, e) if sp else None


def _so(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"..., so X." and ", so der Präsident laut BBC News / gegenüber dem Spiegel"."""
    sp = np_at(f, cue.i + 1, e, skip=0)
    if not sp:
        return None
    sp = apposition_after(f, sp, e)
    end = sp[1]
    if end < e and (f.lower[end] in f.w.get("attribution_prep", ()) or f.word(end, "addressee_marker")):
        source = np_at(f, end + 1, e, skip=0)
        end = name_tail(f, source, e)[1] if source else end
    return around(f, cue, (cue.i, end), sp, s, e)


def _relative_prep(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"ein Gutachten, laut dem ...", "Umfragen, denen zufolge ...": the source is the noun before."""
    prep_first = f.tok[cue.i - 1].text == ","
    start = cue.i + 2 if prep_first else cue.i + 1
    comma = cue.i - 1 if prep_first else cue.i - 2
    part = trim(f, start, clause_right_loose(f, start, e))
    if part and f.words_in(*part) >= MIN_WORDS:
        return Cand("indirect", [part], np_before(f, comma, s), [cue.i])
    return None


def _relative(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"..., wonach X": the report is the speaker, X what it says."""
    part = trim(f, cue.i + 1, clause_right_loose(f, cue.i, e))
    sp = np_before(f, cue.i - 1, s)
    if part and f.words_in(*part) >= MIN_WORDS:
        return Cand("indirect", [part], sp, [cue.i])
    return None


def _middle(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"Die Rolle soll demnach gestärkt werden": the sentence around the adverb, which stands
    for the source (as a pronoun does, the corpora mark it as the speaker)."""
    return around(f, cue, (cue.i, cue.i + 1), (cue.i, cue.i + 1), s, e)


def _sentence_adverb(f: Context, cue: Cue, s: int, e: int) -> Cand | None:
    """"Demnach soll ...", "Danach hätte ...": the rest of the sentence, said by the report before
    (the adverb that refers to it is the speaker mention)."""
    part = trim(f, cue.i + 1, e)
    if part and f.words_in(*part) >= MIN_WORDS:
        return Cand("indirect", [part], (cue.i, cue.i + 1), [cue.i])
    return None


BY_KIND = {"prep": _prep, "postp": _postp, "so": _so, "relprep": _relative_prep, "rel": _relative,
           "mid": _middle, "adv": _sentence_adverb}


def past_relative(f: Context, k: int, e: int) -> int:
    """End of a source's frame moved past a relative clause on the source: "Nach Angaben der
    Ämter, die mit Daten verglichen wurden, | beträgt ..." (the main clause resumes after it)."""
    if not f.has_tags or k + 2 >= e or f.tok[k].text != ",":
        return k
    nxt = f.tok[k + 1]
    if not (nxt.tag_ in ("PRELS", "PRELAT") or (nxt.tag_ in ("APPR", "APPRART") and f.tok[k + 2].tag_ in ("PRELS", "PRELAT"))):
        return k
    # the relative clause ends at the first comma after its final verb
    end = next((j for j in range(k + 3, e - 1) if f.tok[j].text == "," and f.tok[j - 1].tag_.startswith("V")), None)
    return end + 1 if end is not None else k


def around(f: Context, cue: Cue, frame: tuple[int, int], speaker, s: int, e: int) -> Cand | None:
    """Content around an attribution frame: the sentence minus the frame."""
    colon = next((k for k in range(frame[0] - 1, s - 1, -1) if f.tok[k].text == ":" and not f.in_marks[k]), None)
    if colon is not None:
        s = colon + 1  # "X schloss sich der Kritik an: Die Mittel seien ihrer Meinung nach ..."
    left = clause_left(f, frame[0], s)
    opener = left + 2 if left + 2 < e and f.word(left + 1, "preposition") else left + 1  # ", auf dem ..."
    if left >= s and f.tok[left].text == "," and (
            f.word(left + 1, "adverbial_start") or f.word(left + 1, "content_start") or f.word(opener, "det")
            or f.tok[opener].tag_ in ("PRELS", "KOUS")):
        # "..., weil die Mission nach Angaben der UN überfordert ist": only that clause, which
        # ends at a comma followed by a finite verb (the main clause going on) or at the sentence end
        s = left + 1
        for k in range(frame[1], e - 1):
            if f.tok[k].text == "," and not f.in_marks[k] and f.is_finite(k + 1):
                e = k
                break
    if f.low_in(s, "wie_frame") and s < frame[0]:
        comma = next((k for k in range(s + 2, frame[0]) if f.tok[k].text == ","), None)
        if comma is not None:
            s = comma + 1  # "Wie Steg mitteilte, ist die Energie nach Auffassung der Kanzlerin ...": a frame of its own
    before = frame[0] - 1
    if before > s and (f.word(before, "adverb") or (f.has_tags and f.tok[before].tag_ == "ADV")):
        before -= 1  # "und so nach ersten Angaben ..."
    if before > s + 1 and f.low_in(before, "clause_coordinator") and not f.in_marks[before]:
        s = frame[0]  # "... berührt haben und laut Medienberichten versucht haben, ...": the second conjunct
    parts = [p for p in (trim(f, s, frame[0]), trim(f, frame[1], e)) if p]
    if sum(f.words_in(*p) for p in parts) < 3:
        return None
    return Cand("indirect", parts, speaker, [cue.i])

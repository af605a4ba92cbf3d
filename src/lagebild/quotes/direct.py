"""Direct quotes: quotation-mark pairs, their frames, and the learned quote/scare-quote decision.

Each pair of marks (the outermost of nested pairs) is assessed (`assess`): its features for the
learned table, the frame next to it, the report around it. `find` keeps the pairs the table calls
quotes and gives each its speaker: from the frame next to the marks, else from the report around
them (a fragment inside indirect speech), else from the quote just before (a quote going on in the
next sentence), else from the sentence's subject or the person named in the sentence before.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand
from lagebild.quotes.cues import verb_cue
from lagebild.quotes.direct_table import direct_key, keep_direct
from lagebild.quotes.phrases import clause_left, clause_right, np_at
from lagebild.quotes.speakers import addressee_in, person_in_sentence_before, sentence_subject, speaker_in_frame
from lagebild.quotes.verb_frames import read_frame

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

SENTENCE_END = (".", "!", "?", "…")


@dataclass(frozen=True)
class MarkPair:
    """One pair of quotation marks as the direct-quote decision sees it."""

    open: int
    close: int
    key: str  # the fine key of the learned table (`direct_key`)
    keep: bool
    n_words: int
    framed: bool  # a speech-verb frame right before or after the marks
    cue: list[int] | None
    speaker: tuple[int, int] | None
    addressee: tuple[int, int] | None
    inherit: Cand | None  # the indirect quote the marks are a fragment of (when unframed)


def assess(f: Context, frames: list[Cand]) -> list[MarkPair]:
    """Every outermost pair of marks with words in it, with its features and the keep decision."""
    out: list[MarkPair] = []
    pairs = f.mark_pairs
    spans = [(q.start, q.end, q) for q in frames if q.type != "direct"]
    for o, c in pairs:
        if any(oo < o and c < cc for oo, cc in pairs):
            continue  # a quote inside a quote belongs to the outer one
        n_words = f.words_in(o + 1, c)
        if n_words == 0:
            continue
        first_person = any(f.word(k, "first_person") for k in range(o + 1, c))
        enclosing = next((q for qs, qe, q in spans if qs <= o and c < qe + 1
                          and {k for k in range(o + 1, c) if not f.is_punct(k)} <= q.tokens() | {o, c}
                          and not made_of(f, q, o, c)), None)
        cue, speaker, addressee = frame_next_to(f, o, c)
        framed = cue is not None
        inherit = enclosing if enclosing and not cue else None
        if inherit is not None:
            cue, addressee = list(inherit.cue), inherit.addressee  # a fragment shares its report's frame
        title = all(f.tok[k].text[:1].isupper() for k in range(o + 1, c) if f.tok[k].is_alpha)
        sentence_cue = f.has_cue(f.sent_of[o]) or f.has_cue(f.sent_of[c])
        clause_verb, naming = (None, False) if framed else clause_cue(f, o, c)
        inside = enclosing is not None or (not framed and in_konjunktiv_sentence(f, o, c))
        clause = 0 if clause_verb is None else 1 + naming
        key = direct_key(n_words, inside, first_person, framed, title, sentence_cue, clause)
        keep = keep_direct(f.direct_table, key, n_words, inside, first_person, framed,
                           sentence_like=f.tok[c - 1].text in SENTENCE_END, clause_cue=clause)
        if not cue and clause_verb is not None:
            cue = clause_verb  # "bezeichnete X als „…“": the naming verb is the cue
        out.append(MarkPair(o, c, key, keep, n_words, framed, cue, speaker, addressee, inherit))
    return out


def find(f: Context, frames: list[Cand]) -> list[Cand]:
    """One candidate per kept pair of marks; `frames` are the frame quotes found before."""
    out: list[Cand] = []
    for m in assess(f, frames):
        if not m.keep:
            continue
        o, c, speaker, inherit = m.open, m.close, m.speaker, m.inherit
        if not m.framed and not inherit:
            prev = out[-1] if out else None
            if prev and f.sent_of[o] - f.sent_of[prev.end - 1] <= 1 and m.n_words >= 4:
                inherit = prev
            else:
                speaker = sentence_subject(f, o, c)
                first = f.sentence_of(o)[0]
                if speaker is None and m.n_words >= 4 and (f.is_mark[first] or o == first):
                    speaker = person_in_sentence_before(f, o)
        out.append(Cand("direct", [(o + 1, c)], speaker, m.cue or [], m.addressee, inherit=inherit))
    return out


def made_of(f: Context, q: Cand, o: int, c: int) -> bool:
    """True when the candidate q is (almost) only the text of the quotation marks o..c."""
    toks = {k for k in q.tokens() if not f.is_punct(k)}
    return bool(toks) and all(o < k < c for k in toks)


def frame_next_to(f: Context, o: int, c: int):
    """Cue, speaker and addressee of the frame right after or right before the marks o..c."""
    # after: „…“, sagte er. / „…“ sagte er. / „…“, so X.
    j = c + 1
    if j < f.n and f.tok[j].text == ",":
        j += 1
    if j < f.n and f.sent_of[j] in (f.sent_of[c], f.sent_of[c] + 1) and not f.is_punct(j):
        s, e = f.sents[f.sent_of[j]]
        e = max(e, j + 1)
        if f.lower[j] in f.w.get("parenthetical", ()):
            sp = np_at(f, j + 1, e, skip=0)
            if sp:
                return [j], sp, None
        cue = verb_cue(f, j, j, e)
        if cue:
            hi = clause_right(f, j, e)
            hi = max(hi, cue.particle + 1) if cue.particle is not None else hi
            sp = speaker_in_frame(f, cue, j, hi, [])
            return [j] + ([cue.particle] if cue.particle is not None else []), sp, addressee_in(f, j, hi, cue)
    # before: X sagte: „…“ / X sagte, „…“ / X erklärte gegenüber Y: „…“
    k = o - 1
    if k >= 0 and f.tok[k].text in (":", ","):
        s, _ = f.sents[f.sent_of[k]]
        lo = clause_left(f, k, s) + 1
        for v in range(k - 1, lo - 1, -1):
            if f.in_marks[v]:
                continue
            cue = verb_cue(f, v, lo, k)
            if cue:
                # the frame's own reading finds a subject before its comma ("X, Y, äußerte sich: „…“")
                sp = speaker_in_frame(f, cue, lo, k, []) or read_frame(f, cue, s, k + 1, []).speaker
                return [v] + ([cue.particle] if cue.particle is not None else []), sp, addressee_in(f, lo, k, cue)
        if f.tok[k].text == ":":
            sp = sentence_subject(f, lo, k)
            if sp:
                return [], sp, None
    return None, None, None


def in_konjunktiv_sentence(f: Context, o: int, c: int) -> bool:
    """Do the marks o..c stand in a Konjunktiv-I sentence ("Damit seien „der Kurs und ..."),
    i.e. inside reported speech that the free-indirect step will find later?"""
    s, e = f.sents[f.sent_of[o]]
    return any(f.is_ki(k) for k in range(s, e) if not (o <= k <= c) and not f.in_marks[k] and f.is_finite(k))


def clause_cue(f: Context, o: int, c: int) -> tuple[list[int] | None, bool]:
    """Cue tokens of a speech verb in the clause around the marks o..c, outside any marks
    ("Von einer „gezielten Indiskredition“ sprach X", "hatte den Bericht als „falsch“
    zurückgewiesen"): marks in a speech verb's own clause are more often somebody's words; and
    whether the marks are what the verb names (after "als" or the verb's preposition, or the
    complement of a naming verb such as "nennen"), where they are most often a quote."""
    s, e = f.sents[f.sent_of[o]]
    if o > s and f.is_nounish(o - 1):
        return None, False  # "die Zeitung „Hürriyet“", "der Roman „Atemschaukel“": a name, not words
    if any(ent.start <= o + 1 and c <= ent.end for ent in f.ents):
        return None, False  # "die „Süddeutsche Zeitung“ berichtete": the marks hold a name
    if f.has_parse and any(f.tok[k].dep_.startswith("nsubj") and not o < f.tok[k].head.i < c for k in range(o + 1, c)):
        return None, False  # the marks are the subject ("schreibt die „Computerwoche“"): a source's name
    lo, hi = clause_left(f, o, s), clause_right(f, c, e)
    b = o - 1
    while b > lo and f.has_tags and f.tok[b].tag_ in ("ART", "ADJA", "PPOSAT", "PIAT", "PIDAT", "ADV"):
        b -= 1
    found = None
    for k in range(lo + 1, hi):
        if f.in_marks[k] or f.is_mark[k] or o <= k <= c:
            continue
        cue = verb_cue(f, k, s, e)
        if cue is not None and not f.word(k, "aux"):
            naming = b > lo and (f.low_in(b, "predicative") or (cue.verb.prep and f.lower[b] == cue.verb.prep)
                                 or (cue.verb.takes_np and k < o))
            toks = [k] + ([cue.particle] if cue.particle is not None else [])
            if naming:  # "bestätigte X nicht und nannte sie „reine Spekulation“": the naming verb
                return toks, True
            found = found or (toks, False)
    return found or (None, False)

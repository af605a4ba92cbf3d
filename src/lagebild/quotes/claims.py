"""Which candidates stand: frame quotes that overlap an earlier one give way or split it; a frame
whose content is one direct quote hands that quote its cue and speaker; a direct fragment inside
free indirect speech is said by its speaker; "heißt es" has no speaker."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand
from lagebild.quotes.direct import made_of
from lagebild.quotes.phrases import trim

if TYPE_CHECKING:
    from lagebild.quotes.context import Context


def resolve_frames(f: Context, found: list[Cand]) -> list[Cand]:
    """The frame quotes that stand, in cue order: content that is a relative clause or a verbless
    apposition goes; a quote whose tokens are mostly taken already stands only where it can split
    the earlier one."""
    ordered = sorted((q for q in found if not is_verbless(f, q) and not is_relative_content(f, q)),
                     key=lambda q: q.cue[0])
    accepted: list[Cand] = []
    taken: set[int] = set()
    for q in ordered:
        toks = q.tokens()
        if toks and len(toks & taken) > 0.5 * len(toks):
            outer = next((a for a in reversed(accepted) if a.tokens() & toks), None)
            if outer is None or not split_for(f, outer, q):
                continue
        accepted.append(q)
        taken |= toks
    return accepted


def merge_framed_directs(f: Context, frames: list[Cand], directs: list[Cand]) -> list[Cand]:
    """Frames and direct quotes; a frame whose whole content is one direct quote gives that quote
    its cue and speaker and goes."""
    kept = []
    for q in frames:
        twin = next((d for d in directs if d.start <= q.end and q.start <= d.end
                     and made_of(f, q, d.parts[0][0] - 1, d.parts[0][1])), None)
        if twin is not None:
            if not twin.cue:
                twin.cue, twin.speaker, twin.addressee, twin.inherit = q.cue, q.speaker, q.addressee or twin.addressee, q.inherit
            continue
        kept.append(q)
    return kept + directs


def attach_fragments(directs: list[Cand], free: list[Cand]) -> None:
    """A direct fragment without a frame inside free indirect speech is said by its speaker."""
    for d in directs:
        if not d.cue and d.inherit is None:
            outer = next((q for q in free if q.start <= d.start and d.end <= q.end), None)
            if outer is not None:
                d.inherit, d.speaker = outer, None


def drop_impersonal_speakers(f: Context, cands: list[Cand]) -> None:
    """"heißt es", "so hieß es": no speaker."""
    for q in cands:
        if q.speaker and q.speaker[1] - q.speaker[0] == 1 and f.word(q.speaker[0], "impersonal"):
            q.speaker = None


def drop_speakers_inside(f: Context, cands: list[Cand]) -> None:
    """A speaker inside the quotation marks of a direct quote is a phrase of what was said ("Und:
    „Die Gefahren sind real“" has no speaker "Die Gefahren"): the quote goes on from the quote
    right before it, in the same or the sentence before, or has no speaker. (A reported or
    indirect quote's span may hold its speaker: "Die Veranstalter schätzten 2.000 Teilnehmer".)"""
    for n, q in enumerate(cands):
        if q.type != "direct" or q.speaker is None or not any(s <= q.speaker[0] and q.speaker[1] <= e for s, e in q.parts):
            continue
        q.speaker = None
        prev = cands[n - 1] if n else None
        if prev is not None and prev.end <= q.start and f.sent_of[q.start] - f.sent_of[prev.end - 1] <= 1:
            q.inherit = prev


def split_for(f: Context, outer: Cand, inner: Cand) -> bool:
    """Make room for `inner`, a later frame inside `outer`'s content: an attribution ("nach
    Angaben der UN") stays nested; a second frame after a comma ends the outer content."""
    if inner.cue and inner.cue[0] in outer.tokens() and f.lower[inner.cue[0]] in (
            f.w.get("attribution_prep", set()) | f.w.get("attribution_prep_noun", set())):
        return True
    last = outer.parts[-1]
    if inner.start > last[0] + 2 and f.tok[inner.start - 1].text == "," and inner.start < last[1]:
        cut = trim(f, last[0], inner.start - 1)
        if cut:
            outer.parts[-1] = cut
            return True
    return False


def is_relative_content(f: Context, q: Cand) -> bool:
    """Content that is a relative clause or a result clause after a comma ("..., die am Montag
    veröffentlicht wurde", "..., in der es heißt", "..., so dass ...") describes a noun or a
    consequence; it is not what the frame's speaker said."""
    if q.type != "indirect" or not f.has_tags:
        return False
    a = q.parts[0][0]
    if a == 0 or f.tok[a - 1].text != ",":
        return False
    b = q.parts[0][1]
    if any(f.is_finite(k) and "Sub" in f.tok[k].morph.get("Mood") for k in range(a, b) if not f.in_marks[k]):
        return False  # "..., die mit seinem Sieg Auftrieb erfahren hätten": reported all the same
    if q.cue and a < q.cue[0] < q.end and f.low_in(q.cue[0], "inner_attribution"):
        return False  # "..., die nach Angaben der Polizei die Bombe enthielt": the attribution is inside
    tag, low = f.tok[a].tag_, f.lower[a]
    nxt = f.tok[a + 1].tag_ if a + 1 < f.n else ""
    if tag in ("PRELS", "PRELAT") and low not in f.w.get("free_relative", ()):
        return True
    if tag in ("APPR", "APPRART") and nxt in ("PRELS", "PRELAT"):
        return True
    return a + 1 < f.n and f"{low} {f.lower[a + 1]}" in f.w.get("result_clause", ())


def is_verbless(f: Context, q: Cand) -> bool:
    """Indirect content without any verb ("kritisierte die Politikerin der Grünen, Anja Hajduk,
    ..." -> "Anja Hajduk") is an apposition or a title the frame misread, not what was said."""
    if q.type != "indirect" or not f.has_tags or not q.cue or not f.doc[q.cue[0]].tag_.startswith("V"):
        return False  # "laut X, 20 Tote": an attribution may report a bare noun phrase
    if any(b - a == 1 and f.word(a, "anaphor") for a, b in q.parts):
        return False  # "X. Dies geht aus ... hervor": the sentence before, whatever the tagger made of it
    return not any(f.tok[k].tag_.startswith("V") for a, b in q.parts for k in range(a, b))

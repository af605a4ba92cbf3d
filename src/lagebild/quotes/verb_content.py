"""What a speech-verb frame reports: where the content after the frame ends, whether the clause
before it is content, a reported object ("sprach von ..."), a bare zu-infinitive, content inside
relative clauses."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cue
from lagebild.quotes.context import BOUNDARY, END_PUNCT
from lagebild.quotes.phrases import has_finite, np_at, np_list, trim

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

MIN_CONTENT_WORDS = 2


def content_end(f: Context, cue: Cue, start: int, e: int) -> int:
    """Where the content after a frame ends: before a verb coordinated with the cue verb
    ("sagte, sie müssten ... aufgeben und bemühte das Bild ...", "erklärt, er sei unschuldig,
    erkannte ... nicht an"), found from the parse, else from tags and mood."""
    cue_tok = f.tok[cue.i]
    anchors = {cue.i, cue_tok.head.i} if f.has_parse else set()
    seen_finite = False
    subordinate = start < min(e, f.n) and f.low_in(start, "complementizer")
    zu_clause = False  # a zu-infinitive with no finite verb before it: "die Passagiere zu evakuieren"
    for k in range(start + 1, e):
        if f.in_marks[k]:
            continue
        tok = f.tok[k]
        if subordinate and f.lower[k - 1] == "," and f.is_finite(k) and f.has_tags and tok.tag_ != "VVFIN":
            return k - 1  # "..., dass er gesucht werde, hatte dieser versucht ...": the main clause goes on
        if zu_clause and f.lower[k - 1] == "," and f.is_finite(k):
            return k - 1  # "..., die Passagiere zu evakuieren, erteilten sie den Befehl"
        if f.has_tags and tok.tag_ in ("PTKZU", "VVIZU") and not seen_finite:
            zu_clause = True
        if f.lower[k - 1] == "," and f.lower[k] in f.w.get("parenthetical", ()) and k + 1 < e \
                and np_at(f, k + 1, e, skip=0):
            return k - 1  # a second frame: "..., die Grenze zu öffnen, so Nasrallah im Fernsehen"
        if f.has_parse and tok.dep_ == "conj" and tok.head.i in anchors and tok.i > start + 2 \
                and tok.tag_.startswith("V") and not tok.tag_.endswith(("INF", "IZU")) \
                and not any(f.tok[x].tag_ == "PTKZU" for x in range(k + 1, min(e, k + 5))) \
                and "Sub" not in tok.morph.get("Mood"):  # an infinitive ("... anbieten zu wollen") is content
            cut = k
        elif f.has_tags and seen_finite and tok.tag_ == "VVFIN" and "Ind" in tok.morph.get("Mood") \
                and (f.lower[k - 1] == "," or f.low_in(k - 1, "verb_coordinator")):
            cut = k
        else:
            seen_finite |= f.is_finite(k)
            continue
        while cut > start and (f.lower[cut - 1] == "," or f.low_in(cut - 1, "verb_coordinator")
                                 or f.low_in(cut - 1, "contrast_adverb")):
            cut -= 1
        return cut
    return e


def reported_object(f: Context, cue: Cue, lo: int, hi: int, speaker, addressee) -> tuple[int, int] | None:
    """The object of a reporting verb: "sprach von einer neuen Phase", "nannte den Terrorismus"."""
    i = cue.i
    hi = past_marks(f, hi)
    if i < hi - 1 and not (cue.particle is not None and cue.particle == i + 1):
        a, b = i + 1, hi
        if speaker and speaker[0] <= a + 2 and speaker[0] >= a:
            a = speaker[1]
    else:  # verb at the end: "hatte zuvor X als Y genannt"
        a, b = lo, i
        for k in range(lo, i):
            if f.is_finite(k):
                a = k + 1
                break
        if speaker and speaker[0] >= a and speaker[0] <= a + 1:
            a = speaker[1]
    if cue.particle is not None and a <= cue.particle < b:
        b = cue.particle
    if cue.verb.prep:
        at = next((k for k in range(a, b) if f.lower[k] == cue.verb.prep), None)
        if at is None and cue.verb.complement == "np":
            return None  # "sprach mit X" is no report; "sprach von X" is
        if cue.verb.prep not in f.w.get("predicative", ()):  # "bezeichnete die Pläne als Wortbruch": object and predicate
            a = at if at is not None else a
    if addressee and addressee[0] >= a and addressee[1] <= b and addressee[0] <= a + 1:
        a = addressee[1]
    while a < b and (f.word(a, "adverb") or (f.has_tags and f.tok[a].tag_ in ("ADV", "PTKNEG"))):
        a += 1
    span = trim(f, a, b)
    if not span or f.words_in(*span) < MIN_CONTENT_WORDS:
        return None
    if f.has_tags and f.doc[span[0]].tag_ in ("PRF", "PPER"):
        return None  # "nannte sich selbst gerne ...": no reported object
    if f.has_tags and not cue.verb.prep and f.doc[span[0]].tag_ in ("APPR", "APPRART"):
        # "machte bei der Gelegenheit „ein neues Niveau“ aus": the object follows the adverbial
        k = next((x for x in range(span[0] + 1, span[1]) if f.tok[x].tag_ in ("NN", "NE")), None)
        span = trim(f, k + 1, span[1]) if k is not None else None
        if not span or f.words_in(*span) < MIN_CONTENT_WORDS:
            return None
    return span


def past_marks(f: Context, hi: int) -> int:
    """The clause end `hi` moved past quotation marks that open there: the object of "nannte den
    Bericht eine „Zeitungsente“" or "sprach von einer „Krise“ im Land" goes on inside and after them."""
    if hi >= f.n or not f.is_mark[hi]:
        return hi
    e = f.sents[f.sent_of[hi]][1]
    close = {o: c for o, c in f.mark_pairs}
    k = hi
    while k < e:
        if k in close:
            k = close[k] + 1
        elif f.tok[k].text in BOUNDARY or f.tok[k].text in END_PUNCT or f.is_mark[k]:
            break
        else:
            k += 1
    return k


def reported_after_relative(f: Context, lo: int, hi: int, after: tuple[int, int], verb) -> tuple[int, int] | None:
    """What a frame inside a relative clause reports, if anything: a Konjunktiv-I clause
    ("von dem die Polizei glaubt, er sei ...") or a zu-infinitive up to its comma ("denen
    Correa vorwirft, Urheber der Krise zu sein, ..."); nothing after a passive frame ("die zum
    Katastrophengebiet erklärt wurde, ...")."""
    a, b = after
    if not f.has_tags or f.tok[a].tag_.startswith(("PREL", "PW", "KOUS")):
        return None
    if any(f.low_in(k, "passive_aux") for k in range(lo, hi)) \
            and verb.key not in f.w.get("accusation", ()):
        return None  # "die zum Katastrophengebiet erklärt wurde, ...", but "die beschuldigt werden, ... zu sein"
    first = next((k for k in range(a, min(b, a + 6)) if f.is_finite(k)), None)
    if first is None:
        end = next((k for k in range(a, b) if f.tok[k].text in (",", ";")), b)
        return trim(f, a, end) if any(f.tok[k].tag_ in ("PTKZU", "VVIZU") for k in range(a, end)) else None
    return after if f.is_ki(first) else None


def before_is_content(f: Context, s: int, L: int, frame_ends_sentence: bool = False) -> bool:
    """Is [s, L) the content of a frame that follows it, or only the first constituent of the
    frame's own clause ("Nachdem ... war, forderten beide", "In der Resolution, die ...
    angenommen wurde, heißt es:")? A frame that ends the sentence after a whole main clause
    ("Als Kämpfer die Stadt einnahmen, töteten sie ..., teilten die UN mit.") has it as content."""
    if f.word(s, "adverbial_start") or (f.has_tags and f.tok[s].tag_ == "KOUS" and not f.word(s, "content_start")):
        return frame_ends_sentence and f.has_tags and any(
            f.tok[k].text == "," and f.is_finite(k + 1) for k in range(s + 2, L - 1))
    for k in range(s + 1, L):
        if f.tok[k].text == "," and k + 1 < L and (f.tok[k + 1].tag_ == "PRELS" or (not f.has_tags and f.word(k + 1, "det"))):
            return has_finite(f, s, k) and not np_list(f, s, k)
    return True


def subordinate(f: Context, lo: int, i: int) -> bool:
    """Is the frame lo..i a relative clause ("die vor Fetten warnt", "was er verkündet")? Its
    verb then does not introduce what follows the comma ("indem er sagte, ..." still does)."""
    if lo >= i or f.low_in(lo, "wie_frame"):
        return False
    if f.has_tags:
        return f.tok[lo].tag_ in ("PRELS", "PRELAT", "PWS") or (
            f.tok[lo].tag_ == "APPR" and lo + 1 < i and f.tok[lo + 1].tag_ in ("PRELS", "PRELAT"))
    return lo > 0 and f.tok[lo - 1].text == "," and (f.word(lo, "det") or f.low_in(lo, "relative_start"))


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

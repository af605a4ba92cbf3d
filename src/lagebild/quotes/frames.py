"""Build quote candidates from the cues of each sentence, then direct and free indirect quotes.

Reading order of one article: (1) every sentence's cues (speech verbs, "laut", "zufolge", "nach
Angaben", ", so X") with the content their frame points at; (2) the quotation-mark pairs, which
take their speaker from the frame next to them or from the quote around them, and are kept or
dropped as scare quotes by a table learned from WikiNews; (3) Konjunktiv-I sentences without a
frame, which continue the speaker of the sentence before.
"""
from __future__ import annotations

from lagebild.quotes.rules import Cand, Cue, Finder

MIN_CONTENT_WORDS = 2
# Used when no learned table (models/de_quotes/direct_table.json) is there: keep a quotation-mark
# span as a quote when it is long, first person, or a multi-word fragment inside reported speech.
FALLBACK_MIN_WORDS = 8
# Keep a quotation-mark span when P(quote) from the learned table reaches this. WikiNews marks
# about half of the short unframed fragments as quotes; lagebild treats such scare quotes and
# titles as no quotes ("neue Qualität"), so the threshold sits a little above the coin flip.
DIRECT_THRESHOLD = 0.55


def _bucket(n: int) -> int:
    return min(n, 8)


def direct_key(n_words: int, inside: bool, first_person: bool, framed: bool | None = None,
               title: bool | None = None, sentence_cue: bool | None = None) -> str:
    """Key of the learned direct-quote table: length bucket, inside reported speech, first person
    (and, in the fine key, a frame next to the marks, all words capitalised, a cue in the sentence)."""
    key = f"{_bucket(n_words)}|{int(inside)}|{int(first_person)}"
    if framed is not None:
        key += f"|{int(framed)}|{int(bool(title))}|{int(bool(sentence_cue))}"
    return key


def backoff_keys(fine: str) -> list[str]:
    """The fine key and its coarser versions: without title and sentence cue, then without frame."""
    f = fine.split("|")
    return ["|".join(f), "|".join(f[:4]), "|".join(f[:3])]


class Builder:
    """Candidates of one Doc; `run()` returns them in text order."""

    def __init__(self, finder: Finder, sentence_model=None):
        self.f = finder
        self.sentence_model = sentence_model
        self.cands: list[Cand] = []
        self.direct_log: list[str] = []  # feature key of every quotation-mark pair, for training
        self.direct_pairs: list[tuple[int, int]] = []
        self.sents_with_cue: set[int] = set()

    # ------------------------------------------------------------ cues of a sentence
    def cues(self, s: int, e: int) -> list[Cue]:
        f, out = self.f, []
        for i in range(s, e):
            if f.in_marks[i] or f.is_punct(i):
                continue
            low = f.lower[i]
            if low in f.w.get("attribution_prep", ()):
                out.append(Cue(i, None, kind="prep"))
            elif low in f.w.get("attribution_prep_noun", ()) and any(
                    f.is_source_noun(k) for k in range(i + 1, min(i + 4, e))):
                out.append(Cue(i, None, kind="prep"))
            elif low in f.w.get("attribution_prep_noun", ()) and i > s and f.is_source_noun(i - 1):
                out.append(Cue(i, None, kind="postp"))
            elif low in f.w.get("attribution_rel", ()) and i > s and f.doc[i - 1].text == ",":
                out.append(Cue(i, None, kind="rel"))
            elif low in f.w.get("attribution_postp", ()):
                out.append(Cue(i, None, kind="postp"))
            elif low in f.w.get("attribution_adv", ()) and i <= s + 1:
                out.append(Cue(i, None, kind="adv"))
            elif low in f.w.get("parenthetical", ()) and i > s and f.doc[i - 1].text in (",", "–", "—", "-"):
                sp = f.np_at(i + 1, e, skip=0)
                if sp and (sp[1] >= e - 1 or f.is_boundary(sp[1]) or f.word(sp[1], "adverb")):
                    out.append(Cue(i, None, kind="so"))
            else:
                cue = f.verb_cue(i, s, e)
                if cue:
                    out.append(cue)
        return out

    def sentence_frames(self, s: int, e: int) -> list[Cand]:
        f = self.f
        found: list[Cand] = []
        done: list[tuple[Cue, tuple[int, int] | None]] = []
        cues = self.cues(s, e)
        if cues:
            self.sents_with_cue.add(f.sent_of[s])
        for cue in cues:
            cand = None
            if cue.kind == "verb":
                cand = self.verb_frame(cue, s, e, done)
            elif cue.kind == "prep":
                sp = f.np_at(cue.i + 1, e, skip=0)
                if sp is None and cue.i + 1 < e and f.doc[cue.i + 1].is_alpha and f.lower[cue.i] != "nach":
                    sp = (cue.i + 1, cue.i + 2)  # "laut taz"
                if sp:
                    cand = self._around(cue, (cue.i, sp[1]), sp, s, e)
            elif cue.kind == "postp":
                sp = f.np_before(cue.i if f.lower[cue.i] != "nach" else cue.i, s)
                if sp:
                    cand = self._around(cue, (sp[0], cue.i + 1), sp, s, e)
            elif cue.kind == "so":
                sp = f.np_at(cue.i + 1, e, skip=0)
                if sp:
                    cand = self._around(cue, (cue.i, sp[1]), sp, s, e)
            elif cue.kind == "rel":  # "..., wonach X": the report is the speaker, X what it says
                part = f.trim(cue.i + 1, f.clause_right_loose(cue.i, e))
                sp = f.np_before(cue.i - 1, s)
                if part and f.words_in(*part) >= 3:
                    cand = Cand("indirect", [part], sp, [cue.i])
            elif cue.kind == "adv":
                part = f.trim(cue.i + 1, e)
                if part and f.words_in(*part) >= 3:
                    cand = Cand("indirect", [part], None, [cue.i])
            if cand:
                found.append(cand)
                done.append((cue, cand.speaker))
            else:
                done.append((cue, None))
        return found

    def _around(self, cue: Cue, frame: tuple[int, int], speaker, s: int, e: int) -> Cand | None:
        """Content around an attribution frame: the sentence minus the frame."""
        f = self.f
        left = f.clause_left(frame[0], s)
        if left >= s and f.doc[left].text == "," and (f.word(left + 1, "adverbial_start") or f.word(left + 1, "content_start")
                                                      or f.word(left + 1, "det") or f.doc[left + 1].tag_ in ("PRELS", "KOUS")):
            s = left + 1  # "..., weil die Mission nach Angaben der UN überfordert ist": only that clause
            e = min(e, f.clause_right(frame[1] - 1, e) if frame[1] < e else e)
        parts = [p for p in (f.trim(s, frame[0]), f.trim(frame[1], e)) if p]
        if sum(f.words_in(*p) for p in parts) < 3:
            return None
        return Cand("indirect", parts, speaker, [cue.i])

    def verb_frame(self, cue: Cue, s: int, e: int, done) -> Cand | None:
        f, verb, i = self.f, cue.verb, cue.i
        L, R = f.clause_left(i, s), f.clause_right(i, e)
        if cue.particle is not None and cue.particle >= R:
            R = f.clause_right(cue.particle, e)
        lo, hi = L + 1, R
        hi_p = max(hi, cue.particle + 1) if cue.particle is not None and cue.particle < e else hi
        speaker = f.speaker_in_frame(cue, lo, hi_p, done)
        if i == lo and speaker is None and L >= s and f.doc[L].text == "," and R < e and f.doc[R].text in (",", ":"):
            # "Der Leiter des Programms, Klaus Stöhr, sagte, ...": the subject is the NP before
            subj = f.trim(s, L)
            if subj and f.np_list(*subj):
                speaker = subj
                lo = s
        if speaker and f.word(speaker[0], "impersonal") and speaker[1] - speaker[0] == 1:
            speaker = None
        addressee = f.addressee_in(lo, cue.particle if cue.particle is not None and cue.particle > i else hi_p, cue)
        if addressee and speaker and addressee[0] < speaker[1] and speaker[0] < addressee[1]:
            addressee = None
        cue_toks = [i] + ([cue.particle] if cue.particle is not None else [])
        verb_first = i == lo and not (speaker and speaker[1] <= i)
        before_ok = L >= s and f.doc[L].text in (",", "–", "—", "-")
        after_ok = R < e and (f.doc[R].text in (",", ":") or f.is_mark[R])

        def cand(kind: str, parts) -> Cand:
            return Cand(kind, parts, speaker, cue_toks, addressee)

        if after_ok and f.doc[R].text == ":" and verb.takes_clause:
            after = f.trim(R + 1, e)
            if after and f.words_in(*after) >= MIN_CONTENT_WORDS:
                return cand("indirect", [after])
        if verb_first and before_ok and verb.takes_clause and self._before_is_content(s, L):
            before = f.trim(s, L if f.doc[L].text != "–" else L)
            if before and f.words_in(*before) >= MIN_CONTENT_WORDS or (before and R < e and f.doc[R].text == ","):
                parts = [before]
                if R < e and f.doc[R].text == "," and not self._has_finite(*before):
                    after = f.trim(R + 1, e)
                    if after:
                        parts.append(after)
                return cand("indirect", parts)
        if f.lower[lo] == "wie" and lo < i and verb.takes_clause:
            parts = [p for p in (f.trim(s, L) if L >= s else None, f.trim(R + 1, e) if R < e else None) if p]
            if parts:
                return cand("indirect", parts)
        if after_ok and verb.takes_clause:
            start = R if f.is_mark[R] and f.doc[R].text not in (",", ":") else R + 1
            after = f.trim(start, self.content_end(cue, start, e))
            if after and f.words_in(*after) >= MIN_CONTENT_WORDS and not f.word(after[0], "adverbial_start") \
                    and (not self._subordinate(lo, i) or f.word(after[0], "content_start")):
                return cand("indirect", [after])
        if lo < i and f.word(lo, "anaphor") and i == lo + 1 and f.sent_of[s] > 0:
            ps, pe = f.sents[f.sent_of[s] - 1]
            prev = f.trim(ps, pe)
            if prev and f.words_in(*prev) >= 3:
                return cand("indirect", [prev])
        if verb.takes_np and speaker and not any(f.lower[k] in ("worden", "wurde", "wurden") for k in range(lo, hi_p)):
            obj = self.reported_object(cue, lo, hi_p, speaker, addressee)
            if obj:
                return cand("reported", [obj])
        return None

    def _subordinate(self, lo: int, i: int) -> bool:
        """Is the frame lo..i a relative or adverbial clause ("die vor Fetten warnt", "ob er
        entscheidet")? Its verb then does not introduce what follows the comma."""
        f = self.f
        if lo >= i or f.lower[lo] == "wie":
            return False
        if f.has_tags and f.doc[lo].tag_ in ("PRELS", "PRELAT", "PWS", "KOUS", "PWAV"):
            return True
        return lo > 0 and f.doc[lo - 1].text == "," and (
            f.word(lo, "det") or f.word(lo, "adverbial_start") or f.lower[lo] in ("was", "wer", "wo"))

    def _before_is_content(self, s: int, L: int) -> bool:
        """Is [s, L) the content of a frame that follows it, or only the first constituent of the
        frame's own clause ("Nachdem ... war, forderten beide", "In der Resolution, die ...
        angenommen wurde, heißt es:")?"""
        f = self.f
        if f.word(s, "adverbial_start") or (f.has_tags and f.doc[s].tag_ == "KOUS" and not f.word(s, "content_start")):
            return False
        for k in range(s + 1, L):
            if f.doc[k].text == "," and k + 1 < L and (f.doc[k + 1].tag_ == "PRELS" or (not f.has_tags and f.word(k + 1, "det"))):
                return self._has_finite(s, k) and not f.np_list(s, k)
        return True

    def content_end(self, cue: Cue, start: int, e: int) -> int:
        """Where the content after a frame ends: before a verb coordinated with the cue verb
        ("sagte, sie müssten ... aufgeben und bemühte das Bild ...", "erklärt, er sei unschuldig,
        erkannte ... nicht an"), found from the parse, else from tags and mood."""
        f = self.f
        cue_tok = f.doc[cue.i]
        anchors = {cue.i, cue_tok.head.i} if f.has_parse else set()
        seen_finite = False
        for k in range(start + 1, e):
            if f.in_marks[k]:
                continue
            tok = f.doc[k]
            if f.has_parse and tok.dep_ == "conj" and tok.head.i in anchors and tok.i > start + 2 \
                    and tok.tag_.startswith("V") and "Sub" not in tok.morph.get("Mood"):
                cut = k
            elif f.has_tags and seen_finite and tok.tag_ == "VVFIN" and "Ind" in tok.morph.get("Mood") \
                    and f.lower[k - 1] in (",", "und", "aber", "sowie", "oder"):
                cut = k
            else:
                seen_finite |= f.is_finite(k)
                continue
            while cut > start and f.lower[cut - 1] in (",", "und", "aber", "sowie", "oder", "doch", "jedoch"):
                cut -= 1
            return cut
        return e

    def _has_finite(self, s: int, e: int) -> bool:
        f = self.f
        if f.has_tags:
            return any(f.doc[k].tag_ in ("VVFIN", "VAFIN", "VMFIN") for k in range(s, e))
        return f.words_in(s, e) > 4

    def reported_object(self, cue: Cue, lo: int, hi: int, speaker, addressee) -> tuple[int, int] | None:
        """The object of a reporting verb: "sprach von einer neuen Phase", "nannte den Terrorismus"."""
        f, i = self.f, cue.i
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
            a = at if at is not None else a
        if addressee and addressee[0] >= a and addressee[1] <= b and addressee[0] <= a + 1:
            a = addressee[1]
        while a < b and (f.word(a, "adverb") or (f.has_tags and f.doc[a].tag_ in ("ADV", "PTKNEG"))):
            a += 1
        span = f.trim(a, b)
        if not span or f.words_in(*span) < MIN_CONTENT_WORDS:
            return None
        return span

    # ------------------------------------------------------------ direct quotes
    def direct_quotes(self) -> list[Cand]:
        f = self.f
        out: list[Cand] = []
        pairs = f.mark_pairs
        for o, c in pairs:
            if any(oo < o and c < cc for oo, cc in pairs):
                continue  # a quote inside a quote belongs to the outer one
            n_words = f.words_in(o + 1, c)
            if n_words == 0:
                continue
            first_person = any(f.word(k, "first_person") for k in range(o + 1, c))
            enclosing = next((q for q in self.cands if q.start <= o and c < q.end + 1 and q.type != "direct"
                              and {k for k in range(o + 1, c) if not f.is_punct(k)} <= q.tokens() | {o, c}
                              and not self._made_of(q, o, c)), None)
            cue, speaker, addressee = self.frame_next_to(o, c)
            inherit = enclosing if enclosing and not cue else None
            title = all(f.doc[k].text[:1].isupper() for k in range(o + 1, c) if f.doc[k].is_alpha)
            self.direct_pairs.append((o, c))
            sentence_cue = bool({f.sent_of[o], f.sent_of[c]} & self.sents_with_cue)
            keep = self.keep_direct(n_words, enclosing is not None, first_person, framed=cue is not None,
                                    sentence_like=f.doc[c - 1].text in (".", "!", "?", "…"), title=title,
                                    sentence_cue=sentence_cue)
            if not keep:
                continue
            if not cue and not inherit:
                prev = out[-1] if out else None
                if prev and f.sent_of[o] - f.sent_of[prev.end - 1] <= 1 and n_words >= 4 and not self._has_subject_here(o):
                    inherit = prev
                else:
                    speaker = self.sentence_subject(o, c)
                    if speaker is None and n_words >= 4 and (f.is_mark[f.sents[f.sent_of[o]][0]] or o == f.sents[f.sent_of[o]][0]):
                        speaker = self.person_in_sentence_before(o)
            out.append(Cand("direct", [(o + 1, c)], speaker, cue or [], addressee, inherit=inherit))
        return out

    def _split(self, outer: Cand, inner: Cand) -> bool:
        """Make room for `inner`, a later frame inside `outer`'s content: an attribution ("nach
        Angaben der UN") stays nested; a second frame after a comma ends the outer content."""
        f = self.f
        if inner.cue and inner.cue[0] in outer.tokens() and f.lower[inner.cue[0]] in (
                f.w.get("attribution_prep", set()) | f.w.get("attribution_prep_noun", set())):
            return True
        last = outer.parts[-1]
        if inner.start > last[0] + 2 and f.doc[inner.start - 1].text == "," and inner.start < last[1]:
            cut = f.trim(last[0], inner.start - 1)
            if cut:
                outer.parts[-1] = cut
                return True
        return False

    def _made_of(self, q: Cand, o: int, c: int) -> bool:
        """True when the candidate q is (almost) only the text of the quotation marks o..c."""
        toks = {k for k in q.tokens() if not self.f.is_punct(k)}
        return bool(toks) and all(o < k < c for k in toks)

    def _has_subject_here(self, o: int) -> bool:
        return False

    def person_in_sentence_before(self, o: int) -> tuple[int, int] | None:
        """A quote standing alone as a sentence is said by the person named in the sentence before
        ("Künast warnte vor den Folgen. „Es droht eine Erderwärmung …“")."""
        f = self.f
        k = f.sent_of[o] - 1
        if k < 0:
            return None
        s, e = f.sents[k]
        people = [ent for ent in f.doc.ents if s <= ent.start < e and ent.label_ == "PER" and not f.in_marks[ent.start]]
        if not people:
            people = [ent for ent in f.doc.ents if s <= ent.start < e and ent.label_ == "ORG" and not f.in_marks[ent.start]]
        return (people[0].start, people[0].end) if people else None

    def frame_next_to(self, o: int, c: int):
        """Cue, speaker and addressee of the frame right after or right before the marks o..c."""
        f = self.f
        # after: „…“, sagte er. / „…“ sagte er. / „…“, so X.
        j = c + 1
        if j < f.n and f.doc[j].text == ",":
            j += 1
        if j < f.n and f.sent_of[j] in (f.sent_of[c], f.sent_of[c] + 1) and not f.is_punct(j):
            s, e = f.sents[f.sent_of[j]]
            e = max(e, j + 1)
            if f.lower[j] in f.w.get("parenthetical", ()):
                sp = f.np_at(j + 1, e, skip=0)
                if sp:
                    return [j], sp, None
            cue = f.verb_cue(j, j, e)
            if cue:
                hi = f.clause_right(j, e)
                hi = max(hi, cue.particle + 1) if cue.particle is not None else hi
                sp = f.speaker_in_frame(cue, j, hi, [])
                return [j] + ([cue.particle] if cue.particle is not None else []), sp, f.addressee_in(j, hi, cue)
        # before: X sagte: „…“ / X sagte, „…“ / X erklärte gegenüber Y: „…“
        k = o - 1
        if k >= 0 and f.doc[k].text in (":", ","):
            s, _ = f.sents[f.sent_of[k]]
            lo = f.clause_left(k, s) + 1
            for v in range(k - 1, lo - 1, -1):
                if f.in_marks[v]:
                    continue
                cue = f.verb_cue(v, lo, k)
                if cue:
                    sp = f.speaker_in_frame(cue, lo, k, [])
                    return [v] + ([cue.particle] if cue.particle is not None else []), sp, f.addressee_in(lo, k, cue)
            if f.doc[k].text == ":":
                sp = self.sentence_subject(lo, k)
                if sp:
                    return [], sp, None
        return None, None, None

    def keep_direct(self, n_words: int, inside: bool, first_person: bool, framed: bool, sentence_like: bool,
                    title: bool = False, sentence_cue: bool = False) -> bool:
        """Quote or scare quote/title? The table learned on WikiNews train when present, else a rule."""
        fine = direct_key(n_words, inside, first_person, framed, title, sentence_cue)
        self.direct_log.append(fine)
        if framed and sentence_like:
            return True  # a whole sentence in quotation marks next to a speech verb
        if inside and n_words == 1 and not framed:
            return False  # one marked word inside reported speech is a scare quote ("letale" Güter)
        for key, min_n in zip(backoff_keys(fine), (12, 8, 5)):
            hit = self.f.direct_table.get(key)
            if hit and hit[1] >= min_n:
                return hit[0] >= DIRECT_THRESHOLD
        if framed and (n_words >= 2 or sentence_like):
            return True
        return n_words >= FALLBACK_MIN_WORDS or first_person or (inside and n_words >= 2) or (sentence_like and n_words >= 4)

    def sentence_subject(self, o: int, c: int) -> tuple[int, int] | None:
        f = self.f
        s, e = f.sents[f.sent_of[o]]
        parsed = None
        if f.has_parse:
            for k in range(s, e):
                tok = f.doc[k]
                if tok.dep_ == "ROOT" or tok.head.i == k:
                    sp = f.subject_of(k, s, e)
                    if sp and not (o <= sp[0] <= c):
                        parsed = sp
                    break
        initial = None
        if not (f.in_marks[s] or f.is_mark[s]):
            if f.is_pronoun(s):
                initial = (s, s + 1)
            else:
                sp = f.np_at(s, min(e, o), skip=0)
                if sp and sp[0] == s and sp[1] < f.n and f.is_finite(sp[1]):
                    initial = sp
        if parsed and initial and not f.is_named(*parsed) and f.is_named(*initial):
            return initial  # the parse missed the named subject before the finite verb
        return parsed or initial

    # ------------------------------------------------------------ free indirect speech
    def free_indirect(self) -> list[Cand]:
        f = self.f
        out: list[Cand] = []
        by_sent: dict[int, Cand] = {}
        for q in self.cands:
            by_sent[f.sent_of[q.end - 1]] = q
        covered = set()
        for q in self.cands:
            if q.type != "direct":
                covered |= q.tokens()
        for k, (s, e) in enumerate(f.sents):
            if any(i in covered for i in range(s, e)) or k in by_sent:
                if k in by_sent and by_sent[k].type != "direct":
                    continue
                if any(i in covered for i in range(s, e)):
                    continue
            first = next((i for i in range(s, e) if not f.in_marks[i] and not f.is_mark[i] and f.is_finite(i)), None)
            if first is None or f.in_marks[s] or f.is_mark[s] or f.lower[s] in ("ich", "wir"):
                continue
            prev = by_sent.get(k - 1)
            # after a quote, replacement subjunctive ("hätte", "würde") and reportative "soll"
            # continue the report too; without one, only Konjunktiv I opens free indirect speech
            if not (f.is_ki(first) or (prev is not None and f.lower[first] in f.w.get("continuation", ()))):
                continue
            part = f.trim(s, e)
            if not part or f.words_in(*part) < 3:
                continue
            if prev is not None and prev.type != "direct" or (prev is not None and prev.speaker):
                cand = Cand("free_indirect", [part], inherit=prev)
            elif f.is_pronoun(s):
                cand = Cand("free_indirect", [part], speaker=(s, s + 1))
            else:
                cand = Cand("free_indirect", [part])
            out.append(cand)
            by_sent[k] = cand
        return out

    # ------------------------------------------------------------ all
    def run(self) -> list[Cand]:
        f = self.f
        found: list[Cand] = []
        for s, e in f.sents:
            found.extend(self.sentence_frames(s, e))
        accepted: list[Cand] = []
        taken: set[int] = set()
        for q in found:
            toks = q.tokens()
            if toks and len(toks & taken) > 0.5 * len(toks):
                outer = next((a for a in reversed(accepted) if a.tokens() & toks), None)
                if outer is None or not self._split(outer, q):
                    continue
            accepted.append(q)
            taken |= toks
        self.cands = accepted
        directs = self.direct_quotes()
        # a frame whose whole content is one direct quote gives that quote its cue and speaker
        kept = []
        for q in self.cands:
            twin = next((d for d in directs if self._made_of(q, d.parts[0][0] - 1, d.parts[0][1])), None)
            if twin is not None:
                if not twin.cue:
                    twin.cue, twin.speaker, twin.addressee, twin.inherit = q.cue, q.speaker, q.addressee or twin.addressee, q.inherit
                continue
            kept.append(q)
        self.cands = sorted(kept + directs, key=lambda q: (q.start, -q.end))
        free = self.free_indirect()
        for d in directs:  # a direct fragment inside free indirect speech is said by its speaker
            if not d.cue and d.inherit is None:
                outer = next((q for q in free if q.start <= d.start and d.end <= q.end), None)
                if outer is not None:
                    d.inherit, d.speaker = outer, None
        self.cands = sorted(self.cands + free, key=lambda q: (q.start, -q.end))
        if self.sentence_model is not None:
            self.cands = sorted(self.cands + self.sentence_quotes(), key=lambda q: (q.start, -q.end))
        return self.cands

    def sentence_slots(self):
        """Sentences no candidate touches: (sentence number, start, end, previous sentence's quote)."""
        f = self.f
        covered = set()
        by_sent: dict[int, Cand] = {}
        for q in self.cands:
            covered |= q.tokens()
            by_sent[f.sent_of[q.end - 1]] = q
        for k, (s, e) in enumerate(f.sents):
            if f.in_marks[s] or any(i in covered or f.in_marks[i] for i in range(s, e)):
                continue
            part = f.trim(s, e)
            if part and f.words_in(*part) >= 4:
                yield k, part, by_sent.get(k - 1)

    def sentence_quotes(self) -> list[Cand]:
        """Sentences the learned classifier calls reported speech (rules found nothing there)."""
        from lagebild.quotes.model import sentence_features

        f, out = self.f, []
        for k, (s, e), prev in self.sentence_slots():
            feats = sentence_features(f, s, e, prev is not None)
            if self.sentence_model.prob(feats) < self.sentence_model.threshold:
                continue
            first = next((i for i in range(s, e) if f.is_finite(i)), None)
            kind = "free_indirect" if first is not None and (f.is_ki(first) or prev is not None) else "reported"
            cand = Cand(kind, [(s, e)], inherit=prev) if prev is not None else \
                Cand(kind, [(s, e)], speaker=self.sentence_subject(e - 1, e - 1))
            out.append(cand)
        return out

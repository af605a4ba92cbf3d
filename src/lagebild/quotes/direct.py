"""Direct quotes: quotation-mark spans, their frames, and the learned quote/scare-quote decision.

A mixin of `frames.Builder`: it reads the candidates the frames found (`self.cands`) to know whether
marks sit inside reported speech, and returns one `Cand` per kept pair of marks.
"""
from __future__ import annotations

from lagebild.quotes.rules import Cand

# Used when no learned table (models/de_quotes/direct_table.json) is there: keep a quotation-mark
# span as a quote when it is long, first person, or a multi-word fragment inside reported speech.
FALLBACK_MIN_WORDS = 8
# Keep a quotation-mark span when P(quote) from the learned table reaches this. WikiNews marks
# about half of the short unframed fragments as quotes; lagebild treats such scare quotes and
# titles as no quotes ("neue Qualität"), so the threshold sits a little above the coin flip.
DIRECT_THRESHOLD = 0.55
# A table key decides only when it was seen this often (finest key first); rarer keys back off.
DIRECT_MIN_COUNTS = (5, 12, 8, 5)
NAMING_MIN_COUNT = 8


def _bucket(n: int) -> int:
    return min(n, 8)


def direct_key(n_words: int, inside: bool, first_person: bool, framed: bool | None = None,
               title: bool | None = None, sentence_cue: bool | None = None, clause_cue: int | None = None) -> str:
    """Key of the learned direct-quote table: length bucket, inside reported speech, first person
    (and, in the fine key, a frame next to the marks, all words capitalised, a cue in the sentence,
    a speech verb in the marks' own clause: 1, or with the marks as what it names: 2, "nannte den
    Bericht eine „Zeitungsente“", "sprach von einem „Skandal“")."""
    key = f"{_bucket(n_words)}|{int(inside)}|{int(first_person)}"
    if framed is not None:
        key += f"|{int(framed)}|{int(bool(title))}|{int(bool(sentence_cue))}"
        if clause_cue is not None:
            key += f"|{int(clause_cue)}"
    return key


def backoff_keys(fine: str) -> list[str]:
    """The fine key and its coarser versions: without the clause cue, without title and sentence
    cue, then without frame. Marks that a naming verb names (clause cue 2) are rare at each length,
    so they get one pooled key ("naming|<inside>") right after the fine one."""
    return [key for key, _ in backoff_with_counts(fine)]


def backoff_with_counts(fine: str) -> list[tuple[str, int]]:
    """`backoff_keys` with the count each key needs before it decides (`DIRECT_MIN_COUNTS`)."""
    f = fine.split("|")
    out = [("|".join(f[:n]), m) for n, m in zip((7, 6, 4, 3), DIRECT_MIN_COUNTS) if n <= len(f)]
    if len(f) >= 7 and f[6] == "2" and f[3] == "0":
        out.insert(1, (f"naming|{f[1]}", NAMING_MIN_COUNT))
    seen: set[str] = set()
    return [(k, m) for k, m in out if not (k in seen or seen.add(k))]


class DirectQuotes:
    """Direct-quote part of `frames.Builder` (uses its `f`, `cands`, `sentence_subject`, ...)."""

    def direct_quotes(self) -> list[Cand]:
        """One candidate per kept pair of quotation marks (the outermost of nested pairs).

        Speaker and cue come from the frame next to the marks, else from the report around them
        (a fragment inside indirect speech), else from the quote just before (a quote going on in
        the next sentence), else from the sentence's subject or the person named just before.
        """
        f = self.f
        out: list[Cand] = []
        pairs = f.mark_pairs
        spans = [(q.start, q.end, q) for q in self.cands if q.type != "direct"]
        for o, c in pairs:
            if any(oo < o and c < cc for oo, cc in pairs):
                continue  # a quote inside a quote belongs to the outer one
            n_words = f.words_in(o + 1, c)
            if n_words == 0:
                continue
            first_person = any(f.word(k, "first_person") for k in range(o + 1, c))
            enclosing = next((q for qs, qe, q in spans if qs <= o and c < qe + 1
                              and {k for k in range(o + 1, c) if not f.is_punct(k)} <= q.tokens() | {o, c}
                              and not self._made_of(q, o, c)), None)
            cue, speaker, addressee = self.frame_next_to(o, c)
            framed = cue is not None
            inherit = enclosing if enclosing and not cue else None
            if inherit is not None:
                cue, addressee = list(inherit.cue), inherit.addressee  # a fragment shares its report's frame
            title = all(f.tok[k].text[:1].isupper() for k in range(o + 1, c) if f.tok[k].is_alpha)
            self.direct_pairs.append((o, c))
            sentence_cue = bool({f.sent_of[o], f.sent_of[c]} & self.sents_with_cue)
            clause_verb, naming = (None, False) if framed else self.clause_cue(o, c)
            inside = enclosing is not None or (not framed and self.in_konjunktiv_sentence(o, c))
            keep = self.keep_direct(n_words, inside, first_person, framed=framed,
                                    sentence_like=f.tok[c - 1].text in (".", "!", "?", "…"), title=title,
                                    sentence_cue=sentence_cue,
                                    clause_cue=0 if clause_verb is None else 1 + naming)
            if not keep:
                continue
            if not cue and clause_verb is not None:
                cue = clause_verb  # "bezeichnete X als „…“": the naming verb is the cue
            if not framed and not inherit:
                prev = out[-1] if out else None
                if prev and f.sent_of[o] - f.sent_of[prev.end - 1] <= 1 and n_words >= 4:
                    inherit = prev
                else:
                    speaker = self.sentence_subject(o, c)
                    if speaker is None and n_words >= 4 and (f.is_mark[f.sents[f.sent_of[o]][0]] or o == f.sents[f.sent_of[o]][0]):
                        speaker = self.person_in_sentence_before(o)
            out.append(Cand("direct", [(o + 1, c)], speaker, cue or [], addressee, inherit=inherit))
        return out

    def _made_of(self, q: Cand, o: int, c: int) -> bool:
        """True when the candidate q is (almost) only the text of the quotation marks o..c."""
        toks = {k for k in q.tokens() if not self.f.is_punct(k)}
        return bool(toks) and all(o < k < c for k in toks)

    def person_in_sentence_before(self, o: int) -> tuple[int, int] | None:
        """A quote standing alone as a sentence is said by the person named in the sentence before
        ("Künast warnte vor den Folgen. „Es droht eine Erderwärmung …“")."""
        f = self.f
        k = f.sent_of[o] - 1
        if k < 0:
            return None
        s, e = f.sents[k]
        people = [ent for ent in f.ents if s <= ent.start < e and ent.label_ == "PER" and not f.in_marks[ent.start]]
        if not people:
            people = [ent for ent in f.ents if s <= ent.start < e and ent.label_ == "ORG" and not f.in_marks[ent.start]]
        return (people[0].start, people[0].end) if people else None

    def frame_next_to(self, o: int, c: int):
        """Cue, speaker and addressee of the frame right after or right before the marks o..c."""
        f = self.f
        # after: „…“, sagte er. / „…“ sagte er. / „…“, so X.
        j = c + 1
        if j < f.n and f.tok[j].text == ",":
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
        if k >= 0 and f.tok[k].text in (":", ","):
            s, _ = f.sents[f.sent_of[k]]
            lo = f.clause_left(k, s) + 1
            for v in range(k - 1, lo - 1, -1):
                if f.in_marks[v]:
                    continue
                cue = f.verb_cue(v, lo, k)
                if cue:
                    sp = f.speaker_in_frame(cue, lo, k, [])
                    return [v] + ([cue.particle] if cue.particle is not None else []), sp, f.addressee_in(lo, k, cue)
            if f.tok[k].text == ":":
                sp = self.sentence_subject(lo, k)
                if sp:
                    return [], sp, None
        return None, None, None

    def in_konjunktiv_sentence(self, o: int, c: int) -> bool:
        """Do the marks o..c stand in a Konjunktiv-I sentence ("Damit seien „der Kurs und ..."),
        i.e. inside reported speech that the free-indirect step will find later?"""
        f = self.f
        s, e = f.sents[f.sent_of[o]]
        return any(f.is_ki(k) for k in range(s, e) if not (o <= k <= c) and not f.in_marks[k] and f.is_finite(k))

    def clause_cue(self, o: int, c: int) -> tuple[list[int] | None, bool]:
        """Cue tokens of a speech verb in the clause around the marks o..c, outside any marks
        ("Von einer „gezielten Indiskredition“ sprach X", "hatte den Bericht als „falsch“
        zurückgewiesen"): marks in a speech verb's own clause are more often somebody's words; and
        whether the marks are what the verb names (after "als" or the verb's preposition, or the
        complement of a naming verb such as "nennen"), where they are most often a quote."""
        f = self.f
        s, e = f.sents[f.sent_of[o]]
        if o > s and f.is_nounish(o - 1):
            return None, False  # "die Zeitung „Hürriyet“", "der Roman „Atemschaukel“": a name, not words
        if any(ent.start <= o + 1 and c <= ent.end for ent in f.ents):
            return None, False  # "die „Süddeutsche Zeitung“ berichtete": the marks hold a name
        if f.has_parse and any(f.tok[k].dep_.startswith("nsubj") and not o < f.tok[k].head.i < c for k in range(o + 1, c)):
            return None, False  # the marks are the subject ("schreibt die „Computerwoche“"): a source's name
        lo, hi = f.clause_left(o, s), f.clause_right(c, e)
        b = o - 1
        while b > lo and f.has_tags and f.tok[b].tag_ in ("ART", "ADJA", "PPOSAT", "PIAT", "PIDAT", "ADV"):
            b -= 1
        found = None
        for k in range(lo + 1, hi):
            if f.in_marks[k] or f.is_mark[k] or o <= k <= c:
                continue
            cue = f.verb_cue(k, s, e)
            if cue is not None and not f.word(k, "aux"):
                naming = b > lo and (f.lower[b] == "als" or (cue.verb.prep and f.lower[b] == cue.verb.prep)
                                     or (cue.verb.takes_np and k < o))
                toks = [k] + ([cue.particle] if cue.particle is not None else [])
                if naming:  # "bestätigte X nicht und nannte sie „reine Spekulation“": the naming verb
                    return toks, True
                found = found or (toks, False)
        return found or (None, False)

    def keep_direct(self, n_words: int, inside: bool, first_person: bool, framed: bool, sentence_like: bool,
                    title: bool = False, sentence_cue: bool = False, clause_cue: int = 0) -> bool:
        """Quote or scare quote/title? The table learned on WikiNews train when present, else a rule."""
        fine = direct_key(n_words, inside, first_person, framed, title, sentence_cue, clause_cue)
        self.direct_log.append(fine)
        if framed and sentence_like:
            return True  # a whole sentence in quotation marks next to a speech verb
        if inside and n_words == 1 and not framed and clause_cue < 2:
            return False  # one marked word inside reported speech is a scare quote ("letale" Güter),
            # unless a naming verb names it ("nannte den Bericht eine „Zeitungsente“")
        for key, min_n in backoff_with_counts(fine):
            hit = self.f.direct_table.get(key)
            if hit and hit[1] >= min_n:
                return hit[0] >= DIRECT_THRESHOLD
        if framed and (n_words >= 2 or sentence_like):
            return True
        return n_words >= FALLBACK_MIN_WORDS or first_person or (inside and n_words >= 2) or (sentence_like and n_words >= 4)

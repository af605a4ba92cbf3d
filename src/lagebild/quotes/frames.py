"""Build quote candidates from the cues of each sentence, then direct and free indirect quotes.

Reading order of one article: (1) every sentence's cues (speech verbs, "laut", "zufolge", "nach
Angaben", ", so X") with the content their frame points at; (2) the quotation-mark pairs, which
take their speaker from the frame next to them or from the quote around them, and are kept or
dropped as scare quotes by a table learned from WikiNews; (3) Konjunktiv-I sentences without a
frame, which continue the speaker of the sentence before.
"""
from __future__ import annotations

from lagebild.quotes.direct import DirectQuotes
from lagebild.quotes.rules import BOUNDARY, END_PUNCT, Cand, Cue, Finder

MIN_CONTENT_WORDS = 2
WERDEN_FORMS = frozenset({"wird", "wurde", "wurden", "werden", "worden"})  # a passive frame
# Consecutive free indirect sentences form one quote, as in the corpus (a quarter of its frameless
# Konjunktiv-I quotes run over several sentences); merging scored better on WikiNews train.
MERGE_FREE_INDIRECT = True


class Builder(DirectQuotes):
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
        question = f.tok[e - 1].text == "?"  # "Welche Vorschläge sind Ihrer Meinung nach ...?": an interview question
        for i in range(s, e):
            if f.in_marks[i] or f.is_punct(i):
                continue
            low = f.lower[i]
            if self._relative_attribution(i, s, e):
                out.append(Cue(i, None, kind="relprep"))  # "ein Gutachten, laut dem ...", "Umfragen, denen zufolge ..."
            elif low in f.w.get("attribution_prep", ()):
                out.append(Cue(i, None, kind="prep"))
            elif low in f.w.get("attribution_prep_noun", ()) and self._source_head(i + 1, e):
                out.append(Cue(i, None, kind="prep"))
            elif low in f.w.get("attribution_prep_noun", ()) and i > s and f.is_source_noun(i - 1) and not question \
                    and not (i > s + 1 and f.word(i - 2, "first_person")) \
                    and not (i + 1 < e and f.starts_new_np(i + 1)):  # "Behördenangaben nach", not "Wunsch nach einem ..."
                out.append(Cue(i, None, kind="postp"))
            elif low in f.w.get("attribution_rel", ()) and i > s and f.tok[i - 1].text == ",":
                out.append(Cue(i, None, kind="rel"))
            elif low in f.w.get("attribution_postp", ()):
                out.append(Cue(i, None, kind="postp"))
            elif low in f.w.get("attribution_adv_ki", ()) and i == s and f.has_morph and (
                    (m := self._main_finite(s, e)) is not None and "Sub" in f.tok[m].morph.get("Mood")):
                out.append(Cue(i, None, kind="adv"))  # "Danach hätte ...": the report before says so
            elif low in f.w.get("attribution_adv", ()):
                # "Demnach soll ...": the rest; "Die Rolle soll demnach gestärkt werden": around it
                out.append(Cue(i, None, kind="adv" if i <= s + 1 else "mid"))
            elif low in f.w.get("parenthetical", ()) and i > s and f.tok[i - 1].text in (",", "–", "—", "-"):
                sp = f.np_at(i + 1, e, skip=0)
                if sp and (sp[1] >= e - 1 or f.is_boundary(sp[1]) or f.word(sp[1], "adverb")
                           or f.lower[sp[1]] in f.w.get("attribution_prep", ())  # ", so X laut BBC, ..."
                           or f.word(sp[1], "addressee_marker")):  # ", so X gegenüber dem Spiegel."
                    out.append(Cue(i, None, kind="so"))
            elif (f.tok[i].text in f.w.get("opinion_noun", ()) or (
                    low in f.w.get("opinion_adj", ()) and f.has_tags and f.tok[i].tag_ == "ADJD")) \
                    and self.noun_content(i, e) is not None:
                out.append(Cue(i, None, kind="noun"))  # "ist der Meinung, dass ...", "wagte die Prognose, ... werde"
            else:
                cue = f.verb_cue(i, s, e)
                if cue:
                    out.append(cue)
        return out

    def _source_head(self, k: int, e: int) -> bool:
        """Is the first noun after "nach" a source ("nach Angaben der Polizei", "nach jüngsten
        Untersuchungen"), not a noun before one ("nach Abschluss der Ermittlungen")?"""
        f = self.f
        for j in range(k, min(k + 4, e)):
            if f.is_nounish(j):
                return f.is_source_noun(j)
        return False

    def _relative_attribution(self, i: int, s: int, e: int) -> bool:
        """"..., laut dem / nach denen / gemäß welcher X": or "..., denen zufolge X": an attribution
        whose source is the noun before the comma (the relative pronoun stands for it)."""
        f = self.f
        low = f.lower[i]
        rel = ("PRELS", "PRELAT")
        preps = f.w.get("attribution_prep", set()) | f.w.get("attribution_prep_noun", set())
        if low in preps and i > s + 1 and f.tok[i - 1].text == "," and i + 1 < e:
            ante = f.np_before(i - 1, s)
            if low in f.w.get("attribution_prep_noun", ()) and not (ante and any(f.is_source_noun(k) for k in range(*ante))):
                return False  # "die Pause, nach der ...": "nach" attributes only with a source noun
            return f.tok[i + 1].tag_ in rel or f.lower[i + 1] in ("welchem", "welcher", "welchen")
        if low in f.w.get("attribution_postp", ()) and i > s + 1 and f.tok[i - 2].text == ",":
            return f.tok[i - 1].tag_ in rel
        return False

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
                if sp is None and f.lower[cue.i] == "nach" and cue.i + 2 < e and f.has_tags \
                        and f.tok[cue.i + 1].tag_ == "ADV" and f.tok[cue.i + 2].tag_ == "ADJA":
                    sp = f.np_at(cue.i + 2, e, skip=0)  # "nach bisher unbestätigten Berichten"
                titled = f.marked_title_after(sp[1] if sp else cue.i + 1)
                if titled:  # laut „Berliner Zeitung“, laut der Zeitung „Die Welt“
                    sp = (sp[0] if sp else titled[0], titled[1])
                if sp is None and cue.i + 1 < e and f.tok[cue.i + 1].is_alpha and f.lower[cue.i] != "nach" \
                        and not (f.has_tags and f.tok[cue.i + 1].tag_.startswith(("V", "APPR", "ADV", "KO", "PTK"))):
                    sp = (cue.i + 1, cue.i + 2)  # "laut taz"; not "laut werden", "laut über ... nachdenken"
                if sp:
                    sp = f.apposition_after(f.name_tail(sp, e), e)
                    cand = self._around(cue, (cue.i, self._past_relative(sp[1], e)), sp, s, e)
            elif cue.kind == "postp":
                sp = f.np_before(cue.i if f.lower[cue.i] != "nach" else cue.i, s)
                if sp:
                    cand = self._around(cue, (sp[0], cue.i + 1), sp, s, e)
            elif cue.kind == "so":
                sp = f.np_at(cue.i + 1, e, skip=0)
                if sp:
                    sp = f.apposition_after(sp, e)
                    end = sp[1]
                    if end < e and (f.lower[end] in f.w.get("attribution_prep", ()) or f.word(end, "addressee_marker")):
                        source = f.np_at(end + 1, e, skip=0)  # ", so der Präsident laut BBC News / gegenüber dem Spiegel"
                        end = f.name_tail(source, e)[1] if source else end
                    cand = self._around(cue, (cue.i, end), sp, s, e)
            elif cue.kind == "relprep":
                prep_first = f.tok[cue.i - 1].text == ","
                start = cue.i + 2 if prep_first else cue.i + 1
                comma = cue.i - 1 if prep_first else cue.i - 2
                part = f.trim(start, f.clause_right_loose(start, e))
                if part and f.words_in(*part) >= 3:
                    cand = Cand("indirect", [part], f.np_before(comma, s), [cue.i])
            elif cue.kind == "rel":  # "..., wonach X": the report is the speaker, X what it says
                part = f.trim(cue.i + 1, f.clause_right_loose(cue.i, e))
                sp = f.np_before(cue.i - 1, s)
                if part and f.words_in(*part) >= 3:
                    cand = Cand("indirect", [part], sp, [cue.i])
            elif cue.kind == "noun":
                part = f.trim(self.noun_content(cue.i, e), e)
                if part and f.words_in(*part) >= 3:
                    sp = self.noun_holder(cue.i, part[0])
                    if sp is None:
                        sp = self.sentence_subject(cue.i, e - 1)
                        sp = sp if sp and sp[1] <= cue.i else None
                    cand = Cand("indirect", [part], sp, [cue.i])
            elif cue.kind == "mid":
                cand = self._around(cue, (cue.i, cue.i + 1), None, s, e)
            elif cue.kind == "adv":
                part = f.trim(cue.i + 1, e)
                if part and f.words_in(*part) >= 3:
                    cand = Cand("indirect", [part], None, [cue.i])
            if cand:
                found.append(cand)
                done.append((cue, cand.speaker))
            else:
                done.append((cue, None))
        # "Laut BBC sagte der Minister, dass ...": both frames report (BBC that the minister said it),
        # as the corpus counts them; checked on WikiNews train against dropping the attribution
        return found

    def _past_relative(self, k: int, e: int) -> int:
        """End of a source's frame moved past a relative clause on the source: "Nach Angaben der
        Ämter, die mit Daten verglichen wurden, | beträgt ..." (the main clause resumes after it)."""
        f = self.f
        if not f.has_tags or k + 2 >= e or f.tok[k].text != ",":
            return k
        nxt = f.tok[k + 1]
        if not (nxt.tag_ in ("PRELS", "PRELAT") or (nxt.tag_ in ("APPR", "APPRART") and f.tok[k + 2].tag_ in ("PRELS", "PRELAT"))):
            return k
        # the relative clause ends at the first comma after its final verb
        end = next((j for j in range(k + 3, e - 1) if f.tok[j].text == "," and f.tok[j - 1].tag_.startswith("V")), None)
        return end + 1 if end is not None else k

    def _around(self, cue: Cue, frame: tuple[int, int], speaker, s: int, e: int) -> Cand | None:
        """Content around an attribution frame: the sentence minus the frame."""
        f = self.f
        colon = next((k for k in range(frame[0] - 1, s - 1, -1) if f.tok[k].text == ":" and not f.in_marks[k]), None)
        if colon is not None:
            s = colon + 1  # "X schloss sich der Kritik an: Die Mittel seien ihrer Meinung nach ..."
        left = f.clause_left(frame[0], s)
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
        if f.lower[s] == "wie" and s < frame[0]:
            comma = next((k for k in range(s + 2, frame[0]) if f.tok[k].text == ","), None)
            if comma is not None:
                s = comma + 1  # "Wie Steg mitteilte, ist die Energie nach Auffassung der Kanzlerin ...": a frame of its own
        before = frame[0] - 1
        if before > s and (f.word(before, "adverb") or (f.has_tags and f.tok[before].tag_ == "ADV")):
            before -= 1  # "und so nach ersten Angaben ..."
        if before > s + 1 and f.lower[before] in ("und", "oder") and not f.in_marks[before]:
            s = frame[0]  # "... berührt haben und laut Medienberichten versucht haben, ...": the second conjunct
        parts = [p for p in (f.trim(s, frame[0]), f.trim(frame[1], e)) if p]
        if sum(f.words_in(*p) for p in parts) < 3:
            return None
        return Cand("indirect", parts, speaker, [cue.i])

    def verb_frame(self, cue: Cue, s: int, e: int, done) -> Cand | None:
        f, verb, i = self.f, cue.verb, cue.i
        L, R = f.clause_left(i, s), f.clause_right(i, e)
        if cue.particle is not None and cue.particle >= R:
            R = f.clause_right(cue.particle, e)
        if L > s and f.tok[L].text == "," and f.lower[L + 1] != "wie" and (L + 1 == i or f.is_apposition(L + 1, i)):
            # "..., wie Alan Stern, Direktor der NASA(,) betont": the frame opens before the apposition
            k = L
            for _ in range(2):
                L2 = f.clause_left(k, s)
                if L2 + 1 < k and f.lower[L2 + 1] == "wie":
                    L = L2
                    break
                if L2 < s or not f.is_apposition(L2 + 1, k):
                    break
                k = L2
        lo, hi = L + 1, R
        hi_p = max(hi, cue.particle + 1) if cue.particle is not None and cue.particle < e else hi
        speaker = f.speaker_in_frame(cue, lo, hi_p, done)
        if speaker and speaker[1] >= R - 1 and R < e and (f.is_mark[R] or f.tok[R].text == "("):
            longer = f.name_tail((speaker[0], R), e)  # "meldet die Nachrichtenagentur „Xinhua“, ..."
            if longer[1] > R:
                speaker, R = longer, f.clause_right(longer[1] - 1, e)
                hi = R
                hi_p = max(hi_p, hi)
        if i == lo and speaker is not None and L > s and f.tok[L].text == "," and not f.is_pronoun(speaker[0]):
            # "Lars Schauer, Manager von Energie Cottbus, bezeichnete die Entscheidung als ...": the parse
            # puts the subject before the comma; the NP after the verb is its object, not its speaker
            parsed = f.subject_of(i, s, hi_p)
            subj = f.trim(s, L)
            if parsed and parsed[0] < lo and subj and f.np_list(*subj):
                speaker, lo = subj, s
        if i == lo and speaker is None and L >= s and f.tok[L].text == "," and R < e and f.tok[R].text in (",", ":"):
            # "Der Leiter des Programms, Klaus Stöhr, sagte, ...": the subject is the NP before
            subj = f.trim(s, L)
            if subj and f.np_list(*subj):
                speaker = subj
                lo = s
        if speaker and f.word(speaker[0], "impersonal") and speaker[1] - speaker[0] == 1:
            speaker = None
        if speaker and f.has_tags and f.tok[i].tag_ == "VVPP" and any(
                f.lower[k] in WERDEN_FORMS for k in range(lo, hi_p)) \
                and not any(f.lower[k] in ("von", "vom") and k + 1 < hi_p for k in range(lo, hi_p)):
            speaker = None  # "Er wird verdächtigt, ...": the subject of a passive frame is not the speaker
        addressee = f.addressee_in(lo, cue.particle if cue.particle is not None and cue.particle > i else hi_p, cue)
        if addressee and speaker and addressee[0] < speaker[1] and speaker[0] < addressee[1]:
            addressee = None
        cue_toks = [i] + ([cue.particle] if cue.particle is not None else [])
        if speaker and R < e - 1 and f.tok[R].text == "," and speaker[1] >= R - 1:
            # "sagte der Direktor der IAEO, Mohammed el-Baradei, Nordkorea besitze ...": skip the apposition
            j = R + 1
            while j < e and f.tok[j].text not in (",", ":", ".", ";"):
                j += 1
            if j < e - 1 and f.tok[j].text in (",", ":") and f.np_list(R + 1, j) and f.words_in(R + 1, j) <= 6 \
                    and any(f.is_nounish(x) and f.tok[x].text[:1].isupper() for x in range(R + 1, j)) \
                    and not f.word(R + 1, "content_start"):
                speaker, R = (speaker[0], j), j
        # "..., hatte Obama in Moskau gesagt.": a frame that ends the sentence and opens with its finite
        # auxiliary and the speaker is verb-first too
        aux_first = lo < i and f.has_tags and f.tok[lo].tag_ == "VAFIN" and f.tok[i].tag_ == "VVPP" \
            and f.trim(i + 1, e) is None and speaker is not None and speaker[0] == lo + 1 \
            and f.is_named(*speaker) and self._has_finite(s, L)
        verb_first = (i == lo or aux_first) and not (speaker and speaker[1] <= lo)
        before_ok = L >= s and f.tok[L].text in (",", "–", "—", "-")
        after_ok = R < e and (f.tok[R].text in (",", ":") or f.is_mark[R])

        def cand(kind: str, parts) -> Cand | None:
            if verb.key in f.w.get("no_question", ()) and any(f.lower[a] == "ob" for a, _ in parts):
                return None  # "entscheidet, ob ...": nothing has been said yet
            return Cand(kind, parts, speaker, cue_toks, addressee)

        if after_ok and f.tok[R].text == ":" and verb.takes_clause:
            after = f.trim(R + 1, e)
            if after and f.words_in(*after) >= MIN_CONTENT_WORDS:
                return cand("indirect", [after])
        if verb_first and before_ok and speaker is None and not self._has_finite(s, L) and f.np_list(s, L):
            speaker = (s, L)  # "Der Vorsitzende des Betriebsrats, Stefan Sporn, zeigt sich ...": its subject
            verb_first = False
        ends_sentence = f.trim(R, e) is None or R >= e - 1
        if verb_first and before_ok and verb.takes_clause and self._before_is_content(s, L, ends_sentence):
            before = f.trim(s, L if f.tok[L].text != "–" else L)
            if before and f.words_in(*before) >= MIN_CONTENT_WORDS or (before and R < e and f.tok[R].text == ","):
                parts = [before]
                if R < e and f.tok[R].text == "," and not self._has_finite(*before):
                    after = f.trim(R + 1, e)
                    if after:
                        parts.append(after)
                return cand("indirect", parts)
        if f.lower[lo] == "wie" and lo < i and verb.takes_clause:
            parts = [p for p in (f.trim(s, L) if L >= s else None, f.trim(R + 1, e) if R < e else None) if p]
            if parts:
                return cand("indirect", parts)
        # "festgehalten und versucht zu haben, sie zu ...": what follows the comma belongs to the later
        # verb (not so after a finite cue: "zeigte sich überzeugt, dass ...")
        later_verb = f.has_tags and not f.is_finite(i) and any(
            f.tok[k].tag_.startswith("VV") and k != cue.particle and not f.in_marks[k] for k in range(i + 1, R))
        if after_ok and verb.takes_clause and not later_verb:
            start = R if f.is_mark[R] and f.tok[R].text not in (",", ":") else R + 1
            after = f.trim(start, self.content_end(cue, start, e))
            if after and self._subordinate(lo, i) and not f.word(after[0], "content_start"):
                after = self._reported_after_relative(lo, hi_p, after, verb)
            if after and f.words_in(*after) >= MIN_CONTENT_WORDS and not f.word(after[0], "adverbial_start"):
                return cand("indirect", [after])
        if verb.takes_clause and not after_ok and speaker is not None:
            bare = self._bare_zu_infinitive(cue, R, speaker, addressee)
            if bare:
                return cand("indirect", [bare])
        if lo < i and f.word(lo, "anaphor") and i == lo + 1 and f.sent_of[s] > 0:
            ps, pe = f.sents[f.sent_of[s] - 1]
            prev = f.trim(ps, pe)
            if prev and f.words_in(*prev) >= 3:
                return cand("indirect", [prev, (lo, lo + 1)])  # "Dies bestätigte X": the anaphor stands for it
        if verb.takes_np and speaker and not any(f.lower[k] in ("worden", "wurde", "wurden") for k in range(lo, hi_p)):
            obj = self.reported_object(cue, lo, hi_p, speaker, addressee)
            if obj:
                return cand("reported", [obj])
        return None

    def _bare_zu_infinitive(self, cue: Cue, R: int, speaker, addressee) -> tuple[int, int] | None:
        """A zu-infinitive right after the cue without the (optional) comma: "hatte angekündigt bei
        der Wahl erneut anzutreten", "versprach den Opfern schnell zu helfen"."""
        f, i = self.f, cue.i
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
        part = f.trim(start, end)
        return part if part and f.words_in(*part) >= MIN_CONTENT_WORDS + 1 else None

    def noun_content(self, i: int, e: int) -> int | None:
        """Start of the content clause of opinion noun i, or None: after a comma that follows the noun
        (a genitive, "daran" or a verb particle may stand between: "die Forderung des Ministers, ...",
        "herrschte die Meinung vor, dass ...") comes a dass/ob clause, a zu-infinitive or Konjunktiv."""
        f = self.f
        k = i + 1
        while k < min(e, i + 9) and f.tok[k].text != "," and not f.in_marks[k] \
                and not (f.has_tags and f.tok[k].tag_.startswith("V") and not self._verbs_to_comma(k, e)):
            k += 1
        if k + 1 >= e or f.tok[k].text != ",":
            return None
        start = k + 1
        if f.lower[start] in ("dass", "ob"):
            return start
        end = next((x for x in range(start, e) if f.tok[x].text in (",", ";", ":", ".")), e)
        if f.has_tags and any(f.tok[x].tag_ == "VVIZU" or (f.tok[x].tag_ == "PTKZU" and x + 1 < end)
                              for x in range(start, end)):
            return start  # "die Forderung, auf die SPD zuzugehen"
        first = next((x for x in range(start, end) if f.is_finite(x)), None)
        if first is not None and f.is_ki(first) and not f.tok[start].tag_.startswith(("PREL", "PW")):
            return start  # "wagte die Prognose, nicht alle würden für sie stimmen"
        return None

    def _verbs_to_comma(self, k: int, e: int) -> bool:
        """Only the verbs of the noun's own clause stand between k and the comma ("hatte den
        Standpunkt vertreten, das Gericht sei ...", "die Ansicht vertreten hat, ...")."""
        f = self.f
        while k < e and f.tok[k].tag_.startswith("V"):
            k += 1
        return k < e and f.tok[k].text == ","

    def noun_holder(self, i: int, content: int) -> tuple[int, int] | None:
        """The genitive after an opinion noun names whose it is: "die Forderung des Ministers, ..."."""
        f = self.f
        if i + 2 < content and f.lower[i + 1] in ("des", "der"):
            sp = f.np_at(i + 1, content - 1, skip=0)
            if sp and f.is_named(*sp):
                return sp
        return None

    def _relative(self, q: Cand) -> bool:
        """Content that is a relative clause or a result clause after a comma ("..., die am Montag
        veröffentlicht wurde", "..., in der es heißt", "..., so dass ...") describes a noun or a
        consequence; it is not what the frame's speaker said."""
        f = self.f
        if q.type != "indirect" or not f.has_tags:
            return False
        a = q.parts[0][0]
        if a == 0 or f.tok[a - 1].text != ",":
            return False
        b = q.parts[0][1]
        if any(f.is_finite(k) and "Sub" in f.tok[k].morph.get("Mood") for k in range(a, b) if not f.in_marks[k]):
            return False  # "..., die mit seinem Sieg Auftrieb erfahren hätten": reported all the same
        if q.cue and a < q.cue[0] < q.end and f.lower[q.cue[0]] in ("nach", "laut", "zufolge"):
            return False  # "..., die nach Angaben der Polizei die Bombe enthielt": the attribution is inside
        tag, low = f.tok[a].tag_, f.lower[a]
        nxt = f.tok[a + 1].tag_ if a + 1 < f.n else ""
        if tag in ("PRELS", "PRELAT") and low not in ("was", "wer"):
            return True
        if tag in ("APPR", "APPRART") and nxt in ("PRELS", "PRELAT"):
            return True
        return low == "so" and a + 1 < f.n and f.lower[a + 1] == "dass"

    def _verbless(self, q: Cand) -> bool:
        """Indirect content without any verb ("kritisierte die Politikerin der Grünen, Anja Hajduk,
        ..." -> "Anja Hajduk") is an apposition or a title the frame misread, not what was said."""
        f = self.f
        if q.type != "indirect" or not f.has_tags or not q.cue or not f.doc[q.cue[0]].tag_.startswith("V"):
            return False  # "laut X, 20 Tote": an attribution may report a bare noun phrase
        if any(b - a == 1 and f.word(a, "anaphor") for a, b in q.parts):
            return False  # "X. Dies geht aus ... hervor": the sentence before, whatever the tagger made of it
        return not any(f.tok[k].tag_.startswith("V") for a, b in q.parts for k in range(a, b))

    def _subordinate(self, lo: int, i: int) -> bool:
        """Is the frame lo..i a relative clause ("die vor Fetten warnt", "was er verkündet")? Its
        verb then does not introduce what follows the comma ("indem er sagte, ..." still does)."""
        f = self.f
        if lo >= i or f.lower[lo] == "wie":
            return False
        if f.has_tags:
            return f.tok[lo].tag_ in ("PRELS", "PRELAT", "PWS") or (
                f.tok[lo].tag_ == "APPR" and lo + 1 < i and f.tok[lo + 1].tag_ in ("PRELS", "PRELAT"))
        return lo > 0 and f.tok[lo - 1].text == "," and (f.word(lo, "det") or f.lower[lo] in ("was", "wer", "wo"))

    def _reported_after_relative(self, lo: int, hi: int, after: tuple[int, int], verb) -> tuple[int, int] | None:
        """What a frame inside a relative clause reports, if anything: a Konjunktiv-I clause
        ("von dem die Polizei glaubt, er sei ...") or a zu-infinitive up to its comma ("denen
        Correa vorwirft, Urheber der Krise zu sein, ..."); nothing after a passive frame ("die zum
        Katastrophengebiet erklärt wurde, ...")."""
        f = self.f
        a, b = after
        if not f.has_tags or f.tok[a].tag_.startswith(("PREL", "PW", "KOUS")):
            return None
        if any(f.lower[k] in WERDEN_FORMS for k in range(lo, hi)) \
                and verb.key not in f.w.get("accusation", ()):
            return None  # "die zum Katastrophengebiet erklärt wurde, ...", but "die beschuldigt werden, ... zu sein"
        first = next((k for k in range(a, min(b, a + 6)) if f.is_finite(k)), None)
        if first is None:
            end = next((k for k in range(a, b) if f.tok[k].text in (",", ";")), b)
            return f.trim(a, end) if any(f.tok[k].tag_ in ("PTKZU", "VVIZU") for k in range(a, end)) else None
        return after if f.is_ki(first) else None

    def _before_is_content(self, s: int, L: int, frame_ends_sentence: bool = False) -> bool:
        """Is [s, L) the content of a frame that follows it, or only the first constituent of the
        frame's own clause ("Nachdem ... war, forderten beide", "In der Resolution, die ...
        angenommen wurde, heißt es:")? A frame that ends the sentence after a whole main clause
        ("Als Kämpfer die Stadt einnahmen, töteten sie ..., teilten die UN mit.") has it as content."""
        f = self.f
        if f.word(s, "adverbial_start") or (f.has_tags and f.tok[s].tag_ == "KOUS" and not f.word(s, "content_start")):
            return frame_ends_sentence and f.has_tags and any(
                f.tok[k].text == "," and f.is_finite(k + 1) for k in range(s + 2, L - 1))
        for k in range(s + 1, L):
            if f.tok[k].text == "," and k + 1 < L and (f.tok[k + 1].tag_ == "PRELS" or (not f.has_tags and f.word(k + 1, "det"))):
                return self._has_finite(s, k) and not f.np_list(s, k)
        return True

    def content_end(self, cue: Cue, start: int, e: int) -> int:
        """Where the content after a frame ends: before a verb coordinated with the cue verb
        ("sagte, sie müssten ... aufgeben und bemühte das Bild ...", "erklärt, er sei unschuldig,
        erkannte ... nicht an"), found from the parse, else from tags and mood."""
        f = self.f
        cue_tok = f.tok[cue.i]
        anchors = {cue.i, cue_tok.head.i} if f.has_parse else set()
        seen_finite = False
        subordinate = start < min(e, f.n) and f.lower[start] in ("dass", "ob")
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
                    and f.np_at(k + 1, e, skip=0):
                return k - 1  # a second frame: "..., die Grenze zu öffnen, so Nasrallah im Fernsehen"
            if f.has_parse and tok.dep_ == "conj" and tok.head.i in anchors and tok.i > start + 2 \
                    and tok.tag_.startswith("V") and not tok.tag_.endswith(("INF", "IZU")) \
                    and not any(f.tok[x].tag_ == "PTKZU" for x in range(k + 1, min(e, k + 5))) \
                    and "Sub" not in tok.morph.get("Mood"):  # an infinitive ("... anbieten zu wollen") is content
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
            return any(f.tok[k].tag_ in ("VVFIN", "VAFIN", "VMFIN") for k in range(s, e))
        return f.words_in(s, e) > 4

    def reported_object(self, cue: Cue, lo: int, hi: int, speaker, addressee) -> tuple[int, int] | None:
        """The object of a reporting verb: "sprach von einer neuen Phase", "nannte den Terrorismus"."""
        f, i = self.f, cue.i
        hi = self._past_marks(hi)
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
            if cue.verb.prep != "als":  # "bezeichnete die Pläne als Wortbruch": object and predicate
                a = at if at is not None else a
        if addressee and addressee[0] >= a and addressee[1] <= b and addressee[0] <= a + 1:
            a = addressee[1]
        while a < b and (f.word(a, "adverb") or (f.has_tags and f.tok[a].tag_ in ("ADV", "PTKNEG"))):
            a += 1
        span = f.trim(a, b)
        if not span or f.words_in(*span) < MIN_CONTENT_WORDS:
            return None
        if f.has_tags and f.doc[span[0]].tag_ in ("PRF", "PPER"):
            return None  # "nannte sich selbst gerne ...": no reported object
        if f.has_tags and not cue.verb.prep and f.doc[span[0]].tag_ in ("APPR", "APPRART"):
            # "machte bei der Gelegenheit „ein neues Niveau“ aus": the object follows the adverbial
            k = next((x for x in range(span[0] + 1, span[1]) if f.tok[x].tag_ in ("NN", "NE")), None)
            span = f.trim(k + 1, span[1]) if k is not None else None
            if not span or f.words_in(*span) < MIN_CONTENT_WORDS:
                return None
        return span

    def _past_marks(self, hi: int) -> int:
        """The clause end `hi` moved past quotation marks that open there: the object of "nannte den
        Bericht eine „Zeitungsente“" or "sprach von einer „Krise“ im Land" goes on inside and after them."""
        f = self.f
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

    def _split(self, outer: Cand, inner: Cand) -> bool:
        """Make room for `inner`, a later frame inside `outer`'s content: an attribution ("nach
        Angaben der UN") stays nested; a second frame after a comma ends the outer content."""
        f = self.f
        if inner.cue and inner.cue[0] in outer.tokens() and f.lower[inner.cue[0]] in (
                f.w.get("attribution_prep", set()) | f.w.get("attribution_prep_noun", set())):
            return True
        last = outer.parts[-1]
        if inner.start > last[0] + 2 and f.tok[inner.start - 1].text == "," and inner.start < last[1]:
            cut = f.trim(last[0], inner.start - 1)
            if cut:
                outer.parts[-1] = cut
                return True
        return False

    def sentence_subject(self, o: int, c: int) -> tuple[int, int] | None:
        f = self.f
        s, e = f.sents[f.sent_of[o]]
        parsed = None
        if f.has_parse:
            for k in range(s, e):
                tok = f.tok[k]
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
            first = self._main_finite(s, e)
            if first is None or f.in_marks[s] or f.is_mark[s] or f.lower[s] in ("ich", "wir"):
                continue
            prev = self._quote_before(k, by_sent)
            if MERGE_FREE_INDIRECT and prev is not None and prev.type == "free_indirect" and prev in out \
                    and (f.is_ki(first) or f.lower[first] in f.w.get("continuation", ())):
                part = f.trim(s, e)
                if part:
                    prev.parts[-1] = (prev.parts[-1][0], part[1])
                    by_sent[k] = prev
                    continue
            # after a quote, replacement subjunctive ("hätte", "würde") and reportative "soll"
            # continue the report too; without one, only Konjunktiv I opens free indirect speech
            reportative = f.lower[first] in f.w.get("reportative", ()) and any(
                f.lower[x] in f.w.get("perfect_infinitive", ()) for x in range(max(first + 1, e - 4), e))
            if not (f.is_ki(first) or reportative or (prev is not None and f.lower[first] in f.w.get("continuation", ()))):
                continue
            part = f.trim(s, e)
            if not part or f.words_in(*part) < 3:
                continue
            if prev is None and reportative:  # "X soll ... getan haben": a claim of the last source
                prev = next((q for q in reversed(self.cands + out) if q.end <= s and k - f.sent_of[q.end - 1] <= 2), None)
                if prev is None and not f.is_ki(first):
                    continue  # no source nearby: "Der Absturz soll sich ... ereignet haben" is the narrator's hedge
            if prev is not None and prev.type != "direct" or (prev is not None and prev.speaker):
                cand = Cand("free_indirect", [part], inherit=prev)
            elif f.is_pronoun(s):
                cand = Cand("free_indirect", [part], speaker=(s, s + 1))
            else:
                cand = Cand("free_indirect", [part])
            out.append(cand)
            by_sent[k] = cand
        return out

    def _quote_before(self, k: int, by_sent: dict[int, Cand]) -> Cand | None:
        """The quote that ends in the sentence before sentence k, across a paragraph break (the
        blank line is a "sentence" of its own): reports go on in the next paragraph."""
        f = self.f
        j = k - 1
        while j >= 0 and f.trim(*f.sents[j]) is None:
            j -= 1
        return by_sent.get(j) if j >= 0 else None

    def _main_finite(self, s: int, e: int) -> int | None:
        """The finite verb of the sentence's main clause: the first one, or, after a fronted
        subordinate clause ("Was die Einwohner wollten, sei das Wahlrecht"), the one after its comma."""
        f = self.f
        first = next((i for i in range(s, e) if not f.in_marks[i] and not f.is_mark[i] and f.is_finite(i)), None)
        if first is None or not f.has_tags:
            return first
        if f.tok[s].tag_ in ("KOUS", "PWS", "PWAV", "PRELS"):
            comma = next((k for k in range(first + 1, min(e - 1, first + 4)) if f.tok[k].text == ","), None)
            if comma is not None and f.is_finite(comma + 1):
                return comma + 1
            return first
        # skip relative and subordinate clauses inside the sentence ("Der Zugang, wo die Mission den
        # Frieden sichern soll, ist ...": "soll" is not the main verb)
        inside = False
        for i in range(s, e):
            if f.in_marks[i] or f.is_mark[i]:
                continue
            tok = f.tok[i]
            if tok.text == ",":
                nxt = f.tok[i + 1] if i + 1 < e else None
                inside = nxt is not None and (nxt.tag_ in ("PRELS", "PRELAT", "KOUS", "PWAV", "PWS") or (
                    nxt.tag_ in ("APPR", "APPRART") and i + 2 < e and f.tok[i + 2].tag_ in ("PRELS", "PRELAT")))
                continue
            if not inside and f.is_finite(i):
                return i
        return first

    # ------------------------------------------------------------ all
    def run(self) -> list[Cand]:
        f = self.f
        found: list[Cand] = []
        for s, e in f.sents:
            found.extend(q for q in self.sentence_frames(s, e) if not self._verbless(q) and not self._relative(q))
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
            twin = next((d for d in directs if d.start <= q.end and q.start <= d.end
                         and self._made_of(q, d.parts[0][0] - 1, d.parts[0][1])), None)
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
        for q in self.cands:  # "heißt es", "so hieß es": no speaker
            if q.speaker and q.speaker[1] - q.speaker[0] == 1 and f.word(q.speaker[0], "impersonal"):
                q.speaker = None
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
            continues = first is not None and (f.is_ki(first) or f.lower[first] in f.w.get("continuation", ()))
            kind = "free_indirect" if continues else "reported"
            if kind == "reported":
                prev = None  # an indicative report names its own speaker, if any
            elif prev is None:
                prev = next((q for q in reversed(self.cands) if q.end <= s and f.sent_of[s] - f.sent_of[q.end - 1] <= 3), None)
            if prev is not None:
                cand = Cand(kind, [(s, e)], inherit=prev)
            else:
                subject = self.sentence_subject(e - 1, e - 1)
                cand = Cand(kind, [(s, e)], speaker=subject if subject and f.is_named(*subject) else None)
            out.append(cand)
        return out

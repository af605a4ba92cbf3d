"""Find who said what in one Doc: quote candidates as token ranges, with cue, speaker and addressee.

The rules read whatever the core pipeline gives: STTS tags, morphology (Mood=Sub for Konjunktiv I),
lemmas and the dependency parse are used where present, and word lists from `resources/de/` stand
in for them where they are not (a blank pipeline still finds direct quotes and most frames).

Constructions, each in its own function:
* a speech verb frame before, after or inside its content ("X sagte, ...", "..., räumte X ein",
  "Die Nato, wiederholte er, betrachte ..."), a dass-clause, or a reported object ("sprach von");
* attributions without a verb: "laut X", "X zufolge", "nach Angaben X", ", so X";
* direct quotes in any quotation marks, their speaker from the frame next to them, from the
  indirect quote around them or from the subject of the sentence;
* Konjunktiv-I sentences without a frame that continue the previous speaker (free indirect).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from lagebild.quotes.lexicon import Lexicon, SpeechVerb
from lagebild.quotes.marks import pair_marks

BOUNDARY = {",", ";", ":", "(", ")", "–", "—", "-"}
END_PUNCT = {".", "!", "?", ",", ";", ":", "…"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "sb", "csubj"}
NP_TAGS = {"ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "NN", "NE", "CARD", "TRUNC", "PIDAT", "FM", "XY", "PRELAT", "PWAT"}
FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}
NUMBER_AT_END = re.compile(r"^(\d[\d.,]*[.,]\d+|\d{4})\.$")  # "1.000." "7,1." "1942." at a sentence end
GENITIVE_DETS = {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "dieses", "dieser"}


@dataclass
class Cand:
    """One quote found, in token coordinates of the Doc."""

    type: str
    parts: list[tuple[int, int]]
    speaker: tuple[int, int] | None = None
    cue: list[int] = field(default_factory=list)
    addressee: tuple[int, int] | None = None
    inherit: "Cand | None" = None  # speaker taken from this earlier quote
    score: float = 1.0

    @property
    def start(self) -> int:
        return min(s for s, _ in self.parts)

    @property
    def end(self) -> int:
        return max(e for _, e in self.parts)

    def tokens(self) -> set[int]:
        return {i for s, e in self.parts for i in range(s, e)}


@dataclass
class Cue:
    i: int
    verb: SpeechVerb | None
    particle: int | None = None
    kind: str = "verb"  # verb | prep | postp | so | adv | mid | rel | relprep | noun


class Finder:
    """All quote candidates of one Doc (call `run`)."""

    def __init__(self, doc: Doc, lex: Lexicon, direct_table: dict | None = None):
        self.doc = doc
        self.tok = list(doc)  # made once: `doc[i]` makes a new Token object on every access
        self.lex = lex
        self.n = len(doc)
        self.has_tags = any(t.tag_ for t in doc[:50])
        self.has_morph = any(str(t.morph) for t in doc[:50])
        self.has_parse = doc.has_annotation("DEP")
        self.lower = [t.text.lower() for t in doc]
        self.punct = [t.is_punct or t.is_space for t in doc]
        sents = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") or self.has_parse else [(0, self.n)]
        self.sents = self._split_missed(doc, self._join_broken(doc, sents))
        self.sent_of = [0] * self.n
        for k, (s, e) in enumerate(self.sents):
            for i in range(s, e):
                self.sent_of[i] = k
        self.direct_table = direct_table or {}
        self.mark_pairs = pair_marks(doc, lex.marks)
        self.in_marks = [0] * self.n  # depth of quotation marks around each token
        for o, c in self.mark_pairs:
            for i in range(o + 1, c):
                self.in_marks[i] += 1
        self.is_mark = [False] * self.n
        for o, c in self.mark_pairs:
            self.is_mark[o] = self.is_mark[c] = True
        self.w = lex.words
        self.ents = list(doc.ents)  # built once: every `doc.ents` access makes all its Spans anew
        # token -> end of the multi-word organisation/person name it is inside (for noun phrases)
        self.name_end = {i: ent.end for ent in self.ents if ent.label_ in ("ORG", "PER") and len(ent) > 1
                         for i in range(ent.start, ent.end - 1)}
        # capitalised words inside a multi-word name are no verbs ("Will Grant" tagged VMFIN)
        self.in_name = {i for ent in self.ents if ent.label_ in ("PER", "ORG", "LOC") and len(ent) > 1
                        for i in range(ent.start, ent.end) if self.tok[i].text[:1].isupper()}

    @staticmethod
    def _split_missed(doc: Doc, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Split after a free-standing "." / "!" / "?" followed by a capitalised word, which the
        segmenter sometimes misses ("... vom Typ MI-17. Der Hubschrauber sei ..."), and after a
        year or decimal number that keeps the period ("im Jahr 1942. Jetzt", "zirka 1.000. Zu");
        abbreviations and ordinals ("17. März") are not affected."""
        out: list[tuple[int, int]] = []
        for s, e in sents:
            start = s
            for k in range(s + 1, e - 1):
                nxt = doc[k + 1]
                end = doc[k].text in (".", "!", "?") or NUMBER_AT_END.match(doc[k].text) is not None
                if end and doc[k].whitespace_ and nxt.is_alpha and nxt.text[:1].isupper():
                    out.append((start, k + 1))
                    start = k + 1
            out.append((start, e))
        return out

    @staticmethod
    def _join_broken(doc: Doc, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Join a sentence that ends without final punctuation to the next one on the same line
        (the parser sometimes cuts "Laut einem Bericht von amnesty international (ai) | nimmt ...")."""
        out: list[tuple[int, int]] = []
        for s, e in sents:
            if out:
                ps, pe = out[-1]
                last = next((doc[k] for k in range(pe - 1, ps - 1, -1) if not doc[k].is_space), None)
                broken = last is not None and last.text not in ".!?:;…\"“”»«'’" and "\n" not in doc[pe - 1].text_with_ws \
                    and not doc[pe - 1].is_space and doc[s].text[:1].islower()
                if broken:
                    out[-1] = (ps, e)
                    continue
            out.append((s, e))
        return out

    # ---------------------------------------------------------------- token tests
    def word(self, i: int, cls: str) -> bool:
        return self.lower[i] in self.w.get(cls, ()) or self.tok[i].text in self.w.get(cls, ())

    def is_source_noun(self, i: int, cls: str = "source_noun") -> bool:
        """"Angaben", "Polizeiangaben", "Expertenmeinung": a noun naming where a report comes from."""
        text = self.tok[i].text
        if not text[:1].isupper():
            return False
        if text in self.w.get(cls, ()):
            return True
        low = self.lower[i]
        return any(low.endswith(n.lower()) for n in self.w.get(cls, ()) if len(n) > 5)

    def is_named(self, s: int, e: int) -> bool:
        """Does [s, e) hold a person or organisation name of the NER?"""
        return any(ent.start < e and s < ent.end and ent.label_ in ("PER", "ORG") for ent in self.ents)

    def is_punct(self, i: int) -> bool:
        return self.punct[i]

    def is_boundary(self, i: int) -> bool:
        return self.tok[i].text in BOUNDARY or self.is_mark[i]

    def is_finite(self, i: int) -> bool:
        tok = self.tok[i]
        if i in self.in_name:
            return False
        if self.has_tags:
            return tok.tag_ in FINITE_TAGS or self.mistagged_verb(i)
        return self.word(i, "aux") or self.word(i, "ki") or bool(self.lex.verbs_by_form.get(self.lower[i]))

    def is_ki(self, i: int) -> bool:
        """Konjunktiv I (or a form the word list knows as such)."""
        tok = self.tok[i]
        if self.has_morph and tok.tag_ in FINITE_TAGS:
            mood, tense = tok.morph.get("Mood"), tok.morph.get("Tense")
            if "Sub" in mood and "Past" not in tense:
                return True
            if "Ind" in mood:
                return False
        if self.has_tags and tok.tag_ and tok.tag_ not in FINITE_TAGS:
            return False
        return self.lower[i] in self.w.get("ki", ())

    def is_nounish(self, i: int) -> bool:
        tok = self.tok[i]
        if i in self.in_name:
            return True
        if self.has_tags:
            if tok.tag_ in ("ADJA", "ADJD") and "-" in tok.text[1:] and tok.text.rsplit("-", 1)[-1][:1].isupper():
                # "so der UN-Mitarbeiter." with the compound tagged ADJA: a noun when no noun follows it
                return i + 1 >= self.n or self.tok[i + 1].tag_ not in ("NN", "NE")
            return tok.tag_ in ("NN", "NE", "FM", "XY", "TRUNC")
        if "-" in tok.text[1:] and tok.text.rsplit("-", 1)[-1][:1].isupper():
            return True  # "ai-Bericht", "US-Präsident"
        return tok.text[:1].isupper() and not self.word(i, "det") and not self.word(i, "preposition") \
            and not self.word(i, "adverb") and not self.word(i, "content_start") and tok.is_alpha \
            or ("-" in tok.text and tok.text[:1].isupper())

    def is_np_token(self, i: int) -> bool:
        tok = self.tok[i]
        if self.has_tags:
            return tok.tag_ in NP_TAGS or i in self.in_name
        if self.is_nounish(i) or self.word(i, "det"):
            return True
        return tok.is_alpha and tok.text.islower() and tok.text.endswith(("e", "en", "er", "es", "em")) \
            and not self.lex.verbs_by_form.get(self.lower[i]) and not self.word(i, "aux") \
            and not self.word(i, "preposition") and not self.word(i, "adverb") and not self.word(i, "content_start")

    def is_pronoun(self, i: int) -> bool:
        tok = self.tok[i]
        if self.has_tags and tok.tag_:
            return tok.tag_ == "PPER" and self.lower[i] != "es"
        return self.word(i, "pronoun") or self.lower[i] in ("ich", "wir")

    # ---------------------------------------------------------------- spans
    def np_at(self, j: int, limit: int, skip: int = 3) -> tuple[int, int] | None:
        """The noun phrase that starts at j (after up to `skip` adverbs), ending before `limit`."""
        k = j
        while k < limit and skip > 0 and (self.word(k, "adverb") or (self.has_tags and self.tok[k].tag_ in ("ADV", "PTKNEG"))):
            k += 1
            skip -= 1
        if k >= limit:
            return None
        if self.is_pronoun(k) or self.word(k, "impersonal"):
            return (k, k + 1)
        start = k
        has_noun = False
        while k < limit and self.is_np_token(k):
            if has_noun and self.starts_new_np(k):
                break  # "laut el-Baradei | die Bearbeitung ...": a second article opens the content
            has_noun |= self.is_nounish(k)
            k = self.name_end.get(k, k + 1) if has_noun else k + 1  # "Ärzte ohne Grenzen" stays whole
            if k > limit:
                k = limit
                break
            # genitive or "von" extension: "Sprecher des Ministeriums", "Kamanda von der Behörde"
            if has_noun and k + 1 < limit and (self.lower[k] in ("des", "der") or self.lower[k] in ("von", "vom")) \
                    and (self.is_np_token(k + 1) or self.is_nounish(k + 1)):
                k += 1
            if has_noun and k + 1 < limit and self.lower[k] == "und" and self.is_np_token(k + 1):
                k += 1
        if not has_noun:
            return None
        while k > start and self.lower[k - 1] in ("und", "des", "der", "von", "vom"):
            k -= 1
        return (start, k)

    def starts_new_np(self, k: int) -> bool:
        """Does a determiner at k open a new noun phrase after a noun (not a genitive "des/der")?"""
        if self.has_tags:
            if self.tok[k].tag_ == "CARD":  # "laut Behördenangaben | 7.000 Menschen"
                return k + 1 < self.n and self.tok[k + 1].tag_ in ("NN", "ADJA")
            return self.tok[k].tag_ in ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT") and self.lower[k] not in GENITIVE_DETS
        return self.word(k, "det") and self.lower[k] not in GENITIVE_DETS

    def marked_title_after(self, j: int) -> tuple[int, int] | None:
        """The span of a title in quotation marks that opens at token j („Berliner Zeitung“)."""
        for o, c in self.mark_pairs:
            if o == j and c - o <= 8:
                return (o, c + 1)
        return None

    def np_list(self, s: int, e: int) -> bool:
        """True when [s, e) is a noun phrase with appositions: "Hans Papier, Präsident des Gerichts"."""
        k, skip = s, 2
        while k < e:
            j = k
            while j < e and self.tok[j].text != ",":
                j += 1
            sp = self.np_at(k, j, skip=skip)
            if any(self.is_finite(x) for x in range(k, j)):
                return False
            if not (sp and sp[1] == j) and not self.is_apposition(k, j):
                return False
            k, skip = j + 1, 0
        return True

    def is_apposition(self, a: int, b: int) -> bool:
        """Is [a, b) a noun phrase with prepositional parts or a name in marks, as in appositions
        ("Vorsitzender des Ausschusses im Senat", "Der Geschäftsführer von „Ener1“")?"""
        if not self.has_tags or b <= a or self.words_in(a, b) > 10:
            return False
        first = self.tok[a]
        if not (first.tag_ in ("ART", "NN", "NE", "ADJA", "PPOSAT", "CARD") or self.is_mark[a] or a in self.in_name):
            return False
        if any((self.tok[x].tag_.startswith("V") and x not in self.in_name) or self.tok[x].tag_ in ("KOUS", "PRELS", "PWS", "PWAV")
               for x in range(a, b)):
            return False
        return any(self.is_nounish(x) for x in range(a, b))

    def name_tail(self, sp: tuple[int, int], e: int) -> tuple[int, int]:
        """`sp` extended over a short name in quotation marks or brackets right after it: "die
        Nachrichtenagentur „Xinhua“", "des United States Geological Survey (USGS)"."""
        k = sp[1]
        if k < e and self.is_mark[k]:
            title = self.marked_title_after(k)
            if title and title[1] <= e:
                return (sp[0], title[1])
        if k < e - 1 and self.tok[k].text == "(":
            close = next((j for j in range(k + 1, min(e, k + 6)) if self.tok[j].text == ")"), None)
            if close is not None and not any(self.is_finite(j) for j in range(k + 1, close)):
                return (sp[0], close + 1)
        return sp

    def apposition_after(self, sp: tuple[int, int], e: int) -> tuple[int, int]:
        """`sp` extended over ", apposition," right after it ("laut dem Chefankläger, Luis Moreno
        Ocampo, sollen ..."): the apposition names the same source, it is no part of the content."""
        k = sp[1]
        if k >= e - 1 or self.tok[k].text != ",":
            return sp
        j = k + 1
        while j < e and self.tok[j].text not in (",", ";", ":", ".", "!", "?"):
            j += 1
        if j < e and self.tok[j].text == "," and self.is_apposition(k + 1, j):
            return (sp[0], j)
        return sp

    def np_before(self, j: int, floor: int) -> tuple[int, int] | None:
        """The noun phrase that ends just before j (for "X zufolge", "X gegenüber")."""
        k = j
        if k > floor and self.is_mark[k - 1]:
            k -= 1  # dem „Figaro“ zufolge
        while k > floor and (self.is_np_token(k - 1) or self.is_mark[k - 1]):
            k -= 1
        while k < j and self.is_mark[k] and not any(o == k for o, _ in self.mark_pairs):
            k += 1
        if k == j or not any(self.is_nounish(x) for x in range(k, j)):
            return None
        return (k, j)

    def clause_left(self, i: int, s: int) -> int:
        """Index of the boundary token left of i in its sentence, or s-1."""
        k = i - 1
        while k >= s:
            t = self.tok[k].text
            if t == ")":
                depth = 1
                k -= 1
                while k >= s and depth:
                    depth += {")": 1, "(": -1}.get(self.tok[k].text, 0)
                    k -= 1
                continue
            if self.is_boundary(k):
                return k
            k -= 1
        return s - 1

    def clause_right(self, i: int, e: int) -> int:
        """Index of the boundary token right of i in its sentence, or the sentence end."""
        k = i + 1
        while k < e:
            t = self.tok[k].text
            if t == "(":
                depth = 1
                k += 1
                while k < e and depth:
                    depth += {"(": 1, ")": -1}.get(self.tok[k].text, 0)
                    k += 1
                continue
            if self.is_boundary(k) or (k + 1 == e and self.tok[k].text in END_PUNCT):
                return k
            k += 1
        return e

    def trim(self, s: int, e: int) -> tuple[int, int] | None:
        """Drop punctuation, dashes and unpaired marks at both ends of [s, e)."""
        changed = True
        while changed and s < e:
            changed = False
            while s < e and (self.tok[s].text in END_PUNCT or self.tok[s].is_space or self.tok[s].text in "–—-"):
                s, changed = s + 1, True
            while e > s and (self.tok[e - 1].text in END_PUNCT or self.tok[e - 1].is_space or self.tok[e - 1].text in "–—-"):
                e, changed = e - 1, True
            if s < e and self.is_mark[s] and not any(o == s and c < e for o, c in self.mark_pairs):
                s, changed = s + 1, True
            if s < e and self.is_mark[e - 1] and not any(c == e - 1 and o >= s for o, c in self.mark_pairs):
                e, changed = e - 1, True
        return (s, e) if e > s and any(not self.is_punct(x) for x in range(s, e)) else None

    def words_in(self, s: int, e: int) -> int:
        return sum(1 for x in range(s, e) if not self.is_punct(x))

    # ---------------------------------------------------------------- cues
    def verb_cue(self, i: int, s: int, e: int) -> Cue | None:
        tok = self.tok[i]
        if self.has_tags and tok.tag_ and not tok.tag_.startswith("V") and not self.mistagged_verb(i):
            return None
        if not self.has_tags and tok.text[:1].isupper() and i > s and not self.is_mark[i - 1]:
            return None  # a capitalised word inside a sentence is a noun ("Bitte"), not a verb
        cands = list(self.lex.verbs_by_form.get(self.lower[i], ()))
        if tok.lemma_ and tok.lemma_ != tok.text:
            cands += [v for v in self.lex.verbs_by_lemma.get(tok.lemma_.lower(), ()) if v not in cands]
        if not cands:
            return None
        best: Cue | None = None
        for verb in cands:
            if verb.lemma in self.w.get("impersonal_verb", ()):
                # "heißt es", "hieß es", "wie es in der Erklärung hieß"
                left = self.clause_left_loose(i, s)
                near = [k for k in (i - 1, i + 1) if s <= k < e] + ([left + 2] if self.lower[left + 1] == "wie" else [])
                if not any(s <= k < e and self.lower[k] == "es" for k in near):
                    continue
            if verb.lemma in self.w.get("not_with_es", ()) and any(
                    s <= k < e and self.lower[k] == "es" for k in (i - 1, i + 1)):
                continue
            if not verb.particle:
                if best is None:
                    best = Cue(i, verb)
                continue
            *others, last = verb.particle.split()
            if self.lower[i].startswith(last) and not verb.lemma.startswith(last) and not others:
                return Cue(i, verb)  # fused: "mitteilte", "angekündigt"
            right = self.clause_right_loose(i, e)
            left = self.clause_left_loose(i, s)
            window = list(range(i + 1, right)) + list(range(i - 1, left, -1))
            if others and not all(any(self.lower[k] == o for k in window) for o in others):
                continue  # "geht davon aus" needs "davon" too
            for k in window:
                if self.lower[k] == last and not self.in_marks[k] > self.in_marks[i] \
                        and not (self.has_tags and self.tok[k].tag_ == "PTKZU"):  # "Auskunft zu geben" is no "zugeben"
                    return Cue(i, verb, particle=k)
            fused = others and self.lower[i].startswith(last) and not verb.lemma.startswith(last)
            if fused:
                return Cue(i, verb)  # "davon ausgeht"
        return best

    def mistagged_verb(self, i: int) -> bool:
        """A speech-verb form the tagger called an adjective but the parser made the root of its
        sentence ("Ohrenzeugen berichteten/ADJD von einem Knall")."""
        tok = self.tok[i]
        if tok.tag_ not in ("ADJA", "ADJD") or not self.lex.verbs_by_form.get(self.lower[i]):
            return False
        s = self.sents[self.sent_of[i]][0]
        # "Zudem appellierte/ADJA Felipe Calderón an ...": a verb form right after one fronted adverb
        second = i == s + 1 and self.tok[s].tag_ in ("ADV", "PAV") and not self.lower[i].startswith("ge")
        return tok.dep_ == "ROOT" or second

    def clause_left_loose(self, i: int, s: int) -> int:
        k = i - 1
        while k >= s and self.tok[k].text not in (",", ";", ":"):
            k -= 1
        return k

    def clause_right_loose(self, i: int, e: int) -> int:
        """End of the clause of i; passes one ", apposition," when a word closes the clause after it."""
        k = i + 1
        while k < e and self.tok[k].text not in (",", ";", ":", ".", "!", "?"):
            k += 1
        if k < e and self.tok[k].text == ",":
            j = k + 1
            while j < e and self.tok[j].text not in (",", ";", ":", ".", "!", "?"):
                j += 1
            if j + 1 < e and self.tok[j].text == "," and self.np_at(k + 1, j, skip=0) == (k + 1, j) \
                    and (j + 2 >= e or self.tok[j + 2].text in (",", ".", ":", ";")):
                return j + 2
        return k

    # ---------------------------------------------------------------- speaker / addressee
    def subject_of(self, v: int, lo: int, hi: int) -> tuple[int, int] | None:
        """The subject of verb v from the parse, clipped to [lo, hi)."""
        if not self.has_parse:
            return None
        tok = self.tok[v]
        heads = [tok]
        if tok.dep_ in ("conj",) and tok.head.i != v:
            heads.append(tok.head)
        if tok.dep_ in ("aux", "aux:pass", "cop"):
            heads.append(tok.head)
        for h in heads:
            for child in h.children:
                if child.dep_ in SUBJECT_DEPS and lo <= child.i < hi:
                    if self.has_tags and self.tok[child.left_edge.i].tag_ in ("APPR", "APPRART") \
                            and self.lower[child.left_edge.i] in self.w.get("attribution_prep", ()):
                        continue  # "Laut BBC sagte der Minister": the parse made the source the subject
                    left = max(child.left_edge.i, lo)
                    right = min(child.right_edge.i + 1, hi)
                    span = self.trim(left, right)
                    if span and span[1] - span[0] <= 25:
                        return span
                    return (child.i, child.i + 1)
        return None

    def speaker_in_frame(self, cue: Cue, lo: int, hi: int, cands_in_sent: list[tuple[Cue, tuple[int, int] | None]]) -> tuple[int, int] | None:
        v = cue.i
        if cue.particle is not None and cue.particle > v:
            hi = min(hi, cue.particle)  # "räumte Rasmussen ein": the particle is no part of the speaker
        span = self.subject_of(v, lo, hi)
        if span and not (span[0] <= v < span[1]) and not (span[1] - span[0] == 1 and self.word(span[0], "anaphor")):
            return span
        if v > lo and self.lower[v - 1] == "und":
            for other, sp in reversed(cands_in_sent):
                if other.i < v and sp:
                    return sp
        # subordinate frame "wie X mitteilte"
        if self.lower[lo] == "wie" and v > lo + 1:
            return self.np_at(lo + 1, v)
        if lo < v and self.has_tags and self.tok[lo].tag_ in ("VAFIN", "VMFIN") and not self.is_finite(v):
            sp = self.np_at(lo + 1, v, skip=0)  # "..., hatte Obama in Moskau gesagt"
            if sp:
                return sp
        if v == lo:  # verb first: "..., sagte er", "..., räumte Rasmussen ein"
            after = self.np_at(v + 1, hi)
            if after or lo == 0 or self.tok[lo - 1].text != ",":
                return after
            # "X, der Y empfangen hatte, machte ...": the subject stands before the relative clause
            s = self.sents[self.sent_of[v]][0]
            l2 = self.clause_left(lo - 1, s)
            if l2 >= s and self.tok[l2].text == "," and (self.tok[l2 + 1].tag_ == "PRELS" or self.word(l2 + 1, "det")):
                return self.np_before(l2, s)
            return None
        first = lo
        while first < v and (self.word(first, "adverb") or self.lower[first] in ("und", "aber", "doch")):
            first += 1
        if first < v and not self.word(first, "preposition") and not self.word(first, "anaphor") \
                and not self.word(first, "adverbial_start") and not (self.has_tags and self.tok[first].tag_ in ("APPR", "APPRART", "ADV", "PAV", "PDS", "KOUS")):
            sp = self.np_at(first, v, skip=0)
            if sp and sp[0] == first:
                return sp
        return self.np_at(v + 1, hi)

    def addressee_in(self, lo: int, hi: int, cue: Cue) -> tuple[int, int] | None:
        if self.has_parse:
            for child in self.tok[cue.i].children:
                if child.dep_ in ("iobj", "da") and lo <= child.i < hi:
                    return self.trim(max(child.left_edge.i, lo), min(child.right_edge.i + 1, hi))
        for k in range(lo, hi):
            low = self.lower[k]
            if low == "vor" and cue.verb and cue.verb.prep == "vor":
                continue
            if low in self.w.get("addressee_marker", ()) and k + 1 < hi:
                if low == "gegenüber":
                    sp = self.np_at(k + 1, hi, skip=0) or self.np_before(k, lo)
                else:
                    sp = self.np_at(k + 1, hi, skip=0)
                if sp:
                    return sp
            if k + 1 < hi and f"{self.tok[k].text} {self.lower[k + 1]}" in self.w.get("addressee_marker", ()):
                sp = self.np_at(k + 2, hi, skip=0)
                if sp:
                    return sp
        return None

"""The read-only context of one Doc that every quote step reads.

Built once per article: the tokens and their lower-case forms, the sentences (the segmenter's, with
missed ends split and broken ones joined), the quotation-mark pairs, the NER's names, the lexicon
of `resources/de/` (speech verbs, quote word classes, marks), the learned direct-quote table, and
the cues of every sentence (`cues.sentence_cues`). Its methods are the token tests the steps share
(finite verb? Konjunktiv I? noun? pronoun?). Nothing can be assigned to it after it is built.

The tests read whatever the core pipeline gives: STTS tags, morphology (Mood=Sub for Konjunktiv I),
lemmas and the dependency parse where present, and word lists from `resources/de/` where they are
not (a blank pipeline still finds direct quotes and most frames).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from lagebild.quotes.candidate import Cue
from lagebild.quotes.lexicon import Lexicon
from lagebild.quotes.marks import pair_marks

BOUNDARY = {",", ";", ":", "(", ")", "–", "—", "-"}
END_PUNCT = {".", "!", "?", ",", ";", ":", "…"}
NP_TAGS = {"ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "NN", "NE", "CARD", "TRUNC", "PIDAT", "FM", "XY", "PRELAT", "PWAT"}
FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}
NUMBER_AT_END = re.compile(r"^(\d[\d.,]*[.,]\d+|\d{4})\.$")  # "1.000." "7,1." "1942." at a sentence end


class Context:
    """What the quote steps know about one Doc (read-only once built)."""

    cues: tuple[tuple[Cue, ...], ...]  # the cues of each sentence, in token order

    def __init__(self, doc: Doc, lex: Lexicon, direct_table: dict | None = None):
        """Everything is computed here once; afterwards the context cannot be changed."""
        self.doc = doc
        self.tok = list(doc)  # made once: `doc[i]` makes a new Token object on every access
        self.lex = lex
        self.n = len(doc)
        self.has_tags = any(t.tag_ for t in self.tok[:50])
        self.has_morph = any(str(t.morph) for t in self.tok[:50])
        self.has_parse = doc.has_annotation("DEP")
        self.lower = [t.text.lower() for t in self.tok]
        self.punct = [t.is_punct or t.is_space for t in self.tok]
        sents = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") or self.has_parse else [(0, self.n)]
        self.sents = split_missed(self.tok, join_broken(self.tok, sents))
        self.sent_of = [0] * self.n
        for k, (s, e) in enumerate(self.sents):
            for i in range(s, e):
                self.sent_of[i] = k
        self.direct_table = direct_table or {}
        self.mark_pairs = pair_marks(self.tok, lex.marks)
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
        self.person_names, self.person_spans = _person_mentions(doc)
        self.sent_of, self.in_marks, self.is_mark = tuple(self.sent_of), tuple(self.in_marks), tuple(self.is_mark)
        from lagebild.quotes.cues import sentence_cues  # the cue tests read the context built so far

        self.cues = tuple(tuple(sentence_cues(self, s, e)) for s, e in self.sents)
        self._built = True

    def low_in(self, i: int, cls: str) -> bool:
        """Is token i, in lower case, a word of class `cls` (`quote_words.tsv`)?"""
        return self.lower[i] in self.w.get(cls, ())

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

    def names_or_reports(self, s: int, e: int) -> bool:
        """Does [s, e) hold a person or organisation name of the NER, or a report ("Der Bericht")?"""
        return self.is_named(s, e) or any(self.is_source_noun(i) for i in range(s, e))

    def names_someone(self, s: int, e: int) -> bool:
        """`names_or_reports`, or a person or organisation the entities stage found, named or not
        ("der Bürgermeister von New Orleans")?"""
        return self.names_or_reports(s, e) or any(a < e and s < b for a, b in self.person_spans)

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
            return tok.tag_ == "PPER" and not self.low_in(i, "expletive")
        return self.word(i, "pronoun") or self.low_in(i, "first_person_subject")

    def starts_new_np(self, k: int) -> bool:
        """Does a determiner at k open a new noun phrase after a noun (not a genitive "des/der")?"""
        if self.has_tags:
            if self.tok[k].tag_ == "CARD":  # "laut Behördenangaben | 7.000 Menschen"
                return k + 1 < self.n and self.tok[k + 1].tag_ in ("NN", "ADJA")
            return self.tok[k].tag_ in ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT") and not self.low_in(k, "genitive_det")
        return self.word(k, "det") and not self.low_in(k, "genitive_det")

    def words_in(self, s: int, e: int) -> int:
        return sum(1 for x in range(s, e) if not self.is_punct(x))

    def __setattr__(self, name: str, value) -> None:
        if getattr(self, "_built", False):
            raise AttributeError(f"the quote context is read-only (tried to set {name!r})")
        object.__setattr__(self, name, value)

    def sentence_of(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence of token i."""
        return self.sents[self.sent_of[i]]

    def has_cue(self, k: int) -> bool:
        """Does sentence k hold any cue?"""
        return bool(self.cues[k])


def _person_mentions(doc: Doc) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """(first token -> end token of every name, token spans of every mention) of the people and
    organisations that the entities stage found: it also finds repeated names the NER missed (a
    surname tagged as an adjective) and the nameless ones ("der Bürgermeister", "die Polizei")."""
    article = doc._.article if Doc.has_extension("article") else None
    names: dict[int, int] = {}
    spans: list[tuple[int, int]] = []
    for ent in getattr(article, "entities", None) or []:
        if ent.type not in ("PER", "ORG"):
            continue
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end)
            if span is None:
                continue
            spans.append((span.start, span.end))
            if m.form == "name":
                names[span.start] = max(names.get(span.start, 0), span.end)
    return names, spans


def split_missed(doc: Sequence[Token], sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
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

def join_broken(doc: Sequence[Token], sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
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

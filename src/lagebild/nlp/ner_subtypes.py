"""GermEval's `deriv` and `part` entity forms from the demonym lexicon, for words the NER left out.

GermEval 2014 marks words derived from a name (`russischen`, `Europäer`: LOCderiv) and compounds
that contain one (`US-Präsident`: LOCpart, `EU-Kommission`: ORGpart). Twelve labels make the
transition-based NER check 49 actions per word (4 per label plus "outside"), and spaCy 3.8's
action checks take and release the GIL each time, so the four base labels alone make the NER
about twice as fast. These forms follow from the word itself, so a lexicon finds them:

* adjectives of `resources/de/demonyms.tsv` with any ending (`russisch|en`) -> LOCderiv;
* demonym nouns (`Russen`, `Europäer`) -> LOCderiv, except as a sentence's first word, where a
  capitalised adjective could stand, and except words that are also family names;
* a hyphenated compound whose first part is a place of the lexicon (`US-`, `Nahost-`) -> LOCpart,
  `EU-` -> ORGpart.

The same class relabels the NER training corpora other than GermEval (training/prepare_ner.py).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from lagebild.paths import resource_rows

ADJ_ENDINGS = ("en", "em", "er", "es", "e", "")
NOUN_ENDINGS = ("n", "en", "nen", "s")
# demonym nouns that are just as often family names or a noun of another meaning
NOT_DEMONYM_NOUNS = frozenset({"Franke", "Bayer", "Preuße", "Deutsche"})
ORG_PREFIXES = frozenset({"EU"})


class Demonyms:
    """The demonym lexicon as the three word tests GermEval's subtypes need."""

    def __init__(self, rows: list[list[str]] | None = None):
        if rows is None:
            rows = resource_rows("demonyms.tsv")
        self.adj = {r[0].lower() for r in rows if r[1] == "adj" and r[0].split("-")[-1][:1].islower()}
        names = {r[0] for r in rows if r[1] == "name"}
        self.noun = {r[0] for r in rows if r[1] == "noun"} - names - NOT_DEMONYM_NOUNS
        self.prefix = {r[0] for r in rows if r[1] in ("prefix", "name") and " " not in r[0]}
        # capitalised, invariable city adjectives ("Münchner", "Zürcher")
        self.city_adj = {r[0] for r in rows if r[1] == "adj" and r[0][:1].isupper() and " " not in r[0]}
        # the places the lexicon knows: every row's place and the place names themselves ("Eritrea")
        self.places = {r[2] for r in rows} | names

    def is_adj(self, w: str) -> bool:
        if not w[:1].islower():
            return False
        lw = w.lower()
        return any(lw.endswith(suf) and lw[: len(lw) - len(suf)] in self.adj for suf in ADJ_ENDINGS)

    def is_noun(self, w: str) -> bool:
        return w in self.noun or any(w.endswith(suf) and w[: -len(suf)] in self.noun for suf in NOUN_ENDINGS)

    def part(self, w: str) -> str | None:
        if "-" not in w:
            return None
        head = w.split("-")[0]
        if head in self.prefix and len(w) > len(head) + 2:
            return "ORGpart" if head in ORG_PREFIXES else "LOCpart"
        return None

    def label(self, w: str, sentence_start: bool) -> str | None:
        """The subtype label of the word `w`, or None."""
        if self.is_adj(w) or (not sentence_start and self.is_noun(w)):
            return "LOCderiv"
        return self.part(w)

    def relabel(self, words: list[str], labels: list[str]) -> list[str]:
        """BILUO labels of one sentence ('O', '-' missing, ...): 'O' words with a subtype become U-<label>."""
        out = list(labels)
        for i, w in enumerate(words):
            if out[i] == "O":
                label = self.label(w, i == 0)
                if label:
                    out[i] = "U-" + label
        return out


@lru_cache(maxsize=1)
def demonyms() -> Demonyms:
    return Demonyms()


@lru_cache(maxsize=100_000)
def word_label(word: str, sentence_start: bool) -> str | None:
    """`Demonyms.label` with a memo: the suffix tests run once per distinct word."""
    return demonyms().label(word, sentence_start)


def subtype_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """One-word deriv/part spans for the words of `doc` outside `taken` (token indices in entities)."""
    spans = []
    for tok in doc:
        if tok.i not in taken and not tok.is_space:
            label = word_label(tok.text, tok.i == 0 or tok.is_sent_start is True)
            if label:
                spans.append(Span(doc, tok.i, tok.i + 1, label=label))
    return spans

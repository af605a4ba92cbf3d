"""Lemma repair after the core model, for words the edit-tree lemmatizer never saw.

The lemmatizer learns edit trees ("remove -e, add nothing") from about 500k training words, most
of them 19th-century prose. On a news compound it has not seen it often keeps the plural
("Gewitterstürme") or cuts a letter too many ("Eisenreserv", "Außenpost"). German builds such
nouns from a known head, so this component looks the head up instead:

* **Nouns** (STTS `NN`) whose form is not in `resources/de/noun_lemmas.tsv` (the lemmatizer saw
  those in training and gets them right): the longest known form at the end of the word, at
  least MIN_HEAD letters, after at least MIN_MODIFIER letters, gives the head's lemma
  ("Gewitter|stürme" -> "Gewittersturm", "Nato-|Chefs" -> "Nato-Chef").
* **Full verbs**: "-iern" is no German infinitive ending except in "-eiern" ("tituliert" ->
  "tituliern" becomes "titulieren"); a finite verb whose lemma does not end in -n gets the weak-verb
  infinitive of its form when that infinitive is in `resources/de/verb_lemmas.tsv`
  ("abkühlt" -> "abkühlen").

Measured on the core model's tuning split (PUD every 10th sentence + Redewiedergabe every 40th
file; `training/make_lemma_lexicons.py` builds both lists from the training split only): lemma
accuracy 95.84 -> 96.16 (PUD part 95.75 -> 96.47); GSD test figures are in models/de_core/README.md.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.paths import resource_rows

MIN_HEAD = 5      # shortest compound head looked up ("stürme"; "ung" or "ente" would mislead)
MIN_MODIFIER = 3  # shortest first part ("Eisen|reserven", not "E|isenreserven")
WEAK_ENDINGS = ("test", "tet", "ten", "te", "st", "t", "e")  # longest first


@lru_cache(maxsize=1)
def noun_lemmas() -> dict[str, str]:
    """Lower-cased noun form -> lemma, from the core model's training data."""
    return {row[0]: row[1] for row in resource_rows("noun_lemmas.tsv")}


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Full-verb infinitives seen in the core model's training data."""
    return frozenset(row[0] for row in resource_rows("verb_lemmas.tsv"))


def compound_lemma(form: str, lemma: str) -> str:
    """The lemma of a noun from its known head, or `lemma` when the form is known or has no known head."""
    known = noun_lemmas()
    stem, hyphen, last = form.rpartition("-")
    if not last.isalpha() or (last.lower() in known and not hyphen):
        return lemma
    low = last.lower()
    start = 0 if hyphen else MIN_MODIFIER
    for i in range(start, len(low) - MIN_HEAD + 1):
        head = known.get(low[i:])
        if head is None:
            continue
        if i == 0:  # the whole part after the hyphen is a known noun: "Nato-Chefs"
            return f"{stem}-{head}"
        joined = last[:i] + head.lower()
        return stem + hyphen + joined[:1].upper() + joined[1:]
    return lemma


def verb_lemma(form: str, tag: str, lemma: str) -> str:
    """A full verb's lemma with the two infinitive checks of the module docstring."""
    if lemma.endswith("iern") and not lemma.endswith("eiern"):
        return lemma[:-4] + "ieren"
    if tag != "VVFIN" or lemma.endswith("n"):
        return lemma
    low = form.lower()
    for ending in WEAK_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            guess = stem + "n" if stem.endswith(("er", "el")) else stem + "en"
            return guess if guess in verb_lemmas() else lemma
    return lemma


@Language.component("lagebild_lemma_repair", requires=["token.tag", "token.lemma"], assigns=["token.lemma"])
def lemma_repair(doc: Doc) -> Doc:
    for token in doc:
        tag = token.tag_
        if tag == "NN":
            new = compound_lemma(token.text, token.lemma_)
        elif tag.startswith("VV"):
            new = verb_lemma(token.text, tag, token.lemma_)
        else:
            continue
        if new != token.lemma_:
            token.lemma_ = new
    return doc

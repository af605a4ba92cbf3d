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
  "tituliern" becomes "titulieren"); a finite verb (VVFIN) whose lemma is no known infinitive gets
  the weak-verb infinitive of its form when that infinitive is in `resources/de/verb_lemmas.tsv`
  ("abkühlt" -> "abkühlen", "beurteilte" -> "beurteilen" instead of "beurteiln"); so does a weak
  participle (VVPP), its separable particle kept ("aufgebaut" -> "aufbauen", "abgeklärt" ->
  "abklären" instead of "abgeklären"), and a particle verb's zu-infinitive ("klarzustellen" ->
  "klarstellen").
* **Names** (PROPN or STTS `NE`) and the invariable city adjectives of `resources/de/demonyms.tsv`
  keep the capital the lemmatizer's lower-casing trees took ("Hamas" -> "Hamas", not "hamas";
  "Münchner" -> "Münchner") and lose a genitive -s when the article also has the bare name
  ("Chiracs" -> "Chirac").

`training/make_lemma_lexicons.py` builds both word lists from the core model's training split only.
What the repair gains on the tuning data and on GSD test is in models/de_core/README.md.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.finite import PARTICLES, ZU_INFINITIVE
from lagebild.nlp.ner_subtypes import demonyms
from lagebild.nlp.word_lists import noun_lemmas, verb_lemmas

MIN_HEAD = 5      # shortest compound head looked up ("stürme"; "ung" or "ente" would mislead)
MIN_MODIFIER = 3  # shortest first part ("Eisen|reserven", not "E|isenreserven")
WEAK_ENDINGS = ("test", "tet", "ten", "te", "st", "t", "e")  # longest first
# a weak participle, with a separable particle before ge-: "(auf)ge(bau)t", "(ab)ge(klär)t", "ge(öl)t"
_WEAK_PARTICIPLE = re.compile(rf"^({PARTICLES})?ge([a-zäöüß]{{2,}}?)e?t$")


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


def _infinitive(stem: str) -> str:
    return stem + "n" if stem.endswith(("er", "el")) else stem + "en"


def verb_lemma(form: str, tag: str, lemma: str) -> str:
    """A full verb's lemma with the infinitive checks of the module docstring."""
    if lemma.endswith("iern") and not lemma.endswith("eiern"):
        return lemma[:-4] + "ieren"
    if lemma in verb_lemmas():
        return lemma
    low = form.lower()
    match = ZU_INFINITIVE.match(low)  # a particle verb's zu-infinitive: "(klar)zu(stellen)"
    if match and match.group(1) + match.group(2) in verb_lemmas():
        return match.group(1) + match.group(2)
    if tag not in ("VVFIN", "VVPP"):
        return lemma
    if tag == "VVPP":
        match = _WEAK_PARTICIPLE.match(low)
        guess = _infinitive((match.group(1) or "") + match.group(2)) if match else None
        return guess if guess in verb_lemmas() else lemma
    for ending in WEAK_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            guess = _infinitive(low[: -len(ending)])
            return guess if guess in verb_lemmas() else lemma
    return lemma


def name_lemma(form: str, lemma: str, doc_words: set[str]) -> str:
    """A name keeps its capital ("Hamas", not "hamas"), and its genitive -s when the article also
    has the bare name ("Chiracs" -> "Chirac")."""
    if form.endswith("s") and form[:-1] in doc_words:
        return form[:-1]
    if lemma != form and lemma.lower() == form.lower() and form[:1].isupper():
        return form
    return lemma


@Language.component("lagebild_lemma_repair", requires=["token.tag", "token.pos", "token.lemma"], assigns=["token.lemma"])
def lemma_repair(doc: Doc) -> Doc:
    doc_words: set[str] | None = None
    city_adjectives = demonyms().city_adj
    for token in doc:
        tag = token.tag_
        if tag == "NN":
            new = compound_lemma(token.text, token.lemma_)
        elif tag.startswith("VV"):
            new = verb_lemma(token.text, tag, token.lemma_)
        else:
            new = token.lemma_
        if token.pos_ == "PROPN" or tag == "NE" or (tag == "ADJA" and token.text in city_adjectives):
            if doc_words is None:
                doc_words = {t.text for t in doc}
            new = name_lemma(token.text, new, doc_words)
        if new != token.lemma_:
            token.lemma_ = new
    return doc

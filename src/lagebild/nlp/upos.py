"""UPOS as UD German GSD marks it, where the core model learnt another convention.

The core model's UPOS comes mostly from Redewiedergabe, whose STTS tags were mapped to UPOS by a
fixed table (VAFIN -> AUX, PIS -> PRON, PTKVZ -> ADP). `lagebild_upos_repair` (after the parser)
and `lagebild_name_upos` (after the NER) set the UPOS GSD gives instead. What each rule gains on
the tuning data and on GSD test is in models/de_core/README.md.

1. `haben`, `sein`, `werden` and the modal verbs from their dependency relation: `AUX` where they
serve another predicate (relation `aux`, `aux:pass` or `cop`: "hat gesagt", "wurde gewählt", "ist
Präsident"), `VERB` where they are the predicate themselves ("Er hat Zeit", "Ich mag Pizza"). In
GSD dev 498 of the 500 AUX of the three verbs have one of the three relations and none of their 80
VERB has; 140 of 140 modals with relation `aux` are AUX and 11 of the other 13 VERB. The model says
AUX nearly always; the parse knows better. A copula whose predicate is an adverb or a
prepositional phrase ("Das Hotel ist in der Innenstadt") is VERB, as GSD marks `sein` there (of
its 210 `cop` heads of `sein`, 195 are ADJ or NOUN).

2. Closed-class words by `resources/de/upos_conventions.tsv`: the UPOS GSD dev gives a word with a
STTS tag ("alles" PIS -> DET, "ein" PTKVZ -> ADV, "anderen" ADJA -> DET; written by
training/make_upos_conventions.py). A separable particle (PTKVZ) too rare for a row of its own is
ADP when the table knows it as a preposition (an APPR row: "um", "gegen") and ADV otherwise
("hinaus", "zurück", "auseinander"), as GSD marks them (on each half of GSD dev, with the table
built from that half alone, 16 of 19 and 13 of 16 such particles).

3. Punctuation: every word the tagger gives a STTS punctuation tag (`$.`, `$,`, `$(`) is `PUNCT`
(GSD dev: 1,672 of 1,674); the morphologizer, trained mostly on Redewiedergabe's quotes, gives
GSD's `''` ADP or ADV.

4. Weekday and month names ("Montag", "Juli"; the forms of `resources/de/time_words.tsv` and their
genitive in -s) tagged `NN` are `PROPN`, as GSD marks them (GSD dev: all 44 of them; UD German PUD
marks them `NOUN`). A word tagged `NE` that the morphologizer called `X` (acronyms: "SPD") is
`PROPN` too.

4b. A capitalised city adjective of `resources/de/demonyms.tsv` ("Münchner", "Zürcher") before a
noun or adjective is `ADJ`/`ADJA` (GSD dev: 8 of 11 city adjectives are ADJ, 2 PROPN inside names
such as "Frankfurter Rundschau", one a noun; PUD 4 of 5 ADJ).

4c. An ordinal written in digits ("2.", "31.") before a word is `ADJ`/`ADJA` (GSD dev and PUD: 44
of 48 such words are ADJ).

5. Names the tagger took for common nouns (`lagebild_name_upos`): a `NOUN` inside a PER, LOC or
ORG entity becomes `PROPN` when it is no common noun the core model was trained on
(`resources/de/noun_lemmas.tsv`), has no such noun as its last part of 4 letters or more (a
compound: "Regionalregierung") and is no abbreviation ("St."). News names unseen in the
19th-century training text ("Schulman", "Sakhalin", "Aoun") are the largest group of UPOS errors
on PUD's tuning tenth; the compound and abbreviation checks keep product-review nouns of GSD
("Grünkohl", "St.") common. The other way round: a word tagged `NE` that no entity covers, that is
not written in capitals or abbreviated and that is itself a common noun of the training data
("Arbeitsmarkt", "Biologe", "Ermittler") becomes `NOUN`/`NN`. This check takes the whole word
only, not its last part, which would make surnames in -mann ("Mannesmann") common nouns.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.ner_subtypes import demonyms
from lagebild.nlp.word_lists import noun_lemmas
from lagebild.paths import resource_rows

AUX_RELATIONS = frozenset({"aux", "aux:pass", "cop"})
NAME_TYPES = frozenset({"PER", "LOC", "ORG"})
ORDINAL = re.compile(r"\d{1,4}\.")
MIN_NOUN_PART = 4  # shortest known last part that makes a word a compound common noun


@lru_cache(maxsize=1)
def upos_conventions() -> dict[tuple[str, str], str]:
    """(STTS tag, lower-cased word) -> UPOS, from resources/de/upos_conventions.tsv."""
    return {(row[0], row[1]): row[2] for row in resource_rows("upos_conventions.tsv")}


@lru_cache(maxsize=1)
def calendar_names() -> frozenset[str]:
    """Weekday and month names with their genitive forms, from resources/de/time_words.tsv."""
    names = {row[0] for row in resource_rows("time_words.tsv") if row[1] in ("weekday", "month")}
    return frozenset(names | {name + "s" for name in names})


@Language.component("lagebild_upos_repair", requires=["token.tag", "token.pos", "token.dep"],
                    assigns=["token.pos", "token.tag"])
def upos_repair(doc: Doc) -> Doc:
    conventions, city_adjectives = upos_conventions(), demonyms().city_adj
    for token in doc:
        tag = token.tag_
        text = token.text
        if tag.startswith(("VA", "VM")):
            if token.pos_ not in ("AUX", "VERB"):
                continue
            pos = "AUX" if token.dep_ in AUX_RELATIONS else "VERB"
            predicate = token.head
            if token.dep_ == "cop" and (predicate.pos_ == "ADV" or any(c.dep_ == "case" for c in predicate.children)):
                pos = "VERB"  # `Das Hotel ist in der Innenstadt`: GSD's `sein` with an adverbial predicate
        elif (text in city_adjectives and token.i + 1 < len(doc)
              and doc[token.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
            pos = "ADJ"
            token.tag_ = "ADJA"
        elif (text[:1].isdigit() and ORDINAL.fullmatch(text) and token.i + 1 < len(doc)
              and not doc[token.i + 1].is_punct):
            pos = "ADJ"  # "am 2. Mai", "der 4. Platz"
            token.tag_ = "ADJA"
        elif tag.startswith("$"):  # GSD dev: 1,672 of 1,674 punctuation tags are PUNCT
            pos = "PUNCT"
        elif (tag == "NN" and text in calendar_names()) or (tag == "NE" and token.pos_ == "X"):
            pos = "PROPN"
        else:
            pos = conventions.get((tag, token.lower_))
            if pos is None and tag == "PTKVZ":  # a particle too rare for a row: ADP if it is a preposition
                pos = "ADP" if ("APPR", token.lower_) in conventions else "ADV"
        if pos is not None and pos != token.pos_:
            token.pos_ = pos
    return doc


def known_common_noun(word: str) -> bool:
    """Whether `word`, or its last part of MIN_NOUN_PART letters or more, is a common noun of the training data."""
    known = noun_lemmas()
    low = word.lower()
    return any(low[i:] in known for i in range(0, len(low) - MIN_NOUN_PART + 1))


@Language.component("lagebild_name_upos", requires=["token.pos", "token.tag", "token.ent_type"],
                    assigns=["token.pos", "token.tag"])
def name_upos(doc: Doc) -> Doc:
    for token in doc:
        if (token.pos_ == "NOUN" and token.ent_type_ in NAME_TYPES and not token.text.endswith(".")
                and not known_common_noun(token.text)):
            token.pos_ = "PROPN"
        elif (token.pos_ == "PROPN" and token.tag_ == "NE" and not token.ent_type_ and not token.text.isupper()
              and not token.text.endswith(".") and token.lower_ in noun_lemmas()):
            token.pos_ = "NOUN"
            token.tag_ = "NN"
    return doc

"""Rules after the statistical NER, for what a small training set leaves it unsure of.

* Type correction: a name whose type is (almost) always the same in the training data
  (`ner_gazetteer.tsv`) or that is a known organisation alias (`org_aliases.tsv`: "Nato") gets
  that type ("Nato" was never an ORG in the NER's training data, so the model calls it LOC).
* Titles: capitalised words right after a title or role word (`titles.tsv`: "Generalsekretär
  Anders Fogh Rasmussen", "Außenminister Sergej Lawrow") are a person's name; an adjacent
  person span the model found is merged into it.
* Sure names: a name the model missed, outside every entity, that in the NER training data stands
  inside an entity at least MIN_INSIDE of the times it occurs (at least MIN_OCCURRENCES times;
  `ner_gazetteer.tsv`: "München", not "Union"), or a place of the demonym lexicon ("Eritrea", LOC);
  a place's genitive too ("Portugals"), as GermEval marks it.
* Acronyms: a word of 2 to 6 capitals outside every entity ("ISAF", "FBI", "EVN") is an ORG, as
  140 of 224 such words in GermEval dev's training part are, unless the NER training data
  mostly marks it "outside" (`ner_common_acronyms.tsv`: "TV", "ISBN", "DAX"), it is a Roman numeral,
  or a neighbour is in capitals too (a shouted headline).
* Subtypes: words outside every entity that are GermEval `deriv`/`part` forms by the demonym
  lexicon ("russischen" LOCderiv, "US-Präsident" LOCpart; `lagebild.nlp.ner_subtypes`). The shipped
  NER predicts the four base labels only, so these come from here; a model span that starts with
  such an adjective ("russischen Hauptstadt" LOC) is split, and a lone noun after it dropped.

What each rule gains on the NER tuning split and on GermEval 2014 test is in models/de_ner/README.md.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lagebild.article import ENTITY_TYPES
from lagebild.nlp.ner_subtypes import demonyms, subtype_spans
from lagebild.nlp.word_lists import noun_lemmas
from lagebild.paths import resource_rows

BASE = ENTITY_TYPES
MAX_NAME_TOKENS = 4
MIN_OCCURRENCES, MIN_INSIDE = 3, 0.9
ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,6}")
ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")


@lru_cache(maxsize=1)
def known_types() -> dict[str, str]:
    types = {row[0]: row[1] for row in resource_rows("ner_gazetteer.tsv")}
    for row in resource_rows("org_aliases.tsv"):
        alias, _canonical, etype, form = row[:4]
        if form == "name" and etype in BASE:
            types[alias] = etype  # a curated alias outranks corpus counts
    return types


@lru_cache(maxsize=1)
def nominal_aliases() -> frozenset[str]:
    """Descriptions that `org_aliases.tsv` marks as nominal ("Allianz", "Bündnis"): after an article
    they describe an organisation named elsewhere ("die Allianz"), they are not its name."""
    return frozenset(row[0] for row in resource_rows("org_aliases.tsv") if row[3] == "nominal")


def _is_description(ent: Span) -> bool:
    return ent.text in nominal_aliases() and ent.start > 0 and ent.doc[ent.start - 1].pos_ == "DET"


@lru_cache(maxsize=1)
def sure_names() -> dict[str, str]:
    """Names to add where the model found nothing: practically always an entity in the NER training
    data and no common noun of the core's training data (a surname "Panzer" or "Graf" in a
    training corpus must not make every tank a person), or a place of the demonym lexicon that the
    NER training data does not type at all (where it does, its counts decide: "Franken" is also
    a currency)."""
    common = noun_lemmas()
    rows = resource_rows("ner_gazetteer.tsv")
    names = {row[0]: row[1] for row in rows
             if int(row[3]) >= MIN_OCCURRENCES and int(row[3]) - int(row[4]) >= MIN_INSIDE * int(row[3])
             and row[0].lower() not in common}
    typed = {row[0] for row in rows}
    for place in demonyms().places:
        if place[:1].isupper() and place not in typed:
            names[place] = "LOC"
    return names


@lru_cache(maxsize=1)
def _sure_name_lengths() -> dict[str, list[int]]:
    """First word of a sure name -> the word counts of the names it starts, longest first."""
    lengths: dict[str, list[int]] = {}
    for name in sure_names():
        lengths.setdefault(name.split(" ")[0], []).append(name.count(" ") + 1)
    return {word: sorted(set(ns), reverse=True) for word, ns in lengths.items()}


def _sure_name_spans(doc: Doc, taken: set[int]) -> list[Span]:
    names, lengths = sure_names(), _sure_name_lengths()
    words = [tok.text for tok in doc]
    spans = []
    i = 0
    while i < len(words):
        span = None
        word = words[i]
        if i not in taken and word[:1].isupper():
            for n in lengths.get(word, ()):
                text = " ".join(words[i:i + n]) if i + n <= len(words) else ""
                if text in names and not taken.intersection(range(i, i + n)):
                    span = Span(doc, i, i + n, label=names[text])
                    break
            if span is None and word.endswith("s") and names.get(word[:-1]) == "LOC":
                span = Span(doc, i, i + 1, label="LOC")  # genitive: "Portugals"
        if span is not None:
            spans.append(span)
            i = span.end
        else:
            i += 1
    return spans


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    return frozenset(row[0] for row in resource_rows("ner_common_acronyms.tsv"))


def _acronym_spans(doc: Doc, taken: set[int]) -> list[Span]:
    def capitals(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_alpha and doc[i].is_upper and len(doc[i]) > 1

    return [Span(doc, tok.i, tok.i + 1, label="ORG") for tok in doc
            if tok.is_upper and tok.i not in taken and ACRONYM.fullmatch(tok.text)
            and not ROMAN_NUMERAL.fullmatch(tok.text) and tok.text not in common_acronyms()
            and not capitals(tok.i - 1) and not capitals(tok.i + 1)]


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(row[0] for row in resource_rows("titles.tsv") if row[0][:1].isupper())


def _is_title(text: str) -> bool:
    titles = title_words()
    last = text.split("-")[-1]
    return text in titles or last in titles or last.capitalize() in titles


def _name_after_title(doc: Doc, i: int, taken: set[int]) -> Span | None:
    j = i + 1
    while (j < len(doc) and j - i <= MAX_NAME_TOKENS and doc[j].text[:1].isupper()
           and doc[j].text.replace("-", "").isalpha() and not _is_title(doc[j].text)
           and (j not in taken or doc[j].ent_type_ == "PER")):
        j += 1
    if j - i < 2 or j - i > MAX_NAME_TOKENS:
        return None
    start, end = i + 1, j
    # extend over a PER span the model found that overlaps or continues the run
    for ent in doc.ents:
        if ent.label_ == "PER" and ent.start <= end and ent.end >= start:
            start, end = min(start, ent.start), max(end, ent.end)
    return Span(doc, start, end, label="PER")


def _surnames_as_persons(ents: list[Span]) -> list[Span]:
    """A one-word name that is the last word of an earlier person's full name in the same text
    ("Dmitri Medwedew" ... "reagierte Medwedew") is that person, whatever type the model gave it."""
    surnames: set[str] = set()
    out = []
    for ent in ents:
        if ent.label_ == "PER" and len(ent) > 1:
            surnames.add(ent[-1].text)
        elif len(ent) == 1 and ent.label_ in BASE and ent.label_ != "PER" and ent.text in surnames:
            ent = Span(ent.doc, ent.start, ent.end, label="PER")
        out.append(ent)
    return out


@Language.component("lagebild_ner_rules", requires=["doc.ents"], assigns=["doc.ents"])
def ner_rules(doc: Doc) -> Doc:
    types = known_types()
    ents = []
    for ent in doc.ents:
        if demonyms().is_adj(ent[0].text):
            # "russischen Hauptstadt" as one LOC: the lower-case place adjective is LOCderiv, and a
            # single common noun after it is no name
            ents.append(Span(doc, ent.start, ent.start + 1, label="LOCderiv"))
            if len(ent) < 3:
                continue
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        if _is_description(ent):
            continue
        known = types.get(ent.text)
        if known and ent.label_ in BASE and known != ent.label_:
            ent = Span(doc, ent.start, ent.end, label=known)
        ents.append(ent)
    ents = _surnames_as_persons(ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for i, tok in enumerate(doc[:-1]):
        if tok.text[:1].isupper() and _is_title(tok.text) and i not in taken:
            span = _name_after_title(doc, i, taken)
            if span is not None:
                added.append(span)
    if added:
        keep = [e for e in ents if not any(e.start >= a.start and e.end <= a.end for a in added)]
        ents = filter_spans(added + keep)
    taken = {i for e in ents for i in range(e.start, e.end)}
    for find in (_sure_name_spans, _acronym_spans):
        found = find(doc, taken)
        ents += found
        taken.update(i for e in found for i in range(e.start, e.end))
    doc.ents = sorted(ents + subtype_spans(doc, taken), key=lambda e: e.start)
    return doc

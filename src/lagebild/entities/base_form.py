"""The base form of a name as an entity's `name`: nominative, no genitive ending.

"Südossetiens" → "Südossetien", "Frank Stronachs" → "Frank Stronach", "des Deutschen Bundestages"
→ "Deutscher Bundestag", "die Europäische Parlament" → "Europäisches Parlament", "im Nahen Osten"
→ "Naher Osten". It reads the morphologizer's Case/Gender/Number and the lemmatizer's lemma of
the tokens (without them a name stays as written); the endings are in
`resources/de/name_inflection.tsv`. Only the head of a name and the capitalised adjectives before
it change: what follows the head stays as written ("Moslemrats Großbritanniens" → "Moslemrat
Großbritanniens").
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from lagebild.entities.mentions import canonical_of, word_positions
from lagebild.paths import resource_records

NOUN_TAGS = {"NN", "NE"}


@lru_cache(maxsize=1)
def _endings() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for rec in resource_records("name_inflection.tsv"):
        out.setdefault(rec["kind"], []).append((rec["form"], rec["value"]))
    for kind in out:
        out[kind].sort(key=lambda fv: -len(fv[0]))
    return out


def _forms(kind: str) -> list[str]:
    return [f for f, _ in _endings().get(kind, [])]


@lru_cache(maxsize=1)
def _name_counts() -> dict[str, int]:
    """How often the NER training data has each name form (`ner_gazetteer.tsv`)."""
    return {rec["name"]: int(rec["count"] or 0) for rec in resource_records("ner_gazetteer.tsv")}


def _evidence(word: str, doc: Doc | None) -> float:
    """How well a name form is attested: listed in the lexicons or (with `doc`, for a form not as
    written) written in the article (strongest), else its count in the NER training data. The
    form as written (`doc` None) counts as listed only where the lexicon's name is that form
    ("Siemens"), not where the lexicon reads a declined form ("Russlands" → Russland)."""
    canonical = canonical_of([word])[0]
    if canonical is not None and (doc is not None or canonical == word):
        return float("inf")
    if doc is not None and word in word_positions(doc):
        return float("inf")
    return float(_name_counts().get(word, 0))


def noun_base(tok: Token, head_of_phrase: bool = False) -> str:
    """A name word without its genitive ending ("Europas" → "Europa", "Staates" → "Staat").
    The head noun of a longer name loses the ending its lemma shows when the morphology says
    genitive; any other name word only when the form without the ending is better attested
    than the form as written ("Trumps" → "Trump" where the article also writes "Trump";
    "Siemens", "Paris", "Collins" stay)."""
    text, doc = tok.text, tok.doc
    endings = [e for e in _forms("genitive") if text.endswith(e) and len(text) > len(e) + 2]
    if not endings:
        return text
    if head_of_phrase and tok.tag_ == "NN":
        if "Gen" not in tok.morph.get("Case"):
            return text
        return next((text[:-len(e)] for e in endings if text[:-len(e)] == tok.lemma_), text)
    written = _evidence(text, None)   # the form as written is in the article anyway
    best = max(endings, key=lambda e: _evidence(text[:-len(e)], doc))
    return text[:-len(best)] if _evidence(text[:-len(best)], doc) > written else text


def _adjective_base(tok: Token, head: Token) -> str | None:
    """A capitalised adjective before the head in the strong nominative the head's gender or
    number asks for ("Deutschen" + Bundestag → "Deutscher"); None where the morphology of the
    two does not agree."""
    number, gender = head.morph.get("Number"), head.morph.get("Gender")
    if tok.morph.get("Number") != number or (number != ["Plur"] and tok.morph.get("Gender") != gender):
        return None
    key = "Plur" if number == ["Plur"] else next(iter(gender), None)
    ending = next((f for f, v in _endings().get("strong_nom", []) if v == key), None)
    if ending is None:
        return None
    for old in _forms("adj_ending"):
        if tok.text.endswith(old) and len(tok.text) > len(old) + 2:
            return tok.text[:-len(old)] + ending
    return tok.text


def _is_declined_adjective(tok: Token) -> bool:
    """A capitalised attributive adjective with its own morphology ("Deutschen"); invariable
    place adjectives ("Hamburger", "Wiener") carry none and stay."""
    return tok.tag_ == "ADJA" and tok.text[:1].isupper() and bool(tok.morph.get("Case")) \
        and tok.lemma_.casefold() != tok.text.casefold()


def _join(words: list[str], tokens: list[Token]) -> str:
    out = []
    for word, tok in zip(words, tokens):
        out.append(word + (tok.whitespace_ if tok is not tokens[-1] else ""))
    return "".join(out)


def name_base(doc: Doc, start: int, end: int, label: str) -> str:
    """The base form of the name on tokens [start, end) of an entity of type `label`: a person's
    or a foreign name ("Frank Stronachs", "New Yorks") declines its last word; a name with a
    common-noun head ("des Deutschen Bundestages") its head and the adjectives before it."""
    tokens = list(doc[start:end])
    if not tokens or not doc.has_annotation("MORPH"):
        return doc[start:end].text
    words = [t.text for t in tokens]
    i = 0
    while i < len(tokens) - 1 and tokens[i].tag_ == "ADJA" and tokens[i].text[:1].isupper():
        i += 1
    head = tokens[i]
    if label == "PER" or head.tag_ not in NOUN_TAGS or (i == 0 and all(t.tag_ == "NE" for t in tokens)):
        words[-1] = noun_base(tokens[-1])
        return _join(words, tokens)
    phrase = len(tokens) > 1 and (i + 1 == len(tokens) or not tokens[i + 1].text[:1].isupper())
    words[i] = noun_base(head, head_of_phrase=phrase)   # not "Watex-Schutzbekleidungs GmbH"
    adjectives = [_adjective_base(tokens[k], head) if _is_declined_adjective(tokens[k]) else tokens[k].text
                  for k in range(i)]
    if all(a is not None for a in adjectives):   # all or none: "Deutschen Roten Kreuzes"
        words[:i] = adjectives
    return _join(words, tokens)


def is_nominative(doc: Doc, start: int, end: int) -> bool:
    """The morphology calls the last word of the name nominative."""
    return "Nom" in doc[end - 1].morph.get("Case")

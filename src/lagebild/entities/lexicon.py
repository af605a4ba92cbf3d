"""The German word lists of the entities stage, read once from `resources/de/*.tsv`.

Titles (`titles.tsv`), organisation aliases (`org_aliases.tsv`), demonyms and place names
(`demonyms.tsv`) and pronouns/articles (`pronouns.tsv`). The code here only knows how German
inflects (endings are matched generically); which words exist is in the data files.
"""
from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lagebild.paths import resource_rows

# Inflectional endings tried when a surface form is looked up (longest first).
NOUN_ENDINGS = ("nen", "es", "en", "n", "s", "e", "")
ADJ_ENDINGS = ("en", "er", "es", "em", "e", "")


@dataclass(frozen=True)
class Title:
    form: str     # lexicon form, e.g. "Minister"
    gender: str   # m, f or x (either)
    scope: str    # state, org or any: whom the title is usually held for
    of: str       # a place the title implies ("Bundeskanzler" -> Deutschland) or ""


@dataclass(frozen=True)
class TitleMatch:
    title: Title
    stem: str     # the word as written, without prefix and inflection: "Außenminister"
    prefix: str   # text before a hyphen ("US" in "US-Präsident"), else ""
    of: str       # implied place from the lexicon, else ""


@dataclass(frozen=True)
class Alias:
    alias: str
    canonical: str
    type: str
    form: str     # name or nominal


@dataclass(frozen=True)
class Place:
    place: str
    place_type: str


@dataclass(frozen=True)
class Pronoun:
    form: str
    number: str
    gender: str
    kind: str     # personal, possessive, article, conjunction or direction


def _rows(name: str) -> list[list[str]]:
    return resource_rows(name)


def fold(text: str) -> str:
    """Lower-cased NFC form used for every lookup (not casefold: "ß" must keep its length)."""
    return unicodedata.normalize("NFC", text).lower()


@lru_cache(maxsize=1)
def titles() -> tuple[dict[str, Title], dict[str, Title]]:
    """(title by folded form, compound prefixes such as "bundes" by folded form)."""
    words: dict[str, Title] = {}
    prefixes: dict[str, Title] = {}
    for row in _rows("titles.tsv"):
        row = (row + ["", "", "", ""])[:4]
        form, gender, scope, of = row
        t = Title(form, gender or "x", scope or "any", of)
        if form.endswith("-"):
            prefixes[fold(form[:-1])] = t
        else:
            words.setdefault(fold(form), t)
    return words, prefixes


@lru_cache(maxsize=1)
def _longest_title() -> int:
    return max((len(w) for w in titles()[0]), default=0)


@lru_cache(maxsize=65536)
def match_title(word: str) -> TitleMatch | None:
    """The title a word is or ends in: "Außenministers", "US-Präsident", "Nato-Chef"."""
    words, prefixes = titles()
    prefix, core = "", word
    if "-" in word.strip("-"):
        prefix, core = word.rsplit("-", 1)
    if not core[:1].isupper():
        return None
    low = fold(core)
    for ending in ("nen", "en", "es", "n", "s", ""):
        if ending and not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)] if ending else low
        # longest title that ends the (compound) stem, with at least 3 letters before it;
        # only tails up to the longest title can match, which keeps a long token linear
        for i in range(max(0, len(stem) - _longest_title()), len(stem)):
            tail = stem[i:]
            title = words.get(tail)
            if title is None:
                continue
            if i and i < 3:
                continue
            head = stem[:i]
            of = title.of
            for p, pt in prefixes.items():
                if head.startswith(p) and pt.of:
                    of = of or pt.of
            written = core[: len(stem)]
            return TitleMatch(title, written, prefix, of)
    return None


@lru_cache(maxsize=1)
def org_aliases() -> dict[tuple[str, ...], Alias]:
    """Alias token sequences (folded, with inflected variants) to their entry."""
    out: dict[tuple[str, ...], Alias] = {}
    for row in _rows("org_aliases.tsv"):
        if len(row) < 4:
            continue
        a = Alias(*row[:4])
        for variant in inflected_variants(a.alias):
            out.setdefault(variant, a)
    return out


@lru_cache(maxsize=1)
def alias_forms() -> frozenset[str]:
    """Every alias exactly as written in `org_aliases.tsv` ("ödp" as well as "ÖDP")."""
    return frozenset(row[0] for row in _rows("org_aliases.tsv") if row)


def inflected_variants(phrase: str) -> set[tuple[str, ...]]:
    """Folded token tuples for a name as it can appear declined: "Vereinten Nationen",
    "Weißen Hauses", "Russlands"."""
    toks = phrase.split()
    if not toks:
        return set()
    options: list[list[str]] = []
    for i, t in enumerate(toks):
        f = fold(t)
        if i < len(toks) - 1:
            opts = [f]
            if f.endswith("e"):
                opts += [f + "n", f + "r", f + "s", f + "m"]
            elif f.endswith("es"):   # "Auswärtiges Amt" -> "Auswärtigen Amtes"
                opts += [f[:-1] + "n", f[:-1] + "m"]
            elif t[:1].isupper() and i == 0:   # "Bundesamtes für Verfassungsschutz"
                opts += [f + "es", f + "s"]
            options.append(opts)
        else:
            opts = [f, f + "es"] if f.endswith(("s", "ß", "x", "z")) else [f, f + "s", f + "es"]
            if f.endswith("e"):
                opts += [f + "n"]
            options.append(opts)
    return set(itertools.product(*options))


@dataclass(frozen=True)
class Demonyms:
    adjectives: dict[str, Place]        # inflected folded adjective -> place
    nouns: dict[str, Place]             # folded noun (sg and pl) -> place
    prefixes: dict[str, Place]          # folded compound prefix -> place ("us")
    names: dict[tuple[str, ...], Place]  # folded place-name tokens (declined) -> place


@lru_cache(maxsize=1)
def demonyms() -> Demonyms:
    """Place adjectives, inhabitant nouns, compound prefixes and place names."""
    adjectives: dict[str, Place] = {}
    nouns: dict[str, Place] = {}
    prefixes: dict[str, Place] = {}
    names: dict[tuple[str, ...], Place] = {}
    for row in _rows("demonyms.tsv"):
        if len(row) < 4:
            continue
        form, kind, place, ptype = row[:4]
        p = Place(place, ptype)
        f = fold(form)
        if kind == "adj":
            if form[:1].isupper():       # city forms in -er are invariable: "Moskauer"
                adjectives.setdefault(f, p)
            else:
                for e in ADJ_ENDINGS:
                    adjectives.setdefault(f + e, p)
        elif kind == "noun":
            for e in ("", "n", "en", "s") if not f.endswith("in") else ("", "nen"):
                nouns.setdefault(f + e, p)
        elif kind == "prefix":
            prefixes.setdefault(f, p)
        elif kind == "name":
            for variant in inflected_variants(form):
                names.setdefault(variant, p)
    return Demonyms(adjectives, nouns, prefixes, names)


@lru_cache(maxsize=65536)
def place_of_adjective(word: str) -> Place | None:
    """The place an adjective or inhabitant noun derives from: "russischen", "Afghanen",
    "ostfranzösischen", "Pariser"."""
    d = demonyms()
    f = fold(word)
    if word[:1].isupper() and f in d.nouns:
        return d.nouns[f]
    if f in d.adjectives:
        return d.adjectives[f]
    for p in _directions_longest_first():
        if f.startswith(p) and f[len(p):] in d.adjectives and word[:1].islower():
            return d.adjectives[f[len(p):]]
    return None


@lru_cache(maxsize=1)
def _directions_longest_first() -> list[str]:
    return sorted(closed_class("direction"), key=len, reverse=True)


@lru_cache(maxsize=1)
def pronouns() -> dict[str, list[Pronoun]]:
    """Folded form to its readings; possessives also under their inflected forms."""
    out: dict[str, list[Pronoun]] = {}
    for row in _rows("pronouns.tsv"):
        if len(row) < 4:
            continue
        p = Pronoun(*row[:4])
        forms = [p.form]
        if p.kind == "possessive":
            forms += [p.form + e for e in ("e", "en", "er", "es", "em")]
        for f in forms:
            out.setdefault(fold(f), []).append(p)
    return out


@lru_cache(maxsize=None)
def closed_class(kind: str) -> frozenset[str]:
    """The words of one kind in `pronouns.tsv`: "conjunction" (und, sowie), "direction" (the
    prefixes of "ostfranzösisch"), "article", "personal", "possessive"."""
    return frozenset(lex_form for lex_form, readings in pronouns().items()
                     if any(r.kind == kind and fold(r.form) == lex_form for r in readings))


def is_definite_article(word: str) -> bool:
    """Whether the word is a form of the definite article."""
    return any(p.kind == "article" for p in pronouns().get(fold(word), []))

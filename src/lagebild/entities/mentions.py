"""Named mentions of one Doc: names, derived adjectives/demonyms and name parts of compounds.

Sources, in order of trust: the NER model's `doc.ents` (repaired in `entities.ner`); place and
organisation names from the lexicons (`demonyms.tsv`, `org_aliases.tsv`); further occurrences of a name the article already
used (a surname after the full name, "Hadithas" after "Haditha"); demonym adjectives and nouns;
hyphenated compounds whose first part is a known name ("US-Präsident", "Georgien-Krieg").
Every function works on a Doc without tags, parse or entities; it then simply finds less.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from spacy.tokens import Doc, Token

from lagebild.entities import lexicon as lex

LABELS = ("PER", "ORG", "LOC", "OTH")


@dataclass
class Cand:
    """A mention candidate over tokens [start, end) of the Doc."""
    start: int
    end: int
    label: str                  # PER, ORG, LOC or OTH
    form: str                   # name, deriv, part, nominal or pronoun
    key: tuple[str, ...] | None = None   # grouping key of a non-person referent
    canonical: str | None = None         # canonical name from a lexicon, if any
    source: str = "ner"
    extra: dict = field(default_factory=dict)

    def tokens(self, doc: Doc) -> list[str]:
        return [t.text for t in doc[self.start:self.end]]


def name_key(words: list[str]) -> tuple[str, ...]:
    """Grouping key of a non-person name, blind to the genitive and adjective endings:
    "Europäischen Union" and "Europäische Union", "Hadithas" and "Haditha"."""
    out = []
    for i, w in enumerate(words):
        f = lex.fold(w)
        if i < len(words) - 1:
            for e in ("en", "er", "es", "em"):
                if f.endswith(e) and len(f) > 4:
                    f = f[: -len(e)] + "e"
                    break
        else:
            if f.endswith("s") and len(f) > 3 and not f.endswith(("ss", "us")):
                f = f[:-1]
            if f.endswith("en") and len(f) > 4:   # dative plural: "Olympischen Spielen"
                f = f[:-1]
        out.append(f)
    return tuple(out)


def canonical_of(words: list[str]) -> tuple[str | None, str | None, str | None]:
    """(canonical name, entity type, place type) of a name from the lexicons, if listed."""
    folded = tuple(lex.fold(w) for w in words)
    alias = lex.org_aliases().get(folded)
    if alias is not None and alias.form == "name":
        return alias.canonical, alias.type, None
    place = lex.demonyms().names.get(folded)
    if place is not None:
        return _canonical_place(place)
    return None, None, None


def _canonical_place(place: lex.Place) -> tuple[str, str, str]:
    """A place as the canonical name of its referent ("Europäische Union" is listed as EU)."""
    alias = lex.org_aliases().get(tuple(lex.fold(w) for w in place.place.split()))
    if alias is not None and alias.form == "name":
        return alias.canonical, alias.type, place.place_type
    label = "ORG" if place.place_type == "union" else "LOC"
    return place.place, label, place.place_type


def key_of(canonical: str) -> tuple[str, ...]:
    """Grouping key of a canonical lexicon name (the same key as the name written out)."""
    return name_key(canonical.split())


def _tagged(doc: Doc) -> bool:
    return doc.has_annotation("TAG")


def _is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _per_doc(doc: Doc, key: str, build):
    """`build(doc)`, computed once per Doc and kept in its `user_data` (again if the Doc's
    length changed)."""
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[key] = (len(doc), build(doc))
    return cached[1]


def folded_words(doc: Doc) -> list[str]:
    """`fold` of every word of the Doc."""
    return _per_doc(doc, "lagebild_folded", lambda d: [lex.fold(t.text) for t in d])


def _index_words(doc: Doc) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, tok in enumerate(doc):
        found.setdefault(tok.text, []).append(i)
    return found


def word_positions(doc: Doc) -> dict[str, list[int]]:
    """The positions of each word of the Doc, as written."""
    return _per_doc(doc, "lagebild_positions", _index_words)


def name_like(doc: Doc, word: str) -> bool:
    """A word tagged as a common noun may still be a surname the tagger does not know: the
    article uses it more than once and never after an article ("Rasmussen", not "das Gericht",
    "am Montag")."""
    seen = [doc[i] for i in word_positions(doc).get(word, ())]
    return len(seen) > 1 and not any(
        t.i > 0 and doc[t.i - 1].tag_ in ("ART", "APPRART")
        and not (t.i > 1 and doc[t.i - 2].text == ",")   # "Medwedew, der Rasmussen empfing": relative
        for t in seen)


def _first_words(*tables: dict[tuple[str, ...], Any]) -> frozenset[str]:
    """The first words of the keys of word-tuple tables: a window can only match where one starts."""
    return frozenset(key[0] for table in tables for key in table if key)


@lru_cache(maxsize=1)
def listed_first_words() -> frozenset[str]:
    """The first words of the organisation aliases and place names of the lexicons."""
    return _first_words(lex.org_aliases(), lex.demonyms().names)


def lexicon_names(doc: Doc, covered: list[bool]) -> list[Cand]:
    """Place and organisation names from the lexicons that the NER model left untagged."""
    out = []
    aliases = lex.org_aliases()
    places = lex.demonyms().names
    longest = max((len(k) for k in list(aliases) + list(places)), default=0)
    firsts = listed_first_words()
    folded_doc = folded_words(doc)
    i = 0
    n = len(doc)
    while i < n:
        found = None
        if not covered[i] and folded_doc[i] in firsts and not doc[i].is_space:
            for length in range(min(longest, n - i), 0, -1):
                if any(covered[i:i + length]):
                    continue
                folded = tuple(folded_doc[i:i + length])
                alias = aliases.get(folded)
                place = places.get(folded)
                entry = alias.alias if alias is not None and alias.form == "name" else (
                    place.place if place is not None else None)
                if entry is None:
                    continue
                first = doc[i].text
                written = " ".join(t.text for t in doc[i:i + length])
                if entry[:1].isupper() != first[:1].isupper() and written not in lex.alias_forms():
                    continue
                if first.isupper() and len(first) > 1 and not entry.split()[0].isupper():
                    continue   # "WHO" the organisation, not "who"; "NATO" is listed itself
                found = length
                break
        if found:
            words = [t.text for t in doc[i:i + found]]
            canonical, label, _ = canonical_of(words)
            out.append(Cand(i, i + found, label or "LOC", "name", key_of(canonical) if canonical else None,
                            canonical, source="lexicon"))
            i += found
        else:
            i += 1
    return out


def propagate_names(doc: Doc, names: list[Cand], covered: list[bool]) -> list[Cand]:
    """Further occurrences of names the article already used: the full name again, a person's
    surname ("Rasmussen", "Rasmussens"), an untagged repetition of an organisation or place."""
    tagged = _tagged(doc)
    ner_counts = Counter(tuple(c.tokens(doc)) for c in names if c.source == "ner")
    patterns: dict[tuple[str, ...], tuple[str, Cand]] = {}
    for c in names:
        if c.form != "name":
            continue
        words = c.tokens(doc)
        if c.label == "PER":
            variants = [words]
            if len(words) > 1 and words[-1][:1].isupper():
                variants.append(words[-1:])
            if len(words) > 1 and len(words[0]) > 1 and words[0][:1].isupper() and "-" not in words[0]:
                variants.append(words[:1])   # "Hu" after "Hu Jia"; a first name alone is the person too
        else:
            if len(words) == 1 and tagged and doc[c.start].tag_ not in ("NE", "FM", "XY") and not (
                    c.label == "LOC" and ner_counts[tuple(words)] > 1):
                continue   # a common noun the NER model took for a name: do not spread it
            variants = [words]
        for v in variants:
            base = tuple(lex.fold(w) for w in v)
            for form in (base, base[:-1] + (base[-1] + "s",)):
                patterns.setdefault(form, (c.label, c))
    longest = max((len(k) for k in patterns), default=0)
    folded_doc = folded_words(doc)
    firsts = _first_words(patterns)

    def pattern_at(i: int, length: int):
        if covered[i] or not _is_capitalised(doc[i]) or not doc[i + length - 1].text[:1].isupper():
            return None
        return patterns.get(tuple(folded_doc[i:i + length]))

    out = []
    for i, length, (label, origin) in longest_matches(len(doc), longest, covered, pattern_at,
                                                      lambda i: folded_doc[i] in firsts):
        common = tagged and length == 1 and (doc[i].tag_ in ("ADJA", "ADJD", "VVFIN", "ART") or (
            origin.label == "PER" and origin.end - origin.start > 1 and doc[i].tag_ in ("NN", "ADV")
            and not name_like(doc, doc[i].text)))   # "Jerzy Montag" ... "am Montag"
        if not common:
            out.append(Cand(i, i + length, label, "name", origin.key, origin.canonical, source="propagated"))
            covered[i:i + length] = [True] * length
    return out


def longest_matches(n: int, longest: int, covered: list[bool], match_at,
                    can_start=None) -> Iterator[tuple[int, int, Any]]:
    """Left to right, the longest window `[i, i + length)` of uncovered tokens for which `match_at(i, length)`
    is not None, as `(i, length, match)`; the scan goes on after the window and sees what the caller covered.
    `can_start(i)`, when given, is false where no window can match (a quick test before the windows)."""
    i = 0
    while i < n:
        if can_start is not None and not can_start(i):
            i += 1
            continue
        for length in range(min(longest, n - i), 0, -1):
            found = None if any(covered[i:i + length]) else match_at(i, length)
            if found is not None:
                yield i, length, found
                i += length
                break
        else:
            i += 1


def derived_mentions(doc: Doc, covered: list[bool]) -> list[Cand]:
    """Demonym adjectives and inhabitant nouns ("russischen", "Afghanen") linked to their place."""
    tagged = _tagged(doc)
    out = []
    for tok in doc:
        if covered[tok.i] or not tok.is_alpha:
            continue
        place = lex.place_of_adjective(tok.text)
        if place is None:
            continue
        if tagged and tok.tag_ not in ("ADJA", "ADJD", "NN", "NE"):
            continue
        if tok.text[:1].isupper() and not tok.is_sent_start and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].text[:1].isupper() and place.place_type != "city" \
                and lex.fold(tok.text) in lex.demonyms().adjectives:
            continue   # a capitalised adjective opens a name: "Russischen Föderation"
        canonical, label, _ = _canonical_place(place)
        out.append(Cand(tok.i, tok.i + 1, "LOC" if label == "LOC" else label, "deriv",
                        key_of(canonical), canonical, source="lexicon"))
    return out


def link_deriv(doc: Doc, cand: Cand, known: dict[tuple[str, ...], Cand]) -> bool:
    """Give an NER deriv span its place: from the lexicon, else a known name it starts with.
    False when neither knows it ("islamischen", "satirischen": the model's usual mistakes)."""
    text = doc[cand.start:cand.end].text
    place = lex.place_of_adjective(text)
    if place is not None:
        cand.canonical, label, _ = _canonical_place(place)
        cand.key = key_of(cand.canonical)
        cand.label = label
        return True
    low = lex.fold(text)
    best = None
    for words, other in known.items():
        if len(words) != 1 or other.form != "name":
            continue
        w = words[0]
        if len(w) >= 4 and low.startswith(w[: max(4, len(w) - 1)]):
            if best is None or len(w) > len(best[0]):
                best = (w, other)
    if best is not None:
        cand.key, cand.canonical, cand.label = best[1].key, best[1].canonical, best[1].label
        cand.extra["person"] = best[1] if best[1].label == "PER" else None
        return True
    cand.key = name_key([text])
    return False


def _segment_target(words: list[str], known: dict[tuple[str, ...], Cand]) -> tuple | None:
    """(key, canonical, label, person cand) of a compound part that names something."""
    folded = tuple(lex.fold(w) for w in words)
    if folded in known:
        c = known[folded]
        return c.key, c.canonical, c.label, c if c.label == "PER" else None
    canonical, label, _ = canonical_of(words)
    if canonical:
        return key_of(canonical), canonical, label, None
    if len(words) == 1:
        place = lex.demonyms().prefixes.get(folded[0])
        if place is not None:
            canonical, label, _ = _canonical_place(place)
            return key_of(canonical), canonical, label, None
    return None


def _prefix_target(word: str, known: dict[tuple[str, ...], Cand]) -> tuple | None:
    """The longest known one-word name (of at least 4 letters) that a compound starts with."""
    low = lex.fold(word)
    best = None
    for words, c in known.items():
        if len(words) == 1 and len(words[0]) >= 4 and low.startswith(words[0]) and len(low) > len(words[0]):
            if best is None or len(words[0]) > len(best[0]):
                best = (words[0], c)
    if best is None:
        return None
    c = best[1]
    return c.key, c.canonical, c.label, c if c.label == "PER" else None


def part_mentions(doc: Doc, covered: list[bool], known: dict[tuple[str, ...], Cand],
                  ner_parts: list[Cand]) -> list[Cand]:
    """Compounds with a name in them ("Georgien-Krieg", "US-Präsident", "Human Rights
    Watch-Sprecher"), one candidate per name found; NER part spans are linked the same way."""
    out = []
    ner_at = {c.end - 1: c for c in ner_parts}
    for tok in doc:
        text = tok.text
        in_ner = tok.i in ner_at
        if "-" not in text.strip("-") and not text.endswith("-") and not in_ner:
            continue
        if covered[tok.i] and not in_ner:
            continue
        segments = text.split("-")
        last = segments[-1]
        if last and not (last[:1].isupper() or last[:1].isdigit()) and not in_ner:
            continue   # "US-amerikanische" is an adjective, not a compound noun
        hits = []
        heads = segments[:-1] if last else segments[:-1] or segments
        joined = None
        for n_seg in range(len(heads), 1, -1):   # "Al-Qaida-Führers": the name has a hyphen
            target = _segment_target(["-".join(heads[:n_seg])], known)
            if target:
                joined = (n_seg, target)
                break
        if joined:
            hits.append((tok.i, joined[1]))
            heads = heads[joined[0]:]
        for k, seg in enumerate(heads):
            if not seg:
                continue
            if joined:
                k += 1
            target = None
            if k == 0:   # a multi-token name before the hyphen: "Human Rights Watch-Sprecher"
                for back in range(3, 0, -1):
                    if tok.i - back < 0 or any(not doc[j].text[:1].isupper() for j in range(tok.i - back, tok.i)):
                        continue
                    words = [t.text for t in doc[tok.i - back:tok.i]] + [seg]
                    target = _segment_target(words, known)
                    if target:
                        hits.append((tok.i - back, target))
                        break
                if target:
                    continue
            target = _segment_target([seg], known)
            if target:
                hits.append((tok.i, target))
        if not hits and in_ner:
            c = ner_at[tok.i]
            target = _prefix_target(text, known)   # "europakritischen": a name it starts with
            if target:
                hits.append((c.start, target))
            else:
                seg = next((s for s in segments if s[:1].isupper()), segments[0])
                hits.append((c.start, (name_key([seg]), None, c.label, None)))
        for start, (key, canonical, label, person) in hits:
            if in_ner:
                start = min(start, ner_at[tok.i].start)
            c = Cand(start, tok.i + 1, label, "part", key, canonical, source="ner" if in_ner else "lexicon")
            if person is not None:
                c.extra["person"] = person
            out.append(c)
    return out

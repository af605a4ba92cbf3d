"""Group mention candidates into referents: one `Ref` per person, organisation or place.

Persons are grouped by their name tokens ("Anders Fogh Rasmussen" / "Rasmussen" / "Rasmussens",
"Hu Jia" / "Hu"); everything else by a key that is blind to declension, through the lexicons
("Vereinte Nationen" = "UNO" = "UN") and through acronyms the article introduces ("Movement for
Democratic Change (MDC)").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from lagebild.entities import lexicon as lex
from lagebild.entities.base_form import is_nominative, name_base
from lagebild.entities.mentions import Cand, canonical_of, key_of, name_key


@dataclass
class RoleRef:
    role: str
    of: "Ref | None" = None


@dataclass
class Ref:
    """One referent of the article while the stage works on it."""
    label: str
    cands: list[Cand] = field(default_factory=list)
    key: tuple[str, ...] | None = None
    canonical: str | None = None
    full: tuple[str, ...] = ()          # person: folded tokens of the fullest name
    roles: list[RoleRef] = field(default_factory=list)
    gender: str | None = None           # m or f when known

    def add_role(self, role: str, of: "Ref | None") -> None:
        for r in self.roles:
            if r.role == role and (r.of is of or of is None):
                return
            if r.role == role and r.of is None:
                r.of = of
                return
        self.roles.append(RoleRef(role, of))

    def first(self) -> int:
        return min(c.start for c in self.cands) if self.cands else 10 ** 9


def _strip_s(words: tuple[str, ...]) -> tuple[str, ...]:
    last = words[-1]
    if last.endswith("s") and len(last) > 3 and not last.endswith(("ss",)):
        return words[:-1] + (last[:-1],)
    return words


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return a == b or _strip_s(a) == b or a == _strip_s(b)


def _suffix_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    return len(short) < len(full) and _same_name(short, full[-len(short):])


def group_persons(doc: Doc, cands: list[Cand]) -> list[Ref]:
    """Persons from PER name candidates; a short name joins the person whose full name ends
    (or, for one-word names, starts) with it, the most recently mentioned one if there are two.
    Longer names are placed first, so a surname seen before the full name still finds it."""
    persons: list[Ref] = []
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), c.start))
    for c in ordered:
        words = tuple(lex.fold(w) for w in c.tokens(doc))
        match = None
        candidates = []
        for idx, p in enumerate(persons):
            if _same_name(words, p.full) or _suffix_of(words, p.full):
                candidates.append(idx)
        if not candidates and len(words) == 1:
            candidates = [idx for idx, p in enumerate(persons)
                          if len(p.full) > 1 and _same_name(words, p.full[:1])]
        if candidates:
            before = [i for i in candidates if min(x.start for x in persons[i].cands) <= c.start]
            pool = before or candidates
            match = max(pool, key=lambda i: max((x.start for x in persons[i].cands if x.start <= c.start),
                                                default=-1))
        if match is None:
            persons.append(Ref("PER", [c], full=words))
        else:
            persons[match].cands.append(c)
    return persons


def _looks_like_acronym(text: str) -> bool:
    """"MDC", "GdP", "D66": short, with at least two capitals ("Hermeskeil (Kreis X)" is none)."""
    return 2 <= len(text) <= 8 and text.isalnum() and sum(ch.isupper() for ch in text) >= 2


def _acronym_links(doc: Doc, cands: list[Cand]) -> dict[tuple, tuple]:
    """Key of an acronym to the key of the name it abbreviates: "Name (ACR)" or matching
    initials of the capitalised words of an organisation name in the article."""
    links: dict[tuple, tuple] = {}
    by_start = {c.start: c for c in cands if c.form == "name" and c.label != "PER"}
    for c in cands:
        if c.form != "name" or c.label == "PER" or c.end + 1 >= len(doc):
            continue
        j = c.end + 1 if doc[c.end].is_quote and c.end + 2 < len(doc) else c.end   # „Name“ (ACR)
        if doc[j].text == "(":
            acr = by_start.get(j + 1)
            if acr and acr.end == acr.start + 1 and _looks_like_acronym(doc[acr.start].text) \
                    and acr.end < len(doc) and doc[acr.end].text == ")" and acr.key != c.key:
                links.setdefault(acr.key, c.key)
    names = [c for c in cands if c.form == "name" and c.label in ("ORG", "OTH") and c.end - c.start > 1]
    for c in cands:
        text = doc[c.start:c.end].text
        if c.form != "name" or c.end - c.start != 1 or not (2 <= len(text) <= 6) or not text.isupper():
            continue
        if c.key in links or c.canonical:
            continue
        for other in names:
            initials = "".join(w[0] for w in other.tokens(doc) if w[:1].isupper())
            if initials == text and other.key != c.key:
                links[c.key] = other.key
                break
    return links


def assign_keys(doc: Doc, cands: list[Cand]) -> None:
    """Grouping keys of non-person names, from the lexicons or the declension-blind surface."""
    for c in cands:
        if c.key is not None:
            continue
        words = c.tokens(doc)
        canonical, label, _ = canonical_of(words)
        if c.label == "PER" and not canonical:
            continue   # a listed place or organisation is no person, whatever the model said
        if canonical:
            c.canonical, c.key = canonical, key_of(canonical)
            c.label = label or c.label   # the lexicon knows better: "Nato" is an ORG
        else:
            c.key = name_key(words)


def group_others(doc: Doc, cands: list[Cand]) -> list[Ref]:
    """Organisations, places and other names by key (acronyms joined to their long form)."""
    links = _acronym_links(doc, cands)

    def final(key: tuple) -> tuple:
        seen = set()
        while key in links and key not in seen:
            seen.add(key)
            key = links[key]
        return key

    refs: dict[tuple, Ref] = {}
    for c in sorted(cands, key=lambda c: c.start):
        key = final(c.key)
        ref = refs.get(key)
        if ref is None:
            ref = refs[key] = Ref(c.label, key=key, canonical=c.canonical)
        ref.cands.append(c)
        ref.canonical = ref.canonical or c.canonical
    _merge_short_names(doc, refs)
    for ref in refs.values():
        votes = Counter(c.label for c in ref.cands if c.form == "name" and c.source != "propagated")
        if not votes:
            votes = Counter(c.label for c in ref.cands)
        ref.label = votes.most_common(1)[0][0]
        if ref.label == "PER":
            ref.label = "OTH"
    return list(refs.values())


def _merge_short_names(doc: Doc, refs: dict[tuple, Ref]) -> None:
    """A one-word name that ends or starts the longer name of exactly one referent of the same
    type is that referent: "Krim" / "Republik Krim", "Assemblée" / "Assemblée Nationale"."""
    def label(ref: Ref) -> str:
        votes = Counter(c.label for c in ref.cands if c.form == "name")
        return votes.most_common(1)[0][0] if votes else ""

    long_names = [(key, ref) for key, ref in refs.items() if len(key) > 1]
    for key in [k for k in refs if len(k) == 1]:
        short = refs[key]
        if short.canonical or not any(c.form == "name" for c in short.cands):
            continue
        hits = [(k, r) for k, r in long_names
                if r is not short and label(r) == label(short) and key[0] in (k[0], k[-1])]
        if len({id(r) for _, r in hits}) == 1:
            target = hits[0][1]
            target.cands.extend(short.cands)
            del refs[key]


def display_name(doc: Doc, ref: Ref) -> str:
    """The fullest name the article uses in its base form (`base_form.name_base`: "Südossetiens"
    → "Südossetien"), or the lexicon's canonical name; among equally long names the first
    written in the nominative, else the first."""
    if ref.label != "PER" and ref.canonical:
        return ref.canonical
    names = [(name_base(doc, c.start, c.end, ref.label), is_nominative(doc, c.start, c.end), c.start)
             for c in ref.cands if c.form == "name"]
    if not names:
        if ref.canonical:
            return ref.canonical
        texts = [doc[c.start:c.end].text for c in ref.cands]
        return texts[0] if texts else ""
    longest = max(len(n) for n, _, _ in names)
    return min((n for n in names if len(n[0]) == longest), key=lambda n: (not n[1], n[2]))[0]

"""Corpus-level identities: decide which per-article entities are the same real-world person,
organisation or place.

Per-article entity ids (`e1`) mean nothing across articles, so the store links each entity to an
identity. The rule is deliberately conservative (docs/identities.md): a wrong merge silently
mixes two people's quotes, a missed merge only splits one person's page in two. A person named
by surname alone is joined to an identity with that surname only with *supporting evidence*: a
matching first name, a matching role, or at least `MIN_SHARED_COOCCURRENCE` co-occurring
organisations/people. Two different first names never merge. Ties between candidates leave the
entity on its own.

The index is in memory and incremental: `assign` places the entities of one document, given
the identities placed so far; `IdentityIndex.load` rebuilds it from the store's tables.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from lagebild.article import NAMED_FORMS

MIN_SHARED_COOCCURRENCE = 2
COOCCURRENCE_TYPES = ("PER", "ORG")  # places co-occur with everything; they prove nothing
_PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "del", "zu", "vom", "ten", "ter", "al", "el", "bin", "ibn"}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Nato" == "NATO", "Südossetien" == "Sudossetien"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", "", text.replace("ß", "ss"))


@dataclass(frozen=True)
class PersonName:
    """A person's name split into first names and surname; `first` is empty for surname-only."""

    first: tuple[str, ...]
    surname: str
    extra_roles: tuple[str, ...] = ()  # "Rasmussen, Nato-Generalsekretär" -> role in the name string

    @property
    def key(self) -> str:
        return fold(self.surname)


def parse_person(name: str) -> PersonName:
    """Split a person's name. Text after a comma is treated as a role, brackets are dropped,
    and abbreviated titles ("Dr.", "Prof.") are ignored; initials ("A.") stay as first names."""
    head, *rest = name.split(",")
    head = _BRACKETS.sub(" ", head)
    tokens = [t for t in head.split() if not (t.endswith(".") and len(t.rstrip(".")) > 1)]
    if not tokens:
        return PersonName((), name.strip(), tuple(r.strip() for r in rest if r.strip()))
    # the surname is the last token; lower-case particles before it belong to it ("von der Leyen")
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in _PARTICLES and tokens[i - 1][0].islower():
        i -= 1
    first = tuple(t for t in tokens[:i])
    return PersonName(first, tokens[-1], tuple(r.strip() for r in rest if r.strip()))


def first_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same first given name, allowing an initial ("A." ~ "Anders"); middle names may be missing."""
    x, y = fold(a[0]), fold(b[0])
    if not x or not y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


@dataclass(frozen=True)
class RoleKey:
    """A role reduced to its head noun and the organisations/places it is held in."""

    head: str
    orgs: frozenset[str]


def role_key(role: str, of_name: str | None = None) -> RoleKey | None:
    """"Nato-Generalsekretär" -> (generalsekretär, {nato}); "Generalsekretär" of Nato -> the same."""
    words = role.replace("/", " ").split()
    nouns = [w for w in words if w[:1].isupper()]
    if not nouns:
        return None
    *prefixes, head = nouns[0].split("-")
    orgs = {fold(p) for p in prefixes if fold(p)}
    orgs |= {fold(w) for w in nouns[1:] if fold(w)}
    if of_name:
        orgs.add(fold(of_name))
    return RoleKey(fold(head), frozenset(o for o in orgs if o))


def roles_match(a: set[RoleKey], b: set[RoleKey]) -> bool:
    """Some role with the same head noun and no contradicting organisation on both sides."""
    for x in a:
        for y in b:
            if x.head == y.head and (not x.orgs or not y.orgs or x.orgs & y.orgs):
                return True
    return False


@dataclass
class Identity:
    """What the index knows of one corpus identity."""

    id: str
    type: str
    key: str
    first_names: set[tuple[str, ...]] = field(default_factory=set)
    names: Counter = field(default_factory=Counter)
    roles: set[RoleKey] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    cooccurring: Counter = field(default_factory=Counter)

    def display_name(self) -> str:
        """The most frequent among the longest variants: "Anders Fogh Rasmussen" over "Rasmussen"."""
        if not self.names:
            return self.id
        longest = max(len(n.split()) for n in self.names) if self.type == "PER" else 0
        pool = [(c, n) for n, c in self.names.items() if self.type != "PER" or len(n.split()) == longest]
        return sorted(pool, key=lambda cn: (-cn[0], cn[1]))[0][1]


@dataclass
class EntityIn:
    """One per-article entity as the resolver sees it."""

    doc_id: str
    entity_id: str
    name: str
    type: str
    roles: list[tuple[str, str | None]] = field(default_factory=list)  # (role, name of `of`)
    local: bool = False  # no name among its mentions ("die Polizei"): never shared with other articles


def is_local(mention_forms: list[str]) -> bool:
    """An entity none of whose mentions is a name (nor derived from one) stays in its article."""
    return not any(f in NAMED_FORMS for f in mention_forms)


_ASCII = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d", "œ": "oe"})


def _local_key(doc_id: str, entity_id: str) -> str:
    return f"#{doc_id}#{entity_id}"


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "x"


class IdentityIndex:
    """All identities of the store, indexed by (type, key) for candidate lookup."""

    def __init__(self) -> None:
        self.identities: dict[str, Identity] = {}
        self.by_key: dict[tuple[str, str], list[str]] = {}

    def _new(self, ent: EntityIn, key: str) -> Identity:
        base = f"{ent.type.lower()}-{_slug(ent.name.split(',')[0])}"
        ident_id, n = base, 1
        while ident_id in self.identities:
            n += 1
            ident_id = f"{base}-{n}"
        ident = Identity(ident_id, ent.type, key)
        self.identities[ident_id] = ident
        self.by_key.setdefault((ent.type, key), []).append(ident_id)
        return ident

    def assign(self, entities: list[EntityIn]) -> dict[str, tuple[str, str]]:
        """Place the entities of ONE document; returns entity_id -> (identity_id, evidence).

        Order matters for evidence: places and organisations first, then people with first
        names, then surname-only people, so that co-occurrence can use the others.
        """
        if not entities:
            return {}
        doc_id = entities[0].doc_id
        placed: dict[str, tuple[str, str]] = {}
        taken: set[str] = set()  # one identity per document, except for an exact same name

        def order(e: EntityIn) -> tuple:
            if e.type != "PER":
                return (0, e.entity_id)
            return (1 if parse_person(e.name).first else 2, e.entity_id)

        for ent in sorted(entities, key=order):
            cooc = {i for i, _ in placed.values()}
            ident, evidence = self._resolve(ent, cooc, taken)
            placed[ent.entity_id] = (ident.id, evidence)
            taken.add(ident.id)
            self._absorb(ident, ent)
        ids = {i for i, _ in placed.values()}
        for i in ids:
            ident = self.identities[i]
            ident.docs.add(doc_id)
            ident.cooccurring.update(x for x in ids if x != i and self.identities[x].type in COOCCURRENCE_TYPES)
        return placed

    def _resolve(self, ent: EntityIn, cooc: set[str], taken: set[str]) -> tuple[Identity, str]:
        if ent.local:
            return self._new(ent, _local_key(ent.doc_id, ent.entity_id)), "no name: this article only"
        if ent.type != "PER":
            key = fold(ent.name)
            for cand in self.by_key.get((ent.type, key), []):
                return self.identities[cand], "same name"
            return self._new(ent, key), "new"
        person = parse_person(ent.name)
        roles = self._role_keys(ent, person)
        scored: list[tuple[int, str, str]] = []
        for cand_id in self.by_key.get(("PER", person.key), []):
            cand = self.identities[cand_id]
            if cand_id in taken and ent.name not in cand.names:
                continue
            score, evidence = self._evidence(person, roles, cooc, cand)
            if score:
                scored.append((score, cand_id, evidence))
        scored.sort(key=lambda s: -s[0])
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return self.identities[scored[0][1]], scored[0][2]
        ident = self._new(ent, person.key)
        return ident, "ambiguous surname: kept apart" if scored else "new"

    @staticmethod
    def _role_keys(ent: EntityIn, person: PersonName) -> set[RoleKey]:
        keys = {role_key(r, of) for r, of in ent.roles}
        keys |= {role_key(r) for r in person.extra_roles}
        return {k for k in keys if k}

    @staticmethod
    def _evidence(person: PersonName, roles: set[RoleKey], cooc: set[str], cand: Identity) -> tuple[int, str]:
        """(score, why) for joining `person` to `cand`; 0 means no supporting evidence."""
        if person.first and cand.first_names:
            if any(not first_names_compatible(person.first, f) for f in cand.first_names):
                return 0, ""  # two different first names are two different people
            return 3, "first name match"
        if roles_match(roles, cand.roles):
            return 2, "role match"
        shared = sum(1 for c in cooc if cand.cooccurring.get(c))
        if shared >= MIN_SHARED_COOCCURRENCE:
            return 1, f"{shared} co-occurring entities"
        return 0, ""

    def _absorb(self, ident: Identity, ent: EntityIn) -> None:
        ident.names[ent.name.split(",")[0].strip() or ent.name] += 1
        if ent.type == "PER":
            person = parse_person(ent.name)
            if person.first:
                ident.first_names.add(person.first)
            ident.roles |= self._role_keys(ent, person)

    @classmethod
    def load(cls, db) -> "IdentityIndex":
        """Rebuild the index from the store (identities, members, entities, roles)."""
        index = cls()
        for row in db.query("SELECT identity_id, type FROM identities ORDER BY identity_id"):
            index.identities[row["identity_id"]] = Identity(row["identity_id"], row["type"], "")
        ents = db.query(
            "SELECT m.identity_id, e.doc_id, e.entity_id, e.name, e.type FROM identity_members m "
            "JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id "
            "ORDER BY e.doc_id, e.entity_id")
        roles: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
        for r in db.query("SELECT r.doc_id, r.entity_id, r.role, o.name AS of_name FROM roles r "
                          "LEFT JOIN entities o ON o.doc_id = r.doc_id AND o.entity_id = r.role_of"):
            roles.setdefault((r["doc_id"], r["entity_id"]), []).append((r["role"] or "", r["of_name"]))
        named = {(r["doc_id"], r["entity_id"]) for r in db.query(
            "SELECT DISTINCT doc_id, entity_id FROM mentions WHERE form IN (?, ?, ?)", list(NAMED_FORMS))}
        per_doc: dict[str, set[str]] = {}
        for r in ents:
            ident = index.identities.get(r["identity_id"])
            if ident is None:
                continue
            ent = EntityIn(r["doc_id"], r["entity_id"], r["name"] or "", r["type"] or "OTH",
                           roles.get((r["doc_id"], r["entity_id"]), []), (r["doc_id"], r["entity_id"]) not in named)
            ident.key = ident.key or (_local_key(ent.doc_id, ent.entity_id) if ent.local
                                      else parse_person(ent.name).key if ent.type == "PER" else fold(ent.name))
            index._absorb(ident, ent)
            per_doc.setdefault(r["doc_id"], set()).add(ident.id)
        for ident in index.identities.values():
            index.by_key.setdefault((ident.type, ident.key), []).append(ident.id)
        for doc_id, ids in per_doc.items():
            for i in ids:
                index.identities[i].docs.add(doc_id)
                index.identities[i].cooccurring.update(
                    x for x in ids if x != i and index.identities[x].type in COOCCURRENCE_TYPES)
        return index


def entities_of(article_rows: dict[str, list[dict]]) -> list[EntityIn]:
    """Resolver input from the rows of one article (see store/rows.py)."""
    names = {e["entity_id"]: e["name"] for e in article_rows["entities"]}
    roles: dict[str, list[tuple[str, str | None]]] = {}
    for r in article_rows["roles"]:
        roles.setdefault(r["entity_id"], []).append((r["role"] or "", names.get(r["role_of"]) if r["role_of"] else None))
    forms: dict[str, list[str]] = {}
    for m in article_rows.get("mentions", []):
        forms.setdefault(m["entity_id"], []).append(m["form"] or "name")
    return [EntityIn(e["doc_id"], e["entity_id"], e["name"] or "", e["type"] or "OTH", roles.get(e["entity_id"], []),
                     is_local(forms.get(e["entity_id"], ["name"])))
            for e in article_rows["entities"]]

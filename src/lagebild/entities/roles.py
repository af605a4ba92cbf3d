"""Titles and functions of persons, and title phrases that stand for a person.

* a title right before a name: "Generalsekretär Anders Fogh Rasmussen", "US-Präsident Barack
  Obama" (Präsident of USA), "Russlands Präsident Dmitri Medwedew" (Präsident of Russland);
* a title in apposition after a name: "Konrad Freiberg, Vorsitzender der Gewerkschaft der Polizei";
* a definite title phrase without a name, "der Nato-Chef": a nominal mention of the one person
  the title fits, else (when it says whose title it is: "der US-Präsident") a person of its own.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from lagebild.entities import lexicon as lex
from lagebild.entities.group import Ref
from lagebild.entities.mentions import Cand

MAX_ADJ = 3


def normalise_role(role: str) -> str:
    """Comparable form of a role: case-folded, without a name prefix ("US-") and without an
    inflection ending ("Präsidenten", "Vorsitzender" -> "präsident", "vorsitzend")."""
    f = lex.fold(role).strip()
    f = " ".join(f.split())
    if "-" in f.strip("-"):
        f = f.rsplit("-", 1)[1]
    for e in ("en", "er", "es", "e", "n", "s"):
        if f.endswith(e) and len(f) > len(e) + 3:
            return f[: -len(e)]
    return f


def _is_title_token(doc: Doc, tok: Token) -> lex.TitleMatch | None:
    if doc.has_annotation("TAG") and tok.tag_ not in ("NN", "NE", "TRUNC", "ADJA", "XY", "FM"):
        return None
    return lex.match_title(tok.text)


def _is_adjective(doc: Doc, tok: Token) -> bool:
    if doc.has_annotation("TAG"):
        return tok.tag_ in ("ADJA", "CARD")
    return tok.text[:1].islower() and tok.text.endswith(("e", "en", "er", "es", "em"))


class RoleFinder:
    """Finds roles for the persons of one Doc, given the referents found so far."""

    def __init__(self, doc: Doc, persons: list[Ref], others: list[Ref]):
        self.doc = doc
        self.persons = persons
        self.others = others
        self.at: dict[int, list[tuple[Cand, Ref]]] = {}
        for ref in persons + others:
            for c in ref.cands:
                for i in range(c.start, c.end):
                    self.at.setdefault(i, []).append((c, ref))
        self.main_country = self._main_country()
        self.main_org = self._main_org()

    def _main_country(self) -> Ref | None:
        counts = Counter()
        for ref in self.others:
            place = lex.demonyms().names.get(tuple(lex.fold(w) for w in (ref.canonical or "").split()))
            if place is not None and place.place_type == "country":
                counts[id(ref)] = len(ref.cands)
        if not counts:
            return None
        ranked = counts.most_common(2)
        if ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2:
            return None
        return next(r for r in self.others if id(r) == ranked[0][0])

    def _main_org(self) -> Ref | None:
        """The organisation the article is clearly about (most mentions, by a margin)."""
        ranked = sorted((r for r in self.others if r.label == "ORG"), key=lambda r: -len(r.cands))
        if not ranked or len(ranked[0].cands) < 3:
            return None
        if len(ranked) > 1 and len(ranked[1].cands) * 2 > len(ranked[0].cands):
            return None
        return ranked[0]

    def _ref_ending_at(self, i: int, forms=("name", "deriv", "part")) -> Ref | None:
        for c, ref in self.at.get(i, []):
            if c.end - 1 == i and c.form in forms and ref.label != "PER":
                return ref
        return None

    def _ref_starting_at(self, i: int) -> Ref | None:
        for c, ref in self.at.get(i, []):
            if c.start == i and c.form == "name" and ref.label != "PER":
                return ref
        return None

    def _owner(self, k: int, m: lex.TitleMatch, after: bool) -> Ref | None:
        """Whose title the title word at token k is: "US-", "Russlands", "russische", "der Nato"."""
        if m.prefix:
            ref = self._ref_ending_at(k, ("part",))
            if ref is not None:
                return ref
        j = k - 1
        while j >= 0 and _is_adjective(self.doc, self.doc[j]) and self._ref_ending_at(j) is None and k - j <= MAX_ADJ:
            j -= 1
        if j >= 0:
            ref = self._ref_ending_at(j)
            if ref is not None:
                return ref
        if after and k + 2 < len(self.doc) and lex.fold(self.doc[k + 1].text) in ("der", "des", "von"):
            ref = self._ref_starting_at(k + 2)
            if ref is not None:
                return ref
        if m.of:
            for ref in self.others:
                if ref.canonical == m.of:
                    return ref
        if m.title.scope == "state":
            return self.main_country
        if m.title.scope == "org":
            return self.main_org
        return None

    def _role_text(self, tok: Token, m: lex.TitleMatch, owner: Ref | None, nominal: bool) -> str:
        if nominal and m.prefix:
            return f"{m.prefix}-{m.stem}"
        return m.stem

    def _note(self, person: Ref, m: lex.TitleMatch) -> None:
        if person.gender is None and m.title.gender in ("m", "f"):
            person.gender = m.title.gender

    def title_before(self, c: Cand, person: Ref) -> int | None:
        """Role from the word(s) before a name; returns the title token index."""
        k = c.start - 1
        if k >= 1 and self.doc[k].text == "," and _is_title_token(self.doc, self.doc[k - 1]):
            k -= 1
        if k < 0:
            return None
        tok = self.doc[k]
        m = _is_title_token(self.doc, tok)
        if m is None or any(r.label == "PER" or cc.form == "name" for cc, r in self.at.get(k, [])):
            return None
        owner = self._owner(k, m, after=False)
        person.add_role(self._role_text(tok, m, owner, False), owner)
        self._note(person, m)
        return k

    def title_after(self, c: Cand, person: Ref) -> int | None:
        """Role from an apposition after a name: "Rasmussen, Nato-Generalsekretär, ..."."""
        doc = self.doc
        k = c.end
        if k >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        steps = 0
        while k < len(doc) and steps <= MAX_ADJ and (lex.is_definite_article(doc[k].text)
                                                     or _is_adjective(doc, doc[k])
                                                     or self._ref_ending_at(k, ("deriv", "name")) is not None
                                                     and not _is_title_token(doc, doc[k])):
            k += 1
            steps += 1
        if k >= len(doc):
            return None
        m = _is_title_token(doc, doc[k])
        if m is None or any(r.label == "PER" or cc.form == "name" for cc, r in self.at.get(k, [])):
            return None
        owner = self._owner(k, m, after=True)
        person.add_role(self._role_text(doc[k], m, owner, False), owner)
        self._note(person, m)
        return k

    def nominal_titles(self, used: set[int]) -> None:
        """Definite title phrases without a name: link them to the one person they fit."""
        doc = self.doc
        for tok in doc:
            k = tok.i
            if k in used:
                continue
            m = _is_title_token(doc, tok)
            if m is None or any(r.label == "PER" or cc.form == "name" for cc, r in self.at.get(k, [])):
                continue
            j = k - 1
            while j >= 0 and (_is_adjective(doc, doc[j]) or self._ref_ending_at(j, ("deriv",)) is not None) \
                    and k - j <= MAX_ADJ:
                j -= 1
            if j < 0 or not lex.is_definite_article(doc[j].text):
                continue
            if k + 1 < len(doc) and any(r.label == "PER" for _, r in self.at.get(k + 1, [])):
                continue
            start = j + 1
            owner = self._owner(k, m, after=True)
            explicit = bool(m.prefix) or self._ref_ending_at(k - 1) is not None or (
                owner is not None and owner not in (self.main_country, self.main_org))
            person = self._fitting_person(k, m, owner)
            cand = Cand(start, k + 1, "PER", "nominal", source="title")
            role = self._role_text(tok, m, owner, True)
            if person is None:
                if not explicit:
                    continue
                person = Ref("PER", [], full=())
                person.gender = m.title.gender if m.title.gender in ("m", "f") else None
                self.persons.append(person)
            person.cands.append(cand)
            person.add_role(role, owner)
            for i in range(cand.start, cand.end):
                self.at.setdefault(i, []).append((cand, person))

    def _fitting_person(self, k: int, m: lex.TitleMatch, owner: Ref | None) -> Ref | None:
        """The one person mentioned before token k whose roles fit the title."""
        want = normalise_role(m.stem)
        before = [p for p in self.persons if p.cands and p.first() < k]
        fits = [p for p in before
                if any(normalise_role(r.role).endswith(want) and (owner is None or r.of in (None, owner))
                       for r in p.roles)]
        if len(fits) == 1:
            return fits[0]
        if not fits and owner is not None:
            fits = [p for p in before if any(r.of is owner for r in p.roles)]
            if len(fits) == 1:
                return fits[0]
        return None


def find_roles(doc: Doc, persons: list[Ref], others: list[Ref]) -> None:
    """Attach roles to persons and add nominal title mentions (may add title-only persons)."""
    finder = RoleFinder(doc, persons, others)
    used: set[int] = set()
    for person in list(persons):
        for c in list(person.cands):
            if c.form != "name":
                continue
            for k in (finder.title_before(c, person), finder.title_after(c, person)):
                if k is not None:
                    used.add(k)
    finder.nominal_titles(used)

"""Titles and functions of persons, and title phrases that stand for a person.

* a title right before a name: "Generalsekretär Anders Fogh Rasmussen", "US-Präsident Barack
  Obama" (Präsident of USA), "Russlands Präsident Dmitri Medwedew" (Präsident of Russland);
* a title with its organisation before a name: "Der Umweltminister der Französischen Republik,
  Jean-Louis Borloo";
* a title in apposition after a name: "Konrad Freiberg, Vorsitzender der Gewerkschaft der Polizei";
* a title in a copula clause: "Neuer Innenminister wird der Schiit Dschauad al-Bolani";
* a definite title phrase without a name, "der Nato-Chef": a nominal mention of the one person
  the title fits, else (when it says whose title it is: "der US-Präsident") a person of its own.

Whose title it is (`Role.of`) comes from the compound ("US-"), a genitive or adjective before it
("Russlands", "russische"), a name after it ("der Nato"), the title itself ("Bundeskanzler"), or
else the country or organisation the article is clearly about.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from lagebild.entities import lexicon as lex
from lagebild.entities.group import Ref
from lagebild.entities.mentions import Cand

MAX_ADJ = 3
MAX_COMPLEMENT = 8


def normalise_role(role: str) -> str:
    """Comparable form of a role: its head noun phrase, case-folded, without a name prefix
    ("US-") and without an inflection ending ("Präsidenten", "Vorsitzender" -> "präsident",
    "vorsitzend"; "innenpolitische Sprecherin" -> "sprecherin")."""
    words = role.split()
    # the head noun phrase: no leading adjectives ("innenpolitische Sprecherin"), no trailing
    # phrase ("Sprecher für Innere Sicherheit", "Marineoberst außer Dienst")
    while len(words) > 1 and words[0][:1].islower():
        words = words[1:]
    for i in range(1, len(words)):
        if words[i][:1].islower():
            words = words[:i]
            break
    f = lex.fold(" ".join(words))
    if "-" in f.strip("-"):
        f = f.rsplit("-", 1)[1]
    for e in ("en", "er", "es", "e", "n", "s"):
        if f.endswith(e) and len(f) > len(e) + 3:
            return f[: -len(e)]
    return f


def _is_title_token(doc: Doc, tok: Token) -> lex.TitleMatch | None:
    # no tag check: a capitalised word that ends in a title is a noun, and the tagger is least
    # reliable on exactly these compounds ("Al-Qaida-Führers" as PPOSAT)
    return lex.match_title(tok.text)


def _scope(role: str) -> str | None:
    m = lex.match_title(role)
    return m.title.scope if m else None


def _singular(article: Token, noun: Token, m: lex.TitleMatch) -> bool:
    """Whether "article ... title" is singular: "des"/"dem" always, "die" never with a masculine
    title ("die NATO-Außenminister"), else as the morphologizer says of the noun."""
    readings = [p for p in lex.pronouns().get(lex.fold(article.text), []) if p.kind == "article"]
    numbers = {p.number for p in readings}
    if numbers == {"sg"}:
        return True
    if m.title.gender == "m" and all(p.gender != "m" for p in readings if p.number == "sg"):
        return False
    return "Plur" not in noun.morph.get("Number")


def _is_function_word(doc: Doc, tok: Token) -> bool:
    """A definite article, or (with the tagger) any article or preposition."""
    if lex.is_definite_article(tok.text):   # also when tagged PRELS: "X, der ... Minister"
        return True
    return doc.has_annotation("TAG") and tok.tag_ in ("ART", "APPR", "APPRART")


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
            if c.start == i and c.form in ("name", "part") and ref.label != "PER":
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
        if after:
            j = k + 1
            while j < len(self.doc) and j - k <= 3 and (_is_function_word(self.doc, self.doc[j])
                                                       or _is_adjective(self.doc, self.doc[j])):
                j += 1
            if j > k + 1 and j < len(self.doc):
                ref = self._ref_starting_at(j)
                if ref is not None:
                    return ref
        if m.of:
            for ref in self.others:
                if ref.canonical == m.of:
                    return ref
        if m.title.scope == "state":
            return self.main_country
        if m.title.scope in ("org", "head"):
            return self.main_org
        return None

    def _role_text(self, tok: Token, m: lex.TitleMatch, owner: Ref | None, nominal: bool) -> str:
        if nominal and m.prefix:
            return f"{m.prefix}-{m.stem}"
        return m.stem

    def _note(self, person: Ref, m: lex.TitleMatch) -> None:
        if person.gender is None and m.title.gender in ("m", "f"):
            person.gender = m.title.gender

    def _complement(self, i: int) -> bool:
        """A token that may stand between a title and its name: "der Russischen Föderation"."""
        tok = self.doc[i]
        if any(r.label != "PER" and cc.form != "nominal" for cc, r in self.at.get(i, [])):
            return True
        if tok.tag_ == "NE" and not self.at.get(i):
            return True   # a name the NER model missed: "dem UNMIK-Leiter im Kosovo, Joachim Rücker"
        return _is_function_word(self.doc, tok) or _is_adjective(self.doc, tok)

    def _title_at(self, k: int) -> lex.TitleMatch | None:
        if k < 0 or k >= len(self.doc):
            return None
        m = _is_title_token(self.doc, self.doc[k])
        if m is None or any(r.label == "PER" or cc.form == "name" for cc, r in self.at.get(k, [])):
            return None
        return m

    def _add(self, person: Ref, k: int, m: lex.TitleMatch) -> None:
        owner = self._owner(k, m, after=True)
        person.add_role(self._role_text(self.doc[k], m, owner, False), owner)
        self._note(person, m)

    def title_before(self, c: Cand, person: Ref) -> list[int]:
        """Roles from titles before a name: "Generalsekretär Anders Fogh Rasmussen", "Der
        Umweltminister der Französischen Republik, Jean-Louis Borloo"; returns the title tokens."""
        doc = self.doc
        found = []
        k = c.start - 1
        while k >= 0 and len(found) < 2:
            j = k
            if doc[j].text == ",":
                j -= 1
            steps = 0
            while j >= 0 and self._title_at(j) is None and self._complement(j) and steps < MAX_COMPLEMENT:
                j -= 1
                steps += 1
            m = self._title_at(j)
            if m is None or (steps and not any(self.doc[i].tag_ == "NE" or any(
                    r.label != "PER" for _, r in self.at.get(i, [])) for i in range(j + 1, k + 1))):
                break   # between a title and its name only a named complement may stand
            if steps and doc[k].text != "," and any(doc[i].text == "," for i in range(j, k)):
                break
            self._add(person, j, m)
            found.append(j)
            k = j - 1
            while k >= 0 and _is_adjective(doc, doc[k]):
                k -= 1
            if k >= 0 and doc[k].text != ",":
                break
        return found

    def title_copula(self, c: Cand, person: Ref, left: int) -> list[int]:
        """Roles in a copula clause: "Neuer Innenminister wird der Schiit Dschauad al-Bolani",
        "Der letzte Premierminister einer Cohabitation war der Sozialist Lionel Jospin", "Fillon
        ist Premierminister". `left` is the first token of the name and the titles before it."""
        doc = self.doc
        found = []
        j = left - 1
        while j >= 0 and left - j <= 3 and doc[j].tag_ in ("ART", "NN", "ADJA") and self._title_at(j) is None:
            j -= 1
        if j >= 1 and doc[j].tag_ == "VAFIN":
            k = j - 1
            while k >= 0 and j - k <= 3 and doc[k].tag_ in ("ART", "NN", "NE") and self._title_at(k) is None:
                k -= 1
            m = self._title_at(k)
            if m is not None:
                self._add(person, k, m)
                found.append(k)
        j = c.end
        if j + 1 < len(doc) and doc[j].tag_ == "VAFIN":
            k = j + 1
            while k < len(doc) and k - j <= 3 and (doc[k].tag_ in ("ART", "ADJA") or self._ref_ending_at(k, ("deriv",))):
                k += 1
            m = self._title_at(k)
            if m is not None and (k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()):
                self._add(person, k, m)
                found.append(k)
        return found

    def title_after(self, c: Cand, person: Ref) -> list[int]:
        """Roles from an apposition after a name: "Rasmussen, Nato-Generalsekretär, ...",
        "Slobodan Samardzic, der für das Kosovo zuständige serbische Minister", "X, Vorsitzende
        des Kreisverbandes und Kandidatin der Partei"."""
        doc = self.doc
        k = c.end
        if k >= len(doc) or doc[k].text != ",":
            return []
        found = []
        k += 1
        while k < len(doc) and len(found) < 3:
            steps = 0
            while k < len(doc) and self._title_at(k) is None and self._complement(k) and steps < MAX_COMPLEMENT:
                k += 1
                steps += 1
            m = self._title_at(k)
            if m is None:
                break
            self._add(person, k, m)
            found.append(k)
            # "... und Kandidatin der Partei": a coordinated second title
            k += 1
            while k < len(doc) and self._complement(k) and doc[k].text not in (",", "."):
                k += 1
            if k >= len(doc) or lex.fold(doc[k].text) not in lex.closed_class("conjunction"):
                break
            k += 1
        return found

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
            if not _singular(doc[j], tok, m):
                continue   # "die NATO-Außenminister": several persons
            if k + 1 < len(doc) and any(r.label == "PER" for _, r in self.at.get(k + 1, [])):
                continue
            start = j + 1
            owner = self._owner(k, m, after=True)
            explicit = bool(m.prefix) or self._ref_ending_at(k - 1) is not None or (
                owner is not None and owner not in (self.main_country, self.main_org))
            person = self._fitting_person(k, m, owner if explicit else None)
            cand = Cand(start, k + 1, "PER", "nominal", source="title")
            role = self._role_text(tok, m, owner, True)
            if person is None:
                if not explicit:
                    continue
                person = Ref("PER", [], full=())
                person.gender = m.title.gender if m.title.gender in ("m", "f") else None
                self.persons.append(person)
            person.cands.append(cand)
            want = normalise_role(m.stem)
            if not any(normalise_role(r.role).endswith(want) for r in person.roles):
                person.add_role(role, owner)
            for i in range(cand.start, cand.end):
                self.at.setdefault(i, []).append((cand, person))

    def _fitting_person(self, k: int, m: lex.TitleMatch, owner: Ref | None) -> Ref | None:
        """The one person mentioned before token k whose roles fit the title."""
        want = normalise_role(m.stem)
        gender = m.title.gender if m.title.gender in ("m", "f") else None
        before = [p for p in self.persons if p.cands and p.first() < k
                  and (gender is None or p.gender in (None, gender))]
        fits = [p for p in before
                if any(normalise_role(r.role).endswith(want) and (owner is None or r.of in (None, owner))
                       for r in p.roles)]
        if len(fits) == 1:
            return fits[0]
        if not fits and owner is not None:
            # "der Nato-Chef": the one person who holds a title of the Nato (a president is
            # no foreign minister, though: two state titles do not match)
            fits = [p for p in before if any(r.of is owner for r in p.roles)
                    and not (m.title.scope == "state" and any(_scope(r.role) == "state" for r in p.roles))]
            if len(fits) == 1:
                return fits[0]
        return None


def _promote_titled(doc: Doc, persons: list[Ref], others: list[Ref]) -> None:
    """A name the model typed LOC or ORG but that a title introduces ("Präsident X") or that
    has a title in apposition ("Slobodan Samardzic, der ... serbische Minister") is a person."""
    for ref in list(others):
        if ref.label == "PER" or ref.canonical or any(c.form != "name" for c in ref.cands):
            continue
        titled = False
        for c in ref.cands:
            before = c.start > 0 and lex.match_title(doc[c.start - 1].text) is not None
            after = c.end + 1 < len(doc) and doc[c.end].text == ","
            if after:
                k = c.end + 1
                while k < len(doc) and k - c.end <= MAX_COMPLEMENT and lex.match_title(doc[k].text) is None \
                        and doc[k].text not in ",.;:" and (doc[k].tag_ != "VVFIN"):
                    k += 1
                after = k < len(doc) and lex.match_title(doc[k].text) is not None \
                    and lex.is_definite_article(doc[c.end + 1].text) or (
                        lex.match_title(doc[c.end + 1].text) is not None)
            if before or after:
                titled = True
                break
        if titled:
            others.remove(ref)
            words = max((tuple(lex.fold(w) for w in c.tokens(doc)) for c in ref.cands), key=len)
            persons.append(Ref("PER", ref.cands, full=words))
            for c in ref.cands:
                c.label = "PER"


def find_roles(doc: Doc, persons: list[Ref], others: list[Ref]) -> None:
    """Attach roles to persons and add nominal title mentions (may add title-only persons)."""
    _promote_titled(doc, persons, others)
    finder = RoleFinder(doc, persons, others)
    used: set[int] = set()
    for person in list(persons):
        for c in list(person.cands):
            if c.form != "name":
                continue
            before = finder.title_before(c, person)
            used.update(before)
            used.update(finder.title_after(c, person))
            used.update(finder.title_copula(c, person, min(before + [c.start])))
    finder.nominal_titles(used)

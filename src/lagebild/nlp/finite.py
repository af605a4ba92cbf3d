"""Finite-verb repair after the core model: German clause structure says which verb is finite.

The core model often tags a finite verb as an infinitive or participle (`sagen`, `kommen`
VVFIN taken for VVINF; `erklärt` VVFIN taken for VVPP) and then gives it no Mood. A clause with
a subject, or one opened by a subordinating conjunction or a relative pronoun, needs one finite
verb. When the parse shows such a clause whose verbal complex (the predicate and its
`aux`/`aux:pass`/`cop` dependents) holds no verb with a Mood, this component makes one of them
finite:

* in a verb-final (subordinate) clause the last verb of the complex (`..., damit sie schlafen
  können`), otherwise the first one (`Die Bauern laufen Sturm`);
* only where the form can be finite: an infinitive form (`sagen` = 3rd person plural present;
  not `sein`), a participle that equals the infinitive (`erhalten`) or the 3rd person singular
  present (`erklärt`, `öffnet`: inseparable and -ieren verbs), or a verb the tagger already
  called finite (V*FIN) that the morphologizer left without Mood;
* not in zu-infinitive clauses (`zu`, `um ... zu`), imperatives or `xcomp` complements
  (`sah ihn kommen`).

The verb gets the finite STTS tag (VVFIN/VAFIN/VMFIN), `VerbForm=Fin`, `Mood` (Ind; Sub for the
Konjunktiv forms of `resources/de/subjunctive_forms.tsv` such as `sei`, `hätte`, `könne`),
`Tense` and `Person`/`Number` (from a pronoun subject, otherwise from the ending).

A second pass (`repair_conjuncts`) makes a verb finite that is coordinated with a simple finite
verb (`..., sodass es die Oberfläche nicht erreicht und stattdessen abkühlt`).

A third pass (`repair_mood`) corrects the Mood of finite verbs where the form decides it: the
Konjunktiv list, also behind a verb prefix (`aufbrächten`), and stem + `-e` of a known verb, which
is Konjunktiv I unless the subject is `ich` (`er beinhalte`, but `ich bekomme`).

What the three passes gain on the tuning data and on GSD test is in models/de_core/README.md.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from lagebild.nlp.word_lists import verb_lemmas
from lagebild.paths import resource_rows

AUX_DEPS = frozenset({"aux", "aux:pass", "cop"})
SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "expl", "csubj", "csubj:pass"})
FIN_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
TO_FIN = {"VVINF": "VVFIN", "VAINF": "VAFIN", "VMINF": "VMFIN", "VVPP": "VVFIN",
          "VVFIN": "VVFIN", "VAFIN": "VAFIN", "VMFIN": "VMFIN"}
VERB_TAGS = frozenset(TO_FIN) | {"VAPP", "VMPP", "VVIZU", "VVIMP", "VAIMP"}
IMP_TAGS = frozenset({"VVIMP", "VAIMP"})
# Relative and interrogative words that open a verb-final clause.
CLAUSE_OPENERS = frozenset({"PRELS", "PRELAT", "PWS", "PWAT", "PWAV"})
# Separable verb particles: `einzubrechen` (zu-infinitive) and `hineingeschmuggelt` (participle)
# look like `einbrechen`/`*hineinschmuggelt` to a form check.
PARTICLES = ("ab|an|auf|aus|bei|da|dar|dazu|ein|empor|entgegen|fest|fort|frei|her|herab|heran|herauf|"
              "heraus|herbei|herein|herum|herunter|hervor|hin|hinab|hinauf|hinaus|hinein|hinweg|hinzu|"
              "los|mit|nach|nieder|statt|teil|um|vor|voran|voraus|vorbei|vorüber|weg|weiter|wieder|zu|"
              "zurück|zusammen|zuvor|durch|über|unter|bekannt|kennen|klar|offen|preis|stand|fern|gegenüber")
# groups: the particle and the infinitive after "zu" (lagebild.nlp.lemmas joins them: "klarstellen")
ZU_INFINITIVE = re.compile(rf"^({PARTICLES})zu([a-zäöüß]{{3,}}en)$")
_PARTICLE_PARTICIPLE = re.compile(rf"^(?:{PARTICLES})ge[a-zäöüß]{{2,}}(?:t|en)$")
# Dependents that open a clause of their own: a finite verb there does not serve the head's clause.
_CLAUSAL_DEPS = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "csubj", "csubj:pass", "parataxis", "conj",
                           "xcomp", "appos", "dep", "orphan"})


@lru_cache(maxsize=1)
def subjunctive_forms() -> frozenset[str]:
    """Lower-cased finite forms that are (practically always) Konjunktiv, from
    resources/de/subjunctive_forms.tsv (header line; first column; `#` starts a comment)."""
    return frozenset(row[0].strip().lower() for row in resource_rows("subjunctive_forms.tsv"))


def _mood(tok: Token) -> str | None:
    m = tok.morph.get("Mood")
    return m[0] if m else None


def _stem(lemma: str) -> str:
    lemma = lemma.lower()
    if lemma.endswith("en"):
        return lemma[:-2]
    if lemma.endswith(("eln", "ern")):
        return lemma[:-1]
    return lemma[:-1] if lemma.endswith("n") else lemma


def finite_analysis(tok: Token) -> tuple[str, str, str | None] | None:
    """(tense, number guess, person guess) if `tok`'s form can be finite, else None."""
    tag = tok.tag_
    form = tok.text.lower()
    lemma = tok.lemma_.lower() or form
    if tag in FIN_TAGS:
        stem = _stem(lemma)
        if form != lemma and form.startswith(stem) and form[len(stem):] in ("te", "ten", "ete", "eten", "test", "tet"):
            return "Past", "Plur" if form.endswith("n") else "Sing", None
        if form.endswith("n"):
            return "Pres", "Plur", None
        return "Pres", "Sing", None
    if tag in ("VVINF", "VAINF", "VMINF"):
        if not form.endswith("n") or form == "sein" or len(form) < 3 or ZU_INFINITIVE.match(form):
            return None
        if form != lemma:
            stem = _stem(lemma)
            if form in (stem + "ten", stem + "eten"):
                return "Past", "Plur", None
            return None
        return "Pres", "Plur", None
    if tag == "VVPP":
        if ZU_INFINITIVE.match(form) or _PARTICLE_PARTICIPLE.match(form) and not _PARTICLE_PARTICIPLE.match(lemma):
            return None
        if form == lemma and form.endswith("t") and not form.startswith("ge"):
            return "Pres", "Sing", "3"  # lemmatizer gave up: `abkühlt`
        if not lemma.endswith("n"):
            return None
        stem = _stem(lemma)
        if form == lemma:
            return "Pres", "Plur", None
        if form.endswith("en") and not form.startswith("ge") and not _PARTICLE_PARTICIPLE.match(form):
            return "Past", "Plur", None  # strong verbs: `entschieden`, `erschossen` (past plural)
        if form in (stem + "t", stem + "et") and (not form.startswith("ge") or lemma.startswith("ge")):
            return "Pres", "Sing", "3"
        return None
    return None


def _verbal(tok: Token) -> bool:
    return tok.tag_ in VERB_TAGS


def _complex(head: Token, children: list[Token] | None = None) -> list[Token]:
    members = [head] if _verbal(head) else []
    members += [c for c in (head.children if children is None else children) if c.dep_ in AUX_DEPS and _verbal(c)]
    return sorted(members, key=lambda t: t.i)


def children_by_head(doc: Doc) -> list[list[Token]]:
    """Each token's children, collected in one pass (Token.children scans the whole subtree)."""
    out: list[list[Token]] = [[] for _ in range(len(doc))]
    for tok in doc:
        if tok.head.i != tok.i:
            out[tok.head.i].append(tok)
    return out


def _is_zu_clause(head: Token, members: list[Token]) -> bool:
    for m in members:
        if m.tag_ == "VVIZU":
            return True
        for c in m.children:
            if c.tag_ in ("PTKZU", "KOUI"):
                return True
    return False


def _verb_final(head: Token, members: list[Token], has_subj: bool = True) -> bool:
    """True for a clause opened by a subordinating conjunction, a relative or wh-word."""
    if head.dep_ == "acl:relcl":
        return True
    first = min(members[0].i, head.left_edge.i)
    for c in head.children:
        if c.dep_ == "mark" and c.tag_ == "KOUS":
            return True
        if c.i < members[0].i and c.tag_ in CLAUSE_OPENERS and c.i == first:
            return True
    # the clause's first word: a relative/wh word, also inside a phrase (`in dem`, `wessen Buch`),
    # a conjunction, or comparative `wie`/`als` (`wie wir das gedacht haben`)
    words = [t for t in head.subtree if not t.is_punct]
    if not words or words[0].i >= members[0].i:
        return False
    opener = words[0]
    nxt = words[1] if len(words) > 1 else None
    if opener.tag_ == "KOKOM":  # `wie wir das gedacht haben`, but not `wie besprochen`
        return has_subj
    return opener.tag_ in CLAUSE_OPENERS or opener.tag_ == "KOUS" or (
        opener.tag_ == "APPR" and nxt is not None and nxt.tag_ in CLAUSE_OPENERS)


def _subject(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubj:pass"):
            return c
    return None


def _person_number(subj: Token | None, number_guess: str, person_guess: str | None) -> tuple[str, str]:
    if subj is not None and subj.tag_ in ("PPER", "PRF"):
        p, n = subj.morph.get("Person"), subj.morph.get("Number")
        low = subj.text.lower()
        if low == "ich":
            return "1", "Sing"
        if low == "wir":
            return "1", "Plur"
        if low == "du":
            return "2", "Sing"
        if low == "ihr" and number_guess == "Sing" or low == "ihr" and person_guess is None and number_guess != "Plur":
            return "2", "Plur"
        if p and n:
            return p[0], n[0]
    return person_guess or "3", number_guess


def make_finite(tok: Token, subj: Token | None = None) -> bool:
    """Give `tok` a finite tag and finite features; False if its form cannot be finite."""
    ana = finite_analysis(tok)
    if ana is None:
        return False
    tense, number, person = ana
    form = tok.text.lower()
    mood = "Sub" if is_subjunctive_form(form) else "Ind"
    person, number = _person_number(subj, number, person)
    feats = tok.morph.to_dict()
    for k in ("VerbForm", "Mood", "Tense", "Person", "Number", "Aspect", "Gender", "Case", "Degree"):
        feats.pop(k, None)
    feats.update({"Mood": mood, "Number": number, "Person": person, "Tense": tense, "VerbForm": "Fin"})
    _set_feats(tok, feats)
    tok.tag_ = TO_FIN[tok.tag_]
    return True


def repair_clauses(doc: Doc) -> list[Token]:
    """Make one verb finite in every clause that needs one and has none; the changed tokens."""
    changed = []
    children = children_by_head(doc)
    for head in doc:
        if head.dep_ in AUX_DEPS or head.dep_ == "xcomp":
            continue
        members = _complex(head, children[head.i])
        if not members:
            continue
        if any(_mood(m) or m.tag_ in IMP_TAGS for m in members):
            continue
        if _is_zu_clause(head, members):
            continue
        if any(c.tag_ in IMP_TAGS or _mood(c) == "Imp" for c in head.children):
            continue  # `Lass das Mikro fallen.`
        if any(c.dep_ == "conj" and any(a.dep_ in AUX_DEPS for a in c.children) for c in head.children):
            continue  # an auxiliary shared by coordinated verbs: `ob sie gehen oder bleiben werden`
        if any(c.dep_ not in _CLAUSAL_DEPS and c.tag_ in ("VAFIN", "VMFIN") and c not in members for c in head.children):
            continue  # a finite auxiliary the parser attached otherwise
        subj = _subject(head)
        has_subj = subj is not None or any(c.dep_ in SUBJ_DEPS for c in head.children)
        final = _verb_final(head, members, has_subj)
        if not has_subj and not final:
            continue
        if not final and len(members) > 1 and members[0].tag_ not in FIN_TAGS:
            continue  # main clause without a finite verb among several: the parse is wrong somewhere
        target = members[-1] if final else members[0]
        if make_finite(target, subj):
            changed.append(target)
    return changed


def repair_conjuncts(doc: Doc) -> list[Token]:
    """`..., sodass es die Oberfläche nicht erreicht und stattdessen abkühlt`: a verb coordinated
    with a simple finite verb (finite itself, no auxiliary) and without an auxiliary of its own is
    finite too."""
    changed = []
    for tok in doc:
        if tok.dep_ != "conj" or _mood(tok) or tok.tag_ not in ("VVINF", "VVPP", "VVFIN"):
            continue
        head = tok.head
        if _mood(head) not in ("Ind", "Sub") or head.tag_ != "VVFIN":  # not `haben ... und erhalten`
            continue
        if any(c.dep_ in AUX_DEPS for c in head.children) or any(c.dep_ in AUX_DEPS for c in tok.children):
            continue
        if any(c.tag_ in FIN_TAGS or _mood(c) for c in tok.children):
            continue  # `wurden beraten und haben ... erhalten`: a finite verb of its own
        if _is_zu_clause(tok, [tok]) or any(c.dep_ in ("mark",) and c.tag_ == "KOUS" for c in tok.children):
            continue
        if make_finite(tok, _subject(tok) or _subject(head)):
            changed.append(tok)
    return changed


_PREFIXED = re.compile(rf"^(?:{PARTICLES}|be|emp|ent|er|miss|ver|zer)([a-zäöüß]{{4,}})$")


def is_subjunctive_form(form: str) -> bool:
    """A form of the Konjunktiv list, also behind a verb prefix (`aufbrächten`, `ergäbe`)."""
    form = form.lower()
    if form in subjunctive_forms():
        return True
    match = _PREFIXED.match(form)
    return bool(match) and match.group(1) in subjunctive_forms()


def _clause_subject(tok: Token) -> Token | None:
    """The subject of `tok`'s clause: its own, its head's for an auxiliary, a conjunct's head's."""
    if tok.dep_ in AUX_DEPS:
        return _subject(tok.head)
    subj = _subject(tok)
    if subj is None and tok.dep_ == "conj":
        subj = _subject(tok.head)
    return subj


def _set_feats(tok: Token, feats: dict[str, str]) -> None:
    tok.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())))


def _first_person_singular(tok: Token) -> bool:
    """`ich` (or historical `Jch`) as the clause's subject or right beside the verb (`habe ich`)."""
    subj = _clause_subject(tok)
    near = [subj] if subj is not None else []
    near += [doc_tok for doc_tok in tok.doc[max(tok.i - 2, 0):tok.i + 3] if doc_tok.i != tok.i]
    return any(t.text.lower() in ("ich", "jch") for t in near)


def repair_mood(doc: Doc) -> list[Token]:
    """Mood of finite verbs from the form, where the form decides it.

    * A form of the Konjunktiv list (`hätte`, `aufbrächten`) is Sub.
    * Stem + `-e` of a known verb (`beinhalte`, `gebe`) is Konjunktiv I (Sub) with a subject
      other than `ich`: the 3rd person indicative ends in `-t`, and no past tense is stem + `-e`
      (unless the lemma is wrong: `reiste` lemmatised `reisten`, of `reisen`). With `ich` it is
      indicative (`ich bekomme`).
    """
    changed = []
    for tok in doc:
        if tok.tag_ not in FIN_TAGS:
            continue
        mood = _mood(tok)
        if mood not in ("Ind", "Sub"):
            continue
        form, lemma = tok.text.lower(), tok.lemma_.lower()
        if is_subjunctive_form(form):
            wanted = "Sub"
        elif (form == _stem(lemma) + "e" and lemma.endswith("n") and lemma in verb_lemmas()
              and not (form.endswith("te") and form[:-2] + "en" in verb_lemmas())):  # `reiste`: past
            if _first_person_singular(tok):
                wanted = "Ind"
            elif _clause_subject(tok) is not None:
                wanted = "Sub"
            else:
                continue
        else:
            continue
        if wanted != mood:
            _set_feats(tok, {**tok.morph.to_dict(), "Mood": wanted})
            changed.append(tok)
    return changed


@Language.component("lagebild_finite_repair", requires=["token.tag", "token.morph", "token.dep"],
                    assigns=["token.tag", "token.morph"])
def finite_repair(doc: Doc) -> Doc:
    """Pipeline component: `repair_clauses`, then `repair_conjuncts` (no-op without a parse)."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("TAG"):
        return doc
    repair_clauses(doc)
    repair_conjuncts(doc)
    repair_mood(doc)
    return doc

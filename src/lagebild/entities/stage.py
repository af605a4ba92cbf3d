"""The `lagebild_entities` spaCy component: who and what one article mentions.

Reads the Doc (tokens, STTS tags, morphology, parse and GermEval entities, whichever are there)
and writes only `doc._.article.entities`: one `Entity` per referent with its roles and all its
mentions (name, deriv, part, nominal, pronoun) as character offsets into the article text.
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.article import Entity, Mention, Role
from lagebild.entities import lexicon as lex
from lagebild.entities import mentions as M
from lagebild.entities import ner
from lagebild.entities.group import Ref, assign_keys, display_name, group_others, group_persons
from lagebild.entities.groups import group_referents
from lagebild.entities.nominals import alias_nominals
from lagebild.entities.pronouns import resolve_pronouns
from lagebild.entities.roles import find_roles
from lagebild.nlp import components  # noqa: F401  (registers the doc._.article extension)

log = logging.getLogger(__name__)
FORM_ORDER = {"name": 0, "part": 1, "deriv": 2, "nominal": 3, "pronoun": 4}


def _mark(covered: list[bool], cands: list[M.Cand]) -> None:
    for c in cands:
        for i in range(c.start, c.end):
            covered[i] = True


def credit_tokens(doc: Doc) -> set[int]:
    """Tokens of the dateline and the agency credits that ingest found (`meta.dateline_span`,
    `meta.agency`): no mention starts, ends or lies there."""
    article = doc._.article
    if article is None:
        return set()
    out: set[int] = set()
    for found in [article.meta.dateline_span, *article.meta.agency]:
        span = doc.char_span(found.start, found.end, alignment_mode="expand") if found else None
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _outside(cands: list[M.Cand], blocked: set[int]) -> list[M.Cand]:
    return [c for c in cands if not any(i in blocked for i in range(c.start, c.end))]


def named_candidates(doc: Doc, covered: list[bool], blocked: frozenset[int] | set[int] = frozenset()
                     ) -> tuple[list[M.Cand], list[M.Cand], list[M.Cand]]:
    """(names, derivs, parts): every named mention candidate, most trusted source first; marks
    the tokens it uses in `covered`. The NER's entities on `blocked` tokens (a dateline, a
    credit) are left out."""
    from_ner = _outside(ner.ner_mentions(doc), blocked)
    names = ner.introduced_acronyms(doc, [c for c in from_ner if c.form == "name"])
    ner_derivs = [c for c in from_ner if c.form == "deriv"]
    ner_parts = [c for c in from_ner if c.form == "part"]
    _mark(covered, names)
    # a listed name wins over a deriv inside it: "der Französischen Republik"
    names += M.lexicon_names(doc, covered)
    name_tokens = {i for c in names for i in range(c.start, c.end)}
    ner_derivs = [c for c in ner_derivs if c.start not in name_tokens]
    names += ner.adjective_names(doc, ner_derivs, covered)
    name_tokens = {i for c in names for i in range(c.start, c.end)}
    ner_derivs = [c for c in ner_derivs if c.start not in name_tokens]
    _mark(covered, names)
    _mark(covered, ner_derivs)
    names += ner.titled_names(doc, covered)
    assign_keys(doc, names)
    names += M.propagate_names(doc, names, covered)
    tagged = ner.tagged_names(doc, covered)
    assign_keys(doc, tagged)
    names += tagged

    known: dict[tuple[str, ...], M.Cand] = {}
    for c in names:
        words = tuple(lex.fold(w) for w in c.tokens(doc))
        known.setdefault(words, c)
        if c.label == "PER" and len(words) > 1:
            known.setdefault(words[-1:], c)
    # a deriv that neither the demonym list nor the article's names explain is the model's guess
    derivs = [c for c in ner_derivs if M.link_deriv(doc, c, known)]
    derivs += M.derived_mentions(doc, covered)
    _mark(covered, derivs)
    # a listed name wins over the model's part label: "UN-Sicherheitsrates" is a name
    name_tokens = {i for c in names for i in range(c.start, c.end)}
    ner_parts = [c for c in ner_parts if not any(i in name_tokens for i in range(c.start, c.end))]
    _mark(covered, ner_parts)
    parts = M.part_mentions(doc, covered, known, ner_parts)
    _mark(covered, parts)
    return names, derivs, parts


def find_referents(doc: Doc) -> list[Ref]:
    """All referents of the Doc with their mention candidates (token spans) and roles."""
    blocked = credit_tokens(doc)
    covered = [i in blocked for i in range(len(doc))]
    names, derivs, parts = named_candidates(doc, covered, blocked)
    persons = group_persons(doc, [c for c in names if c.label == "PER"])
    person_of = {id(c): p for p in persons for c in p.cands}
    for c in derivs + parts:   # "Rice-Äußerungen": a part of a person's name
        p = person_of.get(id(c.extra.get("person")))
        if p is not None:
            p.cands.append(c)
    rest = [c for c in names if c.label != "PER"] + [
        c for c in derivs + parts if c.extra.get("person") is None]
    for c in rest:
        if c.key is None:
            c.key = M.name_key(c.tokens(doc))
    others = group_others(doc, rest)

    alias_nominals(doc, others, covered)
    find_roles(doc, persons, others)
    resolve_pronouns(doc, persons, others)
    groups = group_referents(doc, persons + others, blocked)
    for r in persons + others:
        r.cands = _outside(r.cands, blocked)
    return [r for r in persons + others + groups if r.cands]


def to_entities(doc: Doc, refs: list[Ref]) -> list[Entity]:
    """Article entities (ids e1, e2 ... in order of first mention) from the referents."""
    refs = sorted(refs, key=lambda r: r.first())
    ids = {id(r): f"e{n}" for n, r in enumerate(refs, 1)}
    out = []
    for r in refs:
        seen = set()
        mentions = []
        for c in sorted(r.cands, key=lambda c: (c.start, FORM_ORDER.get(c.form, 9))):
            span = doc[c.start:c.end]
            key = (span.start_char, span.end_char)
            if key in seen:
                continue
            seen.add(key)
            mentions.append(Mention(span.start_char, span.end_char, span.text, c.form))
        roles = [Role(role.role, ids.get(id(role.of)) if role.of is not None else None) for role in r.roles]
        out.append(Entity(ids[id(r)], display_name(doc, r), r.label, roles, mentions))
    return out


@Language.component("lagebild_entities", requires=["doc._.article"], assigns=["doc._.article"])
def lagebild_entities(doc: Doc) -> Doc:
    """Fill `article.entities`; on an unexpected error the article keeps no entities and a
    warning, and the rest of the pipeline still runs."""
    article = doc._.article
    if article is None:
        return doc
    try:
        article.entities = to_entities(doc, find_referents(doc))
    except Exception as err:  # noqa: BLE001 - one odd article must not stop a batch
        log.exception("entities stage failed on %s", article.id)
        article.entities = []
        article.warn(f"entities stage failed ({type(err).__name__}: {err}); no entities for this article")
    return doc

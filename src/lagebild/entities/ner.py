"""The NER model's spans as mention candidates, repaired where the model is predictably wrong.

A model trained on GermEval 2014 (without its training split) misses and mis-cuts names in ways
that are cheap to fix with the article itself: a title run into a person's name, a person cut
after the first name, two names run across a bracket, a place adjective opening an organisation,
a person right after a title that the model did not tag at all.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from lagebild.entities import lexicon as lex
from lagebild.entities.mentions import LABELS, Cand, canonical_of, name_key, name_like


def ner_mentions(doc: Doc) -> list[Cand]:
    """The NER model's spans as candidates (GermEval labels: PER, LOCderiv, ORGpart ...),
    repaired where the model is predictably wrong (see `_repair`)."""
    out: list[Cand] = []
    ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for ent in doc.ents:
        base = ent.label_[:3]
        if base not in LABELS:
            continue
        form = {"deriv": "deriv", "part": "part"}.get(ent.label_[3:], "name")
        start, end = ent.start, ent.end
        # GermEval spans never start or end with punctuation or white space
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ".-"
                               or doc[end - 1].is_space):
            end -= 1
        for a, b in _split_at_brackets(doc, start, end):
            out.extend(_repair(doc, Cand(a, b, base, form, source="ner"), ent_tokens))
    for c in out:
        _number_continuation(doc, c, ent_tokens)
    merged: list[Cand] = []
    for c in out:
        prev = merged[-1] if merged else None
        if prev and prev.label == c.label == "PER" and prev.form == c.form == "name" and prev.end == c.start \
                and doc[prev.end - 1].whitespace_:
            prev.end = c.end   # "Angela" + "Merkel" split by the model
            continue
        merged.append(c)
    _harmonise_labels(doc, merged)
    return merged


def _number_continuation(doc: Doc, c: Cand, ent_tokens: set[int]) -> None:
    """"WM" | "2006", "Channel" | "10", "Resolution" | "1701": a number right after an event or
    work name belongs to it, after another name only when it is no year ("die SPD 1998")."""
    if c.form != "name" or c.label == "PER" or c.end >= len(doc) or c.end in ent_tokens:
        return
    nxt = doc[c.end]
    if not nxt.text.isdigit() or not doc[c.end - 1].whitespace_:
        return
    if c.label == "OTH" or not 1000 <= int(nxt.text) <= 2100:
        c.end += 1


def _split_at_brackets(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of a span the model ran across a bracket or an enumeration comma:
    "Bundesamt für Verfassungsschutz (BfV", "Bundesamtes für X, des Militärischen Y"."""
    pieces = []
    a = start
    for i in range(start, end):
        t = doc[i].text
        if t in "()[]" or t == "," and i + 1 < end and doc[i + 1].text[:1].islower():
            pieces.append((a, i))
            a = i + 1
    pieces.append((a, end))
    out = []
    for a, b in pieces:
        while a < b and (doc[a].is_punct or doc[a].is_space or doc[a].text[:1].islower() and b - a > 1
                         and lex.is_definite_article(doc[a].text)):
            a += 1
        while b > a and (doc[b - 1].is_punct and doc[b - 1].text not in ".-" or doc[b - 1].is_space):
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _repair(doc: Doc, c: Cand, ent_tokens: set[int]) -> list[Cand]:
    """Fix what the NER model gets predictably wrong; returns the candidates to keep.

    * a title inside a person span is not part of the name ("General Michael Hagee",
      "Human Rights Watch-Sprecher Malinowski"); a title alone is no name at all;
    * a person span stops short of the surname ("Robert" | "Mugabe"): extend over name tokens;
    * "Nato-Chef" tagged ORG is a name part (ORGpart in GermEval), "Bundesinnenministers" a title,
      "Euro" after an amount a unit;
    * a place adjective opening an organisation ("deutsche Bundesregierung") or a person
      ("Nürnberger Trommler", "Franzose Jean Dupont") is a deriv mention of its own.
    """
    start, end = c.start, c.end
    if c.label == "PER" and c.form == "name":
        if lex.match_title(doc[end - 1].text) is not None:
            return []   # "Human Rights Watch-Sprecher": a title with a name part, not a person
        for i in range(end - 1, start, -1):   # "Russischen Föderation Sergei Lawrow"
            canonical, label, _ = canonical_of([t.text for t in doc[start:i]])
            if canonical:
                return [Cand(start, i, label or "LOC", "name", source="ner")] + \
                    _repair(doc, Cand(i, end, c.label, c.form, source="ner"), ent_tokens)
        place = lex.place_of_adjective(doc[start].text)
        if place is not None and end - start > 1:   # "Nürnberger Trommler": a deriv, no person
            rest = _repair(doc, Cand(start + 1, end, c.label, c.form, source="ner"), ent_tokens)
            keep = [r for r in rest if all(t.tag_ in ("NE", "FM") for t in doc[r.start:r.end])]
            return [Cand(start, start + 1, "LOC", "deriv", source="ner")] + keep
        for i in range(end - 2, start - 1, -1):
            if lex.match_title(doc[i].text) is not None:
                start = i + 1
                break
        start, end = _extend_person(doc, start, end, ent_tokens)
        return [Cand(start, end, c.label, c.form, source="ner")]
    if c.form == "name" and end - start > 2:   # "Russischen Föderation Sergei Lawrow" as one LOC
        for i in range(end - 1, start, -1):
            canonical, label, _ = canonical_of([t.text for t in doc[start:i]])
            if canonical and all(t.tag_ in ("NE", "FM") and t.text[:1].isupper() for t in doc[i:end]):
                return [Cand(start, i, label or c.label, "name", source="ner"),
                        Cand(i, end, "PER", "name", source="ner")]
    if c.form == "name" and end - start == 1 and start > 0 and c.label != "PER" and (
            doc[start - 1].tag_ == "CARD" or start > 1 and doc[start - 2].tag_ == "CARD"
            and doc[start - 1].text.endswith(".")):
        return []   # "250.000 Euro", "2 Mrd. Euro": a unit after an amount
    if c.form == "name" and end - start == 1:
        m = lex.match_title(doc[start].text)
        if m is not None:
            if not m.prefix:
                return []
            return [Cand(start, end, c.label, "part", source="ner")]
        if _known_prefix_compound(doc[start].text):
            return [Cand(start, end, c.label, "part", source="ner")]
    if c.form == "name" and end - start > 1 and doc[start].text[:1].islower():
        place = lex.place_of_adjective(doc[start].text)
        if place is not None:
            out = [Cand(start, start + 1, "LOC", "deriv", source="ner")]
            rest = [t.text for t in doc[start + 1:end]]
            canonical, _, _ = canonical_of(rest)
            if canonical:   # "deutsche Bundesregierung"; but "russische Föderation" is one name
                out.append(Cand(start + 1, end, c.label, "name", source="ner"))
                return out
    return [Cand(start, end, c.label, c.form, source="ner")]


def _known_prefix_compound(word: str) -> bool:
    """"UN-Mission", "UNO-Mitgliedsstaaten": a known name before a hyphen and a noun after it
    make a compound (GermEval: ORGpart), unless the whole is itself a listed name
    ("UN-Sicherheitsrat")."""
    if "-" not in word.strip("-") or canonical_of([word])[0]:
        return False
    head, tail = word.split("-", 1)
    if not tail[:1].isupper() or "-" in tail:
        return False
    f = lex.fold(head)
    return bool(canonical_of([head])[0]) or f in lex.demonyms().prefixes


def _name_particle(text: str) -> bool:
    """"al-Zarqawi", "el-Baradei", "ad-Din": a short lower-case particle glued to a name."""
    head, _, tail = text.partition("-")
    return bool(tail) and head.isalpha() and head.islower() and len(head) <= 3 and tail[:1].isupper()


def _could_be_name(doc: Doc, i: int, ent_tokens: set[int]) -> bool:
    """Token i may continue a person's name the NER model cut short."""
    tok = doc[i]
    if i not in ent_tokens and _name_particle(tok.text):
        return True
    return (i not in ent_tokens and tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start
            and lex.match_title(tok.text) is None and lex.place_of_adjective(tok.text) is None
            and (lex.fold(tok.text),) not in lex.org_aliases() and (lex.fold(tok.text),) not in lex.demonyms().names)


def _extend_person(doc: Doc, start: int, end: int, ent_tokens: set[int]) -> tuple[int, int]:
    """A person span next to an untagged name word: "Abdel Kader" | "Dschassim" (tagged NE),
    "Robert" | "Mugabe" (a common-noun tag, but used again in the article), "Dmitri" | "Medwedew"."""
    if not doc.has_annotation("TAG"):
        return start, end
    if end < len(doc) and doc[end - 1].whitespace_ and _could_be_name(doc, end, ent_tokens):
        nxt = doc[end]
        if nxt.tag_ in ("NE", "FM") or _name_particle(nxt.text) \
                or end - start == 1 and nxt.tag_ in ("NN", "XY") and name_like(doc, nxt.text):
            return start, end + 1
    if end - start == 1 and start > 0 and doc[start - 1].whitespace_ \
            and _could_be_name(doc, start - 1, ent_tokens) and doc[start - 1].tag_ in ("NE", "FM"):
        return start - 1, end
    return start, end


def _harmonise_labels(doc: Doc, cands: list[Cand]) -> None:
    """One name, one label: the model may call "Medwedew" PER here and ORG there; the majority
    wins (a tie goes to PER, the costlier one to lose)."""
    votes: dict[tuple[str, ...], Counter] = {}
    names = [c for c in cands if c.form == "name"]
    for c in names:
        votes.setdefault(name_key(c.tokens(doc)), Counter())[c.label] += 1
    for c in names:
        v = votes[name_key(c.tokens(doc))]
        if len(v) > 1:
            top = max(v.values())
            best = [label for label, n in v.items() if n == top]
            c.label = "PER" if "PER" in best else sorted(best)[0]


def titled_names(doc: Doc, covered: list[bool]) -> list[Cand]:
    """Persons the NER model missed right after a title: "Generalsekretär Anders Fogh
    Rasmussen". Name words are capitalised inside the sentence (whatever the tagger says: it
    calls "Anders" an adverb) and, when tagged as common nouns, `mentions.name_like`."""
    if not doc.has_annotation("TAG"):
        return []
    ent_tokens = {i for i, c in enumerate(covered) if c}
    out = []
    for tok in doc:
        if covered[tok.i] or lex.match_title(tok.text) is None or not tok.whitespace_:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 4 and _could_be_name(doc, end, ent_tokens) \
                and (doc[end].tag_ not in ("NN", "XY") or name_like(doc, doc[end].text)):
            end += 1
            if not doc[end - 1].whitespace_:
                break
        if end > tok.i + 1 and not canonical_of([t.text for t in doc[tok.i + 1:end]])[0]:
            out.append(Cand(tok.i + 1, end, "PER", "name", source="title"))
            for i in range(tok.i + 1, end):
                covered[i] = True
    return out


def tagged_names(doc: Doc, covered: list[bool]) -> list[Cand]:
    """Names the NER model missed but the tagger calls proper nouns (NE): an acronym ("IWF",
    "UNMIK": an organisation) or a name the article repeats, once after a place preposition
    ("in Haditha", "auf der Krim": a place)."""
    if not doc.has_annotation("TAG"):
        return []

    def usable(i: int) -> bool:
        t = doc[i]
        return (not covered[i] and t.tag_ == "NE" and t.text[:1].isupper() and t.text.isalnum()
                and not t.is_sent_start and lex.match_title(t.text) is None
                and lex.place_of_adjective(t.text) is None and doc[i - 1].tag_ != "CARD")   # "250.000 Euro"

    def located(i: int) -> bool:   # "in Haditha", "auf der Krim"
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.tag_ == "ART" and i > 1:
            prev = doc[i - 2]
        return prev is not None and lex.fold(prev.text) in lex.closed_class("place_preposition")

    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if usable(i):
            j = i + 1
            while j < len(doc) and j - i < 3 and usable(j) and doc[j - 1].whitespace_:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    texts = Counter(doc[a:b].text for a, b in runs)
    out = []
    for a, b in runs:
        text = doc[a:b].text
        acronym = b - a == 1 and len(text) >= 2 and sum(ch.isupper() for ch in text) >= 2
        if not acronym and texts[text] < 2:
            continue
        after_preposition = any(doc[x:y].text == text and located(x) for x, y in runs)
        if not acronym and not after_preposition:
            continue
        label = "ORG" if acronym else "LOC"
        out.append(Cand(a, b, label, "name", source="tagger"))
        for k in range(a, b):
            covered[k] = True
    return out


def introduced_acronyms(doc: Doc, names: list[Cand]) -> list[Cand]:
    """Organisations the article introduces with their acronym: "„Union pour un Mouvement
    Populaire“ (UMP)", "Movement for Democratic Change (MDC)", "Gewerkschaft der Polizei (GdP)".
    Returns `names` with the long names and acronyms added; model spans inside them are dropped."""
    added: list[Cand] = []
    for i, tok in enumerate(doc):
        if tok.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")" or i == 0:
            continue
        acr = doc[i + 1].text
        if not (acr.isalnum() and sum(ch.isupper() for ch in acr) >= 2 and acr[:1].isupper()):
            continue
        span = _quoted_before(doc, i) or _initials_before(doc, i, acr)
        if span is None:
            continue
        added.append(Cand(span[0], span[1], "ORG", "name", source="acronym"))
        added.append(Cand(i + 1, i + 2, "ORG", "name", source="acronym"))
    if not added:
        return names
    taken = {k for c in added for k in range(c.start, c.end)}
    kept = [c for c in names if not any(k in taken for k in range(c.start, c.end))]
    return kept + added


def _quoted_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """The quoted words right before token i: „People's Power Party“ (PPP)."""
    if not doc[i - 1].is_quote:
        return None
    for j in range(i - 2, max(-1, i - 14), -1):
        if doc[j].is_quote:
            return (j + 1, i - 1) if j + 1 < i - 1 and doc[j + 1].text[:1].isupper() else None
    return None


def _initials_before(doc: Doc, i: int, acr: str) -> tuple[int, int] | None:
    """The capitalised words before token i whose initials spell the acronym (in any order
    of its letters, first letter first): "Serbischen Radikalen Partei (SRS)"."""
    j = i
    while j > 0 and i - j < 10:
        t = doc[j - 1]
        if t.text[:1].isupper() and not (t.tag_ == "ART" or lex.is_definite_article(t.text)) or t.text.isdigit():
            j -= 1
        elif t.text.islower() and len(t.text) <= 4 and t.is_alpha and j < i:
            j -= 1   # "für", "der", "for", "pour", "un"
        else:
            break
    letters = {ch for ch in acr if ch.isupper() or ch.isdigit()}
    for a in range(j, i):
        words = [t.text for t in doc[a:i] if t.text[:1].isupper() or t.text[:1].isdigit()]
        if not doc[a].text[:1].isupper() or len(words) < 2:
            continue
        initials = [w[0].upper() for w in words]
        if initials[0] == acr[0].upper() and letters <= set(initials) | set(ch for w in words for ch in w if ch.isdigit()):
            return a, i
    return None


def adjective_names(doc: Doc, ner_derivs: list[Cand], covered: list[bool]) -> list[Cand]:
    """Names that open with a capitalised place adjective inside a sentence: "der Bayerische
    Rundfunk", "der Serbischen Radikalen Partei", "der Französischen Republik" (lower case,
    "die russische Armee", it is a deriv and a description)."""
    deriv_at = {c.start for c in ner_derivs}
    out = []
    for tok in doc:
        i = tok.i
        if covered[i] and i not in deriv_at or not tok.text[:1].isupper() or tok.is_sent_start or i == 0:
            continue
        place = lex.place_of_adjective(tok.text)
        if not doc[i - 1].is_alpha or place is None or place.place_type == "city" \
                or lex.fold(tok.text) not in lex.demonyms().adjectives:
            continue   # city forms ("Pariser Vorstädte") are capitalised anyway
        end = i + 1
        while end < len(doc) and end - i < 4 and not covered[end] and doc[end].is_alpha \
                and doc[end].text[:1].isupper() and doc[end - 1].whitespace_ \
                and lex.match_title(doc[end].text) is None:
            end += 1
        if end > i + 1:
            out.append(Cand(i, end, "ORG", "name", source="adjective"))
            for k in range(i, end):
                covered[k] = True
    return out

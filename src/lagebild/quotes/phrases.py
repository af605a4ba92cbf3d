"""Phrases and clauses of a sentence, as token ranges: noun phrases (with genitives, names,
appositions and titles in marks), clause boundaries, trimming, and the main finite verb."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.context import END_PUNCT

if TYPE_CHECKING:
    from lagebild.quotes.context import Context


def np_at(f: Context, j: int, limit: int, skip: int = 3) -> tuple[int, int] | None:
    """The noun phrase that starts at j (after up to `skip` adverbs), ending before `limit`."""
    k = j
    while k < limit and skip > 0 and (f.word(k, "adverb") or (f.has_tags and f.tok[k].tag_ in ("ADV", "PTKNEG"))):
        k += 1
        skip -= 1
    if k >= limit:
        return None
    if f.is_pronoun(k) or f.word(k, "impersonal"):
        return (k, k + 1)
    start = k
    has_noun = False
    while k < limit and f.is_np_token(k):
        if has_noun and f.starts_new_np(k):
            break  # "laut el-Baradei | die Bearbeitung ...": a second article opens the content
        has_noun |= f.is_nounish(k)
        k = f.name_end.get(k, k + 1) if has_noun else k + 1  # "Ärzte ohne Grenzen" stays whole
        if k > limit:
            k = limit
            break
        # genitive or "von" extension: "Sprecher des Ministeriums", "Kamanda von der Behörde"
        if has_noun and k + 1 < limit and (f.low_in(k, "genitive_article") or f.low_in(k, "von")) \
                and (f.is_np_token(k + 1) or f.is_nounish(k + 1)):
            k += 1
        if has_noun and k + 1 < limit and f.low_in(k, "np_coordinator") and f.is_np_token(k + 1):
            k += 1
    if not has_noun:
        return None
    while k > start and any(f.low_in(k - 1, cls) for cls in ("np_coordinator", "genitive_article", "von")):
        k -= 1
    return (start, k)


def marked_title_after(f: Context, j: int) -> tuple[int, int] | None:
    """The span of a title in quotation marks that opens at token j („Berliner Zeitung“)."""
    for o, c in f.mark_pairs:
        if o == j and c - o <= 8:
            return (o, c + 1)
    return None


def np_list(f: Context, s: int, e: int) -> bool:
    """True when [s, e) is a noun phrase with appositions: "Hans Papier, Präsident des Gerichts"."""
    k, skip = s, 2
    while k < e:
        j = k
        while j < e and f.tok[j].text != ",":
            j += 1
        sp = np_at(f, k, j, skip=skip)
        if any(f.is_finite(x) for x in range(k, j)):
            return False
        if not (sp and sp[1] == j) and not is_apposition(f, k, j):
            return False
        k, skip = j + 1, 0
    return True


def is_apposition(f: Context, a: int, b: int) -> bool:
    """Is [a, b) a noun phrase with prepositional parts or a name in marks, as in appositions
    ("Vorsitzender des Ausschusses im Senat", "Der Geschäftsführer von „Ener1“")?"""
    if not f.has_tags or b <= a or f.words_in(a, b) > 10:
        return False
    first = f.tok[a]
    if not (first.tag_ in ("ART", "NN", "NE", "ADJA", "PPOSAT", "CARD") or f.is_mark[a] or a in f.in_name):
        return False
    if any((f.tok[x].tag_.startswith("V") and x not in f.in_name) or f.tok[x].tag_ in ("KOUS", "PRELS", "PWS", "PWAV")
           for x in range(a, b)):
        return False
    return any(f.is_nounish(x) for x in range(a, b))


def name_tail(f: Context, sp: tuple[int, int], e: int) -> tuple[int, int]:
    """`sp` extended over a short name in quotation marks or brackets right after it: "die
    Nachrichtenagentur „Xinhua“", "des United States Geological Survey (USGS)"."""
    k = sp[1]
    if k < e and f.is_mark[k]:
        title = marked_title_after(f, k)
        if title and title[1] <= e:
            return (sp[0], title[1])
    if k < e - 1 and f.tok[k].text == "(":
        close = next((j for j in range(k + 1, min(e, k + 6)) if f.tok[j].text == ")"), None)
        if close is not None and not any(f.is_finite(j) for j in range(k + 1, close)):
            return (sp[0], close + 1)
    return sp


def apposition_after(f: Context, sp: tuple[int, int], e: int) -> tuple[int, int]:
    """`sp` extended over ", apposition," right after it ("laut dem Chefankläger, Luis Moreno
    Ocampo, sollen ..."): the apposition names the same source, it is no part of the content."""
    k = sp[1]
    if k >= e - 1 or f.tok[k].text != ",":
        return sp
    j = k + 1
    while j < e and f.tok[j].text not in (",", ";", ":", ".", "!", "?"):
        j += 1
    if j < e and f.tok[j].text == "," and is_apposition(f, k + 1, j):
        return (sp[0], j)
    return sp


def np_before(f: Context, j: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before j (for "X zufolge", "X gegenüber")."""
    k = j
    if k > floor and f.is_mark[k - 1]:
        k -= 1  # dem „Figaro“ zufolge
    while k > floor and (f.is_np_token(k - 1) or f.is_mark[k - 1]):
        k -= 1
    while k < j and f.is_mark[k] and not any(o == k for o, _ in f.mark_pairs):
        k += 1
    if k == j or not any(f.is_nounish(x) for x in range(k, j)):
        return None
    return (k, j)


def clause_left(f: Context, i: int, s: int) -> int:
    """Index of the boundary token left of i in its sentence, or s-1; a parenthesis and a quoted
    name ("Die Zeitung „Yemen Observer“ berichtet") are inside the clause."""
    k = i - 1
    while k >= s:
        t = f.tok[k].text
        if t == ")":
            depth = 1
            k -= 1
            while k >= s and depth:
                depth += {")": 1, "(": -1}.get(f.tok[k].text, 0)
                k -= 1
            continue
        opening = quoted_name_start(f, k)
        if opening is not None and opening > s:
            k = opening - 1
            continue
        if f.is_boundary(k):
            return k
        k -= 1
    return s - 1


def clause_right(f: Context, i: int, e: int) -> int:
    """Index of the boundary token right of i in its sentence, or the sentence end."""
    k = i + 1
    while k < e:
        t = f.tok[k].text
        if t == "(":
            depth = 1
            k += 1
            while k < e and depth:
                depth += {"(": 1, ")": -1}.get(f.tok[k].text, 0)
                k += 1
            continue
        if f.is_boundary(k) or (k + 1 == e and f.tok[k].text in END_PUNCT):
            return k
        k += 1
    return e


QUOTED_NAME_WORDS = 4


def quoted_name_start(f: Context, close: int) -> int | None:
    """The opening mark when `close` closes a short quoted name: at most four words, each
    capitalised ("„Süddeutsche Zeitung“", "„Yemen Observer“"), after a word of the clause."""
    if not f.is_mark[close]:
        return None
    opening = next((o for o, c in f.mark_pairs if c == close), None)
    if opening is None or not 0 < close - opening - 1 <= QUOTED_NAME_WORDS:
        return None
    inside = f.tok[opening + 1:close]
    if all(t.text[:1].isupper() or t.text in ("-", "&") for t in inside) and not f.is_boundary(opening - 1):
        return opening
    return None


def clause_left_loose(f: Context, i: int, s: int) -> int:
    k = i - 1
    while k >= s and f.tok[k].text not in (",", ";", ":"):
        k -= 1
    return k


def clause_right_loose(f: Context, i: int, e: int) -> int:
    """End of the clause of i; passes one ", apposition," when a word closes the clause after it."""
    k = i + 1
    while k < e and f.tok[k].text not in (",", ";", ":", ".", "!", "?"):
        k += 1
    if k < e and f.tok[k].text == ",":
        j = k + 1
        while j < e and f.tok[j].text not in (",", ";", ":", ".", "!", "?"):
            j += 1
        if j + 1 < e and f.tok[j].text == "," and np_at(f, k + 1, j, skip=0) == (k + 1, j) \
                and (j + 2 >= e or f.tok[j + 2].text in (",", ".", ":", ";")):
            return j + 2
    return k


def trim(f: Context, s: int, e: int) -> tuple[int, int] | None:
    """Drop punctuation, dashes and unpaired marks at both ends of [s, e)."""
    changed = True
    while changed and s < e:
        changed = False
        while s < e and (f.tok[s].text in END_PUNCT or f.tok[s].is_space or f.tok[s].text in "–—-"):
            s, changed = s + 1, True
        while e > s and (f.tok[e - 1].text in END_PUNCT or f.tok[e - 1].is_space or f.tok[e - 1].text in "–—-"):
            e, changed = e - 1, True
        if s < e and f.is_mark[s] and not any(o == s and c < e for o, c in f.mark_pairs):
            s, changed = s + 1, True
        if s < e and f.is_mark[e - 1] and not any(c == e - 1 and o >= s for o, c in f.mark_pairs):
            e, changed = e - 1, True
    return (s, e) if e > s and any(not f.is_punct(x) for x in range(s, e)) else None


def main_finite(f: Context, s: int, e: int) -> int | None:
    """The finite verb of the sentence's main clause: the first one, or, after a fronted
    subordinate clause ("Was die Einwohner wollten, sei das Wahlrecht"), the one after its comma."""
    first = next((i for i in range(s, e) if not f.in_marks[i] and not f.is_mark[i] and f.is_finite(i)), None)
    if first is None or not f.has_tags:
        return first
    if f.tok[s].tag_ in ("KOUS", "PWS", "PWAV", "PRELS"):
        comma = next((k for k in range(first + 1, min(e - 1, first + 4)) if f.tok[k].text == ","), None)
        if comma is not None and f.is_finite(comma + 1):
            return comma + 1
        return first
    # skip relative and subordinate clauses inside the sentence ("Der Zugang, wo die Mission den
    # Frieden sichern soll, ist ...": "soll" is not the main verb)
    inside = False
    for i in range(s, e):
        if f.in_marks[i] or f.is_mark[i]:
            continue
        tok = f.tok[i]
        if tok.text == ",":
            nxt = f.tok[i + 1] if i + 1 < e else None
            inside = nxt is not None and (nxt.tag_ in ("PRELS", "PRELAT", "KOUS", "PWAV", "PWS") or (
                nxt.tag_ in ("APPR", "APPRART") and i + 2 < e and f.tok[i + 2].tag_ in ("PRELS", "PRELAT")))
            continue
        if not inside and f.is_finite(i):
            return i
    return first


def has_finite(f: Context, s: int, e: int) -> bool:
    if f.has_tags:
        return any(f.tok[k].tag_ in ("VVFIN", "VAFIN", "VMFIN") for k in range(s, e))
    return f.words_in(s, e) > 4



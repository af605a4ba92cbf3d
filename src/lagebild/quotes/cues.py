"""The cues of a sentence: speech verbs ("sagte", "räumte ... ein", "mitteilte") and attribution
words ("laut", "zufolge", "nach Angaben", ", so X", "demnach", ", wonach", opinion nouns), one
cue per token, checked in that order."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cue
from lagebild.quotes.opinion_nouns import noun_content
from lagebild.quotes.phrases import clause_left_loose, clause_right_loose, main_finite, np_at, np_before

if TYPE_CHECKING:
    from lagebild.quotes.context import Context


def sentence_cues(f: Context, s: int, e: int) -> list[Cue]:
    """The cues of sentence [s, e) in token order (called once per sentence by the context)."""
    out = []
    question = f.tok[e - 1].text == "?"  # "Welche Vorschläge sind Ihrer Meinung nach ...?": an interview question
    for i in range(s, e):
        if f.in_marks[i] or f.is_punct(i):
            continue
        low = f.lower[i]
        if relative_attribution(f, i, s, e):
            out.append(Cue(i, None, kind="relprep"))  # "ein Gutachten, laut dem ...", "Umfragen, denen zufolge ..."
        elif low in f.w.get("attribution_prep", ()):
            out.append(Cue(i, None, kind="prep"))
        elif low in f.w.get("attribution_prep_noun", ()) and source_head(f, i + 1, e):
            out.append(Cue(i, None, kind="prep"))
        elif low in f.w.get("attribution_prep_noun", ()) and i > s and f.is_source_noun(i - 1) and not question \
                and not (i > s + 1 and f.word(i - 2, "first_person")) \
                and not (i + 1 < e and f.starts_new_np(i + 1)):  # "Behördenangaben nach", not "Wunsch nach einem ..."
            out.append(Cue(i, None, kind="postp"))
        elif low in f.w.get("attribution_rel", ()) and i > s and f.tok[i - 1].text == ",":
            out.append(Cue(i, None, kind="rel"))
        elif low in f.w.get("attribution_postp", ()):
            out.append(Cue(i, None, kind="postp"))
        elif low in f.w.get("attribution_adv_ki", ()) and i == s and f.has_morph and (
                (m := main_finite(f, s, e)) is not None and "Sub" in f.tok[m].morph.get("Mood")):
            out.append(Cue(i, None, kind="adv"))  # "Danach hätte ...": the report before says so
        elif low in f.w.get("attribution_adv", ()):
            # "Demnach soll ...": the rest; "Die Rolle soll demnach gestärkt werden": around it
            out.append(Cue(i, None, kind="adv" if i <= s + 1 else "mid"))
        elif low in f.w.get("parenthetical", ()) and i > s and f.tok[i - 1].text in (",", "–", "—", "-"):
            sp = np_at(f, i + 1, e, skip=0)
            if sp and (sp[1] >= e - 1 or f.is_boundary(sp[1]) or f.word(sp[1], "adverb")
                       or f.lower[sp[1]] in f.w.get("attribution_prep", ())  # ", so X laut BBC, ..."
                       or f.word(sp[1], "addressee_marker")):  # ", so X gegenüber dem Spiegel."
                out.append(Cue(i, None, kind="so"))
        elif (f.tok[i].text in f.w.get("opinion_noun", ()) or (
                low in f.w.get("opinion_adj", ()) and f.has_tags and f.tok[i].tag_ == "ADJD")) \
                and noun_content(f, i, e) is not None:
            out.append(Cue(i, None, kind="noun"))  # "ist der Meinung, dass ...", "wagte die Prognose, ... werde"
        else:
            cue = verb_cue(f, i, s, e)
            if cue:
                out.append(cue)
    return out


def source_head(f: Context, k: int, e: int) -> bool:
    """Is the first noun after "nach" a source ("nach Angaben der Polizei", "nach jüngsten
    Untersuchungen"), not a noun before one ("nach Abschluss der Ermittlungen")?"""
    for j in range(k, min(k + 4, e)):
        if f.is_nounish(j):
            return f.is_source_noun(j)
    return False


def relative_attribution(f: Context, i: int, s: int, e: int) -> bool:
    """"..., laut dem / nach denen / gemäß welcher X": or "..., denen zufolge X": an attribution
    whose source is the noun before the comma (the relative pronoun stands for it)."""
    low = f.lower[i]
    rel = ("PRELS", "PRELAT")
    preps = f.w.get("attribution_prep", set()) | f.w.get("attribution_prep_noun", set())
    if low in preps and i > s + 1 and f.tok[i - 1].text == "," and i + 1 < e:
        ante = np_before(f, i - 1, s)
        if low in f.w.get("attribution_prep_noun", ()) and not (ante and any(f.is_source_noun(k) for k in range(*ante))):
            return False  # "die Pause, nach der ...": "nach" attributes only with a source noun
        return f.tok[i + 1].tag_ in rel or f.low_in(i + 1, "relative_welch")
    if low in f.w.get("attribution_postp", ()) and i > s + 1 and f.tok[i - 2].text == ",":
        return f.tok[i - 1].tag_ in rel
    return False


def verb_cue(f: Context, i: int, s: int, e: int) -> Cue | None:
    tok = f.tok[i]
    if f.has_tags and tok.tag_ and not tok.tag_.startswith("V") and not f.mistagged_verb(i):
        return None
    if not f.has_tags and tok.text[:1].isupper() and i > s and not f.is_mark[i - 1]:
        return None  # a capitalised word inside a sentence is a noun ("Bitte"), not a verb
    cands = list(f.lex.verbs_by_form.get(f.lower[i], ()))
    if tok.lemma_ and tok.lemma_ != tok.text:
        cands += [v for v in f.lex.verbs_by_lemma.get(tok.lemma_.lower(), ()) if v not in cands]
    if not cands:
        return None
    best: Cue | None = None
    for verb in cands:
        if verb.lemma in f.w.get("impersonal_verb", ()):
            # "heißt es", "hieß es", "wie es in der Erklärung hieß"
            left = clause_left_loose(f, i, s)
            near = [k for k in (i - 1, i + 1) if s <= k < e] + ([left + 2] if f.low_in(left + 1, "wie_frame") else [])
            if not any(s <= k < e and f.low_in(k, "expletive") for k in near):
                continue
        if verb.lemma in f.w.get("not_with_es", ()) and any(
                s <= k < e and f.low_in(k, "expletive") for k in (i - 1, i + 1)):
            continue
        if not verb.particle:
            if best is None:
                best = Cue(i, verb)
            continue
        *others, last = verb.particle.split()
        if f.lower[i].startswith(last) and not verb.lemma.startswith(last) and not others:
            return Cue(i, verb)  # fused: "mitteilte", "angekündigt"
        right = clause_right_loose(f, i, e)
        left = clause_left_loose(f, i, s)
        window = list(range(i + 1, right)) + list(range(i - 1, left, -1))
        if others and not all(any(f.lower[k] == o for k in window) for o in others):
            continue  # "geht davon aus" needs "davon" too
        for k in window:
            if f.lower[k] == last and not f.in_marks[k] > f.in_marks[i] \
                    and not (f.has_tags and f.tok[k].tag_ == "PTKZU"):  # "Auskunft zu geben" is no "zugeben"
                return Cue(i, verb, particle=k)
        fused = others and f.lower[i].startswith(last) and not verb.lemma.startswith(last)
        if fused:
            return Cue(i, verb)  # "davon ausgeht"
    return best


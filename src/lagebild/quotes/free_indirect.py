"""Free indirect speech: Konjunktiv-I sentences without a frame that continue the speaker of the
quote before ("Er sagte, ... . Die Lage sei ernst."), reportative "soll ... haben" after a source,
and the continuation forms ("hätte", "würde") right after a quote."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand
from lagebild.quotes.phrases import main_finite, trim
from lagebild.quotes.speakers import sentence_subject

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

# Consecutive free indirect sentences form one quote, as in the corpus (a quarter of its frameless
# Konjunktiv-I quotes run over several sentences); merging scored better on WikiNews train.
MERGE_FREE_INDIRECT = True


def find(f: Context, claimed: list[Cand]) -> list[Cand]:
    """Free indirect quotes in the sentences that `claimed` (frames and direct quotes, in text
    order) leave free; consecutive ones merge into one quote."""
    out: list[Cand] = []
    by_sent: dict[int, Cand] = {}
    for q in claimed:   # per sentence the last quote, a frame's before a quotation it holds
        k = f.sent_of[q.end - 1]
        if q.type != "direct" or k not in by_sent or by_sent[k].type == "direct":
            by_sent[k] = q
    covered = set()
    for q in claimed:
        if q.type != "direct":
            covered |= q.tokens()
    for k, (s, e) in enumerate(f.sents):
        if any(i in covered for i in range(s, e)) or k in by_sent:
            if k in by_sent and by_sent[k].type != "direct":
                continue
            if any(i in covered for i in range(s, e)):
                continue
        first = main_finite(f, s, e)
        if first is None or f.in_marks[s] or f.is_mark[s] or f.word(s, "first_person_subject"):
            continue
        prev = quote_before(f, k, by_sent)
        if MERGE_FREE_INDIRECT and prev is not None and prev.type == "free_indirect" and prev in out \
                and (f.is_ki(first) or f.lower[first] in f.w.get("continuation", ())):
            part = trim(f, s, e)
            if part:
                prev.parts[-1] = (prev.parts[-1][0], part[1])
                by_sent[k] = prev
                continue
        # after a quote, replacement subjunctive ("hätte", "würde") and reportative "soll"
        # continue the report too; without one, only Konjunktiv I opens free indirect speech
        reportative = f.lower[first] in f.w.get("reportative", ()) and any(
            f.lower[x] in f.w.get("perfect_infinitive", ()) for x in range(max(first + 1, e - 4), e))
        if not (f.is_ki(first) or reportative or (prev is not None and f.lower[first] in f.w.get("continuation", ()))):
            continue
        part = trim(f, s, e)
        if not part or f.words_in(*part) < 3:
            continue
        if prev is None and reportative:  # "X soll ... getan haben": a claim of the last source
            prev = next((q for q in reversed(claimed + out) if q.end <= s and k - f.sent_of[q.end - 1] <= 2), None)
            if prev is None and not f.is_ki(first):
                continue  # no source nearby: "Der Absturz soll sich ... ereignet haben" is the narrator's hedge
        if prev is not None and prev.type != "direct" or (prev is not None and prev.speaker):
            cand = Cand("free_indirect", [part], inherit=prev)
        elif f.is_pronoun(s):
            cand = Cand("free_indirect", [part], speaker=(s, s + 1))
        else:
            cand = Cand("free_indirect", [part], speaker=subject_before(f, k))
        out.append(cand)
        by_sent[k] = cand
    return out


def subject_before(f: Context, k: int) -> tuple[int, int] | None:
    """The subject of the sentence before sentence k when it names a person, an organisation or a
    report, or of a passive sentence the agent after "von"/"durch": who a report that follows
    without a frame continues ("Primus wies den Vorwurf zurück. In Zeiten knapper Kassen sei die
    Studie richtig.")."""
    j = k - 1
    while j >= 0 and trim(f, *f.sents[j]) is None:
        j -= 1
    if j < 0:
        return None
    s, e = f.sents[j]
    agent = passive_agent(f, s, e)
    if agent:
        return agent
    sp = sentence_subject(f, s, s - 1)
    if sp and f.names_or_reports(*sp):
        return sp   # not "Alle Opfer" or "Besondere Probleme"
    return None


def passive_agent(f: Context, s: int, e: int) -> tuple[int, int] | None:
    """The named agent of a passive main clause in [s, e): "Die Forderungen wurden von
    Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet"."""
    if not f.has_parse:
        return None
    root = next((f.tok[i] for i in range(s, e) if f.tok[i].dep_ == "ROOT"), None)
    if root is None or not any(c.dep_ == "aux:pass" for c in root.children):
        return None
    for child in root.children:
        if child.dep_ in ("obl", "obl:agent") and any(
                g.dep_ == "case" and f.low_in(g.i, "von") for g in child.children):
            span = trim(f, child.left_edge.i + 1, min(child.right_edge.i + 1, e))
            if not span:
                continue
            # the parse may cut the name off its title ("von Bundesverkehrsminister | Manfred Stolpe")
            name = next((ent for ent in f.ents if ent.start == span[1] and ent.label_ in ("PER", "ORG")), None)
            if name is not None and name.end <= e:
                span = (span[0], name.end)
            if f.is_named(*span):
                return span
    return None


def quote_before(f: Context, k: int, by_sent: dict[int, Cand]) -> Cand | None:
    """The quote that ends in the sentence before sentence k, across a paragraph break (the
    blank line is a "sentence" of its own): reports go on in the next paragraph."""
    j = k - 1
    while j >= 0 and trim(f, *f.sents[j]) is None:
        j -= 1
    return by_sent.get(j) if j >= 0 else None



"""Opinion nouns and adjectives with a content clause: "ist der Meinung, dass ...", "die Forderung
des Ministers, ...", "wagte die Prognose, nicht alle würden ...", "zeigte sich zuversichtlich, ..."."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.quotes.candidate import Cand
from lagebild.quotes.phrases import np_at, trim
from lagebild.quotes.speakers import sentence_subject

if TYPE_CHECKING:
    from lagebild.quotes.context import Context

MIN_WORDS = 3


def find(f: Context, claimed: list[Cand]) -> list[Cand]:
    """One candidate per opinion-noun cue with a content clause; its holder is the genitive after
    the noun ("die Forderung des Ministers") or the subject of the sentence before the noun."""
    found = []
    for (s, e), cues in zip(f.sents, f.cues):
        for cue in cues:
            if cue.kind != "noun":
                continue
            part = trim(f, noun_content(f, cue.i, e), e)
            if not part or f.words_in(*part) < MIN_WORDS:
                continue
            sp = noun_holder(f, cue.i, part[0])
            if sp is None:
                sp = sentence_subject(f, cue.i, e - 1)
                sp = sp if sp and sp[1] <= cue.i else None
            found.append(Cand("indirect", [part], sp, [cue.i]))
    return found


def noun_content(f: Context, i: int, e: int) -> int | None:
    """Start of the content clause of opinion noun i, or None: after a comma that follows the noun
    (a genitive, "daran" or a verb particle may stand between: "die Forderung des Ministers, ...",
    "herrschte die Meinung vor, dass ...") comes a dass/ob clause, a zu-infinitive or Konjunktiv."""
    k = i + 1
    while k < min(e, i + 9) and f.tok[k].text != "," and not f.in_marks[k] \
            and not (f.has_tags and f.tok[k].tag_.startswith("V") and not verbs_to_comma(f, k, e)):
        k += 1
    if k + 1 >= e or f.tok[k].text != ",":
        return None
    start = k + 1
    if f.low_in(start, "complementizer"):
        return start
    end = next((x for x in range(start, e) if f.tok[x].text in (",", ";", ":", ".")), e)
    if f.has_tags and any(f.tok[x].tag_ == "VVIZU" or (f.tok[x].tag_ == "PTKZU" and x + 1 < end)
                          for x in range(start, end)):
        return start  # "die Forderung, auf die SPD zuzugehen"
    first = next((x for x in range(start, end) if f.is_finite(x)), None)
    if first is not None and f.is_ki(first) and not f.tok[start].tag_.startswith(("PREL", "PW")):
        return start  # "wagte die Prognose, nicht alle würden für sie stimmen"
    return None


def verbs_to_comma(f: Context, k: int, e: int) -> bool:
    """Only the verbs of the noun's own clause stand between k and the comma ("hatte den
    Standpunkt vertreten, das Gericht sei ...", "die Ansicht vertreten hat, ...")."""
    while k < e and f.tok[k].tag_.startswith("V"):
        k += 1
    return k < e and f.tok[k].text == ","


def noun_holder(f: Context, i: int, content: int) -> tuple[int, int] | None:
    """The genitive after an opinion noun names whose it is: "die Forderung des Ministers, ..."."""
    if i + 2 < content and f.low_in(i + 1, "genitive_article"):
        sp = np_at(f, i + 1, content - 1, skip=0)
        if sp and f.is_named(*sp):
            return sp
    return None



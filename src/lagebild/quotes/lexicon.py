"""The language knowledge of the quotes stage, read once from `resources/de/`.

`speech_verbs.tsv` lists lemmas (with the separable particle: "räumen ein"); the inflected forms
a text shows ("räumte", "eingeräumt", "mitteilte") are generated here from the lemma with the
regular weak pattern plus the irregular forms the file lists, so the stage also finds cues when
no lemmatizer is loaded.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lagebild import paths

@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    particle: str  # "" or the separable particle / fixed complement ("ein", "davon aus", "deutlich")
    medium: str
    complement: str  # clause | np | both
    prep: str  # preposition that opens a reported object ("sprach von ...")

    @property
    def key(self) -> str:
        return f"{self.lemma} {self.particle}".strip()

    @property
    def takes_clause(self) -> bool:
        return self.complement in ("clause", "both")

    @property
    def takes_np(self) -> bool:
        return self.complement in ("np", "both")


@dataclass
class Lexicon:
    verbs_by_form: dict[str, list[SpeechVerb]] = field(default_factory=lambda: defaultdict(list))
    verbs_by_lemma: dict[str, list[SpeechVerb]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # class -> words
    marks: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # open -> closes

    def of(self, cls: str) -> set[str]:
        return self.words.get(cls, set())


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """A resource file's rows as dicts, by the one rule of `lagebild.paths.parse_resource`."""
    header, rows = paths.parse_resource(path.read_text(encoding="utf-8"))
    return [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in rows]


def weak_forms(lemma: str, inseparable: tuple[str, ...] = ()) -> set[str]:
    """Finite forms, KI form and participle of a regular (weak) verb: sagen -> sagt, sagte, gesagt...;
    a verb with one of the `inseparable` prefixes ("erklären") has its participle without "ge"."""
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    vowels = "aeiouäöü"
    soft = stem[-2:-1] in vowels + "lr" or (stem[-2:-1] == "h" and stem[-3:-2] in vowels)
    e = "e" if stem.endswith(("t", "d")) or (stem.endswith(("n", "m")) and not soft) else ""
    forms = {lemma, stem + "e", stem + e + "t", stem + e + "te", stem + e + "ten", stem + e + "test"}
    if lemma.endswith("ieren") or lemma.startswith(inseparable):
        forms.add(stem + e + "t")
    else:
        forms.add("ge" + stem + e + "t")
    return forms


def verb_forms(verb: SpeechVerb, irregular: list[str], words: dict[str, set[str]]) -> set[str]:
    """Every surface form under which `verb` can show up in a text (lower case); `words` are the
    word classes of `quote_words.tsv` (prefixes and particles that do not fuse)."""
    inseparable = tuple(sorted(words.get("inseparable_prefix", ())))
    forms = weak_forms(verb.lemma, inseparable) if not irregular else {verb.lemma, verb.lemma[:-1]} | set(irregular)
    particle = verb.particle.split()[-1] if verb.particle else ""
    if particle and particle.isalpha() and particle not in words.get("unfused_particle", ()):
        fused = set()
        for f in forms:
            fused.add(particle + f)  # subordinate clause "mitteilte", infinitive "mitteilen"
        forms |= fused
    elif particle in words.get("adjective_particle", ()):
        forms |= {particle + f for f in forms if f.startswith("ge") or f == verb.lemma}
    return {f.lower() for f in forms}


@lru_cache(maxsize=1)
def load_lexicon(resources: Path | None = None) -> Lexicon:
    """Load the speech verbs, the quote word classes and the quote marks (cached)."""
    base = resources or paths.RESOURCES_DIR
    lex = Lexicon()
    for row in _read_tsv(base / "quote_words.tsv"):
        lex.words[row["class"]].add(row["word"])
    for row in _read_tsv(base / "speech_verbs.tsv"):
        verb = SpeechVerb(row["lemma"], row["particle"] or "", row["medium"], row["complement"], row["prep"] or "")
        irregular = (row.get("forms") or "").split()
        for form in verb_forms(verb, irregular, lex.words):
            lex.verbs_by_form[form].append(verb)
        lex.verbs_by_lemma[verb.lemma].append(verb)
        if verb.particle and " " not in verb.particle:
            lex.verbs_by_lemma[verb.particle + verb.lemma].append(verb)
    for row in _read_tsv(base / "quote_marks.tsv"):
        lex.marks[row["open"]].add(row["close"])
    return lex

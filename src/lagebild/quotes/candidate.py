"""The records the quote steps pass on: a quote candidate (`Cand`) and a cue word (`Cue`), both in
token coordinates of the Doc."""
from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.quotes.lexicon import SpeechVerb


@dataclass
class Cand:
    """One quote found, in token coordinates of the Doc."""

    type: str
    parts: list[tuple[int, int]]
    speaker: tuple[int, int] | None = None
    cue: list[int] = field(default_factory=list)
    addressee: tuple[int, int] | None = None
    inherit: "Cand | None" = None  # speaker taken from this earlier quote
    score: float = 1.0

    @property
    def start(self) -> int:
        return min(s for s, _ in self.parts)

    @property
    def end(self) -> int:
        return max(e for _, e in self.parts)

    def tokens(self) -> set[int]:
        return {i for s, e in self.parts for i in range(s, e)}


@dataclass(frozen=True)
class Cue:
    """A word that frames reported speech: a speech verb (with its particle), or an attribution
    word whose `kind` says how it frames (prep "laut X", postp "X zufolge", so ", so X", adv
    "Demnach ...", mid "... soll demnach ...", rel ", wonach ...", relprep ", laut dem ...",
    noun "ist der Meinung, dass ...")."""

    i: int
    verb: SpeechVerb | None
    particle: int | None = None
    kind: str = "verb"


def in_text_order(cands: list[Cand]) -> list[Cand]:
    return sorted(cands, key=lambda q: (q.start, -q.end))

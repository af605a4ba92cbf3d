"""The one document object of lagebild and its JSON form, schema `lagebild/1`.

Every stage reads the `Article` that earlier stages filled and writes only its own field
(`entities`, `quotes`, `events`, `times`, `amounts`). All coordinates are character offsets into
`Article.text` (Python str indices), so an annotation means something without a live spaCy Doc
and can go straight into a database.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "lagebild/1"
ENTITY_TYPES = ("PER", "ORG", "LOC", "OTH")
MENTION_FORMS = ("name", "deriv", "part", "nominal", "pronoun")
QUOTE_TYPES = ("direct", "indirect", "free_indirect", "reported")
NAMED_FORMS = ("name", "deriv", "part")  # mention forms that name the referent (or derive from its name)
# PLOVER event types, from the most cooperative to the most conflictual, each with the CAMEO quad
# class of the CAMEO codes it takes over (`shared/reference/plover/CAMEO2PLOVER-2021.txt`).
EVENT_QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "material cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}
EVENT_TYPES = tuple(EVENT_QUAD)
MODALITIES = ("fact", "intention", "proposal", "conditional", "demand")


@dataclass
class TextSpan:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "TextSpan":
        return cls(start, end, text[start:end])


@dataclass
class Mention:
    start: int
    end: int
    text: str
    form: str = "name"


@dataclass
class Role:
    role: str
    of: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Speaker:
    entity: str | None = None
    mention: TextSpan | None = None


@dataclass
class Quote:
    id: str
    type: str
    parts: list[TextSpan]
    speaker: Speaker = field(default_factory=Speaker)
    cue: list[TextSpan] = field(default_factory=list)
    addressee: TextSpan | None = None
    medium: str | None = None   # speech, writing, thought or speech_or_writing, from the cue verb


@dataclass
class Meta:
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None               # the place(s) of the dateline: "Moskau", "Wien/Budapest"
    dateline_span: TextSpan | None = None     # where the dateline's place stands in `text`
    agency: list[TextSpan] = field(default_factory=list)   # credits: "(dpa)", "AFP", "(APA, 12.9.2015)"
    language: str | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Meta":
        """The `meta` object of `lagebild/1`; outputs written before `dateline_span`/`agency`
        existed read with neither."""
        fields = dict(data)
        span = fields.pop("dateline_span", None)
        agency = fields.pop("agency", None) or []
        return cls(**fields, dateline_span=TextSpan(**span) if span else None,
                   agency=[TextSpan(**a) for a in agency])


@dataclass
class Article:
    id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)
    analysed: bool = False

    def warn(self, message: str) -> None:
        if message not in self.meta.warnings:
            self.meta.warnings.append(message)

    def to_json(self) -> dict[str, Any]:
        """The `lagebild/1` object: key order is stable so diffs of outputs stay readable."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "meta": asdict(self.meta),
            "text": self.text,
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "events": list(self.events),
            "times": list(self.times),
            "amounts": list(self.amounts),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Article":
        def span(d: dict | None) -> TextSpan | None:
            return TextSpan(d["start"], d["end"], d["text"]) if d else None

        return cls(
            id=data["id"],
            text=data["text"],
            meta=Meta.from_json(data["meta"]),
            sentences=[(s["start"], s["end"]) for s in data["sentences"]],
            entities=[
                Entity(
                    id=e["id"], name=e["name"], type=e["type"],
                    roles=[Role(**r) for r in e["roles"]],
                    mentions=[Mention(**m) for m in e["mentions"]],
                )
                for e in data["entities"]
            ],
            quotes=[
                Quote(
                    id=q["id"], type=q["type"],
                    parts=[span(p) for p in q["parts"]],
                    speaker=Speaker(q["speaker"]["entity"], span(q["speaker"]["mention"])),
                    cue=[span(c) for c in q["cue"]],
                    addressee=span(q.get("addressee")),
                    medium=q.get("medium"),
                )
                for q in data["quotes"]
            ],
            events=data.get("events", []),
            times=data.get("times", []),
            amounts=data.get("amounts", []),
            analysed=bool(data["sentences"]),
        )

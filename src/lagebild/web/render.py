"""Turn an article's offset annotations into flat text segments for the article page.

Annotations overlap (a mention inside a quote, a cue next to it), and HTML needs properly nested
tags. Cutting the text at every annotation boundary gives segments that each carry the full set
of annotations covering them, so every segment renders as one self-contained span: nesting is
never wrong, and the text itself is only ever output through Jinja's autoescaping.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    quote: str | None = None          # id of the quote whose part covers this text
    quote_type: str | None = None
    entity: str | None = None         # id of the (shortest) entity mention covering it
    entity_type: str | None = None
    identity: str | None = None       # corpus identity of that entity, for the link
    cue_of: list[str] = field(default_factory=list)
    speaker_of: list[str] = field(default_factory=list)

    @property
    def plain(self) -> bool:
        return not (self.quote or self.entity or self.cue_of or self.speaker_of)


def _valid(span: dict[str, Any] | None, n: int) -> bool:
    return bool(span) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int) \
        and 0 <= span["start"] < span["end"] <= n


def segments(article: dict[str, Any], identities: dict[str, dict[str, str]] | None = None) -> list[Segment]:
    """Segments covering `article["text"]` exactly, in order."""
    text = article.get("text") or ""
    n = len(text)
    identities = identities or {}
    parts, mentions, cues, speakers = [], [], [], []
    for q in article.get("quotes") or []:
        for p in q.get("parts") or []:
            if _valid(p, n):
                parts.append((p["start"], p["end"], q["id"], q.get("type")))
        for c in q.get("cue") or []:
            if _valid(c, n):
                cues.append((c["start"], c["end"], q["id"]))
        mention = (q.get("speaker") or {}).get("mention")
        if _valid(mention, n):
            speakers.append((mention["start"], mention["end"], q["id"]))
    for e in article.get("entities") or []:
        for m in e.get("mentions") or []:
            if _valid(m, n):
                mentions.append((m["start"], m["end"], e["id"], e.get("type")))
    cuts = {0, n}
    for spans in (parts, mentions, cues, speakers):
        for s in spans:
            cuts.update((s[0], s[1]))
    bounds = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:]):
        seg = Segment(text[a:b])
        part = next((p for p in parts if p[0] <= a and b <= p[1]), None)
        if part:
            seg.quote, seg.quote_type = part[2], part[3]
        covering = [m for m in mentions if m[0] <= a and b <= m[1]]
        if covering:
            m = min(covering, key=lambda m: m[1] - m[0])
            seg.entity, seg.entity_type = m[2], m[3]
            seg.identity = (identities.get(m[2]) or {}).get("id")
        seg.cue_of = [c[2] for c in cues if c[0] <= a and b <= c[1]]
        seg.speaker_of = [s[2] for s in speakers if s[0] <= a and b <= s[1]]
        out.append(seg)
    return out


def quote_cards(article: dict[str, Any], identities: dict[str, dict[str, str]] | None = None) -> dict[str, dict[str, Any]]:
    """Per quote what the click panel shows: type, speaker (name and identity link) and cue."""
    identities = identities or {}
    names = {e["id"]: e.get("name") for e in article.get("entities") or []}
    cards = {}
    for q in article.get("quotes") or []:
        speaker = q.get("speaker") or {}
        ent = speaker.get("entity")
        ident = identities.get(ent) if ent else None
        mention = speaker.get("mention") or {}
        cards[q["id"]] = {
            "id": q["id"], "type": q.get("type"),
            "content": " … ".join(p.get("text", "") for p in q.get("parts") or []),
            "speaker": (ident or {}).get("name") or names.get(ent) or mention.get("text"),
            "speaker_mention": mention.get("text"),
            "speaker_id": (ident or {}).get("id"),
            "cue": " ".join(c.get("text", "") for c in q.get("cue") or []) or None,
            "addressee": (q.get("addressee") or {}).get("text"),
        }
    return cards

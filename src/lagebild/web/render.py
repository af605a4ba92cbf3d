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
    trigger_of: list[str] = field(default_factory=list)   # ids of the events this text triggers

    @property
    def plain(self) -> bool:
        return not (self.quote or self.entity or self.cue_of or self.speaker_of or self.trigger_of)


def _valid(span: dict[str, Any] | None, n: int) -> bool:
    return bool(span) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int) \
        and 0 <= span["start"] < span["end"] <= n


def segments(article: dict[str, Any], identities: dict[str, dict[str, str]] | None = None) -> list[Segment]:
    """Segments covering `article["text"]` exactly, in order."""
    text = article.get("text") or ""
    n = len(text)
    identities = identities or {}
    parts, mentions, cues, speakers, triggers = [], [], [], [], []
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
    for ev in article.get("events") or []:
        if isinstance(ev, dict) and _valid(ev.get("trigger"), n):
            triggers.append((ev["trigger"]["start"], ev["trigger"]["end"], str(ev.get("id"))))
    # Sweep over the cut points (every annotation edge), keeping the annotations that cover the
    # current segment: linear in the annotations, where testing each against every segment was
    # quadratic. Indices keep each list's order, so ties go to the earlier annotation as before.
    opens: dict[int, list[tuple[int, int]]] = {}
    closes: dict[int, list[tuple[int, int]]] = {}
    for kind, spans in enumerate((parts, mentions, cues, speakers, triggers)):
        for i, sp in enumerate(spans):
            opens.setdefault(sp[0], []).append((kind, i))
            closes.setdefault(sp[1], []).append((kind, i))
    bounds = sorted({0, n, *opens, *closes})
    active: list[set[int]] = [set(), set(), set(), set(), set()]
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:]):
        for kind, i in closes.get(a, ()):
            active[kind].discard(i)
        for kind, i in opens.get(a, ()):
            active[kind].add(i)
        seg = Segment(text[a:b])
        if active[0]:
            part = parts[min(active[0])]
            seg.quote, seg.quote_type = part[2], part[3]
        if active[1]:
            m = mentions[min(active[1], key=lambda i: (mentions[i][1] - mentions[i][0], i))]
            seg.entity, seg.entity_type = m[2], m[3]
            seg.identity = (identities.get(m[2]) or {}).get("id")
        seg.cue_of = [cues[i][2] for i in sorted(active[2])]
        seg.speaker_of = [speakers[i][2] for i in sorted(active[3])]
        seg.trigger_of = [triggers[i][2] for i in sorted(active[4])]
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


def event_cards(article: dict[str, Any], identities: dict[str, dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Per event what the article page lists: type, trigger, actor -> target (name and identity
    link), negation, modality, time and the quote it is claimed in."""
    identities = identities or {}
    names = {e["id"]: e.get("name") for e in article.get("entities") or []}

    def party(arg: Any) -> dict[str, Any] | None:
        if not isinstance(arg, dict):
            return None
        ent = arg.get("entity")
        ident = identities.get(ent) if ent else None
        mention = arg.get("mention") if isinstance(arg.get("mention"), dict) else {}
        name = (ident or {}).get("name") or names.get(ent) or mention.get("text")
        return {"name": name, "id": (ident or {}).get("id")} if name else None

    cards = []
    for ev in article.get("events") or []:
        if not isinstance(ev, dict):
            continue
        time = ev.get("time")
        source = ev.get("source") if isinstance(ev.get("source"), dict) else {}
        cards.append({
            "id": str(ev.get("id")), "type": ev.get("type"),
            "trigger": (ev.get("trigger") or {}).get("text") if isinstance(ev.get("trigger"), dict) else None,
            "actor": party(ev.get("actor")), "target": party(ev.get("target")),
            "negated": ev.get("negated") is True, "modality": ev.get("modality"),
            "time": time.get("value") if isinstance(time, dict) else time,
            "quote": source.get("quote"),
        })
    return cards

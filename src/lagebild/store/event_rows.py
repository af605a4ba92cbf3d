"""The `events` table: one flat row per event, in the layout event-data users load into R or pandas.

The row carries what an event-data user filters on without parsing JSON: the PLOVER type, the
trigger's offsets and text, negation and modality, actor and target (the article's entity id and
the words that name it), the time value, the place, the quote the event is claimed in and its
speaker, the model's score, and the sentence the trigger stands in. The whole event object stays
in `data`. Names and corpus-wide identities of actor, target and speaker are joined in by
`lagebild export events` (`store/event_table.py`), because identities are made at ingest.
"""
from __future__ import annotations

import bisect
import json
from typing import Any

from lagebild.store.values import float_or_none as _float, int_or_none as _int, str_or_none as _str

EVENT_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "TEXT"), ("event_idx", "INTEGER"), ("event_id", "TEXT"), ("type", "TEXT"),
    ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "TEXT"),
    ("data", "TEXT"),  # the whole event object as JSON
    ("negated", "BOOLEAN"), ("modality", "TEXT"),
    ("actor_entity", "TEXT"), ("actor_text", "TEXT"), ("target_entity", "TEXT"), ("target_text", "TEXT"),
    ("time_value", "TEXT"), ("place_text", "TEXT"),
    ("source_quote", "TEXT"), ("source_speaker", "TEXT"), ("score", "DOUBLE"), ("sentence", "TEXT"),
]


def event_rows(doc_id: str, article: dict) -> list[dict]:
    """One row per event of a `lagebild/1` article dict; odd or missing parts become NULLs."""
    text = article.get("text") or ""
    sentences = _sentence_bounds(article.get("sentences") or [])
    speakers = {str(q.get("id")): _entity(q.get("speaker")) for q in article.get("quotes") or []}
    rows = []
    for i, ev in enumerate(article.get("events") or []):
        trigger = ev.get("trigger") if isinstance(ev.get("trigger"), dict) else {}
        start, end = _int(trigger.get("start")), _int(trigger.get("end"))
        quote, speaker = _source(ev.get("source"), speakers)
        rows.append({
            "doc_id": doc_id, "event_idx": i, "event_id": _str(ev.get("id")), "type": _str(ev.get("type")),
            "start_char": start, "end_char": end, "text": _str(trigger.get("text")),
            "data": json.dumps(ev, ensure_ascii=False, sort_keys=True),
            "negated": ev.get("negated") if isinstance(ev.get("negated"), bool) else None,
            "modality": _str(ev.get("modality")),
            "actor_entity": _entity(ev.get("actor")), "actor_text": _mention_text(ev.get("actor")),
            "target_entity": _entity(ev.get("target")), "target_text": _mention_text(ev.get("target")),
            "time_value": _time_value(ev.get("time")), "place_text": _place(ev.get("place")),
            "source_quote": quote, "source_speaker": speaker, "score": _float(ev.get("score")),
            "sentence": _sentence(text, sentences, start),
        })
    return rows


def _sentence_bounds(sentences: list) -> list[tuple[int, int]]:
    bounds = [(s["start"], s["end"]) for s in sentences
              if isinstance(s, dict) and _int(s.get("start")) is not None and _int(s.get("end")) is not None]
    return sorted(bounds)


def _sentence(text: str, bounds: list[tuple[int, int]], offset: int | None) -> str | None:
    """The sentence that holds `offset`, or None when the article has no sentences there."""
    if offset is None or not bounds:
        return None
    k = bisect.bisect_right(bounds, (offset, float("inf"))) - 1
    if k < 0 or not bounds[k][0] <= offset < bounds[k][1]:
        return None
    return text[bounds[k][0]:bounds[k][1]]


def _source(source: Any, speakers: dict[str, str | None]) -> tuple[str | None, str | None]:
    """(quote id, speaker entity id) of the quote an event is claimed in."""
    if not isinstance(source, dict) or source.get("quote") is None:
        return None, None
    quote = str(source["quote"])
    speaker = source.get("speaker")
    speaker_id = _entity(speaker) if isinstance(speaker, dict) else _str(speaker)
    return quote, speaker_id or speakers.get(quote)


def _entity(arg: Any) -> str | None:
    return _str(arg.get("entity")) if isinstance(arg, dict) else None


def _mention_text(arg: Any) -> str | None:
    mention = arg.get("mention") if isinstance(arg, dict) else None
    return _str(mention.get("text")) if isinstance(mention, dict) else None


def _time_value(time: Any) -> str | None:
    return _str(time.get("value")) if isinstance(time, dict) else _str(time)


def _place(place: Any) -> str | None:
    if isinstance(place, dict):
        return _mention_text(place) or _str(place.get("text")) or _str(place.get("name"))
    return _str(place)


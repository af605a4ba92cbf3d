"""The JSON Schema of `lagebild/1` and a validator that also checks what JSON Schema cannot say:
that every offset pair indexes `text` and reproduces the span's own `text`."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import jsonschema


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("lagebild-1.schema.json").read_text("utf-8"))


def iter_spans(article: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every offset-carrying object of an article, with a path for error messages."""
    meta = article.get("meta") or {}
    if meta.get("dateline_span"):
        yield "meta.dateline_span", meta["dateline_span"]
    for j, a in enumerate(meta.get("agency") or []):
        yield f"meta.agency[{j}]", a
    for i, sent in enumerate(article.get("sentences", [])):
        yield f"sentences[{i}]", sent
    for e in article.get("entities", []):
        for j, m in enumerate(e["mentions"]):
            yield f"entities[{e['id']}].mentions[{j}]", m
    for q in article.get("quotes", []):
        for j, p in enumerate(q["parts"]):
            yield f"quotes[{q['id']}].parts[{j}]", p
        for j, c in enumerate(q["cue"]):
            yield f"quotes[{q['id']}].cue[{j}]", c
        if q["speaker"].get("mention"):
            yield f"quotes[{q['id']}].speaker.mention", q["speaker"]["mention"]
        if q.get("addressee"):
            yield f"quotes[{q['id']}].addressee", q["addressee"]
    for kind in ("times", "amounts"):
        for j, t in enumerate(article.get(kind, [])):
            yield f"{kind}[{j}]", t
    for j, ev in enumerate(article.get("events", [])):
        for key, val in ev.items():
            if isinstance(val, dict) and "start" in val and "end" in val:
                yield f"events[{j}].{key}", val
            elif isinstance(val, dict) and isinstance(val.get("mention"), dict):
                yield f"events[{j}].{key}.mention", val["mention"]


def validate(article: dict[str, Any]) -> None:
    """Raise `ValueError` if the article breaks the schema or an offset does not match its text."""
    try:
        jsonschema.validate(article, schema())
    except jsonschema.ValidationError as err:
        raise ValueError(f"schema: {err.message} at {'/'.join(map(str, err.absolute_path))}") from err
    text = article["text"]
    for path, span in iter_spans(article):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"{path}: offsets {start}:{end} outside text of length {len(text)}")
        if "text" in span and text[start:end] != span["text"]:
            raise ValueError(f"{path}: text[{start}:{end}]={text[start:end]!r} != {span['text']!r}")

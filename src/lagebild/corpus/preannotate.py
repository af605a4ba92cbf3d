"""Drafts written from the current pipeline (and, for WikiNews, from its quotation annotation).

The draft is a starting point for the annotator, not a default: every layer is read against
the whole article and fixed, completed or deleted. `scratch_draft` is the empty draft of the
independent second annotation.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone
from typing import Any

from lagebild.corpus import spans
from lagebild.corpus.draft import mention_rows
from lagebild.corpus.sources import SourceText, wikinews_records

WIKINEWS_TYPES = {"Direct": "direct", "Indirect": "indirect", "Reported": "reported",
                  "FreeIndirect": "free_indirect", "IndirectFreeIndirect": "free_indirect"}
WIKINEWS_MEDIA = {"Speech": "speech", "Writing": "writing", "Interview": "interview"}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _slug(name: str, taken: set[str]) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.replace("ß", "ss")).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:30] or "x"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def _empty(source: SourceText, annotator: str, mode: str) -> dict[str, Any]:
    return {"id": source.id, "annotator": annotator, "mode": mode, "started": _now(),
            "date": source.date, "dateline": None, "agency": [], "identities": {}, "mentions": [],
            "quotes": [], "not_quotes": [], "events": [], "times": [], "amounts": []}


def scratch_draft(source: SourceText, annotator: str) -> dict[str, Any]:
    """The empty draft of an annotation from scratch (no pre-annotation)."""
    return _empty(source, annotator, "scratch")


def _stripped(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _ref(text: str, s: int, e: int) -> Any:
    span = _stripped(text, s, e)
    return spans.render(text, *span) if span else None


def _wikinews_quotes(source: SourceText, key_at: dict[tuple[int, int], str]) -> list[dict]:
    """The WikiNews corpus's quote annotation in the draft's quote layer."""
    rec = wikinews_records("train").get(source.id)
    if rec is None:
        return []
    text, out = source.text, []

    def refs(field: dict | None) -> list:
        return [r for r in (_ref(text, sp["charBegin"], sp["charEnd"]) for sp in (field or {}).get("spans", [])) if r]

    for ann in rec["annotations"]:
        parts = refs(ann.get("quote"))
        if not parts:
            continue
        speaker = refs(ann.get("speaker"))
        addressee = refs(ann.get("addressee"))
        speaker_span = None
        if ann.get("speaker", {}).get("spans"):
            sp = ann["speaker"]["spans"][0]
            speaker_span = _stripped(text, sp["charBegin"], sp["charEnd"])
        identity = None
        if speaker_span:
            for (s, e), key in key_at.items():
                if s < speaker_span[1] and speaker_span[0] < e:
                    identity = key
                    break
        out.append({"type": WIKINEWS_TYPES.get(ann["type"], ann["type"].lower()), "parts": parts,
                    "speaker": identity, "speaker_mention": speaker[0] if speaker else None,
                    "cue": refs(ann.get("cue")), "addressee": addressee[0] if addressee else None,
                    "medium": WIKINEWS_MEDIA.get(ann.get("medium"), "other")})
    return out


def pipeline_draft(source: SourceText, result: dict, annotator: str) -> dict[str, Any]:
    """A draft from a `lagebild/1` result of the pipeline on the source text."""
    text = source.text
    draft = _empty(source, annotator, "corrected")
    taken: set[str] = set()
    key_of, key_at = {}, {}
    for ent in result["entities"]:
        key = key_of[ent["id"]] = _slug(ent["name"], taken)
        draft["identities"][key] = {"label": ent["type"], "name": ent["name"], "key": ent["name"], "roles": []}
        for m in ent["mentions"]:
            key_at[(m["start"], m["end"])] = key
    for ent in result["entities"]:
        draft["identities"][key_of[ent["id"]]]["roles"] = [[r["role"], key_of.get(r.get("of"))] for r in ent["roles"]]
    record = {"identities": {k: {"label": v["label"]} for k, v in draft["identities"].items()},
              "entities": [{"start": m["start"], "end": m["end"], "identity": key_of[e["id"]],
                            "kind": m["form"], "label": e["type"]}
                           for e in result["entities"] for m in e["mentions"]]}
    record["entities"].sort(key=lambda m: (m["start"], m["end"]))
    draft["mentions"] = mention_rows(record, text)
    dateline = result["meta"].get("dateline")
    if dateline and text.lstrip().startswith(dateline):
        start = text.index(dateline)
        draft["dateline"] = spans.render(text, start, start + len(dateline))
    if source.corpus == "wikinews_quotes":
        draft["quotes"] = _wikinews_quotes(source, key_at)
    else:
        draft["quotes"] = [_pipeline_quote(text, q, key_of) for q in result["quotes"]]
    draft["events"] = [_pipeline_event(text, ev, key_of) for ev in result["events"]]
    draft["times"] = [[spans.render(text, t["start"], t["end"]), t["value"]] for t in result["times"]]
    draft["amounts"] = [[spans.render(text, a["start"], a["end"]), a["value"], a["unit"]] for a in result["amounts"]]
    return draft


def _pipeline_quote(text: str, q: dict, key_of: dict) -> dict:
    mention = q["speaker"].get("mention")
    return {"type": q["type"], "parts": [spans.render(text, p["start"], p["end"]) for p in q["parts"]],
            "speaker": key_of.get(q["speaker"].get("entity")),
            "speaker_mention": spans.render(text, mention["start"], mention["end"]) if mention else None,
            "cue": [spans.render(text, c["start"], c["end"]) for c in q["cue"]],
            "addressee": spans.render(text, q["addressee"]["start"], q["addressee"]["end"]) if q.get("addressee") else None}


def _pipeline_event(text: str, ev: dict, key_of: dict) -> dict:
    def who(arg: dict | None) -> str | None:
        return key_of.get((arg or {}).get("entity"))

    return {"type": ev["type"], "accept": [], "trigger": spans.render(text, ev["trigger"]["start"], ev["trigger"]["end"]),
            "actor": who(ev.get("actor")), "target": who(ev.get("target")), "negated": bool(ev.get("negated")),
            "modality": ev.get("modality") or "fact", "time": ev.get("time"), "place": key_of.get(ev.get("place")),
            "quote": None, "optional": False}

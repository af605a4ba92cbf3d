"""Checks of one corpus file against its source text and the guideline's label sets.

`problems(record, source)` returns readable messages, empty when the file is valid: schema and
id, the source checksum, the fixed test part, every span inside the text with no surrounding
whitespace, every identity key resolving, labels and types from the guideline, no duplicate or
overlapping mentions of one class, no duplicate quotes, events, times or amounts.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterator

from lagebild.corpus import labels
from lagebild.corpus.sources import SourceText, part_of

LAYERS = ("identities", "entities", "quotes", "not_quotes", "events", "times", "amounts")


def _spans(record: dict) -> Iterator[tuple[str, dict]]:
    meta = record.get("meta", {})
    if meta.get("dateline"):
        yield "dateline", meta["dateline"]
    for a in meta.get("agency", []):
        yield "agency", a
    for m in record["entities"]:
        yield f"mention of {m.get('identity')}", m
    for q in record["quotes"]:
        for p in q["parts"]:
            yield f"{q['id']} part", p
        for c in q["cue"]:
            yield f"{q['id']} cue", c
        for name in ("speaker_mention", "addressee"):
            if q.get(name):
                yield f"{q['id']} {name}", q[name]
    for n in record["not_quotes"]:
        yield "not_quote", n
    for k, ev in enumerate(record["events"], 1):
        yield f"event {k} trigger", ev["trigger"]
    for x in record["times"]:
        yield "time", x
    for x in record["amounts"]:
        yield "amount", x


def _span_problems(record: dict, text: str) -> list[str]:
    out = []
    for where, span in _spans(record):
        s, e = span.get("start"), span.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            out.append(f"{where}: span {s}-{e} outside the text")
        elif text[s:e] != text[s:e].strip():
            out.append(f"{where}: span {text[s:e]!r} starts or ends with whitespace")
        elif "text" in span and span["text"] != text[s:e]:
            out.append(f"{where}: span text {span['text']!r} is not {text[s:e]!r}")
    return out


def _referenced(record: dict) -> set[str]:
    """Identity keys that roles, quotes and events refer to."""
    out = {r.get("of") for ident in record["identities"].values() for r in ident.get("roles", [])}
    out |= {q.get("speaker") for q in record["quotes"]}
    out |= {ev.get(k) for ev in record["events"] for k in ("actor", "target", "place")}
    return out - {None}


def _key_problems(record: dict) -> list[str]:
    idents = record["identities"]
    out = []

    def known(key, where, allow_none=True):
        if key is None and allow_none:
            return
        if key not in idents:
            out.append(f"{where}: identity {key!r} does not resolve")

    for key, ident in idents.items():
        if ident.get("label") not in labels.LABELS:
            out.append(f"identity {key}: label {ident.get('label')!r}")
        if not ident.get("name") or not ident.get("key"):
            out.append(f"identity {key}: needs name and corpus key")
        for r in ident.get("roles", []):
            known(r.get("of"), f"identity {key} role {r.get('role')!r}")
    needed = {m.get("identity") for m in record["entities"]} | _referenced(record)
    for key in idents:
        if key not in needed:
            out.append(f"identity {key}: no mention and nothing refers to it")
    for m in record["entities"]:
        known(m.get("identity"), f"mention {m.get('start')}", allow_none=False)
        if m.get("kind") not in labels.KINDS:
            out.append(f"mention {m.get('start')}: kind {m.get('kind')!r}")
        if m.get("identity") in idents and m.get("label") != idents[m["identity"]]["label"]:
            out.append(f"mention {m.get('start')}: label {m.get('label')} differs from its identity's")
    quote_ids = {q["id"] for q in record["quotes"]}
    for q in record["quotes"]:
        known(q.get("speaker"), q["id"])
        if q.get("type") not in labels.QUOTE_KINDS:
            out.append(f"{q['id']}: type {q.get('type')!r}")
        if not q["parts"]:
            out.append(f"{q['id']}: no parts")
    for k, ev in enumerate(record["events"], 1):
        where = f"event {k}"
        for name in ("actor", "target", "place"):
            known(ev.get(name), f"{where} {name}")
        if ev.get("type") not in labels.EVENT_TYPES or not set(ev.get("accept", [])) <= set(labels.EVENT_TYPES):
            out.append(f"{where}: type {ev.get('type')!r} / accept {ev.get('accept')}")
        if ev.get("modality") not in labels.MODALITIES:
            out.append(f"{where}: modality {ev.get('modality')!r}")
        if not isinstance(ev.get("negated"), bool):
            out.append(f"{where}: negated is not a bool")
        if ev.get("quote") is not None and ev["quote"] not in quote_ids:
            out.append(f"{where}: quote {ev['quote']!r} does not resolve")
        if ev.get("time") is not None and not labels.is_time_value(str(ev["time"])):
            out.append(f"{where}: time {ev['time']!r}")
    for x in record["times"]:
        if not labels.is_time_value(str(x.get("value"))):
            out.append(f"time {x.get('start')}: value {x.get('value')!r}")
    for x in record["amounts"]:
        if not isinstance(x.get("value"), (int, float)) or isinstance(x.get("value"), bool) or not x.get("unit"):
            out.append(f"amount {x.get('start')}: value {x.get('value')!r} / unit {x.get('unit')!r}")
        if x.get("mod") is not None and x["mod"] not in labels.AMOUNT_MODS:
            out.append(f"amount {x.get('start')}: mod {x['mod']!r}")
    return out


def _duplicate_problems(record: dict) -> list[str]:
    out = []
    ments = sorted(record["entities"], key=lambda m: (m["start"], m["end"]))
    for i, a in enumerate(ments):
        for b in ments[i + 1:]:
            if b["start"] >= a["end"]:
                break
            same_class = (a["kind"] in labels.NAMED_KINDS) == (b["kind"] in labels.NAMED_KINDS)
            same_span = (a["start"], a["end"]) == (b["start"], b["end"])
            two_referents = (same_span and a["kind"] == b["kind"] and a["kind"] in ("part", "deriv")
                             and a["identity"] != b["identity"])   # "EU-Afrika-Gipfel", "deutsch-französische"
            if same_class and (a["identity"] == b["identity"] or same_span) and not two_referents:
                out.append(f"mentions {a['start']}-{a['end']} and {b['start']}-{b['end']} overlap ({a['identity']}/{b['identity']})")
    def dupes(name, keys):
        for key, n in Counter(keys).items():
            if n > 1:
                out.append(f"{name} {key} annotated {n} times")
    dupes("quote", [tuple((p["start"], p["end"]) for p in q["parts"]) for q in record["quotes"]])
    dupes("event", [(ev["type"], ev["trigger"]["start"], ev["trigger"]["end"], ev.get("actor"), ev.get("target"))
                    for ev in record["events"]])
    dupes("time", [(x["start"], x["end"]) for x in record["times"]])
    dupes("amount", [(x["start"], x["end"]) for x in record["amounts"]])
    return out


def problems(record: dict, source: SourceText, path: Path | None = None) -> list[str]:
    """Every problem of one corpus record; [] when it is valid."""
    out = []
    if record.get("schema") != labels.SCHEMA:
        return [f"schema {record.get('schema')!r} is not {labels.SCHEMA}"]
    if path is not None and Path(path).stem != record.get("id"):
        out.append(f"file name {Path(path).name} does not match id {record.get('id')!r}")
    missing = [k for k in LAYERS if not isinstance(record.get(k), (list, dict))]
    if missing:
        return out + [f"layers missing: {', '.join(missing)}"]
    if record["source"].get("sha256") != source.sha256:
        out.append("source text changed (sha256 differs)")
    if record.get("part") != part_of(record["id"]):
        out.append(f"part {record.get('part')!r}, but the fixed split puts {record['id']} in {part_of(record['id'])!r}")
    if record.get("annotation", {}).get("mode") not in labels.MODES or not record["annotation"].get("annotator"):
        out.append("annotation needs annotator and mode")
    if not record["entities"]:
        out.append("no mentions")
    return out + _span_problems(record, source.text) + _key_problems(record) + _duplicate_problems(record)


def key_label_conflicts(records: list[dict]) -> list[str]:
    """Corpus keys that carry different labels in different files: one key names one referent, so one label
    (namesakes get a suffix: "Merkur" the planet, "Merkur (Handelskette)")."""
    seen: dict[str, dict[str, list[str]]] = {}
    for record in records:
        for ident in record["identities"].values():
            seen.setdefault(ident["key"], {}).setdefault(ident["label"], []).append(record["id"])
    return [f"key {key!r}: " + "; ".join(f"{label} in {', '.join(ids[:3])}" for label, ids in sorted(by_label.items()))
            for key, by_label in sorted(seen.items()) if len(by_label) > 1]


def key_spelling_variants(records: list[dict]) -> list[str]:
    """Corpus keys that differ only in diacritics, case, hyphens or spaces ("Selahattin Demirtas" and
    "Selahattin Demirtaş"): one referent, one spelling (decision 13), so one of them is a slip."""
    spellings: dict[str, dict[str, list[str]]] = {}
    for record in records:
        for ident in record["identities"].values():
            spellings.setdefault(_folded(ident["key"]), {}).setdefault(ident["key"], []).append(record["id"])
    return ["keys " + " / ".join(f"{key!r} in {', '.join(ids[:3])}" for key, ids in sorted(by_key.items()))
            for _, by_key in sorted(spellings.items()) if len(by_key) > 1]


def _folded(key: str) -> str:
    decomposed = unicodedata.normalize("NFKD", key.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())

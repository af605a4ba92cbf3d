"""Authoring drafts <-> corpus files.

A draft is what an annotator reads and edits: spans are written as readable references
(`lagebild.corpus.spans`), lists are short. `compile_draft` turns it into the corpus file
(offsets only, no article text) and collects every problem it finds instead of stopping at
the first; `decompile` turns a corpus file back into a draft for corrections.

Draft layout (JSON):
    {"id": "gnad-12", "annotator": "a3", "mode": "corrected" | "scratch", "adjudicator": "j1" (optional),
     "date": "2016-02-03" | null, "dateline": ref | null, "agency": [ref, ...],
     "identities": {"merkel": {"label": "PER", "name": "Angela Merkel", "key": "Angela Merkel",
                               "roles": [["Bundeskanzlerin", "deutschland"]], "note": "..."}},
     "mentions": [[ref, identity, kind], [ref, identity, kind, label], ...],
     "quotes": [{"type": "indirect", "parts": [ref, ...], "speaker": identity | null,
                 "speaker_mention": ref | null, "cue": [ref, ...], "addressee": ref | null,
                 "medium": "speech" | ...}],
     "not_quotes": [[ref, why], ...],
     "events": [{"type": "REQUEST", "accept": [], "trigger": ref, "actor": identity | null,
                 "target": identity | null, "negated": false, "modality": "fact",
                 "time": "2016-02-03" | null, "place": identity | null, "quote": "q2" | null,
                 "optional": false, "note": "..."}],
     "times": [[ref, value], ...],
     "amounts": [[ref, value, unit], [ref, value, unit, mod], ...]}
Quote ids are `q1`, `q2` ... in list order; an event's `quote` names the quote it is claimed in.
"""
from __future__ import annotations

import json
from typing import Any

from lagebild.corpus import labels, spans
from lagebild.corpus.sources import SourceText, part_of


class DraftErrors(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Compiler:
    def __init__(self, draft: dict, source: SourceText):
        self.d, self.src, self.text = draft, source, source.text
        self.problems: list[str] = []

    def span(self, ref: Any, where: str) -> dict | None:
        if ref is None:
            return None
        try:
            s, e = spans.resolve(self.text, ref)
        except spans.SpanError as err:
            self.problems.append(f"{where}: {err}")
            return None
        return {"start": s, "end": e}

    def check(self, ok: bool, message: str) -> bool:
        if not ok:
            self.problems.append(message)
        return ok

    def identity(self, key: Any, where: str, allow_none: bool = True) -> str | None:
        if key is None and allow_none:
            return None
        self.check(key in self.d.get("identities", {}), f"{where}: unknown identity {key!r}")
        return key

    def identities(self) -> dict:
        out = {}
        for key, ident in self.d.get("identities", {}).items():
            where = f"identity {key}"
            self.check(ident.get("label") in labels.LABELS, f"{where}: label {ident.get('label')!r} not in {labels.LABELS}")
            self.check(bool(ident.get("name")), f"{where}: no name")
            roles = []
            for role in ident.get("roles", []):
                name, of = (role[0], role[1] if len(role) > 1 else None) if isinstance(role, list) else (role, None)
                self.identity(of, f"{where} role {name!r}")
                roles.append({"role": name, "of": of})
            item = {"name": ident.get("name"), "label": ident.get("label"),
                    "key": ident.get("key") or ident.get("name"), "roles": roles}
            if ident.get("note"):
                item["note"] = ident["note"]
            out[key] = item
        return out

    def mentions(self, idents: dict) -> list[dict]:
        explicit, starred = [], []
        for k, row in enumerate(self.d.get("mentions", [])):
            if not self.check(isinstance(row, list) and len(row) in (3, 4), f"mention {k + 1}: needs [ref, identity, kind(, label)]"):
                continue
            (starred if isinstance(row[0], str) and row[0].endswith("*") else explicit).append(row)
        out = []
        for row in explicit:
            span = self.span(row[0], f"mention {row[0]!r}")
            if span:
                out.append(self._mention(span, row, idents))
        taken = [(m["start"], m["end"]) for m in out]
        for row in starred:
            found = spans.resolve_all(self.text, row[0], taken)
            self.check(bool(found), f"mention {row[0]!r}: no occurrence left")
            for s, e in found:
                out.append(self._mention({"start": s, "end": e}, row, idents))
                taken.append((s, e))
        return sorted(out, key=lambda m: (m["start"], m["end"]))

    def _mention(self, span: dict, row: list, idents: dict) -> dict:
        key, kind = row[1], row[2]
        self.identity(key, f"mention {row[0]!r}", allow_none=False)
        self.check(kind in labels.KINDS, f"mention {row[0]!r}: kind {kind!r} not in {labels.KINDS}")
        label = row[3] if len(row) == 4 else (idents.get(key) or {}).get("label")
        self.check(label in labels.LABELS, f"mention {row[0]!r}: label {label!r}")
        return {**span, "label": label, "identity": key, "kind": kind}

    def quotes(self) -> list[dict]:
        out = []
        for k, q in enumerate(self.d.get("quotes", []), 1):
            where = f"quote q{k}"
            self.check(q.get("type") in labels.QUOTE_KINDS, f"{where}: type {q.get('type')!r} not in {labels.QUOTE_KINDS}")
            parts = [p for p in (self.span(r, f"{where} part") for r in q.get("parts", [])) if p]
            self.check(bool(q.get("parts")), f"{where}: no parts")
            item = {"id": f"q{k}", "type": q.get("type"), "parts": parts,
                    "speaker": self.identity(q.get("speaker"), where),
                    "speaker_mention": self.span(q.get("speaker_mention"), f"{where} speaker_mention"),
                    "cue": [c for c in (self.span(r, f"{where} cue") for r in q.get("cue", [])) if c],
                    "addressee": self.span(q.get("addressee"), f"{where} addressee")}
            if q.get("medium"):
                self.check(q["medium"] in labels.MEDIA, f"{where}: medium {q['medium']!r} not in {labels.MEDIA}")
                item["medium"] = q["medium"]
            if q.get("note"):
                item["note"] = q["note"]
            out.append(item)
        return out

    def events(self, n_quotes: int) -> list[dict]:
        out = []
        for k, ev in enumerate(self.d.get("events", []), 1):
            where = f"event {k} ({ev.get('type')} {ev.get('trigger')!r})"
            self.check(ev.get("type") in labels.EVENT_TYPES, f"{where}: type not in PLOVER {labels.EVENT_TYPES}")
            for alt in ev.get("accept", []):
                self.check(alt in labels.EVENT_TYPES, f"{where}: accept {alt!r} not a PLOVER type")
            self.check(ev.get("modality", "fact") in labels.MODALITIES, f"{where}: modality not in {labels.MODALITIES}")
            self.check(isinstance(ev.get("negated", False), bool), f"{where}: negated must be true/false")
            quote = ev.get("quote")
            self.check(quote is None or quote in {f"q{i}" for i in range(1, n_quotes + 1)}, f"{where}: quote {quote!r} unknown")
            time = ev.get("time")
            self.check(time is None or labels.is_time_value(str(time)), f"{where}: time {time!r} is no time value")
            item = {"type": ev.get("type"), "accept": list(ev.get("accept", [])),
                    "trigger": self.span(ev.get("trigger"), f"{where} trigger"),
                    "actor": self.identity(ev.get("actor"), where), "target": self.identity(ev.get("target"), where),
                    "negated": bool(ev.get("negated", False)), "modality": ev.get("modality", "fact"),
                    "time": time, "place": self.identity(ev.get("place"), where), "quote": quote,
                    "optional": bool(ev.get("optional", False))}
            if ev.get("note"):
                item["note"] = ev["note"]
            out.append(item)
        return out

    def times(self) -> list[dict]:
        out = []
        for row in self.d.get("times", []):
            if not self.check(isinstance(row, list) and len(row) == 2, f"time {row!r}: needs [ref, value]"):
                continue
            span = self.span(row[0], f"time {row[0]!r}")
            self.check(labels.is_time_value(str(row[1])), f"time {row[0]!r}: value {row[1]!r} is no time value")
            if span:
                out.append({**span, "value": str(row[1])})
        return sorted(out, key=lambda t: t["start"])

    def amounts(self) -> list[dict]:
        out = []
        for row in self.d.get("amounts", []):
            if not self.check(isinstance(row, list) and len(row) in (3, 4), f"amount {row!r}: needs [ref, value, unit(, mod)]"):
                continue
            span = self.span(row[0], f"amount {row[0]!r}")
            self.check(isinstance(row[1], (int, float)) and not isinstance(row[1], bool), f"amount {row[0]!r}: value must be a number")
            self.check(len(row) == 3 or row[3] in labels.AMOUNT_MODS, f"amount {row[0]!r}: mod not in {labels.AMOUNT_MODS}")
            if span:
                out.append({**span, "value": row[1], "unit": row[2], **({"mod": row[3]} if len(row) == 4 else {})})
        return sorted(out, key=lambda a: a["start"])

    def not_quotes(self) -> list[dict]:
        out = []
        for row in self.d.get("not_quotes", []):
            if self.check(isinstance(row, list) and len(row) == 2, f"not_quote {row!r}: needs [ref, why]"):
                span = self.span(row[0], f"not_quote {row[0]!r}")
                if span:
                    out.append({**span, "why": row[1]})
        return out


def compile_draft(draft: dict, source: SourceText, *, annotation: dict | None = None) -> dict:
    """The corpus record of a draft; DraftErrors lists every problem found."""
    c = _Compiler(draft, source)
    c.check(draft.get("id") == source.id, f"draft id {draft.get('id')!r} is not {source.id!r}")
    c.check(draft.get("mode") in labels.MODES, f"mode {draft.get('mode')!r} not in {labels.MODES}")
    idents = c.identities()
    quotes = c.quotes()
    record = {
        "schema": labels.SCHEMA, "id": source.id,
        "source": {"corpus": source.corpus, "key": source.key, "sha256": source.sha256},
        "part": part_of(source.id), "date": draft.get("date"), "topic": source.topic,
        "annotation": {"annotator": draft.get("annotator"), "mode": draft.get("mode"),
                       **({"adjudicator": draft["adjudicator"]} if draft.get("adjudicator") else {}),
                       **(annotation or {})},
        "meta": {"dateline": c.span(draft.get("dateline"), "dateline"),
                 "agency": [a for a in (c.span(r, "agency") for r in draft.get("agency", [])) if a]},
        "identities": idents, "entities": c.mentions(idents), "quotes": quotes,
        "not_quotes": c.not_quotes(), "events": c.events(len(quotes)),
        "times": c.times(), "amounts": c.amounts(),
    }
    if c.problems:
        raise DraftErrors(c.problems)
    return record


def decompile(record: dict, text: str) -> dict:
    """A draft of a corpus record, spans as readable references."""
    def ref(span: dict | None) -> Any:
        return spans.render(text, span["start"], span["end"]) if span else None

    from datetime import datetime, timezone

    ann = record["annotation"]
    timing = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "prior_seconds": ann.get("seconds", 0), "revisions": ann.get("revisions", 0) + 1}
    return {
        "id": record["id"], "annotator": ann.get("annotator"),
        "mode": ann.get("mode"), **({"adjudicator": ann["adjudicator"]} if ann.get("adjudicator") else {}),
        **timing, "date": record.get("date"),
        "dateline": ref(record["meta"].get("dateline")),
        "agency": [ref(a) for a in record["meta"].get("agency", [])],
        "identities": {k: {"label": v["label"], "name": v["name"], "key": v["key"],
                           "roles": [[r["role"], r["of"]] for r in v.get("roles", [])],
                           **({"note": v["note"]} if v.get("note") else {})}
                       for k, v in record["identities"].items()},
        "mentions": mention_rows(record, text),
        "quotes": [{"type": q["type"], "parts": [ref(p) for p in q["parts"]], "speaker": q["speaker"],
                    "speaker_mention": ref(q["speaker_mention"]), "cue": [ref(c) for c in q["cue"]],
                    "addressee": ref(q.get("addressee")),
                    **{k: q[k] for k in ("medium", "note") if q.get(k)}} for q in record["quotes"]],
        "not_quotes": [[ref(n), n["why"]] for n in record.get("not_quotes", [])],
        "events": [{**{k: v for k, v in ev.items() if k != "trigger"}, "trigger": ref(ev["trigger"])}
                   for ev in record["events"]],
        "times": [[ref(t), t["value"]] for t in record["times"]],
        "amounts": [[ref(a), a["value"], a["unit"]] + ([a["mod"]] if a.get("mod") else []) for a in record["amounts"]],
    }


def mention_rows(record: dict, text: str) -> list[list]:
    """Mentions as rows; a text all of whose occurrences are the same mention becomes `text*`."""
    idents = record["identities"]
    by_text: dict[str, list[dict]] = {}
    for m in record["entities"]:
        by_text.setdefault(text[m["start"]:m["end"]], []).append(m)
    rows, done = [], set()
    for m in record["entities"]:
        needle = text[m["start"]:m["end"]]
        same = by_text[needle]
        uniform = all((x["identity"], x["kind"], x["label"]) == (m["identity"], m["kind"], m["label"]) for x in same)
        row_tail = [m["identity"], m["kind"]] + ([m["label"]] if m["label"] != idents[m["identity"]]["label"] else [])
        if len(same) > 1 and uniform and needle == needle.strip() and len(spans.occurrences(text, needle)) == len(same) \
                and not _overlaps_other(same, record["entities"]):
            if needle not in done:
                rows.append([needle + "*"] + row_tail)
                done.add(needle)
            continue
        rows.append([spans.render(text, m["start"], m["end"])] + row_tail)
    return rows


def _overlaps_other(same: list[dict], mentions: list[dict]) -> bool:
    """Whether another mention overlaps one of `same`: compile would then skip that occurrence of `text*`."""
    return any(x is not m and x not in same and x["start"] < m["end"] and m["start"] < x["end"]
               for m in same for x in mentions)


def dump_draft(data: dict) -> str:
    """A draft as JSON with one identity, mention, quote, event, time or amount per line."""
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    items = list(data.items())
    for k, (key, value) in enumerate(items):
        comma = "," if k < len(items) - 1 else ""
        if isinstance(value, dict) and value:
            inner = [f"  {one(ik)}: {one(iv)}" for ik, iv in value.items()]
            lines.append(f" {one(key)}: {{\n" + ",\n".join(inner) + f"\n }}{comma}")
        elif isinstance(value, list) and value:
            inner = [f"  {one(iv)}" for iv in value]
            lines.append(f" {one(key)}: [\n" + ",\n".join(inner) + f"\n ]{comma}")
        else:
            lines.append(f" {one(key)}: {one(value)}{comma}")
    return "\n".join(lines) + "\n}\n"

"""Counts of the corpus files of one folder (`corpus/articles/` or `corpus/double/`).

Read from the corpus files alone (no source text needed): items per layer for every source
(wn, gnad), part (train, test) and source/part; mentions per kind, quotes per type, events per
PLOVER type (required and optional), identities per label, roles, annotation seconds per article
(mean and median of `annotation.seconds`) and how many files have each provenance per layer
(`annotation.layers`, e.g. "pipeline+corrected" or "scratch").
"""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from pathlib import Path

from lagebild.corpus import loader

LAYERS = ("identities", "entities", "quotes", "not_quotes", "events", "times", "amounts")
GROUP_ORDER = ("all", "wn", "gnad", "train", "test", "wn/train", "wn/test", "gnad/train", "gnad/test")


def _groups(record: dict) -> list[str]:
    source = record["id"].split("-", 1)[0]
    return ["all", source, record["part"], f"{source}/{record['part']}"]


def _layer_counts(record: dict) -> Counter:
    c = Counter({layer: len(record.get(layer) or []) for layer in LAYERS})
    c["files"] = 1
    c["roles"] = sum(len(i.get("roles", [])) for i in record["identities"].values())
    return c


def _seconds(values: list[int | float]) -> dict:
    return {"articles": len(values),
            "mean": round(statistics.mean(values), 1) if values else None,
            "median": statistics.median(values) if values else None,
            "total": sum(values)}


def corpus_stats(records: list[dict]) -> dict:
    """Every count of the records (corpus files as written, without text)."""
    groups: dict[str, Counter] = defaultdict(Counter)
    kinds, quote_types, identity_labels = Counter(), Counter(), Counter()
    events: dict[str, Counter] = defaultdict(Counter)
    provenance: dict[str, Counter] = defaultdict(Counter)
    seconds = []
    for record in records:
        counts = _layer_counts(record)
        for group in _groups(record):
            groups[group].update(counts)
        kinds.update(m["kind"] for m in record["entities"])
        quote_types.update(q["type"] for q in record["quotes"])
        identity_labels.update(i["label"] for i in record["identities"].values())
        for ev in record["events"]:
            events[ev["type"]]["optional" if ev.get("optional") else "required"] += 1
        annotation = record.get("annotation", {})
        for layer, how in (annotation.get("layers") or {}).items():
            provenance[layer][how] += 1
        if isinstance(annotation.get("seconds"), (int, float)):
            seconds.append(annotation["seconds"])
    return {
        "files": len(records),
        "by_group": {g: dict(groups[g]) for g in GROUP_ORDER if g in groups},
        "mention_kinds": dict(kinds.most_common()), "quote_types": dict(quote_types.most_common()),
        "event_types": {t: {"required": c["required"], "optional": c["optional"]} for t, c in sorted(events.items())},
        "identity_labels": dict(identity_labels.most_common()),
        "annotation_seconds": _seconds(seconds),
        "provenance": {layer: dict(c) for layer, c in sorted(provenance.items())},
    }


def folder_stats(folder: str = "articles", root: Path | None = None) -> dict:
    """`corpus_stats` of every file of a corpus folder."""
    records = [loader.read_record(p) for p in loader.corpus_files(folder, root)]
    return {"folder": folder, **corpus_stats(records)}


def format_stats(res: dict) -> str:
    """A text table of `corpus_stats`."""
    lines = [f"corpus/{res.get('folder', '?')}: {res['files']} files"]
    columns = ["files", *LAYERS, "roles"]
    lines.append(f"{'':12s}" + "".join(f"{c[:10]:>11s}" for c in columns))
    for group, counts in res["by_group"].items():
        lines.append(f"{group:12s}" + "".join(f"{counts.get(c, 0):11d}" for c in columns))

    def pairs(d: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"

    lines.append(f"mentions per kind: {pairs(res['mention_kinds'])}")
    lines.append(f"quotes per type: {pairs(res['quote_types'])}")
    lines.append(f"identities per label: {pairs(res['identity_labels'])}")
    lines.append("events per type (required/optional): "
                 + (", ".join(f"{t} {c['required']}/{c['optional']}" for t, c in res["event_types"].items()) or "-"))
    s = res["annotation_seconds"]
    lines.append(f"annotation seconds per article: mean {s['mean']}, median {s['median']} (over {s['articles']} files)")
    for layer, counts in res["provenance"].items():
        lines.append(f"provenance {layer}: {pairs(counts)}")
    return "\n".join(lines)

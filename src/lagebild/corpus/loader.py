"""Corpus files joined with their source texts.

`load(path)` reads one corpus file, finds its article in `../shared/data`, checks that the text
is the one the offsets were made on (sha256) and returns the annotation in the schema of
`lagebild_facts_dev` and the example gold: every span with its `text`, plus `text` (the article)
and `file` (the source key). `corpus_files()` lists the files of `corpus/articles/`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from lagebild import paths
from lagebild.corpus.sources import SourceText, source_text

CORPUS_DIR = paths.REPO_ROOT / "corpus"


class CorpusError(ValueError):
    pass


def corpus_files(folder: str = "articles", root: Path | None = None) -> list[Path]:
    return sorted(((root or CORPUS_DIR) / folder).glob("*.json"), key=_natural)


def _natural(path: Path) -> tuple:
    prefix, _, num = path.stem.partition("-")
    return (prefix, int(num) if num.isdigit() else 0, path.stem)


def read_record(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _with_text(span: dict | None, text: str) -> dict | None:
    if span is None:
        return None
    return {**span, "text": text[span["start"]:span["end"]]}


def join(record: dict, source: SourceText) -> dict:
    """The record with every span's text filled in from the source."""
    if record["source"]["sha256"] != source.sha256:
        raise CorpusError(f"{record['id']}: the source text changed (sha256 differs); offsets no longer apply")
    text = source.text
    t = lambda span: _with_text(span, text)  # noqa: E731
    out = {k: v for k, v in record.items() if k not in ("entities", "quotes", "not_quotes", "events", "times", "amounts", "meta")}
    out["text"], out["file"] = text, source.key
    out["meta"] = {"dateline": t(record["meta"].get("dateline")),
                   "agency": [t(a) for a in record["meta"].get("agency", [])]}
    out["entities"] = [t(m) for m in record["entities"]]
    out["quotes"] = [{**q, "parts": [t(p) for p in q["parts"]], "speaker_mention": t(q.get("speaker_mention")),
                      "cue": [t(c) for c in q["cue"]], "addressee": t(q.get("addressee"))} for q in record["quotes"]]
    out["not_quotes"] = [t(n) for n in record.get("not_quotes", [])]
    out["events"] = [{**ev, "trigger": t(ev["trigger"])} for ev in record["events"]]
    out["times"] = [t(x) for x in record["times"]]
    out["amounts"] = [t(x) for x in record["amounts"]]
    return out


def load(path: Path) -> dict:
    record = read_record(path)
    return join(record, source_text(record["id"]))


def load_corpus(part: str | None = None, folder: str = "articles") -> Iterator[dict]:
    """Every joined article of a folder, optionally only one part ("train" or "test")."""
    for path in corpus_files(folder):
        record = read_record(path)
        if part is None or record["part"] == part:
            yield join(record, source_text(record["id"]))

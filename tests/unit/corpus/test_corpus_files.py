"""Every file of corpus/articles/, corpus/double/ and corpus/unadjudicated/ is valid against its source text, holds no
article text, never comes from the reserved 10kGNAD rows (900 and later), and survives a decompile/compile round trip."""
from __future__ import annotations

from typing import Any, Iterator

import pytest

from lagebild import paths
from lagebild.corpus import loader, validate
from lagebild.corpus.draft import DraftErrors, compile_draft, decompile
from lagebild.corpus.sources import GNAD_RESERVED_FROM

FOLDERS = ("articles", "double", "unadjudicated")
LAYERS = ("meta", "identities", "entities", "quotes", "not_quotes", "events", "times", "amounts")
LONGEST_QUOTED = 100   # a string value this long that occurs in the article would be article text


def _files() -> list:
    return [path for folder in FOLDERS for path in loader.corpus_files(folder)]


def _dicts(value: Any) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _dicts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _dicts(v)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (dict, list)):
        for v in value.values() if isinstance(value, dict) else value:
            yield from _strings(v)


def _gnad_row(record: dict) -> int | None:
    if record["id"].startswith("gnad-"):
        return int(record["id"].removeprefix("gnad-"))
    return None


def test_no_file_holds_article_text_or_a_reserved_row() -> None:
    found = []
    for path in _files():
        record = loader.read_record(path)
        if "text" in record or any("start" in d and "text" in d for d in _dicts(record)):
            found.append(f"{path.name}: a span with its text")
        row = _gnad_row(record)
        if row is not None and (row >= GNAD_RESERVED_FROM or int(record["source"]["key"]) >= GNAD_RESERVED_FROM):
            found.append(f"{path.name}: 10kGNAD row {row} is reserved")
    assert found == []


def test_every_file_is_valid_against_its_source_text() -> None:
    if not paths.shared_data_dir().is_dir():
        pytest.skip(f"needs the shared data at {paths.shared_data_dir()} (set LAGEBILD_DATA)")
    files, found, checked = _files(), [], 0
    for path in files:
        record = loader.read_record(path)
        source = loader.source_text(record["id"])
        found += [f"{path.parent.name}/{path.name}: {p}" for p in validate.problems(record, source, path)]
        found += [f"{path.parent.name}/{path.name}: a string value quotes the article"
                  for s in _strings(record) if len(s) >= LONGEST_QUOTED and s in source.text]
        checked += 1
    assert checked == len(files)
    assert found == [], "\n".join(found)


def test_second_annotations_are_from_scratch_and_have_a_primary() -> None:
    primary = {p.stem for p in loader.corpus_files("articles")}
    found = []
    for path in loader.corpus_files("double"):
        record = loader.read_record(path)
        if record["annotation"].get("mode") != "scratch":
            found.append(f"{path.name}: mode {record['annotation'].get('mode')!r}")
        if path.stem not in primary:
            found.append(f"{path.name}: no primary annotation in corpus/articles/")
    for path in loader.corpus_files("unadjudicated"):
        if path.stem not in primary:
            found.append(f"unadjudicated/{path.name}: no adjudicated version in corpus/articles/")
    assert found == []


def test_every_file_survives_decompile_and_compile_unchanged() -> None:
    """Adjudication and correction edit decompiled drafts: a lossy round trip would drop annotations silently."""
    if not paths.shared_data_dir().is_dir():
        pytest.skip(f"needs the shared data at {paths.shared_data_dir()} (set LAGEBILD_DATA)")
    changed = []
    for path in _files():
        record = loader.read_record(path)
        source = loader.source_text(record["id"])
        kept = {k: v for k, v in record["annotation"].items() if k not in ("annotator", "mode")}
        try:
            again = compile_draft(decompile(record, source.text), source, annotation=kept)
        except DraftErrors as err:
            changed.append(f"{path.parent.name}/{path.name}: {err.problems[:2]}")
            continue
        changed += [f"{path.parent.name}/{path.name}: {layer}" for layer in LAYERS if again.get(layer) != record.get(layer)]
    assert changed == [], "\n".join(changed)


def test_a_corpus_key_has_one_label_across_files() -> None:
    records = [loader.read_record(path) for path in loader.corpus_files("articles")]
    assert validate.key_label_conflicts(records) == []


def test_a_referent_has_one_key_spelling_across_files() -> None:
    records = [loader.read_record(path) for path in loader.corpus_files("articles")]
    assert validate.key_spelling_variants(records) == []


def test_key_spelling_variants_name_both_spellings_and_their_files() -> None:
    records = [{"id": "gnad-1", "identities": {"d": {"key": "Selahattin Demirtas", "label": "PER"}}},
               {"id": "gnad-2", "identities": {"d": {"key": "Selahattin Demirtaş", "label": "PER"},
                                               "n": {"key": "Nato", "label": "ORG"}}}]
    assert validate.key_spelling_variants(records) == [
        "keys 'Selahattin Demirtas' in gnad-1 / 'Selahattin Demirtaş' in gnad-2"]


def test_key_label_conflicts_names_the_key_the_labels_and_the_files() -> None:
    records = [{"id": "wn-1", "identities": {"m": {"key": "Merkur", "label": "LOC"}}},
               {"id": "gnad-2", "identities": {"m": {"key": "Merkur", "label": "ORG"}, "x": {"key": "Nato", "label": "ORG"}}}]
    assert validate.key_label_conflicts(records) == ["key 'Merkur': LOC in wn-1; ORG in gnad-2"]

"""validate.problems: a valid record passes, and each kind of problem is caught."""
from __future__ import annotations

import copy
import dataclasses

import pytest

from lagebild.corpus import validate


def _add_overlapping_mention(record: dict, text: str) -> None:
    start = text.index("Angela")
    record["entities"].append({"start": start, "end": start + 6, "label": "PER", "identity": "merkel", "kind": "name"})


def _unknown_key(record: dict, text: str) -> None:
    record["events"][0]["actor"] = "nobody"


def _bad_label(record: dict, text: str) -> None:
    record["identities"]["nato"]["label"] = "ORGANISATION"


def _bad_time_value(record: dict, text: str) -> None:
    record["times"][0]["value"] = "Montag"


def _whitespace_span(record: dict, text: str) -> None:
    mention = next(m for m in record["entities"] if text[m["start"]:m["end"]] == "Afghanistan")
    mention["start"] -= 1


def _wrong_part(record: dict, text: str) -> None:
    record["part"] = "test" if record["part"] == "train" else "train"


def _sha_mismatch(record: dict, text: str) -> None:
    record["source"]["sha256"] = "0" * 64


def _bad_event_type(record: dict, text: str) -> None:
    record["events"][0]["type"] = "COMPLAIN"


def _duplicate_time(record: dict, text: str) -> None:
    record["times"].append(dict(record["times"][0]))


@pytest.mark.parametrize("break_it, message", [
    (_add_overlapping_mention, "overlap"),
    (_unknown_key, "identity 'nobody' does not resolve"),
    (_bad_label, "label 'ORGANISATION'"),
    (_bad_time_value, "value 'Montag'"),
    (_whitespace_span, "starts or ends with whitespace"),
    (_wrong_part, "but the fixed split puts wn-1 in"),
    (_sha_mismatch, "sha256 differs"),
    (_bad_event_type, "type 'COMPLAIN'"),
    (_duplicate_time, "annotated 2 times"),
])
def test_each_problem_kind_is_caught(record, source, break_it, message) -> None:
    broken = copy.deepcopy(record)
    break_it(broken, source.text)
    found = validate.problems(broken, source)
    assert any(message in p for p in found), found


def test_a_valid_record_has_no_problem(record, source) -> None:
    assert validate.problems(record, source) == []


def test_file_name_must_match_the_id(record, source, tmp_path) -> None:
    assert any("does not match id" in p for p in validate.problems(record, source, tmp_path / "wn-2.json"))


def test_a_changed_source_text_is_caught(record, source) -> None:
    changed = dataclasses.replace(source, text=source.text + " Ende.")
    assert "source text changed (sha256 differs)" in validate.problems(record, changed)

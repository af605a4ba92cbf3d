"""`lagebild analyze`: formats, exit codes, and that no traceback ever reaches the user."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.schema import validate

GERMAN = ("Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen. "
          "Der Minister sagte, es gebe keine Alternative.")
runner = CliRunner()


def run(*args, input=None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output and "Traceback" not in (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_json_of_the_example(tmp_path):
    res = run("analyze", "examples/nato-russland-2009.txt", "--format", "json", "--date", "2009-12-17")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    validate(data)
    assert data["meta"]["dateline"] == "Moskau" and data["meta"]["date"] == "2009-12-17"


def test_text_report_is_readable():
    res = run("analyze", "examples/nato-russland-2009.txt")
    assert res.exit_code == 0
    assert "nato-russland-2009" in res.stdout and "dateline Moskau" in res.stdout


def test_stdin(tmp_path):
    res = run("analyze", "-", "--format", "jsonl", input=GERMAN)
    assert res.exit_code == 0
    [line] = res.stdout.strip().splitlines()
    assert json.loads(line)["text"] == GERMAN


def test_corpus_with_bad_records_goes_on(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "1", "text": GERMAN}),
        "{broken",
        json.dumps({"id": "2", "text": ""}),
        json.dumps({"id": "3", "text": "An English text about the weather in London and the rain today."}),
        json.dumps({"id": "4", "text": GERMAN}),
    ]), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "out.jsonl"
    res = run("analyze", str(corpus), "--format", "jsonl", "--output", str(out), "--errors", str(errors))
    assert res.exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["1", "3", "4"]
    for r in records:
        validate(r)
    assert records[1]["meta"]["language"] == "en"
    errs = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [e["origin"].rsplit(":", 1)[1] for e in errs] == ["2", "3"]
    assert "skipped" in res.stderr and "3 article(s) analysed, 2 skipped" in res.stderr


def test_json_of_a_corpus_is_a_list(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "1", "text": GERMAN}) + "\n" + json.dumps({"id": "2", "text": GERMAN}))
    res = run("analyze", str(corpus), "--format", "json")
    assert [d["id"] for d in json.loads(res.stdout)] == ["1", "2"]


@pytest.mark.parametrize("content", [b"", b"   \n\n\t ", bytes(range(256)) * 10])
def test_unusable_single_file_exits_1_with_a_reason(tmp_path, content):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    res = run("analyze", str(f), "--format", "json")
    assert res.exit_code == 1
    assert "skipped" in res.stderr and "0 article(s) analysed" in res.stderr


def test_20_mb_text_file_is_refused_clearly(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text("Das ist ein Satz über die Politik. " * 600_000, encoding="utf-8")
    assert f.stat().st_size >= 20_000_000
    res = run("analyze", str(f), "--format", "json")
    assert res.exit_code == 1
    assert "limit" in res.stderr and "characters" in res.stderr


def test_cp1252_file(tmp_path):
    f = tmp_path / "alt.txt"
    text = "Der Außenminister äußerte sich „zufrieden“ über die Gespräche – so die Süddeutsche Zeitung heute."
    f.write_bytes(text.encode("cp1252"))
    res = run("analyze", str(f), "--format", "json")
    data = json.loads(res.stdout)
    assert data["text"] == text
    assert any("cp1252" in w for w in data["meta"]["warnings"])


def test_bad_date_option_is_a_usage_error():
    res = run("analyze", "examples/nato-russland-2009.txt", "--date", "17/12/09")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr


def test_missing_file_exits_1():
    res = run("analyze", "does-not-exist.txt")
    assert res.exit_code == 1 and "not found" in res.stderr

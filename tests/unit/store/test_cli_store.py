"""`lagebild ingest / export / serve` through Typer, as the README demo runs them."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lagebild.cli_store import register
from lagebild.store.db import open_database
from lagebild.store.ingest import ingest_articles

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "nato-russland-2009.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _main() -> None:
        """test app"""

    register(app)
    return app


def test_readme_demo_ingests_the_example_into_the_default_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["ingest", str(EXAMPLE), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output and "lagebild.duckdb: 1 documents" in result.output
    assert (tmp_path / "lagebild.duckdb").exists()
    again = runner.invoke(cli, ["ingest", str(EXAMPLE), "--no-progress"])
    assert again.exit_code == 0 and "0 new" in again.output and "1 unchanged" in again.output


def test_export_and_load_from_a_folder(cli, tmp_path, corpus):
    db = open_database(str(tmp_path / "a.duckdb"))
    ingest_articles(db, corpus)
    db.close()
    out = runner.invoke(cli, ["export", "--db", str(tmp_path / "a.duckdb"), "-o", str(tmp_path / "out")])
    assert out.exit_code == 0, out.output
    assert "documents 4" in out.output
    loaded = runner.invoke(cli, ["ingest", "--from", str(tmp_path / "out"), "--db",
                                 f"duckdb:///{tmp_path / 'b.duckdb'}", "--no-progress"])
    assert loaded.exit_code == 0, loaded.output
    assert "4 new" in loaded.output and "4 documents" in loaded.output
    csv = runner.invoke(cli, ["export", "--db", str(tmp_path / "b.duckdb"), "-o", str(tmp_path / "csv"), "-f", "csv"])
    assert csv.exit_code == 0 and (tmp_path / "csv" / "quotes.csv").read_text(encoding="utf-8").count("\n") > 20


@pytest.mark.parametrize("args, message", [
    (["ingest", "--no-progress"], "give articles"),
    (["ingest", "x.txt", "--db", "mysql://h/db"], "unknown --db"),
    (["ingest", "--from", "/nonexistent", "--db", ":memory:"], "documents.parquet"),
    (["ingest", "x.txt", "--date", "gestern", "--db", ":memory:"], "--date"),
    (["export", "-o", "out", "--db", "/nonexistent/x.duckdb"], "no store"),
    (["serve", "--db", "/nonexistent/x.duckdb"], "no store"),
])
def test_clear_errors(cli, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output


def test_serve_binds_localhost_by_default(cli):
    import inspect

    from lagebild.cli_store import serve

    assert inspect.signature(serve).parameters["host"].default.default == "127.0.0.1"


def test_read_only_commands_refuse_an_unmigrated_file(cli, tmp_path):
    import duckdb

    duckdb.connect(str(tmp_path / "empty.duckdb")).close()
    result = runner.invoke(cli, ["export", "--db", str(tmp_path / "empty.duckdb"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "run `lagebild ingest`" in result.output


def test_unfinished_batch_folder_is_loaded_with_a_warning(cli, tmp_path, corpus):
    db = open_database(str(tmp_path / "a.duckdb"))
    ingest_articles(db, corpus)
    db.close()
    runner.invoke(cli, ["export", "--db", str(tmp_path / "a.duckdb"), "-o", str(tmp_path / "out")])
    (tmp_path / "out" / "_manifest.jsonl").write_text("{}\n")
    result = runner.invoke(cli, ["ingest", "--from", str(tmp_path / "out"), "--db", str(tmp_path / "b.duckdb"), "--no-progress"])
    assert result.exit_code == 0 and "no _SUCCESS" in result.output


def test_warning_with_a_long_path_is_one_unbroken_line(cli, tmp_path, corpus):
    deep = tmp_path.joinpath(*["a-rather-long-folder-name"] * 6)
    deep.mkdir(parents=True)
    db = open_database(str(deep / "a.duckdb"))
    ingest_articles(db, corpus)
    db.close()
    runner.invoke(cli, ["export", "--db", str(deep / "a.duckdb"), "-o", str(deep / "out")])
    (deep / "out" / "_manifest.jsonl").write_text("{}\n")
    result = runner.invoke(cli, ["ingest", "--from", str(deep / "out"), "--db", str(deep / "b.duckdb"), "--no-progress"])
    warning = next(line for line in result.output.splitlines() if "warning:" in line)
    assert str(deep / "out") in warning and "no _SUCCESS" in warning

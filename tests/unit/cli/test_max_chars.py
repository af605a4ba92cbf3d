"""The "raise --max-chars" advice names an option that the command which gave it has."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "nato-russland-2009.txt"
runner = CliRunner()
OPTION = re.compile(r"raise (--[a-z-]+)")


@pytest.mark.parametrize("command", ["analyze", "ingest", "batch"])
def test_every_command_that_refuses_long_articles_has_max_chars(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0 and "--max-chars" in result.output


@pytest.mark.parametrize("command", [["analyze"], ["ingest", "--no-progress", "--db", "DB"]])
def test_the_advice_to_raise_the_limit_names_an_option_of_that_command(command, tmp_path):
    args = [str(tmp_path / "s.duckdb") if a == "DB" else a for a in command]
    result = runner.invoke(app, [*args, str(EXAMPLE), "--max-chars", "100"])
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "more than the limit of 100 for one article" in output and "Traceback" not in output
    [option] = OPTION.findall(output)
    helptext = runner.invoke(app, [command[0], "--help"], terminal_width=200).output
    assert option in helptext


def test_ingest_stores_the_article_once_the_limit_is_raised(tmp_path):
    db = str(tmp_path / "s.duckdb")
    refused = runner.invoke(app, ["ingest", "--no-progress", "--db", db, str(EXAMPLE), "--max-chars", "100"])
    assert "0 new" in refused.output and "1 failed" in refused.output
    stored = runner.invoke(app, ["ingest", "--no-progress", "--db", db, str(EXAMPLE), "--max-chars", "100000"])
    assert stored.exit_code == 0, stored.output
    assert "1 new" in stored.output

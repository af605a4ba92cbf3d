"""`--help` of every command shows conventional placeholders; `--version`; no arguments shows help."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import typer
from typer.core import TyperArgument, TyperOption
from typer.testing import CliRunner

from lagebild.cli import app

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"

FIXED_WIDTH = {"COLUMNS": "120"}
TYPE_TAG = re.compile(r"<(?:bool|str|int|float|path|file|dir|datetime|list\[.*?\]|\w+(?:\|\w+)+)>|\{\w+\}")
VALUE_PLACEHOLDER = re.compile(r"[A-Z]+|\[[\w-]+(?:\|[\w-]+)*\]")
ARGUMENT_USAGE = re.compile(r"[A-Z_]+(?:\.\.\.)?|\[[A-Z_]+\](?:\.\.\.)?")
runner = CliRunner()


def command_paths(command, path: tuple[str, ...] = ()):
    """The path of this command and of every command below it in the click command tree."""
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, (*path, name))


ROOT = typer.main.get_command(app)
COMMAND_PATHS = list(command_paths(ROOT))


def command_at(path: tuple[str, ...]):
    command = ROOT
    for name in path:
        command = command.commands[name]
    return command


def invoke(*args: str):
    return runner.invoke(app, list(args), env=FIXED_WIDTH, prog_name="lagebild")


def test_the_walk_reaches_commands_of_every_level():
    assert {(), ("analyze",), ("serve",), ("batch",), ("eval",), ("eval", "ud"),
            ("corpus",), ("corpus", "export")} <= set(COMMAND_PATHS)


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "lagebild")
def test_help_has_no_type_tags(path):
    result = invoke(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage: lagebild" in result.stdout
    assert TYPE_TAG.findall(result.stdout) == []


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "lagebild")
def test_placeholders_are_conventional(path):
    command = command_at(path)
    ctx = typer.Context(command, info_name="lagebild")
    for param in command.get_params(ctx):
        shown = param.display_type_rich(ctx)
        if isinstance(param, TyperOption) and param.is_flag:
            assert shown is None, param.name
        elif isinstance(param, TyperOption):
            assert VALUE_PLACEHOLDER.fullmatch(shown), (param.name, shown)
        else:
            assert isinstance(param, TyperArgument)
            assert ARGUMENT_USAGE.fullmatch(param.get_usage_pieces(ctx)[0]), param.name


@pytest.mark.parametrize("args, usage", [
    (["analyze"], "Usage: lagebild analyze [OPTIONS] PATHS..."),
    (["ingest"], "Usage: lagebild ingest [OPTIONS] [PATHS]..."),
    (["corpus", "show"], "Usage: lagebild corpus show [OPTIONS] ARTICLE_ID"),
])
def test_usage_names_arguments_in_upper_case(args, usage):
    assert usage in invoke(*args, "--help").stdout


@pytest.mark.parametrize("option, placeholder", [
    ("--max-chars", "INTEGER"), ("--output", "PATH"), ("--date", "TEXT"), ("--format", "[text|json|jsonl]"),
])
def test_analyze_options_show_their_placeholder(option, placeholder):
    row = next(line for line in invoke("analyze", "--help").stdout.splitlines() if option in line)
    assert placeholder in row


def test_missing_argument_is_named_as_in_the_usage():
    result = invoke("analyze")
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.output


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = invoke(flag)
    assert result.exit_code == 0, result.output
    version = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert result.stdout == f"lagebild {version}\n"


@pytest.mark.parametrize("group", [[], ["eval"], ["corpus"]])
def test_group_without_arguments_prints_its_help(group):
    result = invoke(*group)
    assert result.exit_code == 0, result.output
    assert f"Usage: {' '.join(['lagebild', *group])} [OPTIONS] COMMAND [ARGS]..." in result.stdout
    assert "Commands" in result.stdout

"""Every command the README names is registered on the `lagebild` CLI."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lagebild.cli import app


@pytest.mark.parametrize("command", [
    ["analyze"], ["ingest"], ["export"], ["serve"], ["batch"],
    ["eval", "ner"], ["eval", "ud"], ["eval", "entities"], ["eval", "quotes"], ["eval", "times"], ["eval", "events"],
])
def test_command_has_help(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output

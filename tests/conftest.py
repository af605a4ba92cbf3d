"""Shared fixtures. Tests that need ../shared/data skip with a reason when it is absent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild import paths

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_TXT = REPO / "examples" / "nato-russland-2009.txt"
EXAMPLE_GOLD = REPO / "examples" / "nato-russland-2009.gold.json"


def shared_data(*parts: str) -> Path:
    """A path under the shared data folder, or skip the test when it is not there."""
    path = paths.shared_data_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (shared data absent in this clone; set LAGEBILD_DATA)")
    return path


def models_present(*names: str) -> bool:
    return all((paths.models_dir() / n / "config.cfg").exists() for n in names)


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE_TXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_gold() -> dict:
    return json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_analysis(example_text) -> dict:
    import lagebild

    return lagebild.analyze(example_text, id="nato-russland-2009", date="2009-12-17")

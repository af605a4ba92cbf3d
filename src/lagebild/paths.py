"""Where lagebild finds its shipped models, its language resources and the shared training data.

Everything is resolved relative to the checkout (or an environment override) so that nothing is
ever fetched from the network.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent
RESOURCES_DIR = PACKAGE_DIR / "resources" / "de"


def models_dir() -> Path:
    """Trained pipelines: $LAGEBILD_MODELS, else `models/` of the checkout."""
    return Path(os.environ.get("LAGEBILD_MODELS", REPO_ROOT / "models"))


def shared_data_dir() -> Path:
    """The read-only corpora: $LAGEBILD_DATA, else `../shared/data` beside the checkout."""
    return Path(os.environ.get("LAGEBILD_DATA", REPO_ROOT.parent / "shared" / "data"))


def resource(name: str) -> Path:
    """A German language resource file under `src/lagebild/resources/de/`."""
    return RESOURCES_DIR / name


def resource_rows(name: str) -> list[list[str]]:
    """The TAB-separated data rows of a resource file: header line, blank lines and `#` lines skipped."""
    lines = resource(name).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]

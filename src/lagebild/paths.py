"""Where lagebild finds its shipped models, its language resources and the shared training data.

Everything is resolved relative to the checkout (or an environment override) so that nothing is
ever fetched from the network.
"""
from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
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


def parse_resource(text: str) -> tuple[list[str], list[list[str]]]:
    """(column names, data rows) of a resource file's text, by the one rule of `resources/de/`:
    UTF-8, TAB-separated, the first line that is not a `#` comment names the columns, blank and
    `#` lines are skipped, every value is NFC-normalised."""
    header: list[str] | None = None
    rows = []
    for line in unicodedata.normalize("NFC", text).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        else:
            rows.append(cells)
    return header or [], rows


@lru_cache(maxsize=None)
def _table(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    header, rows = parse_resource(resource(name).read_text(encoding="utf-8"))
    return tuple(header), tuple(tuple(r) for r in rows)


def resource_rows(name: str) -> list[list[str]]:
    """The data rows of a resource file (see `parse_resource`); read once per process."""
    return [list(r) for r in _table(name)[1]]


def resource_records(name: str) -> list[dict[str, str]]:
    """The data rows of a resource file as dicts keyed by its column names (missing cells "")."""
    header, rows = _table(name)
    return [dict(zip(header, list(r) + [""] * (len(header) - len(r)))) for r in rows]

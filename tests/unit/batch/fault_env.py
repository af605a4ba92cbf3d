"""Environment for processes that load the fault hooks of `faults/sitecustomize.py`."""
from __future__ import annotations

import os
from pathlib import Path

FAULTS_DIR = Path(__file__).parent / "faults"
SLOW_ENV = "LAGEBILD_BATCH_TEST_SLOW"
KILL_ON_ENV = "LAGEBILD_BATCH_TEST_KILL_ON"
KILL_MARK_ENV = "LAGEBILD_BATCH_TEST_KILL_MARK"
KILL_TIMES_ENV = "LAGEBILD_BATCH_TEST_KILL_TIMES"


def with_faults_path(pythonpath: str | None) -> str:
    """PYTHONPATH with the fault hooks first, so every started interpreter loads them."""
    return os.pathsep.join([str(FAULTS_DIR)] + ([pythonpath] if pythonpath else []))

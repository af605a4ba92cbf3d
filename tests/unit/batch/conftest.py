"""Fixtures of the batch tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from batch_corpus import write_corpus


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl")

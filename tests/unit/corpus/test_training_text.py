"""Training code reads raw news only through `lagebild.corpus.training_text`: never a reserved
10kGNAD row (900+), never an article of the corpus's held-out part."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagebild import paths
from lagebild.corpus import sources
from lagebild.corpus.training_text import training_news

TRAINING_DIR = Path(__file__).resolve().parents[3] / "training"


def test_training_news_skips_reserved_rows_and_held_out_ids() -> None:
    if not paths.shared_data_dir().is_dir():
        pytest.skip(f"needs the shared data at {paths.shared_data_dir()} (set LAGEBILD_DATA)")
    ids = [article.id for article in training_news()]
    assert ids, "no training news at all"
    assert len(ids) == len(set(ids))
    assert not [i for i in ids if sources.held_out(i)]
    gnad_rows = [int(i.removeprefix("gnad-")) for i in ids if i.startswith("gnad-")]
    assert gnad_rows and max(gnad_rows) < sources.GNAD_RESERVED_FROM
    assert {i for i in ids if i.startswith("wn-")} <= set(sources.wikinews_records("train"))


def test_training_news_gnad_start_drops_the_first_rows() -> None:
    if not paths.shared_data_dir().is_dir():
        pytest.skip(f"needs the shared data at {paths.shared_data_dir()} (set LAGEBILD_DATA)")
    rows = [int(a.id.removeprefix("gnad-")) for a in training_news(gnad_start=300) if a.id.startswith("gnad-")]
    assert rows and min(rows) >= 300


# The one script that opens the WikiNews quotation jsonl itself: the events training joins the
# lagebild_facts_dev gold (its tuning set) with its dev texts. The quotes training and its error
# listing read WikiNews through `lagebild.corpus.sources`, without the corpus's held-out part.
QUOTE_LABEL_READERS = {"learn_events.py"}
GNAD_FILE = re.compile(r"10kgnad.{0,20}test\.csv", re.IGNORECASE | re.DOTALL)
WIKINEWS_FILE = re.compile(r"wikinews_quotes.{0,30}\.jsonl", re.IGNORECASE | re.DOTALL)


def test_no_training_script_opens_the_news_files_itself() -> None:
    offenders = []
    scripts = [p for p in sorted(TRAINING_DIR.rglob("*")) if p.suffix in (".py", ".sh", ".cfg")]
    assert any(p.name == "raw_text.py" for p in scripts)
    for path in scripts:
        if "output" in path.relative_to(TRAINING_DIR).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if GNAD_FILE.search(text):
            offenders.append(f"{path.name}: 10kGNAD file")
        if path.name not in QUOTE_LABEL_READERS and WIKINEWS_FILE.search(text):
            offenders.append(f"{path.name}: WikiNews quotation file")
    assert offenders == []

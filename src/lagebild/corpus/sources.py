"""Article texts of the corpus: WikiNews quotation corpus (train split) and 10kGNAD rows 0-899.

Article ids: `wn-<WikiNews id>` (the number before " - " in the document name) and
`gnad-<row>` (0-based row of `10kgnad/test.csv`). 10kGNAD rows 900 and later are reserved for
evaluation elsewhere: `gnad_articles` never returns them, and asking for one is an error.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from lagebild import paths
from lagebild.dates import normalise_date

GNAD_RESERVED_FROM = 900
HELD_OUT_PERCENT = 15
TRAIN_DEV_PERCENT = 10


@dataclass(frozen=True)
class SourceText:
    id: str
    text: str
    corpus: str            # "wikinews_quotes" or "10kgnad"
    key: str               # WikiNews document file name, or the 10kGNAD row number
    date: str | None       # publication date: WikiNews's, or a 10kGNAD closing credit's
    title: str | None
    topic: str | None      # 10kGNAD topic label

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def held_out(article_id: str) -> bool:
    """The corpus's fixed test part: about 15 % of article ids, chosen by a hash of the id."""
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < HELD_OUT_PERCENT


def train_dev(article_id: str) -> bool:
    """The tuning slice of the training part: about 10 % of the training part's ids, chosen by a
    second hash of the id. Models trained on the corpus leave it out and are chosen on it."""
    if held_out(article_id):
        return False
    digest = hashlib.sha1(f"dev:{article_id}".encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < TRAIN_DEV_PERCENT


def part_of(article_id: str) -> str:
    return "test" if held_out(article_id) else "train"


def _wikinews_date_title(name: str) -> tuple[str | None, str | None]:
    """"10022 - Title words (2005-08-05)" -> ("2005-08-05", "Title words")."""
    title = name.split(" - ", 1)[1] if " - " in name else name
    date = None
    if title.endswith(")") and "(" in title:
        head, _, tail = title.rpartition("(")
        if len(tail) == 11 and tail[4] == "-" and tail[7] == "-":
            date, title = normalise_date(tail[:10])[0], head.strip()
    return date, title


@lru_cache(maxsize=2)
def wikinews_records(split: str = "train") -> dict[str, dict]:
    """The WikiNews quotation corpus records of a split, by article id (`wn-<id>`)."""
    if split not in ("train", "dev"):
        raise ValueError(f"WikiNews split {split!r}: only train and dev are here (test is held out)")
    path = paths.shared_data_dir() / "wikinews_quotes" / f"{split}.jsonl"
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out["wn-" + rec["documentName"].split(" - ", 1)[0].strip()] = rec
    return out


def wikinews_text(article_id: str, split: str = "train") -> SourceText:
    rec = wikinews_records(split)[article_id]
    date, title = _wikinews_date_title(rec["documentName"])
    return SourceText(article_id, rec["originalText"], "wikinews_quotes", rec["file"], date, title, None)


@lru_cache(maxsize=1)
def _gnad_rows() -> tuple[tuple[str, str], ...]:
    csv.field_size_limit(sys.maxsize)
    path = paths.shared_data_dir() / "10kgnad" / "test.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [(label, text) for label, text in csv.reader(fh, delimiter=";", quotechar="'")]
    return tuple(rows[:GNAD_RESERVED_FROM])


def gnad_text(article_id: str) -> SourceText:
    row = int(article_id.removeprefix("gnad-"))
    if not 0 <= row < GNAD_RESERVED_FROM:
        raise ValueError(f"{article_id}: 10kGNAD rows {GNAD_RESERVED_FROM}+ are reserved for evaluation")
    label, text = _gnad_rows()[row]
    return SourceText(article_id, text, "10kgnad", str(row), credit_date(text), None, label)


_CREDIT_DATE = re.compile(r"\((?:[^()]*[,;]\s*)?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\)\s*$")


def credit_date(text: str) -> str | None:
    """The date of a closing credit line such as "(red, APA, 3.2.2016)", as YYYY-MM-DD."""
    match = _CREDIT_DATE.search(text[-120:])
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def gnad_articles() -> list[SourceText]:
    """10kGNAD rows 0-899 (never the reserved rows)."""
    return [gnad_text(f"gnad-{i}") for i in range(len(_gnad_rows()))]


def source_text(article_id: str) -> SourceText:
    """The source of a corpus article id."""
    if article_id.startswith("wn-"):
        return wikinews_text(article_id)
    if article_id.startswith("gnad-"):
        return gnad_text(article_id)
    raise ValueError(f"unknown corpus article id {article_id!r} (wn-<id> or gnad-<row>)")

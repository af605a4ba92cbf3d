"""Docstrings, docs and model READMEs say what the code and models do now, not how the work went.

History (numbered work sessions or rounds, what was tried and dropped, what shipped until when)
belongs in the git log; a model README keeps the current figures and the reasons for the current
design. Each pattern below is specific enough not to catch ordinary words ("SparkSession", "the
HTTP session", "round(x, 2)", "used to tell").
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = {
    "numbered session": r"(?<![a-z])sessions?[\s_-]*\d",
    "this session": r"\b(this|that|last|next|previous|earlier) session\b",
    "numbered round": r"(?<![a-z])rounds?[\s_-]*\d",
    "tried and dropped": r"\btried and (left out|dropped)\b|\bwas tried\b|\btried in\b",
    "shipped until": r"\bshipped until\b",
    "previously": r"\bpreviously\b",
    "used to be": r"\bused to be\b",
    "an older model": r"\b(previous|old|older|earlier) (model|harness|version|pipeline)s?\b",
}
LAB_NOTE = re.compile("|".join(f"(?:{p})" for p in PATTERNS.values()), re.IGNORECASE)


def scanned_files() -> list[Path]:
    """The code, docs, model cards and training/benchmark scripts a reader takes as the current state."""
    globs = ["src/**/*.py", "src/lagebild/resources/**/README.md", "docs/**/*.md", "README.md",
             "models/*/README.md", "models/**/meta.json", "training/**/*.md", "training/**/*.py",
             "training/**/*.sh", "training/**/*.cfg", "benchmarks/**/*"]
    files = {p for g in globs for p in ROOT.glob(g) if p.is_file() and "__pycache__" not in p.parts}
    return sorted(files)


def lab_notes(text: str) -> list[tuple[int, str]]:
    """(line number, line) for every line that narrates the history of the work."""
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if LAB_NOTE.search(line)]


def test_scans_the_expected_files() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in scanned_files()}
    assert {"README.md", "src/lagebild/nlp/upos.py", "docs/output.md", "training/train_core.sh",
            "src/lagebild/resources/de/README.md"} <= names


def test_no_docstring_doc_or_model_readme_narrates_history() -> None:
    found = []
    for path in scanned_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [f"{path.relative_to(ROOT).as_posix()}:{n}: {line[:120]}" for n, line in lab_notes(text)]
    assert not found, ("history of the work belongs in the git log; state what the code or model does "
                       "now and why:\n" + "\n".join(found))


@pytest.mark.parametrize("line", [
    "Tuning set, stage-2 model (session 6): 4-class F1 66.34 -> 67.00",
    "Europarl's TreeTagger STTS and lemmas since session 5",
    "the session-2 model files",
    '"load_nlp_session5": {',
    "Round 3: the lexicon was extended",
    '"drängen" was tried and left out again',
    "Tried and left out: first names",
    "the session-2 model (shipped until session 5)",
    "the table previously lived in code",
    "this field used to be a list",
    "about 40 times this session",
    "Session 3 (old harness: 5-article warm-up)",
])
def test_flags_lab_notes(line: str) -> None:
    assert lab_notes(line)


@pytest.mark.parametrize("line", [
    "from pyspark.sql import SparkSession",
    "spark = spark_session(master)",
    "session start 4.5 s / 5.0 s",
    "the psycopg session of one store connection",
    'return {"p": round(p, 4), "r": round(r, 4)}',
    "forms of the definite article, used to tell \"der Nato-Chef\" from indefinite phrases",
    "every corpus file round-trips in the suite",
    "the stage-2 model-best, which never saw the tuning split",
    "Inflectional endings tried when a surface form is looked up",
    "source is the previous sentence's report",
])
def test_keeps_ordinary_words(line: str) -> None:
    assert not lab_notes(line)

"""The learned direct-quote decision: do quotation marks hold a quote, or a scare quote or title?

`models/de_quotes/direct_table.json` (learned on WikiNews train by `training/learn_quotes.py`) holds
P(quote) for keys of a pair's features at several levels of detail; the decision backs off from the
finest key to coarser ones while a key is rare, and falls back to a rule without the table.
"""
from __future__ import annotations

import json
from functools import lru_cache

from lagebild import paths

QUOTES_MODEL = "de_quotes"
# Used when no learned table (models/de_quotes/direct_table.json) is there: keep a quotation-mark
# span as a quote when it is long, first person, or a multi-word fragment inside reported speech.
FALLBACK_MIN_WORDS = 8
# Keep a quotation-mark span when P(quote) from the learned table reaches this. WikiNews marks
# about half of the short unframed fragments as quotes; lagebild treats such scare quotes and
# titles as no quotes ("neue Qualität"), so the threshold sits a little above the coin flip.
DIRECT_THRESHOLD = 0.55
# A table key decides only when it was seen this often (finest key first); rarer keys back off.
DIRECT_MIN_COUNTS = (5, 12, 8, 5)
NAMING_MIN_COUNT = 8


def _bucket(n: int) -> int:
    return min(n, 8)


def direct_key(n_words: int, inside: bool, first_person: bool, framed: bool | None = None,
               title: bool | None = None, sentence_cue: bool | None = None, clause_cue: int | None = None) -> str:
    """Key of the learned direct-quote table: length bucket, inside reported speech, first person
    (and, in the fine key, a frame next to the marks, all words capitalised, a cue in the sentence,
    a speech verb in the marks' own clause: 1, or with the marks as what it names: 2, "nannte den
    Bericht eine „Zeitungsente“", "sprach von einem „Skandal“")."""
    key = f"{_bucket(n_words)}|{int(inside)}|{int(first_person)}"
    if framed is not None:
        key += f"|{int(framed)}|{int(bool(title))}|{int(bool(sentence_cue))}"
        if clause_cue is not None:
            key += f"|{int(clause_cue)}"
    return key


def backoff_keys(fine: str) -> list[str]:
    """The fine key and its coarser versions: without the clause cue, without title and sentence
    cue, then without frame. Marks that a naming verb names (clause cue 2) are rare at each length,
    so they get one pooled key ("naming|<inside>") right after the fine one."""
    return [key for key, _ in backoff_with_counts(fine)]


def backoff_with_counts(fine: str) -> list[tuple[str, int]]:
    """`backoff_keys` with the count each key needs before it decides (`DIRECT_MIN_COUNTS`)."""
    f = fine.split("|")
    out = [("|".join(f[:n]), m) for n, m in zip((7, 6, 4, 3), DIRECT_MIN_COUNTS) if n <= len(f)]
    if len(f) >= 7 and f[6] == "2" and f[3] == "0":
        out.insert(1, (f"naming|{f[1]}", NAMING_MIN_COUNT))
    seen: set[str] = set()
    return [(k, m) for k, m in out if not (k in seen or seen.add(k))]


@lru_cache(maxsize=1)
def load_direct_table() -> dict[str, list[float]]:
    """P(quotation marks hold a quote | length, inside reported speech, first person), learned on
    WikiNews train by `training/learn_quotes.py`; empty when the model folder is absent."""
    candidates = [paths.models_dir() / QUOTES_MODEL, paths.REPO_ROOT / "models" / QUOTES_MODEL]
    path = next((p / "direct_table.json" for p in candidates if (p / "direct_table.json").exists()), None)
    if path is None:
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["p_quote"]  # key -> [probability, count]


def keep_direct(table: dict, fine: str, n_words: int, inside: bool, first_person: bool, framed: bool,
                sentence_like: bool, clause_cue: int = 0) -> bool:
    """Quote or scare quote/title? The learned table (`fine` is the pair's `direct_key`) when it
    knows the key, else a rule."""
    if framed and sentence_like:
        return True  # a whole sentence in quotation marks next to a speech verb
    if inside and n_words == 1 and not framed and clause_cue < 2:
        return False  # one marked word inside reported speech is a scare quote ("letale" Güter),
        # unless a naming verb names it ("nannte den Bericht eine „Zeitungsente“")
    for key, min_n in backoff_with_counts(fine):
        hit = table.get(key)
        if hit and hit[1] >= min_n:
            return hit[0] >= DIRECT_THRESHOLD
    if framed and (n_words >= 2 or sentence_like):
        return True
    return n_words >= FALLBACK_MIN_WORDS or first_person or (inside and n_words >= 2) or (sentence_like and n_words >= 4)

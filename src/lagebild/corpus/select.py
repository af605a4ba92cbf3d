"""Which source articles the corpus takes: news about politics, conflict, economy and society.

Articles are ranked by how many words of `corpus/topic_words.tsv` they contain per 1,000
characters; very short and very long articles are left out (too little to annotate, or more
than an annotator reads carefully in one sitting). 10kGNAD articles come only from rows 0-899
and from the topics International, Inland, Wirtschaft, Panorama and Etat.
"""
from __future__ import annotations

import re
from pathlib import Path

from lagebild.corpus.sources import SourceText, gnad_articles, wikinews_records, wikinews_text

GNAD_TOPICS = ("International", "Inland", "Wirtschaft", "Panorama", "Etat")
MIN_CHARS, MAX_CHARS = 500, 4500


def topic_words(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {w.strip() for w in lines if w.strip() and not w.startswith("#")}


def topic_score(text: str, words: set[str]) -> float:
    tokens = re.findall(r"\w+", text)
    return 1000 * sum(t in words for t in tokens) / max(len(text), 1)


def candidates(words: set[str]) -> list[tuple[float, SourceText]]:
    """(score, source) of every eligible article, best first within each source."""
    out = []
    for article_id in wikinews_records("train"):
        src = wikinews_text(article_id)
        if MIN_CHARS <= len(src.text) <= MAX_CHARS:
            out.append((topic_score(src.text, words), src))
    for src in gnad_articles():
        if src.topic in GNAD_TOPICS and MIN_CHARS <= len(src.text) <= MAX_CHARS:
            out.append((topic_score(src.text, words), src))
    return sorted(out, key=lambda x: (x[1].corpus, -x[0], x[1].id))

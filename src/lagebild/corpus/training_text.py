"""The unlabelled news texts that training code may read.

Every training script that reads raw news (vector text, self-training sentences, label pruning)
gets it from `training_news()`: the WikiNews quotation *train* articles and 10kGNAD rows 0-899,
without every article whose corpus id is in the corpus's held-out part (`sources.held_out`).
10kGNAD rows 900+ (`sources.GNAD_RESERVED_FROM`) are never read: `sources.gnad_articles` stops
before them.
"""
from __future__ import annotations

from collections.abc import Iterator

from lagebild.corpus import sources


def training_news(gnad_start: int = 0) -> Iterator[sources.SourceText]:
    """WikiNews train articles, then 10kGNAD rows gnad_start..899; held-out corpus ids left out."""
    for article_id in sorted(sources.wikinews_records("train"), key=_id_order):
        if not sources.held_out(article_id):
            yield sources.wikinews_text(article_id)
    for article in sources.gnad_articles()[gnad_start:]:
        if not sources.held_out(article.id):
            yield article


def training_news_texts(gnad_start: int = 0) -> list[str]:
    return [article.text for article in training_news(gnad_start)]


def _id_order(article_id: str) -> tuple[int, str]:
    number = article_id.removeprefix("wn-")
    return (int(number), "") if number.isdigit() else (10**12, number)

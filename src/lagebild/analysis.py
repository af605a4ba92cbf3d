"""From raw article to `lagebild/1`: checks the input, detects language, dateline and agency
credits, runs the pipeline, and isolates failures so one bad article never costs the rest of a
batch."""
from __future__ import annotations

import hashlib
import logging
from typing import Iterable, Iterator

from spacy.language import Language

from lagebild.article import Article, Meta
from lagebild.dates import normalise_date
from lagebild.ingest.dateline import find_credits
from lagebild.ingest.language import detect_language, is_german
from lagebild.ingest.records import IngestError, InputError, RawArticle
from lagebild.pipeline import load_nlp

log = logging.getLogger(__name__)

MAX_CHARS = 1_000_000  # one news article is < 100k characters; beyond this it is not one article


def content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def date_option(value: str | None) -> str | None:
    """A `--date` given by a user: normalised, or `ValueError` (a wrong option is an error, not a warning)."""
    if value is None:
        return None
    day, warning = normalise_date(value)
    if day is None or warning:
        raise ValueError(f"--date must be YYYY-MM-DD, got {value!r}")
    return day


def prepare(raw: RawArticle, *, max_chars: int = MAX_CHARS) -> Article:
    """Checks and metadata that need no model. Raises `InputError` for what cannot be analysed."""
    text = raw.text
    if not text:
        raise InputError("empty text")
    if not text.strip():
        raise InputError("text is only whitespace")
    if len(text) > max_chars:
        raise InputError(
            f"text has {len(text):,} characters, more than the limit of {max_chars:,} for one "
            "article (split the corpus into articles, or raise --max-chars)"
        )
    day, date_warning = normalise_date(raw.date)
    credits = find_credits(text)   # every input kind (txt, HTML, JSONL, CSV, WARC) passes here
    article = Article(
        id=raw.id or content_id(text),
        text=text,
        meta=Meta(title=raw.title, date=day, source=raw.source, url=raw.url,
                  dateline=credits.dateline.text if credits.dateline else None, warnings=list(raw.warnings),
                  dateline_span=credits.dateline, agency=credits.agency),
    )
    if date_warning:
        article.warn(date_warning)
    lang, prob = detect_language(text)
    article.meta.language = "de" if is_german(lang, prob) else lang
    if prob is None:
        article.warn("text too short to identify its language; analysed as German")
    elif not is_german(lang, prob):
        article.warn(f"language detected as {lang!r} (p={prob:.2f}), not German: not analysed")
    return article


def _run(nlp: Language, article: Article) -> Article:
    doc = nlp.make_doc(article.text)
    doc._.article = article
    nlp(doc)
    article.analysed = True
    return article


def analyze_stream(
    items: Iterable[RawArticle | IngestError], *, nlp: Language | None = None,
    batch_size: int = 16, max_chars: int = MAX_CHARS,
) -> Iterator[Article | IngestError]:
    """Analyse a stream of raw articles, in order; errors pass through as `IngestError`."""
    nlp = nlp or load_nlp()
    batch: list[tuple[Article, str]] = []

    def flush() -> Iterator[Article | IngestError]:
        docs = []
        for article, _ in batch:
            doc = nlp.make_doc(article.text)
            doc._.article = article
            docs.append(doc)
        try:
            for doc in nlp.pipe(docs, batch_size=batch_size):
                doc._.article.analysed = True
            results: list[Article | IngestError] = [a for a, _ in batch]
        except Exception:  # isolate the article that breaks the batch, keep the others
            results = []
            for article, origin in batch:
                try:
                    results.append(_run(nlp, article))
                except Exception as err:  # noqa: BLE001 - reported as an error record
                    log.exception("pipeline failed on %s", article.id)
                    results.append(IngestError(article.id, origin, f"pipeline failed: {type(err).__name__}: {err}"))
        batch.clear()
        yield from results

    for item in items:
        if isinstance(item, IngestError):
            yield from flush()
            yield item
            continue
        try:
            article = prepare(item, max_chars=max_chars)
        except InputError as err:
            yield from flush()
            yield IngestError(item.id, item.origin or item.id, str(err))
            continue
        if article.meta.language != "de":
            yield from flush()
            yield article
            continue
        batch.append((article, item.origin or item.id))
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def analyze_items(
    items: Iterable[RawArticle | IngestError], *, workers: int = 1, nlp: Language | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Article | IngestError]:
    """`analyze_stream` in this process, or in `workers` processes (same results, same order)."""
    if workers <= 1:
        return analyze_stream(items, nlp=nlp, max_chars=max_chars)
    from lagebild.workers import analyze_in_workers

    return analyze_in_workers(items, workers=workers, max_chars=max_chars)


def analyze_article(raw: RawArticle, *, nlp: Language | None = None) -> Article:
    """One raw article to an analysed `Article`; raises `InputError` for unusable input."""
    result = next(analyze_stream([raw], nlp=nlp))
    if isinstance(result, IngestError):
        raise InputError(result.reason)
    return result


def analyze(text: str, *, date: str | None = None, title: str | None = None,
            id: str | None = None, url: str | None = None, source: str | None = None) -> dict:
    """Analyse one German article and return its `lagebild/1` dict.

    Raises `lagebild.InputError` for text that cannot be analysed (empty, too long).
    """
    raw = RawArticle(id=id or content_id(text or ""), text=text, title=title, date=date, url=url,
                     source=source, origin="api")
    return analyze_article(raw).to_json()

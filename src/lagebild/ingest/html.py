"""HTML pages to articles: trafilatura finds the body and the metadata (title, date, url)."""
from __future__ import annotations

import trafilatura

from lagebild.ingest.records import InputError, RawArticle

# Fewer words than this is navigation or a teaser, not an article body.
MIN_BODY_WORDS = 8


def article_from_html(html: str, *, id: str, origin: str, url: str | None = None) -> RawArticle:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    if doc is None:
        raise InputError("no article body found in HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if len(text.split()) < MIN_BODY_WORDS:
        raise InputError(f"no article body found in HTML (only {len(text.split())} words of text)")
    date = data.get("date")
    return RawArticle(
        id=id,
        text=text,
        title=data.get("title"),
        date=date[:10] if date else None,
        url=data.get("url") or url,
        source=data.get("sitename") or data.get("hostname"),
        origin=origin,
    )

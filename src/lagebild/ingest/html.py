"""HTML pages to articles: trafilatura finds the body and the metadata (title, date, url)."""
from __future__ import annotations

import re

import trafilatura

from lagebild.ingest.records import InputError, RawArticle

# Fewer words than this is navigation or a teaser, not an article body.
MIN_BODY_WORDS = 8
# libxml2 stops building the tree at about 255 levels; deeper pages lose their body
MAX_DEPTH = 200
_CONTAINER_TAG = re.compile(r"</?(?:div|span|section|article|main|font|center|table|tbody|thead|tr|td|th|b|i|em|strong)\b[^>]*>", re.I)
_OPEN_TAG = re.compile(r"<(?:div|span|section|article|main|font|center|table|tbody|thead|tr|td|th|b|i|em|strong)\b", re.I)


def _extract(html: str, url: str | None) -> dict | None:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def may_be_too_deep(html: str) -> bool:
    """Enough container tags to nest past the parser's depth limit (a cheap upper bound)."""
    return len(_OPEN_TAG.findall(html)) >= MAX_DEPTH


def article_from_html(html: str, *, id: str, origin: str, url: str | None = None) -> RawArticle:
    data = _extract(html, url)
    if not (data or {}).get("text") and may_be_too_deep(html):
        data = _extract(_CONTAINER_TAG.sub(" ", html), url)   # the body without its containers
    if data is None:
        raise InputError("no article body found in HTML")
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

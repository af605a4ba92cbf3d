"""WARC files (web crawls, e.g. Common Crawl CC-NEWS) to raw articles.

Reading is split in two steps so a batch run can spread the expensive one over its workers:
`iter_warc_pages` walks the archive (cheap: decompression and header parsing, done by whoever
reads the input) and `page_to_article` extracts the article from one page's HTML with the same
HTML ingest as `lagebild analyze` (expensive: trafilatura, done by the worker). `read_warc` is
the two together, for `read_path`.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lagebild.ingest.decode import decode_bytes
from lagebild.ingest.html import article_from_html
from lagebild.ingest.records import IngestError, InputError, RawArticle

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# One news page is well under this; bigger payloads are media or dumps, not articles.
MAX_PAYLOAD_BYTES = 20_000_000


@dataclass
class WarcPage:
    """One HTML response of a crawl: enough to make the article without the archive."""
    id: str            # WARC-Record-ID without `<urn:uuid:...>` wrapping: unique and stable
    origin: str        # "<file>@<byte offset of the record>", where to find it again
    url: str | None
    charset: str | None  # from the HTTP Content-Type header, if it named one
    html: bytes


def _record_id(raw: str | None, fallback: str) -> str:
    rid = (raw or "").strip().strip("<>")
    return rid.removeprefix("urn:uuid:") or fallback


def iter_warc_pages(path: Path | str) -> Iterator[WarcPage | IngestError]:
    """The HTML responses (HTTP 200) of a WARC or WARC.gz file, in file order.

    Requests, metadata, redirects and non-HTML payloads (images, PDFs, robots.txt) are not
    articles and are passed over silently; an archive that breaks off mid-way yields one
    `IngestError` at the break and ends there.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    name = str(path)
    pos = 0
    try:
        for record in ArchiveIterator(name, record_types=WarcRecordType.response | WarcRecordType.resource,
                                      parse_http=True):
            pos = record.stream_pos
            origin = f"{name}@{pos}"
            if record.is_http:
                status = record.http_headers.status_code if record.http_headers else None
                if status != 200:
                    continue
                ctype = (record.http_content_type or "").lower()
            else:  # resource record: the block is the document itself
                ctype = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype not in HTML_TYPES:
                continue
            rid = _record_id(record.record_id, f"{Path(name).name}@{pos}")
            if record.content_length > MAX_PAYLOAD_BYTES:
                yield IngestError(rid, origin, f"page has {record.content_length:,} bytes, more than "
                                               f"{MAX_PAYLOAD_BYTES:,}: not a news article")
                continue
            yield WarcPage(id=rid, origin=origin, url=record.headers.get("WARC-Target-URI"),
                           charset=record.http_charset if record.is_http else None,
                           html=record.reader.read())
    except (OSError, ValueError) as err:
        yield IngestError(None, f"{name}@{pos}", f"cannot read WARC after this position: {err}")


def _decode(page: WarcPage) -> str:
    if page.charset:
        try:
            return page.html.decode(codecs.lookup(page.charset).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset header is common; fall back to detection
    text, _ = decode_bytes(page.html)
    return text


def page_to_article(page: WarcPage) -> RawArticle | IngestError:
    """The article in one crawled page, or an error record saying why there is none."""
    try:
        return article_from_html(_decode(page), id=page.id, origin=page.origin, url=page.url)
    except InputError as err:
        return IngestError(page.id, page.origin, str(err))


def read_warc(path: Path | str) -> Iterator[RawArticle | IngestError]:
    """Articles of a WARC(.gz) file: what `read_path` calls for `.warc` and `.warc.gz`."""
    for page in iter_warc_pages(path):
        yield page if isinstance(page, IngestError) else page_to_article(page)

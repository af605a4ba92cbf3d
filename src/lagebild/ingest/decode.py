"""Bytes to text: UTF-8 first, then charset detection for legacy encodings (Latin-1, cp1252).

Binary data is refused rather than decoded into garbage that would then be "analysed".
"""
from __future__ import annotations

from charset_normalizer import from_bytes

from lagebild.ingest.records import InputError

_BINARY_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block: a binary file, not text."""
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return the text and warnings about how it was decoded."""
    if looks_binary(data):
        raise InputError("binary data, not text (NUL or control bytes found)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # charset-normalizer often names latin-1 for cp1252 text; cp1252 is a superset for printable
    # characters (it adds „ “ – €), so prefer it unless it fails.
    if encoding.replace("_", "-") in ("latin-1", "iso8859-1", "iso-8859-1", "latin1"):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"
        text = data.decode(encoding)
    return text, [f"input was not UTF-8; decoded as {encoding}"]

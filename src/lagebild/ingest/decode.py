"""Bytes to text: a byte-order mark first, then UTF-8, then charset detection for legacy
encodings (Latin-1, cp1252).

Text that is UTF-8 except for a few bytes (a Latin-1 "ü" pasted into a UTF-8 line) keeps its
UTF-8 characters and reads only the bytes that are not UTF-8 as cp1252. Binary data is refused
rather than decoded into garbage that would then be "analysed".
"""
from __future__ import annotations

import codecs
import threading

from charset_normalizer import from_bytes

from lagebild.ingest.records import InputError

_BINARY_SNIFF = 8192
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_LATIN_GUESSES = {"cp1252", "cp1250", "cp1257", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2",
                  "iso8859_9", "cp1254", "windows_1252", "mac_roman", "ascii", "cp850", "cp437"}


_CP1252_BYTE = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
_FALLBACK = "lagebild.cp1252-bytes"
_fallback_count = threading.local()


def _bytes_as_cp1252(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes that are not UTF-8 read one by one as cp1252."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    chunk = err.object[err.start:err.end]
    _fallback_count.n = getattr(_fallback_count, "n", 0) + len(chunk)
    return "".join(_CP1252_BYTE[b] for b in chunk), err.end


codecs.register_error(_FALLBACK, _bytes_as_cp1252)


def _unlikely(text: str) -> int:
    """Characters German text in UTF-8 or cp1252 hardly has (IPA to Syriac, CJK): what UTF-8
    decoding makes of cp1252 byte pairs such as "ß“"."""
    return sum(1 for ch in text if 0x250 <= ord(ch) < 0x2000 or 0x3000 <= ord(ch) < 0xFB00)


def utf8_with_cp1252_bytes(data: bytes) -> tuple[str, int]:
    """(text, how many bytes were read as cp1252): UTF-8 where the bytes are UTF-8, cp1252 for
    each byte that is not. Text whose UTF-8 reading gives more unlikely characters than reading
    it all as cp1252 is read all as cp1252 (count: every non-ASCII byte)."""
    _fallback_count.n = 0
    mixed = data.decode("utf-8", errors=_FALLBACK)
    bad = _fallback_count.n
    whole = "".join(_CP1252_BYTE[b] for b in data) if bad else mixed
    if bad and _unlikely(mixed) > _unlikely(whole):
        return whole, sum(1 for b in data if b >= 128)
    return mixed, bad


def bom_codec(head: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when `head` starts with a byte-order mark, else None."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block: a binary file, not text."""
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return the text and warnings about how it was decoded."""
    if (found := bom_codec(data)) is not None:
        codec, skip = found
        try:
            return data[skip:].decode(codec), ([] if codec == "utf-8" else [f"input was {codec}; decoded"])
        except UnicodeDecodeError:
            raise InputError(f"starts with a {codec} byte-order mark but is not valid {codec}") from None
    if looks_binary(data):
        raise InputError("binary data, not text (NUL or control bytes found)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if sum(b < 128 for b in data[:100_000]) >= 0.95 * len(data[:100_000]):
        # a few non-ASCII bytes in German text: UTF-8 with cp1252 bytes (detection guesses
        # wildly on so little)
        return _latin(data)
    best = from_bytes(data[:1_000_000]).best()
    guess = (best.encoding if best is not None else "cp1252").replace("-", "_").lower()
    # German news in a legacy encoding is cp1252 (a superset of Latin-1 for printable text, with
    # „ “ – €). Charset detection cannot tell the Latin code pages apart on short text, so any
    # Latin guess becomes cp1252; a clearly different guess (UTF-16, Cyrillic...) is kept.
    if guess in _LATIN_GUESSES:
        return _latin(data)
    for candidate in (guess, "cp1252", "latin_1"):
        try:
            return data.decode(candidate), [f"input was not UTF-8; decoded as {candidate}"]
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("cannot decode text")  # unreachable: latin_1 decodes any bytes


def _latin(data: bytes) -> tuple[str, list[str]]:
    text, bad = utf8_with_cp1252_bytes(data)
    return text, [cp1252_warning(bad)]


def cp1252_warning(count: int) -> str:
    return f"input was not UTF-8; {count:,} byte{'s' if count != 1 else ''} decoded as cp1252"

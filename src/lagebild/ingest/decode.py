"""Bytes to text: UTF-8 first, then charset detection for legacy encodings (Latin-1, cp1252).

Binary data is refused rather than decoded into garbage that would then be "analysed".
"""
from __future__ import annotations

from charset_normalizer import from_bytes

from lagebild.ingest.records import InputError

_BINARY_SNIFF = 8192
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_LATIN_GUESSES = {"cp1252", "cp1250", "cp1257", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2",
                  "iso8859_9", "cp1254", "windows_1252", "mac_roman", "ascii", "cp850", "cp437"}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block: a binary file, not text."""
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return the text and warnings about how it was decoded."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), ([] if codec == "utf-8" else [f"input was {codec}; decoded"])
            except UnicodeDecodeError:
                raise InputError(f"starts with a {codec} byte-order mark but is not valid {codec}") from None
    if looks_binary(data):
        raise InputError("binary data, not text (NUL or control bytes found)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if sum(b < 128 for b in data[:100_000]) >= 0.95 * len(data[:100_000]):
        # a few non-ASCII bytes in German text: cp1252 (detection guesses wildly on so little)
        return data.decode("cp1252", errors="replace"), ["input was not UTF-8; decoded as cp1252"]
    best = from_bytes(data[:1_000_000]).best()
    guess = (best.encoding if best is not None else "cp1252").replace("-", "_").lower()
    # German news in a legacy encoding is cp1252 (a superset of Latin-1 for printable text, with
    # „ “ – €). Charset detection cannot tell the Latin code pages apart on short text, so any
    # Latin guess becomes cp1252; a clearly different guess (UTF-16, Cyrillic...) is kept.
    encoding = "cp1252" if guess in _LATIN_GUESSES else guess
    for candidate in (encoding, "cp1252", "latin_1"):
        try:
            return data.decode(candidate), [f"input was not UTF-8; decoded as {candidate}"]
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("cannot decode text")  # unreachable: latin_1 decodes any bytes

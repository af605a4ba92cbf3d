"""Every file of resources/de/ follows the one rule of `lagebild.paths.parse_resource`: a column
header (after optional `#` comments), TAB-separated rows no wider than the header, NFC text."""
from __future__ import annotations

import unicodedata

import pytest

from lagebild import paths

FILES = sorted(p.name for p in paths.RESOURCES_DIR.glob("*.tsv"))


@pytest.mark.parametrize("name", FILES)
def test_file_has_a_header_and_rows_that_fit_it(name):
    text = paths.resource(name).read_text(encoding="utf-8")
    header, rows = paths.parse_resource(text)
    assert header and all(h and h == h.strip() and h.isidentifier() for h in header), header
    assert rows and all(len(r) <= len(header) for r in rows)
    assert text == unicodedata.normalize("NFC", text)


def test_parse_resource_skips_comments_and_blank_lines():
    header, rows = paths.parse_resource("# a comment\nform\tkind\n\nA\tx\n# another\nB\ty\n")
    assert header == ["form", "kind"] and rows == [["A", "x"], ["B", "y"]]

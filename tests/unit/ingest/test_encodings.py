"""Text encodings of every text format: UTF-8 with stray cp1252 bytes decoded per line, UTF-16
and UTF-32 with a byte-order mark; record ids and damaged streams reported as they are."""
from __future__ import annotations

import gzip
import json

import pytest

from lagebild.ingest import IngestError, RawArticle, read_inputs
from lagebild.ingest.decode import decode_bytes, utf8_with_cp1252_bytes

GERMAN = "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen. Der Minister sagte, es gebe keine Alternative."
MIXED_LINE = ('{"id": "m", "text": "Der Generalsekretär sprach mit den '.encode("utf-8")
              + b'B\xfcrgern \xfcber das Gesetz."}\n')


def _items(*paths):
    return list(read_inputs([str(p) for p in paths]))


def test_a_latin1_byte_in_a_utf8_jsonl_line_keeps_the_utf8_characters(tmp_path):
    f = tmp_path / "a.jsonl"
    good = json.dumps({"id": "g", "text": "Die Bürgerin in Köln"}, ensure_ascii=False).encode("utf-8") + b"\n"
    f.write_bytes(good + MIXED_LINE + good.replace(b'"g"', b'"h"'))
    first, mixed, last = _items(f)
    assert mixed.text == "Der Generalsekretär sprach mit den Bürgern über das Gesetz."
    assert mixed.warnings == ["input was not UTF-8; 2 bytes decoded as cp1252"]
    assert first.text == last.text == "Die Bürgerin in Köln"
    assert first.warnings == last.warnings == []


def test_a_line_all_in_cp1252_is_read_as_cp1252():
    text = "Er sagte „Gruß“ und ging – so die Süddeutsche."
    decoded, warnings = decode_bytes(text.encode("cp1252"))
    assert decoded == text and warnings and "decoded as cp1252" in warnings[0]


def test_cp1252_bytes_that_happen_to_form_utf8_stay_cp1252():
    # "ß“" in cp1252 is DF 93, a valid UTF-8 pair (U+07D3); the whole line reads as cp1252.
    text, bad = utf8_with_cp1252_bytes("„groß“ und „Fuß“ – gut.".encode("cp1252"))
    assert text == "„groß“ und „Fuß“ – gut." and bad > 0


def test_a_latin1_byte_in_a_csv_row_keeps_the_utf8_characters_and_flags_that_row(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes("id,text\ng,Die Bürgerin in Köln\n".encode("utf-8")
                  + "m,Der Generalsekretär sprach mit den ".encode("utf-8") + b"B\xfcrgern.\n")
    good, mixed = _items(f)
    assert good.text == "Die Bürgerin in Köln" and good.warnings == []
    assert mixed.text == "Der Generalsekretär sprach mit den Bürgern."
    assert mixed.warnings == ["input was not UTF-8; 1 byte decoded as cp1252"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_with_a_byte_order_mark_is_read(tmp_path, codec, gz):
    lines = "".join(json.dumps({"id": f"r{i}", "text": f"{GERMAN} Bürger {i}."}, ensure_ascii=False) + "\r\n"
                    for i in range(3))
    data = _with_bom(lines, codec)
    f = tmp_path / ("a.jsonl.gz" if gz else "a.jsonl")
    f.write_bytes(gzip.compress(data) if gz else data)
    items = _items(f)
    assert [i.id for i in items] == ["r0", "r1", "r2"] and all(isinstance(i, RawArticle) for i in items)
    assert items[2].text == f"{GERMAN} Bürger 2."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_csv_with_a_byte_order_mark_is_read(tmp_path, codec):
    f = tmp_path / "a.csv"
    f.write_bytes(_with_bom(f'id,date,text\r\n1,2009-12-17,"{GERMAN} Bürger."\r\n2,2009-12-18,Zwei\r\n', codec))
    first, second = _items(f)
    assert (first.id, first.date, first.text) == ("1", "2009-12-17", f"{GERMAN} Bürger.")
    assert (second.id, second.text) == ("2", "Zwei")


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_txt_and_html_with_a_utf16_byte_order_mark_are_read(tmp_path, suffix):
    body = GERMAN if suffix == ".txt" else f"<html><body><article><p>{GERMAN}</p></article></body></html>"
    f = tmp_path / f"a{suffix}"
    f.write_bytes(body.encode("utf-16"))
    [art] = _items(f)
    assert isinstance(art, RawArticle) and GERMAN in art.text


def test_a_broken_utf16_jsonl_keeps_the_lines_before_the_damage(tmp_path):
    good = "".join(json.dumps({"id": f"r{i}", "text": GERMAN}) + "\n" for i in range(3)).encode("utf-16")
    f = tmp_path / "a.jsonl"
    f.write_bytes(good + b"\x00\xd8\x41")   # a lone high surrogate, then half a unit
    items = _items(f)
    assert [i.id for i in items[:3]] == ["r0", "r1", "r2"]
    assert isinstance(items[-1], IngestError) and "not valid utf-16" in items[-1].reason


def _with_bom(text: str, codec: str) -> bytes:
    if codec == "utf-16-le":
        return b"\xff\xfe" + text.encode(codec)
    if codec == "utf-16-be":
        return b"\xfe\xff" + text.encode(codec)
    return text.encode(codec)   # utf-16, utf-32 and utf-8-sig write their own mark


def test_an_id_given_as_an_object_is_refused_and_the_error_record_has_no_python_repr(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": {"a": 1}, "text": "Die Regierung hat beschlossen."}\n'
                 '{"id": ["x"], "text": "Die Regierung hat beschlossen."}\n', encoding="utf-8")
    errors = _items(f)
    assert [e.reason for e in errors] == ["'id' must be a string or a number, not an object",
                                          "'id' must be a string or a number, not a list"]
    assert [e.id for e in errors] == [None, None]
    assert [e.origin for e in errors] == [f"{f}:1", f"{f}:2"]


def test_a_gz_damaged_in_its_first_block_says_so_not_after_line_0(tmp_path):
    data = bytearray(gzip.compress(b"".join(json.dumps({"id": f"r{i}", "text": GERMAN}).encode() + b"\n"
                                            for i in range(50))))
    for k in range(12, 40):
        data[k] ^= 0xFF
    f = tmp_path / "a.jsonl.gz"
    f.write_bytes(bytes(data))
    [err] = _items(f)
    assert isinstance(err, IngestError) and err.origin == str(f)
    assert err.reason.startswith("damaged compressed file: damaged before the first record (")
    assert "nothing of this file is read" in err.reason and "line 0" not in err.reason


def test_a_utf16_csv_that_breaks_off_keeps_the_rows_before(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(f"id,text\n1,{GERMAN}\n".encode("utf-16") + b"\x00\xd8\x41")
    items = _items(f)
    assert isinstance(items[0], RawArticle) and items[0].id == "1"
    assert isinstance(items[-1], IngestError) and "not valid utf-16" in items[-1].reason
    assert "the rest of this file is not read" in items[-1].reason

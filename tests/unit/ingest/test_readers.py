"""Ingest: every input kind, and every kind of bad input, gives an article or a clear error."""
from __future__ import annotations

import gzip
import json

import pytest

from lagebild.ingest import IngestError, RawArticle, read_inputs
from lagebild.ingest.dateline import find_dateline
from lagebild.ingest.decode import decode_bytes, looks_binary
from lagebild.ingest.records import InputError

GERMAN = "Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen. Der Minister sagte, es gebe keine Alternative."


def _items(*paths):
    return list(read_inputs([str(p) for p in paths]))


def test_txt_is_read_unchanged(tmp_path):
    text = "Moskau. " + GERMAN + "\n\n  Zweiter Absatz.  \n"
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    [art] = _items(f)
    assert isinstance(art, RawArticle)
    assert art.text == text and art.id == "a"


def test_utf8_bom_is_dropped(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + GERMAN.encode())
    [art] = _items(f)
    assert art.text == GERMAN


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encodings_are_decoded_and_flagged(tmp_path, encoding):
    text = "Der Außenminister äußerte sich über die Größe des Übels – so die Süddeutsche." if encoding == "cp1252" \
        else "Der Außenminister äußerte sich über die Größe des Übels in München."
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode(encoding))
    [art] = _items(f)
    assert art.text == text
    assert any("not UTF-8" in w for w in art.warnings)


def test_binary_file_is_an_error(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(bytes(range(256)) * 40)
    [err] = _items(f)
    assert isinstance(err, IngestError) and "binary" in err.reason
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_missing_file_is_an_error(tmp_path):
    [err] = _items(tmp_path / "nope.txt")
    assert isinstance(err, IngestError) and "not found" in err.reason


def test_jsonl_broken_line_in_the_middle_does_not_stop_the_corpus(tmp_path):
    f = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a", "text": GERMAN, "date": "2020-01-02", "title": "T"}),
             '{"id": "b", "text": "unterminated',
             json.dumps({"id": "c", "text": GERMAN}),
             json.dumps({"id": "d", "title": "no text"}),
             json.dumps([1, 2])]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(f)
    assert [type(i).__name__ for i in items] == ["RawArticle", "IngestError", "RawArticle", "IngestError", "IngestError"]
    assert items[0].title == "T" and items[0].date == "2020-01-02"
    assert items[1].origin.endswith("corpus.jsonl:2") and "broken JSON" in items[1].reason
    assert items[3].id == "d" and "text" in items[3].reason


def test_jsonl_gz(tmp_path):
    f = tmp_path / "corpus.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x", "text": GERMAN}) + "\n")
    [art] = _items(f)
    assert art.id == "x" and art.text == GERMAN


def test_csv_corpus(tmp_path):
    f = tmp_path / "corpus.csv"
    f.write_text('id,title,date,url,source,text\n1,Titel,2021-03-04,http://x,Quelle,"' + GERMAN + '"\n2,,,,,\n',
                 encoding="utf-8")
    items = _items(f)
    assert items[0].id == "1" and items[0].text == GERMAN and items[0].source == "Quelle"
    assert isinstance(items[1], RawArticle) and items[1].text == ""  # empty text is refused later, by analyze


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    [err] = _items(f)
    assert isinstance(err, IngestError) and "'text' column" in err.reason


def test_html_article_body_and_metadata(tmp_path):
    body = " ".join([GERMAN] * 6)
    html = f"""<html><head><title>Neues Gesetz beschlossen</title>
    <meta property="article:published_time" content="2021-05-06T10:00:00Z"></head>
    <body><nav>Startseite Politik Wirtschaft</nav><article><h1>Neues Gesetz beschlossen</h1>
    <p>{body}</p><p>{body}</p></article><footer>Impressum Datenschutz</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    [art] = _items(f)
    assert isinstance(art, RawArticle)
    assert "Bundesregierung" in art.text and "Impressum" not in art.text
    assert art.title == "Neues Gesetz beschlossen" and art.date == "2021-05-06"


def test_html_without_article_body_is_an_error(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [err] = _items(f)
    assert isinstance(err, IngestError) and "no article body" in err.reason


def test_folder_of_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(GERMAN)
    (tmp_path / "sub" / "b.txt").write_text(GERMAN)
    assert sorted(i.id for i in _items(tmp_path)) == ["a", "b"]


@pytest.mark.parametrize("text, dateline", [
    ("Moskau. Die Nato und Russland haben...", "Moskau"),
    ("Berlin (dpa) - Die Bundesregierung...", "Berlin"),
    ("Frankfurt am Main. Die Börse...", "Frankfurt am Main"),  # a listed connector inside the place
    ("Die Nato und Russland haben. Moskau.", None),
    ("Bad Homburg – Die Stadt...", "Bad Homburg"),
    ("Er sagte. Das war es.", None),
])
def test_dateline(text, dateline):
    assert find_dateline(text) == dateline


def test_decode_errors_are_input_errors():
    with pytest.raises(InputError):
        decode_bytes(b"\x00\x01\x02binary")


def _gz_corpus(tmp_path, n=40):
    lines = [json.dumps({"id": f"r{i}", "text": f"{GERMAN} Nummer {i}."}) + "\n" for i in range(n)]
    return b"".join(line.encode() for line in lines)


def test_truncated_jsonl_gz_keeps_the_records_before_and_reads_the_next_input(tmp_path):
    data = gzip.compress(_gz_corpus(tmp_path))
    broken = tmp_path / "a.jsonl.gz"
    broken.write_bytes(data[: len(data) * 2 // 3])
    nxt = tmp_path / "b.txt"
    nxt.write_text(GERMAN, encoding="utf-8")
    items = _items(broken, nxt)
    articles = [i for i in items if isinstance(i, RawArticle)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert articles[-1].id == "b" and len(articles) > 2
    assert [a.id for a in articles[:-1]] == [f"r{i}" for i in range(len(articles) - 1)]
    assert len(errors) == 1 and "damaged compressed file" in errors[0].reason
    assert "rest of this file is not read" in errors[0].reason


def test_gz_damaged_in_the_middle_is_an_error_record_not_a_traceback(tmp_path):
    data = bytearray(gzip.compress(_gz_corpus(tmp_path, 400)))
    for k in range(len(data) // 2, len(data) // 2 + 40):
        data[k] ^= 0xFF
    broken = tmp_path / "a.jsonl.gz"
    broken.write_bytes(bytes(data))
    items = _items(broken)
    assert isinstance(items[-1], IngestError) and "damaged compressed file" in items[-1].reason
    assert isinstance(items[0], RawArticle) and items[0].id == "r0"   # the lines before the damage


def test_batch_source_reads_a_truncated_gz_like_analyze(tmp_path):
    from lagebild.batch.sources import _jsonl_lines

    data = gzip.compress(_gz_corpus(tmp_path))
    broken = tmp_path / "a.jsonl.gz"
    broken.write_bytes(data[: len(data) // 2])
    items = list(_jsonl_lines(broken))
    assert isinstance(items[-1], IngestError) and "damaged compressed file" in items[-1].reason
    assert len(items) > 1


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark_are_text(tmp_path, codec):
    f = tmp_path / "a.txt"
    data = GERMAN.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    f.write_bytes(data)
    [art] = _items(f)
    assert isinstance(art, RawArticle) and art.text == GERMAN


def test_one_latin1_byte_in_a_jsonl_line_is_cp1252_not_a_baltic_code_page(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_bytes(b'{"id": "x", "text": "Die B\xfcrger in Wien stimmen am Sonntag \xfcber das neue Gesetz ab."}\n')
    [art] = _items(f)
    assert "Bürger" in art.text and "über" in art.text


@pytest.mark.parametrize("depth", [50, 256, 300, 2000])
def test_deeply_nested_html_keeps_its_body(tmp_path, depth):
    body = f"<p>{GERMAN}</p>"
    f = tmp_path / "a.html"
    f.write_text("<html><head><title>Gesetz</title></head><body>" + "<div>" * depth + body
                 + "</div>" * depth + "</body></html>", encoding="utf-8")
    [art] = _items(f)
    assert isinstance(art, RawArticle) and "neues Gesetz beschlossen" in art.text


@pytest.mark.parametrize("line, reason", [
    ('{"id": "a", "text": "Zeile\x01"}', "Invalid control character at column"),
    ('{"text": 12345}', "'text' must be a string, not a number"),
    ('{"id": {"x": 1}, "text": "Die Regierung hat beschlossen."}', "'id' must be a string or a number, not an object"),
    ('{"id": "a"}', "record has no 'text' field"),
])
def test_jsonl_line_errors_say_what_is_wrong(tmp_path, line, reason):
    f = tmp_path / "a.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    [err] = _items(f)
    assert isinstance(err, IngestError) and reason in err.reason and "at at" not in err.reason


def test_numeric_id_is_kept_as_text(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": 17, "text": "Die Regierung hat beschlossen."}\n', encoding="utf-8")
    [art] = _items(f)
    assert art.id == "17"


def test_empty_folder_is_an_error_record(tmp_path):
    (tmp_path / "leer").mkdir()
    [err] = _items(tmp_path / "leer")
    assert isinstance(err, IngestError) and "no article files" in err.reason


def test_headerless_csv_error_is_short(tmp_path):
    f = tmp_path / "a.csv"
    long_text = "Die Regierung hat am Montag beschlossen, " * 50
    f.write_text(f"1,{long_text},2016-01-01\n2,{long_text},2016-01-02\n", encoding="utf-8")
    [err] = _items(f)
    assert "header row with a 'text' column" in err.reason and len(err.reason) < 300


@pytest.mark.parametrize("name, kind", [
    ("a.jsonl", "jsonl"), ("a.JSONL.GZ", "jsonl"), ("a.ndjson", "jsonl"), ("a.ndjson.gz", "jsonl"),
    ("a.csv", "csv"), ("crawl.warc", "warc"), ("crawl.warc.gz", "warc"), ("t.parquet", "parquet"),
    ("p.html", "html"), ("p.HTM", "html"), ("p.xhtml", "html"), ("a.txt", "txt"), ("README", "txt"),
    ("hdfs:///corpus/part-0.ndjson.gz", "jsonl"), ("file:/x/y.parquet", "parquet"),
])
def test_one_function_decides_the_input_kind(name, kind):
    from lagebild.ingest.readers import input_kind

    assert input_kind(name) == kind


def test_ndjson_gz_is_read_as_jsonl(tmp_path):
    f = tmp_path / "a.ndjson.gz"
    f.write_bytes(gzip.compress(b'{"id": "n1", "text": "Die Regierung hat beschlossen."}\n'))
    [art] = _items(f)
    assert isinstance(art, RawArticle) and art.id == "n1"

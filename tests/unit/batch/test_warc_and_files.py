"""WARC files, CSV and folders of .txt/.html through the batch runner, as `lagebild analyze` reads
them."""
from __future__ import annotations

import io
import json

import pytest

from lagebild.analysis import analyze_stream
from lagebild.batch import BatchOptions, run_batch
from lagebild.ingest import read_inputs, read_path
from lagebild.ingest.records import IngestError, RawArticle
from lagebild.ingest.warc import iter_warc_pages, page_to_article

from batch_corpus import german, read_articles, read_errors

warcio = pytest.importorskip("warcio", reason="warcio writes the test WARC files")


def page(i: int) -> str:
    paras = "".join(f"<p>{german(i + k)}</p>" for k in range(3))
    return (f"<html><head><title>Meldung {i}</title><meta name='date' content='2024-05-0{i + 1}'>"
            f"</head><body><nav><a href='/'>Startseite</a></nav><article><h1>Meldung {i}</h1>"
            f"{paras}</article><footer>Impressum</footer></body></html>")


def write_warc(path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = [
        ("https://zeitung.example/a0", "200 OK", "text/html; charset=utf-8", page(0).encode()),
        ("https://zeitung.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("https://zeitung.example/a1", "200 OK", "text/html; charset=windows-1252", page(1).encode("cp1252")),
        ("https://zeitung.example/weg", "404 Not Found", "text/html", b"<html>weg</html>"),
        ("https://zeitung.example/leer", "200 OK", "text/html", b"<html><body><p>Nur kurz.</p></body></html>"),
    ]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_gives_html_articles_and_skips_what_is_not_one(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = list(read_path(path))
    assert [type(i) for i in items] == [RawArticle, RawArticle, IngestError]
    a0, a1, empty = items
    assert a0.url == "https://zeitung.example/a0" and a0.title == "Meldung 0"
    assert "Bundesregierung" in a0.text and "Impressum" not in a0.text
    assert "München" in a1.text  # cp1252 page decoded by its charset header
    assert "no article body" in empty.reason and empty.origin.startswith(f"{path}@")
    assert len({a0.id, a1.id, empty.id}) == 3 and a0.origin != a1.origin
    # the two steps the batch runner spreads over processes give the same as read_warc
    split = [p if isinstance(p, IngestError) else page_to_article(p) for p in iter_warc_pages(path)]
    assert split == items


def test_broken_warc_is_an_error_record_not_a_crash(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc")
    items = list(read_path(path))
    assert all(isinstance(i, IngestError) for i in items)


def test_folder_of_txt_html_and_warc_equals_analyze(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "eins.txt").write_text(german(3), encoding="utf-8")
    (folder / "zwei.html").write_text(page(4), encoding="utf-8")
    (folder / "leer.txt").write_text("   ", encoding="utf-8")
    (folder / "drei.csv").write_text(f"id;title;text\nc1;Eins;{german(5)}\nc2;Zwei;{german(6)}\n",
                                     encoding="utf-8")
    write_warc(folder / "crawl.warc.gz")
    out = tmp_path / "out"
    summary = run_batch(BatchOptions([str(folder)], out, workers=2, chunk_size=2, formats=("jsonl",)))
    assert (summary.analysed, summary.errors) == (6, 2)
    got = read_articles(out)
    # what `lagebild analyze` gives for the same inputs (it is given the WARC file by name)
    inputs = [str(folder), str(folder / "crawl.warc.gz")]
    want = {a.id: a.to_json() for a in analyze_stream(read_inputs(inputs)) if not isinstance(a, IngestError)}
    assert got == want
    reasons = {e["origin"].rsplit("/", 1)[-1].split("@")[0]: e["reason"] for e in read_errors(out)}
    assert reasons == {"leer.txt": "text is only whitespace", "crawl.warc.gz": reasons["crawl.warc.gz"]}
    assert json.dumps(got, ensure_ascii=False).count("Bundesregierung") >= 4


def test_batch_and_analyze_walk_folders_alike(tmp_path):
    """One input walk: an empty folder and a missing path are error records for both."""
    from lagebild.batch.sources import iter_tasks
    from lagebild.ingest import read_inputs

    (tmp_path / "leer").mkdir()
    inputs = [str(tmp_path / "leer"), str(tmp_path / "fehlt.txt")]
    analysed = [(e.origin, e.reason) for e in read_inputs(inputs)]
    batched = [(e.origin, e.reason) for e in iter_tasks(inputs)]
    assert [o for o, _ in analysed] == [o for o, _ in batched] == inputs
    assert analysed[0][1] == "folder holds no article files (.txt .html .jsonl .jsonl.gz .csv)"
    assert batched[0][1] == ("folder holds no article files (.txt .html .jsonl .jsonl.gz .csv .warc .warc.gz "
                             ".parquet)")
    assert analysed[1][1] == batched[1][1] == "file not found"

"""Datelines and agency credits: found with their offsets, for every input kind, and never
entities."""
from __future__ import annotations

import io
import json

import pytest

from lagebild.analysis import prepare
from lagebild.article import Article
from lagebild.ingest import read_path
from lagebild.ingest.dateline import find_credits
from lagebild.schema import validate

BODY = ("Ministerpräsident soll ein Kabinett bilden. Rabat – Der König von Marokko hat am Dienstag "
        "den Ministerpräsidenten entlassen. Er sagte, das sei nötig gewesen.  (APA, 12.9.2015)")


def _texts(text: str, credits) -> tuple[str | None, list[str]]:
    place = text[credits.dateline.start:credits.dateline.end] if credits.dateline else None
    return place, [text[a.start:a.end] for a in credits.agency]


@pytest.mark.parametrize("text, place, agency", [
    ("BERLIN (dpa) – Die Bundesregierung hat beschlossen.", "BERLIN", ["(dpa)"]),
    ("Wien (APA/dpa) – Die SPÖ tagt.", "Wien", ["(APA/dpa)"]),
    ("Kabinett Renzi unter Druck. Rom – Hunderte Sparer protestieren.", "Rom", []),
    ("Streit um Quartier. Hallwang/Salzburg – Gegen ein Quartier gibt es Protest.", "Hallwang/Salzburg", []),
    ("Die Grünen klagen. St. Pölten / Wien – Die Grünen wollen klagen.", "St. Pölten / Wien", []),
    ("Streit eskaliert. Istanbul- Der Konflikt geht weiter.", "Istanbul", []),
    ("AFP: Arbeiter verschwunden. Damaskus – Bei einem Überfall starben drei.", "Damaskus", ["AFP"]),
    ("Von unserem Korrespondenten Max Muster\nMoskau – Der Kreml schweigt.", "Moskau", ["Von unserem Korrespondenten Max Muster"]),
    (BODY, "Rabat", ["(APA, 12.9.2015)"]),
    ("Die Bank spart. Wien – Der Betriebsrat warnt. (Renate Graber, 23.11.2015", "Wien", ["(Renate Graber, 23.11.2015"]),
    ("Die Regierung tritt zurück. Das teilte sie mit. (Reuters, APA, red)", None, ["(Reuters, APA, red)"]),
    ("Das Parlament tagt morgen wieder.\n\ndpa/AFP", None, ["dpa/AFP"]),
])
def test_dateline_and_credits_with_offsets(text, place, agency):
    assert _texts(text, find_credits(text)) == (place, agency)


@pytest.mark.parametrize("text", [
    "Die Nato und Russland haben. Moskau.",
    "Papst Benedikt XVI. will am Sonntag sprechen.",
    "Ahmed A. war in Afghanistan als Übersetzer tätig.",
    "Der Verein plant für die kommende 2. Liga- Saison mit neuen Spielern.",
    "Das Spiel endete 3:0 (1:0) \n Bayer Leverkusen - Borussia Dortmund 2:1.",
    "Der Bürgermeister kritisiert \"einseitige\" Reportage – ORF weist Vorwürfe zurück.",
    "Bewährungs- und Geldstrafe für einen Mann. Er hatte gestohlen.",
    "Die Raumfahrt plant einen Start (07.12.2005)",
    "Er erholt sich von der Verletzung (nach Kreuzbandriss)",
])
def test_no_dateline_or_credit_where_there_is_none(text):
    credits = find_credits(text)
    assert credits.dateline is None and credits.agency == []


def test_a_headline_dash_gives_way_to_the_dateline_after_the_lead():
    text = "Neue Kämpfe im Donbass - Streit um Bataillone. Kiew – Die Armee meldet Gefechte."
    assert _texts(text, find_credits(text)) == ("Kiew", [])


def _analysed_meta(item) -> dict:
    article = prepare(item)
    data = article.to_json()
    validate(data)
    return data["meta"]


def _kinds(tmp_path) -> dict:
    html = f"<html><head><title>T</title></head><body><article><p>{BODY}</p></article></body></html>"
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j1", "text": BODY}) + "\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("id,text\nc1,\"" + BODY.replace('"', '""') + "\"\n", encoding="utf-8")
    return {"txt": "a.txt", "html": "a.html", "jsonl": "a.jsonl", "csv": "a.csv"}


@pytest.mark.parametrize("kind", ["txt", "html", "jsonl", "csv"])
def test_every_input_kind_gets_dateline_and_agency(tmp_path, kind):
    [item] = list(read_path(tmp_path / _kinds(tmp_path)[kind]))
    meta = _analysed_meta(item)
    assert meta["dateline"] == "Rabat" and meta["dateline_span"]["text"] == "Rabat"
    assert [a["text"] for a in meta["agency"]] == ["(APA, 12.9.2015)"]


def test_warc_pages_get_dateline_and_agency(tmp_path):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = f"<html><head><title>T</title></head><body><article><p>{BODY}</p></article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://zeitung.example/a", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))
    assert warcio is not None
    [item] = list(read_path(path))
    meta = _analysed_meta(item)
    assert meta["dateline"] == "Rabat" and [a["text"] for a in meta["agency"]] == ["(APA, 12.9.2015)"]


def test_meta_round_trip_and_old_outputs():
    data = prepare(next(read_path_text(BODY))).to_json()
    assert Article.from_json(data).to_json() == data
    old = {k: v for k, v in data["meta"].items() if k not in ("dateline_span", "agency")}
    assert Article.from_json({**data, "meta": old}).meta.agency == []


def read_path_text(text: str):
    from lagebild.ingest.records import RawArticle

    yield RawArticle(id="x", text=text, origin="test")

"""HTML pages: rendered from the store, corpus text always escaped, offline (no CDN)."""
from __future__ import annotations

import re


def test_overview_page(client):
    html = client.get("/").text
    assert "Korpus-Überblick" in html and "Anders Fogh Rasmussen" in html
    assert "Nato und Russland starten Neuanfang" in html


def test_article_page_highlights_entities_and_quotes(client, corpus):
    html = client.get(f"/articles/{corpus[0]['id']}").text
    assert html.count('class="seg q qt-') >= len(corpus[0]["quotes"])
    assert 'data-speaker-of="' in html and 'data-cue-of="' in html
    assert re.search(r'<a class="ent et-PER" href="/entities/per-anders-fogh-rasmussen"', html)
    assert 'id="quote-data"' in html


def test_markup_in_the_corpus_renders_as_text(client):
    r = client.get("/articles/markup-2010")
    assert r.status_code == 200
    html = r.text
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "<b>Kein Fett</b>" not in html and "<i>Markup</i>" not in html
    quotes = client.get("/quotes", params={"q": "Fett"}).text
    assert "&lt;b&gt;Kein Fett&lt;/b&gt;" in quotes and "<b>Kein Fett</b>" not in quotes
    # the JSON for the click panel is escaped for a <script> element too
    data = re.search(r'<script type="application/json" id="quote-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data


def test_entity_page(client):
    html = client.get("/entities/per-anders-fogh-rasmussen").text
    assert "Nato-Generalsekretär" in html and "Zeitleiste" in html and "Entschlossenheit" in html
    timeline = re.search(r'<ul class="bars timeline">(.*?)</ul>', html, re.S).group(1)
    months = re.findall(r'<time>([\d-]+)</time><span class="bar" style="width: ([\d.]+)%"></span>'
                        r'<span class="count">(\d+) Art\. · \d+ Zit\.</span>', timeline)
    assert [m[0] for m in months] == ["2009-12", "2010-01"] and max(float(m[1]) for m in months) == 100.0


def test_overview_bars_are_articles_per_day(client):
    html = client.get("/").text
    bars = re.search(r'<h2>Artikel pro Tag</h2>\s*<ul class="bars">(.*?)</ul>', html, re.S).group(1)
    days = re.findall(r'<time>(\d{4}-\d\d-\d\d)</time><span class="bar" style="width: ([\d.]+)%"></span>'
                      r'<span class="count">(\d+)</span>', bars)
    assert days and days == sorted(days) and max(float(d[1]) for d in days) == 100.0


def test_quote_search_page_and_bad_input(client):
    html = client.get("/quotes", params={"speaker": "Lawrow"}).text
    assert "1 Zitat gefunden" in html
    bad = client.get("/quotes", params={"date_from": "morgen", "type": "x", "offset": "abc"})
    assert bad.status_code == 200 and "kein Datum" in bad.text


def test_unknown_pages_are_404(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/entities/nope").status_code == 404


def test_pages_work_offline(client):
    for path in ("/", "/articles/nato-russland-2009", "/entities/per-anders-fogh-rasmussen", "/quotes"):
        html = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', html), path
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/docs").status_code == 404  # FastAPI's docs page would load a CDN


def test_document_ids_with_url_characters_open_in_pages_and_api(filled_store, corpus):
    import copy
    from html import unescape as html_unescape
    from urllib.parse import quote, unquote

    from fastapi.testclient import TestClient

    from lagebild.api.app import create_app
    from lagebild.store.ingest import ingest_articles

    ids = ["https://example.org/2009/12/nato?page=2#top", "a/b", "frage?", "raute#1"]
    articles = []
    for n, doc_id in enumerate(ids):
        art = copy.deepcopy(corpus[0])
        art["id"] = doc_id
        art["meta"]["title"] = f"URL-Kennung {n}"
        art["text"] += f" Zusatz {n}."   # another text: the store keeps one copy of a text
        articles.append(art)
    ingest_articles(filled_store, articles)
    with TestClient(create_app(filled_store)) as client:
        front = client.get("/").text
        links = re.findall(r'href="(/articles/[^"]+)"', front)
        opened = set()
        for link in links:   # every link of the front page opens its article
            page = client.get(html_unescape(link))
            assert page.status_code == 200, link
            opened.add(unquote(html_unescape(link)).removeprefix("/articles/"))
        assert set(ids) <= opened
        for doc_id in ids:
            api = client.get(f"/api/documents/{quote(doc_id, safe='')}")
            assert api.status_code == 200 and api.json()["id"] == doc_id

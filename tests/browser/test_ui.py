"""The web UI in a real browser: overview -> article -> click a quote -> speaker page ->
quote search; plus corpus markup that must stay text."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_read_an_article_follow_a_quote_to_its_speaker_and_search(page, server, artifacts):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Korpus-Überblick"
    assert "Anders Fogh Rasmussen" in page.locator("section", has_text="Top-Sprecher").inner_text()
    page.screenshot(path=str(artifacts / "overview.png"), full_page=True)

    page.get_by_role("link", name="Nato und Russland starten Neuanfang").click()
    page.wait_for_url(re.compile(r"/articles/nato-russland-2009$"))
    assert page.locator(".ent.et-PER").count() > 5
    panel = page.locator("#quote-panel")
    assert panel.is_hidden()

    page.locator("[data-quote]", has_text="Das würde uns nicht nur").first.click()
    assert panel.is_visible()
    assert panel.locator(".qp-speaker").inner_text().startswith("Anders Fogh Rasmussen")
    assert panel.locator(".qp-cue").inner_text() == "sagte"
    assert panel.locator(".qp-type .badge").inner_text() == "direkt"
    assert page.locator(".seg.active").count() >= 2  # the quote and its cue light up
    page.screenshot(path=str(artifacts / "article-quote.png"), full_page=False)

    panel.locator("a.speaker-link").click()
    page.wait_for_url(re.compile(r"/entities/per-anders-fogh-rasmussen$"))
    assert page.locator("h1").inner_text().startswith("Anders Fogh Rasmussen")
    roles = page.locator("section", has_text="Rollen").inner_text()
    assert "Generalsekretär" in roles and "Nato-Generalsekretär" in roles  # both articles: one identity
    assert page.locator(".timeline li").count() == 2
    page.screenshot(path=str(artifacts / "entity.png"), full_page=True)

    page.locator("header .search input").fill("Raketenabwehr")
    page.locator("header .search input").press("Enter")
    page.wait_for_url(re.compile(r"/quotes\?q=Raketenabwehr"))
    assert page.locator(".result-count").inner_text() == "1 Zitat gefunden"
    page.locator(".quote-search input[name=speaker]").fill("Medwedew")
    page.locator(".quote-search input[name=q]").fill("")
    page.locator(".quote-search button").click()
    page.wait_for_url(re.compile(r"speaker=Medwedew"))
    count = int(page.locator(".result-count").inner_text().split()[0])
    assert count >= 3 and page.locator(".quote-item").count() == count
    page.screenshot(path=str(artifacts / "quotes.png"), full_page=True)
    assert page.dialogs == []


def test_markup_in_an_article_is_shown_as_text(page, server, artifacts):
    page.goto(server + "/articles/markup-2010")
    text = page.locator("#article-text").inner_text()
    assert "<script>alert('xss')</script>" in text and "<b>Kein Fett</b>" in text
    assert page.locator("#article-text script, #article-text b").count() == 0
    assert page.locator("h1").inner_text() == "<i>Markup</i> im Titel"
    page.locator("[data-quote]").first.click()
    assert page.locator("#quote-panel .qp-content").inner_text() == "„<b>Kein Fett</b> bitte“"
    page.screenshot(path=str(artifacts / "markup.png"))
    assert page.dialogs == []


def test_a_shared_surname_is_not_merged(page, server):
    page.goto(server + "/articles/daenemark-steuern-2010")
    page.locator("[data-quote]").first.click()
    page.locator("#quote-panel a.speaker-link").click()
    page.wait_for_url(re.compile(r"/entities/per-lars-lokke-rasmussen$"))
    assert "Anders" not in page.locator("main").inner_text()


def test_events_page_filter_and_follow_an_event_to_its_article(page, server, artifacts):
    page.goto(server + "/")
    page.locator("header nav").get_by_role("link", name="Ereignisse").click()
    page.wait_for_url(re.compile(r"/events$"))
    assert page.locator(".event-item").count() == 18
    pairs = page.locator("table.pair-table tbody tr")
    assert pairs.count() >= 1 and pairs.first.inner_text().startswith("Anders Fogh Rasmussen\tRussland")
    page.screenshot(path=str(artifacts / "events.png"), full_page=True)

    page.locator("form.event-search select[name=type]").select_option("REQUEST")
    page.locator("form.event-search button").click()
    page.wait_for_url(re.compile(r"/events\?.*type=REQUEST"))
    items = page.locator(".event-item")
    assert items.count() >= 1
    assert all(t == "Forderung" for t in items.locator(".etype-badge").all_inner_texts())

    items.first.locator(".meta a").last.click()
    page.wait_for_url(re.compile(r"/articles/nato-russland-2009#v\d+$"))
    assert page.locator(".seg.trg").count() >= 18   # every trigger highlighted in the text
    assert page.locator(".event-list li.event-ref").count() == 18

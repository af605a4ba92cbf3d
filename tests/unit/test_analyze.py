"""The analyze API: schema-valid output, and clear errors for input that cannot be analysed."""
from __future__ import annotations

import pytest

import lagebild
from lagebild.analysis import analyze_stream
from lagebild.dates import normalise_date
from lagebild.ingest import IngestError, RawArticle
from lagebild.schema import validate

GERMAN = ("Die Bundesregierung hat am Mittwoch ein neues Gesetz beschlossen. "
          "Der Minister sagte, es gebe keine Alternative.")


def test_analyze_returns_valid_schema():
    out = lagebild.analyze(GERMAN, date="2020-05-06", title="Gesetz", id="x1")
    validate(out)
    assert out["schema"] == "lagebild/1" and out["id"] == "x1"
    assert out["meta"]["date"] == "2020-05-06" and out["meta"]["title"] == "Gesetz"
    assert out["text"] == GERMAN
    assert len(out["sentences"]) == 2


def test_default_id_is_a_content_hash():
    assert lagebild.analyze(GERMAN)["id"] == lagebild.analyze(GERMAN)["id"]
    assert lagebild.analyze(GERMAN)["id"] != lagebild.analyze(GERMAN + " Ja.")["id"]


@pytest.mark.parametrize("text, reason", [("", "empty"), ("   \n\t  \n", "whitespace")])
def test_empty_and_whitespace_are_refused(text, reason):
    with pytest.raises(lagebild.InputError, match=reason):
        lagebild.analyze(text)


def test_huge_text_is_refused_with_its_size():
    huge = ("Das ist ein Satz. " * 1_200_000)[:20_000_000]
    with pytest.raises(lagebild.InputError, match="20,000,000 characters"):
        lagebild.analyze(huge)


@pytest.mark.parametrize("text, lang", [
    ("The government announced on Wednesday that it would not raise taxes this year, the minister said.", "en"),
    ("Le gouvernement a annoncé mercredi qu'il n'augmenterait pas les impôts cette année, a déclaré le ministre.", "fr"),
])
def test_non_german_is_flagged_not_analysed(text, lang):
    out = lagebild.analyze(text)
    validate(out)
    assert out["meta"]["language"] == lang
    assert any("not German" in w for w in out["meta"]["warnings"])
    assert out["sentences"] == [] and out["entities"] == [] and out["quotes"] == []


def test_short_text_is_analysed_with_a_warning():
    out = lagebild.analyze("Ja.")
    assert out["meta"]["language"] == "de"
    assert any("too short" in w for w in out["meta"]["warnings"])


@pytest.mark.parametrize("value, expected", [
    ("2009-12-17", "2009-12-17"), ("2009-12-17T10:00:00Z", "2009-12-17"), ("17.12.2009", "2009-12-17"),
    (None, None), ("", None), ("gestern", None), ("2009-13-45", None), ("0001-01-01", None), ("1.1.0001", None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value)[0] == expected


def test_unreadable_date_is_a_warning_not_an_error():
    out = lagebild.analyze(GERMAN, date="irgendwann")
    assert out["meta"]["date"] is None
    assert any("unreadable date" in w for w in out["meta"]["warnings"])


def test_placeholder_date_is_no_date_and_a_warning():
    out = lagebild.analyze(GERMAN, date="0001-01-01")
    assert out["meta"]["date"] is None
    assert any("placeholder date" in w for w in out["meta"]["warnings"])


def test_stream_keeps_order_and_isolates_bad_articles():
    items = [RawArticle("a", GERMAN), RawArticle("b", ""), IngestError(None, "x.jsonl:3", "broken"),
             RawArticle("c", "This is clearly an English sentence about the weather in London today."),
             RawArticle("d", GERMAN)]
    out = list(analyze_stream(items, batch_size=2))
    assert [getattr(o, "id", None) for o in out] == ["a", "b", None, "c", "d"]
    assert isinstance(out[1], IngestError) and "empty" in out[1].reason
    assert out[0].analysed and out[4].analysed and not out[3].analysed


def test_a_crashing_stage_costs_only_its_article(monkeypatch):
    nlp = lagebild.load_nlp()
    first = nlp.pipeline[0][1]

    def explode_on_boom(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("stage failed")
        return first(doc)

    monkeypatch.setattr(nlp, "_components", [(nlp.pipeline[0][0], explode_on_boom)] + nlp._components[1:])
    items = [RawArticle("a", GERMAN), RawArticle("b", GERMAN + " BOOM."), RawArticle("c", GERMAN)]
    out = list(analyze_stream(items, nlp=nlp, batch_size=8))
    assert [o.id for o in out] == ["a", "b", "c"]
    assert isinstance(out[1], IngestError) and "stage failed" in out[1].reason
    assert out[0].analysed and out[2].analysed

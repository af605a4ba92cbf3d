"""Reference per expression, coverage, TIMEX3 type/mod/core, and the amount meanings."""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.evaluation.spans import SpanScore
from lagebild.time.rules import find_amounts, find_times, stated_today


def _values(text, anchor):
    return [(t["text"], t["value"]) for t in find_times(text, anchor)]


def test_narrative_year_anchors_a_day_without_year():
    text = "Am 1. September 1939 überfiel Deutschland Polen. Am 31. August hatte die SS einen Überfall inszeniert."
    assert ("Am 31. August", "1939-08-31") in _values(text, date(2011, 3, 1))


def test_past_tense_takes_the_past_month():
    assert _values("Er sagte, im November sei es gescheitert.", date(2016, 2, 3)) == [("im November", "2015-11")]


def test_undated_article_keeps_relative_values_underspecified():
    values = dict(_values("Am Dienstag sprach er. Am 31. August kam sie. Heute ist es ruhig.", None))
    assert values == {"Am Dienstag": "XXXX-WXX-2", "Am 31. August": "XXXX-08-31", "Heute": "PRESENT_REF"}


@pytest.mark.parametrize("text, value, kind", [
    ("in den 90er Jahren", "199", "DATE"),
    ("im 19. Jahrhundert", "18", "DATE"),
    ("vom 3. bis 5. Mai", "2010-05-03/2010-05-05", "DATE"),  # the occurrence nearest the article date
    ("jeden Montag", "XXXX-WXX-1", "SET"),
    ("wöchentlich", "P1W", "SET"),
    ("seit drei Wochen", "P3W", "DURATION"),
    ("derzeit", "PRESENT_REF", "DATE"),
    ("bald", "FUTURE_REF", "DATE"),
    ("um 14.30 Uhr", "2009-12-17T14:30", "TIME"),
    ("zu Weihnachten", "2009-12-25", "DATE"),
    ("im Sommer 2013", "2013-SU", "DATE"),
])
def test_coverage_and_type(text, value, kind):
    [t] = find_times(f"Es ist so, {text}, sagt er.", date(2009, 12, 17))
    assert (t["text"], t["value"], t["type"]) == (text, value, kind)


def test_mod_and_core_span():
    text = "Das gilt bis Ende 2016."
    [t] = find_times(text, date(2015, 1, 1))
    assert (t["text"], t["value"], t["mod"], t["core"]["text"]) == ("bis Ende 2016", "2016", "END", "Ende 2016")
    assert text[t["core"]["start"]:t["core"]["end"]] == "Ende 2016"


@pytest.mark.parametrize("text, value, unit, mod", [
    ("drei von vier Teilnehmern", 0.75, "Teilnehmern", None),
    ("mehr als drei Viertel der Mitglieder", 0.75, "Mitglieder", "more_than"),
    ("zwei Drittel der Befragten", 0.667, "Befragten", None),
    ("zwischen 10 und 15 Prozent", 12.5, "Prozent", "about"),
    ("bis zu 30 Staaten", 30, "Staaten", "up_to"),
    ("rund 4,6 Milliarden Euro", 4600000000, "Euro", "about"),
    ("Dutzende Menschen", 12, "Menschen", "more_than"),
])
def test_amount_meaning(text, value, unit, mod):
    [a] = find_amounts(f"Es waren {text} da.", [])
    assert (a["text"], a["value"], a["unit"], a.get("mod")) == (text, value, unit, mod)


def test_currency_is_normalised():
    [a] = find_amounts("Es kostet 72 Mrd. US-Dollar.", [])
    assert (a["value"], a["unit"], a["currency"]) == (72000000000, "US-Dollar", "USD")


@pytest.mark.parametrize("text", ["Er landete auf Platz zwei.", "Der 3. Versuch scheiterte."])
def test_ranks_are_not_amounts(text):
    assert find_amounts(text, []) == []


def test_span_score_counts_lenient_value_matches():
    score = SpanScore(lambda g, p: g["value"] == p["value"])
    gold = [{"start": 0, "end": 10, "value": "2009"}, {"start": 20, "end": 25, "value": "P3D"}]
    pred = [{"start": 3, "end": 10, "value": "2009"}, {"start": 20, "end": 25, "value": "P2D"}, {"start": 40, "end": 44, "value": "x"}]
    score.add("a", gold, pred)
    r = score.result()
    assert r["strict"]["recall"] == 0.5 and r["lenient"]["recall"] == 1.0
    assert r["lenient_value"]["precision"] == pytest.approx(1 / 3) and r["value_accuracy"] == 0.5


@pytest.mark.parametrize("text, anchor, today", [
    ("Der Bericht wird heute, Dienstag, präsentiert.", date(2015, 12, 14), date(2015, 12, 15)),  # dated a Monday
    ("Gestern (Montag) tagte der Rat.", date(2016, 4, 26), date(2016, 4, 26)),                  # consistent
    ("Morgen, Donnerstag, wird gewählt.", date(2020, 1, 2), date(2020, 1, 1)),                 # dated a Thursday
    ("Heute, Sonntag, wird gewählt.", date(2020, 1, 1), date(2020, 1, 1)),                      # three days off: kept
    ("Der Rat tagt am Dienstag.", date(2015, 12, 14), date(2015, 12, 14)),
    ("heute, Dienstag", None, None),
])
def test_the_day_the_text_names_moves_a_close_article_date(text, anchor, today) -> None:
    assert stated_today(text, anchor) == today


def test_weekdays_follow_the_day_the_text_names() -> None:
    text = "Wien – Der Bericht wird heute, Dienstag, präsentiert. Am Dienstagvormittag kam es zum Streit."
    assert [t["value"] for t in find_times(text, date(2015, 11, 23))] == ["2015-11-24", "2015-11-24TMO"]

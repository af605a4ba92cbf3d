"""Time expressions and amounts: a table of German forms with their normalised values."""
from __future__ import annotations

from datetime import date

import pytest

import lagebild
from lagebild.time.rules import find_amounts, find_times, parse_number

ANCHOR = date(2009, 12, 17)  # a Thursday


@pytest.mark.parametrize("text, span, value", [
    ("Das war im vergangenen Jahr so.", "im vergangenen Jahr", "2008"),
    ("Er will das im kommenden Jahr tun.", "im kommenden Jahr", "2010"),
    ("Sie sollen bis 2020 fertig sein.", "bis 2020", "2020"),
    ("Der Rückzug vor 20 Jahren war teuer.", "vor 20 Jahren", "1989"),
    ("Es kämpfte zwischen 1979 und 1989 dort.", "zwischen 1979 und 1989", "1979/1989"),
    ("Der zehn Jahre dauernde Krieg.", "zehn Jahre", "P10Y"),
    ("Sein dreitägiger Besuch endete.", "dreitägiger", "P3D"),
    ("Am 17. Dezember 2009 kam er.", "Am 17. Dezember 2009", "2009-12-17"),
    ("Der Vertrag vom 3.10.1990 gilt.", "vom 3.10.1990", "1990-10-03"),
    ("Am Mittwoch sprach er.", "Am Mittwoch", "2009-12-16"),
    ("Am Donnerstag sprach er.", "Am Donnerstag", "2009-12-17"),
    ("Am vergangenen Donnerstag sprach er.", "Am vergangenen Donnerstag", "2009-12-10"),
    ("Er kam gestern an.", "gestern", "2009-12-16"),
    ("Gegen 17 Uhr begann es.", "Gegen 17 Uhr", "2009-12-17T17:00"),
    ("Im Mai 2006 begann es.", "Im Mai 2006", "2006-05"),
    ("Das wird im Juni passieren.", "im Juni", "2010-06"),
    ("Er ist seit drei Tagen da.", "seit drei Tagen", "P3D"),
])
def test_time_expressions(text, span, value):
    found = find_times(text, ANCHOR)
    assert [(t["text"], t["value"]) for t in found] == [(span, value)]
    t = found[0]
    assert text[t["start"]:t["end"]] == span


def test_relative_times_without_a_date_stay_vague():
    [t] = find_times("Das war im vergangenen Jahr so.", None)
    assert t["value"] == "PAST_REF" and t["text"] == "im vergangenen Jahr"


def test_year_followed_by_noun_is_an_amount():
    text = "Es gab 1600 Angriffe auf die Stadt."
    times = find_times(text, ANCHOR)
    assert times == []
    [a] = find_amounts(text, [])
    assert (a["text"], a["value"], a["unit"]) == ("1600 Angriffe", 1600, "Angriffe")


@pytest.mark.parametrize("text, span, value, unit", [
    ("Sie verloren 15 000 Soldaten im Krieg.", "15 000 Soldaten", 15000, "Soldaten"),
    ("Er tötete eine Million Afghanen.", "eine Million Afghanen", 1000000, "Afghanen"),
    ("Obama schickt 30.000 Mann.", "30.000 Mann", 30000, "Mann"),
    ("Die Steuer steigt um 2,5 Prozent.", "2,5 Prozent", 2.5, "Prozent"),
    ("Es kostet 1,5 Milliarden Euro.", "1,5 Milliarden Euro", 1_500_000_000, "Euro"),
    ("Dabei starben 24 irakische Zivilisten.", "24 irakische Zivilisten", 24, "Zivilisten"),
    ("Es kamen mehr als fünf Personen.", "mehr als fünf Personen", 5, "Personen"),
    ("Fünf Polizisten wurden verletzt.", "Fünf Polizisten", 5, "Polizisten"),
])
def test_amounts(text, span, value, unit):
    [a] = find_amounts(text, [])
    assert (a["text"], a["value"], a["unit"]) == (span, value, unit)
    assert text[a["start"]:a["end"]] == span


def test_articles_are_not_amounts():
    assert find_amounts("Eine Anerkennung komme nicht infrage, sagte ein Sprecher.", []) == []


@pytest.mark.parametrize("token, value", [("15 000", 15000), ("30.000", 30000), ("1,5", 1.5), ("zehn", 10), ("x", None)])
def test_parse_number(token, value):
    assert parse_number(token) == value


def test_stage_fills_times_and_amounts_of_the_article():
    out = lagebild.analyze("Im vergangenen Jahr kamen 500 Soldaten nach Kabul.", date="2009-12-17")
    assert [(t["text"], t["value"]) for t in out["times"]] == [("Im vergangenen Jahr", "2008")]
    assert [(a["text"], a["value"]) for a in out["amounts"]] == [("500 Soldaten", 500)]

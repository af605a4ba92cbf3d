"""German time and amount forms beyond the basic table, and the value equivalences of the scorer."""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.evaluation.times import same_amount_value, same_time_value
from lagebild.time.rules import find_amounts, find_times, parse_number

ANCHOR = date(2009, 6, 17)  # a Wednesday
NARRATIVE = "Am 3. Mai 2009 begann es. "


@pytest.mark.parametrize("text, value", [
    ("einige Wochen", "PXW"),
    ("wenige Tage", "PXD"),
    ("innerhalb weniger Stunden", "PTXH"),
    ("nach mehreren Monaten", "PXM"),
    ("mehrtägigen", "PXD"),
    ("zwei weitere Jahre", "P2Y"),
    ("ein weiteres Jahr", "P1Y"),
    ("Anfang des Jahres", "2009"),
    ("im Monat Januar", "2009-01"),
    ("für das zweite Quartal", "2009-Q2"),
    ("am nächsten Morgen", "2009-05-04TMO"),
    ("am Morgen des folgenden Tages", "2009-05-04TMO"),
    ("am darauf folgenden Tag", "2009-05-04"),
    ("am Tag zuvor", "2009-05-02"),
    ("in der gleichen Nacht", "2009-05-03TNI"),
])
def test_time_forms(text, value):
    found = find_times(f"{NARRATIVE}Es kam {text} dazu.", ANCHOR)[1:]
    assert [(t["text"], t["value"]) for t in found] == [(text, value)]


def test_sentence_initial_duration_adjective_and_quantifier():
    found = find_times("Monatelang stritten sie. Wenige Wochen später kam es. Jahre vergingen.", None)
    assert [(t["text"], t["value"]) for t in found] == [("Monatelang", "PXM"), ("Wenige Wochen", "PXW")]


def test_month_before_a_count_is_a_month():
    found = find_times("Im Jänner kamen 70.000, im Februar 50.000 und in diesem März 30.000.", None)
    assert [t["value"] for t in found] == ["XXXX-01", "XXXX-02", "XXXX-03"]


def test_year_before_a_singular_title_is_a_year():
    text = "Sie ist seit den Wahlen 2014 Vizebürgermeisterin."
    assert [t["text"] for t in find_times(text, None)] == ["2014"]
    assert find_amounts(text, [(text.index("2014"), text.index("2014") + 4)]) == []


def test_year_named_as_year_stays_a_year_before_a_count():
    text = "VW will ab dem Jahr 2009 bis zu 110.000 Fahrzeuge bauen."
    [t] = find_times(text, None)
    assert (t["text"], t["value"]) == ("ab dem Jahr 2009", "2009")


@pytest.mark.parametrize("word, value", [
    ("zehntausend", 10000), ("einundzwanzig", 21), ("dreihundertfünfzig", 350),
    ("zweiundzwanzigtausend", 22000), ("undzwanzig", None), ("Achtung", None),
])
def test_numbers_written_as_one_word(word, value):
    assert parse_number(word) == value


@pytest.mark.parametrize("text, value, unit", [
    ("zehntausend Reservisten", 10000, "Reservisten"),
    ("57 US-Soldaten", 57, "US-Soldaten"),
    ("zwei G8-Staaten", 2, "G8-Staaten"),
    ("eine halbe Milliarde Dollar", 500_000_000, "Dollar"),
    ("Tausende", 1000, None),
    ("31 weitere", 31, None),
    ("Zwei der Männer", 2, "Männer"),
    ("einer der drei Männer", 3, "Männer"),
    ("zweier Abgeordneter", 2, "Abgeordneter"),
    ("99%", 99, "Prozent"),
])
def test_amount_forms(text, value, unit):
    [a] = find_amounts(f"Es kamen {text}, hieß es.", [])
    assert (a["text"], a["value"], a["unit"]) == (text, value, unit)


def test_range_and_proportion_keep_their_numbers():
    [r] = find_amounts("Es gab fünf bis sechs Farmen.", [])
    assert (r["value"], r["low"], r["high"], r["mod"]) == (5.5, 5, 6, "about")
    [p] = find_amounts("Sie bekam 328 von 547 Sitzen.", [])
    assert (p["value"], p["count"], p["total"], p["unit"]) == (0.6, 328, 547, "Sitzen")


@pytest.mark.parametrize("gold, pred, same", [
    ("P3Y6M", "P3.5Y", True), ("P1DE", "P10Y", True), ("PT1H", "PT60M", True), ("P1W", "P7D", True),
    ("P1M", "P30D", False), ("PXY", "PXY", True), ("PXY", "P1Y", False), ("2005", "2006", False),
])
def test_durations_are_compared_by_length(gold, pred, same):
    assert same_time_value({"value": gold}, {"value": pred}) is same


@pytest.mark.parametrize("gold, pred, same", [
    ({"value": 5}, {"value": 5.5, "low": 5, "high": 6}, True),
    ({"value": 328}, {"value": 0.6, "count": 328, "total": 547}, True),
    ({"value": 0.99, "unit": "Anteil"}, {"value": 99, "unit": "Prozent"}, True),
    ({"value": 0.99, "unit": "Anteil"}, {"value": 99, "unit": "Stimmen"}, False),
    ({"value": 7}, {"value": 5.5, "low": 5, "high": 6}, False),
])
def test_amount_value_forms_of_the_older_guideline(gold, pred, same):
    assert same_amount_value(gold, pred) is same


@pytest.mark.parametrize("text, expected", [
    ("Die Zahl der vergangenen Wochen stieg.", [("der vergangenen Wochen", "PAST_REF")]),
    ("Der Plan der kommenden Tage steht.", [("der kommenden Tage", "FUTURE_REF")]),
    ("Im letzten Quartal 2004 stieg der Umsatz.", [("Im letzten Quartal 2004", "2004-Q4")]),
    ("Im dritten Quartal des Jahres 2007 stieg er.", [("Im dritten Quartal des Jahres 2007", "2007-Q3")]),
    ("Er kam in der Nacht zu Dienstag.", [("in der Nacht zu Dienstag", "2009-06-15TNI")]),
    ("Die Zeitung schrieb in ihrer Samstag-Ausgabe in der Heute-Show.", []),
    ("Eines Tages werde ich Präsident.", []),
    ("Binnen eines Tages war es fertig.", [("Binnen eines Tages", "P1D")]),
    ("Mercedes 1:41,983 Min. vor Ferrari, gegen 17:05, als er kam.", [("gegen 17:05", "2009-06-17T17:05")]),
])
def test_forms_found_and_not_found(text, expected):
    assert [(t["text"], t["value"]) for t in find_times(text, ANCHOR)] == expected


def test_weekday_part_before_an_apposed_date_and_that_weekday_again():
    text = "Ein Lkw kippte am Montagmorgen, dem 15. Juni, um. Die Straße war am Montag gesperrt."
    assert [(t["text"], t["value"]) for t in find_times(text, date(2009, 6, 22))] == [
        ("am Montagmorgen, dem 15. Juni", "2009-06-15TMO"), ("am Montag", "2009-06-15")]


def test_a_year_after_seit_does_not_anchor_the_next_date():
    text = "Fürst Rainier residierte seit 1949. Bereits am 7. März kam er ins Spital."
    assert find_times(text, date(2005, 4, 6))[1]["value"] == "2005-03-07"


@pytest.mark.parametrize("text, expected", [
    ("seit vergangenem September", [("seit vergangenem September", "2008-09")]),
    ("seit letztem Jahr", [("seit letztem Jahr", "2008")]),
    ("bis zur Frist am 30.  Juni", [("am 30.  Juni", "2009-06-30")]),
    ("in den Sommermonaten Juli und August", [("Juli", "2009-07"), ("August", "2009-08")]),
    ("im Juli und August 2008", [("im Juli", "2008-07"), ("August 2008", "2008-08")]),
    ("von November bis Februar", [("von November bis Februar", "2008-11/2009-02")]),
    ("Zwischen Jänner und November", [("Zwischen Jänner und November", "2009-01/2009-11")]),
    ("Mitte der Achtzigerjahre", [("Mitte der Achtzigerjahre", "198")]),
    ("Tags zuvor", [("Tags zuvor", "2009-06-16")]),
])
def test_coordinated_and_spelled_forms(text, expected):
    assert [(t["text"], t["value"]) for t in find_times(f"{text} kam es.", ANCHOR)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Im Laufe des Jahres", [("Im Laufe des Jahres", "2009")]),
    ("Im Verlauf des Montags", [("Im Verlauf des Montags", "2009-06-15")]),
    ("Im Lauf des Abends", [("Im Lauf des Abends", "2009-06-17TEV")]),
    ("Die Rolle des Abends", []),
    ("Montags", []),
])
def test_in_the_course_of(text, expected):
    assert [(t["text"], t["value"]) for t in find_times(f"{text} kam es.", ANCHOR)] == expected


def test_in_this_year_after_a_year_written_with_its_noun():
    named = find_times("Bush hatte das Jahr 2020 genannt. In diesem Jahr sollen Menschen landen.", ANCHOR)
    assert [t["value"] for t in named] == ["2020", "2020"]
    plain = find_times("Er kam 2002. Später ging er. In diesem Jahr bleibt er. Das laufende Jahr wird gut.", ANCHOR)
    assert [t["value"] for t in plain] == ["2002", "2009", "2009"]


@pytest.mark.parametrize("text, expected", [
    ("Morgen Abend ist die Landung.", [("Morgen Abend", "2009-06-18TEV")]),
    ("Am gestrigen Vormittag kam er.", [("gestrigen Vormittag", "2009-06-16TMO")]),
    ("Der Morgen ist kühl.", []),
])
def test_deictic_day_with_a_part_of_day(text, expected):
    assert [(t["text"], t["value"]) for t in find_times(text, ANCHOR)] == expected


@pytest.mark.parametrize("text", [
    "Außerdem ist ein ähnlich milder Winter nötig.",
    "Die Händler rechnen mit der Prognose eines anormal kalten Winters.",
    "In der Studie untersuchte die Autorin Vera Herbst 50 Methoden.",
])
def test_a_season_noun_without_preposition_or_year_is_no_time(text):
    assert find_times(text, ANCHOR) == []


@pytest.mark.parametrize("text, value", [
    ("Die Ukraine muss im Winter Gas kaufen.", "2009-WI"),
    ("Vergangenen Sommer lebten hier 180 Soldaten.", "2008-SU"),
    ("Der Sommer 2013 war heiß.", "2013-SU"),
])
def test_a_season_with_preposition_direction_or_year_is_a_time(text, value):
    assert [t["value"] for t in find_times(text, ANCHOR)] == [value]

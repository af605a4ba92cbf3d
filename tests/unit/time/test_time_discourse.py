"""Discourse reference, tense and the expressions that only look like times."""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.time.rules import find_amounts, find_times


def _values(text, anchor):
    return {t["text"]: t["value"] for t in find_times(text, anchor)}


def test_damals_takes_the_last_named_calendar_time():
    text = "Die letzte Parade fand 2001 statt. Damals waren viele Menschen dabei."
    assert _values(text, date(2009, 9, 19))["Damals"] == "2001"


def test_damals_without_a_named_time_is_no_time():
    assert find_times("Damals war alles anders.", date(2009, 9, 19)) == []


@pytest.mark.parametrize("text", ["Heute lebt sie in Berlin.", "Das gilt auch heute noch.", "die heute 46-Jährige"])
def test_heute_meaning_nowadays(text):
    [t] = find_times(text, date(2009, 10, 8))
    assert t["value"] == "PRESENT_REF"


def test_heute_as_the_article_day():
    assert _values("Heute begann der Prozess.", date(2009, 10, 8)) == {"Heute": "2009-10-08"}


@pytest.mark.parametrize("text", ["Der 38-jährige Mann wurde festgenommen.", "Er starb im Alter von 79 Jahren.",
                                  "Sie ist 42 Jahre alt."])
def test_ages_are_neither_times_nor_amounts(text):
    times = find_times(text, date(2009, 10, 8))
    assert times == [] and find_amounts(text, []) == []


def test_a_compound_measuring_a_period_is_a_duration():
    assert _values("Er erhielt eine dreijährige Haftstrafe.", date(2009, 10, 8)) == {"dreijährige": "P3Y"}


@pytest.mark.parametrize("text, value", [
    ("Die Preise steigen ab Donnerstag.", "2011-09-01"),     # article: Wednesday 2011-08-31
    ("Das Treffen ist für Montag geplant.", "2011-09-05"),
    ("Seit Donnerstag streiken sie.", "2011-08-25"),
    ("Am Donnerstag sagte er das.", "2011-08-25"),
])
def test_weekday_direction(text, value):
    [t] = find_times(text, date(2011, 8, 31))
    assert t["value"] == value


def test_month_without_year_takes_the_nearest_occurrence():
    assert _values("Die Wahl findet im Januar statt.", date(2005, 12, 29)) == {"im Januar": "2006-01"}


def test_clock_time_joined_with_its_day():
    [t] = find_times("Gegen 17 Uhr am Freitagnachmittag meldeten sie sich krank.", date(2010, 12, 4))
    assert (t["text"], t["value"], t["type"]) == ("Gegen 17 Uhr am Freitagnachmittag", "2010-12-03T17:00", "TIME")


def test_weekday_apposed_to_a_date_is_one_time():
    [t] = find_times("Gysi hatte am Donnerstag, den 7.10. ein Interview gegeben.", date(2010, 10, 14))
    assert (t["text"], t["value"]) == ("am Donnerstag, den 7.10.", "2010-10-07")


@pytest.mark.parametrize("text", ["Die Resolution 1701 gilt.", "Er las die Welt am Sonntag.", "im ZDF-heute journal"])
def test_names_are_no_times(text):
    assert find_times(text, date(2006, 8, 13)) == []


def test_weekend_of_a_past_tense_clause_is_the_last_one():
    assert _values("Die Krise spitzte sich am Wochenende zu.", date(2008, 9, 3)) == {"am Wochenende": "2008-W35-WE"}


def test_clock_hour_in_words_with_part_of_day():
    assert _values("Er kam gegen neun Uhr abends.", date(2009, 12, 11)) == {"gegen neun Uhr abends": "2009-12-11T21:00"}


def test_weekday_takes_the_date_in_parentheses_after_it():
    values = [(t["text"], t["value"]) for t in find_times("Am Mittwoch (23. März) kam er.", date(2011, 3, 30))]
    assert values == [("Am Mittwoch", "2011-03-23"), ("23. März", "2011-03-23")]


def test_day_shift_in_an_undated_article_counts_from_the_weekday():
    assert _values("Am Samstag kam er, am Vortag war sie da.", None) == {"Am Samstag": "XXXX-WXX-6", "am Vortag": "XXXX-WXX-5"}

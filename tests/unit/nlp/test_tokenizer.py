"""News tokenizer settings (lagebild.nlp.tokenizer.customize_tokenizer) on a blank German pipeline."""
from __future__ import annotations

import pytest
import spacy

from lagebild.nlp.tokenizer import customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    return customize_tokenizer(spacy.blank("de"))


def toks(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("„Wir kommen.“", ["„", "Wir", "kommen", ".", "“"]),
        ("»Das ist gut«, sagte er.", ["»", "Das", "ist", "gut", "«", ",", "sagte", "er", "."]),
        ("‚Ja‘ sagte sie.", ["‚", "Ja", "‘", "sagte", "sie", "."]),
        ('"Nein", sagte er.', ['"', "Nein", '"', ",", "sagte", "er", "."]),
        ("“Nein”, sagte er.", ["“", "Nein", "”", ",", "sagte", "er", "."]),
        ("'Nein', sagte er.", ["'", "Nein", "'", ",", "sagte", "er", "."]),
        ("«Non» sagte er.", ["«", "Non", "»", "sagte", "er", "."]),
    ],
)
def test_quotes(nlp, text, expected):
    assert toks(nlp, text) == expected


def test_dashes(nlp):
    assert toks(nlp, "Er kam – spät — und ging - sofort.") == [
        "Er", "kam", "–", "spät", "—", "und", "ging", "-", "sofort", "."]
    assert toks(nlp, "die Strecke Berlin–Hamburg 1990–1994") == [
        "die", "Strecke", "Berlin", "–", "Hamburg", "1990", "–", "1994"]


def test_hyphenated_compounds_stay_whole(nlp):
    assert toks(nlp, "Der US-Präsident traf den Nato-Chef.") == [
        "Der", "US-Präsident", "traf", "den", "Nato-Chef", "."]


def test_quoted_part_of_compound_is_split(nlp):
    assert toks(nlp, "ein „Sonder“-Weg") == ["ein", "„", "Sonder", "“", "-Weg"]


def test_numbers_and_dates(nlp):
    assert toks(nlp, "Am 17.12.2009 kostete es 30 000 Euro.") == [
        "Am", "17.12.2009", "kostete", "es", "30", "000", "Euro", "."]
    assert "17.12." in toks(nlp, "Am 17.12. kam er.")
    assert toks(nlp, "3,5 Mio. Euro und 2 Mrd. Dollar") == ["3,5", "Mio.", "Euro", "und", "2", "Mrd.", "Dollar"]


@pytest.mark.parametrize("abbr", ["z.B.", "Dr.", "Nr.", "bzw.", "u.a.", "usw.", "vgl.", "Prof.", "Abs."])
def test_abbreviations(nlp, abbr):
    assert toks(nlp, f"Das ist {abbr} gut") == ["Das", "ist", abbr, "gut"]


def test_sentence_final_period_is_split(nlp):
    assert toks(nlp, "Er kam am Montag. Dann ging er.") == [
        "Er", "kam", "am", "Montag", ".", "Dann", "ging", "er", "."]


def test_settings_survive_serialisation(nlp):
    fresh = spacy.blank("de")
    fresh.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert toks(fresh, "ein „Sonder“-Weg, 3 Mio. Euro, Berlin–Hamburg") == [
        "ein", "„", "Sonder", "“", "-Weg", ",", "3", "Mio.", "Euro", ",", "Berlin", "–", "Hamburg"]

"""Format and content checks for the quotes stage's resources: speech_verbs.tsv,
quote_words.tsv and quote_marks.tsv."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import lagebild
from lagebild.quotes.lexicon import load_lexicon, weak_forms

DIR = Path(lagebild.__file__).parent / "resources" / "de"
HEADERS = {
    "speech_verbs.tsv": "lemma\tparticle\tmedium\tcomplement\tprep\tforms",
    "quote_words.tsv": "word\tclass\tnote",
    "quote_marks.tsv": "open\tclose\tname",
}
WORD_CLASSES = {
    "content_start", "adverbial_start", "attribution_prep", "attribution_prep_noun", "attribution_postp",
    "attribution_adv", "attribution_rel", "parenthetical", "source_noun", "impersonal", "impersonal_verb",
    "first_person", "pronoun", "aux", "det", "addressee_marker", "addressee_object", "ki", "anaphor", "preposition", "adverb",
    "continuation", "reportative", "perfect_infinitive", "opinion_noun", "no_question", "not_with_es",
    "attribution_adv_ki", "accusation", "opinion_adj", "first_person_subject", "addressee_postp",
    "clause_coordinator", "complementizer", "contrast_adverb", "expletive", "free_relative",
    "genitive_article", "genitive_det", "inner_attribution", "np_coordinator", "passive_aux",
    "passive_aux_past", "predicative", "question_complementizer", "relative_start", "relative_welch",
    "result_clause", "sentence_connector", "verb_coordinator", "von", "wie_frame", "inseparable_prefix",
    "unfused_particle", "adjective_particle", "source_in",
}


def _rows(name: str) -> list[list[str]]:
    text = (DIR / name).read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text), f"{name} is not NFC"
    lines = text.splitlines()
    assert lines[0] == HEADERS[name]
    width = len(lines[0].split("\t"))
    rows = [line.split("\t") for line in lines[1:]]
    for r in rows:
        assert len(r) == width, (name, r)
        assert all(c == c.strip() for c in r), (name, r)
    return rows


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_nfc_and_columns(name: str) -> None:
    assert _rows(name)


def test_speech_verbs() -> None:
    rows = _rows("speech_verbs.tsv")
    keys = [(r[0], r[1]) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate (lemma, particle)"
    for lemma, particle, medium, complement, prep, forms in rows:
        assert lemma.islower() and lemma.endswith("n"), lemma
        assert medium in {"speech", "writing", "thought", "sw"}
        assert complement in {"clause", "np", "both"}
        assert all(f.islower() for f in forms.split())
    assert ("räumen", "ein") in keys and ("regen", "an") in keys and ("kündigen", "an") in keys


def test_quote_words() -> None:
    rows = _rows("quote_words.tsv")
    keys = [(r[0], r[1]) for r in rows]
    assert len(keys) == len(set(keys))
    assert {r[1] for r in rows} <= WORD_CLASSES


def test_quote_marks() -> None:
    rows = _rows("quote_marks.tsv")
    pairs = [(r[0], r[1]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert all(len(o) == 1 and len(c) == 1 for o, c in pairs)
    for pair in [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("‚", "‘"), ("'", "'")]:
        assert pair in pairs


def test_documented_in_readme() -> None:
    readme = (DIR / "README.md").read_text(encoding="utf-8")
    for name in HEADERS:
        assert f"`{name}`" in readme


@pytest.mark.parametrize("lemma, forms", [
    ("sagen", {"sagt", "sagte", "sagten", "gesagt", "sage", "sagen"}),
    ("erklären", {"erklärt", "erklärte", "erklären"}),
    ("berichten", {"berichtet", "berichtete", "berichteten"}),
    ("kritisieren", {"kritisiert", "kritisierte"}),
    ("bezeichnen", {"bezeichnet", "bezeichnete"}),
    ("warnen", {"warnt", "warnte"}),
])
def test_weak_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= weak_forms(lemma)


@pytest.mark.parametrize("form, key", [
    ("räumte", "räumen ein"), ("eingeräumt", "räumen ein"), ("mitteilte", "teilen mit"),
    ("angekündigt", "kündigen an"), ("nannte", "nennen"), ("sprach", "sprechen"), ("ließ", "lassen wissen"),
    ("bekanntgegeben", "geben bekannt"), ("besagt", "besagen"), ("schloss", "schließen aus"), ("dargelegt", "legen dar"),
])
def test_forms_reach_their_verb(form: str, key: str) -> None:
    assert key in {v.key for v in load_lexicon().verbs_by_form[form]}


def test_nouns_are_not_verb_forms() -> None:
    forms = load_lexicon().verbs_by_form
    assert "bekannt" not in forms  # participle of "bekennen", but almost always the adjective


def test_issue4_word_classes() -> None:
    """Source nouns for "nach X" and opinion nouns whose content clause follows ("die Prognose, ...")."""
    words = load_lexicon().words
    assert {"Zahlen", "Umfragen", "Willen", "Statistik"} <= words["source_noun"]
    assert "Plan" not in words["source_noun"]  # "nach Plan" means "as planned"
    assert {"Forderung", "Prognose", "Theorie", "Ankündigung", "Zweifel"} <= words["opinion_noun"]


def test_verb_restrictions_name_speech_verbs() -> None:
    """"no_question" and "not_with_es" restrict speech verbs: each entry must be one ("legen fest" is
    the key of lemma "legen" with particle "fest")."""
    lex = load_lexicon()
    keys = {v.key for verbs in lex.verbs_by_lemma.values() for v in verbs}
    assert lex.words["no_question"] and lex.words["not_with_es"]
    assert lex.words["no_question"] | lex.words["not_with_es"] | lex.words["accusation"] <= keys


def test_every_word_class_the_quote_rules_read_is_in_the_file() -> None:
    """A misspelled class would read as an empty set; every class named in `lagebild/quotes/` exists."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (DIR.parents[1] / "quotes").glob("*.py"))
    named = set(re.findall(r'(?:low_in|word|is_source_noun)\([^()"]*?, "(\w+)"\)', code))
    named |= set(re.findall(r'(?:\bw|words)\.get\("(\w+)"', code))
    present = {r[1] for r in _rows("quote_words.tsv")}
    assert len(named) > 30
    assert named <= present, sorted(named - present)

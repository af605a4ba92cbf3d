"""resources/de/noun_lemmas.tsv and verb_lemmas.tsv: word lists of the lemma repair (lagebild.nlp.lemmas)."""
from __future__ import annotations

from lagebild.nlp.word_lists import noun_lemmas, verb_lemmas
from lagebild.paths import resource


def test_noun_lemmas_format():
    lines = resource("noun_lemmas.tsv").read_text(encoding="utf8").splitlines()
    assert lines[0] == "form\tlemma"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 2 and r[0] == r[0].lower() and r[0].isalpha() and r[1].isalpha() for r in rows)
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)) == len(noun_lemmas()) > 10_000
    # noun lemmas are capitalised, and plural forms point to the singular
    assert sum(r[1][:1].isupper() for r in rows) / len(rows) > 0.98
    assert noun_lemmas()["kinder"] == "Kind"


def test_verb_lemmas_are_lower_case_infinitives():
    lines = resource("verb_lemmas.tsv").read_text(encoding="utf8").splitlines()
    assert lines[0] == "lemma"
    lemmas = lines[1:]
    assert len(lemmas) == len(set(lemmas)) == len(verb_lemmas()) > 1000
    assert all(v.islower() and v.endswith("n") for v in lemmas)
    assert {"sagen", "erklären", "gehen"} <= verb_lemmas()

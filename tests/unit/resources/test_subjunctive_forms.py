"""resources/de/subjunctive_forms.tsv: finite forms that are Konjunktiv (lagebild.nlp.finite)."""
from __future__ import annotations

from lagebild.nlp.finite import subjunctive_forms
from lagebild.paths import resource


def test_format_header_kinds_and_no_duplicates():
    lines = resource("subjunctive_forms.tsv").read_text(encoding="utf8").splitlines()
    assert lines[0] == "form\tkind"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 2 and r[1] in ("KI", "KII") for r in rows)
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)) == len(subjunctive_forms())
    assert all(f == f.lower() and f.strip() == f for f in forms)


def test_konjunktiv_forms_in_and_ambiguous_or_indicative_forms_out():
    forms = subjunctive_forms()
    assert {"sei", "seien", "könne", "hätte", "wäre", "würden", "möchte"} <= forms
    # indicative, or identical with the indicative (ich habe, wir haben, sie sollten, sie blieben)
    assert not forms & {"ist", "hat", "habe", "haben", "werde", "sollte", "sollten", "wollte", "blieben", "ließen"}

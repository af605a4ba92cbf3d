"""Titles and functions of persons, and title phrases that stand for a person."""
from __future__ import annotations

import pytest
from entity_docs import by_mention, make_doc, run, tokens


def _roles(entity) -> list[tuple[str, str | None]]:
    return [(r.role, r.of) for r in entity.roles]


def _name_of(ents, eid):
    return next(e.name for e in ents if e.id == eid)


@pytest.mark.parametrize("text, person, role, of", [
    ("Generalsekretär|NN Anders|NE|B-PER Fogh|NE|I-PER Rasmussen|NE|I-PER sprach|VVFIN .",
     "Anders Fogh Rasmussen", "Generalsekretär", None),
    ("Russlands|NE|B-LOC Präsident|NN Dmitri|NE|B-PER Medwedew|NE|I-PER empfing|VVFIN ihn|PPER .",
     "Dmitri Medwedew", "Präsident", "Russland"),
    ("US-Präsident|NN|B-LOCpart Barack|NE|B-PER Obama|NE|I-PER will|VMFIN aufstocken|VVINF .",
     "Barack Obama", "Präsident", "USA"),
    ("Der|ART russische|ADJA|B-LOCderiv Präsident|NN Wladimir|NE|B-PER Putin|NE|I-PER kam|VVFIN .",
     "Wladimir Putin", "Präsident", "Russland"),
    ("Bundesinnenminister|NN Wolfgang|NE|B-PER Schäuble|NE|I-PER sagte|VVFIN ,|$, Deutschland|NE|B-LOC sei|VAFIN sicher|ADJD .",
     "Wolfgang Schäuble", "Bundesinnenminister", "Deutschland"),
])
def test_title_before_a_name(text, person, role, of):
    ents = run(make_doc(tokens(text)))
    p = by_mention(ents, person)
    assert p is not None and p.type == "PER"
    got = [(r, _name_of(ents, o) if o else None) for r, o in _roles(p)]
    assert (role, of) in got, got


def test_apposition_after_a_name_with_its_organisation():
    ents = run(make_doc(tokens(
        "Konrad|NE|B-PER Freiberg|NE|I-PER ,|$, Vorsitzender|NN der|ART Gewerkschaft|NN|B-ORG der|ART|I-ORG "
        "Polizei|NN|I-ORG ,|$, sagte|VVFIN .")))
    p = by_mention(ents, "Konrad Freiberg")
    got = [(r, _name_of(ents, o) if o else None) for r, o in _roles(p)]
    assert ("Vorsitzender", "Gewerkschaft der Polizei") in got, got


def test_apposition_with_compound_title():
    ents = run(make_doc(tokens(
        "Die|ART Nato|NE|B-ORG tagte|VVFIN . Rasmussen|NE|B-PER ,|$, Nato-Generalsekretär|NN|B-ORGpart ,|$, sagte|VVFIN .")))
    p = by_mention(ents, "Rasmussen")
    got = [(r, _name_of(ents, o) if o else None) for r, o in _roles(p)]
    assert ("Generalsekretär", "Nato") in got, got


def test_definite_title_phrase_is_a_nominal_mention_of_the_one_fitting_person():
    doc = make_doc(tokens(
        "Die|ART Nato|NE|B-ORG kam|VVFIN . Nato-Generalsekretär|NN|B-ORGpart Anders|NE|B-PER Fogh|NE|I-PER "
        "Rasmussen|NE|I-PER sprach|VVFIN . Der|ART Nato-Chef|NN|B-ORGpart lehnte|VVFIN ab|PTKVZ ."))
    ents = run(doc)
    p = by_mention(ents, "Anders Fogh Rasmussen")
    assert by_mention(ents, "Nato-Chef", "nominal") is p
    assert by_mention(ents, "Nato-Chef", "part").name == "Nato"
    assert ("Nato-Chef", by_mention(ents, "Nato", "name").id) in _roles(p)


def test_plural_title_phrase_is_not_a_person():
    ents = run(make_doc(tokens(
        "Die|ART Nato|NE|B-ORG tagte|VVFIN . Die|ART Nato-Außenminister|NN|B-ORGpart berieten|VVFIN .")))
    assert by_mention(ents, "Nato-Außenminister", "nominal") is None


def test_title_phrase_with_owner_and_no_named_holder_is_its_own_person():
    ents = run(make_doc(tokens("Der|ART US-Präsident|NN will|VMFIN mehr|PIAT Truppen|NN .")))
    p = by_mention(ents, "US-Präsident", "nominal")
    assert p is not None and p.type == "PER"
    assert [r.role for r in p.roles] == ["US-Präsident"]


def test_female_title_sets_gender_for_pronouns():
    ents = run(make_doc(tokens(
        "Außenministerin|NN Condoleezza|NE|B-PER Rice|NE|I-PER reiste|VVFIN ab|PTKVZ . "
        "Dort|ADV sagte|VVFIN sie|PPER|O|Number=Sing , alles|PIS sei|VAFIN gut|ADJD ."), sent_starts=[0, 6]))
    assert by_mention(ents, "sie", "pronoun") is by_mention(ents, "Condoleezza Rice")


def test_name_typed_as_place_but_titled_is_a_person():
    ents = run(make_doc(tokens(
        "Davon|PAV geht|VVFIN Slobodan|NE|B-LOC Samardzic|NE|I-LOC ,|$, der|ART für|APPR das|ART "
        "Kosovo|NE|B-LOC zuständige|ADJA serbische|ADJA Minister|NN ,|$, aus|PTKVZ .")))
    p = by_mention(ents, "Slobodan Samardzic")
    assert p.type == "PER"
    assert [(r.role, _name_of(ents, r.of)) for r in p.roles] == [("Minister", "Serbien")]


@pytest.mark.parametrize("text, person, role", [
    ("Neuer|ADJA Innenminister|NN wird|VAFIN der|ART Schiit|NN Dschauad|NE|B-PER al-Bolani|NE|I-PER .",
     "Dschauad al-Bolani", "Innenminister"),
    ("Der|ART letzte|ADJA Premierminister|NN einer|ART Cohabitation|NN war|VAFIN der|ART Sozialist|NN "
     "Lionel|NE|B-PER Jospin|NE|I-PER .", "Lionel Jospin", "Premierminister"),
    ("Bisher|ADV ist|VAFIN François|NE|B-PER Fillon|NE|I-PER Premierminister|NN .", None, None),
    ("François|NE|B-PER Fillon|NE|I-PER ist|VAFIN der|ART neue|ADJA Premierminister|NN .",
     "François Fillon", "Premierminister"),
])
def test_title_in_a_copula_clause(text, person, role):
    ents = run(make_doc(tokens(text)))
    if person is None:
        assert all(not e.roles for e in ents)
        return
    assert role in [r.role for r in by_mention(ents, person).roles]

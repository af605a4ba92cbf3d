"""Corpus identities: the same person across articles joins only with supporting evidence
(first name, role, or co-occurring entities); a shared surname alone never merges
(docs/identities.md)."""
from __future__ import annotations

import pytest

from lagebild.store import queries
from lagebild.store.identities import (EntityIn, IdentityIndex, first_names_compatible, parse_person,
                                       role_key, roles_match)
from lagebild.store.ingest import ingest_articles
from lagebild.store.sample import make_article


def E(doc, eid, name, type="PER", roles=()):
    return EntityIn(doc, eid, name, type, list(roles))


def place(index: IdentityIndex, doc: str, *entities: EntityIn) -> dict[str, str]:
    return {eid: ident for eid, (ident, _) in index.assign(list(entities)).items()}


@pytest.mark.parametrize("name, first, surname, roles", [
    ("Anders Fogh Rasmussen", ("Anders", "Fogh"), "Rasmussen", ()),
    ("Rasmussen", (), "Rasmussen", ()),
    ("Rasmussen, Nato-Generalsekretär", (), "Rasmussen", ("Nato-Generalsekretär",)),
    ("Ursula von der Leyen", ("Ursula",), "Leyen", ()),
    ("Dr. Angela Merkel", ("Angela",), "Merkel", ()),
    ("A. Merkel (CDU)", ("A.",), "Merkel", ()),
])
def test_parse_person(name, first, surname, roles):
    p = parse_person(name)
    assert (p.first, p.surname, p.extra_roles) == (first, surname, roles)


@pytest.mark.parametrize("a, b, ok", [
    (("Anders", "Fogh"), ("Anders",), True), (("A.",), ("Anders",), True),
    (("Lars", "Løkke"), ("Anders", "Fogh"), False), (("Angela",), ("Andreas",), False),
])
def test_first_names(a, b, ok):
    assert first_names_compatible(a, b) is ok


@pytest.mark.parametrize("a, b, ok", [
    (("Nato-Generalsekretär", None), ("Generalsekretär", "Nato"), True),
    (("Generalsekretär der Nato", None), ("Generalsekretär", None), True),
    (("russischer Außenminister", None), ("Außenminister", "Russland"), True),
    (("Generalsekretär", "UN"), ("Generalsekretär", "Nato"), False),
    (("Außenminister", None), ("Regierungschef", None), False),
])
def test_roles(a, b, ok):
    assert roles_match({role_key(*a)}, {role_key(*b)}) is ok


# -- positive cases: the same person joins ----------------------------------------------------------
def test_surname_with_matching_role_joins_the_full_name():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Anders Fogh Rasmussen", roles=[("Generalsekretär", "Nato")]))
    b = place(index, "d2", E("d2", "e1", "Rasmussen, Nato-Generalsekretär"))
    assert a["e1"] == b["e1"]


def test_matching_first_name_joins():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Anders Fogh Rasmussen"))
    b = place(index, "d2", E("d2", "e1", "Anders Rasmussen"))
    c = place(index, "d3", E("d3", "e1", "A. Rasmussen"))
    assert a["e1"] == b["e1"] == c["e1"]


def test_surname_with_cooccurring_entities_joins():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Dmitri Medwedew"), E("d1", "e2", "Kreml", "ORG"),
              E("d1", "e3", "Wladimir Putin"))
    b = place(index, "d2", E("d2", "e1", "Medwedew"), E("d2", "e2", "Kreml", "ORG"), E("d2", "e3", "Wladimir Putin"))
    assert a["e1"] == b["e1"]
    assert index.identities[b["e1"]].names["Medwedew"] == 1


def test_a_later_full_name_joins_a_surname_only_identity_by_role():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Lawrow", roles=[("Außenminister", None)]))
    b = place(index, "d2", E("d2", "e1", "Sergej Lawrow", roles=[("russischer Außenminister", None)]))
    assert a["e1"] == b["e1"]
    assert index.identities[a["e1"]].display_name() == "Sergej Lawrow"


def test_organisations_join_by_normalised_name_and_type():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Nato", "ORG"))
    b = place(index, "d2", E("d2", "e1", "NATO", "ORG"), E("d2", "e2", "Nato", "LOC"))
    assert a["e1"] == b["e1"] != b["e2"]


# -- negative cases: a shared surname alone never merges ----------------------------------------------
def test_different_first_names_never_join_even_with_the_same_role():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Anders Fogh Rasmussen", roles=[("Ministerpräsident", "Dänemark")]))
    b = place(index, "d2", E("d2", "e1", "Lars Løkke Rasmussen", roles=[("Ministerpräsident", "Dänemark")]))
    assert a["e1"] != b["e1"]


def test_surname_alone_without_evidence_stays_apart():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Thomas Müller", roles=[("Fußballspieler", None)]))
    b = place(index, "d2", E("d2", "e1", "Müller", roles=[("Bäcker", None)]))
    c = place(index, "d3", E("d3", "e1", "Müller"))
    assert len({a["e1"], b["e1"], c["e1"]}) == 3


def test_one_shared_place_is_not_enough_cooccurrence():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Gerd Müller"), E("d1", "e2", "Berlin", "LOC"), E("d1", "e3", "Bundestag", "ORG"))
    b = place(index, "d2", E("d2", "e1", "Müller"), E("d2", "e2", "Berlin", "LOC"), E("d2", "e3", "Bundestag", "ORG"))
    assert a["e1"] != b["e1"]


def test_ambiguous_surname_is_left_alone():
    """Two Rasmussens hold the same role: a bare "Rasmussen, Ministerpräsident" could be either."""
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Anders Fogh Rasmussen", roles=[("Ministerpräsident", None)]))
    b = place(index, "d2", E("d2", "e1", "Lars Løkke Rasmussen", roles=[("Ministerpräsident", None)]))
    c = place(index, "d3", E("d3", "e1", "Rasmussen", roles=[("Ministerpräsident", None)]))
    assert len({a["e1"], b["e1"], c["e1"]}) == 3


def test_two_people_with_one_surname_in_one_article_stay_apart():
    index = IdentityIndex()
    ids = place(index, "d1", E("d1", "e1", "Gerd Müller"), E("d1", "e2", "Müller"))
    assert ids["e1"] != ids["e2"]


def test_different_types_never_join():
    index = IdentityIndex()
    a = place(index, "d1", E("d1", "e1", "Paris", "LOC"))
    b = place(index, "d2", E("d2", "e1", "Paris", "PER"))
    assert a["e1"] != b["e1"]


# -- through the store, on both engines --------------------------------------------------------------
def test_store_links_rasmussen_across_articles(store, corpus):
    ingest_articles(store, corpus)
    anders = queries.list_identities(store, name="Anders Fogh")["items"]
    assert len(anders) == 1
    ident = queries.get_identity(store, anders[0]["id"])
    assert {d["doc_id"] for d in ident["evidence"]} == {"nato-russland-2009", "nato-afghanistan-2010"}
    assert "role match" in {d["evidence"] for d in ident["evidence"]}
    assert {n["name"] for n in ident["names"]} == {"Anders Fogh Rasmussen", "Rasmussen"}
    lars = queries.list_identities(store, name="Løkke")["items"]
    assert len(lars) == 1 and lars[0]["id"] != anders[0]["id"]
    assert ident["quotes"]["total"] == sum(1 for q in corpus[0]["quotes"] if q["speaker"]["entity"] == "e3") + 1


def test_identities_survive_a_restart_and_rebuild_is_order_independent(store, corpus):
    from lagebild.store.writer import StoreWriter

    ingest_articles(store, corpus[1:])  # the surname-only article first: it starts its own identity
    ingest_articles(store, corpus[:1])  # a fresh writer reloads the index from the tables
    members = lambda: {(r["doc_id"], r["entity_id"]): r["identity_id"] for r in store.query("SELECT * FROM identity_members")}
    StoreWriter(store).rebuild_identities()
    rebuilt = members()
    assert rebuilt[("nato-afghanistan-2010", "e1")] == rebuilt[("nato-russland-2009", "e3")]
    assert store.scalar("SELECT count(*) FROM identities WHERE n_docs = 0") == 0


def test_make_article_offsets_are_exact():
    a = make_article("x", "„Ja“, sagte Merkel. Merkel ging.",
                     entities=[{"id": "e1", "name": "Angela Merkel", "type": "PER", "mentions": ["Merkel", ("Merkel", 1)]}])
    starts = [m["start"] for m in a["entities"][0]["mentions"]]
    assert starts == [12, 20]

"""lagebild.nlp.finite: finite verbs that the core model took for infinitives or participles.

Docs are built by hand (words, STTS tags, UD features, lemmas, heads, deps) as the core model
would leave them, so each test pins one decision of the repair."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.nlp.finite import (finite_analysis, finite_repair, is_subjunctive_form, repair_clauses,
                                 repair_conjuncts, repair_mood)

_NLP = spacy.blank("de")
INF = "VerbForm=Inf"
PART = "VerbForm=Part"
FIN_IND = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def make(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """rows: (word, tag, morph, lemma, head index, dep); dep ROOT for the root."""
    return Doc(_NLP.vocab, words=[r[0] for r in rows], tags=[r[1] for r in rows],
               morphs=[r[2] for r in rows], lemmas=[r[3] for r in rows],
               heads=[r[4] for r in rows], deps=[r[5] for r in rows])


def feats(tok) -> dict:
    return tok.morph.to_dict()


def test_infinitive_form_at_the_end_of_a_wenn_clause_is_finite():
    doc = make([
        ("Die", "ART", "", "der", 1, "det"), ("Bauern", "NN", "", "Bauer", 2, "nsubj"),
        ("laufen", "VVFIN", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "laufen", 2, "ROOT"),
        ("Sturm", "NN", "", "Sturm", 2, "obj"), (",", "$,", "", ",", 9, "punct"),
        ("wenn", "KOUS", "", "wenn", 9, "mark"), ("sie", "PPER", "Case=Nom|Number=Plur|Person=3", "sie", 9, "nsubj"),
        ("solche", "PIAT", "", "solch", 8, "det"), ("Sätze", "NN", "", "Satz", 9, "obj"),
        ("hören", "VVINF", INF, "hören", 2, "advcl"), (".", "$.", "", ".", 2, "punct"),
    ])
    changed = repair_clauses(doc)
    assert [t.text for t in changed] == ["hören"]
    assert doc[9].tag_ == "VVFIN"
    assert feats(doc[9]) == {"Mood": "Ind", "Number": "Plur", "Person": "3", "Tense": "Pres", "VerbForm": "Fin"}
    assert doc[2].tag_ == "VVFIN"  # the finite main verb is left alone


def test_last_verb_of_a_verb_final_complex_becomes_finite():
    # damit die Kinder schlafen können
    doc = make([
        ("damit", "KOUS", "", "damit", 4, "mark"), ("die", "ART", "", "der", 2, "det"),
        ("Kinder", "NN", "Number=Plur", "Kind", 4, "nsubj"), ("in", "APPR", "", "in", 4, "obl"),
        ("schlafen", "VVINF", INF, "schlafen", 4, "ROOT"), ("können", "VMINF", INF, "können", 4, "aux"),
    ])
    repair_clauses(doc)
    assert doc[4].tag_ == "VVINF" and feats(doc[4]) == {"VerbForm": "Inf"}
    assert doc[5].tag_ == "VMFIN"
    assert feats(doc[5])["Mood"] == "Ind" and feats(doc[5])["VerbForm"] == "Fin"
    assert feats(doc[5])["Number"] == "Plur"


def test_third_person_participle_form_with_a_subject_is_finite():
    # Russland erfüllt den Vertrag .
    doc = make([
        ("Russland", "NE", "Number=Sing", "Russland", 1, "nsubj"),
        ("erfüllt", "VVPP", PART, "erfüllen", 1, "ROOT"),
        ("den", "ART", "", "der", 3, "det"), ("Vertrag", "NN", "", "Vertrag", 1, "obj"),
        (".", "$.", "", ".", 1, "punct"),
    ])
    assert [t.i for t in repair_clauses(doc)] == [1]
    assert doc[1].tag_ == "VVFIN"
    assert feats(doc[1]) == {"Mood": "Ind", "Number": "Sing", "Person": "3", "Tense": "Pres", "VerbForm": "Fin"}


def test_participle_with_a_finite_auxiliary_is_left_alone():
    # Er hat es gesagt .
    doc = make([
        ("Er", "PPER", "Case=Nom|Number=Sing|Person=3", "er", 3, "nsubj"),
        ("hat", "VAFIN", FIN_IND, "haben", 3, "aux"), ("es", "PPER", "", "es", 3, "obj"),
        ("gesagt", "VVPP", PART, "sagen", 3, "ROOT"), (".", "$.", "", ".", 3, "punct"),
    ])
    assert repair_clauses(doc) == []
    assert doc[3].tag_ == "VVPP" and feats(doc[3]) == {"VerbForm": "Part"}


def test_ge_participle_headline_without_auxiliary_is_left_alone():
    # Täter gefasst  (a headline: the auxiliary is left out, `gefasst` cannot be finite)
    doc = make([("Täter", "NN", "", "Täter", 1, "nsubj:pass"), ("gefasst", "VVPP", PART, "fassen", 1, "ROOT")])
    assert repair_clauses(doc) == []
    assert doc[1].tag_ == "VVPP"


def test_clauses_without_subject_or_subordinator_and_zu_infinitives_are_left_alone():
    # Bitte nicht rauchen !
    doc = make([("Bitte", "ADV", "", "bitte", 2, "advmod"), ("nicht", "PTKNEG", "", "nicht", 2, "advmod"),
                ("rauchen", "VVINF", INF, "rauchen", 2, "ROOT"), ("!", "$.", "", "!", 2, "punct")])
    assert repair_clauses(doc) == []
    # Er kam , um es zu sagen .
    doc = make([
        ("Er", "PPER", "Case=Nom|Number=Sing|Person=3", "er", 1, "nsubj"), ("kam", "VVFIN", FIN_IND, "kommen", 1, "ROOT"),
        (",", "$,", "", ",", 6, "punct"), ("um", "KOUI", "", "um", 6, "mark"), ("es", "PPER", "", "es", 6, "obj"),
        ("zu", "PTKZU", "", "zu", 6, "mark"), ("sagen", "VVINF", INF, "sagen", 1, "advcl"), (".", "$.", "", ".", 1, "punct"),
    ])
    assert repair_clauses(doc) == []
    assert doc[6].tag_ == "VVINF"


def test_xcomp_infinitive_with_its_own_subject_is_left_alone():
    # Ich sah ihn kommen .  (accusative with infinitive; parsed with `ihn` as the infinitive's subject)
    doc = make([
        ("Ich", "PPER", "Case=Nom|Number=Sing|Person=1", "ich", 1, "nsubj"),
        ("sah", "VVFIN", "Mood=Ind|Number=Sing|Person=1|Tense=Past|VerbForm=Fin", "sehen", 1, "ROOT"),
        ("ihn", "PPER", "Case=Acc|Number=Sing|Person=3", "er", 3, "nsubj"),
        ("kommen", "VVINF", INF, "kommen", 1, "xcomp"), (".", "$.", "", ".", 1, "punct"),
    ])
    assert repair_clauses(doc) == []
    assert doc[3].tag_ == "VVINF"


def test_auxiliary_shared_by_coordinated_verbs_keeps_the_first_verb_infinite():
    # ob sie gehen oder bleiben werden
    doc = make([
        ("ob", "KOUS", "", "ob", 2, "mark"), ("sie", "PPER", "Case=Nom|Number=Plur|Person=3", "sie", 2, "nsubj"),
        ("gehen", "VVINF", INF, "gehen", 2, "ROOT"), ("oder", "KON", "", "oder", 4, "cc"),
        ("bleiben", "VVINF", INF, "bleiben", 2, "conj"),
        ("werden", "VAFIN", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "werden", 4, "aux"),
    ])
    assert repair_clauses(doc) == []
    assert doc[2].tag_ == "VVINF" and doc[4].tag_ == "VVINF"


def test_finite_tag_without_mood_gets_konjunktiv_from_the_word_list():
    # dass er krank sei  (tagger: VAFIN, morphologizer: no Mood)
    doc = make([
        ("dass", "KOUS", "", "dass", 2, "mark"), ("er", "PPER", "Case=Nom|Number=Sing|Person=3", "er", 2, "nsubj"),
        ("krank", "ADJD", "", "krank", 2, "ROOT"), ("sei", "VAFIN", INF, "sein", 2, "cop"),
    ])
    assert [t.text for t in repair_clauses(doc)] == ["sei"]
    assert feats(doc[3])["Mood"] == "Sub"
    assert feats(doc[3])["Person"] == "3" and feats(doc[3])["Number"] == "Sing"


def test_verb_coordinated_with_a_simple_finite_verb_is_finite():
    # sodass es die Oberfläche nicht erreicht und stattdessen abkühlt
    doc = make([
        ("sodass", "KOUS", "", "sodass", 5, "mark"), ("es", "PPER", "Case=Nom|Number=Sing|Person=3", "es", 5, "nsubj"),
        ("die", "ART", "", "der", 3, "det"), ("Oberfläche", "NN", "", "Oberfläche", 5, "obj"),
        ("nicht", "PTKNEG", "", "nicht", 5, "advmod"), ("erreicht", "VVPP", PART, "erreichen", 5, "ROOT"),
        ("und", "KON", "", "und", 8, "cc"), ("stattdessen", "ADV", "", "stattdessen", 8, "advmod"),
        ("abkühlt", "VVPP", PART, "abkühlt", 5, "conj"),
    ])
    assert [t.text for t in repair_clauses(doc)] == ["erreicht"]
    assert [t.text for t in repair_conjuncts(doc)] == ["abkühlt"]
    assert doc[8].tag_ == "VVFIN" and feats(doc[8])["Mood"] == "Ind"
    assert feats(doc[8])["Person"] == "3" and feats(doc[8])["Number"] == "Sing"


def test_conjunct_of_an_auxiliary_is_left_alone():
    # wir haben ... drei Profile erhalten  (parsed: `erhalten` conj of the auxiliary `haben`)
    doc = make([
        ("wir", "PPER", "Case=Nom|Number=Plur|Person=1", "wir", 1, "nsubj"),
        ("haben", "VAFIN", "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin", "haben", 1, "ROOT"),
        ("und", "KON", "", "und", 3, "cc"), ("erhalten", "VVPP", PART, "erhalten", 1, "conj"),
    ])
    assert repair_conjuncts(doc) == []
    assert doc[3].tag_ == "VVPP"


def test_which_forms_can_be_finite():
    def tok(word, tag, lemma):
        return Doc(_NLP.vocab, words=[word], tags=[tag], lemmas=[lemma])[0]

    assert finite_analysis(tok("sagen", "VVINF", "sagen")) == ("Pres", "Plur", None)
    assert finite_analysis(tok("erklärt", "VVPP", "erklären")) == ("Pres", "Sing", "3")
    assert finite_analysis(tok("öffnet", "VVPP", "öffnen")) == ("Pres", "Sing", "3")
    assert finite_analysis(tok("entschieden", "VVPP", "entscheiden")) == ("Past", "Plur", None)
    assert finite_analysis(tok("beriefen", "VVINF", "beriefen"))[0] == "Pres"  # lemma copied: no evidence
    assert finite_analysis(tok("entfernten", "VVINF", "entfernen")) == ("Past", "Plur", None)
    assert finite_analysis(tok("gesagt", "VVPP", "sagen")) is None
    assert finite_analysis(tok("sein", "VAINF", "sein")) is None
    assert finite_analysis(tok("einzubrechen", "VVINF", "einzubrechen")) is None
    assert finite_analysis(tok("hineingeschmuggelt", "VVPP", "hineingeschmuggeln")) is None
    assert finite_analysis(tok("aufgestanden", "VVPP", "aufstehen")) is None


def test_component_needs_a_parse_and_is_in_the_pipeline_after_the_parser():
    plain = Doc(_NLP.vocab, words=["Sie", "sagen", "."], tags=["PPER", "VVINF", "$."], morphs=["", INF, ""])
    out = finite_repair(plain)
    assert out[1].tag_ == "VVINF" and feats(out[1]) == {"VerbForm": "Inf"}
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_finite_repair")
    assert nlp.pipe_names == ["lagebild_finite_repair"]


FIN_SUB = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def test_stem_plus_e_with_a_third_person_subject_is_konjunktiv_one():
    # Die Zusage beinhalte auch den Umzug .   (the morphologizer said Ind)
    doc = make([
        ("Die", "ART", "", "der", 1, "det"), ("Zusage", "NN", "", "Zusage", 2, "nsubj"),
        ("beinhalte", "VVFIN", FIN_IND, "beinhalten", 2, "ROOT"),
        ("den", "ART", "", "der", 4, "det"), ("Umzug", "NN", "", "Umzug", 2, "obj"),
    ])
    assert [t.i for t in repair_mood(doc)] == [2]
    assert feats(doc[2])["Mood"] == "Sub" and feats(doc[2])["Tense"] == "Pres"


def test_stem_plus_e_with_ich_is_indicative_also_in_a_conjunct_or_after_the_verb():
    # Ich gebe Arbeit ab und bekomme mehr Freizeit ; das habe ich gern
    doc = make([
        ("Ich", "PPER", "Person=1", "ich", 1, "nsubj"), ("gebe", "VVFIN", FIN_IND, "geben", 1, "ROOT"),
        ("Arbeit", "NN", "", "Arbeit", 1, "obj"), ("und", "KON", "", "und", 4, "cc"),
        ("bekomme", "VVFIN", FIN_SUB, "bekommen", 1, "conj"), ("Freizeit", "NN", "", "Freizeit", 4, "obj"),
        (";", "$.", "", ";", 1, "punct"), ("das", "PDS", "", "der", 8, "obj"),
        ("habe", "VAFIN", FIN_SUB, "haben", 8, "ROOT"), ("ich", "PPER", "Person=1", "ich", 1, "dep"),
    ])
    assert sorted(t.i for t in repair_mood(doc)) == [4, 8]
    assert [feats(doc[i])["Mood"] for i in (1, 4, 8)] == ["Ind", "Ind", "Ind"]


def test_mood_left_alone_without_subject_for_past_forms_and_unknown_verbs():
    doc = make([
        # no subject found: `habe` may be `ich habe` with the subject dropped
        ("Habe", "VAFIN", FIN_IND, "haben", 0, "ROOT"), ("Zeit", "NN", "", "Zeit", 0, "obj"),
        # `reiste` lemmatised `reisten`: stem + e, but the past tense of `reisen`
        ("er", "PPER", "", "er", 3, "nsubj"), ("reiste", "VVFIN", FIN_IND, "reisten", 3, "ROOT"),
        # not in the verb lexicon
        ("er", "PPER", "", "er", 5, "nsubj"), ("quarke", "VVFIN", FIN_IND, "quarken", 5, "ROOT"),
        # Imp is not touched
        ("Folge", "VVFIN", "Mood=Imp|VerbForm=Fin", "folgen", 6, "ROOT"),
    ])
    assert repair_mood(doc) == []
    assert [feats(doc[i])["Mood"] for i in (0, 3, 5, 6)] == ["Ind", "Ind", "Ind", "Imp"]


def test_listed_konjunktiv_forms_also_behind_a_prefix_are_sub():
    assert is_subjunctive_form("hätte") and is_subjunctive_form("Wäre")
    assert is_subjunctive_form("aufbrächten") and is_subjunctive_form("ergäbe")
    assert not is_subjunctive_form("brachten") and not is_subjunctive_form("aufgaben")
    # daß die Sozialdemokraten den Mut aufbrächten   (the morphologizer said Ind)
    doc = make([
        ("daß", "KOUS", "", "daß", 4, "mark"), ("die", "ART", "", "der", 2, "det"),
        ("Sozialdemokraten", "NN", "", "Sozialdemokrat", 4, "nsubj"), ("Mut", "NN", "", "Mut", 4, "obj"),
        ("aufbrächten", "VVFIN", FIN_IND.replace("Sing", "Plur"), "aufbrächen", 4, "ROOT"),
    ])
    assert [t.i for t in repair_mood(doc)] == [4]
    assert feats(doc[4])["Mood"] == "Sub"

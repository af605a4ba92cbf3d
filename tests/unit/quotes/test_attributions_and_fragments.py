"""Issue 4 rules: attribution sources and their appositions, opinion nouns, relative attributions,
content that is no content (relative clauses, verbless appositions), and marked fragments that a
naming verb names."""
from __future__ import annotations

import spacy
from quote_docs import make_doc, part_texts, quotes_of
from spacy.tokens import Doc

from lagebild.quotes.candidate import Cand
from lagebild.quotes.context import Context, split_missed
from lagebild.quotes.direct import clause_cue, in_konjunktiv_sentence
from lagebild.quotes.direct_table import backoff_with_counts, direct_key
from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.stage import find_candidates

KI = "Mood=Sub|Tense=Pres|VerbForm=Fin"
IND = "Mood=Ind|Tense=Pres|VerbForm=Fin"


def _context(text: str, **kw) -> Context:
    return Context(make_doc(text, **kw), load_lexicon(), {})


def test_source_after_laut_ends_before_the_next_article() -> None:
    (q,) = quotes_of("Anschließend sei laut Müller die Bearbeitung der Stäbe erfolgt.")
    assert q.speaker.mention.text == "Müller"
    assert part_texts(q) == ["Anschließend sei", "die Bearbeitung der Stäbe erfolgt"]


def test_apposition_of_the_source_is_no_content() -> None:
    tags = {"Laut": "APPR", "dem": "ART", "Chefankläger": "NN", "des": "ART", "Gerichts": "NN", "Luis": "NE",
            "Moreno": "NE", "sollen": "VMFIN", "Soldaten": "NN", "Dörfer": "NN", "geplündert": "VVPP",
            "haben": "VAINF"}
    (q,) = quotes_of("Laut dem Chefankläger des Gerichts, Luis Moreno, sollen Soldaten Dörfer geplündert haben.",
                     tags=tags)
    assert q.speaker.mention.text == "dem Chefankläger des Gerichts, Luis Moreno"
    assert part_texts(q) == ["sollen Soldaten Dörfer geplündert haben"]


def test_opinion_noun_with_particle_before_its_dass_clause() -> None:
    (q,) = quotes_of("Unter den Experten herrschte lange die Meinung vor, dass die Preise weiter steigen.")
    assert part_texts(q) == ["dass die Preise weiter steigen"]
    assert [c.text for c in q.cue] == ["Meinung"]


def test_opinion_noun_with_konjunktiv_content() -> None:
    (q,) = quotes_of("Die Ministerin wagte die Prognose, der Preis werde im Herbst weiter steigen.")
    assert part_texts(q) == ["der Preis werde im Herbst weiter steigen"]
    assert [c.text for c in q.cue] == ["Prognose"]


def test_opinion_noun_without_content_clause_is_no_cue() -> None:
    assert quotes_of("Die Prognose, die gestern erschien, war falsch.") == []


def test_relative_attribution_names_the_noun_before_the_comma() -> None:
    tags = {"Die": "ART", "Polizei": "NN", "stützt": "VVFIN", "sich": "PRF", "auf": "APPR", "ein": "ART",
            "Gutachten": "NN", "laut": "APPR", "dem": "PRELS", "der": "ART", "Mann": "NN", "schwer": "ADJD",
            "verletzt": "VVPP", "worden": "VAPP", "war": "VAFIN"}
    (q,) = quotes_of("Die Polizei stützt sich auf ein Gutachten, laut dem der Mann schwer verletzt worden war.",
                     tags=tags)
    assert part_texts(q) == ["der Mann schwer verletzt worden war"]
    assert q.speaker.mention.text == "ein Gutachten"
    assert [c.text for c in q.cue] == ["laut"]


def test_temporal_nach_with_a_relative_pronoun_is_no_attribution() -> None:
    tags = {"Das": "ART", "Spiel": "NN", "ging": "VVFIN", "in": "APPR", "die": "ART", "Pause": "NN",
            "nach": "APPR", "der": "PRELS", "Gäste": "NN", "stärker": "ADJD", "wurden": "VAFIN"}
    assert quotes_of("Das Spiel ging in die Pause, nach der die Gäste stärker wurden.", tags=tags) == []


REL_TAGS = {"Der": "ART", "Bericht": "NN", "beschreibt": "VVFIN", "die": "PRELS", "Lage": "NN", "sich": "PRF",
            "verschlechtert": "VVPP", "hat": "VAFIN", "habe": "VAFIN", "im": "APPRART", "Land": "NN"}


def test_indicative_relative_clause_after_a_frame_is_no_content() -> None:
    ctx = _context("Der Bericht beschreibt die Lage im Land, die sich verschlechtert hat.", tags=REL_TAGS,
                 morphs={"hat": IND, "beschreibt": IND})
    assert [q for q in find_candidates(ctx) if q.type == "indirect"] == []


def test_konjunktiv_relative_clause_is_still_reported() -> None:
    ctx = _context("Der Bericht beschreibt die Lage im Land, die sich verschlechtert habe.", tags=REL_TAGS,
                 morphs={"habe": KI, "beschreibt": IND})
    assert [part_texts_of(ctx, q) for q in find_candidates(ctx) if q.type == "indirect"] == [["die sich verschlechtert habe"]]


def part_texts_of(ctx: Context, q: Cand) -> list[str]:
    return [ctx.doc[s:e].text for s, e in q.parts]


def test_verbless_content_of_a_verb_frame_is_dropped() -> None:
    tags = {"Scharf": "ADJD", "kritisierte": "VVFIN", "die": "ART", "Politikerin": "NN", "der": "ART",
            "Grünen": "NN", "Anja": "NE", "Hajduk": "NE", "Pläne": "NN"}
    ctx = _context("Scharf kritisierte die Politikerin der Grünen, Anja Hajduk.", tags=tags)
    assert [q for q in find_candidates(ctx) if q.type == "indirect"] == []


def test_naming_verb_marks_its_fragment() -> None:
    ctx = _context("Der Minister nannte den Bericht eine „Zeitungsente“.")
    (o, c), = ctx.mark_pairs
    cue, naming = clause_cue(ctx, o, c)
    assert [ctx.doc[k].text for k in cue] == ["nannte"] and naming
    ctx = _context("Er sprach von einer „gezielten Kampagne“ gegen ihn.")
    (o, c), = ctx.mark_pairs
    assert clause_cue(ctx, o, c)[1]


def test_a_marked_name_next_to_a_noun_has_no_clause_cue() -> None:
    ctx = _context("Wie die Zeitung „Hürriyet“ berichtet, ist der Minister zurückgetreten.")
    (o, c), = ctx.mark_pairs
    assert clause_cue(ctx, o, c) == (None, False)


def test_naming_key_backs_off_to_the_pooled_key() -> None:
    fine = direct_key(1, False, False, False, True, True, 2)
    keys = [k for k, _ in backoff_with_counts(fine)]
    assert keys[0] == fine and keys[1] == "naming|0" and keys[-1] == "1|0|0"
    assert "naming|0" not in [k for k, _ in backoff_with_counts(direct_key(1, False, False, False, True, True, 1))]


def test_marks_in_a_konjunktiv_sentence_count_as_inside_reported_speech() -> None:
    text = "Damit seien „der Kurs und die Richtung“ nicht mehr klar."
    ctx = _context(text, tags={"seien": "VAFIN"}, morphs={"seien": KI})
    (o, c), = ctx.mark_pairs
    assert in_konjunktiv_sentence(ctx, o, c)
    ctx = _context(text.replace("seien", "sind"), tags={"sind": "VAFIN"}, morphs={"sind": IND})
    (o, c), = ctx.mark_pairs
    assert not in_konjunktiv_sentence(ctx, o, c)


def test_missed_sentence_end_is_split() -> None:
    vocab = spacy.blank("de").vocab
    words = ["Es", "war", "ein", "MI-17", ".", "Der", "Hubschrauber", "sei", "abgestürzt", "."]
    doc = Doc(vocab, words=words, spaces=[True] * 9 + [False])
    assert split_missed(doc, [(0, len(doc))]) == [(0, 5), (5, 10)]


def test_reported_object_goes_on_inside_and_after_quotation_marks() -> None:
    quotes = quotes_of("Er sprach von einer „schweren Krise“ im Land.")
    assert [(q.type, part_texts(q)) for q in quotes] == [
        ("reported", ["von einer „schweren Krise“ im Land"]), ("direct", ["schweren Krise"])]
    assert all([c.text for c in q.cue] == ["sprach"] for q in quotes)


def test_speech_verb_the_tagger_called_an_adjective() -> None:
    tags = {"Ohrenzeugen": "NN", "berichteten": "ADJD", "von": "APPR", "einem": "ART", "lauten": "ADJA",
            "Knall": "NN"}
    parse = [(1, "nsubj"), (1, "ROOT"), (5, "case"), (5, "det"), (5, "amod"), (1, "obl"), (1, "punct")]
    (q,) = quotes_of("Ohrenzeugen berichteten von einem lauten Knall.", tags=tags, parse=parse)
    assert (q.type, part_texts(q), q.speaker.mention.text) == ("reported", ["von einem lauten Knall"], "Ohrenzeugen")


def test_year_or_number_at_a_missed_sentence_end_is_split_but_not_an_ordinal() -> None:
    vocab = spacy.blank("de").vocab
    words = ["Das", "war", "im", "Jahr", "1942.", "Jetzt", "sei", "es", "am", "17.", "März", "so", "weit", "."]
    doc = Doc(vocab, words=words, spaces=[True] * 13 + [False])
    assert split_missed(doc, [(0, len(doc))]) == [(0, 5), (5, 14)]


def test_infinitive_the_parser_coordinated_with_the_cue_stays_content() -> None:
    tags = {"Sony": "NE", "gab": "VVFIN", "bekannt": "ADJD", "für": "APPR", "die": "ART", "Konsole": "NN",
            "ein": "ART", "Update": "NN", "anbieten": "VVINF", "zu": "PTKZU", "wollen": "VMINF"}
    parse = [(1, "nsubj"), (1, "ROOT"), (1, "compound:prt"), (9, "punct"), (6, "case"), (6, "det"), (9, "obl"),
             (8, "det"), (9, "obj"), (1, "conj"), (9, "mark"), (9, "aux"), (1, "punct")]
    (q,) = quotes_of("Sony gab bekannt, für die Konsole ein Update anbieten zu wollen.", tags=tags, parse=parse)
    assert part_texts(q) == ["für die Konsole ein Update anbieten zu wollen"]
    assert [c.text for c in q.cue] == ["gab", "bekannt"]

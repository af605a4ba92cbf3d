"""Frame structures found in WikiNews errors (issue 4): relative clauses that report, sentence-final
frames, appositions inside "wie X betont", attributions that only name a frame's source, names the
tagger took for verbs, and naming verbs with a marked complement."""
from __future__ import annotations

from quote_docs import make_doc, part_texts, quotes_of
from spacy.tokens import Span

from lagebild.article import Article
from lagebild.quotes.stage import find_quotes

KI = "Mood=Sub|Tense=Pres|VerbForm=Fin"
IND = "Mood=Ind|Tense=Pres|VerbForm=Fin"
PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"


def _quotes_with_names(text: str, names: list[tuple[str, str]], **kw) -> list:
    """Quotes of `text` with the NER's names given as (text, label)."""
    doc = make_doc(text, **kw)
    spans = []
    for name, label in names:
        start = doc.text.index(name)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    article = Article(id="t", text=doc.text)
    doc._.article = article
    return find_quotes(doc, article)


def test_attribution_inside_a_relative_clause_is_reported() -> None:
    tags = {"Die": "ART", "Polizei": "NN", "fand": "VVFIN", "ein": "ART", "Paket": "NN", "das": "PRELS",
            "nach": "APPR", "Angaben": "NN", "eines": "ART", "Sprechers": "NN", "eine": "ART", "Bombe": "NN",
            "enthielt": "VVFIN"}
    (q,) = quotes_of("Die Polizei fand ein Paket, das nach Angaben eines Sprechers eine Bombe enthielt.", tags=tags,
                     morphs={"fand": PAST, "enthielt": PAST})
    assert q.type == "indirect"
    assert part_texts(q) == ["das", "eine Bombe enthielt"]
    assert q.speaker.mention.text == "Angaben eines Sprechers"


def test_a_name_the_tagger_took_for_a_verb_is_part_of_the_speaker() -> None:
    tags = {"Der": "ART", "Korrespondent": "NN", "Will": "VMFIN", "Grant": "NE", "berichtete": "VVFIN",
            "dass": "KOUS", "die": "ART", "Erde": "NN", "gewackelt": "VVPP", "habe": "VAFIN"}
    (q,) = _quotes_with_names("Der Korrespondent, Will Grant, berichtete, dass die Erde gewackelt habe.",
                              [("Will Grant", "PER")], tags=tags, morphs={"berichtete": PAST, "habe": KI})
    assert part_texts(q) == ["dass die Erde gewackelt habe"]
    assert q.speaker.mention.text == "Der Korrespondent, Will Grant"


def test_sentence_final_frame_opened_by_its_auxiliary() -> None:
    tags = {"Es": "PPER", "drohe": "VVFIN", "ein": "ART", "Wettlauf": "NN", "hatte": "VAFIN", "Obama": "NE",
            "in": "APPR", "Moskau": "NE", "gesagt": "VVPP"}
    quotes = _quotes_with_names("Es drohe ein Wettlauf, hatte Obama in Moskau gesagt.", [("Obama", "PER")],
                                tags=tags, morphs={"drohe": KI, "hatte": PAST})
    (q,) = quotes
    assert part_texts(q) == ["Es drohe ein Wettlauf"]  # "Es drohe" is no cue of its own
    assert [c.text for c in q.cue] == ["gesagt"]
    assert q.speaker.mention.text == "Obama"


def test_frame_in_a_relative_clause_reports_konjunktiv_content() -> None:
    tags = {"Er": "PPER", "sprach": "VVFIN", "mit": "APPR", "einem": "ART", "Mann": "NN", "von": "APPR",
            "dem": "PRELS", "die": "ART", "Polizei": "NN", "glaubt": "VVFIN", "er": "PPER", "sei": "VAFIN",
            "rekrutiert": "VVPP", "worden": "VAPP"}
    quotes = quotes_of("Er sprach mit einem Mann, von dem die Polizei glaubt, er sei rekrutiert worden.", tags=tags,
                       morphs={"sprach": PAST, "glaubt": IND, "sei": KI})
    q = next(q for q in quotes if q.type == "indirect")
    assert part_texts(q) == ["er sei rekrutiert worden"]
    assert [c.text for c in q.cue] == ["glaubt"]


def test_frame_after_a_fronted_clause_takes_the_whole_sentence_before_it() -> None:
    tags = {"Als": "KOUS", "Kämpfer": "NN", "die": "ART", "Stadt": "NN", "einnahmen": "VVFIN", "töteten": "VVFIN",
            "sie": "PPER", "Zivilisten": "NN", "teilten": "VVFIN", "Vereinten": "ADJA", "Nationen": "NN",
            "mit": "PTKVZ"}
    (q,) = quotes_of("Als Kämpfer die Stadt einnahmen, töteten sie Zivilisten, teilten die Vereinten Nationen mit.",
                     tags=tags, morphs={"einnahmen": PAST, "töteten": PAST, "teilten": PAST})
    assert part_texts(q) == ["Als Kämpfer die Stadt einnahmen, töteten sie Zivilisten"]
    assert [c.text for c in q.cue] == ["teilten", "mit"]


def test_wie_frame_with_an_apposition_before_the_verb() -> None:
    tags = {"Das": "ART", "Manöver": "NN", "wird": "VAFIN", "Raffinesse": "NN", "erfordern": "VVINF", "wie": "PWAV",
            "Alan": "NE", "Stern": "NE", "Direktor": "NN", "der": "ART", "NASA": "NE", "betont": "VVFIN"}
    (q,) = quotes_of("Das Manöver wird Raffinesse erfordern, wie Alan Stern, Direktor der NASA, betont.", tags=tags,
                     morphs={"wird": IND, "betont": IND})
    assert part_texts(q) == ["Das Manöver wird Raffinesse erfordern"]
    assert q.speaker.mention.text.startswith("Alan Stern")


def test_a_decision_still_to_come_is_no_quote() -> None:
    tags = {"Das": "ART", "Gericht": "NN", "entscheidet": "VVFIN", "ob": "KOUS", "der": "ART", "Mann": "NN",
            "in": "APPR", "Haft": "NN", "bleibt": "VVFIN"}
    assert quotes_of("Das Gericht entscheidet, ob der Mann in Haft bleibt.", tags=tags,
                     morphs={"entscheidet": IND, "bleibt": IND}) == []
    tags2 = dict(tags, dass="KOUS", hat="VAFIN", entschieden="VVPP")
    (q,) = quotes_of("Das Gericht hat entschieden, dass der Mann in Haft bleibt.", tags=tags2,
                     morphs={"hat": IND, "bleibt": IND})
    assert part_texts(q) == ["dass der Mann in Haft bleibt"]


def test_laut_before_a_verb_frame_is_a_second_attribution() -> None:
    """"Laut BBC sagte der Minister, dass ...": BBC reports what the minister said; the corpus (and
    lagebild) count both attributions."""
    tags = {"Laut": "APPR", "BBC": "NE", "sagte": "VVFIN", "der": "ART", "Minister": "NN", "dass": "KOUS",
            "Geld": "NN", "fehle": "VVFIN"}
    quotes = quotes_of("Laut BBC sagte der Minister, dass Geld fehle.", tags=tags, morphs={"sagte": PAST, "fehle": KI})
    by_cue = {q.cue[0].text: q for q in quotes}
    assert set(by_cue) == {"Laut", "sagte"}
    assert part_texts(by_cue["sagte"]) == ["dass Geld fehle"]
    assert by_cue["Laut"].speaker.mention.text == "BBC"
    assert by_cue["sagte"].speaker.mention.text == "der Minister"


def test_a_source_the_parser_made_the_subject_is_no_speaker() -> None:
    tags = {"Laut": "APPR", "BBC": "NE", "sagte": "VVFIN", "der": "ART", "Minister": "NN", "dass": "KOUS",
            "Geld": "NN", "fehle": "VVFIN"}
    # the parse attaches "Laut BBC" to "sagte" as its subject and "der Minister" as object
    parse = [(1, "case"), (2, "nsubj"), (2, "ROOT"), (4, "det"), (2, "obj"), (2, "punct"), (8, "mark"),
             (8, "nsubj"), (2, "ccomp"), (2, "punct")]
    quotes = quotes_of("Laut BBC sagte der Minister, dass Geld fehle.", tags=tags,
                       morphs={"sagte": PAST, "fehle": KI}, parse=parse)
    said = next(q for q in quotes if q.cue[0].text == "sagte")
    assert said.speaker.mention.text == "der Minister"


def test_anaphor_before_the_cue_is_part_of_the_content() -> None:
    tags = {"Die": "ART", "Partei": "NN", "schließt": "VVFIN", "eine": "ART", "Koalition": "NN", "aus": "PTKVZ",
            "Dies": "PDS", "bestätigte": "VVFIN", "der": "ART", "Vorsitzende": "NN"}
    quotes = quotes_of("Die Partei schließt eine Koalition aus. Dies bestätigte der Vorsitzende.", tags=tags,
                       morphs={"schließt": IND, "bestätigte": PAST})
    (q,) = [q for q in quotes if q.cue and q.cue[0].text == "bestätigte"]
    assert part_texts(q) == ["Die Partei schließt eine Koalition aus", "Dies"]
    assert q.speaker.mention.text == "der Vorsitzende"


def test_laut_werden_is_no_attribution() -> None:
    tags = {"Schon": "ADV", "früh": "ADJD", "war": "VAFIN", "Kritik": "NN", "laut": "ADJD", "geworden": "VAPP"}
    assert quotes_of("Schon früh war Kritik laut geworden.", tags=tags, morphs={"war": PAST}) == []


def test_a_source_name_in_marks_belongs_to_the_speaker() -> None:
    tags = {"Dann": "ADV", "meldete": "VVFIN", "die": "ART", "Agentur": "NN", "Xinhua": "NE", "Maschine": "NN",
            "sei": "VAFIN", "losgeflogen": "VVPP"}
    (q,) = quotes_of("Dann meldete die Agentur „Xinhua“, die Maschine sei losgeflogen.", tags=tags,
                     morphs={"meldete": PAST, "sei": KI})
    assert q.speaker.mention.text == "die Agentur „Xinhua“"
    assert part_texts(q) == ["die Maschine sei losgeflogen"]


def test_a_source_abbreviation_in_brackets_belongs_to_the_source() -> None:
    tags = {"Nach": "APPR", "Angaben": "NN", "des": "ART", "Geological": "NE", "Survey": "NE", "USGS": "NE",
            "fand": "VVFIN", "das": "ART", "Beben": "NN", "in": "APPR", "Tiefe": "NN", "statt": "PTKVZ"}
    (q,) = quotes_of("Nach Angaben des Geological Survey (USGS) fand das Beben in 37 Kilometer Tiefe statt.",
                     tags=tags, morphs={"fand": PAST})
    assert q.speaker.mention.text == "Angaben des Geological Survey (USGS)"
    assert part_texts(q) == ["fand das Beben in 37 Kilometer Tiefe statt"]


def test_nach_with_a_noun_before_the_source_is_temporal() -> None:
    tags = {"Die": "ART", "Staatsanwaltschaft": "NN", "beantragte": "VVFIN", "nach": "APPR", "Abschluss": "NN",
            "der": "ART", "Ermittlungen": "NN", "einen": "ART", "Prozess": "NN"}
    assert quotes_of("Die Staatsanwaltschaft beantragte nach Abschluss der Ermittlungen einen Prozess.", tags=tags,
                     morphs={"beantragte": PAST}) == []


def test_meinung_nach_in_a_question_or_in_the_first_person_is_no_attribution() -> None:
    tags = {"Welche": "PWAT", "Vorschläge": "NN", "sind": "VAFIN", "Ihrer": "PPOSAT", "Meinung": "NN",
            "nach": "APPO", "verfassungswidrig": "ADJD", "Das": "PDS", "war": "VAFIN", "meiner": "PPOSAT",
            "gut": "ADJD"}
    assert quotes_of("Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?", tags=tags,
                     morphs={"sind": IND}) == []
    assert quotes_of("Das war meiner Meinung nach sehr gut.", tags=tags, morphs={"war": PAST}) == []


def test_passive_accusation_reports_without_the_accused_as_speaker() -> None:
    tags = {"Er": "PPER", "wird": "VAFIN", "verdächtigt": "VVPP", "einen": "ART", "Anschlag": "NN",
            "zu": "PTKZU", "planen": "VVINF"}
    (q,) = quotes_of("Er wird verdächtigt, einen Anschlag zu planen.", tags=tags, morphs={"wird": IND})
    assert part_texts(q) == ["einen Anschlag zu planen"]
    assert q.speaker.mention is None


def test_source_with_an_adverb_and_a_relative_clause() -> None:
    tags = {"Nach": "APPR", "bisher": "ADV", "unbestätigten": "ADJA", "Berichten": "NN", "wurde": "VAFIN",
            "die": "PRELS", "Firma": "NN", "informiert": "VVPP", "Angaben": "NN", "der": "ART", "Ämter": "NN",
            "geprüft": "VVPP", "wurden": "VAFIN", "beträgt": "VVFIN", "Dichte": "NN", "Prozent": "NN"}
    (q,) = quotes_of("Nach bisher unbestätigten Berichten wurde die Firma informiert.", tags=tags,
                     morphs={"wurde": PAST})
    assert q.speaker.mention.text == "unbestätigten Berichten"
    assert part_texts(q) == ["wurde die Firma informiert"]
    (q,) = quotes_of("Nach Angaben der Ämter, die geprüft wurden, beträgt die Dichte 3 Prozent.", tags=tags,
                     morphs={"wurden": PAST, "beträgt": IND})
    assert q.speaker.mention.text == "Angaben der Ämter"
    assert part_texts(q) == ["beträgt die Dichte 3 Prozent"]


def test_attribution_in_a_second_conjunct_reports_only_that_conjunct() -> None:
    tags = {"Er": "PPER", "soll": "VMFIN", "die": "PRELS", "Frau": "NN", "berührt": "VVPP", "haben": "VAINF",
            "und": "KON", "laut": "APPR", "Berichten": "NN", "sich": "PRF", "beziehen": "VVFIN", "auch": "ADV",
            "versucht": "VVPP", "zu": "PTKZU", "fliehen": "VVINF"}
    (q,) = quotes_of("Er soll die Frau berührt haben und laut Berichten, die sich darauf beziehen, auch versucht "
                     "haben zu fliehen.", tags=tags, morphs={"soll": IND})
    assert q.speaker.mention.text == "Berichten"
    assert part_texts(q) == ["auch versucht haben zu fliehen"]


def test_attitude_adjectives_and_zeigte_sich_report_their_clause() -> None:
    tags = {"Der": "ART", "Trainer": "NN", "ist": "VAFIN", "zuversichtlich": "ADJD", "die": "ART",
            "Schweden": "NN", "schlagen": "VVINF", "zu": "PTKZU", "können": "VMINF", "Sie": "PPER",
            "zeigte": "VVFIN", "sich": "PRF", "überzeugt": "VVPP", "dass": "KOUS", "Reform": "NN", "komme": "VVFIN"}
    (q,) = quotes_of("Der Trainer ist zuversichtlich, die Schweden schlagen zu können.", tags=tags,
                     morphs={"ist": IND})
    assert part_texts(q) == ["die Schweden schlagen zu können"]
    assert q.speaker.mention.text == "Der Trainer"
    (q,) = quotes_of("Sie zeigte sich überzeugt, dass die Reform komme.", tags=tags,
                     morphs={"zeigte": PAST, "komme": KI})
    assert part_texts(q) == ["dass die Reform komme"]
    assert [c.text for c in q.cue] == ["zeigte", "sich"]


def test_report_goes_on_after_a_paragraph_break() -> None:
    tags = {"Der": "ART", "Sprecher": "NN", "sagte": "VVFIN", "der": "ART", "Bär": "NN", "sei": "VAFIN",
            "gefährlich": "ADJD", "Deshalb": "PAV", "soll": "VMFIN", "eingefangen": "VVPP", "werden": "VAINF"}
    quotes = quotes_of("Der Sprecher sagte, der Bär sei gefährlich.\n\nDeshalb soll der Bär eingefangen werden.",
                       tags=tags, morphs={"sagte": PAST, "sei": KI, "soll": IND})
    assert [q.type for q in quotes] == ["indirect", "free_indirect"]
    assert part_texts(quotes[1]) == ["Deshalb soll der Bär eingefangen werden"]
    assert quotes[1].speaker.mention.text == "Der Sprecher"


def test_reportative_soll_without_a_source_nearby_is_the_narrators_hedge() -> None:
    tags = {"Der": "ART", "Absturz": "NN", "soll": "VMFIN", "sich": "PRF", "nachts": "ADV", "ereignet": "VVPP",
            "haben": "VAINF"}
    assert quotes_of("Der Absturz soll sich nachts ereignet haben.", tags=tags, morphs={"soll": IND}) == []

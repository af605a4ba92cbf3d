"""Speakers that need the parse and the NER's names, read with the shipped models: a report that
follows its source without a frame, a frame whose subject holds a quoted name."""
from __future__ import annotations

import pytest

import lagebild
from lagebild.analysis import prepare
from lagebild.ingest import RawArticle


@pytest.fixture(scope="module")
def nlp():
    return lagebild.load_nlp()


def free_indirect_speakers(nlp, text: str) -> list[str | None]:
    article = prepare(RawArticle("t", text))
    doc = nlp.make_doc(article.text)
    doc._.article = article
    nlp(doc)
    return [q.speaker.mention.text if q.speaker.mention else None
            for q in article.quotes if q.type == "free_indirect"]


@pytest.mark.parametrize("text, speakers", [
    # the named subject of the sentence before (its whole phrase, as every parsed subject)
    ("Hubert Primus, der bei Stiftung Warentest verantwortlich ist, wies den Vorwurf zurück. "
     "In Zeiten knapper Kassen sei die Studie richtig.", ["Hubert Primus, der bei Stiftung Warentest verantwortlich ist"]),
    # the named agent of a passive sentence before
    ("Die Forderungen Berningers wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet. "
     "Heutige Fahrzeuge seien oft gar nicht in der Lage, mit Biokraftstoffen zu fahren.",
     ["Bundesverkehrsminister Manfred Stolpe"]),
    # a subject that names no one: no speaker rather than a wrong one
    ("Alle Opfer stammen aus der Umgebung. Mehrere weitere Körper seien in den Trümmern geortet worden.", [None]),
    # the frame's speaker, not the quotation inside the frame
    ("Der Staatssekretär sagte der Zeitung, dass an einer „grünen Zapfsäule“ Biodiesel angeboten werden solle. "
     "Ein flächendeckendes Angebot sei notwendig, damit Verbraucher umsteigen.", ["Der Staatssekretär"]),
])
def test_free_indirect_speaker(nlp, text, speakers) -> None:
    assert free_indirect_speakers(nlp, text) == speakers


def test_a_quoted_name_is_part_of_the_frame_subject(nlp) -> None:
    text = "Die Zeitung „Yemen Observer“ berichtet in ihrer Onlineausgabe, dass zwei Verhandlungsrunden gescheitert seien."
    article = prepare(RawArticle("t", text))
    doc = nlp.make_doc(article.text)
    doc._.article = article
    nlp(doc)
    (quote,) = article.quotes
    assert quote.speaker.mention.text == "Die Zeitung „Yemen Observer“"


def quotes_in(nlp, text: str):
    article = prepare(RawArticle("t", text))
    doc = nlp.make_doc(article.text)
    doc._.article = article
    nlp(doc)
    return article.quotes


@pytest.mark.parametrize("text, speaker", [
    # object first: the person after the verb speaks, not the phrase the parse made the subject
    ("Eine Verschiebung des Wahltermins bezeichnete Conze als fatal.", "Conze"),
    # but not the person the cue addresses
    ("Der Senator ist einer der Dienstältesten. Kritiker werfen Obama vor, er hätte die Entscheidung "
     "nur getroffen, um seine Unerfahrenheit wettzumachen.", "Kritiker"),
    # a surname the tagger does not know, before the finite verb, where the parse found no subject
    ("Delmare soll noch vor Weihnachten in eine Reha-Klinik verlegt werden. Eine Heilung sei jedoch ausgeschlossen, "
     "heißt es. Wittner sagte weiter, dass die Ärzte davon abgeraten hätten.", "Wittner"),
    # a colon frame whose subject stands before the comma of its apposition, after "Auch"
    ("Auch die US-Delegationsleiterin beim Klimagipfel, Sharon Hayes, äußerte sich zufrieden über den Bericht: "
     "„Wir haben eine sehr ausgewogene Position erreicht.“", "die US-Delegationsleiterin beim Klimagipfel, Sharon Hayes"),
    # the same when the frame's finite auxiliary comes first
    ("Der Leiter des Programms, Klaus Stöhr, hat in einem Interview gefordert, dass der Datenschutz gelockert "
     "werden solle.", "Der Leiter des Programms, Klaus Stöhr"),
    # the report a passive or impersonal frame names with "in"
    ("In einem Bericht der Salzburger Nachrichten wurde vermutet, dass keine der Personen überlebt hat.",
     "einem Bericht der Salzburger Nachrichten"),
    ("In der Pressemitteilung des WWF heißt es weiter, dass ein Nebeneinander sehr unwahrscheinlich sei.",
     "der Pressemitteilung des WWF"),
    # the subject after the finite auxiliary of a fronted phrase
    ("Im Vorfeld hatte das deutsche Organisationskomitee (OK) der Fußball-Weltmeisterschaft betont, dass die "
     "personalisierten Eintrittskarten wichtig seien.", "das deutsche Organisationskomitee"),
    # nor the medium told
    ("Ein Sprecher des Übergangsrates sagte SPIEGEL ONLINE, sie hätten erst durch den Bericht von "
     "dem Massaker erfahren.", "Ein Sprecher des Übergangsrates"),
])
def test_speaker_of_a_frame_with_a_name_next_to_the_verb(nlp, text, speaker) -> None:
    last = quotes_in(nlp, text)[-1]
    assert last.speaker.mention is not None and last.speaker.mention.text == speaker


def test_a_direct_quote_never_speaks_through_a_phrase_of_its_own(nlp) -> None:
    text = ("Er äußerte sich nach einem ersten Blick in die Unterlagen mit den Worten: „Die Nachricht kann nicht "
            "einfacher sein.“ Und: „Die Gefahren sind real und können einfach bekämpft werden.“")
    quotes = [q for q in quotes_in(nlp, text) if q.type == "direct"]
    assert quotes and all(q.speaker.mention is None or q.speaker.mention.text == "Er" for q in quotes)
    assert quotes[-1].speaker.mention is not None


@pytest.mark.parametrize("text, words, names", [
    ("Der Bürgermeister von New Orleans forderte die Bewohner auf, die Stadt zu verlassen.", 5, True),
    ("Der Untersuchungsbericht nennt schwere Mängel bei den Ermittlungen.", 2, True),
    ("Besondere Probleme traten beim Transport gefährlicher Güter auf.", 2, False),
])
def test_a_reported_sentence_names_its_speaker_only_if_it_names_someone(nlp, text, words, names) -> None:
    from lagebild.quotes.stage import make_context

    article = prepare(RawArticle("t", text))
    doc = nlp.make_doc(article.text)
    doc._.article = article
    with nlp.select_pipes(disable=["lagebild_quotes", "lagebild_time", "lagebild_events"]):
        doc = nlp(doc)
    assert make_context(doc).names_someone(0, words) is names

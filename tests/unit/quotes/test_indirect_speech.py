"""Indirect, reported and free indirect speech: frames before, after and around their content."""
from __future__ import annotations

import pytest
from quote_docs import part_texts, quotes_of

# STTS tags and Konjunktiv I as the core model gives them, for the words that matter
KI = "Mood=Sub|Tense=Pres|VerbForm=Fin"


@pytest.mark.parametrize("text, qtype, parts, speaker, cue", [
    ("Es gebe weiterhin Bereiche, in denen Russland und die Nato unterschiedlicher Ansicht seien, "
     "räumte Rasmussen im Gespräch mit dem Rundfunksender Echo Moskwy ein.", "indirect",
     ["Es gebe weiterhin Bereiche, in denen Russland und die Nato unterschiedlicher Ansicht seien"],
     "Rasmussen", ["räumte", "ein"]),
    ("Die Nato, wiederholte er bei jeder sich bietenden Gelegenheit, betrachte Russland nicht als Feind.",
     "indirect", ["Die Nato", "betrachte Russland nicht als Feind"], "er", ["wiederholte"]),
    ("Im Verlaufe seiner Begegnungen in Moskau machte er deutlich, dass für die Nato eine Anerkennung "
     "Südossetiens nicht infrage komme.", "indirect",
     ["dass für die Nato eine Anerkennung Südossetiens nicht infrage komme"], "er", ["machte", "deutlich"]),
    ("In prinzipiellen Fragen werde das Bündnis keine Kompromisse eingehen, kündigte er an.", "indirect",
     ["In prinzipiellen Fragen werde das Bündnis keine Kompromisse eingehen"], "er", ["kündigte", "an"]),
    ("Außenminister Sergej Lawrow versprach, dass sein Land sich stärker engagieren werde.", "indirect",
     ["dass sein Land sich stärker engagieren werde"], "Außenminister Sergej Lawrow", ["versprach"]),
    ("Der Nato-Chef sagte, das Bündnis werde die Vorschläge prüfen.", "indirect",
     ["das Bündnis werde die Vorschläge prüfen"], "Der Nato-Chef", ["sagte"]),
    ("Der Leiter des Programms, Klaus Stöhr, sagte, die Gefahr einer Pandemie sei real.", "indirect",
     ["die Gefahr einer Pandemie sei real"], "Der Leiter des Programms, Klaus Stöhr", ["sagte"]),
    ("Wie ein Sprecher der Polizei mitteilte, wurden drei Menschen verletzt.", "indirect",
     ["wurden drei Menschen verletzt"], "ein Sprecher der Polizei", ["mitteilte"]),
    ("Generalsekretär Anders Fogh Rasmussen sprach zum Abschluss seines Besuchs von einer neuen Phase "
     "in den Beziehungen.", "reported", ["von einer neuen Phase in den Beziehungen"],
     "Generalsekretär Anders Fogh Rasmussen", ["sprach"]),
    ("Medwedew hatte zuvor die Verbrechensbekämpfung und die Piraterie als Felder des gemeinsamen "
     "Vorgehens genannt.", "reported",
     ["die Verbrechensbekämpfung und die Piraterie als Felder des gemeinsamen Vorgehens"], "Medwedew", ["genannt"]),
])
def test_speech_verb_frames(text, qtype, parts, speaker, cue) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == 1, [part_texts(q) for q in quotes]
    q = quotes[0]
    assert q.type == qtype
    assert part_texts(q) == parts
    assert q.speaker.mention.text == speaker
    assert [c.text for c in q.cue] == cue


@pytest.mark.parametrize("text, parts, speaker, cue", [
    ("Laut Polizei wurden drei Menschen verletzt.", ["wurden drei Menschen verletzt"], "Polizei", ["Laut"]),
    ("Der Polizei zufolge wurden drei Menschen verletzt.", ["wurden drei Menschen verletzt"], "Der Polizei", ["zufolge"]),
    ("Nach Angaben der Polizei wurden drei Menschen verletzt.", ["wurden drei Menschen verletzt"],
     "Angaben der Polizei", ["Nach"]),
    ("Drei Menschen wurden nach Polizeiangaben verletzt.", ["Drei Menschen wurden", "verletzt"],
     "Polizeiangaben", ["nach"]),
    ("Die Lage sei ernst, so der Minister.", ["Die Lage sei ernst"], "der Minister", ["so"]),
    ("Dennoch, so Nacke, habe Mindermann nicht seiner Vorbildfunktion entsprochen.",
     ["Dennoch", "habe Mindermann nicht seiner Vorbildfunktion entsprochen"], "Nacke", ["so"]),
])
def test_attributions_without_a_verb(text, parts, speaker, cue) -> None:
    (q,) = quotes_of(text)
    assert (q.type, part_texts(q), q.speaker.mention.text, [c.text for c in q.cue]) == ("indirect", parts, speaker, cue)


@pytest.mark.parametrize("text, addressee", [
    ("Zur Bekräftigung regte er vor Studenten an, Russland und die Nato sollten eine Raketenabwehr aufbauen.",
     "Studenten"),
    ("Es gebe Bereiche mit anderer Ansicht, räumte Rasmussen im Gespräch mit dem Sender Echo Moskwy ein.",
     "dem Sender Echo Moskwy"),
    ("Der Minister sagte gegenüber der Zeitung, die Lage sei ernst.", "der Zeitung"),
])
def test_addressee(text: str, addressee: str) -> None:
    (q,) = quotes_of(text)
    assert q.addressee is not None and q.addressee.text == addressee


def test_free_indirect_continues_the_speaker() -> None:
    text = ("Im Verlaufe seiner Begegnungen machte Rasmussen deutlich, dass die Nato nicht nachgebe. "
            "Vielmehr bestehe das Bündnis auf der Einheit Georgiens.")
    first, second = quotes_of(text, entities=[("e1", "Anders Fogh Rasmussen", "PER", [("Rasmussen", "name")])])
    assert second.type == "free_indirect"
    assert part_texts(second) == ["Vielmehr bestehe das Bündnis auf der Einheit Georgiens"]
    assert second.speaker.entity == first.speaker.entity == "e1"
    assert second.cue == []


def test_free_indirect_from_morphology() -> None:
    """A Konjunktiv I the word list does not know is found from Mood=Sub of the morphologizer."""
    text = "Der Minister sagte, die Lage sei ernst. Man prüfe alle Möglichkeiten."
    quotes = quotes_of(text, tags={"sagte": "VVFIN", "sei": "VAFIN", "prüfe": "VVFIN", "Man": "PIS"},
                       morphs={"sei": KI, "prüfe": KI, "sagte": "Mood=Ind|Tense=Past|VerbForm=Fin"})
    assert [q.type for q in quotes] == ["indirect", "free_indirect"]
    assert quotes[1].speaker.mention.text == "Der Minister"


def test_indicative_sentence_ends_the_report() -> None:
    text = "Der Minister sagte, die Lage sei ernst. Am Abend regnete es in Berlin."
    assert [q.type for q in quotes_of(text)] == ["indirect"]


def test_direct_fragment_inside_indirect_speech() -> None:
    text = "Es gebe aber auch viele Bereiche, „in denen wir Sicherheitsinteressen teilen“, sagte er."
    quotes = quotes_of(text)
    assert sorted(q.type for q in quotes) == ["direct", "indirect"]
    direct = next(q for q in quotes if q.type == "direct")
    assert part_texts(direct) == ["in denen wir Sicherheitsinteressen teilen"]
    assert all(q.speaker.mention.text == "er" for q in quotes)


def test_coordinated_reported_speech_shares_the_speaker() -> None:
    text = "Es gebe auch viele gemeinsame Bereiche, sagte er und nannte den Terrorismus und die Lage in Afghanistan."
    quotes = quotes_of(text)
    reported = [q for q in quotes if q.type == "reported"]
    assert [part_texts(q) for q in reported] == [["den Terrorismus und die Lage in Afghanistan"]]
    assert reported[0].speaker.mention.text == "er"


def test_subject_from_the_parse() -> None:
    """With a parse the speaker is the subject of the cue verb, whatever its position."""
    text = "Gestern sagte der Sprecher des Ministeriums, die Lage sei ernst."
    parse = [(1, "advmod"), (1, "ROOT"), (3, "det"), (1, "nsubj"), (5, "det"), (3, "nmod"), (9, "punct"),
             (8, "det"), (9, "nsubj"), (1, "ccomp"), (9, "advmod"), (1, "punct")]
    (q,) = quotes_of(text, parse=parse)
    assert q.speaker.mention.text == "der Sprecher des Ministeriums"
    assert part_texts(q) == ["die Lage sei ernst"]


@pytest.mark.parametrize("text, parts", [
    ("Das Unternehmen bekomme, wie es auf einer Pressekonferenz hieß, vier Millionen Euro.",
     ["Das Unternehmen bekomme", "vier Millionen Euro"]),
    ("Ein Motorboot, auf dem sich nach Angaben des Piratenchefs viel Geld befunden haben soll, ist gekentert.",
     ["auf dem sich", "viel Geld befunden haben soll"]),
])
def test_frames_inside_the_sentence(text: str, parts: list[str]) -> None:
    (q,) = quotes_of(text)
    assert part_texts(q) == parts


def test_second_frame_ends_the_content() -> None:
    text = "Ägypten wurde aufgefordert, die Grenze zu öffnen, so Hisbollah-Chef Hassan Nasrallah im Fernsehen."
    quotes = quotes_of(text)
    assert ["die Grenze zu öffnen"] in [part_texts(q) for q in quotes]


def test_opinion_noun_frame() -> None:
    (q,) = quotes_of("Günter Metzges ist der Meinung, dass die Klage die Umsetzung nicht verzögern dürfe.")
    assert part_texts(q) == ["dass die Klage die Umsetzung nicht verzögern dürfe"]
    assert [c.text for c in q.cue] == ["Meinung"] and q.speaker.mention.text == "Günter Metzges"

"""Speaker entities: the entity whose mention overlaps the speaker, with fallbacks."""
from __future__ import annotations

from quote_docs import quotes_of


def test_name_speaker_links_to_its_entity() -> None:
    (q,) = quotes_of("„Wir bleiben hart“, sagte Olaf Scholz.",
                     entities=[("e1", "Olaf Scholz", "PER", [("Olaf Scholz", "name")])])
    assert q.speaker.entity == "e1"


def test_pronoun_resolved_by_the_entities_stage_wins() -> None:
    text = "Olaf Scholz traf Emmanuel Macron. „Wir bleiben hart“, sagte er."
    (q,) = quotes_of(text, entities=[
        ("e1", "Olaf Scholz", "PER", [("Olaf Scholz", "name")]),
        ("e2", "Emmanuel Macron", "PER", [("Emmanuel Macron", "name"), ("er", "pronoun")]),
    ])
    assert q.speaker.mention.text == "er" and q.speaker.entity == "e2"


def test_unresolved_pronoun_falls_back_to_the_last_person() -> None:
    text = "Auf die Bitte reagierte Medwedew sehr verhalten. Er werde seine Regierung beauftragen, die Wünsche zu prüfen."
    (q,) = quotes_of(text, entities=[("e1", "Dmitri Medwedew", "PER", [("Medwedew", "name")])])
    assert q.type == "free_indirect" and q.speaker.mention.text == "Er" and q.speaker.entity == "e1"


def test_role_noun_links_through_the_role() -> None:
    from lagebild.article import Role

    text = "Der Nato-Chef sagte, das Bündnis werde die Vorschläge prüfen."
    from quote_docs import make_doc
    from lagebild.article import Article, Entity, Mention
    from lagebild.quotes.stage import find_quotes

    doc = make_doc(text)
    art = Article(id="t", text=text)
    art.entities.append(Entity("e1", "Anders Fogh Rasmussen", "PER", roles=[Role("Nato-Chef", None)],
                               mentions=[Mention(0, 0, "", "name")]))
    doc._.article = art
    (q,) = find_quotes(doc, art)
    assert q.speaker.entity == "e1"


def test_unknown_speaker_keeps_the_mention_only() -> None:
    (q,) = quotes_of("„Wir bleiben hart“, sagte der Sprecher.")
    assert q.speaker.mention.text == "der Sprecher" and q.speaker.entity is None


def test_ids_and_offsets() -> None:
    text = "„Eins zwei drei vier“, sagte Anna. „Fünf sechs sieben acht“, sagte Berta."
    quotes = quotes_of(text)
    assert [q.id for q in quotes] == ["q1", "q2"]
    for q in quotes:
        for span in [*q.parts, *q.cue, q.speaker.mention]:
            assert text[span.start:span.end] == span.text


def test_surname_the_ner_missed_links_to_the_full_name() -> None:
    text = "Anders Fogh Rasmussen kam nach Moskau. Es gebe Bereiche mit anderer Ansicht, räumte Rasmussen ein."
    (q,) = quotes_of(text, entities=[("e1", "Anders Fogh Rasmussen", "PER", [("Anders Fogh Rasmussen", "name")])])
    assert q.speaker.mention.text == "Rasmussen" and q.speaker.entity == "e1"


def test_speaker_pronoun_continues_the_last_speaker() -> None:
    text = ("Es gebe Bereiche mit anderer Ansicht, räumte Rasmussen ein. "
            "In prinzipiellen Fragen werde das Bündnis nicht nachgeben, kündigte er an.")
    quotes = quotes_of(text, entities=[
        ("e1", "Anders Fogh Rasmussen", "PER", [("Rasmussen", "name")]),
        ("e2", "Dmitri Medwedew", "PER", [("er", "pronoun")]),  # a wrong resolution upstream
    ])
    assert [q.speaker.entity for q in quotes] == ["e1", "e1"]



def test_an_attribution_adverb_stands_for_the_source() -> None:
    text = "Inzwischen sind präzise Beschuldigungen bekannt geworden. Demnach steht der Kopilot in der Schusslinie."
    quotes = [q for q in quotes_of(text) if q.cue and q.cue[0].text == "Demnach"]
    assert [q.speaker.mention.text for q in quotes] == ["Demnach"] and quotes[0].speaker.entity is None

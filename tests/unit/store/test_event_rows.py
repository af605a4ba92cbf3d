"""The events table: one flat row per event, with offsets into the text and the sentence."""
from __future__ import annotations

from lagebild.store.event_rows import event_rows
from lagebild.store.rows import article_to_rows


def test_one_row_per_event_with_the_trigger_offsets_and_its_sentence(example_article):
    rows = article_to_rows(example_article)["events"]
    text = example_article["text"]
    assert len(rows) == len(example_article["events"]) == 18
    for row, ev in zip(rows, example_article["events"]):
        assert text[row["start_char"]:row["end_char"]] == row["text"] == ev["trigger"]["text"]
        assert row["text"] in row["sentence"] and row["sentence"] in text
        assert row["type"] == ev["type"] and row["negated"] == ev["negated"] and row["modality"] == ev["modality"]
    names = {e["id"]: e["name"] for e in example_article["entities"]}
    assert (names[rows[0]["actor_entity"]], names[rows[0]["target_entity"]]) == ("Nato", "Russland")


def test_an_event_inside_a_quote_carries_the_quote_and_its_speaker(example_article):
    rows = article_to_rows(example_article)["events"]
    sourced = [r for r in rows if r["source_quote"]]
    assert sourced, "the example has events claimed in quotes"
    speakers = {q["id"]: q["speaker"]["entity"] for q in example_article["quotes"]}
    assert all(r["source_speaker"] == speakers[r["source_quote"]] for r in sourced)


def test_odd_events_become_nulls_not_errors():
    article = {"id": "x", "text": "Die Nato droht.", "sentences": [{"start": 0, "end": 15}], "quotes": [
        {"id": "q1", "speaker": {"entity": "e1", "mention": None}}],
        "events": [{"id": "v1", "type": "THREATEN", "trigger": {"start": 9, "end": 14, "text": "droht"},
                    "actor": "e1", "negated": "no", "time": {"id": "t1", "value": "2009"}, "score": 0.5,
                    "source": {"quote": "q1"}},
                   {"id": "v2", "trigger": None, "place": {"entity": "e2", "mention": {"text": "Wien"}}},
                   "not an event"]}
    rows = event_rows("x", {**article, "events": article["events"][:2]})
    assert rows[0]["sentence"] == "Die Nato droht." and rows[0]["actor_entity"] is None
    assert rows[0]["negated"] is None and rows[0]["time_value"] == "2009" and rows[0]["score"] == 0.5
    assert rows[0]["source_quote"] == "q1" and rows[0]["source_speaker"] == "e1"   # the quote's speaker
    assert rows[1]["start_char"] is None and rows[1]["sentence"] is None and rows[1]["place_text"] == "Wien"

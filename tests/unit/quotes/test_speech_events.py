"""The learned speech-event model (SpkAtt-2023) and the shared task's scoring."""
from __future__ import annotations

import pytest

from lagebild.evaluation.spkatt import Tally, align, gold_events, speech_text


def _event(cue, **roles):
    return {"Cue": frozenset(cue), **{r: frozenset(roles.get(r, ())) for r in
                                      ("Source", "Message", "Addr", "Topic", "Medium", "Evidence")}}


def test_cues_align_one_to_one_by_largest_overlap():
    pred = [_event(["0:1", "0:2"]), _event(["0:2"]), _event(["3:0"])]
    gold = [_event(["0:1", "0:2"]), _event(["5:5"])]
    assert align(pred, gold) == [(0, 0)]


def test_role_tokens_of_unaligned_events_count_as_errors():
    tally = Tally()
    tally.add([_event(["0:1"], Source=["0:0"], Message=["0:2", "0:3"]), _event(["4:1"], Source=["4:0"])],
              [_event(["0:1"], Source=["0:0"], Message=["0:2"])])
    res = tally.result()
    assert res["cue"]["f1"] == pytest.approx(2 / 3, abs=1e-3)           # 1 of 2 predicted cue tokens right
    assert (res["roles"]["tp"], res["roles"]["pred"], res["roles"]["gold"]) == (2, 4, 2)
    assert res["events"] == {"pred": 2, "gold": 1, "aligned": 1}


def test_gold_events_count_the_particle_as_part_of_the_cue():
    [ev] = gold_events([{"Cue": ["2:3"], "PTC": ["2:8"], "Source": ["2:0"], "Message": [], "Addr": [],
                         "Topic": [], "Medium": [], "Evidence": []}])
    assert ev["Cue"] == {"2:3", "2:8"} and ev["Source"] == {"2:0"}


def test_speech_text_keeps_every_token_addressable():
    text, spans = speech_text([{"SentenceId": 0, "Tokens": ["Ich", "sage", ":"]}, {"SentenceId": 1, "Tokens": ["Nein", "!"]}])
    assert text == "Ich sage : Nein !"
    assert [(text[a:b], tid) for a, b, tid in spans][3] == ("Nein", "1:0")


def test_the_model_finds_a_demand_and_its_source():
    from spacy.tokens import Doc

    from lagebild.evaluation.spkatt import CORE_PIPES
    from lagebild.pipeline import load_nlp
    from lagebild.quotes.speech_events import SpeechEventModel

    nlp = load_nlp()
    words = "Wir fordern , dass die Bundesregierung endlich handelt .".split()
    with nlp.select_pipes(enable=[p for p in CORE_PIPES if p in nlp.pipe_names]):
        doc = nlp(Doc(nlp.vocab, words=words))
    events = SpeechEventModel.load().find(doc)
    cue = next(e for e in events if words[e.cue[0]] == "fordern")
    assert [words[i] for i in cue.roles.get("Source", [])] == ["Wir"]
    assert "Bundesregierung" in [words[i] for i in cue.roles.get("Message", [])]

"""compile_draft on a synthetic source: offsets, identities, quotes, events, the error list, the round trip."""
from __future__ import annotations

import pytest

from lagebild.corpus import labels
from lagebild.corpus.draft import DraftErrors, compile_draft, decompile
from lagebild.corpus.sources import part_of


def test_compiled_record_holds_offsets_only(record, source) -> None:
    assert record["schema"] == labels.SCHEMA and record["id"] == "wn-1"
    assert record["source"]["sha256"] == source.sha256
    assert record["part"] == part_of("wn-1")
    spans = record["entities"] + [record["meta"]["dateline"]]
    assert all(set(span) >= {"start", "end"} and "text" not in span for span in spans)


def test_mentions_resolve_to_the_intended_words(record, source) -> None:
    words = [(source.text[m["start"]:m["end"]], m["identity"], m["kind"]) for m in record["entities"]]
    assert ("Nato-Chef", "nato", "part") in words and ("Nato-Chef", "rasmussen", "nominal") in words
    # "Nato*" takes every "Nato" that no listed mention overlaps: not the one inside "Nato-Chef"
    assert [w for w in words if w[0] == "Nato"] == [("Nato", "nato", "name")] * 2
    starts = [m["start"] for m in record["entities"]]
    assert starts == sorted(starts)
    assert [m["label"] for m in record["entities"] if m["identity"] == "merkel"] == ["PER"] * 4


def test_quotes_events_times_amounts(joined) -> None:
    assert [q["id"] for q in joined["quotes"]] == ["q1", "q2"]
    assert joined["quotes"][1]["parts"][0]["text"] == "„Wir bleiben hart“"
    assert joined["quotes"][1]["medium"] == "statement"
    assert [(ev["type"], ev["trigger"]["text"], ev["optional"]) for ev in joined["events"]] == [
        ("ACCUSE", "kritisiert", False), ("RETREAT", "abziehen", False),
        ("REJECT", "wies", False), ("REJECT", "lehnte", True)]
    assert joined["events"][1]["quote"] == "q1" and joined["events"][1]["modality"] == "demand"
    assert joined["times"] == [{"start": joined["text"].index("am Montag"), "end": joined["text"].index("am Montag") + 9,
                                "text": "am Montag", "value": "XXXX-WXX-1"}]
    assert joined["amounts"][0]["value"] == 500 and joined["amounts"][0]["text"] == "500 Soldaten"
    assert joined["identities"]["merkel"]["roles"] == [{"role": "Bundeskanzlerin", "of": "deutschland"}]


def test_every_problem_is_listed(draft, source) -> None:
    draft["id"] = "wn-2"
    draft["mentions"].append(["Papst", "merkel", "name"])
    draft["mentions"].append(["Afghanistan", "nobody", "name"])
    draft["mentions"].append(["Truppen", "deutschland", "noun"])
    draft["quotes"][0]["type"] = "hearsay"
    draft["events"][0]["actor"] = "putin"
    draft["events"][1]["quote"] = "q9"
    draft["times"][0][1] = "Montag"
    draft["amounts"][0].append("roughly")
    with pytest.raises(DraftErrors) as err:
        compile_draft(draft, source)
    problems = err.value.problems
    expected = ["draft id 'wn-2'", "'Papst' occurs 0 times", "unknown identity 'nobody'", "kind 'noun'",
                "type 'hearsay'", "unknown identity 'putin'", "quote 'q9' unknown", "value 'Montag' is no time value",
                "mod not in"]
    for text in expected:
        assert any(text in p for p in problems), (text, problems)
    assert len(problems) >= len(expected)


def test_an_ambiguous_reference_is_reported_with_its_places(draft, source) -> None:
    draft["mentions"].append(["sagte", "merkel", "name"])
    with pytest.raises(DraftErrors, match=r"'sagte' occurs 2 times \(add #n or @context\)"):
        compile_draft(draft, source)


def test_decompile_then_compile_gives_the_same_record(record, source) -> None:
    again = compile_draft(decompile(record, source.text), source,
                          annotation={k: v for k, v in record["annotation"].items() if k not in ("annotator", "mode")})
    assert again == record

"""The quote context is built once and read-only; the steps run in the order the stage shows."""
from __future__ import annotations

import pytest
from quote_docs import make_doc

from lagebild.quotes import stage
from lagebild.quotes.context import Context
from lagebild.quotes.lexicon import load_lexicon


def test_context_cannot_be_changed_after_it_is_built() -> None:
    ctx = Context(make_doc("Der Minister sagte, die Lage sei ernst."), load_lexicon(), {})
    with pytest.raises(AttributeError):
        ctx.sents = []
    with pytest.raises(TypeError):
        ctx.in_marks[0] = 1  # type: ignore[index]


def test_context_holds_the_cues_of_each_sentence() -> None:
    ctx = Context(make_doc("Der Minister sagte, die Lage sei ernst. Laut Polizei gab es zwei Tote."),
                  load_lexicon(), {})
    kinds = [[(ctx.doc[c.i].text, c.kind) for c in cues] for cues in ctx.cues]
    assert kinds == [[("sagte", "verb")], [("Laut", "prep")]]


def test_frame_steps_run_attributions_before_verb_frames() -> None:
    names = [step.__name__.rsplit(".", 1)[-1] for step in stage.FRAME_STEPS]
    assert names == ["attributions", "opinion_nouns", "verb_frames"]

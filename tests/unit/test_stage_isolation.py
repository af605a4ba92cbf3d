"""The pipeline runner isolates a failing time or events stage: that layer stays empty with a
warning, the other layers of the article are still produced."""
from __future__ import annotations

import pytest

import lagebild
from lagebild.schema import validate

TEXT = ("Bundeskanzlerin Angela Merkel hat am Mittwoch in Berlin ein Gesetz unterzeichnet. "
        "Die Regierung kritisierte am 3. Mai 2020 die Opposition scharf.")


def _boom(*args, **kwargs):
    raise RuntimeError("injected failure")


@pytest.mark.parametrize("module, function, layers", [
    ("lagebild.time.stage", "find_times", ("times", "amounts")),
    ("lagebild.events.stage", "build_context", ("events",)),
])
def test_a_failing_stage_costs_only_its_own_layers(monkeypatch, module, function, layers):
    healthy = lagebild.analyze(TEXT, date="2020-05-06", id="ok")
    monkeypatch.setattr(module + "." + function, _boom)
    out = lagebild.analyze(TEXT, date="2020-05-06", id="broken")
    validate(out)
    for layer in layers:
        assert out[layer] == []
    assert any("stage failed (RuntimeError: injected failure)" in w for w in out["meta"]["warnings"])
    assert out["entities"] == healthy["entities"] and out["quotes"] == healthy["quotes"]
    assert out["sentences"] == healthy["sentences"]

"""The PLOVER trigger lexicon (`resources/de/event_triggers.tsv`)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.paths import resource_rows


@dataclass(frozen=True)
class Trigger:
    form: str          # infinitive without "|" ("ablehnen") or noun stem ("Anschlag")
    particle: str      # separable particle ("ab") or ""
    base: str          # the verb without its particle ("lehnen")
    pos: str           # verb | noun
    type: str          # PLOVER type
    modality: str | None


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, Trigger]          # fused infinitive -> trigger ("ablehnen", "fordern")
    split_verbs: dict[tuple[str, str], Trigger]  # (base, particle) -> trigger (("lehnen", "ab"))
    nouns: list[Trigger]               # longest stem first, for suffix matching of compounds


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    verbs, split, nouns = {}, {}, []
    for form, pos, etype, hint in resource_rows("event_triggers.tsv"):
        particle, _, base = form.rpartition("|")
        trig = Trigger(form.replace("|", ""), particle, base, pos, etype, None if hint == "-" else hint)
        if pos == "verb":
            verbs[trig.form.lower()] = trig
            if particle:
                split[(base.lower(), particle.lower())] = trig
        else:
            nouns.append(trig)
    nouns.sort(key=lambda t: -len(t.form))
    return TriggerLexicon(verbs, split, nouns)

"""Hand-made `lagebild/1` articles for tests, demos and the browser tests.

The store, API and web UI must be testable while the entity and quote models are still being
trained, so their tests never depend on model output: they load these articles instead. Offsets
are computed from the text (`make_article`), so a hand-written case cannot have a wrong offset.
`example_article` turns the hand annotation of examples/nato-russland-2009 into `lagebild/1`.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from lagebild.article import MENTION_FORMS

_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"“”]?\s*|[^.!?]+$")


def _sentences(text: str) -> list[dict[str, int]]:
    return [{"start": m.start(), "end": m.end()} for m in _SENTENCE.finditer(text) if m.group().strip()]


def _find(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def make_article(doc_id: str, text: str, *, date: str | None = None, title: str | None = None,
                 source: str | None = None, entities: list[dict] = (), quotes: list[dict] = ()) -> dict:
    """A `lagebild/1` dict from readable specs; spans are given as substrings of `text`.

    entities: {"id", "name", "type", "mentions": [surface or (surface, nth)], "roles": [(role, of_id)]}
    quotes:   {"id", "type", "parts": [surface], "speaker": entity id, "mention": surface, "cue": [surface]}
    """
    def span(spec):
        return _find(text, *spec) if isinstance(spec, tuple) else _find(text, spec)

    ents = []
    for e in entities:
        mentions = [{**span(m), "form": "name"} for m in e.get("mentions", [e["name"]])]
        ents.append({"id": e["id"], "name": e["name"], "type": e["type"],
                     "roles": [{"role": r, "of": of} for r, of in e.get("roles", [])], "mentions": mentions})
    qs = []
    for q in quotes:
        qs.append({"id": q["id"], "type": q.get("type", "direct"), "parts": [span(p) for p in q["parts"]],
                   "speaker": {"entity": q.get("speaker"), "mention": span(q["mention"]) if q.get("mention") else None},
                   "cue": [span(c) for c in q.get("cue", [])], "addressee": None})
    return {"schema": "lagebild/1", "id": doc_id,
            "meta": {"title": title, "date": date, "source": source, "url": None, "dateline": None,
                     "language": "de", "warnings": []},
            "text": text, "sentences": _sentences(text), "entities": ents, "quotes": qs,
            "events": [], "times": [], "amounts": []}


def example_article(txt: Path, gold: Path, *, doc_id: str = "nato-russland-2009",
                    title: str = "Nato und Russland starten Neuanfang") -> dict:
    """The example article with its hand annotation (gold.json) as a `lagebild/1` dict."""
    text = txt.read_text(encoding="utf-8")
    g = json.loads(gold.read_text(encoding="utf-8"))
    keys = list(g["identities"])
    eid = {k: f"e{i + 1}" for i, k in enumerate(keys)}
    mentions: dict[str, list[dict]] = {k: [] for k in keys}
    for m in g["entities"]:
        if m.get("identity") in mentions:
            form = m.get("kind") if m.get("kind") in MENTION_FORMS else "name"
            mentions[m["identity"]].append({"start": m["start"], "end": m["end"], "text": m["text"], "form": form})
    entities = []
    for k in keys:
        ident = g["identities"][k]
        roles = [{"role": r["role"], "of": eid.get(r.get("of"))} for r in ident.get("roles", [])]
        entities.append({"id": eid[k], "name": ident["name"], "type": ident.get("label", "OTH"),
                         "roles": roles, "mentions": mentions[k]})
    quotes = []
    for i, q in enumerate(g["quotes"]):
        quotes.append({"id": f"q{i + 1}", "type": q["type"], "parts": q["parts"],
                       "speaker": {"entity": eid.get(q.get("speaker")), "mention": q.get("speaker_mention")},
                       "cue": q.get("cue", []), "addressee": q.get("addressee")})
    date = g.get("meta", {}).get("assumed_date")
    return {"schema": "lagebild/1", "id": doc_id,
            "meta": {"title": title, "date": date, "source": "Beispiel", "url": None,
                     "dateline": g.get("meta", {}).get("dateline"), "language": "de", "warnings": []},
            "text": text, "sentences": _sentences(text), "entities": entities, "quotes": quotes,
            "events": [], "times": [{k: t[k] for k in ("start", "end", "text", "value")} for t in g.get("times", [])],
            "amounts": [{k: a.get(k) for k in ("start", "end", "text", "value", "unit")} for a in g.get("amounts", [])]}


def follow_up_articles() -> list[dict]:
    """Three short articles that exercise identities across articles: Rasmussen by surname and
    role (joins), a different Rasmussen (must not join), and one with markup in the text."""
    t1 = ("Brüssel. Rasmussen, Nato-Generalsekretär, forderte mehr Truppen für Afghanistan. "
          "„Wir brauchen jetzt Entschlossenheit“, sagte Rasmussen am Montag.")
    t2 = ("Kopenhagen. Der dänische Regierungschef Lars Løkke Rasmussen will die Steuern senken. "
          "„Das ist gerecht“, sagte Rasmussen.")
    t3 = ("Berlin. Ein Leser schrieb <script>alert('xss')</script> in das Formular. "
          "„<b>Kein Fett</b> bitte“, sagte Merkel.")
    return [
        make_article("nato-afghanistan-2010", t1, date="2010-01-11", title="Nato will mehr Truppen",
                     entities=[{"id": "e1", "name": "Rasmussen", "type": "PER", "mentions": ["Rasmussen", ("Rasmussen", 1)],
                                "roles": [("Nato-Generalsekretär", None)]},
                               {"id": "e2", "name": "Afghanistan", "type": "LOC"},
                               {"id": "e3", "name": "Brüssel", "type": "LOC"}],
                     quotes=[{"id": "q1", "parts": ["„Wir brauchen jetzt Entschlossenheit“"], "speaker": "e1",
                              "mention": ("Rasmussen", 1), "cue": ["sagte"]}]),
        make_article("daenemark-steuern-2010", t2, date="2010-02-03", title="Dänemark senkt Steuern",
                     entities=[{"id": "e1", "name": "Lars Løkke Rasmussen", "type": "PER",
                                "mentions": ["Lars Løkke Rasmussen", ("Rasmussen", 1)], "roles": [("Regierungschef", None)]},
                               {"id": "e2", "name": "Kopenhagen", "type": "LOC"}],
                     quotes=[{"id": "q1", "parts": ["„Das ist gerecht“"], "speaker": "e1",
                              "mention": ("Rasmussen", 1), "cue": ["sagte"]}]),
        make_article("markup-2010", t3, date="2010-02-04", title="<i>Markup</i> im Titel",
                     entities=[{"id": "e1", "name": "Angela Merkel", "type": "PER", "mentions": ["Merkel"]}],
                     quotes=[{"id": "q1", "parts": ["„<b>Kein Fett</b> bitte“"], "speaker": "e1",
                              "mention": "Merkel", "cue": ["sagte"]}]),
    ]

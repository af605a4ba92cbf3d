"""Hand-made `lagebild/1` articles for tests, demos and the browser tests.

The store, API and web UI must be testable while the entity and quote models are still being
trained, so their tests never depend on model output: they load these articles instead. Offsets
are computed from the text (`make_article`), so a hand-written case cannot have a wrong offset.
`example_article` turns the hand annotation of examples/nato-russland-2009 into `lagebild/1`.
"""
from __future__ import annotations

import bisect
import itertools
import json
from datetime import date, timedelta
import re
from pathlib import Path
from typing import Any, Iterator, Sequence

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
    events = _gold_events(g["events"], eid, quotes)
    return {"schema": "lagebild/1", "id": doc_id,
            "meta": {"title": title, "date": date, "source": "Beispiel", "url": None,
                     "dateline": g.get("meta", {}).get("dateline"), "language": "de", "warnings": []},
            "text": text, "sentences": _sentences(text), "entities": entities, "quotes": quotes,
            "events": events, "times": [{k: t[k] for k in ("start", "end", "text", "value")} for t in g.get("times", [])],
            "amounts": [{k: a.get(k) for k in ("start", "end", "text", "value", "unit")} for a in g.get("amounts", [])]}


def _gold_events(gold: list[dict], eid: dict[str, str], quotes: list[dict]) -> list[dict]:
    """The gold events in `lagebild/1` form; an event whose trigger lies in a quote's part gets that
    quote (and its speaker) as its source."""
    def party(key: str | None) -> dict | None:
        return {"entity": eid[key], "mention": None} if key in eid else None

    def source(trigger: dict) -> dict | None:
        for q in quotes:
            if any(p["start"] <= trigger["start"] and trigger["end"] <= p["end"] for p in q["parts"]):
                return {"quote": q["id"], "speaker": q["speaker"]["entity"]}
        return None

    return [{"id": f"v{i + 1}", "type": ev["type"], "accept": ev.get("accept", []), "trigger": ev["trigger"],
             "actor": party(ev.get("actor")), "target": party(ev.get("target")), "negated": ev["negated"],
             "modality": ev["modality"], "time": ev.get("time"), "place": party(ev.get("place")),
             "source": source(ev["trigger"]), "score": None}
            for i, ev in enumerate(gold)]


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


# -- a large synthetic corpus for load tests --------------------------------------------------------
# Names the synthetic corpus draws from: invented combinations, not claims about real people.
_FIRST = ("Anna", "Bernd", "Claudia", "Dieter", "Elke", "Frank", "Gisela", "Hans", "Ines", "Jürgen",
          "Katrin", "Lars", "Monika", "Norbert", "Olga", "Peter", "Renate", "Stefan", "Tanja", "Uwe",
          "Vera", "Walter", "Yvonne", "Zoran", "Sergej", "Dmitri", "Barack", "Angela", "Anders", "Ursula")
_SURNAME = ("Albrecht", "Bauer", "Conrad", "Dietz", "Engel", "Fuchs", "Graf", "Hahn", "Iwanow", "Jansen",
            "Keller", "Lorenz", "Maier", "Neumann", "Ott", "Petrow", "Quandt", "Roth", "Schulz", "Thiel",
            "Unger", "Vogel", "Wagner", "Xaver", "Yilmaz", "Zimmer", "Rasmussen", "Medwedew", "Lawrow",
            "Obama", "Brandt", "Kohl", "Steinmeier", "Gabriel", "Haas", "Kraus", "Lang", "Moser",
            "Pohl", "Seidel", "Sommer", "Winter", "Wolf", "Berger", "Hartmann", "Krüger", "Lehmann",
            "Schmitt", "Schröder", "Werner")
_PLACES = ("Moskau", "Berlin", "Wien", "Brüssel", "Paris", "London", "Kiew", "Warschau", "Prag", "Rom",
           "Madrid", "Athen", "Ankara", "Kabul", "Bagdad", "Teheran", "Peking", "Tokio", "Washington",
           "Genf", "Russland", "Georgien", "Afghanistan", "Ukraine", "Europa", "Deutschland",
           "Österreich", "Frankreich", "Polen", "Türkei", "Iran", "Irak", "China", "Japan", "Indien",
           "Syrien", "Libyen", "Ägypten", "Serbien", "Kosovo", "Bayern", "Sachsen", "Tirol",
           "Südossetien", "Abchasien", "Weißrussland", "Litauen", "Estland", "Finnland", "Schweden")
_ORGS = ("Nato", "EU", "UNO", "OSZE", "Kreml", "Bundestag", "Bundesregierung", "Weltbank", "IWF",
         "Siemens", "Volkswagen", "Deutsche Bahn", "Gazprom", "Greenpeace", "Amnesty International",
         "Rotes Kreuz", "SPD", "CDU", "FDP", "Grüne", "ÖVP", "SPÖ", "Verdi", "IG Metall", "ARD",
         "Echo Moskwy", "Europarat", "Bundeswehr", "Interpol", "Europäische Zentralbank")
_SOURCES = ("Beispiel", "derstandard.at", "wikinews.de", "Agentur", "Lokalblatt")
_TITLES = {"nato-russland-2009": "{e1} und {e2} starten Neuanfang",
           "nato-afghanistan-2010": "{e1} will mehr Truppen", "daenemark-steuern-2010": "{e2} senkt Steuern",
           "markup-2010": "<i>Markup</i> bei {e1}"}


def _zipf_weights(pool: Sequence[str]) -> list[float]:
    """Cumulative weights 1/(rank + 10): the first names far more often, as in real news."""
    return list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(pool))))


def _zipf_pick(rng, pool: Sequence[str], cum: list[float], avoid: set[str]) -> str:
    """A name from `pool` drawn by the cumulative weights `cum`, not one in `avoid`."""
    while True:
        name = rng.choices(pool, cum_weights=cum)[0]
        if name not in avoid:
            return name


def _surface(mention: str, old: str, new: str, type_: str) -> str | None:
    """The renamed surface of one name mention, or None when it is not a plain form of `old`."""
    forms = [(old, new), (old + "s", new + "s")]
    if type_ == "PER" and " " in old:
        forms += [(old.split()[-1], new.split()[-1]), (old.split()[-1] + "s", new.split()[-1] + "s")]
    for was, now in forms:
        if mention == was:
            return now
    if mention.startswith(old + "-"):  # "Nato-Chef", "Georgien-Krieg"
        return new + mention[len(old):]
    return None


def rename_entities(article: dict, names: dict[str, str]) -> dict:
    """A copy of `article` with entities renamed (entity id -> new name) in the text too.

    Every name mention that is a plain form of the old name is rewritten and every span of the
    article (sentences, quote parts, cues, times, ...) is moved to the new offsets, its `text`
    taken from the new text, so the copy is as consistent as the original."""
    text = article["text"]
    edits: list[tuple[int, int, str]] = []
    for ent in article.get("entities") or []:
        if ent["id"] not in names:
            continue
        for m in ent.get("mentions") or []:
            new = _surface(m["text"], ent["name"], names[ent["id"]], ent.get("type") or "")
            if new is not None and new != m["text"]:
                edits.append((m["start"], m["end"], new))
    edits.sort()
    kept, last_end = [], -1
    for e in edits:
        if e[0] >= last_end:
            kept.append(e)
            last_end = e[1]
    pieces, pos, moved = [], 0, []   # moved: (old start, old end, new start, new end)
    out_len = 0
    for start, end, new in kept:
        pieces.append(text[pos:start])
        out_len += start - pos
        moved.append((start, end, out_len, out_len + len(new)))
        pieces.append(new)
        out_len += len(new)
        pos = end
    pieces.append(text[pos:])
    new_text = "".join(pieces)

    starts = [m[0] for m in moved]

    def shift(x: int, side: str) -> int:
        k = bisect.bisect_left(starts, x) - 1   # the last edit that starts before x
        if k < 0:
            return x
        s, e, ns, ne = moved[k]
        if x >= e:
            return x + ne - e
        return ns if side == "start" else ne   # inside an edited name: snap to its edges

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(v) for v in node]
        if not isinstance(node, dict):
            return node
        out = {k: walk(v) for k, v in node.items()}
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            out["start"], out["end"] = shift(node["start"], "start"), shift(node["end"], "end")
            if "text" in node:
                out["text"] = new_text[out["start"]:out["end"]]
        return out

    copy = {k: walk(v) for k, v in article.items() if k != "text"}
    copy["text"] = new_text
    for ent in copy.get("entities") or []:
        if ent["id"] in names:
            ent["name"] = names[ent["id"]]
    return copy


def synthetic_articles(n: int, *, seed: int = 0, examples: Path | None = None) -> list[dict]:
    """The list of `iter_synthetic_articles`."""
    return list(iter_synthetic_articles(n, seed=seed, examples=examples))


def iter_synthetic_articles(n: int, *, seed: int = 0, examples: Path | None = None) -> Iterator[dict]:
    """`n` distinct `lagebild/1` articles for load tests, made one at a time without running a model.

    Each is one of the hand-made articles (the annotated example, 60 %, or a short follow-up)
    with its people, places and organisations renamed from small pools (frequent names far
    more often, as in real news, so some entities have thousands of articles and most a few),
    a date in 2009-2012 (2 % undated), its own id and source, and a closing line with its
    number that keeps every text distinct. Deterministic for a given `seed`."""
    import random

    examples = examples or Path(__file__).resolve().parents[3] / "examples"
    base = example_article(examples / "nato-russland-2009.txt", examples / "nato-russland-2009.gold.json")
    templates = [base, *follow_up_articles()]
    rng = random.Random(seed)
    people = [f"{f} {s}" for s in _SURNAME for f in _FIRST]
    rng.shuffle(people)
    pools = {t: (p, _zipf_weights(p)) for t, p in (("PER", people), ("LOC", _PLACES), ("ORG", _ORGS))}
    for i in range(n):
        tpl = templates[0] if rng.random() < 0.6 else rng.choice(templates[1:])
        names: dict[str, str] = {}
        used: set[str] = set()
        surnames: set[str] = set()
        for ent in tpl["entities"]:
            pool, cum = pools.get(ent.get("type"), pools["ORG"])
            while True:
                name = _zipf_pick(rng, pool, cum, used)
                if ent.get("type") != "PER" or name.split()[-1] not in surnames:
                    break
                used.add(name)   # two people with one surname in one article: draw again
            used.add(name)
            surnames.add(name.split()[-1])
            names[ent["id"]] = name
        art = rename_entities(tpl, names)
        tail = f"\n\nMeldung {i + 1}."
        start = len(art["text"]) + 2
        art["text"] += tail
        art["sentences"] = [*art["sentences"], {"start": start, "end": len(art["text"])}]
        day = None if rng.random() < 0.02 else (date(2009, 1, 1) + timedelta(days=rng.randrange(1461))).isoformat()
        art["id"] = f"syn-{i + 1:05d}"
        art["meta"] = {**art["meta"], "date": day, "source": rng.choice(_SOURCES),
                       "title": _TITLES.get(tpl["id"], "{e1}").format(**{k: v for k, v in names.items()})}
        yield art

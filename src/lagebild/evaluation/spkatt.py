"""SpkAtt-2023 (speaker attribution in Bundestag speeches, `shared/data/spkatt2023`): lagebild's
quotes scored as speech events with the shared task's method.

Two systems can be scored. `quotes` (the news pipeline): each speech's tokens are joined with
single spaces into one text, which goes through `lagebild.analyze`; each quote becomes a predicted
speech event: its cue words are the `Cue`, its speaker mention the `Source`, its parts the
`Message`, its addressee the `Addr` (no `Topic`, `Medium` or `Evidence`). `speech-model`: the
learned speech-event model (`lagebild.quotes.speech_events`, `models/de_speech_events`) on the
speech's own tokens, parsed by the core pipeline. Scoring: predicted and gold cues are aligned one to one
by token overlap (largest overlap first); cue precision/recall/F1 count the cue tokens of aligned
pairs against all predicted and all gold cue tokens (a particle, `PTC`, counts as part of its
cue); role precision/recall/F1 do the same for the role tokens of aligned pairs, micro-averaged
over the roles, so every role token of an unaligned event is an error.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from spacy.tokens import Doc

ROLES = ("Source", "Message", "Addr", "Topic", "Medium", "Evidence")
Event = dict[str, frozenset[str]]   # "Cue" and each role -> token ids "sentence:token"


def speech_text(sentences: list[dict]) -> tuple[str, list[tuple[int, int, str]]]:
    """The speech as one text, and (start, end, "sentence:token") of every token in it."""
    pieces, spans, pos = [], [], 0
    for sentence in sentences:
        for i, token in enumerate(sentence["Tokens"]):
            if pieces:
                pieces.append(" ")
                pos += 1
            spans.append((pos, pos + len(token), f"{sentence['SentenceId']}:{i}"))
            pieces.append(token)
            pos += len(token)
    return "".join(pieces), spans


def gold_events(annotations: list[dict]) -> list[Event]:
    return [{"Cue": frozenset(a.get("Cue", [])) | frozenset(a.get("PTC", [])),
             **{role: frozenset(a.get(role, [])) for role in ROLES}} for a in annotations]


def predicted_events(article: dict, spans: list[tuple[int, int, str]]) -> list[Event]:
    """One speech event per quote of a `lagebild/1` article, in the speech's token ids."""
    def tokens(items: list[dict | None]) -> frozenset[str]:
        chars = [(s["start"], s["end"]) for s in items if isinstance(s, dict) and "start" in s]
        return frozenset(tid for a, b, tid in spans if any(a < e and s < b for s, e in chars))

    events = []
    for q in article.get("quotes") or []:
        speaker = q.get("speaker") or {}
        events.append({"Cue": tokens(q.get("cue") or []), "Source": tokens([speaker.get("mention")]),
                       "Message": tokens(q.get("parts") or []), "Addr": tokens([q.get("addressee")]),
                       "Topic": frozenset(), "Medium": frozenset(), "Evidence": frozenset()})
    return [e for e in events if e["Cue"]]


def align(pred: list[Event], gold: list[Event]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of overlapping cues, largest overlap first."""
    candidates = sorted(((len(p["Cue"] & g["Cue"]), i, j) for i, p in enumerate(pred)
                         for j, g in enumerate(gold) if p["Cue"] & g["Cue"]), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


class Tally:
    """Token counts over speeches: true positives, predicted and gold tokens per field."""

    def __init__(self) -> None:
        fields = ("Cue", *ROLES)
        self.tp = dict.fromkeys(fields, 0)
        self.pred = dict.fromkeys(fields, 0)
        self.gold = dict.fromkeys(fields, 0)
        self.events = {"pred": 0, "gold": 0, "aligned": 0}

    def add(self, pred: list[Event], gold: list[Event]) -> None:
        pairs = align(pred, gold)
        self.events["pred"] += len(pred)
        self.events["gold"] += len(gold)
        self.events["aligned"] += len(pairs)
        for field in self.tp:
            self.pred[field] += sum(len(e[field]) for e in pred)
            self.gold[field] += sum(len(e[field]) for e in gold)
            self.tp[field] += sum(len(pred[i][field] & gold[j][field]) for i, j in pairs)

    def result(self) -> dict:
        roles = {r: _prf(self.tp[r], self.pred[r], self.gold[r]) for r in ROLES}
        all_roles = _prf(sum(self.tp[r] for r in ROLES), sum(self.pred[r] for r in ROLES),
                         sum(self.gold[r] for r in ROLES))
        return {"cue": _prf(self.tp["Cue"], self.pred["Cue"], self.gold["Cue"]), "roles": all_roles,
                "per_role": roles, "events": dict(self.events)}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


CORE_PIPES = ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "lagebild_finite_repair",
              "lagebild_upos_repair", "lagebild_lemma_repair")
SYSTEMS = ("quotes", "speech-model")


def parse_speeches(nlp, speeches: list[dict]) -> list[tuple[Doc, list[str]]]:
    """One Doc per speech on the speech's own tokens, parsed by the core pipeline, and the
    SpkAtt id ("sentence:token") of every token."""
    raw = []
    for speech in speeches:
        words, ids = [], []
        for s in speech["Sentences"]:
            for i, tok in enumerate(s["Tokens"]):
                words.append(tok)
                ids.append(f"{s['SentenceId']}:{i}")
        raw.append((Doc(nlp.vocab, words=words), ids))
    with nlp.select_pipes(enable=[p for p in CORE_PIPES if p in nlp.pipe_names]):
        docs = list(nlp.pipe((d for d, _ in raw), batch_size=4))
    return [(doc, ids) for doc, (_, ids) in zip(docs, raw)]


def model_events(model, doc: Doc, ids: list[str]) -> list[Event]:
    """The speech-event model's events of one parsed speech, in SpkAtt token ids."""
    return [{"Cue": frozenset(ids[i] for i in ev.cue), **{r: frozenset(ids[i] for i in ev.roles.get(r, [])) for r in ROLES}}
            for ev in model.find(doc)]


def evaluate_spkatt(folder: Path, limit: int | None = None, system: str = "quotes") -> dict:
    """Run `system` on every speech of a SpkAtt-2023 split folder and score it."""
    if system not in SYSTEMS:
        raise ValueError(f"unknown system {system!r}: use one of {', '.join(SYSTEMS)}")
    if system == "speech-model":
        return _evaluate_model(folder, limit)
    from lagebild.analysis import analyze_stream
    from lagebild.ingest.records import IngestError, RawArticle
    from lagebild.pipeline import load_nlp

    paths = sorted(Path(folder).glob("*.json"))[:limit]
    speeches = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    texts = [speech_text(s["Sentences"]) for s in speeches]
    nlp = load_nlp()
    raws = [RawArticle(id=p.stem, text=text, origin=str(p)) for p, (text, _) in zip(paths, texts)]
    t0 = time.perf_counter()
    results = list(analyze_stream(raws, nlp=nlp))
    elapsed = time.perf_counter() - t0
    tally, failures = Tally(), 0
    for speech, (_, spans), art in zip(speeches, texts, results):
        if isinstance(art, IngestError):
            failures += 1
            pred = []
        else:
            pred = predicted_events(art.to_json(), spans)
        tally.add(pred, gold_events(speech["Annotations"]))
    res = tally.result()
    res.update({"data": str(folder), "system": system, "speeches": len(paths), "failed": failures,
                "tokens": sum(len(spans) for _, spans in texts), "seconds": round(elapsed, 2)})
    return res


def _evaluate_model(folder: Path, limit: int | None) -> dict:
    from lagebild.pipeline import load_nlp
    from lagebild.quotes.speech_events import SpeechEventModel

    paths = sorted(Path(folder).glob("*.json"))[:limit]
    speeches = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    model = SpeechEventModel.load()
    t0 = time.perf_counter()
    parsed = parse_speeches(load_nlp(), speeches)
    tally = Tally()
    for (doc, ids), speech in zip(parsed, speeches):
        tally.add(model_events(model, doc, ids), gold_events(speech["Annotations"]))
    res = tally.result()
    res.update({"data": str(folder), "system": "speech-model", "speeches": len(paths), "failed": 0,
                "tokens": sum(len(ids) for _, ids in parsed), "seconds": round(time.perf_counter() - t0, 2)})
    return res


def format_spkatt(res: dict) -> str:
    ev = res["events"]
    lines = [f"SpkAtt-2023, system {res['system']}: {res['data']} ({res['speeches']} speeches, {res['tokens']:,} tokens, "
             f"{res['seconds']} s, {res['failed']} failed)",
             f"speech events: {ev['pred']} predicted, {ev['gold']} gold, {ev['aligned']} aligned by cue overlap",
             f"{'':10} {'P':>7} {'R':>7} {'F1':>7}"]
    for name, prf in [("cue", res["cue"]), ("roles", res["roles"]), *res["per_role"].items()]:
        lines.append(f"{name:10} {prf['p']:7.3f} {prf['r']:7.3f} {prf['f1']:7.3f}")
    return "\n".join(lines)

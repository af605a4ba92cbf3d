"""Train the speech-event model (`lagebild.quotes.speech_events`) on SpkAtt-2023 train and report
cue and role F1 on its dev split (scored as `lagebild eval spkatt` scores).

Data: `shared/data/spkatt2023/train` (177 Bundestag speeches, 5,399 speech events). Its last 20
speeches (by file name) choose the number of epochs and the cue margin, trained on the other 157;
the final model is trained on all 177. Dev (18 speeches) is only reported; the test split is not here. Each speech is parsed by the
core pipeline on its own tokens (one Doc per speech), so model tokens and SpkAtt tokens are the same.
Writes models/de_speech_events/model.json and meta.json.
Run: .venv/bin/python training/train_speech_events.py [--epochs 6 10 15] [--margins 0 2 4 8]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import Doc  # noqa: E402

from lagebild import paths  # noqa: E402
from lagebild.evaluation.spkatt import Tally, gold_events, model_events, parse_speeches  # noqa: E402
from lagebild.nlp.perceptron import train_classifier, write_json  # noqa: E402
from lagebild.quotes.speech_events import (CUE, NONE, PARTICLE_DEPS, ROLES, SpeechEventModel,  # noqa: E402
                                           candidates, cue_features, role_features)

TUNING = 20     # the last 20 train speeches (by file name) choose epochs and cue margin


def load_split(split: str) -> list[tuple[Path, dict]]:
    folder = paths.shared_data_dir() / "spkatt2023" / split
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def examples(doc: Doc, ids: list[str], annotations: list[dict]):
    index = {tid: i for i, tid in enumerate(ids)}
    cue_tokens = {index[t] for a in annotations for t in a.get("Cue", []) if t in index}
    cue_ex = [(cue_features(tok), CUE if tok.i in cue_tokens else NONE) for tok in doc if tok.pos_ not in ("PUNCT", "SPACE")]
    role_ex = []
    for a in annotations:
        cues = [index[t] for t in a.get("Cue", []) if t in index]
        if not cues:
            continue
        cue = doc[cues[0]]
        gold = {r: {index[t] for t in a.get(r, []) if t in index} for r in ROLES}
        for relation, phrase in candidates(cue):
            toks = {t.i for t in phrase if t.pos_ not in ("PUNCT", "SPACE")}
            if not toks:
                continue
            share = {r: len(toks & g) / len(toks) for r, g in gold.items() if g}
            label = max(share, key=share.get) if share and max(share.values()) >= 0.5 else NONE
            role_ex.append((role_features(cue, relation, phrase), label))
    return cue_ex, role_ex


def score(model: SpeechEventModel, parsed, speeches) -> dict:
    tally = Tally()
    for (doc, ids), speech in zip(parsed, speeches):
        tally.add(model_events(model, doc, ids), gold_events(speech["Annotations"]))
    return tally.result()


def train(parsed, speeches, epochs: int, margin: float) -> SpeechEventModel:
    cue_ex, role_ex = [], []
    for (doc, ids), speech in zip(parsed, speeches):
        c, r = examples(doc, ids, speech["Annotations"])
        cue_ex += c
        role_ex += r
    return SpeechEventModel(train_classifier(cue_ex, [NONE, CUE], epochs=epochs),
                            train_classifier(role_ex, [NONE, *ROLES], epochs=epochs), cue_margin=margin)


def choose(parsed, speeches, epochs_grid, margins) -> tuple[int, float, list[dict]]:
    """Epochs and cue margin by role F1 on the tuning speeches, the model trained on the rest."""
    fit, tune = parsed[:-TUNING], parsed[-TUNING:]
    fit_s, tune_s = speeches[:-TUNING], speeches[-TUNING:]
    table = []
    for epochs in epochs_grid:
        model = train(fit, fit_s, epochs, 0.0)
        for margin in margins:
            model.cue_margin = margin
            res = score(model, tune, tune_s)
            table.append({"epochs": epochs, "margin": margin, "cue_f1": res["cue"]["f1"], "role_f1": res["roles"]["f1"]})
            print(table[-1], flush=True)
    best = max(table, key=lambda r: (r["role_f1"] + r["cue_f1"], -r["epochs"]))
    return best["epochs"], best["margin"], table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, nargs="+", default=[6, 10, 15])
    ap.add_argument("--margins", type=float, nargs="+", default=[0.0, 2.0, 4.0, 8.0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "de_speech_events")
    args = ap.parse_args()
    from lagebild.pipeline import load_nlp

    nlp = load_nlp()
    t0 = time.perf_counter()
    train_speeches = [d for _, d in load_split("train")]
    dev_speeches = [d for _, d in load_split("dev")]
    train_parsed, dev_parsed = parse_speeches(nlp, train_speeches), parse_speeches(nlp, dev_speeches)
    print(f"parsed {len(train_speeches)} train and {len(dev_speeches)} dev speeches in "
          f"{time.perf_counter() - t0:.0f} s", flush=True)
    epochs, margin, table = choose(train_parsed, train_speeches, args.epochs, args.margins)
    print(f"chosen on the tuning speeches: {epochs} epochs, cue margin {margin}", flush=True)
    model = train(train_parsed, train_speeches, epochs, margin)
    res = score(model, dev_parsed, dev_speeches)
    print(json.dumps({k: res[k] for k in ("cue", "roles", "events")}, indent=1))
    for role, prf in res["per_role"].items():
        print(f"{role:10} P {prf['p']:.3f} R {prf['r']:.3f} F1 {prf['f1']:.3f}")
    args.out.mkdir(parents=True, exist_ok=True)
    write_json(args.out / "model.json", model.to_json())
    meta = {"name": "de_speech_events", "data": "spkatt2023/train (177 speeches)", "epochs": epochs,
            "cue_margin": margin, "tuning": table,
            "particle_deps": list(PARTICLE_DEPS), "dev": {k: res[k] for k in ("cue", "roles", "per_role", "events")},
            "command": "training/train_speech_events.py --epochs " + " ".join(map(str, args.epochs))
                       + " --margins " + " ".join(map(str, args.margins))}
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}; {time.perf_counter() - t0:.0f} s in all")


if __name__ == "__main__":
    main()

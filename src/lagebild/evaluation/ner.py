"""GermEval 2014 NER evaluation (outer level, strict span match).

`evaluate_ner(nlp, path)` reads a GermEval 2014 TSV file (`#` comment line per sentence, token lines
`idx<TAB>token<TAB>outer-BIO<TAB>inner-BIO`), builds each sentence from the **gold tokens**
(`Doc(nlp.vocab, words=tokens)`), runs only the entity-setting pipes of `nlp` on it, and compares the
predicted `doc.ents` with the gold outer-level spans:

* ``base4``: the 4 base classes PER/LOC/ORG/OTH; spans labelled ``*deriv``/``*part`` are removed from
  both gold and predictions before matching (the usual "4-class" figure);
* ``all12``: all 12 GermEval labels (the official "outer chunks" metric).

A span counts as correct only with exact start, end and label. Precision, recall and F1 are micro
averages in percent; ``per_class`` gives the same per label with gold and predicted counts.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Iterable

BASE_LABELS = ("PER", "LOC", "ORG", "OTH")
ALL_LABELS = tuple(b + s for b in BASE_LABELS for s in ("", "deriv", "part"))
NER_FACTORIES = {"ner", "beam_ner", "entity_ruler", "span_ruler", "entity_linker"}

Sentence = tuple[list[str], list[str]]


def read_germeval(path: str | Path) -> list[Sentence]:
    """Sentences as (tokens, outer BIO tags)."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("#") and "\t" in line and not line.split("\t")[0].isdigit():
                continue
            if not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0].isdigit():
                continue
            words.append(parts[1])
            tags.append(parts[2].strip() or "O")
    if words:
        sents.append((words, tags))
    return sents


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) spans from IOB2 tags; a stray I- after O or another label starts a span."""
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, t in enumerate(tags):
        if t == "O" or len(t) < 3 or t[1] != "-":
            cur = None
            continue
        pre, lab = t[0], t[2:]
        if pre == "B" or cur is None or cur[2] != lab:
            cur = [i, i + 1, lab]
            spans.append(cur)  # type: ignore[arg-type]
        else:
            cur[1] = i + 1
    return [tuple(s) for s in spans]  # type: ignore[misc]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = 100.0 * tp / n_pred if n_pred else 0.0
    r = 100.0 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 2), "r": round(r, 2), "f": round(f, 2), "gold": n_gold, "pred": n_pred, "tp": tp}


def _score(gold: set, pred: set, labels: Iterable[str]) -> dict:
    tp = gold & pred
    res = _prf(len(tp), len(pred), len(gold))
    gc, pc, tc = (Counter(s[-1] for s in x) for x in (gold, pred, tp))
    res["per_class"] = {lab: _prf(tc[lab], pc[lab], gc[lab]) for lab in labels}
    extra = sorted(set(pc) - set(labels))
    if extra:
        res["unknown_predicted_labels"] = {lab: pc[lab] for lab in extra}
    return res


def _ner_pipes(nlp, pipes: list[str] | None):
    if pipes is not None:
        return [(name, nlp.get_pipe(name)) for name in pipes]
    out = []
    for name, proc in nlp.pipeline:
        factory = nlp.get_pipe_meta(name).factory
        if factory in NER_FACTORIES or name in NER_FACTORIES:
            out.append((name, proc))
    return out


def evaluate_ner(nlp, germeval_tsv_path: str | Path, pipes: list[str] | None = None, batch_size: int = 256) -> dict:
    """Outer-level strict span P/R/F1 of `nlp`'s NER on a GermEval 2014 TSV file (gold tokens).

    `pipes`: names of the components to run (default: every ner/entity_ruler/span_ruler pipe, in
    pipeline order). Returns a dict with ``base4`` and ``all12`` scores (p/r/f in percent, counts,
    ``per_class``), ``sentences``, ``tokens``, ``seconds`` and ``words_per_second`` (NER pipes only).
    """
    from spacy.tokens import Doc

    sents = read_germeval(germeval_tsv_path)
    procs = _ner_pipes(nlp, pipes)
    if not procs:
        raise ValueError("nlp has no NER component; pass pipes=[...]")
    docs = [Doc(nlp.vocab, words=w) for w, _ in sents]
    t0 = time.perf_counter()
    for _name, proc in procs:
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
    secs = time.perf_counter() - t0
    gold_all, pred_all = set(), set()
    for i, ((_w, tags), doc) in enumerate(zip(sents, docs)):
        gold_all.update((i, s, e, lab) for s, e, lab in bio_spans(tags))
        pred_all.update((i, e.start, e.end, e.label_) for e in doc.ents)
    base = set(BASE_LABELS)
    # 4-class: drop deriv/part spans from both sides (predicted unknown labels still count as errors)
    gold4 = {s for s in gold_all if s[-1] in base}
    pred4 = {s for s in pred_all if not s[-1].endswith(("deriv", "part"))}
    n_tok = sum(len(w) for w, _ in sents)
    return {
        "file": str(germeval_tsv_path),
        "sentences": len(sents),
        "tokens": n_tok,
        "pipes": [n for n, _ in procs],
        "seconds": round(secs, 3),
        "words_per_second": round(n_tok / secs) if secs > 0 else None,
        "base4": _score(gold4, pred4, BASE_LABELS),
        "all12": _score(gold_all, pred_all, ALL_LABELS),
    }


def format_ner(results: dict) -> str:
    """Human-readable table of `evaluate_ner` results."""
    lines = [
        f"GermEval 2014 NER, outer level, strict spans: {results.get('file', '')}",
        f"{results['sentences']} sentences, {results['tokens']} tokens, pipes {results.get('pipes')}, "
        f"{results.get('words_per_second')} words/s",
    ]
    for key, title in (("base4", "4 base classes (deriv/part removed)"), ("all12", "all 12 labels")):
        r = results[key]
        lines.append("")
        lines.append(f"{title}: P {r['p']:.2f}  R {r['r']:.2f}  F1 {r['f']:.2f}")
        lines.append(f"  {'label':<10} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}")
        for lab, c in r["per_class"].items():
            lines.append(f"  {lab:<10} {c['p']:>7.2f} {c['r']:>7.2f} {c['f']:>7.2f} {c['gold']:>6} {c['pred']:>6}")
        if r.get("unknown_predicted_labels"):
            lines.append(f"  unknown predicted labels: {r['unknown_predicted_labels']}")
    return "\n".join(lines)

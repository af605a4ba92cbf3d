"""Evaluate a spaCy pipeline (and HanTa, for comparison) on a Universal Dependencies treebank.

The pipeline is run on the **gold words** (syntactic words, so "zum" appears as "zu dem" as in
the treebank): a `Doc` is built from the words and their spacing and only the pipeline
components are applied, never the tokenizer. Scores are therefore tagging/parsing scores on
gold tokenisation, not end-to-end scores from raw text.

* Tagging, lemma, morphology and the main UAS/LAS: one Doc per gold sentence.
* Sentence segmentation (precision/recall/F1) and `UAS_doc`/`LAS_doc`: Docs of
  `sents_per_doc` consecutive gold sentences, segmented by the pipeline itself (so attachment
  across a wrong sentence boundary counts as an error).

Punctuation is included in UAS/LAS (as in the CoNLL 2018 shared task). LAS compares the full
UD relation, subtypes included (`nsubj:pass`).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.nlp.tagsets import stts_upos

STTS_UPOS = stts_upos()  # STTS -> UPOS (resources/de/stts_upos.tsv); also maps HanTa's tags

FEATURES = ("Mood", "Tense", "Person", "Number", "Case", "Gender", "VerbForm", "Degree")


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict
    head: int  # 0 = root, else 1-based index in the sentence
    deprel: str


@dataclass
class Sentence:
    words: list[Word] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)


def read_conllu(path: str | Path) -> list[Sentence]:
    """Sentences with their syntactic words; spacing taken from SpaceAfter=No (also on MWTs)."""
    sents: list[Sentence] = []
    cur = Sentence()
    mwt_end, mwt_space = -1, True
    for line in Path(path).read_text(encoding="utf8").splitlines():
        if not line.strip():
            if cur.words:
                sents.append(cur)
            cur, mwt_end = Sentence(), -1
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if "." in c[0]:
            continue
        if "-" in c[0]:
            mwt_end = int(c[0].split("-")[1])
            mwt_space = "SpaceAfter=No" not in c[9]
            continue
        idx = int(c[0])
        feats = {}
        if c[5] not in ("_", ""):
            feats = dict(kv.split("=", 1) for kv in c[5].split("|") if "=" in kv)
        cur.words.append(Word(c[1], c[2], c[3], c[4], feats, int(c[6]), c[7]))
        if idx < mwt_end:
            cur.spaces.append(False)
        elif idx == mwt_end:
            cur.spaces.append(mwt_space)
        else:
            cur.spaces.append("SpaceAfter=No" not in c[9])
    if cur.words:
        sents.append(cur)
    return sents


_IGNORED_FEATS = ("Voice", "Typo", "ExtPos", "Abbr")


def _strip(feats: dict) -> dict:
    """FEATS without the features the training data could not provide consistently."""
    return {k: v for k, v in feats.items() if k not in _IGNORED_FEATS}


def _pct(n: int, d: int) -> float:
    return round(100.0 * n / d, 2) if d else 0.0


def make_doc(vocab, sents: list[Sentence]):
    """The gold words of `sents`, with their spacing, as one unannotated Doc."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for s in sents:
        words.extend(w.form for w in s.words)
        sp = list(s.spaces)
        sp[-1] = True
        spaces.extend(sp)
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces)


def evaluate_ud(nlp, conllu_path: str | Path, *, sents_per_doc: int = 10, batch_size: int = 64) -> dict:
    """Score `nlp` on the gold words of a CoNLL-U file. Returns a flat dict of figures (percent)."""
    sents = read_conllu(conllu_path)
    n_words = sum(len(s.words) for s in sents)

    # --- one Doc per gold sentence: tagging, lemmas, morphology, parse
    t0 = time.perf_counter()
    docs = list(nlp.pipe((make_doc(nlp.vocab, [s]) for s in sents), batch_size=batch_size))
    seconds = time.perf_counter() - t0

    c = {k: 0 for k in ("upos", "xpos", "lemma", "lemma_ci", "ufeats", "uas", "las", "mood", "mood_n",
                        "fin_n", "mood_pf", "mood_pf_n")}
    feat_ok = {f: 0 for f in FEATURES}
    feat_n = {f: 0 for f in FEATURES}
    sub_tp = sub_fp = sub_fn = 0
    for s, doc in zip(sents, docs):
        for w, t in zip(s.words, doc):
            c["upos"] += t.pos_ == w.upos
            c["xpos"] += t.tag_ == w.xpos
            c["lemma"] += t.lemma_ == w.lemma
            c["lemma_ci"] += t.lemma_.lower() == w.lemma.lower()
            pred = t.morph.to_dict()
            c["ufeats"] += _strip(pred) == _strip(w.feats)
            for f in FEATURES:
                if f in w.feats:
                    feat_n[f] += 1
                    feat_ok[f] += pred.get(f) == w.feats[f]
            if w.feats.get("VerbForm") == "Fin":
                c["fin_n"] += 1
                if "Mood" in w.feats:
                    c["mood_n"] += 1
                    c["mood"] += pred.get("Mood") == w.feats["Mood"]
                    if "Mood" in pred:  # the verb was recognised as finite
                        c["mood_pf_n"] += 1
                        c["mood_pf"] += pred["Mood"] == w.feats["Mood"]
                g_sub = w.feats.get("Mood") == "Sub"
                p_sub = pred.get("Mood") == "Sub"
                sub_tp += g_sub and p_sub
                sub_fp += p_sub and not g_sub
                sub_fn += g_sub and not p_sub
            gold_head = w.head - 1 if w.head > 0 else t.i
            gold_dep = w.deprel if w.head > 0 else "ROOT"
            head_ok = t.head.i == gold_head
            c["uas"] += head_ok
            c["las"] += head_ok and (t.dep_ == gold_dep or (gold_dep == "ROOT" and t.dep_.lower() == "root"))

    # --- multi-sentence Docs: sentence segmentation and parse with predicted boundaries
    groups = [sents[i:i + sents_per_doc] for i in range(0, len(sents), sents_per_doc)]
    gdocs = list(nlp.pipe((make_doc(nlp.vocab, g) for g in groups), batch_size=8))
    s_tp = s_pred = s_gold = 0
    uas_d = las_d = 0
    for g, doc in zip(groups, gdocs):
        gold_spans, off = set(), 0
        heads, deps = [], []
        for s in g:
            gold_spans.add((off, off + len(s.words)))
            for j, w in enumerate(s.words):
                heads.append(off + w.head - 1 if w.head > 0 else off + j)
                deps.append(w.deprel if w.head > 0 else "ROOT")
            off += len(s.words)
        pred_spans = {(sp.start, sp.end) for sp in doc.sents} if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else set()
        s_tp += len(gold_spans & pred_spans)
        s_pred += len(pred_spans)
        s_gold += len(gold_spans)
        for t, h, d in zip(doc, heads, deps):
            ok = t.head.i == h
            uas_d += ok
            las_d += ok and (t.dep_ == d or (d == "ROOT" and t.dep_.lower() == "root"))
    sp_ = s_tp / s_pred if s_pred else 0.0
    sr_ = s_tp / s_gold if s_gold else 0.0
    sub_p = sub_tp / (sub_tp + sub_fp) if sub_tp + sub_fp else 0.0
    sub_r = sub_tp / (sub_tp + sub_fn) if sub_tp + sub_fn else 0.0
    res = {
        "file": str(conllu_path),
        "sentences": len(sents),
        "words": n_words,
        "UPOS": _pct(c["upos"], n_words),
        "XPOS": _pct(c["xpos"], n_words),
        "lemma": _pct(c["lemma"], n_words),
        "lemma_ci": _pct(c["lemma_ci"], n_words),
        "UFeats": _pct(c["ufeats"], n_words),
        "Mood_fin": _pct(c["mood"], c["mood_n"]),
        "finite_verbs": c["mood_n"],
        # Mood among the gold finite verbs that the pipeline also gave a Mood (finite/non-finite
        # confusions such as sagen VVFIN/VVINF excluded): the indicative/subjunctive decision.
        "Mood_fin_recognised": _pct(c["mood_pf"], c["mood_pf_n"]),
        "finite_recognised": c["mood_pf_n"],
        "Mood_Sub_P": round(100 * sub_p, 2),
        "Mood_Sub_R": round(100 * sub_r, 2),
        "Mood_Sub_F1": round(200 * sub_p * sub_r / (sub_p + sub_r), 2) if sub_p + sub_r else 0.0,
        "UAS": _pct(c["uas"], n_words),
        "LAS": _pct(c["las"], n_words),
        "UAS_doc": _pct(uas_d, n_words),
        "LAS_doc": _pct(las_d, n_words),
        "sent_P": round(100 * sp_, 2),
        "sent_R": round(100 * sr_, 2),
        "sent_F1": round(200 * sp_ * sr_ / (sp_ + sr_), 2) if sp_ + sr_ else 0.0,
        "words_per_sec": round(n_words / seconds) if seconds else 0,
    }
    for f in FEATURES:
        res[f"feat_{f}"] = _pct(feat_ok[f], feat_n[f])
    return res


def hanta_stts(tag: str) -> str:
    """STTS (as in GSD) for a HanTa tag: `VV(FIN)` -> VVFIN, `ADJ(A)` -> ADJA, NNA/NNI -> NN,
    PROAV -> PAV."""
    m = re.fullmatch(r"([A-Z]+)\(([A-Z]+)\)", tag)
    if m:
        tag = m.group(1) + m.group(2)
    if tag in ("NNA", "NNI"):
        return "NN"
    if tag == "PROAV":
        return "PAV"
    return tag


def hanta_upos(tag: str) -> str:
    """UPOS for a HanTa tag, through `hanta_stts` and `STTS_UPOS`."""
    return STTS_UPOS.get(hanta_stts(tag), "X")


def evaluate_hanta_ud(conllu_path: str | Path, tagger=None) -> dict:
    """UPOS (HanTa's STTS mapped to UPOS), XPOS and lemma accuracy of HanTa on the gold words."""
    if tagger is None:
        from HanTa import HanoverTagger as ht

        tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    sents = read_conllu(conllu_path)
    n = upos = xpos = lemma = lemma_ci = 0
    t0 = time.perf_counter()
    out = [tagger.tag_sent([w.form for w in s.words], taglevel=1) for s in sents]
    seconds = time.perf_counter() - t0
    for s, tagged in zip(sents, out):
        for w, (_, lem, tag) in zip(s.words, tagged):
            n += 1
            upos += hanta_upos(tag) == w.upos
            xpos += hanta_stts(tag) == w.xpos
            lemma += lem == w.lemma
            lemma_ci += lem.lower() == w.lemma.lower()
    return {
        "file": str(conllu_path),
        "words": n,
        "UPOS": _pct(upos, n),
        "XPOS": _pct(xpos, n),
        "lemma": _pct(lemma, n),
        "lemma_ci": _pct(lemma_ci, n),
        "words_per_sec": round(n / seconds) if seconds else 0,
    }


def format_ud(results: dict) -> str:
    """Human-readable table of `evaluate_ud` (or `evaluate_hanta_ud`) results."""
    order = ["UPOS", "XPOS", "lemma", "lemma_ci", "UFeats", "Mood_fin", "Mood_fin_recognised", "Mood_Sub_P", "Mood_Sub_R",
             "Mood_Sub_F1", "UAS", "LAS", "UAS_doc", "LAS_doc", "sent_P", "sent_R", "sent_F1"]
    order += [f"feat_{f}" for f in FEATURES]
    lines = [f"{results.get('file', '')}"]
    info = ", ".join(f"{k}={results[k]}" for k in ("sentences", "words", "finite_verbs") if k in results)
    if info:
        lines.append(info)
    for k in order:
        if k in results:
            lines.append(f"  {k:<12} {results[k]:6.2f}")
    if "words_per_sec" in results:
        lines.append(f"  {'words/s':<12} {results['words_per_sec']}")
    return "\n".join(lines)


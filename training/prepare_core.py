"""Convert the shared German corpora into spaCy training data for the `de_core` pipeline.

Usage: python training/prepare_core.py [--data DIR] [--out training/corpus] [--gsd-fraction 1]

Writes `train.spacy` and `dev.spacy` (held-out tuning set) plus `stats.json`.

Sources and how they are used:

* UD German GSD **dev** (train): words, STTS tags, UPOS+FEATS, lemmas, dependencies.
* UD German PUD test (90 % train, every 10th sentence dev): its XPOS is PTB, so no tags;
  its FEATS follow another scheme (no VerbForm on verbs, Degree on adverbs) and are
  normalised to the GSD scheme.
* UD German LIT test (train): dependencies, STTS, lemmas. FEATS are only partial, so UPOS+FEATS
  are kept only for word classes that carry no features in GSD (ADP, CCONJ, SCONJ, PUNCT, ...);
  for the others the morphologizer gets no annotation (missing, not "no features").
* Redewiedergabe (every 40th file dev, rest train): STTS tags, lemmas, RFTagger morphology mapped
  to UD FEATS, STTS mapped to UPOS, sentence starts. No dependencies: the parser skips these docs
  (spaCy's parser only updates on examples that have DEP annotation).
* UD German GSD **test** is never read here.

UD docs are written twice into train.spacy (upsampling: they are the only parser data).
Multi-word tokens (zum = zu dem) are used as their syntactic words, as in the UD evaluation.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from lagebild.nlp.tagsets import stts_upos

SENTS_PER_DOC = 10
UD_UPSAMPLE = 2

STTS = {
    "$(", "$,", "$.", "ADJA", "ADJD", "ADV", "APPO", "APPR", "APPRART", "APZR", "ART", "CARD",
    "FM", "ITJ", "KOKOM", "KON", "KOUI", "KOUS", "NE", "NN", "PAV", "PDAT", "PDS", "PIAT",
    "PIS", "PPER", "PPOSAT", "PPOSS", "PRELAT", "PRELS", "PRF", "PTKA", "PTKANT", "PTKNEG",
    "PTKVZ", "PTKZU", "PWAT", "PWAV", "PWS", "TRUNC", "VAFIN", "VAIMP", "VAINF", "VAPP",
    "VMFIN", "VMINF", "VMPP", "VVFIN", "VVIMP", "VVINF", "VVIZU", "VVPP", "XY",
}

# STTS -> UPOS following the majority use in UD German GSD (the evaluation treebank), from
# resources/de/stts_upos.tsv; only the tags in STTS above are mapped.
STTS_UPOS = stts_upos()

# STTS tag -> RFTagger category prefixes that are compatible with it (for feature-bearing tags).
RF_COMPAT = {
    "NN": ("N.",), "NE": ("N.",), "ADJA": ("ADJA.",), "ADJD": ("ADJD.",), "ART": ("ART.",),
    "VVFIN": ("VFIN.",), "VAFIN": ("VFIN.",), "VMFIN": ("VFIN.",),
    "VVINF": ("VINF.",), "VAINF": ("VINF.",), "VMINF": ("VINF.",), "VVIZU": ("VINF.",),
    "VVPP": ("VPP.",), "VAPP": ("VPP.",), "VMPP": ("VPP.",),
    "VVIMP": ("VIMP.",), "VAIMP": ("VIMP.",),
    "PPER": ("PRO.Pers.",), "PRF": ("PRO.Refl.", "PRO.Pers."), "PPOSAT": ("PRO.Poss.",),
    "PPOSS": ("PRO.Poss.",), "PDAT": ("PRO.Dem.",), "PDS": ("PRO.Dem.",),
    "PIAT": ("PRO.Indef.",), "PIS": ("PRO.Indef.",), "PRELS": ("PRO.Rel.",),
    "PRELAT": ("PRO.Rel.",), "PWS": ("PRO.Inter.",), "PWAT": ("PRO.Inter.",),
}
CASE = {"Nom": "Nom", "Gen": "Gen", "Dat": "Dat", "Acc": "Acc"}
NUMBER = {"Sg": "Sing", "Pl": "Plur"}
GENDER = {"Masc": "Masc", "Fem": "Fem", "Neut": "Neut"}
DEGREE = {"Pos": "Pos", "Comp": "Cmp", "Sup": "Sup"}
TENSE = {"Pres": "Pres", "Past": "Past"}
MOOD = {"Ind": "Ind", "Subj": "Sub"}
PERSON = {"1": "1", "2": "2", "3": "3"}
PRONTYPE = {"Pers": "Prs", "Refl": "Prs", "Poss": "Prs", "Dem": "Dem", "Indef": "Ind",
            "Rel": "Rel", "Inter": "Int"}
LEX_KEYS = ("PronType", "Definite", "Poss", "Reflex", "NumType", "Polarity", "Number[psor]",
            "Gender[psor]")
DROP_FEATS = {"Voice", "Typo", "ExtPos", "Abbr"}
CLOSED_STTS = {
    "ART", "PPER", "PRF", "PPOSAT", "PPOSS", "PDAT", "PDS", "PIAT", "PIS", "PRELS", "PRELAT",
    "PWS", "PWAT", "PWAV", "PAV", "APPR", "APPRART", "APPO", "APZR", "KON", "KOUS", "KOUI",
    "KOKOM", "PTKA", "PTKANT", "PTKNEG", "PTKVZ", "PTKZU", "VAFIN", "VMFIN", "VAINF", "VMINF",
    "VAPP", "VMPP", "VAIMP",
}
LIT_KEEP_MORPH_UPOS = {"ADP", "CCONJ", "SCONJ", "PUNCT", "INTJ", "SYM", "X"}
PUNCT_RE = re.compile(r"^[^\w]+$")


# ----------------------------------------------------------------------------- CoNLL-U

def read_conllu(path: Path) -> list[dict]:
    """Sentences as dicts: id, words (list of dicts), spaces."""
    sents = []
    words, spaces, sid = [], [], None
    mwt_end, mwt_space = -1, True
    for line in path.read_text(encoding="utf8").splitlines():
        if not line:
            if words:
                sents.append({"id": sid, "words": words, "spaces": spaces})
            words, spaces, sid, mwt_end = [], [], None, -1
            continue
        if line.startswith("#"):
            if line.startswith("# sent_id"):
                sid = line.split("=", 1)[1].strip()
            continue
        c = line.split("\t")
        if "." in c[0]:
            continue
        if "-" in c[0]:
            a, b = c[0].split("-")
            mwt_end = int(b)
            mwt_space = "SpaceAfter=No" not in c[9]
            continue
        idx = int(c[0])
        words.append({"form": c[1], "lemma": c[2], "upos": c[3], "xpos": c[4], "feats": c[5],
                      "head": int(c[6]), "deprel": c[7]})
        if idx < mwt_end:
            spaces.append(False)
        elif idx == mwt_end:
            spaces.append(mwt_space)
        else:
            spaces.append("SpaceAfter=No" not in c[9])
    if words:
        sents.append({"id": sid, "words": words, "spaces": spaces})
    return sents


def feats_dict(s: str) -> dict:
    if not s or s == "_":
        return {}
    return dict(kv.split("=", 1) for kv in s.split("|") if "=" in kv)


def feats_str(d: dict) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(d.items(), key=lambda kv: kv[0].lower()))


def clean_feats(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in DROP_FEATS}


def normalise_pud(w: dict) -> dict:
    """PUD FEATS -> GSD scheme."""
    f = clean_feats(feats_dict(w["feats"]))
    u = w["upos"]
    if u in ("VERB", "AUX"):
        if "Mood" in f:
            f["VerbForm"] = "Fin"
        elif "VerbForm" not in f:
            if f.get("Tense") == "Past":
                f = {k: v for k, v in f.items() if k not in ("Tense",)}
                f["VerbForm"] = "Part"
            elif not f:
                f["VerbForm"] = "Inf"
        if f.get("VerbForm") in ("Part", "Inf"):
            f.pop("Tense", None)
    elif u == "ADV":
        f.pop("Degree", None)
    return f


# ----------------------------------------------------------------------------- Redewiedergabe

def read_rw(path: Path) -> list[list[dict]]:
    """Sentences of one Redewiedergabe TSV file."""
    sents, cur = [], []
    lines = path.read_text(encoding="utf8").splitlines()
    for line in lines[1:]:
        c = line.split("\t")
        if len(c) < 6:
            continue
        row = {"tok": c[0], "normtok": c[1], "lemma": c[2], "pos": c[3], "rfpos": c[4]}
        if c[5] == "yes" and cur:
            sents.append(cur)
            cur = []
        cur.append(row)
    if cur:
        sents.append(cur)
    return sents


def read_europarl(path: Path) -> list[list[dict]]:
    """Sentences of one Europarl NER file (token, TreeTagger lemma, STTS, chunk, NER), as RW rows."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf8").splitlines():
        c = line.split("\t")
        if len(c) < 3 or not c[0]:
            if cur:
                sents.append(cur)
            cur = []
            continue
        # TreeTagger writes ambiguous lemmas as "a|b"; they teach nothing
        cur.append({"tok": c[0], "lemma": "" if "|" in c[1] else c[1], "pos": c[2]})
    if cur:
        sents.append(cur)
    return sents


def rw_misaligned(sent: list[dict]) -> bool:
    """True if the annotation columns are shifted against the tokens (seen in the data)."""
    for r in sent:
        tok, pos = r["tok"], r["pos"]
        is_punct = bool(PUNCT_RE.match(tok))
        if pos.startswith("$") and not is_punct:
            return True
        if is_punct and tok in ",.;:!?" and not pos.startswith("$"):
            return True
        if tok in "»«„“\"" and pos not in ("$(", "$.", "$,", "XY", ""):
            return True
    return False


def rf_feats(stts: str, rf: str) -> dict | None:
    """UD FEATS from an RFTagger tag; None if the tag does not fit the STTS tag."""
    compat = RF_COMPAT.get(stts)
    if compat is None:
        f = {}
        if stts == "PTKNEG":
            f["Polarity"] = "Neg"
        elif stts == "CARD":
            f["NumType"] = "Card"
        return f
    if not rf.startswith(compat):
        return None
    p = rf.split(".")
    f: dict = {}

    def put(key, table, val):
        if val in table:
            f[key] = table[val]

    cat = p[0]
    if cat == "N":  # N.Reg.Case.Num.Gend
        if len(p) >= 5:
            put("Case", CASE, p[2]); put("Number", NUMBER, p[3]); put("Gender", GENDER, p[4])
    elif cat == "ADJA":  # ADJA.Deg.Case.Num.Gend
        put("Degree", DEGREE, p[1] if len(p) > 1 else "")
        if len(p) >= 5:
            put("Case", CASE, p[2]); put("Number", NUMBER, p[3]); put("Gender", GENDER, p[4])
    elif cat == "ADJD":
        put("Degree", DEGREE, p[1] if len(p) > 1 else "")
    elif cat == "ART":  # ART.Def.Case.Num.Gend
        f["PronType"] = "Art"
        f["Definite"] = "Def" if p[1] == "Def" else "Ind"
        if len(p) >= 5:
            put("Case", CASE, p[2]); put("Number", NUMBER, p[3]); put("Gender", GENDER, p[4])
    elif cat == "VFIN":  # VFIN.Full.3.Sg.Past.Ind
        f["VerbForm"] = "Fin"
        if len(p) >= 6:
            put("Person", PERSON, p[2]); put("Number", NUMBER, p[3])
            put("Tense", TENSE, p[4]); put("Mood", MOOD, p[5])
        if "Mood" not in f:
            return None
    elif cat == "VIMP":  # VIMP.Full.2.Sg
        f.update({"VerbForm": "Fin", "Mood": "Imp"})
        if len(p) >= 4:
            put("Person", PERSON, p[2]); put("Number", NUMBER, p[3])
    elif cat == "VINF":
        f["VerbForm"] = "Inf"
    elif cat == "VPP":
        f["VerbForm"] = "Part"
    elif cat == "PRO":  # PRO.Pers.Subst.3.Acc.Sg.Masc
        kind = p[1]
        f["PronType"] = PRONTYPE.get(kind, "Ind")
        if kind == "Refl":
            f["Reflex"] = "Yes"
        if kind == "Poss":
            f["Poss"] = "Yes"
        if len(p) >= 7:
            if kind in ("Pers", "Refl"):
                put("Person", PERSON, p[3])
            put("Case", CASE, p[4]); put("Number", NUMBER, p[5]); put("Gender", GENDER, p[6])
        if kind in ("Pers", "Refl") and f.get("Person") in ("1", "2"):
            f.pop("Gender", None)
        if kind == "Refl" and f.get("Person") == "3":
            f.pop("Number", None)
    return f


class Schema:
    """What GSD (+PUD) annotate: feature keys per UPOS and lexical features per word."""

    def __init__(self, ud_words: list[dict]):
        key_counts: dict[str, Counter] = defaultdict(Counter)
        upos_n: Counter = Counter()
        plur_gender: dict[str, Counter] = defaultdict(Counter)
        lex: dict[tuple, Counter] = defaultdict(Counter)
        lemmas: dict[tuple, Counter] = defaultdict(Counter)
        for w in ud_words:
            u, f = w["upos"], w["_feats"]
            upos_n[u] += 1
            for k in f:
                key_counts[u][k] += 1
            if f.get("Number") == "Plur":
                plur_gender[u]["Gender" in f] += 1
            lexf = tuple(sorted((k, v) for k, v in f.items() if k in LEX_KEYS))
            lex[(w["form"].lower(), u)][lexf] += 1
            if w["lemma"] not in ("_", ""):
                lemmas[(w["form"].lower(), u)][w["lemma"]] += 1
        self.keys = {u: {k for k, n in c.items() if n >= 0.05 * upos_n[u]} for u, c in key_counts.items()}
        self.plural_gender = {u: c[True] >= c[False] for u, c in plur_gender.items()}
        self.lex = {k: dict(c.most_common(1)[0][0]) for k, c in lex.items()}
        self.lemmas = {k: c.most_common(1)[0][0] for k, c in lemmas.items() if sum(c.values()) >= 2}

    def align(self, form: str, upos: str, f: dict) -> dict:
        lexf = self.lex.get((form.lower(), upos))
        if lexf is not None:
            f = {k: v for k, v in f.items() if k not in LEX_KEYS}
            f.update(lexf)
        allowed = self.keys.get(upos, set())
        f = {k: v for k, v in f.items() if k in allowed}
        if f.get("Number") == "Plur" and not self.plural_gender.get(upos, True):
            f.pop("Gender", None)
        return f


def rw_lemma(r: dict, stts: str, upos: str, schema: Schema, rw_major: dict) -> str | None:
    tok, lemma = r["tok"], r["lemma"]
    if stts.startswith("$") or PUNCT_RE.match(tok):
        return tok
    if stts in CLOSED_STTS:
        ud = schema.lemmas.get((tok.lower(), upos))
        if ud:
            return ud
        lemma = rw_major.get((tok.lower(), stts), lemma)
    if not lemma or lemma in ("--", "<unknown>", "_") or "_" in lemma or "#" in lemma:
        return None
    if stts not in ("NN", "NE", "FM", "XY", "TRUNC") and lemma[:1].isupper() and not lemma.isupper():
        lemma = lemma[:1].lower() + lemma[1:]
    if stts == "NN" and lemma[:1].islower():
        lemma = lemma[:1].upper() + lemma[1:]
    return lemma


# ----------------------------------------------------------------------------- Docs

def europarl_doc(vocab, sents: list[list[dict]], schema: Schema, rw_major: dict) -> Doc:
    """STTS tags and lemmas only: the tags are TreeTagger output and there are no features."""
    words, starts, anns = [], [], []
    for s in sents:
        for i, r in enumerate(s):
            words.append(r["tok"])
            starts.append(i == 0)
            stts = r["pos"].replace("PROAV", "PAV")
            if stts not in STTS:
                anns.append((None, None))
                continue
            anns.append((stts, rw_lemma(r, stts, STTS_UPOS[stts], schema, rw_major)))
    doc = Doc(vocab, words=words, sent_starts=starts)
    for t, (tag, lem) in zip(doc, anns):
        if tag:
            t.tag_ = tag
        if lem:
            t.lemma_ = lem
    return doc


def ud_doc(vocab, sents: list[dict], source: str) -> Doc:
    words, spaces, tags, heads, deps, lemmas = [], [], [], [], [], []
    pos_morph = []
    for s in sents:
        off = len(words)
        for w, sp in zip(s["words"], s["spaces"]):
            words.append(w["form"])
            spaces.append(sp)
            x = w["xpos"].replace("PROAV", "PAV")
            tags.append(x if (source != "pud" and x in STTS) else None)
            heads.append(off + w["head"] - 1 if w["head"] > 0 else len(words) - 1)
            deps.append(w["deprel"] if w["head"] > 0 else "ROOT")
            lemmas.append(w["lemma"] if w["lemma"] not in ("_", "") else None)
            u = w["upos"]
            if source == "lit" and u not in LIT_KEEP_MORPH_UPOS:
                pos_morph.append((None, None))
            else:
                pos_morph.append((u, feats_str(w["_feats"])))
        if spaces:
            spaces[-1] = True
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    for t, tag, lem, (u, m) in zip(doc, tags, lemmas, pos_morph):
        if tag:
            t.tag_ = tag
        if lem:
            t.lemma_ = lem
        if u:
            t.pos_ = u
            t.set_morph(m or None)
    return doc


def rw_doc(vocab, sents: list[list[dict]], schema: Schema, rw_major: dict, stats: Counter) -> Doc:
    words, starts, anns = [], [], []
    for s in sents:
        for i, r in enumerate(s):
            words.append(r["tok"])
            starts.append(i == 0)
            stts = r["pos"].split(".")[0] if r["pos"].startswith("FM") else r["pos"]
            stts = stts.replace("PROAV", "PAV")
            if stts not in STTS:
                anns.append((None, None, None, None))
                stats["rw_tag_missing"] += 1
                continue
            upos = STTS_UPOS[stts]
            f = rf_feats(stts, r["rfpos"])
            if f is None:
                stats["rw_morph_missing"] += 1
                u, m = None, None
            else:
                u, m = upos, feats_str(schema.align(r["tok"], upos, f))
            anns.append((stts, u, m, rw_lemma(r, stts, upos, schema, rw_major)))
    doc = Doc(vocab, words=words, sent_starts=starts)
    for t, (tag, u, m, lem) in zip(doc, anns):
        if tag:
            t.tag_ = tag
        if u:
            t.pos_ = u
            t.set_morph(m or None)
        if lem:
            t.lemma_ = lem
    return doc


def chunks(xs, n):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", default="training/corpus")
    ap.add_argument("--gsd-fraction", type=float, default=1.0,
                    help="train on only the first fraction of GSD dev's sentences (learning curve, "
                         "training/core_learning_curve.py); the feature schema still sees all of it, "
                         "so the Redewiedergabe labels stay the same")
    ap.add_argument("--modern-ud-upsample", type=int, default=UD_UPSAMPLE,
                    help=f"how often GSD dev and PUD docs go into train.spacy, at least {UD_UPSAMPLE} "
                         "(LIT: always UD_UPSAMPLE)")
    ap.add_argument("--europarl", action="store_true",
                    help="also train tags and lemmas on Europarl NER train+dev (TreeTagger STTS)")
    args = ap.parse_args()
    if args.modern_ud_upsample < UD_UPSAMPLE:  # the lists below can add copies, not take them away
        ap.error(f"--modern-ud-upsample must be at least {UD_UPSAMPLE}")
    if args.data:
        data = Path(args.data)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
        from lagebild.paths import shared_data_dir
        data = shared_data_dir()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    stats: Counter = Counter()

    gsd = read_conllu(data / "ud_german_gsd" / "de_gsd-ud-dev.conllu")
    pud = read_conllu(data / "ud_german_pud" / "de_pud-ud-test.conllu")
    lit = read_conllu(data / "ud_german_lit" / "de_lit-ud-test.conllu")
    for s in gsd + lit:
        for w in s["words"]:
            w["_feats"] = clean_feats(feats_dict(w["feats"]))
    for s in pud:
        for w in s["words"]:
            w["_feats"] = normalise_pud(w)
    pud_train = [s for i, s in enumerate(pud) if i % 10 != 0]
    pud_dev = [s for i, s in enumerate(pud) if i % 10 == 0]
    schema = Schema([w for s in gsd + pud_train for w in s["words"]])

    rw_files = sorted((data / "redewiedergabe" / "tsv").glob("*.tsv"))
    rw_train_s, rw_dev_s = [], []
    for i, p in enumerate(rw_files):
        ss = read_rw(p)
        good = [s for s in ss if not rw_misaligned(s)]
        stats["rw_sents"] += len(ss)
        stats["rw_sents_dropped_misaligned"] += len(ss) - len(good)
        (rw_dev_s if i % 40 == 0 else rw_train_s).append(good)
    # RW majority lemma for closed-class (form, tag): repairs noise like der -> "d".
    maj: dict[tuple, Counter] = defaultdict(Counter)
    for f in rw_train_s:
        for s in f:
            for r in s:
                if r["pos"] in CLOSED_STTS and r["lemma"] not in ("--", "") and "_" not in r["lemma"]:
                    maj[(r["tok"].lower(), r["pos"])][r["lemma"].lower() if r["pos"] != "NN" else r["lemma"]] += 1
    rw_major = {k: c.most_common(1)[0][0] for k, c in maj.items()}

    train_docs, dev_docs = [], []
    gsd_train = gsd[: round(len(gsd) * args.gsd_fraction)]
    ud_train, modern_ud = [], []
    for name, ss in (("gsd", gsd_train), ("pud", pud_train), ("lit", lit)):
        docs = [ud_doc(nlp.vocab, ch, name) for ch in chunks(ss, SENTS_PER_DOC)]
        ud_train.extend(docs)
        if name != "lit":
            modern_ud.extend(docs)
        stats[f"{name}_train_words"] = sum(len(s["words"]) for s in ss)
    train_docs.extend(ud_train * UD_UPSAMPLE)
    train_docs.extend(modern_ud * (args.modern_ud_upsample - UD_UPSAMPLE))
    for ch in chunks(pud_dev, SENTS_PER_DOC):
        dev_docs.append(ud_doc(nlp.vocab, ch, "pud"))
    stats["pud_dev_words"] = sum(len(s["words"]) for s in pud_dev)
    for f in rw_train_s:
        for ch in chunks(f, SENTS_PER_DOC):
            train_docs.append(rw_doc(nlp.vocab, ch, schema, rw_major, stats))
            stats["rw_train_words"] += sum(len(s) for s in ch)
    for f in rw_dev_s:
        for ch in chunks(f, SENTS_PER_DOC):
            dev_docs.append(rw_doc(nlp.vocab, ch, schema, rw_major, stats))
            stats["rw_dev_words"] += sum(len(s) for s in ch)
    if args.europarl:
        for split in ("train", "dev"):
            ep = read_europarl(data / "europarl_ner_de" / f"{split}.tsv")
            for ch in chunks(ep, SENTS_PER_DOC):
                train_docs.append(europarl_doc(nlp.vocab, ch, schema, rw_major))
            stats["europarl_train_words"] += sum(len(s) for s in ep)
    random.Random(0).shuffle(train_docs)
    DocBin(docs=train_docs, store_user_data=False).to_disk(out / "train.spacy")
    DocBin(docs=dev_docs, store_user_data=False).to_disk(out / "dev.spacy")
    stats["train_docs"] = len(train_docs)
    stats["dev_docs"] = len(dev_docs)
    stats["train_tokens_total"] = sum(len(d) for d in train_docs)
    (out / "stats.json").write_text(json.dumps(dict(stats), indent=2, sort_keys=True))
    print(json.dumps(dict(stats), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()

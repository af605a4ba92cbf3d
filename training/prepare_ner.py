"""Build spaCy training data for the GermEval-2014-style NER model.

Writes training/corpus/ner_train.spacy and training/corpus/ner_tune.spacy.

Labels (outer level only): PER ORG LOC OTH + {PER,ORG,LOC,OTH}{deriv,part}.

Sources and label mappings:
* GermEval 2014 dev (the train split is not available): every 5th sentence (index % 5 == 0) is the
  tuning set, the rest is training data, repeated --germeval-repeat times (in-domain weight).
  With --full all of GermEval dev is training data (the tuning file is still written).
* Europarl NER train/dev/test (IOB1): PER ORG LOC; MISC -> OTH, except single demonym adjectives
  (europäischen, marokkanischen...) -> LOCderiv.
* Europeana NER .bio files (historical OCR): PER ORG LOC; tag typos normalised; chunked into
  pseudo-sentences (no sentence boundaries in the source).
* SmartData v1 train (news, RSS, tweets; MobIE is NOT used, it re-annotates the same documents):
  person -> PER; organization, organization-company -> ORG; location, location-city,
  location-street, location-stop, location-route -> LOC; all other types (date, time, number,
  duration, distance, trigger, disaster-type, org-position) -> O (they are not GermEval entities).
  Single-token generic nouns annotated as companies ("Gruppe", "Konzern") are dropped.
* Legal NER dev+test: PER/RR/AN -> PER; LD/ST/STR/LDS -> LOC; ORG/UN/INN/GRT/MRK -> ORG;
  GS/VO/EUN/VS/VT/RS/LIT (laws, regulations, case citations, literature) are marked MISSING (neither
  entity nor O), because their spans do not match GermEval's OTH. Sentences without any entity are
  sub-sampled (10 %).
* In all non-GermEval corpora, tokens tagged O that are demonyms per resources/de/demonyms.tsv are
  relabelled as GermEval does: lower-case demonym adjectives (russischen) and unambiguous demonym
  nouns (Russen) -> LOCderiv; hyphenated compounds with a country/region prefix (US-Präsident) ->
  LOCpart, with EU- -> ORGpart. (Checked on GermEval dev: 114 of 121 such adjectives are LOCderiv.)
* The project's annotated news corpus (`corpus/articles`, `lagebild.corpus`): named mentions of the
  training part (kind name -> PER/ORG/LOC/OTH; kind deriv/part -> the label + deriv/part, i.e. "outside"
  under the default --drop-labels, since lagebild_ner_rules adds them); nominal and pronoun mentions are
  "outside"; optional mentions, the dateline and agency credits are *missing* (neither entity nor O).
  Articles of the held-out part (`sources.held_out`) are never read; the tuning slice of the training
  part (`sources.train_dev`, ~10 %) goes to the tuning file instead. Repeated --corpus-repeat times in
  the main corpus, once in the --germeval-only corpora (stages 2 and 3), unless --no-corpus.
The tuning file (ner_tune.spacy) holds the GermEval tuning split and the corpus tuning slice;
ner_tune_germeval.spacy and ner_tune_corpus.spacy hold each alone.
GermEval 2014 test is never read here.
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.nlp.ner_subtypes import Demonyms  # noqa: E402  (shared with the run-time NER rules)

BASE = ("PER", "ORG", "LOC", "OTH")
LABELS = [b + s for b in BASE for s in ("", "deriv", "part")]


# ---------------------------------------------------------------- partial labels
def common_nouns(data: Path) -> set[str]:
    """Word forms tagged NN (common noun) more often than NE in the POS-tagged corpora here, and the
    capitalised forms of words seen lower-case at least 3 times."""
    nn, ne = Counter(), Counter()
    lower = Counter()

    def add(form, tag):
        if form[:1].islower():
            lower[form] += 1
        if tag == "NN":
            nn[form] += 1
        elif tag == "NE":
            ne[form] += 1

    for p in ("ud_german_gsd/de_gsd-ud-dev.conllu", "ud_german_gsd/de_gsd-ud-test.conllu",
              "ud_german_lit/de_lit-ud-test.conllu"):
        for line in open(data / p, encoding="utf-8"):
            c = line.split("\t")
            if len(c) > 5 and c[0].isdigit():
                add(c[1], c[4])
    for split in ("train", "dev", "test"):
        for line in open(data / f"europarl_ner_de/{split}.tsv", encoding="utf-8"):
            c = line.rstrip("\n").split("\t")
            if len(c) > 2:
                add(c[0], c[2])
    for p in glob.glob(str(data / "redewiedergabe/tsv/*.tsv")):
        for line in open(p, encoding="utf-8"):
            c = line.split("\t")
            if len(c) > 4:
                add(c[0], c[3])
    # plus capitalised forms of words seen lower-case (Die, Sie, In, Nach ...)
    return {w for w in nn if nn[w] > ne[w]} | {w.capitalize() for w, n in lower.items() if n >= 3}


def mark_unknown_caps(words: list[str], biluo: list[str], nouns: set[str]) -> list[str]:
    """Corpora without OTH (and with sparse annotation): capitalised O tokens that are not known
    common nouns and not sentence-initial may be unannotated names -> missing instead of O."""
    out = list(biluo)
    for i, w in enumerate(words):
        if i > 0 and out[i] == "O" and w[:1].isupper() and w not in nouns and words[i - 1] not in (".", ":", "!", "?", '"'):
            out[i] = "-"
    return out


# ---------------------------------------------------------------- helpers
def bio_to_biluo(tags: list[str]) -> list[str]:
    """IOB1 or IOB2 tags (label may be any string) -> BILUO."""
    spans, cur = [], None
    for i, t in enumerate(tags):
        if t in ("O", "-"):
            cur = None
            continue
        pre, lab = t[0], t[2:]
        if pre == "B" or cur is None or cur[2] != lab:
            cur = [i, i, lab]
            spans.append(cur)
        else:
            cur[1] = i
    out = ["-" if t == "-" else "O" for t in tags]
    for s, e, lab in spans:
        if s == e:
            out[s] = "U-" + lab
        else:
            out[s] = "B-" + lab
            out[e] = "L-" + lab
            for k in range(s + 1, e):
                out[k] = "I-" + lab
    return out


def make_doc(vocab, words: list[str], biluo: list[str], drop: frozenset[str] = frozenset()) -> Doc:
    doc = Doc(vocab, words=words)
    ents, missing = [], []
    i = 0
    while i < len(biluo):
        t = biluo[i]
        if t == "-":
            missing.append(doc[i : i + 1])
        elif t.startswith("U-"):
            ents.append(doc.char_span(doc[i].idx, doc[i].idx + len(doc[i]), label=t[2:]))
        elif t.startswith("B-"):
            j = i
            while j < len(biluo) and not biluo[j].startswith("L-"):
                j += 1
            ents.append(doc[i : j + 1])
            ents[-1].label_ = t[2:]
            i = j
        i += 1
    doc.set_ents([spacy.tokens.Span(doc, e.start, e.end, label=e.label_) for e in ents if e.label_ not in drop],
                 missing=missing, default="outside")
    return doc


def read_columns(path: Path, tok_col: int, tag_col: int, sep: str | None, skip_comment: bool = True):
    sent_w, sent_t = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if sent_w:
                    yield sent_w, sent_t
                sent_w, sent_t = [], []
                continue
            if skip_comment and line.startswith("#"):
                continue
            parts = line.split(sep) if sep else line.split()
            if line.startswith("-DOCSTART-"):
                continue
            sent_w.append(parts[tok_col])
            sent_t.append(parts[tag_col])
    if sent_w:
        yield sent_w, sent_t


# ---------------------------------------------------------------- corpora
def germeval(path: Path):
    for words, tags in read_columns(path, 1, 2, "\t"):
        yield words, bio_to_biluo(tags)


def europarl(data: Path, dem: Demonyms):
    for split in ("train", "dev", "test"):
        for words, tags in read_columns(data / f"europarl_ner_de/{split}.tsv", 0, 4, "\t"):
            biluo = bio_to_biluo([t.replace("MISC", "OTH") for t in tags])
            for i, t in enumerate(biluo):
                if t == "U-OTH" and dem.is_adj(words[i]):
                    biluo[i] = "U-LOCderiv"
            yield words, dem.relabel(words, biluo)


TAG_FIX = {"PEr": "PER", "ER": "PER", "LOCer": "LOC", "OLOC": "LOC", "ORg": "ORG", "BER": "PER"}


def europeana(data: Path, dem: Demonyms):
    words, tags = [], []
    for p in sorted(glob.glob(str(data / "europeana_ner_de/*.bio"))):
        with open(p, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if line.startswith("# ") or not line.strip():
                    continue
                parts = line.split()
                m = re.fullmatch(r"([BI])[-_.]([A-Za-z]+)", parts[-1]) if len(parts) > 1 else None
                if len(parts) > 1 and (m or parts[-1] in ("O", "v")):
                    toks = parts[:-1]
                else:
                    toks = parts
                lab = None
                if m:
                    lab = TAG_FIX.get(m.group(2), m.group(2))
                    if lab not in ("PER", "LOC", "ORG"):
                        lab = None
                for k, tok in enumerate(toks):
                    if lab:
                        words.append(tok)
                        tags.append(f"{m.group(1) if k == 0 else 'I'}-{lab}")
                    else:
                        words.append(tok)
                        tags.append("O")
        words.append("<DOCEND>")
        tags.append("O")
    # pseudo sentences: cut after . ! ? followed by a capitalised token, or at 60 tokens, or at DOCEND
    sent_w, sent_t = [], []
    for i, (w, t) in enumerate(zip(words, tags)):
        if w == "<DOCEND>":
            if sent_w:
                yield sent_w, dem.relabel(sent_w, bio_to_biluo(sent_t))
            sent_w, sent_t = [], []
            continue
        sent_w.append(w)
        sent_t.append(t)
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        nw = words[i + 1] if i + 1 < len(words) else "X"
        if (w in (".", "!", "?") and nw[:1].isupper() and not nxt.startswith("I")) or (
            len(sent_w) >= 60 and not nxt.startswith("I")
        ):
            yield sent_w, dem.relabel(sent_w, bio_to_biluo(sent_t))
            sent_w, sent_t = [], []


LEGAL_MAP = {**{k: "PER" for k in ("PER", "RR", "AN")}, **{k: "LOC" for k in ("LD", "ST", "STR", "LDS")},
             **{k: "ORG" for k in ("ORG", "UN", "INN", "GRT", "MRK")}}
LEGAL_MISSING = {"GS", "VO", "EUN", "VS", "VT", "RS", "LIT"}


def legal(data: Path, dem: Demonyms, rng: random.Random):
    for split in ("dev", "test"):
        for words, tags in read_columns(data / f"legal_ner/ler_{split}.conll", 0, 1, " ", skip_comment=False):
            new = []
            for t in tags:
                if t == "O":
                    new.append("O")
                elif t[2:] in LEGAL_MISSING:
                    new.append("-")
                else:
                    new.append(t[:2] + LEGAL_MAP.get(t[2:], "X"))
            if not any(t[2:] in ("PER", "LOC", "ORG") for t in new) and rng.random() > 0.10:
                continue
            yield words, dem.relabel(words, bio_to_biluo(new))


SMART_MAP = {"person": "PER", "organization": "ORG", "organization-company": "ORG", "location": "LOC",
             "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC", "location-route": "LOC"}
GENERIC = {"Gruppe", "Unternehmen", "Konzern", "Firma", "Bank", "Regierung", "Tochter", "Hersteller",
           "Autobauer", "Konzerns", "Unternehmens", "Muttergesellschaft", "Konzernmutter", "Holding",
           "Stadt", "Gemeinde", "Land", "Bund", "Behörde", "Ministerium", "Verein", "Club", "Polizei"}
ARTICLES = {"der", "die", "das", "den", "dem", "des", "Der", "Die", "Das", "Den", "Dem", "Des"}


def iter_json_concat(path: Path):
    dec = json.JSONDecoder()
    s = path.read_text(encoding="utf-8")
    i = 0
    ws = re.compile(r"\S")
    while True:
        m = ws.search(s, i)
        if not m:
            return
        obj, i = dec.raw_decode(s, m.start())
        yield obj


def smartdata(data: Path, dem: Demonyms, nlp):
    seen = set()
    for d in iter_json_concat(data / "smartdata/train.json"):
        if d["id"] in seen:
            continue
        seen.add(d["id"])
        text = d["text"]["string"]
        doc = nlp(text)
        ments = (d.get("conceptMentions") or {}).get("array") or []
        spans = []
        for m in ments:
            lab = SMART_MAP.get(m["type"])
            if not lab:
                continue
            sp = doc.char_span(m["span"]["start"], m["span"]["end"], alignment_mode="expand")
            if sp is None:
                continue
            if len(sp) > 1 and sp[0].text in ARTICLES:
                sp = sp[1:]
            if len(sp) == 1 and sp.text in GENERIC:
                continue
            if len(sp) == 0:
                continue
            spans.append(spacy.tokens.Span(doc, sp.start, sp.end, label=lab))
        spans = spacy.util.filter_spans(spans)
        doc.set_ents(spans, default="outside")
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if len(toks) < 2:
                continue
            words = [t.text for t in toks]
            tags = []
            for t in toks:
                if t.ent_iob_ == "O" or not t.ent_type_:
                    tags.append("O")
                else:
                    tags.append(f"{t.ent_iob_}-{t.ent_type_}")
            yield words, dem.relabel(words, bio_to_biluo(tags))


NEWS_KINDS = {"name": "", "deriv": "deriv", "part": "part"}


def _news_tags(doc, joined) -> list[str]:
    """Per-token BILUO tags of one corpus article ("-" = missing)."""
    spans, missing = [], []
    for m in joined["entities"]:
        sp = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if sp is None or len(sp) == 0:
            continue
        if m.get("optional"):
            missing.append(sp)
        elif m["kind"] in NEWS_KINDS:
            exact = doc.char_span(m["start"], m["end"]) is not None
            if exact or m["kind"] != "name":
                spans.append(spacy.tokens.Span(doc, sp.start, sp.end, label=m["label"] + NEWS_KINDS[m["kind"]]))
            else:  # a name inside a token ("SPÖ-nahe"): the token is neither entity nor O
                missing.append(sp)
    meta = joined.get("meta") or {}
    for m in [meta.get("dateline")] + list(meta.get("agency") or []):
        if m:
            sp = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if sp is not None:
                missing.append(sp)
    tags = ["O"] * len(doc)
    for sp in spacy.util.filter_spans(spans):  # outer level: the longest of nested mentions
        if len(sp) == 1:
            tags[sp.start] = "U-" + sp.label_
        else:
            tags[sp.start] = "B-" + sp.label_
            tags[sp.end - 1] = "L-" + sp.label_
            for k in range(sp.start + 1, sp.end - 1):
                tags[k] = "I-" + sp.label_
    for sp in missing:
        for k in range(sp.start, sp.end):
            if tags[k] == "O":
                tags[k] = "-"
    return tags


def news_articles(dev: bool):
    """Joined corpus articles of the training part: its tuning slice (dev) or the rest; never held out."""
    from lagebild.corpus import sources
    from lagebild.corpus.loader import load_corpus

    for joined in load_corpus(part="train"):
        if not sources.held_out(joined["id"]) and sources.train_dev(joined["id"]) == dev:
            yield joined


def news_corpus(nlp, dev: bool):
    """(words, biluo) sentences of the corpus training part: its tuning slice (dev) or the rest."""
    for joined in news_articles(dev):
        doc = nlp(joined["text"])
        tags = _news_tags(doc, joined)
        words, biluo = [], []
        for tok, tag in zip(doc, tags):
            if tok.is_sent_start and words and biluo[-1][:1] not in ("B", "I"):
                yield words, biluo
                words, biluo = [], []
            if tok.is_space:
                continue
            words.append(tok.text)
            biluo.append(tag)
        if words:
            yield words, biluo


def write_germeval_tsv(sents, path: Path) -> None:
    """(words, biluo) sentences as a GermEval 2014 TSV (outer level; missing tokens as O), for
    lagebild.evaluation.ner.evaluate_ner."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for words, biluo in sents:
            f.write("#\ttune\t\n")
            for k, (w, t) in enumerate(zip(words, biluo), 1):
                tag = "O" if t in ("O", "-") else ("B-" if t[0] in "BU" else "I-") + t[2:]
                f.write(f"{k}\t{w}\t{tag}\tO\n")
            f.write("\n")


# ---------------------------------------------------------------- main
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "training/corpus")
    ap.add_argument("--germeval-repeat", type=int, default=None,
                    help="times GermEval dev's training part is repeated (default 3; 1 with --germeval-only)")
    ap.add_argument("--full", action="store_true", help="train on all of GermEval dev")
    ap.add_argument("--no-legal", action="store_true")
    ap.add_argument("--no-europeana", action="store_true")
    ap.add_argument("--no-smartdata", action="store_true")
    ap.add_argument("--no-corpus", action="store_true", help="without the project's annotated news corpus")
    ap.add_argument("--corpus-repeat", type=int, default=2,
                    help="times the corpus training part is repeated in the main corpus (in-domain weight)")
    ap.add_argument("--germeval-only", action="store_true",
                    help="in-domain stage: only GermEval dev (80 %%, or all with --full), once")
    ap.add_argument("--train-name", default="ner_train.spacy")
    ap.add_argument("--mark-missing", action="store_true",
                    help="Europeana/Legal/SmartData: capitalised non-noun O tokens -> missing")
    ap.add_argument("--drop-labels", default="",
                    help="comma-separated labels whose spans become O (outside), e.g. the subtypes the model never "
                         "learns from this data; fewer labels also mean fewer NER transitions to check per token")
    args = ap.parse_args()
    drop = frozenset(x for x in args.drop_labels.split(",") if x)
    rng = random.Random(13)
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    dem = Demonyms()
    vocab = nlp.vocab
    train, tune = [], []
    stats = Counter()

    nouns = common_nouns(args.data) if args.mark_missing else set()
    partial = {"europeana", "legal", "smartdata"}

    def add(name, it, target):
        for words, biluo in it:
            if args.mark_missing and name in partial:
                biluo = mark_unknown_caps(words, biluo, nouns)
                stats[name + " missing"] += biluo.count("-")
            doc = make_doc(vocab, words, biluo, drop)
            target.append(doc)
            stats[name + " sents"] += 1
            stats[name + " tokens"] += len(words)
            for e in doc.ents:
                stats[f"{name} {e.label_}"] += 1

    ge = list(germeval(args.data / "germeval2014_ner/NER-de-dev.tsv"))
    ge_tune = [x for i, x in enumerate(ge) if i % 5 == 0]
    ge_train = ge if args.full else [x for i, x in enumerate(ge) if i % 5 != 0]
    add("germeval_tune", ge_tune, tune)
    n_ge_tune = len(tune)
    for _ in range(args.germeval_repeat or (1 if args.germeval_only else 3)):
        add("germeval_train", ge_train, train)
    if not args.no_corpus:
        news_tune = list(news_corpus(nlp, dev=True))
        write_germeval_tsv(news_tune, args.out / "news_tune.tsv")
        add("news_tune", news_tune, tune)
        news = list(news_corpus(nlp, dev=False))
        for _ in range(1 if args.germeval_only else args.corpus_repeat):
            add("news_train", news, train)
    if args.germeval_only:
        args.no_europeana = args.no_legal = args.no_smartdata = True
    else:
        add("europarl", europarl(args.data, dem), train)
    if not args.no_europeana:
        add("europeana", europeana(args.data, dem), train)
    if not args.no_legal:
        add("legal", legal(args.data, dem, rng), train)
    if not args.no_smartdata:
        add("smartdata", smartdata(args.data, dem, nlp), train)
    rng.shuffle(train)
    args.out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train, store_user_data=False).to_disk(args.out / args.train_name)
    DocBin(docs=tune, store_user_data=False).to_disk(args.out / "ner_tune.spacy")
    DocBin(docs=tune[:n_ge_tune], store_user_data=False).to_disk(args.out / "ner_tune_germeval.spacy")
    DocBin(docs=tune[n_ge_tune:], store_user_data=False).to_disk(args.out / "ner_tune_corpus.spacy")
    for k in sorted(stats):
        print(f"{k}\t{stats[k]}")
    (args.out / args.train_name.replace(".spacy", "_stats.json")).write_text(json.dumps(dict(sorted(stats.items())), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Training files from the corpus: GermEval-style NER token BIO, and a spaCy DocBin of span groups.

Both use one tokenizer: spaCy's blank German tokenizer with lagebild's news settings
(`lagebild.nlp.tokenizer.customize_tokenizer`), deterministic and without a model. Spans are
aligned to tokens with `alignment_mode="expand"`; a span that moves to other boundaries counts
as `expanded`, one that cannot be aligned at all as `unaligned` (listed with its text).

* NER (`write_ner`): one token per line, `index<TAB>token<TAB>outer<TAB>inner` as GermEval 2014
  writes it, a `#<TAB>id<TAB>[date]` line before and a blank line after each sentence. Only
  name, deriv and part mentions are NER entities, labelled PER/ORG/LOC/OTH with the GermEval
  suffix (`LOCderiv`, `ORGpart`); nominal and pronoun mentions are not. The longest mentions form the outer level, a
  mention inside one the inner level; a mention that fits neither is `dropped`. Sentences end
  after . ! ? (and a closing quote right after them) and at line breaks, never inside a mention.
* spans (`write_spans`): a `.spacy` DocBin with doc.spans["quotes"] (label = quote type, one
  span per part), ["cues"] (CUE), ["speakers"] (SPEAKER, kb_id = speaker identity), ["events"]
  and ["events_optional"] (label = PLOVER type), ["mentions"] (label = entity label, kb_id =
  identity key); doc.user_data holds the article id, part and the mention kinds in span order.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from lagebild.corpus import loader
from lagebild.corpus.labels import NAMED_KINDS

PARTS = {"train": ("train",), "test": ("test",), "all": ("train", "test")}
SENTENCE_END = {".", "!", "?"}
CLOSING_QUOTES = {"“", "”", "\"", "«", "‘", "’", "'"}   # German closing marks (» opens: »so«)


@lru_cache(maxsize=1)
def tokenizer_nlp():
    """A blank German pipeline with lagebild's tokenizer settings."""
    import spacy

    from lagebild.nlp.tokenizer import customize_tokenizer

    return customize_tokenizer(spacy.blank("de"))


def export_records(part: str, root: Path | None = None, folder: str = "articles") -> list[dict]:
    """The joined records of a part: train (default), test, or all; the test part only when asked for."""
    if part not in PARTS:
        raise ValueError(f"part {part!r}: train, test or all")
    out = []
    for path in loader.corpus_files(folder, root):
        record = loader.read_record(path)
        if record["part"] in PARTS[part]:
            out.append(loader.join(record, loader.source_text(record["id"])))
    return out


def ner_label(mention: dict) -> str:
    """GermEval label of a named mention: PER, LOCderiv, ORGpart ..."""
    return mention["label"] + ("" if mention["kind"] == "name" else mention["kind"])


def _aligned(doc, start: int, end: int, stats: Counter, **kwargs):
    span = doc.char_span(start, end, alignment_mode="expand", **kwargs)
    if span is None:
        stats["unaligned"] += 1
    elif (span.start_char, span.end_char) != (start, end):
        stats["expanded"] += 1
    return span


def ner_levels(doc, mentions: list[dict], stats: Counter) -> tuple[list, list]:
    """(outer, inner) token spans of the named mentions, longest first."""
    spans = []
    for m in mentions:
        if m["kind"] in NAMED_KINDS:
            span = _aligned(doc, m["start"], m["end"], stats, label=ner_label(m))
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    outer, inner = [], []
    for span in spans:
        if any((s.start, s.end, s.label_) == (span.start, span.end, span.label_) for s in outer + inner):
            continue  # the same entity twice (two referents of one label in one token)
        if not any(s.start < span.end and span.start < s.end for s in outer):
            outer.append(span)
        elif any(s.start <= span.start and span.end <= s.end for s in outer) and \
                not any(s.start < span.end and span.start < s.end for s in inner):
            inner.append(span)
        else:
            stats["dropped"] += 1
    stats["outer"] += len(outer)
    stats["inner"] += len(inner)
    return outer, inner


def bio_tags(n_tokens: int, spans: list) -> list[str]:
    """IOB2 tags of one level."""
    tags = ["O"] * n_tokens
    for span in spans:
        tags[span.start] = f"B-{span.label_}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.label_}"
    return tags


def _joined_tokens(spans: list) -> set[int]:
    """Token indices i such that some span holds both token i and token i + 1."""
    return {i for s in spans for i in range(s.start, s.end - 1)}


def sentences(doc, keep_together: set[int]) -> list[list]:
    """Token runs of the doc without whitespace tokens, split at sentence ends and line breaks."""
    out, current = [], []
    for tok in doc:
        if tok.is_space:
            if "\n" in tok.text and current and tok.i - 1 not in keep_together:
                out.append(current)
                current = []
            continue
        current.append(tok)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        ends = tok.text in SENTENCE_END or (tok.text in CLOSING_QUOTES and tok.i > 0 and doc[tok.i - 1].text in SENTENCE_END)
        if ends and (nxt is None or nxt.text not in CLOSING_QUOTES) and tok.i not in keep_together:
            out.append(current)
            current = []
    return out + ([current] if current else [])


def ner_sentences(joined: dict, stats: Counter) -> list[str]:
    """GermEval lines of one article: a comment line, token lines, a blank line per sentence."""
    doc = tokenizer_nlp().make_doc(joined["text"])
    outer, inner = ner_levels(doc, joined["entities"], stats)
    outer_tags, inner_tags = bio_tags(len(doc), outer), bio_tags(len(doc), inner)
    lines = []
    for sent in sentences(doc, _joined_tokens(outer)):
        stats["sentences"] += 1
        stats["tokens"] += len(sent)
        lines.append(f"#\t{joined['id']}" + (f"\t[{joined['date']}]" if joined.get("date") else ""))
        lines += [f"{k}\t{tok.text}\t{outer_tags[tok.i]}\t{inner_tags[tok.i]}" for k, tok in enumerate(sent, 1)]
        lines.append("")
    return lines


def write_ner(records: list[dict], out: Path) -> dict:
    """Write the NER token file of the records; returns the counts."""
    stats: Counter = Counter({"articles": len(records),
                              **dict.fromkeys(("sentences", "tokens", "outer", "inner", "dropped", "expanded", "unaligned"), 0)})
    lines = [line for joined in records for line in ner_sentences(joined, stats)]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    return dict(stats)


def span_doc(joined: dict, stats: Counter, unaligned: list[dict]):
    """The spaCy Doc of one article with its span groups."""
    doc = tokenizer_nlp().make_doc(joined["text"])
    idents = joined["identities"]
    groups: dict[str, list] = {g: [] for g in ("quotes", "cues", "speakers", "events", "events_optional", "mentions")}

    def add(group: str, item: dict | None, label: str, kb_id: str = "") -> None:
        if item is None:
            return
        span = _aligned(doc, item["start"], item["end"], stats, label=label, kb_id=kb_id)
        if span is None:
            unaligned.append({"id": joined["id"], "group": group, "text": joined["text"][item["start"]:item["end"]]})
        else:
            groups[group].append(span)
            stats[group] += 1

    for q in joined["quotes"]:
        for p in q["parts"]:
            add("quotes", p, q["type"])
        for c in q["cue"]:
            add("cues", c, "CUE")
        add("speakers", q.get("speaker_mention"), "SPEAKER", idents.get(q.get("speaker"), {}).get("key", ""))
    for ev in joined["events"]:
        add("events_optional" if ev.get("optional") else "events", ev["trigger"], ev["type"])
    kinds = []
    for m in joined["entities"]:
        before = len(groups["mentions"])
        add("mentions", m, m["label"], idents[m["identity"]]["key"])
        kinds += [m["kind"]] if len(groups["mentions"]) > before else []
    for name, spans in groups.items():
        doc.spans[name] = spans
    doc.user_data.update({"id": joined["id"], "part": joined["part"], "mention_kinds": kinds})
    return doc


def write_spans(records: list[dict], out: Path) -> dict:
    """Write the DocBin of the records; returns the counts and the spans that could not be aligned."""
    from spacy.tokens import DocBin

    stats: Counter = Counter({"articles": len(records), **dict.fromkeys(
        ("quotes", "cues", "speakers", "events", "events_optional", "mentions", "expanded"), 0)})
    unaligned: list[dict] = []
    docbin = DocBin(store_user_data=True)
    for joined in records:
        docbin.add(span_doc(joined, stats, unaligned))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(out)
    return {**stats, "unaligned": len(unaligned), "unaligned_spans": unaligned}

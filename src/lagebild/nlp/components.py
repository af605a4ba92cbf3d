"""Small spaCy components of the nlp stage: paragraph breaks as sentence starts, and the
sentence list of the article. (`lagebild_finite_repair`, the finite-verb repair after the core
model, is registered by `lagebild.nlp.finite`.)"""
from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("article"):
    Doc.set_extension("article", default=None)


@Language.component("lagebild_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence in news text (headlines, datelines, paragraphs).

    The parser keeps boundaries that are set before it, so this only adds certainty.
    """
    starts = doc.to_array([SENT_START])
    changed = False
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text_with_ws and not tok.is_space or tok.is_space and "\n" in tok.text:
            starts[i + 1] = 1
            changed = True
    if changed:   # one write: setting token.is_sent_start rescans the whole Doc each time
        doc.from_array([SENT_START], starts)
    return doc


@Language.component("lagebild_sentences", requires=["doc.sents"], assigns=["doc._.article"])
def write_sentences(doc: Doc) -> Doc:
    """Sentence offsets into the article text, trimmed of surrounding whitespace."""
    article = doc._.article
    if article is None:
        return doc
    sentences = []
    text = article.text  # == doc.text, which spaCy rebuilds on every access
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        sentences.append((start, end))
    article.sentences = sentences
    return doc

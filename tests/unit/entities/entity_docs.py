"""Hand-built Docs for the entities stage tests: no trained model needed."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.article import Article, Entity
from lagebild.entities.stage import lagebild_entities

_NLP = spacy.blank("de")
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "“", ")"}
NO_SPACE_AFTER = {"„", "("}


def make_doc(tokens: list[tuple], sent_starts: list[int] | None = None) -> Doc:
    """A Doc from (word, STTS tag, IOB entity[, morph]) tuples; tags/ents may be None to
    leave that layer out. Spaces follow the usual German punctuation rules."""
    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] not in NO_SPACE_AFTER
              for i in range(len(words))]
    kwargs = {}
    if all(len(t) > 1 and t[1] for t in tokens):
        kwargs["tags"] = [t[1] for t in tokens]
    if all(len(t) > 2 for t in tokens) and any(t[2] != "O" for t in tokens):
        kwargs["ents"] = [t[2] for t in tokens]
    if any(len(t) > 3 and t[3] for t in tokens):
        kwargs["morphs"] = [t[3] if len(t) > 3 else "" for t in tokens]
    if sent_starts is not None:
        kwargs["sent_starts"] = [i in sent_starts for i in range(len(words))]
    doc = Doc(_NLP.vocab, words=words, spaces=spaces, **kwargs)
    doc._.article = Article(id="test", text=doc.text)
    return doc


PUNCT_TAGS = {".": "$.", "!": "$.", "?": "$.", ":": "$.", ";": "$.", ",": "$,"}


def tokens(text: str) -> list[tuple]:
    """Tokens of a whitespace-split sentence; an item is "Word", "Word|TAG", "Word|TAG|IOB" or
    "Word|TAG|IOB|Morph" (an empty TAG leaves the tag out). When any token has a tag,
    punctuation without one gets its STTS tag."""
    out = []
    for item in text.split():
        parts = item.split("|") if "|" in item else [item]
        word, tag, iob, morph = (parts + ["", "", "", ""])[:4]
        out.append((word, tag or None, iob or "O", morph))
    if any(t[1] for t in out):
        out = [(w, tag or PUNCT_TAGS.get(w, "$(" if not w.isalnum() else "XY"), iob, m)
               for w, tag, iob, m in out]
    return out


def run(doc: Doc) -> list[Entity]:
    """Run the stage and return the article's entities (offsets are checked on the way)."""
    lagebild_entities(doc)
    article = doc._.article
    for e in article.entities:
        for m in e.mentions:
            assert article.text[m.start:m.end] == m.text, (m, e.name)
    return article.entities


def by_mention(entities: list[Entity], text: str, form: str | None = None) -> Entity | None:
    """The entity that has a mention with this text (and form)."""
    for e in entities:
        for m in e.mentions:
            if m.text == text and (form is None or m.form == form):
                return e
    return None

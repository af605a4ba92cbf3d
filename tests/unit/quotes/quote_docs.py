"""Hand-built Docs for the quotes stage: words from the blank German tokenizer, sentence starts
from the sentencizer, and, where a test gives them, STTS tags, morphology, heads and deps."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from lagebild.article import Article, Entity, Mention
from lagebild.nlp import components  # noqa: F401  (doc._.article)
from lagebild.nlp.tokenizer import customize_tokenizer
from lagebild.quotes.stage import find_quotes

_NLP = spacy.blank("de")
customize_tokenizer(_NLP)
_NLP.add_pipe("sentencizer")


def make_doc(text: str, tags: dict[str, str] | None = None, morphs: dict[str, str] | None = None,
             parse: list[tuple[int, str]] | None = None) -> Doc:
    """A Doc of `text`; `tags`/`morphs` map a word to its STTS tag / UD features (other words get
    none); `parse` gives (head index, dep) for every token of a one-sentence text."""
    plain = _NLP(text)
    words = [t.text for t in plain]
    spaces = [bool(t.whitespace_) for t in plain]
    kwargs = {}
    if tags is not None:
        kwargs["tags"] = [tags.get(w, "XY" if not any(c.isalnum() for c in w) else "NN") for w in words]
        kwargs["tags"] = [("$," if w == "," else "$." if w in ".!?" else t) if not any(c.isalnum() for c in w) else t
                          for w, t in zip(words, kwargs["tags"])]
    if morphs is not None:
        kwargs["morphs"] = [morphs.get(w, "") for w in words]
    if parse is not None:
        kwargs["heads"] = [h for h, _ in parse]
        kwargs["deps"] = [d for _, d in parse]
    else:
        kwargs["sent_starts"] = [t.is_sent_start for t in plain]
    doc = Doc(_NLP.vocab, words=words, spaces=spaces, **kwargs)
    return doc


def quotes_of(text: str, entities: list[tuple[str, str, str, list[tuple[str, str]]]] | None = None, **kw) -> list:
    """Run the quotes stage alone on `text`; `entities` are (id, name, type, [(mention, form)])."""
    doc = make_doc(text, **kw)
    article = Article(id="t", text=doc.text)
    for eid, name, etype, mentions in entities or []:
        ms = []
        start = 0
        for mtext, form in mentions:
            pos = doc.text.index(mtext, start)
            ms.append(Mention(pos, pos + len(mtext), mtext, form))
            start = pos + len(mtext)
        article.entities.append(Entity(eid, name, etype, mentions=ms))
    doc._.article = article
    return find_quotes(doc, article)


def part_texts(quote) -> list[str]:
    return [p.text for p in quote.parts]

"""A parsed Doc's token attributes as plain lists, read once per Doc.

The Python stages look tokens up by index many times ("the lemma of the head", "the children of
the governing verb"), and every `doc[i]`, `tok.head` or `tok.children` builds new Token objects
and reads the string store again. A stage that scores every word reads these lists instead.
The lists describe the Doc as it is when they are read: build them after the last component
that changes tags, lemmas or the parse.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc


@dataclass(frozen=True)
class Columns:
    text: list[str]
    lower: list[str]           # text, lower-cased
    lemma: list[str]           # the lemma as the Doc has it ("" where none)
    lem: list[str]             # lemma, or the text where none, lower-cased
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]            # index of the head (a root is its own head)
    children: list[list[int]]  # indices of the dependents, in text order (as `Token.children`)


def columns(doc: Doc) -> Columns:
    strings = doc.vocab.strings
    attrs = doc.to_array([LEMMA, POS, TAG, DEP, HEAD, ORTH])
    text = [strings[h] for h in attrs[:, 5].tolist()]
    lemma, tag, dep = ([strings[h] if h else "" for h in attrs[:, k].tolist()] for k in (0, 2, 3))
    pos = [POS_NAMES.get(p, "") for p in attrs[:, 1].tolist()]
    head = (attrs[:, 4].astype(np.int64) + np.arange(len(text))).tolist()  # HEAD is relative
    children: list[list[int]] = [[] for _ in text]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    lower = [t.lower() for t in text]
    lem = [(lm or t).lower() for lm, t in zip(lemma, text)]
    return Columns(text, lower, lemma, lem, pos, tag, dep, head, children)

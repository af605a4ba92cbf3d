"""Pair quotation marks into direct-quote spans, tolerating every style and unbalanced text.

Works on tokens (a Doc, or the list of its tokens, which is faster to index): a mark is a token that is a single quote character. Whether a mark can open or
close is read from its spacing (an opening mark is glued to the word after it, a closing mark to
the word before it), so straight quotes ("...") pair as well as „…“ or »…«. An opening mark that is
never closed is dropped at the next paragraph break instead of swallowing the rest of the text.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

MAX_QUOTE_TOKENS = 600  # a quote longer than this is a pairing error, not a quote


def _glued_right(doc: Sequence[Token], i: int) -> bool:
    return i + 1 < len(doc) and not doc[i].whitespace_ and not doc[i + 1].is_space


def _glued_left(doc: Sequence[Token], i: int) -> bool:
    return i > 0 and not doc[i - 1].whitespace_ and not doc[i - 1].is_space


def _paragraph_break(doc: Sequence[Token], i: int) -> bool:
    """True when a line break separates token i-1 from token i."""
    if i == 0:
        return False
    prev = doc[i - 1]
    return "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)


def pair_marks(doc: Sequence[Token], marks: dict[str, set[str]]) -> list[tuple[int, int]]:
    """(open token, close token) index pairs, outermost and nested, in text order."""
    chars = set(marks) | {c for closes in marks.values() for c in closes}
    stack: list[tuple[int, str]] = []
    pairs: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if stack and _paragraph_break(doc, i):
            stack.clear()
        text = tok.text
        if len(text) != 1 or text not in chars:
            continue
        left, right = _glued_left(doc, i), _glued_right(doc, i)
        closed = False
        for depth in range(len(stack) - 1, max(-1, len(stack) - 3), -1):
            o, ch = stack[depth]
            if text in marks.get(ch, ()) and (left or not right) and i - o <= MAX_QUOTE_TOKENS:
                pairs.append((o, i))
                del stack[depth:]
                closed = True
                break
        if closed:
            continue
        if text in marks and (right or not left):
            if text in ("'", "‘", "’") and not (right and not left):
                continue  # apostrophes: only a clearly opening single mark opens
            stack.append((i, text))
            if len(stack) > 4:
                stack.pop(0)
    pairs.sort()
    return pairs

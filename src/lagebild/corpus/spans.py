"""Span references of the authoring drafts: readable text that code turns into offsets.

A reference is one of
* `"Merkel"`: the text, which must occur exactly once (as a whole word where it starts or ends
  with a letter or digit);
* `"er#3"`: its third occurrence in the article (1-based);
* `"er@sagte er am"`: its first occurrence inside the context, which must occur exactly once;
* `"Die Nato ... Feind"`: from the start of the left reference to the end of the first
  occurrence of the right text after it (the separator is " ... " with spaces);
* `[start, end]`: character offsets, as written by the tools (never typed by hand).
In the mention list, `"Merkel*"` stands for every occurrence that no other mention overlaps.
"""
from __future__ import annotations

import re
from typing import Any

RANGE = " ... "


class SpanError(ValueError):
    """A reference that does not resolve to one span; the message says why and shows the places."""


def _word_pattern(needle: str) -> re.Pattern[str]:
    left = r"(?<!\w)" if needle[:1].isalnum() else ""
    right = r"(?!\w)" if needle[-1:].isalnum() else ""
    return re.compile(left + re.escape(needle) + right)


def occurrences(text: str, needle: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of `needle` in text[start:end], whole-word at letter/digit edges."""
    if not needle:
        return []
    end = len(text) if end is None else end
    return [m.span() for m in _word_pattern(needle).finditer(text, start, end)]


def _show(text: str, spans: list[tuple[int, int]], limit: int = 6) -> str:
    out = []
    for k, (s, e) in enumerate(spans[:limit], 1):
        left = text[max(0, s - 25):s].replace("\n", " ")
        right = text[e:e + 25].replace("\n", " ")
        out.append(f"#{k}: …{left}[{text[s:e]}]{right}…")
    if len(spans) > limit:
        out.append(f"... {len(spans) - limit} more")
    return "; ".join(out)


def _single(text: str, ref: str, start: int = 0) -> tuple[int, int]:
    """A reference without a range: `text`, `text#n` or `text@context`, searched from `start`."""
    if "@" in ref:
        needle, context = ref.split("@", 1)
        if not needle or not context:
            raise SpanError(f"{ref!r}: text and context must both be given around '@'")
        places = occurrences(text, context, start)
        if len(places) != 1:
            raise SpanError(f"context {context!r} occurs {len(places)} times, needs exactly 1"
                            + (f": {_show(text, places)}" if places else ""))
        inside = occurrences(text, needle, *places[0]) or [
            (places[0][0] + i, places[0][0] + i + len(needle))
            for i in [text.find(needle, *places[0]) - places[0][0]] if i >= 0]
        if not inside:
            raise SpanError(f"{needle!r} is not inside its context {context!r}")
        return inside[0]
    match = re.fullmatch(r"(.+?)#(\d+)", ref, flags=re.S)
    if match:
        needle, n = match.group(1), int(match.group(2))
        places = occurrences(text, needle, start)
        if not 1 <= n <= len(places):
            raise SpanError(f"{ref!r}: {needle!r} occurs {len(places)} times, not {n}")
        return places[n - 1]
    places = occurrences(text, ref, start)
    if len(places) != 1:
        hint = " (add #n or @context)" if places else ""
        raise SpanError(f"{ref!r} occurs {len(places)} times{hint}" + (f": {_show(text, places)}" if places else ""))
    return places[0]


def resolve(text: str, ref: Any) -> tuple[int, int]:
    """Offsets (start, end) of one reference; SpanError if it does not name exactly one span."""
    if isinstance(ref, (list, tuple)) and len(ref) == 2 and all(isinstance(x, int) for x in ref):
        s, e = ref
        if not 0 <= s < e <= len(text):
            raise SpanError(f"offsets {ref} outside the text (length {len(text)})")
        return s, e
    if not isinstance(ref, str) or not ref.strip():
        raise SpanError(f"not a span reference: {ref!r}")
    if RANGE in ref:
        left, right = ref.split(RANGE, 1)
        s, e = _single(text, left)
        places = occurrences(text, right, e)
        if not places:
            raise SpanError(f"{ref!r}: {right!r} does not follow {left!r}")
        return s, places[0][1]
    return _single(text, ref)


def resolve_all(text: str, ref: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every occurrence of `ref` without its trailing `*` that overlaps none of `taken`."""
    needle = ref[:-1]
    return [(s, e) for s, e in occurrences(text, needle)
            if not any(s < te and ts < e for ts, te in taken)]


def _render_range(text: str, start: int, end: int) -> str | None:
    """A long span as "first words ... last words", when that names exactly this span."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 10:
        return None
    left_end, right_start = start + words[3].end(), start + words[-4].start()
    right = text[right_start:end]
    left = render(text, start, left_end, shorten=False)
    if not isinstance(left, str) or "\n" in left or "\n" in right or "@" in left:
        return None
    ref = f"{left}{RANGE}{right}"
    try:
        return ref if resolve(text, ref) == (start, end) else None
    except SpanError:
        return None


def _plain(needle: str) -> bool:
    """Text that reads back as itself: no '@', no range separator, no '#n' or '*' ending."""
    return "@" not in needle and RANGE not in needle and not needle.endswith("*") \
        and not re.search(r"#\d+$", needle)


def render(text: str, start: int, end: int, shorten: bool = True) -> str:
    """The shortest reference that names the span: the text, `text#n`, a range, or offsets."""
    if shorten and end - start > 60:
        ranged = _render_range(text, start, end)
        if ranged:
            return ranged
    needle = text[start:end]
    if needle != needle.strip() or not needle or not _plain(needle):
        return [start, end]  # type: ignore[return-value]
    places = occurrences(text, needle)
    if places == [(start, end)]:
        return needle
    if (start, end) in places:
        return f"{needle}#{places.index((start, end)) + 1}"
    return [start, end]  # type: ignore[return-value]
